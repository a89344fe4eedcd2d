"""Events on real reporting (issue 11, round events12): what the rounds events10 and events11 left. Each family
is fixed by a mechanism and reproduced here by an invented article: a trigger word that is part of an
organization's name ("the X Health Investigation") names the body and tells no act.

Every text here is invented; none is taken from a real report or from the shared gold."""

from __future__ import annotations

import pytest

from record_helpers import PUB, events, extract, names

slow = pytest.mark.slow


def traced(text: str):
    """The record of ``text`` with its trace (why each event was dropped or kept)."""
    from newsledger.nlp import load_model
    from newsledger.pipeline import Pipeline

    return Pipeline(nlp=load_model(), trace=True).extract(text, published=PUB)


# -- a trigger inside an organization's name ----------------------------------------------------------------

@slow
def test_an_act_word_inside_an_agency_name_is_no_event_and_the_trace_says_so():
    rec = traced("Trawler inspected at Velmar\n\n"
                 "Two inspectors of Fleet Safety and Health Investigation (FSHI), a Velmar agency, boarded the "
                 "trawler on Monday.")
    assert events(rec, "ACCUSE") == [], [(v.trigger.text, v.source) for v in rec.events]
    assert "events.in_name" in {d.rule for d in rec.trace if d.item == "events.dropped"}


@slow
def test_the_same_word_outside_the_name_is_still_the_agency_s_act():
    rec = traced("Fleet Safety and Health Investigation, a Velmar agency, opened an investigation into the "
                 "trawler fire on Monday.")
    (v,) = events(rec, "ACCUSE")
    assert v.trigger.text == "investigation" and names(rec, v.source) == {"Fleet Safety and Health Investigation"}
