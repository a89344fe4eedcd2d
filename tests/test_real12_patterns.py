"""Patterns of a sixth blind sample of real reports (issue 11, real12), each reproduced by an invented
article. Every text here is invented; none comes from a real report or from the shared gold."""

from __future__ import annotations

import pytest

import newsledger

from record_helpers import name_of, person, speaker_of

PUB = "2026-03-06"  # a Friday


def extract(text: str, published: str = PUB):
    return newsledger.extract(text, published=published)


# -- a lead that describes its subject by an owned title, named in the next sentence ----------------

LEAD = ("Tumbria's fisheries minister has called for a meeting with Arvelia now that the Arvelian government caps "
        "the catch of Tumbrian boats.\n\n"
        "Olek Varsany, who runs Tumbria's fishing policy, briefed reporters in Castrel on Thursday.\n\n"
        "The minister said that Arvelia must lift the caps before the spring season.")


@pytest.mark.slow
def test_a_lead_descriptor_is_the_person_named_as_subject_next():
    rec = extract(LEAD)
    varsany = person(rec, "Olek Varsany")
    assert "fisheries minister" in varsany.attributes.titles
    assert [name_of(rec, a) for a in varsany.attributes.affiliation] == ["Tumbria"]
    assert any(r.type == "member_of" and name_of(rec, r.object) == "Tumbria" for r in rec.relations)
    assert speaker_of(rec, "lift the caps") == "Olek Varsany"
    assert speaker_of(rec, "meeting with Arvelia") == "Olek Varsany"


@pytest.mark.slow
def test_a_lead_descriptor_is_not_given_to_someone_with_a_title_of_his_own():
    rec = extract("Tumbria's fisheries minister has called for a meeting with Arvelia over the catch caps.\n\n"
                  "Olek Varsany, a trawler captain from Castrel, said the caps would ruin his family.")
    assert "fisheries minister" not in person(rec, "Olek Varsany").attributes.titles


@pytest.mark.slow
def test_a_lead_descriptor_after_a_named_person_is_not_given_to_the_next_one():
    rec = extract("Mira Folen, a trawler captain, watched the boats leave on Monday.\n\n"
                  "Tumbria's fisheries minister has called for a meeting with Arvelia over the catch caps.\n\n"
                  "Olek Varsany said the caps were unfair.")
    assert "fisheries minister" not in person(rec, "Olek Varsany").attributes.titles


# -- "Minister of <portfolio> Name", a doubled space before the name, and "the official" -----------

@pytest.mark.slow
def test_a_title_with_a_portfolio_of_phrase_and_a_doubled_space_is_split_from_the_name():
    rec = extract("Deputy Minister of Labour  Lan Dao has said the wage audit will start once the Ministry of "
                  "Labour gets its new inspectors.\n\n"
                  "According to the official, this audit is part of a five-year plan.")
    dao = person(rec, "Lan Dao")
    assert dao.attributes.titles == ("Deputy Minister of Labour",)
    assert [name_of(rec, a) for a in dao.attributes.affiliation] == ["Ministry of Labour"]
    assert speaker_of(rec, "five-year plan") == "Lan Dao"


@pytest.mark.slow
def test_the_official_after_an_unnamed_official_is_not_the_named_minister():
    rec = extract("Deputy Minister of Labour Lan Dao visited the shipyard in Castrel on Monday.\n\n"
                  "An official at the shipyard said the welders were tired.\n\n"
                  "According to the official, twelve more beds are needed.")
    assert speaker_of(rec, "twelve more beds") is None


# -- a list of dignitaries, each with a title before or after a comma ------------------------------

LIST = ("At the opening were the Chief Magistrate Oren Malik, The Tumbria leader of Opposition, Ilsa Varn, "
        "Minister for Labour Dara Quell, Minister for Fisheries, Tomas Brel, and several mayors, who cut the ribbon.")


@pytest.mark.slow
def test_titles_in_a_list_of_dignitaries_go_to_the_names_they_stand_before():
    rec = extract(LIST)
    assert person(rec, "Oren Malik").attributes.titles == ("Chief Magistrate",)
    assert person(rec, "Ilsa Varn").attributes.titles == ("leader",)
    assert person(rec, "Dara Quell").attributes.titles == ("Minister for Labour",)
    assert person(rec, "Tomas Brel").attributes.titles == ("Minister",)
    names = {e.name for e in rec.entities}
    assert "Fisheries" not in names and "Opposition" not in names  # a title's portfolio names no body
    assert not any(n.startswith("The ") for n in names)


@pytest.mark.slow
def test_a_title_and_comma_after_a_verb_is_the_named_persons():
    rec = extract("The premier also removed former Harbour Secretary, Ilsa Varn, who was charged in May.")
    assert person(rec, "Ilsa Varn").attributes.titles == ("former Harbour Secretary",)


@pytest.mark.slow
def test_a_title_of_a_body_given_by_its_bracketed_acronym_before_a_comma():
    rec = extract("Chief of Velmaria's ocean survey agency (VOSA), T. Kalvano on Sunday called the deep dive a "
                  "triumph.\n\n\"The submersible behaved perfectly,\" said Kalvano.")
    kal = person(rec, "T. Kalvano")
    assert kal.attributes.titles == ("Chief",)
    assert [name_of(rec, a) for a in kal.attributes.affiliation] == ["VOSA"]


# -- things that are no entity, no statement, no protest -------------------------------------------

@pytest.mark.slow
def test_designations_and_time_zones_are_no_entities():
    rec = extract("The Velmar Ocean Agency lowered the DSV-K7 submersible at 6.15 am (IST) off Castrel on Sunday, "
                  "carrying the HX-40 sonar.")
    names = {e.name for e in rec.entities}
    assert names == {"Velmar Ocean Agency", "Castrel"}


@pytest.mark.slow
def test_declaring_oneself_neutral_reports_nothing():
    rec = extract("In Castrel, the Arvelian envoys tabled a draft by which Arvelia would declare itself neutral "
                  "for ten years.")
    assert [s.content.text for s in rec.statements] == []


@pytest.mark.slow
def test_demonstrating_an_attitude_is_no_protest():
    rec = extract("Tumbria must demonstrate a calmer attitude toward its neighbours, Ilsa Varn said on Monday.")
    assert not [e for e in rec.events if e.type == "PROTEST"]


# -- a sports report: the country named with a team role is the national side --------------------

SPORT = ("Iceland squad mobs umpire after league exit\n\n"
         "Iceland's handball coach blamed a contested free throw for the squad's fury after a 24-23 defeat by "
         "Estonia in the quarter-final.\n\n"
         "Players surrounded the umpire at the final whistle in Castrel on Monday.\n\n"
         "Iceland goalkeeper Oskar Flen was shown a red card after the game.\n\n"
         "The country's Latvian coach Ivo Karsk said his squad felt robbed by the umpire's call.")


@pytest.mark.slow
def test_a_country_with_a_team_role_is_the_side_played_for():
    rec = extract(SPORT)
    flen, karsk = person(rec, "Oskar Flen"), person(rec, "Ivo Karsk")
    assert flen.attributes.titles == ("goalkeeper",)
    assert [name_of(rec, a) for a in flen.attributes.affiliation] == ["Iceland"]
    assert [name_of(rec, a) for a in karsk.attributes.affiliation] == ["Iceland"]
    assert "Iceland" not in [name_of(rec, a) for a in karsk.attributes.citizenship]


@pytest.mark.slow
def test_a_possessed_description_with_a_domain_word_is_the_bare_titles_holder():
    rec = extract(SPORT)
    assert speaker_of(rec, "contested free throw") == "Ivo Karsk"


@pytest.mark.slow
def test_a_possessed_description_is_not_a_holder_with_another_portfolio():
    rec = extract("Tumbria's Finance Minister Ilsa Varn met reporters in Castrel on Monday.\n\n"
                  "Later, Tumbria's health minister said the clinics must stay open.")
    assert speaker_of(rec, "clinics must stay open") != "Ilsa Varn"


# -- titles in brackets after a name, and a title abbreviation the article defines -----------------

RESHUFFLE = ("Chile's cabinet shaken up\n\n"
             "Chile's President Oren Dask on Friday removed his Cabinet Secretary(CS) for mining Tomas Brel in a "
             "wider shake-up.\n\n"
             "Dask named Mira Folen (CS Transport), Ilsa Varn (CS Tourism) and Dara Quell (CS Education).\n\n"
             "Others include Ivo Karsk (Minister of Energy).")


@pytest.mark.slow
def test_a_bracketed_title_after_a_name_is_the_persons():
    rec = extract(RESHUFFLE)
    assert person(rec, "Ilsa Varn").attributes.titles == ("CS Tourism",)
    assert person(rec, "Mira Folen").attributes.titles == ("CS Transport",)
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


# -- "does not rule out that ...": a negated cue that still reports ---------------------------------

@pytest.mark.slow
def test_not_ruling_out_that_reports_a_prediction():
    rec = extract("Ilsa Varn said on Saturday the meeting in Castrel had been frank.\n\n"
                  "She does not rule out that a joint fund could come out of the meeting.")
    hits = [s for s in rec.statements if "joint fund" in s.content.text]
    assert len(hits) == 1 and hits[0].kind == "prediction" and name_of(rec, hits[0].speaker) == "Ilsa Varn"


@pytest.mark.slow
def test_not_saying_and_ruling_out_an_object_report_nothing():
    rec = extract("Ilsa Varn did not say when the meeting would reconvene. She ruled out a second round in Castrel.")
    assert rec.statements == ()


# -- "and" inside a body named by its subject ------------------------------------------------------

@pytest.mark.slow
def test_and_inside_a_bodys_subject_keeps_one_name():
    rec = extract("The Velmar Mining Board asked the Northern Centre for Analysis of Ores and Minerals to test "
                  "the spoil.\n\nThe Ministry of Roads and Bridges said the Ministry of Labour and Tumbria had "
                  "signed.")
    names = {e.name for e in rec.entities}
    assert "Northern Centre for Analysis of Ores and Minerals" in names
    assert "Ministry of Roads and Bridges" in names
    assert "Ministry of Labour" in names and "Ministry of Labour and Tumbria" not in names


# -- capitals that are a title or a law, not a person or a body -----------------------------------

@pytest.mark.slow
def test_a_portfolio_cabinet_secretary_and_a_plural_title_name_no_one():
    rec = extract("The premier also removed former Harbour Cabinet Secretary, Ilsa Varn, who was charged in "
                  "May.\n\nHe then named 12 Senior Planning Secretaries, four of them younger than 35.")
    assert {e.name for e in rec.entities} == {"Ilsa Varn"}
    assert person(rec, "Ilsa Varn").attributes.titles == ("former Harbour Cabinet Secretary",)
    assert not rec.relations


@pytest.mark.slow
def test_the_resolution_referred_back_to_is_no_entity():
    rec = extract("The audit rests on the council's Resolution No. 14 on shipyard wages. "
                  "According to the Resolution, unions may also name inspectors.")
    assert rec.entities == ()


# -- a country written once for two coordinated titles --------------------------------------------

@pytest.mark.slow
def test_a_second_coordinated_title_serves_the_country_of_the_first():
    rec = extract("Ilsa Varn said she hoped to sit down with Chilean Trade Minister Oren Dask and Fisheries "
                  "Secretary Tomas Brel before the summer.")
    assert [name_of(rec, a) for a in person(rec, "Tomas Brel").attributes.affiliation] == ["Chile"]


@pytest.mark.slow
def test_a_second_coordinated_title_with_its_own_country_keeps_it():
    rec = extract("Ilsa Varn met Chilean Trade Minister Oren Dask and Peruvian Fisheries Secretary Tomas Brel in "
                  "Castrel.")
    assert [name_of(rec, a) for a in person(rec, "Tomas Brel").attributes.affiliation] == ["Peru"]


# -- events: an accusation in "described X as acts of ...", an offer to meet, "want X to note" ------

@pytest.mark.slow
def test_describing_duties_as_acts_of_bullying_is_an_accusation():
    rec = extract("Ilsa Varn described the Arvelian port fees as naked acts of coercion and intimidation.")
    assert [e.type for e in rec.events] == ["ACCUSE"]


@pytest.mark.slow
def test_readiness_to_meet_is_no_meeting_and_wanting_people_to_note_is_no_request():
    rec = extract("Ilsa Varn voiced her readiness to meet Oren Malik once the harvest is in.\n\n"
                  "\"We would want our members to note that the fees have not changed,\" Varn said.")
    assert rec.events == ()


@pytest.mark.slow
def test_a_participle_of_saying_hung_on_a_noun_of_the_report_is_the_reporters():
    rec = extract("Ilsa Varn said on Saturday the meeting in Castrel had been frank.\n\n"
                  "She does not rule out that a joint fund could be set up by the end of the meeting adding "
                  "that two governors brought proposals of their own.")
    first = [s for s in rec.statements if "joint fund" in s.content.text]
    added = [s for s in rec.statements if s.content.text == "two governors brought proposals of their own"]
    assert first and "adding" not in first[0].content.text
    assert added and name_of(rec, added[0].speaker) == "Ilsa Varn"

