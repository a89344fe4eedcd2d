"""Patterns of a sixth blind sample of real reports (issue 11, real12), each reproduced by an invented
article. Every text here is invented; none comes from a real report or from the shared gold."""

from __future__ import annotations

import pytest

import newsledger

PUB = "2026-03-06"  # a Friday


def extract(text: str, published: str = PUB):
    return newsledger.extract(text, published=published)


def person(rec, name: str):
    hits = [e for e in rec.entities if e.name == name]
    assert hits, f"no entity {name!r}: {[e.name for e in rec.entities]}"
    return hits[0]


def name_of(rec, eid: str | None) -> str | None:
    return next((e.name for e in rec.entities if e.id == eid), None)


def speaker_of(rec, words: str) -> str | None:
    hits = [s for s in rec.statements if words in s.content.text]
    assert hits, f"no statement holds {words!r}: {[s.content.text for s in rec.statements]}"
    return name_of(rec, hits[0].speaker)


# -- a lead that describes its subject by an owned title, named in the next sentence ----------------

LEAD = ("Tumbria's fisheries minister has called for talks with Arvelia after the Arvelian government imposed "
        "new quotas on Tumbrian boats.\n\n"
        "Olek Varsany, who oversees Tumbria's fishing fleet, spoke at a news conference in Castrel on Thursday.\n\n"
        "The minister said that Arvelia must withdraw the quotas before the spring season.")


@pytest.mark.slow
def test_a_lead_descriptor_is_the_person_named_as_subject_next():
    rec = extract(LEAD)
    varsany = person(rec, "Olek Varsany")
    assert "fisheries minister" in varsany.attributes.titles
    assert [name_of(rec, a) for a in varsany.attributes.affiliation] == ["Tumbria"]
    assert any(r.type == "member_of" and name_of(rec, r.object) == "Tumbria" for r in rec.relations)
    assert speaker_of(rec, "withdraw the quotas") == "Olek Varsany"
    assert speaker_of(rec, "talks with Arvelia") == "Olek Varsany"


@pytest.mark.slow
def test_a_lead_descriptor_is_not_given_to_someone_with_a_title_of_his_own():
    rec = extract("Tumbria's fisheries minister has called for talks with Arvelia over the new quotas.\n\n"
                  "Olek Varsany, a trawler captain from Castrel, said the quotas would ruin his family.")
    assert "fisheries minister" not in person(rec, "Olek Varsany").attributes.titles


@pytest.mark.slow
def test_a_lead_descriptor_after_a_named_person_is_not_given_to_the_next_one():
    rec = extract("Mira Folen, a trawler captain, watched the boats leave on Monday.\n\n"
                  "Tumbria's fisheries minister has called for talks with Arvelia over the new quotas.\n\n"
                  "Olek Varsany said the quotas were unfair.")
    assert "fisheries minister" not in person(rec, "Olek Varsany").attributes.titles


# -- "Minister of <portfolio> Name", a doubled space before the name, and "the official" -----------

@pytest.mark.slow
def test_a_title_with_a_portfolio_of_phrase_and_a_doubled_space_is_split_from_the_name():
    rec = extract("Deputy Minister of Health  Lan Dao has said vaccination will begin after the Ministry of "
                  "Health receives a certificate.\n\n"
                  "According to the official, the vaccination follows the government's plan.")
    dao = person(rec, "Lan Dao")
    assert dao.attributes.titles == ("Deputy Minister of Health",)
    assert [name_of(rec, a) for a in dao.attributes.affiliation] == ["Ministry of Health"]
    assert speaker_of(rec, "follows the government") == "Lan Dao"


@pytest.mark.slow
def test_the_official_after_an_unnamed_official_is_not_the_named_minister():
    rec = extract("Deputy Minister of Health Lan Dao visited the clinic in Castrel on Monday.\n\n"
                  "An official at the clinic said the nurses were tired.\n\n"
                  "According to the official, the clinic needs twelve more beds.")
    assert speaker_of(rec, "twelve more beds") is None


# -- a list of dignitaries, each with a title before or after a comma ------------------------------

LIST = ("Guests such as the Chief Justice Oren Malik, The Tumbria leader of Opposition, Ilsa Varn, Minister for "
        "Health Dara Quell, Minister for Trades, Tomas Brel, and other leaders received their first dose.")


@pytest.mark.slow
def test_titles_in_a_list_of_dignitaries_go_to_the_names_they_stand_before():
    rec = extract(LIST)
    assert person(rec, "Oren Malik").attributes.titles == ("Chief Justice",)
    assert person(rec, "Ilsa Varn").attributes.titles == ("leader",)
    assert person(rec, "Dara Quell").attributes.titles == ("Minister for Health",)
    assert person(rec, "Tomas Brel").attributes.titles == ("Minister",)
    names = {e.name for e in rec.entities}
    assert "Trades" not in names and "Opposition" not in names  # a title's portfolio names no body
    assert not any(n.startswith("The ") for n in names)


@pytest.mark.slow
def test_a_title_and_comma_after_a_verb_is_the_named_persons():
    rec = extract("The premier also dropped former Harbour Secretary, Ilsa Varn, who was arrested last year.")
    assert person(rec, "Ilsa Varn").attributes.titles == ("former Harbour Secretary",)


@pytest.mark.slow
def test_a_title_of_a_body_given_by_its_bracketed_acronym_before_a_comma():
    rec = extract("Chief of Velmaria's space research agency (VSRA), T. Kalvano on Sunday declared the launch a "
                  "success.\n\n\"The rocket did its job extremely well,\" said Kalvano.")
    kal = person(rec, "T. Kalvano")
    assert kal.attributes.titles == ("Chief",)
    assert [name_of(rec, a) for a in kal.attributes.affiliation] == ["VSRA"]


# -- things that are no entity, no statement, no protest -------------------------------------------

@pytest.mark.slow
def test_designations_and_time_zones_are_no_entities():
    rec = extract("The Velmar Space Agency launched the TMS-D4 rocket at 4.30 pm (IST) from Castrel on Sunday, "
                  "carrying the VSAT-12 satellite.")
    names = {e.name for e in rec.entities}
    assert names == {"Velmar Space Agency", "Castrel"}


@pytest.mark.slow
def test_declaring_oneself_neutral_reports_nothing():
    rec = extract("At the talks in Castrel, Arvelia's delegation laid out a plan under which the country would "
                  "declare itself neutral.")
    assert [s.content.text for s in rec.statements] == []


@pytest.mark.slow
def test_demonstrating_an_attitude_is_no_protest():
    rec = extract("Arvelia must demonstrate a responsible attitude as a major power, Ilsa Varn said on Monday.")
    assert not [e for e in rec.events if e.type == "PROTEST"]


# -- a sports report: the country named with a team role is the national side --------------------

SPORT = ("Iceland players attack referee after cup defeat\n\n"
         "Iceland's football coach has blamed a disputed penalty for the anger after his team's 1-0 loss to "
         "Estonia in the cup semi-final.\n\n"
         "Players charged at the referee at the end of the match in Castrel on Monday.\n\n"
         "Iceland defender Oskar Flen was sent off after the game.\n\n"
         "The country's Estonian coach Ivo Karsk said his players were angry at the referee for denying them a "
         "penalty.")


@pytest.mark.slow
def test_a_country_with_a_team_role_is_the_side_played_for():
    rec = extract(SPORT)
    flen, karsk = person(rec, "Oskar Flen"), person(rec, "Ivo Karsk")
    assert flen.attributes.titles == ("defender",)
    assert [name_of(rec, a) for a in flen.attributes.affiliation] == ["Iceland"]
    assert [name_of(rec, a) for a in karsk.attributes.affiliation] == ["Iceland"]
    assert "Iceland" not in [name_of(rec, a) for a in karsk.attributes.citizenship]


@pytest.mark.slow
def test_a_possessed_description_with_a_domain_word_is_the_bare_titles_holder():
    rec = extract(SPORT)
    assert speaker_of(rec, "disputed penalty") == "Ivo Karsk"


@pytest.mark.slow
def test_a_possessed_description_is_not_a_holder_with_another_portfolio():
    rec = extract("Tumbria's Finance Minister Ilsa Varn met reporters in Castrel on Monday.\n\n"
                  "Later, Tumbria's health minister said the clinics must stay open.")
    assert speaker_of(rec, "clinics must stay open") != "Ilsa Varn"


# -- titles in brackets after a name, and a title abbreviation the article defines -----------------

RESHUFFLE = ("Chile's cabinet reshuffled\n\n"
             "Chile's President Oren Dask on Tuesday fired the Cabinet Secretary(CS) for fisheries Tomas Brel in a "
             "cabinet reshuffle.\n\n"
             "Dask appointed Mira Folen (CS Foreign Affairs), Ilsa Varn (CS Water) and Dara Quell (CS Health).\n\n"
             "Others include Ivo Karsk (Minister of Energy).")


@pytest.mark.slow
def test_a_bracketed_title_after_a_name_is_the_persons():
    rec = extract(RESHUFFLE)
    assert person(rec, "Ilsa Varn").attributes.titles == ("CS Water",)
    assert person(rec, "Mira Folen").attributes.titles == ("CS Foreign Affairs",)
    assert person(rec, "Ivo Karsk").attributes.titles == ("Minister of Energy",)
    assert not [e for e in rec.entities if e.name.startswith("CS") or "(" in e.name]


@pytest.mark.slow
def test_an_abbreviated_national_office_serves_the_articles_country():
    rec = extract(RESHUFFLE)
    quell = person(rec, "Dara Quell")
    assert [name_of(rec, a) for a in quell.attributes.affiliation] == ["Chile"]
    assert not quell.attributes.citizenship


@pytest.mark.slow
def test_a_bracketed_word_that_is_no_title_gives_no_title():
    rec = extract("Dask appointed Anna Folen (Castrel) and Ilsa Varn (Harbourton) to the board of the Velmar Port "
                  "Authority.")
    assert not person(rec, "Anna Folen").attributes.titles


# -- "has not ruled out that ...": a negated cue that still reports ---------------------------------

@pytest.mark.slow
def test_not_ruling_out_that_reports_a_prediction():
    rec = extract("Ilsa Varn said on Saturday the talks in Castrel were a candid session.\n\n"
                  "She has not ruled out that different approaches could emerge from the talks.")
    hits = [s for s in rec.statements if "different approaches" in s.content.text]
    assert len(hits) == 1 and hits[0].kind == "prediction" and name_of(rec, hits[0].speaker) == "Ilsa Varn"


@pytest.mark.slow
def test_not_saying_and_ruling_out_an_object_report_nothing():
    rec = extract("Ilsa Varn did not say when the talks would resume. She ruled out a return to Castrel.")
    assert rec.statements == ()


# -- "and" inside a body named by its subject ------------------------------------------------------

@pytest.mark.slow
def test_and_inside_a_bodys_subject_keeps_one_name():
    rec = extract("The Velmar Farm Agency asked the Central Institute for Testing of Seed and Fertilizers to check "
                  "the batch.\n\nThe Ministry of Trade and Industry said the Ministry of Health and Tumbria had "
                  "agreed.")
    names = {e.name for e in rec.entities}
    assert "Central Institute for Testing of Seed and Fertilizers" in names
    assert "Ministry of Trade and Industry" in names
    assert "Ministry of Health" in names and "Ministry of Health and Tumbria" not in names


# -- capitals that are a title or a law, not a person or a body -----------------------------------

@pytest.mark.slow
def test_a_portfolio_cabinet_secretary_and_a_plural_title_name_no_one():
    rec = extract("The premier also dropped former Harbour Cabinet Secretary, Ilsa Varn, who was arrested last "
                  "year.\n\nHe further made 15 appointments of Chief Administrative Secretaries, with seven of them "
                  "under the age of 30 years.")
    assert {e.name for e in rec.entities} == {"Ilsa Varn"}
    assert person(rec, "Ilsa Varn").attributes.titles == ("former Harbour Cabinet Secretary",)
    assert not rec.relations


@pytest.mark.slow
def test_the_resolution_referred_back_to_is_no_entity():
    rec = extract("The vaccination follows the council's Resolution No. 14 on the purchase of vaccines. "
                  "According to the Resolution, families may also pay for doses.")
    assert rec.entities == ()


# -- a country written once for two coordinated titles --------------------------------------------

@pytest.mark.slow
def test_a_second_coordinated_title_serves_the_country_of_the_first():
    rec = extract("Ilsa Varn expressed her readiness to meet with Chilean Trade Minister Oren Dask and Fisheries "
                  "Secretary Tomas Brel at an appropriate time.")
    assert [name_of(rec, a) for a in person(rec, "Tomas Brel").attributes.affiliation] == ["Chile"]


@pytest.mark.slow
def test_a_second_coordinated_title_with_its_own_country_keeps_it():
    rec = extract("Ilsa Varn met Chilean Trade Minister Oren Dask and Peruvian Fisheries Secretary Tomas Brel in "
                  "Castrel.")
    assert [name_of(rec, a) for a in person(rec, "Tomas Brel").attributes.affiliation] == ["Peru"]


# -- events: an accusation in "described X as acts of ...", an offer to meet, "want X to note" ------

@pytest.mark.slow
def test_describing_duties_as_acts_of_bullying_is_an_accusation():
    rec = extract("Ilsa Varn described the new Arvelian duties as typical acts of unilateralism and bullying.")
    assert [e.type for e in rec.events] == ["ACCUSE"]


@pytest.mark.slow
def test_readiness_to_meet_is_no_meeting_and_wanting_people_to_note_is_no_request():
    rec = extract("Ilsa Varn expressed her readiness to meet with Oren Malik at an appropriate time.\n\n"
                  "\"I would want Tumbrians to note that most of the new envoys are young,\" Varn said.")
    assert rec.events == ()


@pytest.mark.slow
def test_a_participle_of_saying_hung_on_a_noun_of_the_report_is_the_reporters():
    rec = extract("Ilsa Varn said on Saturday the talks in Castrel were a candid session.\n\n"
                  "She has not ruled out that different approaches could be formed as a result of the talks adding "
                  "that several ministers offered a number of ideas.")
    first = [s for s in rec.statements if "different approaches" in s.content.text]
    added = [s for s in rec.statements if s.content.text == "several ministers offered a number of ideas"]
    assert first and "adding" not in first[0].content.text
    assert added and name_of(rec, added[0].speaker) == "Ilsa Varn"

