"""Patterns of a seventh blind sample of real reports (issue 11, real13), each reproduced by an invented
article. Every text here is invented; none comes from a real report or from the shared gold."""

from __future__ import annotations

import pytest

import newsledger

from record_helpers import name_of, person, speaker_of

PUB = "2026-04-10"  # a Friday


def extract(text: str, published: str = PUB):
    return newsledger.extract(text, published=published)


# -- a title whose "for" opens a list of portfolios that runs on to the name -----------------------------

PORTFOLIOS = ("Coastal minister tours flooded villages\n\n"
              "Minister for Coastal Fisheries, Harbours and Rural Roads T. Veldarin on Monday said that boat "
              "owners would be paid for lost nets.\n\n"
              "Fishermen in Ostrava Bay have lost boats. The Minister promised that every owner would be "
              "repaid within a month.")


@pytest.mark.slow
def test_a_portfolio_list_title_ends_before_the_name():
    rec = extract(PORTFOLIOS)
    veldarin = person(rec, "T. Veldarin")
    assert "Minister for Coastal Fisheries, Harbours and Rural Roads" in veldarin.attributes.titles
    assert speaker_of(rec, "paid for lost nets") == "T. Veldarin"
    assert speaker_of(rec, "repaid within a month") == "T. Veldarin"


@pytest.mark.slow
def test_two_portfolios_cut_at_a_known_given_name():
    rec = extract("Minister for Roads and Inland Water Agnes Maren said on Monday that the bridge would reopen.")
    assert speaker_of(rec, "bridge would reopen") == "Agnes Maren"


@pytest.mark.slow
def test_a_list_after_no_title_stays_whole():
    rec = extract("Delegates from Velmar, Ostra and Upper Tarn Valley met in Castrel on Monday to discuss the dam.")
    assert not any(e.name in ("Tarn Valley", "Valley") for e in rec.entities)
    assert any(e.name == "Upper Tarn Valley" for e in rec.entities), [e.name for e in rec.entities]


# -- an unnamed spokesperson on a body's acronym, and "the spokesperson" after it --------------------------

HARBOUR = ("Velmar harbour shuts to ships as pilots walk out\n\n"
           "The Velmar Harbour Authority (VHA) closed the river channel on Tuesday.\n\n"
           "A VHA spokesperson said that the channel would stay closed until the pilots return.\n\n"
           "Some 12 ferries were held in port. Cargo losses were hard to count, the spokesperson said.")


@pytest.mark.slow
def test_an_acronym_spokesperson_and_the_spokesperson_are_the_body():
    rec = extract(HARBOUR)
    assert speaker_of(rec, "stay closed until") == "Velmar Harbour Authority"
    assert speaker_of(rec, "hard to count") == "Velmar Harbour Authority"


@pytest.mark.slow
def test_the_spokesperson_with_no_body_before_is_nobody():
    rec = extract("Velmar harbour shuts to ships\n\n"
                  "Some 12 ferries were held in port. Cargo losses were hard to count, the spokesperson said.")
    assert speaker_of(rec, "hard to count") is None


@pytest.mark.slow
def test_a_named_spokesperson_of_the_body_is_the_person():
    rec = extract("The Velmar Harbour Authority (VHA) closed the river channel on Tuesday.\n\n"
                  "VHA spokesperson Ilse Marrow said that the channel would stay closed until the pilots return.")
    assert speaker_of(rec, "stay closed until") == "Ilse Marrow"


# -- "the <modifier> <body noun>" is the body whose name holds the modifier too --------------------------
# -- "X, a guild spokesman, who added": the relative clause is X's ----------------------------------------

FERRIES = ("Ferry crews stop work for a day\n\n"
           "Crews of the Ostra Ferry Workers Guild stopped work on Friday. The Northern Shipowners Council, "
           "which employs them, called the stoppage unlawful.\n\n"
           "\"We are ready for the season,\" said Petra Olm, chair of the Tarn Travel Traders Council.\n\n"
           "The shipowners council said that 40 sailings were cancelled.\n\n"
           "\"This was a warning and nothing more,\" said Joran Bex, a guild spokesman, who added that talks "
           "would resume on Monday.")


@pytest.mark.slow
def test_a_modified_body_noun_is_the_body_whose_name_holds_the_modifier():
    rec = extract(FERRIES)
    assert speaker_of(rec, "40 sailings") == "Northern Shipowners Council"


@pytest.mark.slow
def test_a_bare_body_noun_is_still_the_latest_body_holding_it():
    rec = extract(FERRIES.replace("The shipowners council said", "The council said"))
    assert speaker_of(rec, "40 sailings") == "Tarn Travel Traders Council"


@pytest.mark.slow
def test_who_after_a_named_spokesman_in_apposition_is_the_name():
    rec = extract(FERRIES)
    assert speaker_of(rec, "talks would resume") == "Joran Bex"


# -- "the union behind the strike" is the strike's source; a "behind" of place is none ----------------------

def _events(text: str):
    rec = extract(text)
    return [(v.type, [name_of(rec, x) for x in v.source]) for v in rec.events]


@pytest.mark.slow
def test_the_body_behind_a_strike_is_its_source():
    got = _events("Ships waited off Castrel on Monday. The Tarvos Dockers Union behind the dock strike "
                  "had called out crews before.")
    assert ("PROTEST", ["Tarvos Dockers Union"]) in got


@pytest.mark.slow
def test_a_crowd_behind_a_barrier_starts_no_act():
    assert _events("The crowd behind the barrier watched the march by the Tarvos Dockers Union.") == []


# -- "assured that ..." is a pledge; "quit the cabinet" is a resignation --------------------------------------

@pytest.mark.slow
def test_a_minister_assuring_and_quitting():
    assert ("AGREE", ["Olen Marsk"]) in _events("Olen Marsk assured that every grower in Ostra would be paid.")
    assert ("RETREAT", ["Olen Marsk"]) in _events("Olen Marsk became the second minister to quit the cabinet "
                                                  "after the report.")
    assert _events("Olen Marsk quit smoking last year.") == []


# -- titles said of a named person as predicates --------------------------------------------------------------

@pytest.mark.slow
def test_titles_said_of_a_person_by_be_become_and_held_the_role_of():
    rec = extract("Ostra council member quits after audit\n\n"
                  "Olen Marsk has become the second city councillor to quit the council this year.\n\n"
                  "Mr Marsk had held the role of deputy treasurer and was the councillor for harbours.")
    titles = person(rec, "Olen Marsk").attributes.titles
    assert "city councillor" in titles and "second city councillor" not in titles
    assert "deputy treasurer" in titles
    assert "councillor for harbours" in titles


@pytest.mark.slow
def test_a_predicate_that_is_no_title_adds_none():
    rec = extract("Olen Marsk was the first to arrive in Ostra, and Mr Marsk is a friend of the family.")
    assert person(rec, "Olen Marsk").attributes.titles == ()


@pytest.mark.slow
def test_discussions_between_two_leaders_are_a_consultation():
    got = _events("Bilateral discussions between President Dara Quell, who is on a visit to Arvelia, and Prime "
                  "Minister Oren Malik were held on Monday.")
    assert any(t == "CONSULT" and "Dara Quell" in s for t, s in got), got
    assert _events("The discussion of the budget ran late in Velmar.") == []


# -- "In a statement from X to Y, a spokeswoman for ... said": the parser hangs the speaker on Y ------------

@pytest.mark.slow
def test_a_speaker_after_a_fronted_statement_phrase_is_still_the_subject():
    rec = extract("Pilots at Tarvos Airlines voted to strike on Thursday.\n\n"
                  "In a statement from Tarvos Airlines to reporters in Castrel, a spokeswoman for the airline "
                  "said Tarvos is sure that it can settle with the union soon.")
    hits = [s for s in rec.statements if "settle with the union" in s.content.text]
    assert hits, [s.content.text for s in rec.statements]
    assert name_of(rec, hits[0].speaker) == "Tarvos Airlines"


@pytest.mark.slow
def test_an_apposition_of_place_in_a_fronted_phrase_is_no_speaker():
    rec = extract("In Velmar, the capital, officials said the bridge would reopen on Monday.")
    hits = [s for s in rec.statements if "bridge would reopen" in s.content.text]
    assert hits and hits[0].speaker is None and hits[0].speaker_text == "officials"


@pytest.mark.slow
def test_the_outermost_apposition_of_a_fronted_phrase_is_the_speaker():
    rec = extract("Pilots at Tarvos Airlines voted to strike on Thursday.\n\n"
                  "In a statement from Tarvos Airlines to reporters in Castrel, a spokeswoman for the Port Ostra, "
                  "Velmar-based airline said Tarvos is sure that it can settle with the union soon.")
    hits = [s for s in rec.statements if "settle with the union" in s.content.text]
    assert hits and hits[0].speaker_text == "a spokeswoman", [(s.speaker_text, s.content.text) for s in hits]
