"""The events a story told over several reports needs (issue 9) and the patterns of real reporting
(issue 11 item 9), on sentences written for these tests (fictional people and places; the cast of
tests/test_events.py)."""

from __future__ import annotations

import pytest

from test_events import events_of, only

pytestmark = pytest.mark.slow


def types_of(nlp, text: str, **kw) -> list[tuple[str, str]]:
    return [(e.type, e.trigger.text) for e in events_of(nlp, text, **kw)]


def test_in_custody_with_a_plural_relative_is_the_detention_of_both(nlp):
    text = "Farmers marched to demand the release of Oren Malik and Ilsa Varn, who have remained in custody since May."
    ev = only(events_of(nlp, text, times=(("May", "2025-05"),)), "COERCE")
    assert ev.mode == "arrest" and set(ev.target) == {"e4", "e8"} and not ev.source


def test_taken_into_custody_is_an_arrest_of_the_subject(nlp):
    ev = only(events_of(nlp, "Oren Malik was taken into custody in Velmar."), "COERCE")
    assert ev.target == ("e4",) and ev.mode == "arrest"
    assert not [e for e in events_of(nlp, "The court awarded custody of the child to Ilsa Varn.") if e.type == "COERCE"]


def test_the_charges_against_someone_are_an_accusation_but_dropping_them_is_not(nlp):
    ev = only(events_of(nlp, "The charges against Oren Malik were read out in Velmar."), "ACCUSE")
    assert ev.target == ("e4",) and ev.mode == "allege"
    assert not [e for e in events_of(nlp, "Prosecutors dropped the charges against Oren Malik.") if e.type == "ACCUSE"]


def test_a_strike_as_a_noun_is_a_protest_but_a_missile_strike_an_assault(nlp):
    ev = only(events_of(nlp, "The strike by the Redhand Front shut the port of Velmar on Monday.",
                        times=(("on Monday", "2025-03-03"),)), "PROTEST")
    assert ev.mode == "strike" and ev.source == ("e5",)
    assert ("ASSAULT", "strike") in types_of(nlp, "A missile strike hit Velmar on Monday.",
                                             times=(("on Monday", "2025-03-03"),))
    assert not [e for e in events_of(nlp, "A missile strike hit Velmar on Monday.",
                                     times=(("on Monday", "2025-03-03"),)) if e.type == "PROTEST"]


def test_a_walkout_and_a_stoppage_are_strikes(nlp):
    ev = only(events_of(nlp, "The Redhand Front began a walkout in Velmar on Monday.",
                        times=(("on Monday", "2025-03-03"),)), "PROTEST")
    assert ev.mode == "strike" and ev.source == ("e5",)
    ev = only(events_of(nlp, "A stoppage in Velmar on Monday halted the ferries."), "PROTEST")
    assert ev.mode == "strike" and ev.location == "e7"


def test_signing_an_agreement_is_agree_but_signing_a_contract_is_no_event(nlp):
    evs = events_of(nlp, "Arvelia signed a peace agreement with Tumbria in Velmar.")
    agree = only(evs, "AGREE")
    assert set(agree.source) | set(agree.target) == {"e1", "e2"}
    assert {e.type for e in evs} == {"AGREE", "SUPPORT"}  # the PLOVER manual's SUPPORT (CAMEO 057) too
    assert not events_of(nlp, "The Redhand Front signed a contract with a catering firm.")


def test_a_march_is_a_protest_and_march_the_month_is_not(nlp):
    ev = only(events_of(nlp, "A march by the Redhand Front in Velmar drew thousands."), "PROTEST")
    assert ev.mode == "demo" and ev.source == ("e5",)
    assert not events_of(nlp, "Arvelia will hold elections in March in Velmar.")


def test_talks_convened_by_someone_are_theirs(nlp):
    ev = only(events_of(nlp, "Talks convened by Dara Quell in Velmar on Monday broke up without agreement.",
                        times=(("on Monday", "2025-03-03"),)), "CONSULT")
    assert ev.source == ("e3",)


def test_breaking_up_a_march_does_not_make_the_police_its_marchers(nlp):
    text = "The Northern Guard broke up a march in Velmar. The march was organised by the Redhand Front."
    ev = only(events_of(nlp, text), "PROTEST")
    assert ev.source == ("e5",) and len(ev.mentions) == 2


def test_a_dated_killing_of_someone_named_later_is_kept(nlp):
    text = "A farmer was killed in Velmar on Friday."
    ev = only(events_of(nlp, text, times=(("on Friday", "2025-02-28"),)), "ASSAULT")
    assert ev.date is not None and ev.date.value == "2025-02-28"
    assert not events_of(nlp, "A farmer was killed.")  # no date, nobody named: too little to be an event


def test_the_killing_someone_must_answer_for_is_told_not_asked_for(nlp):
    text = "Arvelia pressed Tumbria to punish the men responsible for the killing of Oren Malik."
    assert only(events_of(nlp, text), "ASSAULT").target == ("e4",)


# ------------------------------------------------------------------ real reporting (issue 11 item 9)
def test_seizing_people_is_an_abduction_and_the_farm_is_nobody(nlp):
    ev = only(events_of(nlp, "Gunmen seized Oren Malik from a farm near Velmar."), "ASSAULT")
    assert ev.mode == "abduct" and ev.target == ("e4",) and not ev.source
    assert not [e for e in events_of(nlp, "Oren Malik was abducted from a farm near Velmar.") if e.source]
    assert [e.type for e in events_of(nlp, "Customs in Velmar seized a ship from Tumbria.")] == ["COERCE"]


def test_a_planned_visit_is_the_planners_and_future(nlp):
    ev = only(events_of(nlp, "Dara Quell is planning a visit to Velmar next week.",
                        times=(("next week", "2025-W11"),)), "CONSULT")
    assert (ev.source, ev.target, ev.status, ev.mode) == (("e3",), ("e7",), "future", "visit")
    assert ev.date is not None and ev.date.value == "2025-W11"


def test_suing_and_complaints_are_accusations(nlp):
    ev = only(events_of(nlp, "The Redhand Front sued Arvelia over the ban."), "ACCUSE")
    assert (ev.source, ev.target) == (("e5",), ("e1",))
    ev = only(events_of(nlp, "Tumbria lodged a complaint against Arvelia."), "ACCUSE")
    assert (ev.source, ev.target) == (("e2",), ("e1",))
    assert not [e for e in events_of(nlp, "Tumbria accused Arvelia of fraud.") if e.type == "REQUEST"]


def test_a_time_is_no_argument_of_a_call(nlp):
    assert not [e for e in events_of(nlp, "Dara Quell called Oren Malik on Monday.") if e.type == "REQUEST"]


def test_a_movement_or_union_named_after_a_body_stands_for_it(nlp):
    ev = only(events_of(nlp, "Demonstrations organized by the Redhand movement in Velmar drew thousands."), "PROTEST")
    assert ev.source == ("e5",) and ev.mode == "demo"


def test_a_shooting_of_unnamed_people_is_the_main_act_and_told_again_is_one_event(nlp):
    text = "Two people were fatally shot on Friday at a clinic. The shooting in Velmar happened at noon."
    ev = only(events_of(nlp, text, times=(("on Friday", "2025-02-28"),)), "ASSAULT")
    assert ev.mode == "firearms" and [m.text for m in ev.mentions] == ["shot", "shooting"]
    ev = only(events_of(nlp, "Gunmen opened fire on a bus in Velmar."), "ASSAULT")
    assert ev.mode == "firearms" and ev.trigger.text == "opened fire"


def test_a_dated_killing_by_someone_unnamed_is_kept_but_not_a_flood(nlp):
    ev = only(events_of(nlp, "A man killed two farmers in Velmar on Monday.", times=(("on Monday", "2025-03-03"),)),
              "ASSAULT")
    assert ev.date.value == "2025-03-03"
    assert not events_of(nlp, "Floodwaters tore through Velmar on Monday, killing two farmers.",
                         times=(("on Monday", "2025-03-03"),))


def test_a_strike_called_off_or_ended_was_under_way_not_planned(nlp):
    for text in ("The Redhand Front called off its strike in Velmar.", "Dockers of the Redhand Front ended their strike."):
        its = text.index(" its " if " its " in text else " their ") + 1
        ev = only(events_of(nlp, text, pronouns={"e5": [(its, text.index(" ", its))]}), "PROTEST")
        assert (ev.mode, ev.status, ev.source) == ("strike", "asserted", ("e5",)), text
    assert only(events_of(nlp, "The Redhand Front plans a strike in Velmar."), "PROTEST").status == "future"


def test_what_a_storm_kills_is_no_assault_and_a_fine_is_a_sanction(nlp):
    assert not events_of(nlp, "Cyclone Velmar killed twelve farmers in Tumbria on Monday.",
                         times=(("on Monday", "2025-03-03"),))
    ev = only(events_of(nlp, "Arvelia fined the Redhand Front two million euros."), "SANCTION")
    assert ev.source == ("e1",)
    ev = only(events_of(nlp, "The Redhand Front opposed the plan of Arvelia."), "REJECT")
    assert ev.source == ("e5",)


def test_an_indefinite_bare_strike_is_not_merged_into_another_partys(nlp):
    text = ("The Redhand Front announced a new strike. Nurses will hold more strikes in July. "
            "The strike on May 14 will close Velmar.")
    evs = [e for e in events_of(nlp, text, times=(("in July", "2025-07"), ("on May 14", "2025-05-14")))
           if e.type == "PROTEST"]
    red = [e for e in evs if e.source == ("e5",)]
    assert len(red) == 1 and red[0].date is not None and red[0].date.value == "2025-05-14"


def test_a_dated_murder_of_someone_unnamed_is_an_event(nlp):
    text = "Detectives said she took part in the murder of her brother in August 2017."
    ev = only(events_of(nlp, text, times=(("August 2017", "2017-08"),)), "ASSAULT")
    assert ev.date.value == "2017-08" and not ev.source and not ev.target
