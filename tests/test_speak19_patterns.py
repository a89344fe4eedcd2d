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

