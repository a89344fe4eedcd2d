"""Time and statement-date patterns of seven blind samples of real reports (issue 11, times7), each
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
