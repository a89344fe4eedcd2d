"""Time and statement-date patterns of two blind samples of real reports (issue 11, times8), each
reproduced by an invented article. Every text here is invented; none comes from a real report or from the
shared gold."""

from __future__ import annotations

import pytest

import newsledger
from record_helpers import PUB, one_time, statement_date


# -- a time that the verb's tense cannot take is not the verb's day -------------------------------------

@pytest.mark.slow
def test_a_coming_day_in_an_order_is_no_occasion_of_the_one_who_gave_it():
    text = ("Dockers told to end walkout\n\n"
            "Dockers at Lenmouth on Thursday rejected a call to return to the quays.\n\n"
            "Transport minister Hal Verrin ordered the dockers back on the quays tomorrow or face the sack.\n\n"
            "\u201cThe port cannot stay shut for another week,\u201d he said.")
    assert statement_date(text, "cannot stay shut") == "2026-03-05"


@pytest.mark.slow
def test_a_reporting_verb_in_what_was_ordered_is_no_occasion_of_saying():
    text = ("Bus drivers defy depot order\n\n"
            "Bus drivers in Ferrow on Thursday rejected a call to return to their routes.\n\n"
            "Mayor Ilse Varn instructed the drivers to report to the depots tomorrow or lose their licences.\n\n"
            "\u201cThe city cannot go without buses for another week,\u201d she said.")
    assert statement_date(text, "without buses") == "2026-03-05"

@pytest.mark.slow
def test_a_past_day_in_a_present_tense_lead_dates_no_lead_event():
    text = ("Ferry fire solved, coastguard says\n\n"
            "The Ostmark coastguard regards the fire aboard the ferry Vanna on February 20 as solved after a "
            "deckhand was charged.\n\n"
            "\u201cWe know who started it and why,\u201d coastguard chief Mara Tolk said at a news conference "
            "on Thursday.\n\n"
            "Harbour police inspector Jens Auber said the deckhand had confessed during questioning.")
    assert statement_date(text, "deckhand had confessed") == "2026-03-05"


# -- calendar spans written out in full ----------------------------------------------------------------

def time_value(text: str, expr: str, published: str = PUB) -> str | None:
    return one_time(text, expr, published).value


@pytest.mark.slow
def test_a_range_of_two_month_days_takes_the_year_written_after_the_second():
    text = ("The Orlen freight line ran without a safety licence from March 30 to April 4, 2024, "
            "the rail inspectors found.")
    assert time_value(text, "from March 30 to April 4, 2024") == "2024-03-30/2024-04-04"


@pytest.mark.slow
def test_a_month_of_a_year_joined_by_of():
    text = "The Vellin council first heard of the leak in August of 2022, its minutes show."
    assert time_value(text, "August of 2022") == "2022-08"


@pytest.mark.slow
def test_the_first_or_last_months_of_a_year_are_that_part_of_the_year():
    text = ("Grain exports from Tarsk fell in the first two months of 2025 and rose again in the last four "
            "months of 2025, the port board said.")
    assert time_value(text, "the first two months of 2025") == "2025-01/2025-02"
    assert time_value(text, "the last four months of 2025") == "2025-09/2025-12"


# -- the future of a past request -----------------------------------------------------------------------

@pytest.mark.slow
def test_a_weekday_in_what_a_past_request_asked_for_is_the_nearest_one():
    text = ("Caretakers keep Ferrow schools shut\n\n"
            "The Ferrow schools board urged the striking caretakers to unlock the school gates on Thursday, "
            "but most gates stayed shut.")
    assert time_value(text, "Thursday") == "2026-03-05"
    text = ("Caretakers keep Ferrow schools shut\n\n"
            "The Ferrow schools board urged the striking caretakers to unlock the school gates on Monday.")
    assert time_value(text, "Monday") == "2026-03-09"


@pytest.mark.slow
def test_a_weekday_in_what_is_asked_now_stays_ahead():
    text = ("Caretakers keep Ferrow schools shut\n\n"
            "The Ferrow schools board urges the striking caretakers to unlock the school gates on Thursday.")
    assert time_value(text, "Thursday") == "2026-03-12"


@pytest.mark.slow
def test_a_past_request_is_dated_by_the_day_it_asked_for_when_that_day_is_not_ahead():
    text = ("Caretakers keep Ferrow schools shut\n\n"
            "The Ferrow schools board urged the striking caretakers to end the stoppage and unlock every "
            "classroom on Thursday, but most gates stayed shut.\n\n"
            "Board chair Wim Hollis said the strike had cost pupils a week of lessons.")
    assert statement_date(text, "end the stoppage") == "2026-03-05"
    assert statement_date(text, "cost pupils a week") == "2026-03-05"


# -- a month opening a sentence after its preposition ---------------------------------------------------

@pytest.mark.slow
def test_a_month_after_a_sentence_opening_preposition_is_a_month_before_a_name():
    text = ("Since November Tarsk has taken in more than 4,000 people from the flooded valleys, "
            "the regional office said.")
    assert time_value(text, "November") == "2025-11"


@pytest.mark.slow
def test_a_month_that_is_a_given_name_before_a_surname_stays_a_name():
    text = "Since June Marlow took over the Tarsk office, the queues have shortened."
    assert [t.text for t in newsledger.extract(text, published=PUB).times] == []


# -- the end of a stretch told in the past --------------------------------------------------------------

@pytest.mark.slow
def test_a_year_less_end_of_a_stretch_in_a_past_clause_is_the_nearest_one():
    text = ("Harbour officials in Tarsk said the weather office had warned of gales along the coast until "
            "March 9, and closed the outer piers.")
    assert time_value(text, "March 9") == "2026-03-09"
    text = "The Tarsk bridge stayed shut until February 20, when the new deck was laid."
    assert time_value(text, "February 20") == "2026-02-20"


@pytest.mark.slow
def test_a_count_of_days_after_a_bare_last_is_the_stretch_up_to_the_story_day():
    text = "Ferry crossings to Vell were cancelled twice in last four days because of fog, the operator said."
    assert time_value(text, "last four days") == "2026-03-02/2026-03-06"


# -- "N weeks after <event>": the complement ends where the fronted phrase does -------------------------

@pytest.mark.slow
def test_an_offset_after_an_undated_event_does_not_count_from_a_deadline_later_in_the_sentence():
    text = ("Three weeks after the Tarsk council vote and a week after the strike began, the mayor's "
            "office said it would settle the dispute by Easter.")
    rec = newsledger.extract(text, published=PUB)
    dates = {t.text: t.value for t in rec.times if t.type == "DATE"}
    assert "Three weeks after" not in dates and "a week after" not in dates
    assert "Easter" in " ".join(dates)


@pytest.mark.slow
def test_an_offset_still_counts_from_a_day_inside_its_complement():
    text = "Two weeks after the March 3 vote the Tarsk council met again."
    rec = newsledger.extract(text, published=PUB)
    assert {t.text: t.value for t in rec.times}.get("Two weeks after") == "2026-03-17"


# -- a weekday right after a person's name --------------------------------------------------------------

@pytest.mark.slow
def test_a_weekday_right_after_a_persons_name_is_a_day():
    text = ("Federal agents took the two hospital managers, Ana Pell and Rudi Kasz Thursday for questioning "
            "over missing funds.")
    assert time_value(text, "Thursday") == "2026-03-05"


# -- an undated saying followed at once by the same speaker's dated one ---------------------------------

@pytest.mark.slow
def test_an_undated_saying_takes_the_day_of_the_same_speakers_next_dated_saying():
    text = ("Two fishermen missing off Kell Point\n\n"
            "The Ostmark coastguard is searching for two fishermen after their boat sank off Kell Point.\n\n"
            "Coastguard chief Mara Tolk said the crew of a second boat had been pulled from the water.\n\n"
            "\u201cWe are combing the whole bay and will go on through the night,\u201d Tolk said at a news "
            "conference on Thursday.")
    assert statement_date(text, "pulled from the water") == "2026-03-05"


@pytest.mark.slow
def test_another_speakers_dated_saying_does_not_date_an_earlier_one():
    text = ("Two fishermen missing off Kell Point\n\n"
            "The Ostmark coastguard is searching for two fishermen after their boat sank off Kell Point.\n\n"
            "Coastguard chief Mara Tolk said the crew of a second boat had been pulled from the water.\n\n"
            "\u201cWe are combing the whole bay and will go on through the night,\u201d harbour master Ivo Brandt "
            "said at a news conference on Thursday.")
    assert statement_date(text, "pulled from the water") != "2026-03-05"


@pytest.mark.slow
def test_a_day_deep_in_what_a_past_request_names_does_not_date_the_request():
    text = ("Dockers' union demands inquiry\n\n"
            "The Lenmouth dockers' union urged the port board to reinstate the sacked crane drivers and to "
            "punish those responsible for the crush during a protest on February 27.")
    assert statement_date(text, "reinstate the sacked") != "2026-02-27"
