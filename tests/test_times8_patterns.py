"""Time and statement-date patterns of two blind samples of real reports (issue 11, times8), each
reproduced by an invented article. Every text here is invented; none comes from a real report or from the
shared gold."""

from __future__ import annotations

import pytest

import newsledger

PUB = "2026-03-06"  # a Friday


def statement_date(text: str, content: str, published: str = PUB) -> str | None:
    rec = newsledger.extract(text, published=published)
    (st,) = [s for s in rec.statements if content in s.content.text]
    return st.date.value if st.date is not None else None


# -- a time that the verb's tense cannot take is not the verb's day -------------------------------------

@pytest.mark.slow
def test_a_coming_day_in_an_order_is_no_occasion_of_the_one_who_gave_it():
    text = ("Dockers told to end walkout\n\n"
            "Dockers at Lenmouth on Thursday rejected a call to return to the quays.\n\n"
            "Transport minister Hal Verrin ordered the dockers back on the quays tomorrow or face the sack.\n\n"
            "\u201cThe port cannot stay shut for another week,\u201d he said.")
    assert statement_date(text, "cannot stay shut") == "2026-03-05"


@pytest.mark.slow
def test_a_past_day_in_a_present_tense_lead_dates_no_lead_event():
    text = ("Ferry fire solved, coastguard says\n\n"
            "The Ostmark coastguard regards the fire aboard the ferry Vanna on February 20 as solved after a "
            "deckhand was charged.\n\n"
            "\u201cWe know who started it and why,\u201d coastguard chief Mara Tolk said at a news conference "
            "on Thursday.\n\n"
            "Harbour police inspector Jens Auber said the deckhand had confessed during questioning.")
    assert statement_date(text, "deckhand had confessed") == "2026-03-05"

