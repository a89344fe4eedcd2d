"""The events stage on invented sentences: general mechanisms added after checking unseen articles.

Fictional cast and helpers come from ``test_events``.
"""

from __future__ import annotations

import pytest

from test_events import events_of, only


@pytest.mark.slow
def test_exchanging_detained_citizens_is_a_mutual_release(nlp):
    ev = only(events_of(nlp, "Arvelia and Tumbria exchanged 14 detained citizens on Friday."), "RETREAT")
    assert ev.mode == "release" and set(ev.source) == {"e1", "e2"} and set(ev.target) == {"e1", "e2"}


@pytest.mark.slow
def test_summoning_an_ambassador_is_a_consultation(nlp):
    ev = only(events_of(nlp, "Arvelia summoned Tumbria's ambassador, Oren Malik, on Monday."), "CONSULT")
    assert ev.source == ("e1",) and "e4" in ev.target


@pytest.mark.slow
def test_flying_in_medical_teams_is_aid(nlp):
    ev = only(events_of(nlp, "The Redhand Front flew two medical teams into Velmar on Monday."), "AID")
    assert ev.source == ("e5",)


@pytest.mark.slow
def test_ordering_an_inquiry_is_the_inquiry_not_a_request(nlp):
    evs = events_of(nlp, "Dara Quell ordered an inquiry into the collapse.")
    assert [(e.type, e.mode, e.source) for e in evs] == [("ACCUSE", "investigate", ("e3",))]


@pytest.mark.slow
def test_two_conjoined_measures_of_different_kinds_are_two_events(nlp):
    evs = [e for e in events_of(nlp, "Arvelia imposed sanctions on Tumbria and expelled nine diplomats.")
           if e.type == "SANCTION"]
    assert sorted((e.mode or "") for e in evs) == ["", "expel"]
    assert all(e.source == ("e1",) for e in evs)
