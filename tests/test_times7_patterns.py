"""Time and statement-date patterns of seven blind samples of real reports (issue 11, times7), each
reproduced by an invented article. Every text here is invented; none comes from a real report or from the
shared gold."""

from __future__ import annotations

import pytest

import newsledger
from record_helpers import PUB, statement_date


# -- the lead under a headline and a dateline ----------------------------------------------------------

@pytest.mark.slow
def test_a_dateline_cut_off_as_its_own_sentence_is_not_the_lead():
    text = ("Gales shut Brenwick ferry port\n\n"
            "BRENWICK, Ostmark, March 6 (NWS) --\n"
            "Gales closed the ferry port of Brenwick on Tuesday, stranding some 300 lorries.\n\n"
            "A week earlier the port had reopened after repairs.\n\n"
            "Harbour master Ilse Dorn said that the berths were safe but the cranes were not.")
    assert statement_date(text, "berths were safe") == "2026-03-03"


@pytest.mark.slow
def test_a_headline_cut_at_its_colon_is_no_lead():
    text = ("Harbour row: Dockers walk out at Lenmouth\n\n"
            "LENMOUTH: Dockers at Lenmouth walked off the quays on Wednesday in a row over night shifts.\n\n"
            "Two days before, the port's owners had cut the shift allowance.\n\n"
            "Union steward Piet Arnsen said the men would stay out until the cut was reversed.")
    assert statement_date(text, "stay out") == "2026-03-04"


# -- which day an undated "said" was said on --------------------------------------------------------------

@pytest.mark.slow
def test_a_story_back_on_its_own_day_dates_a_plain_said_to_it():
    text = ("Work on the Velk canal to start this spring\n\n"
            "Surveyors mapped the route of the Velk canal in 2024, and the Tarnhill assembly released the money "
            "for it today.\n\n"
            "Assembly speaker Oda Brenn said the first barges could sail within two years.")
    assert statement_date(text, "first barges") == PUB


@pytest.mark.slow
def test_an_earlier_day_as_the_latest_time_before_the_cue_still_leaves_it_open():
    text = ("Work on the Velk canal to start this spring\n\n"
            "Surveyors mapped the route of the Velk canal in 2024, and the Tarnhill assembly released the money "
            "for it on Tuesday.\n\n"
            "Assembly speaker Oda Brenn said the first barges could sail within two years.")
    assert statement_date(text, "first barges") is None


@pytest.mark.slow
def test_the_day_of_a_dated_saying_dates_a_later_plain_told():
    text = ("Mount Varn trail stays shut\n\n"
            "The park service said on Wednesday that the north trail of Mount Varn would stay shut until May.\n\n"
            "Ice brought down part of the path on Sunday, and a survey team went up on Monday.\n\n"
            "Ranger Arno Vesk told reporters that the ropes on the upper ridge had been cut by ice.")
    assert statement_date(text, "ropes on the upper ridge") == "2026-03-04"


@pytest.mark.slow
def test_a_present_cue_under_a_lead_on_the_story_day_is_that_day():
    text = ("Lenmark grain board trims exports\n\n"
            "The Lenmark grain board cut its export quota for barley by a fifth on Friday.\n\n"
            "Board members say that the harvest came in smaller than the farmers had hoped.")
    assert statement_date(text, "harvest came in") == PUB


@pytest.mark.slow
def test_according_to_him_shares_the_day_of_his_previous_statement():
    text = ("Velk ferries to go electric\n\n"
            "Tomas Orlen, who chairs the Velk ferry board, says the board will lease four electric ferries.\n\n"
            "According to him, the first of the boats will sail from Brask in the autumn.\n\n"
            "The old ferries were built in 1988 and last serviced in 2021.")
    assert statement_date(text, "first of the boats") == PUB


# -- an anaphoric offset that only a later time of its paragraph anchors -------------------------------------

def times(text: str, published: str = PUB) -> dict[str, str | None]:
    return {t.text: t.value for t in newsledger.extract(text, published=published).times}


@pytest.mark.slow
def test_an_earlier_offset_counts_back_from_the_day_its_paragraph_tells_after_it():
    t = times("The first pumps reached the Orm gorge a day earlier, and the Tessin cave team got to the flooded "
              "chamber by boat on Wednesday.")
    assert t.get("a day earlier") == "2026-03-03"


@pytest.mark.slow
def test_an_offset_anchors_on_nothing_across_a_paragraph_or_on_a_coming_day():
    t = times("Pumps had drained the lower tunnel two days earlier.\n\nThe Tessin cave team reached the "
              "flooded chamber on Wednesday.")
    assert t.get("two days earlier") is None
    t = times("Pumps had drained the lower tunnel two days earlier. The Tessin cave team will reach the flooded "
              "chamber on Sunday.")
    assert t.get("two days earlier") is None


# -- "N days after <event>" counted from the day an earlier sentence gives the event ----------------------

@pytest.mark.slow
def test_an_offset_after_an_event_counts_from_the_day_told_for_that_event():
    t = times("The Orsk assembly voted on February 9 to sell the harbour. The harbour master quit a week "
              "after the vote.")
    assert t.get("a week after") == "2026-02-16"


@pytest.mark.slow
def test_an_offset_after_an_event_no_sentence_dates_stays_a_length():
    t = times("Crowds filled the Orsk square on February 9. The harbour master quit a week after the vote.")
    assert t.get("a week") == "P1W" and "a week after" not in t
