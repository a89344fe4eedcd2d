"""Entity and event precision patterns of a third blind sample of real reports (issue 11, real9), each
reproduced by an invented article. Every text here is invented; none comes from a real report or from
the shared gold. The sense rows changed for this sample carry their own negative examples, run by
tests/test_event_senses.py; the tests here check the mechanisms through the whole pipeline."""

from __future__ import annotations

import pytest

import newsledger

PUB = "2026-03-06"  # a Friday


def extract(text: str, published: str = PUB):
    return newsledger.extract(text, published=published)


def triggers(rec) -> list[tuple[str, str]]:
    return [(e.type, e.trigger.text) for e in rec.events]


def names(rec) -> list[str]:
    return [e.name for e in rec.entities]


# -- events: acts that have not happened, and non-political senses ---------------------------------

@pytest.mark.slow
def test_an_act_in_a_present_tense_until_clause_has_not_happened():
    rec = extract("Police questioned Oren Malik on Monday. The Marlow Courier has chosen to withhold details "
                  "until he's charged.\n\nPolice charged Dara Quell with arson on Tuesday.")
    charged = [e for e in rec.events if e.trigger.text == "charged"]
    assert len(charged) == 1 and "Tuesday" in charged[0].evidence.text


@pytest.mark.slow
def test_a_future_main_clause_keeps_its_until_clause_as_a_future_event():
    rec = extract("Rebels in Velmar said they will hold the convoy until Arvelia releases Oren Malik.")
    released = [e for e in rec.events if e.trigger.text == "releases"]
    assert released and released[0].status == "future"


@pytest.mark.slow
def test_sports_and_hospital_senses_are_no_events():
    rec = extract("The Harbourton Rovers conceded three goals before they pulled two goals back after the break.\n\n"
                  "A steward who was driven to a hospital is likely to be released to her parents tonight.\n\n"
                  "A crash near the depot left two stewards injured on Monday.\n\n"
                  "A guard held the intruder at gunpoint until deputies arrived.")
    assert triggers(rec) == []


@pytest.mark.slow
def test_cooperation_as_a_bare_noun_is_no_event_but_launching_it_is():
    rec = extract("Arvelia wants to enhance cooperation with Tumbria, the foreign ministry said.\n\n"
                  "Arvelia resumed cooperation with Tumbria on Monday.")
    coop = [e for e in rec.events if e.type == "COOPERATE"]
    assert len(coop) == 1 and "resumed" in coop[0].evidence.text


# -- entities: ranks are titles, stacked titles both kept ------------------------------------------

@pytest.mark.slow
def test_a_rank_abbreviation_is_one_word_and_a_title_of_its_own():
    rec = extract("A clerk was hurt late Tuesday at a depot in Harbourton, according to police spokesman "
                  "Sgt. Ray Dunmore. Det. Ana Ruiz said the van was found.")
    assert not any(n.rstrip(".") in ("Sgt", "Det") for n in names(rec))
    dunmore = next(e for e in rec.entities if e.name == "Ray Dunmore")
    assert set(dunmore.attributes.titles) >= {"police spokesman", "Sgt."}
    assert any(e.name == "Ana Ruiz" and e.type == "PERSON" for e in rec.entities)


# -- entities: long official names with "of" and "and" ------------------------------------------------

@pytest.mark.slow
def test_a_long_official_name_with_and_and_of_country_stays_whole():
    rec = extract("The minister spoke in Ostrava, reports the Press and Public Outreach Department of the "
                  "Ministry of Trade Affairs of Norway. Both sides will work within the Sun and Moon Initiative.")
    got = names(rec)
    assert "Press and Public Outreach Department" in got
    assert "Ministry of Trade Affairs of Norway" in got
    assert "Sun and Moon Initiative" in got
    assert not {"Press", "Public Outreach Department", "Moon Initiative", "Sun"} & set(got)


@pytest.mark.slow
def test_two_places_joined_by_and_stay_two():
    got = names(extract("Flooding hit the Velmar and Ostrava Region on Monday. Norway and Sweden sent boats."))
    assert "Norway" in got and "Sweden" in got


@pytest.mark.slow
def test_a_title_of_a_country_makes_no_person_named_of_country():
    rec = extract("The forum opens three days after the state visit of the Trade Minister of Norway to Ostrava.")
    assert not any(n.lower().startswith("of ") for n in names(rec))
    assert any(e.name == "Norway" and e.type == "GPE" for e in rec.entities)


# -- entities: capitals that are no names -----------------------------------------------------------

@pytest.mark.slow
def test_capitals_that_are_no_names():
    rec = extract("Police: Man who robbed clerk a fraud suspect\n\n"
                  "Officers found a 40-year-old man near the depot in Harbourton. 'You MUST leave now,' Sheriff "
                  "Ana Ruiz said. A deputy stunned the suspect with a Taser on Monday.")
    got = names(rec)
    assert not {"Man", "MUST", "Taser"} & set(got)
    assert "Ana Ruiz" in got and "Harbourton" in got


@pytest.mark.slow
def test_an_initialism_owned_like_a_thing_is_no_name():
    got = names(extract("He treated Town Hall like his own ATM, Sheriff Ana Ruiz said. An FBI agent saw it."))
    assert "ATM" not in got and "FBI" in got


@pytest.mark.slow
def test_all_caps_names_stay_names():
    got = names(extract("The WHO said on Friday it shipped doses. The US sent aid and a BBC reporter saw it."))
    assert {"WHO", "US", "BBC"} <= set(got)


@pytest.mark.slow
def test_a_numbered_street_keeps_its_ordinal():
    rec = extract("Police detained a driver in the 700 block of 14th Avenue South in Harbourton.")
    assert "14th Avenue South" in names(rec)
    assert not any(n.startswith("Avenue") for n in names(rec))


@pytest.mark.slow
def test_a_numbered_street_without_its_quarter_is_the_same_street():
    rec = extract("Police detained a driver in the 700 block of 14th Avenue South. A witness saw him walk down "
                  "14th Avenue before he ran.")
    streets = [e for e in rec.entities if "Avenue" in e.name]
    assert len(streets) == 1 and streets[0].name == "14th Avenue South" and "14th Avenue" in streets[0].aliases


@pytest.mark.slow
def test_a_bracketed_given_name_or_surname_joins_its_person():
    rec = extract('Coach Tom Hale said, "(Jordan) Brenner and Nils (Varn) were not fit for the match."')
    people = {e.name: e for e in rec.entities if e.type == "PERSON"}
    assert "Jordan Brenner" in people and "Nils Varn" in people
    assert not any(e.type == "GPE" for e in rec.entities)  # "Jordan" is no country here


@pytest.mark.slow
def test_names_before_a_plural_unit_are_that_unit():
    rec = extract("The fire, raging in Velmar and Ostrava counties in California, has destroyed homes. In Velmar "
                  "County, 4,000 residents left, Ostrava County Sheriff Tom Hale said.")
    places = {e.name: e for e in rec.entities if e.type == "GPE"}
    assert {"Velmar County", "Ostrava County", "California"} <= set(places)
    assert "Velmar" not in places and "Ostrava" not in places
    assert "Velmar" in places["Velmar County"].aliases


# -- events with no named participants -----------------------------------------------------------------

@pytest.mark.slow
def test_a_past_assault_between_unnamed_people_is_an_event():
    rec = extract("Police: Man who stabbed guard a robbery suspect\n\nThe 40-year-old man was held in Harbourton.")
    assert ("ASSAULT", "stabbed") in triggers(rec)
    assert "Man" not in names(rec)


@pytest.mark.slow
def test_stabbings_as_a_noun_are_an_assault():
    rec = extract("New details in series of Harbourton stabbings released\n\n"
                  "The stabbings happened in Harbourton on Thursday, police said.")
    assert any(t == ("ASSAULT", "stabbings") for t in triggers(rec))


@pytest.mark.slow
def test_names_before_a_plural_unit_are_places_even_unwritten_in_full():
    rec = extract("The blaze burns through Velmar and Tarnwick counties, crews said on Monday.")
    types = {e.name: e.type for e in rec.entities}
    assert types.get("Velmar") == "GPE" and types.get("Tarnwick") == "GPE"


@pytest.mark.slow
def test_unnamed_people_threatening_unnamed_people_is_an_event():
    rec = extract("Crews in Velmar County are still at work. In a few instances, farmers have drawn guns and "
                  "threatened firefighters at their gates, a local station reported.")
    assert ("THREATEN", "threatened") in triggers(rec)


@pytest.mark.slow
def test_an_undated_passive_killing_of_an_unnamed_person_stays_no_event():
    rec = extract("A guard was killed, the company said in a statement.")
    assert ("ASSAULT", "killed") not in triggers(rec)


@pytest.mark.slow
def test_a_state_code_is_the_state_the_story_names():
    rec = extract("Warden: CA Hikers Ignoring Closures Now Stranded on Ridges\n\n"
                  "Fires spread across northern California on Monday, crews said.")
    places = [e for e in rec.entities if e.name == "California"]
    assert len(places) == 1 and "CA" in places[0].aliases and places[0].type == "GPE"
    assert len(rec.entities) == 1
