"""A statement's horizon is the times stage's own expression, anchored anew on the statement's date:
the text is never parsed again for it (issue 10). Invented articles."""

from __future__ import annotations

import datetime as dt

import pytest

from newsledger.extract.statements.stage import find_statements
from newsledger.extract.times import candidates, stage as times_stage
from newsledger.extract.times.stage import find_times, reanchor
from newsledger.records import Entity, Span, Time

PUB = dt.date(2031, 3, 12)  # a Wednesday


@pytest.mark.slow
def test_reanchor_resolves_a_found_window_from_another_day(nlp):
    doc = nlp("The council said the bridge would reopen within two weeks.")
    (t,) = find_times(doc, PUB)
    assert t.value == "2031-03-12/2031-03-26"
    assert reanchor(doc, t, dt.date(2031, 3, 2)) == "2031-03-02/2031-03-16"


@pytest.mark.slow
def test_reanchor_knows_only_the_times_the_stage_found_in_that_doc(nlp):
    doc = nlp("The council said the bridge would reopen within two weeks.")
    find_times(doc, PUB)
    made_elsewhere = Time(0, 11, "The council", "DATE", "2031-03-12", "published")
    assert reanchor(doc, made_elsewhere, PUB) is None
    assert reanchor(nlp("No times here."), made_elsewhere, PUB) is None


@pytest.mark.slow
def test_horizon_counts_from_the_statement_date_without_parsing_the_text_again(nlp, monkeypatch):
    text = ("Mayor Lina Dorr said on March 2 that the bridge would reopen within two weeks. "
            "The council agreed.")
    doc = nlp(text)
    times = find_times(doc, PUB)
    assert [t.text for t in times] == ["March 2", "within two weeks"]

    def no_parse(*_a, **_k):
        raise AssertionError("the time grammar ran again on a piece of text")

    monkeypatch.setattr(candidates, "scan", no_parse)
    monkeypatch.setattr(times_stage, "scan", no_parse)
    dorr = Entity("e1", "PERSON", "Lina Dorr", ("Dorr",), (Span.of(text, text.index("Lina"), text.index(" said")),))
    (s,) = [s for s in find_statements(doc, [dorr], times, PUB) if "bridge" in s.content.text]
    assert s.date is not None and s.date.value == "2031-03-02"
    assert s.horizon is not None and (s.horizon.value, s.horizon.text) == ("2031-03-02/2031-03-16", "within two weeks")
