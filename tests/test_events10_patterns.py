"""Events on real reporting (issue 11, round events10: recall and roles), by family and mechanism, each
reproduced by an invented article: an arrest with no actor written in a story naming several police bodies is
all of theirs, and so is "the police" there ("the unions" for several unions); a customs body's too; criticism
told as a judgement ("ripped into", "lashed X's budget") is ACCUSE; a strike is whoever called it or gave notice
of it; a demand targets who is to act; "we" in an official's quote is the official's body too; a court that
grants an application to hold someone holds them.

Every text here is invented; none is taken from a real report or from the shared gold."""

from __future__ import annotations

import pytest

from record_helpers import events, extract, names

slow = pytest.mark.slow


# -- several police bodies: an arrest with no actor, "the police", "the unions" ------------------------

@slow
def test_an_arrest_with_no_actor_in_a_story_of_two_police_bodies_is_both_of_theirs():
    rec = extract("The Harlow Metropolitan Police says two men were detained at the grain store on Saturday. "
                  "Officers of the Tumbria National Police are looking for a third.")
    (v,) = [v for v in events(rec, "COERCE") if v.mode == "arrest"]
    assert names(rec, v.source) == {"Harlow Metropolitan Police", "Tumbria National Police"}


@slow
def test_the_policemen_in_a_story_of_two_police_bodies_are_both_and_a_police_union_is_neither():
    rec = extract("The Ostra Valley Constabulary and the Marrow County Police Service searched the harbour on "
                  "Monday. The policemen detained a ferry engineer at the pier.")
    (v,) = [v for v in events(rec, "COERCE") if v.mode == "arrest"]
    assert names(rec, v.source) == {"Ostra Valley Constabulary", "Marrow County Police Service"}
    union = extract("A warehouse guard was arrested on Tuesday in Pellam. The Pellam Police Union said "
                    "its members had done nothing wrong.")
    (w,) = events(union, "COERCE")
    assert w.source == ()


@slow
def test_the_unions_are_every_union_but_the_union_among_two_is_none():
    text = ("The Velmar Dockers Union and the Harbour Pilots Association met the port board on Monday. "
            "{} held a strike at the harbour on Tuesday.")
    rec = extract(text.format("The unions"))
    (v,) = events(rec, "PROTEST")
    assert names(rec, v.source) == {"Velmar Dockers Union", "Harbour Pilots Association"}
    one = extract(text.format("The union"))
    assert all(len(v.source) < 2 for v in events(one, "PROTEST"))


def test_a_body_the_tagger_took_for_a_person_is_still_of_its_kind_but_a_place_never_is():
    from newsledger.extract.events.kinds import kind_bodies
    from newsledger.extract.events.lexicon import lexicon
    from newsledger.records import Entity

    ents = [Entity(id="e1", type="PERSON", name="Tallis Garda Office"), Entity(id="e2", type="PERSON", name="Ruan Tallis"),
            Entity(id="e3", type="GPE", name="Velmar Federation"), Entity(id="e4", type="FAC", name="Union Quay")]
    kinds = kind_bodies(ents, lexicon())
    assert kinds["police"] == frozenset({"e1"})
    assert kinds["union"] == frozenset()


@slow
def test_an_arrest_with_no_actor_in_a_story_of_a_customs_body_is_the_customs_body_s():
    rec = extract("A passenger was arrested at Pellam airport on Monday after four kilograms of cocaine were found "
                  "in his bag. The Velmar Customs Service said the drugs were worth $200,000.")
    (v,) = [v for v in events(rec, "COERCE") if v.mode == "arrest"]
    assert names(rec, v.source) == {"Velmar Customs Service"}
    none = extract("A passenger was arrested at Pellam airport on Monday after four kilograms of cocaine were "
                   "found in his bag. The Velmar Airport Company said flights were not delayed.")
    assert all(v.source == () for v in events(none, "COERCE"))


# -- criticism told as a judgement: ACCUSE disapprove of the critic against whom the criticism is aimed --------

@slow
def test_ripping_into_and_tearing_into_someone_is_an_accusation_of_the_critic():
    rec = extract("Dara Quell, the Velmar opposition leader, ripped into Premier Oren Malik on Friday over hospital "
                  "waiting lists. A day later the Harbour Nurses Guild tore into the Tumbria Health Board.")
    got = {(frozenset(names(rec, v.source)), frozenset(names(rec, v.target))) for v in events(rec, "ACCUSE")
           if v.mode == "disapprove"}
    assert (frozenset({"Dara Quell"}), frozenset({"Oren Malik"})) in got
    assert (frozenset({"Harbour Nurses Guild"}), frozenset({"Tumbria Health Board"})) in got


@slow
def test_lashing_a_party_s_budget_accuses_the_party_but_rain_lashing_a_coast_is_no_event():
    rec = extract("Treasurer Dara Quell lashed the Tumbria Labour Party's spending budget on Wednesday, saying it "
                  "forgot the coast.")
    (v,) = events(rec, "ACCUSE")
    assert v.mode == "disapprove"
    assert names(rec, v.source) == {"Dara Quell"}
    assert names(rec, v.target) == {"Tumbria Labour Party"}
    storm = extract("Heavy rain lashed the Velmar coast on Wednesday, and the harbour board closed the pier.")
    assert events(storm, "ACCUSE") == []


@slow
def test_berating_and_rebuking_are_accusations_but_blasting_rock_is_none():
    rec = extract("The Marrow County council berated the Velmar Water Company on Monday over the outage. "
                  "Mayor Ines Torva also rebuked the Pellam Rail Board for the closures.")
    targets = {t for v in events(rec, "ACCUSE") for t in names(rec, v.target)}
    assert {"Velmar Water Company", "Pellam Rail Board"} <= targets
    rock = extract("Quarry workers of the Pellam Stone Company blasted the rock face above Velmar on Monday.")
    assert events(rock, "ACCUSE") == []


@slow
def test_calling_a_plan_irresponsible_is_a_judgement_but_calling_it_ambitious_is_none():
    rec = extract("Ina Marl called the Velmar Party's plan irresponsible.")
    (v,) = events(rec, "ACCUSE")
    assert names(rec, v.source) == {"Ina Marl"}
    praise = extract("Ina Marl called the Velmar Party's plan ambitious.")
    assert events(praise, "ACCUSE") == []


# -- the main act of a strike story: who called the strike, who gave notice of it --------------------------

@slow
def test_a_strike_the_unions_called_is_the_unions_strike_but_calling_it_illegal_is_no_claim_to_it():
    rec = extract("The Velmar Dockers Union and the Harbour Pilots Association met the port board on Monday. "
                  "On Tuesday the unions called a harbour-wide strike over unpaid overtime.")
    (v,) = events(rec, "PROTEST")
    assert names(rec, v.source) == {"Velmar Dockers Union", "Harbour Pilots Association"}
    judged = extract("Mayor Ines Torva called the strike by the Velmar Dockers Union illegal on Monday.")
    assert all("Ines Torva" not in names(judged, v.source) for v in events(judged, "PROTEST"))


@slow
def test_a_strike_called_by_a_union_in_a_participle_or_the_passive_is_the_union_s():
    rec = extract("A strike called by the Velmar Dockers Union shut the port of Pellam on Monday.")
    (v,) = events(rec, "PROTEST")
    assert names(rec, v.source) == {"Velmar Dockers Union"}
    passive = extract("The harbour strike, which began on Monday, was called by the Velmar Dockers Union.")
    (w,) = events(passive, "PROTEST")
    assert names(passive, w.source) == {"Velmar Dockers Union"}


@slow
def test_a_strike_notice_from_a_union_is_its_threat_against_the_employer():
    rec = extract("Harbour Air received a strike notice from the Velmar Cabin Crew Guild on Monday.")
    (v,) = events(rec, "THREATEN")
    assert names(rec, v.source) == {"Velmar Cabin Crew Guild"}
    assert names(rec, v.target) == {"Harbour Air"}


# -- roles of verbal acts: who is to act on a demand; "we" in an official's quote ---------------------------

@slow
def test_a_demand_that_someone_act_targets_who_is_to_act():
    rec = extract("The port authority of Velmar demanded Hexacorp repay the harbour fees by March.")
    (v,) = events(rec, "REQUEST")
    assert names(rec, v.target) == {"Hexacorp"}
    that = extract("The Velmar Transport Agency demanded that Hexacorp recall the pumps by March.")
    (w,) = events(that, "REQUEST")
    assert names(that, w.target) == {"Hexacorp"}


@slow
def test_we_in_the_quote_of_a_body_s_chief_is_the_body_as_well_as_the_chief():
    rec = extract('"We opened an investigation into the fire the same night," said Ina Marl, chief of the '
                  'Pellam Fire Service.')
    (v,) = events(rec, "ACCUSE")
    assert names(rec, v.source) == {"Ina Marl", "Pellam Fire Service"}
    alone = extract('"I opened an investigation into the fire the same night," said Ina Marl, chief of the '
                    'Pellam Fire Service.')
    (w,) = events(alone, "ACCUSE")
    assert names(alone, w.source) == {"Ina Marl"}


# -- court-ordered detention: an act asked of an authority and granted is the authority's ------------------

@slow
def test_a_court_that_grants_an_application_to_detain_detains_but_one_that_does_not_grant_it_none():
    rec = extract("The Velmar Magistrate's Court on Monday granted the prosecutors' application to detain three "
                  "dockers for ten days.")
    (v,) = events(rec, "COERCE")
    assert v.mode == "arrest"
    assert names(rec, v.source) == {"Velmar Magistrate's Court"}
    refused = extract("The Velmar Magistrate's Court did not grant the prosecutors' application to detain three "
                      "dockers for ten days.")
    assert all("Velmar Magistrate's Court" not in names(refused, v.source) for v in events(refused, "COERCE"))


# -- seizures: what is seized from someone's possession targets that someone -------------------------------

@slow
def test_goods_seized_from_someone_s_possession_target_the_owner():
    rec = extract("Inspectors said four ivory tusks belonging to Oren Malik were found at the market, and two more "
                  "were seized from his possession later that day.")
    (v,) = [v for v in events(rec, "COERCE") if v.mode == "seize"]
    assert names(rec, v.target) == {"Oren Malik"}


@slow
def test_agreeing_to_a_settlement_with_a_body_targets_the_body():
    rec = extract("Hexacorp agreed to a settlement with the Velmar Transport Agency on Monday.")
    (v,) = events(rec, "AGREE")
    assert names(rec, v.source) == {"Hexacorp"}
    assert names(rec, v.target) == {"Velmar Transport Agency"}


@slow
def test_i_urge_the_minister_in_a_minister_s_quote_is_the_speaker_urging_someone_else():
    rec = extract('Health Minister Oren Malik said the federal cuts would close two wards in Pellam. "I urge the '
                  'minister to reconsider the cuts," he told the radio station.')
    (v,) = events(rec, "REQUEST")
    assert names(rec, v.source) == {"Oren Malik"}
    assert "Oren Malik" not in names(rec, v.target)
