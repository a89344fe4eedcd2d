"""Time patterns of a blind sample of real reports (issue 11, times6), each reproduced by an invented
article. Every text here is invented; none comes from a real report or from the shared gold."""

from __future__ import annotations

import pytest

import newsledger

PUB = "2026-03-06"  # a Friday


def times(text: str, published: str = PUB) -> dict[str, str | None]:
    return {t.text: t.value for t in newsledger.extract(text, published=published).times}


# -- coordinated weekdays: one range ------------------------------------------------------------------

@pytest.mark.slow
def test_between_two_weekdays_is_one_range():
    t = times("The Kestrel ferry line said it had cut half its sailings between Friday and Sunday.")
    assert t.get("between Friday and Sunday") == "2026-03-06/2026-03-08"
    assert "Friday" not in t and "Sunday" not in t


@pytest.mark.slow
def test_two_consecutive_weekdays_are_one_range():
    t = times("Orla Venn, who held talks with the Tamsk dockers Wednesday and Thursday, called the offer poor.")
    assert t.get("Wednesday and Thursday") == "2026-03-04/2026-03-05"


@pytest.mark.slow
def test_a_future_weekday_range_lies_ahead():
    t = times("The Brenhold council will close the bridge between Monday and Wednesday.")
    assert t.get("between Monday and Wednesday") == "2026-03-09/2026-03-11"


@pytest.mark.slow
def test_weekdays_met_apart_stay_two_days():
    t = times("The Ostrava-Lind board met on Monday and again on Thursday.")
    assert t.get("Monday") == "2026-03-02" and t.get("Thursday") == "2026-03-05"
    t = times("The Ostrava-Lind board met on Monday and Thursday.")
    assert "Monday and Thursday" not in t and t.get("Thursday") == "2026-03-05"


# -- the tense of the clause: a past inability, a future in the past ------------------------------------

@pytest.mark.slow
def test_a_negated_could_reports_the_past_weekday():
    t = times("Kell's lawyer, Arno Brisk, could not be reached for comment on Tuesday.")
    assert t.get("Tuesday") == "2026-03-03"


@pytest.mark.slow
def test_a_plan_reported_with_was_to_lies_ahead():
    t = times("The two-day walkout which began Sunday was to be followed by five days of stoppages from March 2.",
              published="2026-02-28")
    assert t.get("March 2") == "2026-03-02"


@pytest.mark.slow
def test_a_hard_past_with_was_keeps_the_past():
    t = times("It was hard to reach the Pelmark mayor on Tuesday.")
    assert t.get("Tuesday") == "2026-03-03"
