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


# -- a union whose name has no "union" in it: the text says it is one ---------------------------------------

UNION_STORY = ("Cabin crew walkout grounds Velmar Airways flights\n\n"
               "Hundreds of Velmar Airways flights were cancelled on Saturday as cabin crew began a three-day "
               "strike over pay.\n\n"
               "Officials of the {union} said nearly all of its 9,000 members were backing the strike.\n\n"
               "Velmar Airways said the strike was unnecessary.")


@slow
def test_a_strike_of_workers_is_the_union_the_text_names_by_a_bare_name():
    rec = extract(UNION_STORY.format(union="Aerwyn union"))
    (v,) = events(rec, "PROTEST")
    assert names(rec, v.source) == {"Aerwyn"}, [(v.trigger.text, v.source) for v in rec.events]


@slow
def test_an_employer_named_before_union_is_no_union():
    rec = extract(UNION_STORY.format(union="Velmar Airways union"))
    assert all("Velmar Airways" not in names(rec, v.source) for v in events(rec, "PROTEST")), \
        [(v.trigger.text, names(rec, v.source)) for v in rec.events]
