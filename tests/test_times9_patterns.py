"""Time and statement-date patterns of two work samples and the regression samples of real reports
(issue 11, times9), each reproduced by an invented article. Every text here is invented; none comes from
a real report or from the shared gold."""

from __future__ import annotations

import pytest

import newsledger
from record_helpers import one_time, statement_date


time_of = one_time  # the one time record of a text written so (published 2026-03-06)


# -- the lead event: a time on the lead's second coordinated verb dates the scene -------------------------

@pytest.mark.slow
def test_a_time_on_the_leads_coordinated_verb_dates_the_scene_of_the_interviews():
    text = ("Growers march on Vellin over grain prices\n\n"
            "About 3,000 growers drove their harvesters into Vellin and blocked the Orrin Bridge on Thursday "
            "over what they call ruinous grain tariffs.\n\n"
            "Police kept the two sides apart near the council building.\n\n"
            "Tavi Nerro, 52, a grower from Ostmark, said the price of barley had halved in two years.")
    assert statement_date(text, "price of barley had halved") == "2026-03-05"


# -- "said in the letter": the written occasion the story dated before -----------------------------------

@pytest.mark.slow
def test_a_saying_in_the_letter_shares_the_day_of_the_dated_letter():
    text = ("Rail regulator orders Korvel to replace brakes\n\n"
            "The Ostmark rail regulator has ordered the Korvel works to replace the brakes on all its trams.\n\n"
            "The regulator wrote to Korvel in a letter on Thursday asking for a repair plan by April 2.\n\n"
            "The works has said the fault touches only older cars.\n\n"
            "\u201cNo reason was given for leaving the newer cars out,\u201d chief inspector Ruta Vell said in "
            "the letter.")
    assert statement_date(text, "No reason was given") == "2026-03-05"


# -- a season naming a kind of thing ("the winter flu strain") is no time --------------------------------

def _texts(text: str) -> list[str]:
    return [t.text for t in newsledger.extract(text, published="2026-03-06").times]


@pytest.mark.slow
def test_a_season_that_modifies_a_noun_names_a_kind_not_a_time():
    text = ("Two wards at Harl General were shut on Tuesday after nine patients caught the winter flu "
            "strain that has spread through Ostmark care homes.")
    assert "the winter flu" not in " ".join(_texts(text)) and "the winter" not in _texts(text)
    assert "Tuesday" in _texts(text)


@pytest.mark.slow
def test_a_season_before_a_time_noun_or_standing_alone_stays_a_time():
    assert "the winter months" in _texts("Fuel bills at Harl rose sharply over the winter months, the council said.") \
        or "the winter" in _texts("Fuel bills at Harl rose sharply over the winter months, the council said.")
    assert "the summer" in _texts("The Orrin ferry will run every day through the summer, its owners said.")


# -- a weekday of a planned act ("the intended stoppage on Thursday") lies ahead ----------------------------

@pytest.mark.slow
def test_a_weekday_of_an_intended_act_that_is_still_to_be_called_off_is_the_coming_one():
    text = ("Ferrow transport chief Olen Marsk on Friday pleaded with the dock unions to drop their intended "
            "stoppage on Thursday, offering talks at any hour.")
    assert time_of(text, "Thursday").value == "2026-03-12"


@pytest.mark.slow
def test_a_weekday_of_a_planned_act_that_went_ahead_stays_the_past_one():
    text = "The dock unions at Ferrow staged their planned stoppage on Thursday, closing the port for a day."
    assert time_of(text, "Thursday").value == "2026-03-05"


# -- a financial year written "2030-31" runs from April to March ------------------------------------------

@pytest.mark.slow
def test_a_financial_year_runs_from_april_to_march():
    text = "Harl Instruments said profit rose 9% in the 2030-31 financial year, its best on record."
    assert time_of(text, "the 2030-31 financial year").value == "2030-04/2031-03"


@pytest.mark.slow
def test_half_of_a_financial_year_is_that_half_of_april_to_march():
    text = "Orders at Harl Instruments slowed in the first half of the 2029-30 financial year, the firm said."
    assert time_of(text, "the first half of the 2029-30 financial year").value == "2029-04/2029-09"


@pytest.mark.slow
def test_a_season_of_two_years_is_no_financial_year():
    text = "Vell Rovers finished third in the 2030-31 season, the club said."
    assert time_of(text, "2030-31").value == "2030/2031"
