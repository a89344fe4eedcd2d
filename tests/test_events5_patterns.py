"""Events on real reporting (issue 11, pattern 9, round events5): wordings of the main act that the senses
did not know (court orders that bar someone from doing or publishing something, pickets, a strike vote,
a verbal attack on a policy, leaving a post, intercepting a boat, reaching consensus) and roles the role
builder got wrong, each reproduced by an invented article.

Every text here is invented; none is taken from a real report or from the shared gold."""

from __future__ import annotations

import pytest

from record_helpers import events, extract, names

slow = pytest.mark.slow


# -- court orders: barring someone from doing or publishing something -------------------------------

@slow
def test_a_court_order_barring_a_person_from_publishing_is_censorship_of_that_person():
    rec = extract("Velmar, March 4 - The Velmar High Court on Wednesday barred the blogger Oren Malik from "
                  "publishing anything about two judges. The court also prohibited his brother, Tarel Malik, "
                  "from posting about the case.")
    coerce = events(rec, "COERCE")
    assert {v.mode for v in coerce} == {"censor"}
    assert {frozenset(names(rec, v.target)) for v in coerce} == {frozenset({"Oren Malik"}),
                                                                   frozenset({"Tarel Malik"})}


@slow
def test_a_court_order_barring_a_person_from_leaving_restricts_that_person():
    rec = extract("A magistrate in Velmar prohibited Oren Malik from leaving the country until the trial ends.")
    (v,) = events(rec, "COERCE")
    assert v.mode == "restrict"
    assert names(rec, v.target) == {"Oren Malik"}


@slow
def test_rules_that_prohibit_a_practice_are_no_act_on_anyone():
    rec = extract("The Velmar Port Authority said the new rules prohibit smoking on the quays.")
    assert events(rec, "COERCE") == []


# -- pickets and strike votes ---------------------------------------------------------------------

@slow
def test_a_picket_by_a_union_is_a_protest_by_the_union():
    rec = extract("Members of the Velmar Nurses Union picketed outside Harbor General Hospital on Monday.")
    (v,) = events(rec, "PROTEST")
    assert v.mode == "demo"
    assert names(rec, v.source) == {"Velmar Nurses Union"}


@slow
def test_a_picket_fence_is_no_protest():
    rec = extract("Oren Malik painted the white picket fence behind his house in Velmar.")
    assert events(rec, "PROTEST") == []


@slow
@pytest.mark.parametrize("text", [
    "The Velmar Nurses Union voted on Tuesday to authorize a strike against Harbor Health.",
    "Members of the Velmar Nurses Union voted on Tuesday to strike.",
])
def test_a_strike_vote_threatens_a_strike_it_does_not_start_one(text):
    rec = extract(text)
    (v,) = events(rec, "THREATEN")
    assert names(rec, v.source) == {"Velmar Nurses Union"}
    assert events(rec, "PROTEST") == []


# -- verbal attacks, leaving a post, intercepting a boat, consensus -------------------------------

@slow
def test_attacking_a_partys_policy_is_an_accusation_not_an_assault():
    rec = extract("Interior Minister Dara Quell on Tuesday attacked the Velmar Party's policy on border permits.")
    assert events(rec, "ASSAULT") == []
    (v,) = events(rec, "ACCUSE")
    assert v.mode == "disapprove"
    assert names(rec, v.source) == {"Dara Quell"}
    assert names(rec, v.target) == {"Velmar Party"}


@slow
def test_gunmen_attacking_a_convoy_stay_an_assault():
    rec = extract("Gunmen attacked a convoy of the Velmar Party near Ostra on Tuesday.")
    assert events(rec, "ACCUSE") == []
    assert events(rec, "ASSAULT")


@slow
def test_leaving_a_club_by_mutual_consent_is_a_resignation():
    rec = extract("Velmar Rovers coach Dara Quell is leaving by mutual consent after three seasons, Velmar Rovers said on Monday.")
    (v,) = events(rec, "RETREAT")
    assert v.mode == "resign"
    assert names(rec, v.source) == {"Dara Quell"}


@slow
def test_leaving_a_town_is_no_resignation():
    rec = extract("Dara Quell left Velmar on Monday after a two-day visit to the port.")
    assert events(rec, "RETREAT") == []


@slow
def test_a_navy_intercepting_a_boat_seizes_it_and_missiles_intercepted_are_no_seizure():
    rec = extract("The Tumbrian Navy intercepted a fishing boat from Arvelia on Sunday.")
    (v,) = events(rec, "COERCE")
    assert v.mode == "seize"
    assert names(rec, v.source) == {"Tumbrian Navy"}
    rec = extract("The Tumbrian Navy intercepted two missiles over Velmar on Sunday.")
    assert events(rec, "COERCE") == []


@slow
def test_reaching_consensus_is_an_agreement_of_the_parties():
    rec = extract("Arvelia and Tumbria reached consensus on the border line at talks in Velmar on Sunday.")
    agree = events(rec, "AGREE")
    assert agree
    assert names(rec, agree[0].source) == {"Arvelia", "Tumbria"}


# -- a warning to someone not to do something is advice, no threat ----------------------------------

@slow
def test_warning_people_not_to_be_complacent_is_no_threat():
    rec = extract("Interior Minister Dara Quell warned Tumbrians not to be complacent about the floods.")
    assert events(rec, "THREATEN") == []


@slow
def test_warning_that_ones_own_side_will_act_stays_a_threat():
    rec = extract("Interior Minister Dara Quell warned that Tumbria would close the border with Arvelia. "
                  "Dara Quell warned that it would close the border with Arvelia.")
    assert events(rec, "THREATEN")


# -- roles: a protest of unnamed workers is the one union's -------------------------------------------

@slow
def test_workers_seen_picketing_picket_for_the_one_union_of_the_article():
    rec = extract("The Harbor Air Pilots Association has voted to reject the new contract. At three airports, "
                  "pilots could be seen picketing outside the terminals on Monday.")
    (v,) = events(rec, "PROTEST")
    assert v.mode == "demo"
    assert names(rec, v.source) == {"Harbor Air Pilots Association"}


@slow
def test_a_stoppage_to_protest_something_is_the_one_unions_protest():
    rec = extract("Dockworkers shut down nine Velmar ports on Thursday to protest the war in Arvelia. "
                  "About 4,000 members of the Velmar Dockers Union took part in the stoppage.")
    protests = events(rec, "PROTEST")
    assert protests
    assert all(names(rec, v.source) == {"Velmar Dockers Union"} for v in protests)


@slow
def test_a_protest_of_workers_stays_unattributed_where_two_unions_are_named():
    rec = extract("The Velmar Dockers Union and the Velmar Nurses Union met on Monday. On Tuesday, workers "
                  "could be seen picketing outside the port.")
    assert all(not v.source for v in events(rec, "PROTEST"))


# -- roles: an agreement signed during talks, by no one named, is the talks' parties' ----------------

@slow
def test_agreements_signed_during_talks_are_signed_by_the_parties_of_the_talks():
    rec = extract("Arvelian President Dara Quell held talks with Tumbrian Prime Minister Oren Malik in Velmar "
                  "on Friday. Three agreements were signed during the talks.")
    agree = events(rec, "AGREE")
    assert agree
    assert names(rec, agree[0].source) == {"Dara Quell", "Oren Malik"}


@slow
def test_agreements_signed_with_no_talks_have_no_signatories_invented():
    rec = extract("Arvelian President Dara Quell held talks with Tumbrian Prime Minister Oren Malik in Velmar "
                  "on Friday. Three agreements were signed in March, officials said.")
    assert all(not v.source for v in events(rec, "AGREE"))


# -- acts named by a kind of attack, and the doer of a gerund --------------------------------------

@slow
@pytest.mark.parametrize("text, mode", [
    ("Detectives looking into an arson attack at a bakery in Velmar have arrested a teenager.", "destroy"),
    ("Two people were hurt in a knife attack at Velmar station on Monday.", "primitive"),
])
def test_a_kind_of_attack_is_an_assault_even_with_no_attacker_named(text, mode):
    (v,) = events(extract(text), "ASSAULT")
    assert v.mode == mode


@slow
def test_a_heart_attack_is_no_assault():
    assert events(extract("Oren Malik, 71, died of a heart attack in Velmar on Monday."), "ASSAULT") == []


@slow
def test_a_gerund_after_by_is_done_by_the_subject_of_its_verb_the_speaker_in_a_quote():
    rec = extract('"Let me start by thanking Oren Malik for his years of service," said '
                  'Velmar Rovers chairman Dara Quell.')
    (v,) = events(rec, "SUPPORT")
    assert names(rec, v.source) == {"Dara Quell"}
    assert names(rec, v.target) == {"Oren Malik"}


@slow
def test_a_gerund_after_for_is_not_done_by_the_subject_of_its_verb():
    rec = extract("Velmar police arrested Oren Malik on Monday for attacking Tarel Quell.")
    assert all("Velmar" not in names(rec, v.source) for v in events(rec, "ASSAULT"))


@slow
def test_agreements_signed_during_discussions_with_no_article_are_the_parties_acts_too():
    rec = extract("Dara Quell held talks with Oren Malik in Velmar last night. Two agreements on trade were "
                  "signed during discussions.")
    agree = events(rec, "AGREE")
    assert agree and names(rec, agree[0].source) == {"Dara Quell", "Oren Malik"}


@slow
def test_workers_protest_is_the_striking_unions_where_an_employers_association_is_named_too():
    rec = extract("Dockworkers shut down nine Velmar ports on Thursday to protest the war in Arvelia. About 4,000 "
                  "members of the Velmar Dockers Union took part in the walkout. Its agreement with the "
                  "Velmar Shipping Association runs out in July.")
    protests = events(rec, "PROTEST")
    assert protests
    assert all(names(rec, v.source) == {"Velmar Dockers Union"} for v in protests)


# -- more wordings of the main act: inked deals, stone pelting, baton charges, hitting out, turning down --

@slow
def test_a_pact_inked_between_two_countries_is_their_agreement():
    rec = extract("Arvelia inked a trade pact with Tumbria in Velmar on Friday.")
    agree = events(rec, "AGREE")
    assert agree and names(rec, agree[0].source) | names(rec, agree[0].target) == {"Arvelia", "Tumbria"}


@slow
def test_protesters_pelting_stones_at_police_riot_against_them():
    rec = extract("Protesters pelted stones at the Velmar Police outside the ministry on Monday.")
    (v,) = events(rec, "PROTEST")
    assert v.mode == "riot"
    assert names(rec, v.target) == {"Velmar Police"}


@slow
def test_a_baton_charge_by_police_is_crowd_control():
    rec = extract("A baton charge by the Velmar Police on Monday left nine students hurt.")
    (v,) = [e for e in events(rec, "ASSAULT") if e.mode == "crowd-control"]
    assert names(rec, v.source) == {"Velmar Police"}


@slow
@pytest.mark.parametrize("text", [
    "Dara Quell hit out at the Velmar Port Authority over the delays on Monday.",
    "Dara Quell slammed the Velmar Port Authority over the delays on Monday.",
])
def test_hitting_out_at_a_body_accuses_it(text):
    rec = extract(text)
    (v,) = events(rec, "ACCUSE")
    assert names(rec, v.source) == {"Dara Quell"}
    assert names(rec, v.target) == {"Velmar Port Authority"}


@slow
def test_a_storm_that_hit_a_town_and_a_slammed_door_are_no_accusation():
    rec = extract("A storm hit Velmar on Monday. Dara Quell slammed the door of the Velmar Post Office.")
    assert events(rec, "ACCUSE") == []


@slow
def test_turning_down_an_offer_rejects_its_maker():
    rec = extract("The Velmar Dockers Union turned down the offer of Harbor Group on Monday.")
    (v,) = events(rec, "REJECT")
    assert names(rec, v.source) == {"Velmar Dockers Union"}
    assert names(rec, v.target) == {"Harbor Group"}


@slow
def test_border_guards_apprehending_a_man_arrest_him():
    rec = extract("The Tumbrian Border Guard apprehended Oren Malik near Velmar on Sunday.")
    (v,) = events(rec, "COERCE")
    assert v.mode == "arrest"
    assert names(rec, v.target) == {"Oren Malik"}


# -- roles: "the referee" is the one person the article titles so, named before or after --------------

@slow
def test_the_referee_assaulted_is_the_one_person_titled_referee():
    rec = extract("The match ended in chaos after a player assaulted the referee in Velmar. Players of the Ostra "
                  "club charged at Arvelian referee Oren Malik after the final whistle of Monday's cup tie.")
    assaults = [v for v in events(rec, "ASSAULT") if v.trigger.text.startswith("assault")]
    assert assaults and names(rec, assaults[0].target) == {"Oren Malik"}


@slow
def test_the_referee_is_nobody_where_no_person_is_titled_so():
    rec = extract("Arvelian coach Oren Malik and Tumbrian coach Tarel Quell led their sides in the final. After the "
                  "game a player assaulted the referee in Velmar.")
    assaults = [v for v in events(rec, "ASSAULT") if v.trigger.text.startswith("assault")]
    assert all(not v.target for v in assaults)


# -- a negotiation needs a counterpart: wanting a pay rise negotiated is no meeting ----------------

@slow
def test_negotiating_a_pay_rise_with_no_counterpart_is_no_consultation():
    rec = extract("The Velmar Dockers Union wants to negotiate a yearly pay rise of 6 percent.")
    assert events(rec, "CONSULT") == []


@slow
@pytest.mark.parametrize("text", [
    "The Velmar Dockers Union negotiated with Harbor Group for a week.",
    "The Velmar Dockers Union and Harbor Group negotiated for a week.",
])
def test_negotiating_with_a_named_counterpart_stays_a_consultation(text):
    rec = extract(text)
    (v,) = events(rec, "CONSULT")
    assert names(rec, v.source) | names(rec, v.target) == {"Velmar Dockers Union", "Harbor Group"}


@slow
def test_agreements_signed_during_discussions_are_the_discussions_parties_not_a_later_visits():
    rec = extract("Discussions between President Dara Quell, who arrived in Tumbria on Sunday, and Prime "
                  "Minister Oren Malik were held last night. During discussions four accords were signed.")
    agree = events(rec, "AGREE")
    assert agree and names(rec, agree[0].source) == {"Dara Quell", "Oren Malik"}
    assert agree[0].date is not None and agree[0].date.value == "2026-03-05"  # the night before the story's day
