"""Extraction patterns that the cross-article ledger needs (issue 9), each reproduced by an invented article.

Every text here is invented; none is taken from a real report or from the shared gold or series."""

from __future__ import annotations

import pytest

import newsledger

PUB = "2026-03-06"  # a Friday

pytestmark = pytest.mark.slow


def extract(text: str, published: str = PUB):
    return newsledger.extract(text, published=published)


def names(rec, ids) -> set[str]:
    return {rec.entity(i).name for i in ids}


def events_of(rec, etype: str, trigger: str):
    return [v for v in rec.events if v.type == etype and v.trigger.text == trigger]


PAIR = "Marta Velasco and Ivo Renner, two leaders of the bakers' union, were arrested on March 2. "


def test_the_two_as_patient_of_a_passive_act_are_the_two_parties_just_named():
    rec = extract(PAIR + "The two were charged on March 3 with blocking a road.")
    [ev] = events_of(rec, "ACCUSE", "charged")
    assert names(rec, ev.target) == {"Marta Velasco", "Ivo Renner"}
    assert ev.date is not None and ev.date.value == "2026-03-03"


def test_passive_charge_without_a_with_phrase_is_an_accusation_of_people_only():
    rec = extract(PAIR + "The two were charged on March 3. The phone battery was charged overnight.")
    evs = [v for v in rec.events if v.type == "ACCUSE"]
    assert [v.trigger.text for v in evs] == ["charged"]
    assert names(rec, evs[0].target) == {"Marta Velasco", "Ivo Renner"}


def test_release_of_the_two_on_bail_names_both():
    rec = extract(PAIR + "The two were released on bail on March 4.")
    [ev] = events_of(rec, "RETREAT", "released")
    assert names(rec, ev.target) == {"Marta Velasco", "Ivo Renner"}


def test_acquittal_is_an_event_with_the_acquitted_as_target():
    rec = extract("A district court on Thursday acquitted Marta Velasco and Ivo Renner of blocking a road.")
    [ev] = events_of(rec, "CONCEDE", "acquitted")
    assert names(rec, ev.target) == {"Marta Velasco", "Ivo Renner"}
    assert ev.date is not None and ev.date.value == "2026-03-05"


@pytest.mark.parametrize("sentence, trigger", [
    ("A guard, Tomas Ruiz, was badly wounded in clashes with police on March 2.", "wounded"),
    ("A guard, Tomas Ruiz, was badly hurt on March 2 when police charged the crowd.", "hurt"),
    ("A guard, Tomas Ruiz, was injured on March 2 when a wall collapsed.", "injured"),
])
def test_a_person_wounded_is_an_assault_on_that_person(sentence, trigger):
    rec = extract(sentence)
    [ev] = events_of(rec, "ASSAULT", trigger)
    assert names(rec, ev.target) == {"Tomas Ruiz"}
    assert ev.date is not None and ev.date.value == "2026-03-02"


def test_hurt_in_the_active_voice_is_no_assault():
    rec = extract("Rising prices hurt Tomas Ruiz and his bakery last year, he said.")
    assert not [v for v in rec.events if v.trigger.text == "hurt"]


def test_wounded_inside_a_reported_piece_of_information_is_not_an_event():
    rec = extract("The minister added that Lisbon had information that Tomas Ruiz was wounded in Velmar.")
    assert not [v for v in rec.events if v.trigger.text == "wounded"]


def test_released_in_a_before_clause_takes_the_subject_of_the_clause_it_follows():
    rec = extract(PAIR + "The two were charged on March 3 and were kept in a cell for two days before being "
                         "released on March 5 on bail.")
    [ev] = events_of(rec, "RETREAT", "released")
    assert names(rec, ev.target) == {"Marta Velasco", "Ivo Renner"}
    assert ev.date is not None and ev.date.value == "2026-03-05"


def test_a_reduced_relative_past_participle_is_dated_in_the_past_whatever_the_sentence_tense():
    rec = extract("The mayor said the city would build a memorial to Oren Malik, the guard "
                  "killed in a raid on the depot on October 4, within six months.",
                  published="2026-11-08")
    [ev] = events_of(rec, "ASSAULT", "killed")
    assert ev.date is not None and ev.date.value == "2026-10-04"


def test_a_scheduled_meeting_in_a_reduced_relative_still_lies_ahead():
    rec = extract("Marta Velasco will attend the summit scheduled for December 2, her office said.",
                  published="2026-11-08")
    assert any(t.value == "2026-12-02" for t in rec.times)


def by_content(rec, words: str):
    hits = [s for s in rec.statements if words in s.content.text]
    assert hits, f"no statement with {words!r}: {[s.content.text for s in rec.statements]}"
    return hits[0]


TRIAL = ("Marta Velasco and Juan Ortega were arrested in May. Rents rose in June and the square was closed "
         "for a week while vans queued at the edge of town. The lawyer, Pedro Sanz, said on Thursday that "
         "the hearing of the two men would begin on May 4. \"They will be cleared, since the file is empty,\" "
         "he said. ")


def test_they_in_a_quote_after_the_two_leaders_is_about_the_pair_named_before():
    rec = extract(TRIAL)
    for words in ("They will be cleared", "the hearing of the two men"):
        assert {rec.entity(a).name for a in by_content(rec, words).about} == {"Marta Velasco", "Juan Ortega"}


def test_they_after_a_group_subject_or_two_things_is_not_the_pair():
    rec = extract(TRIAL + "The company said they would hire 30 workers. Pedro Sanz said the company's two "
                          "ships would sail.")
    assert by_content(rec, "they would hire").about == ()
    assert by_content(rec, "two ships would sail").about == ()


def test_within_the_n_days_is_a_window_from_when_it_was_said():
    rec = extract("\"We will object within the fifteen days the statute grants,\" said Pedro Sanz, the city attorney, on Thursday.")
    st = by_content(rec, "We will object")
    assert st.horizon is not None and st.horizon.value == "2026-03-05/2026-03-20"


def test_will_plead_not_guilty_is_a_plan_not_a_denial_but_pleaded_not_guilty_is():
    rec = extract("Her counsel, Pedro Sanz, said the hearing would begin on May 4. \"She will plead not guilty to "
                  "every count,\" he said. Marta Velasco pleaded not guilty. \"I am not guilty,\" she said.")
    assert by_content(rec, "She will plead not guilty").kind in ("commitment", "prediction")
    assert by_content(rec, "I am not guilty").kind == "denial"


def test_what_is_condemned_happened_and_takes_the_date_of_the_occasion_it_happened_during():
    rec = extract("The union condemned the killing of Tomas Ruiz on February 19. It then condemned the detention "
                  "of Marta Velasco during a march by some 5,000 people in Velmar on March 2.")
    [killing] = events_of(rec, "ASSAULT", "killing")
    assert names(rec, killing.target) == {"Tomas Ruiz"}
    [detention] = events_of(rec, "COERCE", "detention")
    assert names(rec, detention.target) == {"Marta Velasco"}
    assert detention.date is not None and detention.date.value == "2026-03-02"


def test_what_is_demanded_is_still_no_event():
    rec = extract("The union demanded the release of Marta Velasco on Monday.")
    assert not events_of(rec, "RETREAT", "release")


def test_an_undated_act_told_with_the_same_word_in_the_next_sentence_shares_the_occasion():
    rec = extract("A court in Velmar on Monday sentenced Marta Velasco to eight years in prison. Her accountant, "
                  "Juan Ortega, was sentenced to three years for hiding the money.")
    dates = {rec.entity(v.target[0]).name: v.date and v.date.value for v in rec.events if v.type == "SANCTION"}
    assert dates == {"Marta Velasco": "2026-03-02", "Juan Ortega": "2026-03-02"}


def test_an_undated_act_further_on_keeps_no_date():
    rec = extract("A court in Velmar on Monday sentenced Marta Velasco to eight years in prison. Prices rose. "
                  "Her accountant, Juan Ortega, was sentenced to three years for hiding the money.")
    dates = {rec.entity(v.target[0]).name: v.date and v.date.value for v in rec.events if v.type == "SANCTION"}
    assert dates == {"Marta Velasco": "2026-03-02", "Juan Ortega": None}


def test_a_date_deep_in_a_conjoined_infinitive_is_no_occasion_of_the_speaker():
    rec = extract("The Velmar Bakers Union said on Sunday that the fines must be cancelled. The union "
                  "urged the council to cancel all fines and to sack the officers behind the beating of "
                  "Tomas Ruiz during a rally on February 19. The union said it would take the case to court within two weeks.")
    st = by_content(rec, "take the case to court")
    assert st.date is not None and st.date.value == "2026-03-01"
    assert st.horizon is not None and st.horizon.value == "2026-03-01/2026-03-15"


def test_a_first_step_and_a_later_deadline_make_one_horizon_from_the_step_to_the_deadline():
    rec = extract("\"On Monday I will call the owners and the crews in, and by Friday they will sign a "
                  "settlement,\" Transport Minister Pedro Sanz said on Thursday. \"We will meet on Monday and again on "
                  "Tuesday,\" Marta Velasco said.")
    assert by_content(rec, "call the owners").horizon.value == "2026-03-09/2026-03-13"
    assert by_content(rec, "meet on Monday").horizon.value == "2026-03-09"  # no deadline: the first time


def test_told_then_takes_the_time_told_before_it_in_the_sentence():
    rec = extract("The bonus equals the sum proposed in January by Pedro Sanz, head of Harbour Mills, "
                  "who told shareholders then that staff \"will get 3% more from July.\"", published="2026-11-08")
    assert by_content(rec, "will get 3% more").date.value == "2026-01"


def test_then_with_no_time_before_it_leaves_the_usual_date():
    rec = extract("Pedro Sanz, chief executive of Harbour Mills, told investors on Monday that wages would rise. "
                  "He then said that prices \"will fall.\"")
    assert by_content(rec, "prices").date.value == "2026-03-02"


def test_a_spanish_port_name_is_a_place_not_a_person():
    rec = extract("Guards cleared a sit-in outside the offices of Puerto Bahia Serena on Monday, Marta Velasco said.")
    [port] = [e for e in rec.entities if e.name == "Puerto Bahia Serena"]
    assert port.type in ("GPE", "LOC", "FAC")


NOUNS = ("Harbour Mills directors turned up, despite the firm's promise in March not to bargain while the "
         "blockade lasted. Marta Velasco, the city engineer whose prediction that the dam would be "
         "\"back in service within a month\" became a running gag, quit in November. Pedro Sanz's forecast that the "
         "mill would recover by the end of the year proved wrong. The promise of a raise was kept.")


def test_a_speech_noun_with_a_possessor_and_a_clause_is_a_statement_of_the_possessor():
    rec = extract(NOUNS)
    operational = by_content(rec, "back in service")
    assert operational.kind == "prediction" and name_of(rec, operational.speaker) == "Marta Velasco"
    forecast = by_content(rec, "the mill would recover")
    assert forecast.kind == "prediction" and name_of(rec, forecast.speaker) == "Pedro Sanz"
    assert by_content(rec, "not to bargain").kind == "commitment"


def test_a_speech_noun_without_a_possessor_or_clause_is_no_statement():
    rec = extract(NOUNS)
    assert not [s for s in rec.statements if "raise" in s.content.text]


def name_of(rec, eid):
    return rec.entity(eid).name if eid else None


def test_n_days_after_dates_the_earlier_act_back_from_the_later_one():
    rec = extract("Arvelia's health minister, Pedro Sanz, resigned on Tuesday, five days after a nurse, Tomas Ruiz, "
                  "was shot dead outside a clinic.")
    [shot] = events_of(rec, "ASSAULT", "shot")
    assert shot.date is not None and shot.date.value == "2026-02-26"
    [resigned] = events_of(rec, "RETREAT", "resigned")
    assert resigned.date.value == "2026-03-03"


def test_a_casualty_told_next_after_a_dated_assault_shares_its_date():
    rec = extract("A guard, Tomas Ruiz, was shot dead in a raid on a bank on Thursday. A bank clerk, "
                  "Juan Ortega, was badly hurt.")
    [hurt] = events_of(rec, "ASSAULT", "hurt")
    assert hurt.date is not None and hurt.date.value == "2026-03-05"


def test_an_exchange_names_both_people_swapped():
    rec = extract("Velmar and Tumbria exchanged prisoners on Saturday, freeing Polish journalist Marta Velasco in "
                  "return for Juan Ortega, a Tumbrian convicted in Velmar of spying.")
    [ev] = events_of(rec, "RETREAT", "exchanged")
    assert {"Marta Velasco", "Juan Ortega"} <= names(rec, ev.target)
