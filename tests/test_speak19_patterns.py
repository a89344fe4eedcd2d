"""Statements and their speakers on real reporting (issue 11, speak19), each pattern reproduced by an invented
article. Every text here is invented; none comes from a real report or from the shared gold."""

from __future__ import annotations

import pytest

from record_helpers import extract, speaker_of


def _one(rec, words: str):
    hits = [s for s in rec.statements if words in s.content.text]
    assert len(hits) == 1, f"not one statement holds {words!r}: {[s.content.text for s in rec.statements]}"
    return hits[0]


# -- indirect frames: a cue whose object is told to act ("directed X to ...", "is encouraging X to ...") ------

FERRIES = ("Ferry crews told to stay in port\n\n"
           "Harbour master Edda Strand on Tuesday directed the ferry crews on the Kessel run to keep their boats "
           "in port until the gale passes or lose their licences.\n\n"
           "The Kessel Water Board is encouraging households along the estuary to move cars and pets to high "
           "ground before the weekend.\n\n"
           "Analysts at Marvel Trust expect the ferry company to ask the board for a fuel subsidy next month.\n\n"
           "The ferry company informed passengers that the evening sailings from Kessel were cancelled.")


@pytest.mark.slow
def test_directed_someone_to_act_is_a_demand_of_the_one_who_directs():
    rec = extract(FERRIES)
    st = _one(rec, "the ferry crews on the Kessel run to keep their boats")
    assert speaker_of(rec, "the ferry crews on the Kessel run") == "Edda Strand"
    assert st.kind == "demand"


@pytest.mark.slow
def test_encouraging_someone_to_act_is_a_demand():
    rec = extract(FERRIES)
    st = _one(rec, "households along the estuary to move cars")
    assert speaker_of(rec, "households along the estuary") == "Kessel Water Board"
    assert st.kind == "demand"


@pytest.mark.slow
def test_expecting_someone_to_act_is_a_statement_of_the_ones_who_expect():
    """"Analysts at X expect Y to ...": the unnamed analysts speak (speaker null, their words kept)."""
    rec = extract(FERRIES)
    st = _one(rec, "the ferry company to ask the board for a fuel subsidy")
    assert st.speaker_text is not None and "Analysts" in st.speaker_text


@pytest.mark.slow
def test_informed_someone_that_reports_the_clause_with_the_audience_as_channel():
    rec = extract(FERRIES)
    st = _one(rec, "the evening sailings from Kessel were cancelled")
    assert st.channel_text == "passengers"


@pytest.mark.slow
def test_the_new_indirect_cues_need_a_reported_clause():
    """A film directed, a board encouraged by results, a long night expected, passengers kept informed:
    nothing said."""
    rec = extract("Harbour notes\n\n"
                  "Dara Quell directed the harbour film in Kessel last year.\n\n"
                  "The water board was encouraged by the early results.\n\n"
                  "The harbour master expected a long night.\n\n"
                  "The ferry company will keep passengers informed.")
    assert rec.statements == [] or all("film" not in s.content.text and "results" not in s.content.text
                                       and "night" not in s.content.text for s in rec.statements), \
        [s.content.text for s in rec.statements]


# -- a that-clause the parser hung on the noun of a phrase after the cue ----------------------------------------

@pytest.mark.slow
def test_a_that_clause_hung_on_the_noun_of_an_occasion_phrase_is_what_was_told():
    """"told residents during a visit to X on Sunday that ...": the parser reads the clause as the visit's
    (a relative clause on a noun that names no channel); opening with its "that", it is what was told."""
    rec = extract("Pumps for Tarvel\n\n"
                  "Mayor Ana Kell told residents during a visit to the flooded streets of Tarvel on Sunday that "
                  "the town would get new pumps.")
    st = _one(rec, "the town would get new pumps")
    assert speaker_of(rec, "the town would get new pumps") == "Ana Kell"
    assert st.content.text == "the town would get new pumps"



# -- "announced" + a noun: the act announced is the content ------------------------------------------------------

STOPPAGE = ("Ferry stoppage\n\n"
            "The ferry workers' guild announced a two-day stoppage at the Kessel docks from next Monday.\n\n"
            "Health chief Mara Quist announced fresh talks with the nurses' union to end the pay dispute.\n\n"
            "The club announced Dara Quell as its new coach.\n\n"
            "The stoppage was announced by the guild on Monday, and the cuts announced in May still stand.")


@pytest.mark.slow
def test_announcing_an_act_is_a_statement_whose_content_is_the_act():
    rec = extract(STOPPAGE)
    st = _one(rec, "a two-day stoppage at the Kessel docks")
    assert st.kind == "commitment"
    assert st.speaker_text == "The ferry workers' guild"


@pytest.mark.slow
def test_announced_talks_to_end_a_dispute_keeps_the_talks_in_the_content():
    """The parser hangs "to end ..." on the cue: the object announced opens what was said."""
    rec = extract(STOPPAGE)
    st = _one(rec, "to end the pay dispute")
    assert st.content.text.startswith("fresh talks with the nurses' union")
    assert speaker_of(rec, "to end the pay dispute") == "Mara Quist"


@pytest.mark.slow
def test_announcing_a_person_or_a_passive_announcement_is_no_statement():
    rec = extract(STOPPAGE)
    assert not [s for s in rec.statements if "Dara Quell" in s.content.text or "cuts" in s.content.text
                or s.content.text.startswith("The stoppage")], [s.content.text for s in rec.statements]


# -- a quote before "X quoted Y as saying" -------------------------------------------------------------------

@pytest.mark.slow
def test_a_quote_before_quoted_as_saying_is_the_quoted_persons_with_the_outlet_as_channel():
    """The parser hangs the quote on "quoted", not on "saying": it is what Y said, relayed by X."""
    rec = extract("Harbour ruling\n\n"
                  "Mayor Ilse Varga lost her case over the harbour berths on Monday.\n\n"
                  "\"We will fight this ruling,\" the daily Kessel Post quoted Varga as saying.")
    st = _one(rec, "We will fight this ruling")
    assert speaker_of(rec, "We will fight this ruling") == "Ilse Varga"
    assert st.direct is True
    assert st.channel_text is not None and "Kessel Post" in st.channel_text


# -- "he added" after a sentence whose reported clause holds another man's name ----------------------------------

@pytest.mark.slow
def test_he_added_continues_the_speaker_not_a_subject_inside_his_reported_clause():
    """"noting Brand had made the offer": "made" reports nothing (the 'make' cue needs "clear" / "plain"),
    so Brand is no subject in subject position, and "he added" is Tolle's."""
    rec = extract("Ferry subsidy\n\n"
                  "Minister Oskar Brand offered the ferry company a subsidy on Monday.\n\n"
                  "Councillor Bram Tolle backed the plan, noting Brand had made the offer in good faith.\n\n"
                  "\"The ferries need the money before the winter timetable starts,\" he added.")
    assert speaker_of(rec, "The ferries need the money") == "Bram Tolle"


# -- "<Body> <title> <Name> said", the body read as the subject ----------------------------------------------

TEACHERS = ("Teachers stay out\n\n"
            "Education Minister Anna Rell said on Monday that schools in Ostra must reopen this week.\n\n"
            "Ostra Union of Midwives secretary general Ilse Varga said she would not meet the minister.\n\n"
            "She said the union would decide on Friday whether to end the stoppage.")


@pytest.mark.slow
def test_a_titled_name_ending_a_body_subject_speaks():
    rec = extract(TEACHERS)
    assert speaker_of(rec, "she would not meet the minister") == "Ilse Varga"


@pytest.mark.slow
def test_a_pronoun_after_a_titled_name_in_a_body_subject_is_that_person():
    rec = extract(TEACHERS)
    assert speaker_of(rec, "the union would decide on Friday") == "Ilse Varga"


@pytest.mark.slow
def test_an_announcement_still_to_come_is_no_statement():
    rec = extract("Cabinet talks\n\n"
                  "The coalition could take a month to announce the new cabinet.\n\n"
                  "The guild will announce its pay claim in May.")
    assert [s.content.text for s in rec.statements] == []


@pytest.mark.slow
def test_a_closing_in_a_statement_on_a_day_is_how_and_when_it_was_said():
    """The parser hangs "in a letter on Friday" on the last verb of what was announced: the phrase is cut
    from the content and its day dates the saying."""
    rec = extract("Talks on the nurses' strike\n\n"
                  "Health chief Mara Quist announced fresh talks with the nurses to end their walkout in a "
                  "letter on Friday. The union had called a two-day stoppage.", published="2026-03-08")
    st = _one(rec, "fresh talks with the nurses to end their walkout")
    assert st.content.text == "fresh talks with the nurses to end their walkout"
    assert st.date is not None and st.date.value == "2026-03-06"


@pytest.mark.slow
def test_an_announcement_whose_participle_says_the_words_is_the_participles_statement():
    rec = extract("Harbour master quits\n\n"
                  "Harbour master Oskar Brand announced his exit in a short radio address, saying he had broken "
                  "no rule.")
    assert [s.content.text for s in rec.statements] == ["he had broken no rule"]


@pytest.mark.slow
def test_expecting_something_to_happen_read_as_a_relative_clause_is_what_is_expected():
    """"expects more money to flow ...": the parser reads "to flow" as a relative clause on the object; the
    object and its infinitive are what the speaker expects."""
    rec = extract("Farm budget\n\n"
                  "Treasurer Ola Brink expects more money to flow to the farms in the spring.")
    st = _one(rec, "more money to flow to the farms")
    assert speaker_of(rec, "more money to flow") == "Ola Brink"
    assert st.content.text.startswith("more money")


@pytest.mark.slow
def test_a_quote_an_outlet_relays_is_dated_by_the_outlets_report():
    rec = extract("Rates to fall\n\n"
                  "Finance minister Oskar Brand said rates would fall, the Kessel Post reported on Sunday.\n\n"
                  "\"We have a plan for the rest of the year,\" the Kessel Post quoted Brand as saying.",
                  published="2026-03-10")
    st = _one(rec, "We have a plan for the rest of the year")
    assert st.date is not None and st.date.value == "2026-03-08"


# -- "the governor" for a person written "Gov. X" ----------------------------------------------------------------

@pytest.mark.slow
def test_the_governor_is_the_person_written_with_the_abbreviated_rank():
    rec = extract("Storm nears Velmar coast\n\n"
                  "Gov. Lena Marsh told coastal towns on Monday to prepare for the storm.\n\n"
                  "\"The surge will be worst on the southern beaches,\" the governor said.")
    assert speaker_of(rec, "The surge will be worst") == "Lena Marsh"


@pytest.mark.slow
def test_a_title_that_only_begins_like_an_abbreviated_rank_is_not_its_holder():
    # "collector" begins like "Col." but is no colonel: the collector who speaks is unnamed here
    rec = extract("Relief camps open in Darsi\n\n"
                  "Col. Ravi Tandel led an army column into the flooded villages of Darsi district on Monday.\n\n"
                  "\"Relief camps will open in every school by tomorrow,\" the collector said.")
    assert speaker_of(rec, "Relief camps will open") != "Ravi Tandel"


def test_every_rank_abbreviation_is_an_honorific():
    from newsledger.analysis.words import word_class
    from newsledger.extract.statements.cues import lexicon
    assert set(lexicon()["rank_abbreviations"]) <= word_class("honorifics")


@pytest.mark.slow
def test_a_pronoun_speaker_is_not_named_inside_what_it_reports():
    # "expect" is a cue (speak19), so "The Kessel administration" is a subject before "he": the one who said it
    # is still the latest speaker before the report, not someone named inside it (analysis.reference.inside_own_report)
    rec = extract("Grain talks to resume\n\n"
                  "Treasury Secretary Paul Ostrow said on Tuesday that talks with Varnia would resume next month.\n\n"
                  "\"We want a deal that lasts,\" Ostrow said after a meeting with President Dana Kessel.\n\n"
                  "The Kessel administration expects Varnia to buy more grain, he said.")
    assert speaker_of(rec, "The Kessel administration expects") == "Paul Ostrow"


# -- '"...," the statement read': the writing's issuer speaks -------------------------------------------------

PIT = ("Miner killed at Tarvel pit\n\n"
       "The Tarvel Miners Guild released a statement on Tuesday mourning a worker killed at the north pit.\n\n"
       "\"We grieve with the family of a miner who did not come home after his shift,\" the statement read.\n\n"
       "\"We thank the rescue crews who worked through the night.\"\n\n"
       "The mayor read the letter aloud at the council.")


@pytest.mark.slow
def test_a_quote_the_statement_read_is_the_issuers():
    rec = extract(PIT)
    assert speaker_of(rec, "We grieve with the family") == "Tarvel Miners Guild"


@pytest.mark.slow
def test_the_next_quote_paragraph_continues_the_issuer():
    rec = extract(PIT)
    assert speaker_of(rec, "We thank the rescue crews") == "Tarvel Miners Guild"


@pytest.mark.slow
def test_a_person_reading_a_letter_says_nothing():
    rec = extract(PIT)
    assert not [s for s in rec.statements if "letter" in s.content.text]
