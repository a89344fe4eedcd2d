"""Events on real reporting (issue 11, round events11: precision): acts the text names but does not tell as
done, and words that only look like acts. Each family is fixed by a mechanism or a sense condition and
reproduced here by an invented article: a habit or a general truth ("crews often work together"), an
expectation ("remains optimistic that it will settle"; the SPEC keeps expecting a statement only), an act that
can only come after something else ("before they could go free"), "hails from" (where one comes from, no
praise) and a press release that speaks (a document, no release of anyone).

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


def dropped_by(rec) -> set[str]:
    return {d.rule for d in rec.trace if d.item == "events.dropped"}


# -- a habit or a general truth: present simple with an adverb of frequency ----------------------------

@slow
def test_a_habit_told_in_the_present_is_no_event():
    rec = traced("Tumbrian coast guard finds missing skiff\n\n"
                 "A Tumbrian Coast Guard cutter found the missing skiff off Velmar on Sunday.\n\n"
                 "Coast Guard Lieutenant Marek Pell said army, police and volunteer crews often collaborate on "
                 "searches of this kind.")
    assert events(rec, "COOPERATE") == [], [(v.trigger.text, v.status) for v in rec.events]
    assert "events.unasserted.habitual" in dropped_by(rec)


@slow
def test_one_act_of_working_together_stays_an_event():
    rec = extract("The Tumbrian Coast Guard collaborated with the Ostravian Navy on Sunday to find the skiff.")
    (v,) = events(rec, "COOPERATE")
    assert names(rec, v.source) == {"Tumbrian Coast Guard"} and names(rec, v.target) == {"Ostravian Navy"}


# -- an expectation: a forward modal under a word of confidence or hope ------------------------------------

@slow
def test_a_settlement_a_party_is_optimistic_it_will_reach_is_no_event():
    rec = traced("Ostravia Air pilots back walkout\n\n"
                 "Asked by the Velmar Courier about the vote, an Ostravia Air spokeswoman said the carrier remains "
                 "optimistic that it will reach a settlement with the union before June.")
    assert events(rec, "AGREE") == [], [(v.trigger.text, v.status) for v in rec.events]
    assert "events.unasserted.expected" in dropped_by(rec)


@slow
def test_a_deal_reached_stays_an_event():
    rec = extract("Ostravia Air reached an agreement with the Velmar Pilots Association on Monday.")
    (v,) = events(rec, "AGREE")
    assert names(rec, v.source) == {"Ostravia Air"}


@slow
def test_a_strike_a_union_could_call_stays_a_hypothetical_strike():
    rec = extract("The Velmar Pilots Association could strike next month, its president Ilsa Varn said.")
    (v,) = events(rec, "PROTEST")
    assert v.status == "hypothetical"


# -- an act that can only come after something else: not yet, and nobody foretells it ------------------

@slow
def test_a_release_that_must_wait_for_a_check_is_no_event():
    rec = traced("Velmar court lets police hold two men over explosives\n\n"
                 "The Velmar Magistrates' Court has allowed police to keep two men found with explosives in a "
                 "parked van for five more days.\n\n"
                 "\"The court wants to be sure who the pair are before they can be released on bail,\" "
                 "Magistrate Ilsa Varn said.")
    assert events(rec, "RETREAT") == [], [(v.trigger.text, v.status) for v in rec.events]
    assert "events.unasserted.not-yet" in dropped_by(rec)


# -- words that only look like acts ------------------------------------------------------------------------

@slow
def test_hailing_from_a_family_is_no_praise():
    rec = extract("Marta Velen, whose father drove trains, hails from a family of signal workers in Pellam. "
                  "Velen hailed the new timetable as a fair deal for Pellam.")
    (v,) = events(rec, "SUPPORT")
    assert v.trigger.text == "hailed" and v.trigger.start > rec.text.index("Velen hailed")


@slow
def test_a_press_release_that_speaks_releases_no_one():
    rec = extract("Tumbrian coast guard finds missing skiff\n\n"
                  "A Tumbrian Coast Guard cutter found the missing skiff on Sunday.\n\n"
                  "\"A helicopter and two lifeboats were sent out at first light,\" the Tumbrian Coast Guard 4th "
                  "District's release said.")
    assert events(rec, "RETREAT") == [], [(v.trigger.text, names(rec, v.target)) for v in rec.events]


@slow
def test_the_release_of_a_captive_stays_an_event():
    rec = extract("The release of Oren Malik came on Monday, a news release from the Pellam army said.")
    (v,) = events(rec, "RETREAT")
    assert v.trigger.text == "release" and names(rec, v.target) == {"Oren Malik"}


# -- a verb of pledging whose content is a claim about now: saying, no pledge -------------------------------

@slow
def test_assuring_that_something_is_being_done_pledges_nothing():
    rec = extract("Ostravian unions to strike\n\n"
                  "Labour Minister Pavel Orsk appealed to the Ostravian Trades Congress to call off the strike.\n\n"
                  "\"Nobody wins a fight like this,\" he observed, while assuring that his ministry is already "
                  "paying for new pumps.")
    assert events(rec, "AGREE") == [], [(v.trigger.text, v.status) for v in rec.events]
    assert [v.trigger.text for v in events(rec, "REQUEST")] == ["appealed"]


@slow
def test_assuring_that_something_will_be_done_stays_a_pledge():
    rec = extract("Labour Minister Pavel Orsk assured the Ostravian Trades Congress that every worker would be "
                  "paid by May.")
    (v,) = events(rec, "AGREE")
    assert names(rec, v.source) == {"Pavel Orsk"}


# -- greeting a person and consulting one's own people: no political act ---------------------------------

@slow
def test_welcoming_a_visitor_is_no_support():
    rec = extract("Tumbrian envoy visits Velmar\n\n"
                  "Hundreds of Tumbrian students lined the road from the airport to welcome President Oren Malik. "
                  "Arvelia welcomed the decision of Tumbria to reopen the border.")
    (v,) = events(rec, "SUPPORT")
    assert v.trigger.text == "welcomed", [(x.trigger.text, x.status) for x in rec.events]


@slow
def test_a_union_speaking_with_its_own_members_consults_no_one():
    rec = extract("Velmar dockers weigh offer\n\n"
                  "Ilsa Varn, general secretary of the Velmar Dockers Union, said the union will talk to its "
                  "members this week. Varn spoke with Harbour Minister Oren Malik on Monday.")
    (v,) = events(rec, "CONSULT")
    assert v.trigger.text == "spoke" and names(rec, v.target) == {"Oren Malik"}, \
        [(x.trigger.text, x.status) for x in rec.events]


# -- one assault told by a verb and again by a noun naming it -----------------------------------------------

KILLING = ("Ostravian premier quits\n\n"
           "Premier Dara Quell resigned on Tuesday. Opposition leader Oren Malik was shot dead outside his home in "
           "Velmar earlier this month.\n\n"
           "\"Quell's plan for a cabinet of experts came after weeks of anger over the assassination of Oren "
           "Malik,\" the Velmar Courier reported.")


@slow
def test_a_shooting_and_the_assassination_it_was_are_one_assault():
    rec = extract(KILLING)
    (v,) = events(rec, "ASSAULT")
    assert names(rec, v.target) == {"Oren Malik"}
    assert v.trigger.text == "shot" and "assassination" in [m.text for m in v.mentions]


@slow
def test_an_abduction_and_a_later_killing_of_the_same_man_stay_two_acts():
    rec = extract("Gunmen abducted opposition leader Oren Malik in Velmar in May. The killing of Oren Malik in "
                  "June shocked Ostravia.")
    assert len(events(rec, "ASSAULT")) == 2, [(v.trigger.text, v.mode) for v in rec.events]
