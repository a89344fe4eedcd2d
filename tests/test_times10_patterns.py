"""Time patterns of the work samples of real reports (issue 11, times10), each reproduced by an invented
article. Every text here is invented; none comes from a real report or from the shared gold."""

from __future__ import annotations

import pytest

from record_helpers import one_time


def value_of(text: str, expr: str, published: str = "2031-05-13") -> str | None:
    """The value of the one time of ``text`` written ``expr``, failing with the times the record holds."""
    return one_time(text, expr, published).value


# -- financial years: the article's places decide the start month; a budget's year pairs are its years -----

_BUDGET = ("Ferry routes win $300m in state budget\n\n"
           "Wednesday's state budget will give the Tasmania ferry network an extra $300 million over four years.\n\n"
           "Transport Minister Odile Carrow said Hobart routes would receive $70 million next financial year, "
           "rising to $95 million in 2033-34.\n\n"
           "Under the new compact the state will meet half the cost of new berths from 2032-33.")


@pytest.mark.slow
def test_next_financial_year_in_an_article_about_a_july_place_runs_july_to_june():
    assert value_of(_BUDGET, "next financial year") == "2031-07/2032-06"


@pytest.mark.slow
def test_a_bare_year_pair_in_a_budget_article_is_the_places_financial_year():
    assert value_of(_BUDGET, "2033-34") == "2033-07/2034-06"
    assert value_of(_BUDGET, "from 2032-33") == "2032-07/2033-06"


@pytest.mark.slow
def test_next_financial_year_without_a_deciding_place_runs_from_april():
    text = ("Mill owners in Varnholt said on Tuesday that the new levy would raise little next financial year, "
            "the first of the new budget rules.")
    assert value_of(text, "next financial year") == "2032-04/2033-03"


@pytest.mark.slow
def test_a_year_pair_outside_budget_reporting_stays_two_calendar_years():
    text = "The Varnholt Rovers striker scored 31 goals in 2029-30, a club record."
    assert value_of(text, "2029-30") == "2029/2030"


@pytest.mark.slow
def test_a_season_in_a_budget_article_is_no_financial_year():
    text = ("The Brisbane council's budget cut the grant to the Orrin Wanderers for the 2032-33 season, "
            "the club said on Monday.")
    assert value_of(text, "2032-33") == "2032/2033"


# -- a month with "next/last/this year"; an abbreviated month before a year; the middle of a month ---------

_ROLLOUT = ("Card payments to reach 40 more towns by Feb 2032: Varnholt treasury\n\n"
            "Varnholt, Tue, 13 May 2031\n\n"
            "The treasury will extend card payments for river tolls to 12 towns in July, 15 in October and 13 in "
            "February next year, Treasurer Ilse Ormond said. Card tolls began in the capital at the start of the "
            "current calendar year, she said.")


@pytest.mark.slow
def test_a_month_followed_by_next_year_is_that_month_of_the_next_year():
    assert value_of(_ROLLOUT, "February next year") == "2032-02"


@pytest.mark.slow
def test_an_abbreviated_month_before_a_year_is_that_month():
    assert value_of(_ROLLOUT, "by Feb 2032") == "2032-02"


@pytest.mark.slow
def test_the_start_of_the_current_calendar_year_is_its_first_day():
    assert value_of(_ROLLOUT, "the start of the current calendar year") == "2031-01-01"


@pytest.mark.slow
def test_mid_month_is_the_months_middle_ten_days():
    text = ("Dairy farmers lifted their blockade of the Orrin creamery on Sunday after a six-week standoff that "
            "began in mid-March, the farmers' union said.")
    assert value_of(text, "mid-March") == "2031-03-11/2031-03-20"


# -- "until <weekday>" in a present clause: the end of a stretch still running lies ahead -------------------

@pytest.mark.slow
def test_until_a_weekday_in_a_present_clause_is_the_coming_one():
    text = ("Ostmark Air said on Tuesday that it had cancelled 40 flights because of a strike by its cabin crew.\n\n"
            "Travellers are unable to book seats on the Vell-Orrin route until Monday, the airline said.")
    assert value_of(text, "Monday") == "2031-05-19"


@pytest.mark.slow
def test_until_a_weekday_in_a_past_clause_stays_the_nearest():
    text = ("The Orrin bridge was closed until Monday after a barge struck one of its piers, the council said "
            "on Tuesday.")
    assert value_of(text, "Monday") == "2031-05-12"


# -- seasons of the southern hemisphere: the article's places or its outlet's domain decide -----------------

def _season_of(text: str, expr: str, url: str | None = None) -> str | None:
    return one_time(text, expr, "2031-09-24", url).value


_DRY = ("Volunteer crews from Harl and Ostby will clear scrub along the ridge roads before the warm months, "
        "the brigade said on Monday. Brigade captain Nils Varro said that with dry weather forecast for this "
        "summer, households should clear their gutters now.")


@pytest.mark.slow
def test_a_season_in_an_article_about_a_southern_place_is_the_southern_one():
    assert _season_of("Crews in Tasmania are busy. " + _DRY, "this summer") == "2031-12/2032-02"


@pytest.mark.slow
def test_the_outlets_country_domain_decides_the_hemisphere_when_no_place_is_named():
    assert _season_of(_DRY, "this summer", url="https://ridge-gazette.example.com.au/news/1") == "2031-12/2032-02"


@pytest.mark.slow
def test_a_season_with_no_southern_place_or_outlet_is_the_northern_one():
    value = _season_of(_DRY, "this summer", url="https://ridge-gazette.example.com/news/1")
    assert value is not None and value[4:] == "-06/" + value[:4] + "-08", value  # June to August


# -- "told reporters following a meeting ... on Wednesday": the day is the telling's, not the participle's ----

@pytest.mark.slow
def test_a_day_after_a_following_phrase_dates_the_telling_for_the_speakers_next_statements():
    from record_helpers import statement_date

    text = ("Ferry guild orders crews back to work\n\n"
            "The crews walked out over unpaid overtime and cuts to their rest days.\n\n"
            "Mira Talven, the guild's chief executive, told reporters following a meeting with the crews in Ostby "
            "on Wednesday that the crews should end the stoppage and talk with the owners.\n\n"
            "She stated that the owners were willing to restore the rest days.")
    assert statement_date(text, "owners were willing to restore") == "2026-03-04"
