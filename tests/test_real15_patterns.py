"""Patterns of a ninth blind sample of real reports (issue 11, real15), each reproduced by an invented
article. Every text here is invented; none comes from a real report or from the shared gold."""

from __future__ import annotations

import pytest

import newsledger

from record_helpers import name_of, person

PUB = "2026-03-06"  # a Friday


def extract(text: str, published: str = PUB):
    return newsledger.extract(text, published=published)


# -- a sum written with currency letters glued to its digits -------------------------------------------

@pytest.mark.slow
def test_a_currency_amount_with_its_thousands_or_a_magnitude_is_no_entity():
    rec = extract("The tribunal in Ostra ordered Dara Quell to pay K40, 000 to the cooperative. Her brother "
                  "had received R12,500 from the fund, and the district lost K3 million in the scheme.")
    names = {e.name for e in rec.entities}
    assert not names & {"K40", "R12,500", "K3"}, names
    assert "Dara Quell" in names


@pytest.mark.slow
def test_a_letter_and_number_name_without_money_around_it_stays():
    rec = extract("Leaders of the V9 group met in Ostra on Monday. The V9 said it would meet again in May.")
    assert any(e.name == "V9" for e in rec.entities), [e.name for e in rec.entities]


# -- a headline written all in capitals ----------------------------------------------------------------

@pytest.mark.slow
def test_an_all_capitals_headline_is_no_name_run():
    rec = extract("HARBOUR GUARD DETAINED OVER BLAZE AT BRENNICK QUAY DEPOT\n\n"
                  "A harbour guard has been detained after a blaze at the Brennick Quay depot on Tuesday, the "
                  "Velmar Coast Police said.")
    names = {e.name for e in rec.entities}
    assert not any("Detained" in n or "DETAINED" in n for n in names), names
    assert not any(e.type == "PERSON" for e in rec.entities), [(e.name, e.type) for e in rec.entities]


# -- "and other" inside a statutory body's name ----------------------------------------------------------

@pytest.mark.slow
def test_and_other_inside_a_long_official_name_is_one_body():
    rec = extract("The case was brought by the Independent Fraud and other Related Crimes Commission, which "
                  "said the clerk had taken bribes.")
    names = {e.name for e in rec.entities}
    assert "Independent Fraud and other Related Crimes Commission" in names, names
    assert "Related Crimes Commission" not in names


# -- a territory whose name holds "and" ------------------------------------------------------------------

@pytest.mark.slow
def test_a_territory_named_with_and_is_one_place():
    rec = extract("Two fishing boats were seized off the coast of the Saint Kitts and Nevis islands on Monday, "
                  "the coast guard said, after a patrol near Ostra.")
    names = {e.name for e in rec.entities}
    assert "Saint Kitts and Nevis" in names, names
    assert "Nevis" not in names


# -- "police spokesman X" serves the article's one police body -----------------------------------------

@pytest.mark.slow
def test_a_service_word_before_a_title_ties_the_holder_to_the_one_body_named_later():
    rec = extract("In a statement on Sunday, police spokesman Terin Oakes said a second suspect had been "
                  "questioned.\n\nIt is the third inquiry this year into an officer of the Velmar Islands Police "
                  "Service.")
    oakes = person(rec, "Terin Oakes")
    assert [name_of(rec, a) for a in oakes.attributes.affiliation] == ["Velmar Islands Police Service"]


@pytest.mark.slow
def test_a_service_word_with_two_bodies_holding_it_ties_nobody():
    rec = extract("In a statement on Sunday, police spokesman Terin Oakes said a second suspect had been "
                  "questioned.\n\nThe Velmar Islands Police Service and the Ostra Harbour Police share the "
                  "inquiry.")
    oakes = person(rec, "Terin Oakes")
    assert oakes.attributes.affiliation == ()


# -- a court that jails someone sentences him ------------------------------------------------------------

@pytest.mark.slow
def test_a_court_jailing_someone_is_a_sanction_not_an_arrest():
    rec = extract("A district court in Ostra jailed Dara Quell on Thursday after she failed to pay the fine.")
    evs = [(e.type, e.mode, name_of(rec, e.target[0]) if e.target else None) for e in rec.events]
    assert ("SANCTION", "convict", "Dara Quell") in evs, evs
    assert not any(t == "COERCE" for t, _m, _x in evs), evs


@pytest.mark.slow
def test_jailing_without_a_court_or_a_term_stays_an_arrest():
    rec = extract("The junta jailed Dara Quell in Ostra on Thursday.")
    evs = [(e.type, e.mode) for e in rec.events]
    assert ("COERCE", "arrest") in evs, evs


# -- "the collector" is the collector, not the deputy collector -------------------------------------------

@pytest.mark.slow
def test_a_bare_description_is_the_holder_without_a_lower_rank():
    rec = extract("Ostra District Collector Mira Tandon and Deputy Collector Bal Seth toured the flooded "
                  "villages on Monday.\n\nLater the collector explained that relief camps would open in three "
                  "schools.")
    speakers = {s.content.text[:20]: name_of(rec, s.speaker) for s in rec.statements}
    assert list(speakers.values()) == ["Mira Tandon"], speakers


@pytest.mark.slow
def test_a_bare_description_with_only_a_lower_rank_holder_is_that_holder():
    rec = extract("Deputy Collector Bal Seth toured the flooded villages on Monday.\n\nLater the collector "
                  "explained that relief camps would open in three schools.")
    assert [name_of(rec, s.speaker) for s in rec.statements] == ["Bal Seth"]


# -- "clarified that" reports ----------------------------------------------------------------------------

@pytest.mark.slow
def test_clarified_that_reports_its_clause():
    rec = extract("The harbour master Ivo Strand calmed the crews and clarified that the ferries would sail "
                  "again on Sunday.")
    assert [(name_of(rec, s.speaker), s.content.text[:20]) for s in rec.statements] == \
        [("Ivo Strand", "the ferries would sa")]


# -- agreeing with a view is no accord ------------------------------------------------------------------

@pytest.mark.slow
def test_one_party_agreeing_with_a_view_is_no_agree_event():
    rec = extract("Harbour master Ilsa Varn agreed the berth fees had been set too high and said they would "
                  "be cut in May.")
    assert not any(e.type == "AGREE" for e in rec.events), [(e.type, e.trigger.text) for e in rec.events]


@pytest.mark.slow
def test_two_parties_agreeing_that_something_will_happen_is_an_accord():
    rec = extract("Arvelia and Tumbria agreed on Monday that the ferries between them would resume in May.")
    assert any(e.type == "AGREE" for e in rec.events), [(e.type, e.trigger.text) for e in rec.events]

