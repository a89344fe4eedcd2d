"""Patterns of a twelfth and thirteenth sample of real reports (issue 11, real17), each reproduced by an
invented article. Every text here is invented; none comes from a real report or from the shared gold."""

from __future__ import annotations

import pytest

import newsledger

from record_helpers import name_of, person

PUB = "2026-05-12"  # a Tuesday


def extract(text: str, published: str = PUB):
    return newsledger.extract(text, published=published)


def affiliations(rec, name: str) -> set[str]:
    return {name_of(rec, a) or a for a in person(rec, name).attributes.affiliation}


def members(rec) -> set[tuple[str | None, str | None]]:
    return {(name_of(rec, r.subject), name_of(rec, r.object)) for r in rec.relations if r.type == "member_of"}


# -- a party the tagger calls a political group (NORP) is an affiliation like a body ------------------------

@pytest.mark.slow
def test_a_party_typed_as_a_political_group_is_the_affiliation_of_its_spokesman():
    rec = extract("Ferry fares to rise in spring\n\n"
                  "Fares on the Ostra ferries will rise by a tenth in April, the operator said on Monday. "
                  "The Free Democrats' transport spokesman Ivo Lindqvist called the rise a tax on islanders.")
    parties = [e for e in rec.entities if e.name == "Free Democrats"]
    assert parties, [(e.name, e.type) for e in rec.entities]
    assert "Free Democrats" in affiliations(rec, "Ivo Lindqvist")
    assert ("Ivo Lindqvist", "Free Democrats") in members(rec)


@pytest.mark.slow
def test_a_nationality_stays_a_citizenship_and_no_affiliation():
    rec = extract("Port strike ends\n\nThe Danish economist Sofie Rasborg said the strike had cost the port "
                  "a week of trade.")
    assert not affiliations(rec, "Sofie Rasborg") & {"Danish"}, affiliations(rec, "Sofie Rasborg")


# -- "X, <title> of <person>'s <party>": the party, and the person it is written with is its member -------

@pytest.mark.slow
def test_a_title_of_a_persons_party_serves_the_party_and_the_person_belongs_to_it():
    rec = extract("Coalition talks resume\n\n"
                  "Chancellor Ilse Brandt met union leaders in Varnholt on Monday.\n\n"
                  "Olek Varga, treasurer of Ilse Brandt's Free Democrats, said a deal was close.")
    assert "Free Democrats" in affiliations(rec, "Olek Varga"), affiliations(rec, "Olek Varga")
    assert ("Olek Varga", "Free Democrats") in members(rec)
    assert ("Ilse Brandt", "Free Democrats") in members(rec), members(rec)


@pytest.mark.slow
def test_a_persons_possession_that_is_no_body_makes_no_membership():
    rec = extract("Mayor Tove Amsel opened the bridge on Monday. Amsel's Varnholt speech was short, and "
                  "Ilse Brandt's Harbour Festival will open on Friday.")
    assert not {r for r in rec.relations if name_of(rec, r.subject) == "Ilse Brandt"}, members(rec)


# -- a day written right after a person's name is no part of it ---------------------------------------------

@pytest.mark.slow
def test_a_day_the_tagger_starts_after_a_persons_name_is_no_part_of_the_name():
    # the names stage alone, given no times: the time stage leaves such a day out when the parser hangs the
    # surname on it, so the names stage must cut it itself
    from newsledger.extract.entities.names import find_name_mentions
    from newsledger.nlp import load_model

    doc = load_model(None)("County deputies booked both harbour wardens, Selma Brandvik and Tor Halloran "
                           "Thursday over missing fees.")
    assert [t.ent_type_ for t in doc if t.text == "Thursday"] == ["DATE"]  # the reading this test is about
    names = [m.text for m in find_name_mentions(doc, ())]
    assert names == ["Selma Brandvik", "Tor Halloran"], names


@pytest.mark.slow
def test_a_day_inside_a_name_stays_in_it():
    rec = extract("Mourners marked Bloody Sunday in Varnholt, and the Monday Club of Ostra met Ilse Brandt.")
    names = {e.name for e in rec.entities}
    assert "Ilse Brandt" in names, names
    assert not any(n.endswith(("Monday", "Sunday")) and n != "Bloody Sunday" for n in names), names


# -- a title whose "of"/"for" phrase runs on to the holder's name -------------------------------------------

@pytest.mark.slow
def test_a_title_of_a_place_written_before_the_name_is_the_persons_title():
    rec = extract("Council vote\n\nFormer deputy mayor of Ostrava Lena Hradec lost her seat in the spring vote.")
    titles = person(rec, "Lena Hradec").attributes.titles
    assert any("deputy mayor" in t for t in titles), titles


@pytest.mark.slow
def test_a_title_of_a_body_written_before_the_name_serves_the_body():
    rec = extract("Bridge to reopen\n\nThe Velmar Highways Agency (VHA) runs the bridge. The bridge will reopen "
                  "on Friday, Commissioner of the VHA Tarn Oselli told reporters.")
    names = {e.name for e in rec.entities}
    assert "Tarn Oselli" in names and not any("VHA Tarn" in n for n in names), names
    assert "Velmar Highways Agency" in affiliations(rec, "Tarn Oselli")
    assert "Commissioner" in person(rec, "Tarn Oselli").attributes.titles
    assert name_of(rec, rec.statements[0].speaker) == "Tarn Oselli"


@pytest.mark.slow
def test_initials_before_a_name_that_are_no_body_stay_with_the_name():
    rec = extract("Harbour dues cut\n\nThe harbour board met on Monday. UN Secretary General Ola Brek spoke, and "
                  "the NHS Trust board said it agreed.")
    assert "Ola Brek" in {e.name for e in rec.entities}
    assert "NHS Trust" in {e.name for e in rec.entities}


@pytest.mark.slow
def test_a_portfolio_ending_in_a_body_word_ends_before_the_holders_name():
    rec = extract("Coastal works on time\n\nMinister for Coastal Services Ivo Pelkan said the works would end "
                  "in June.")
    names = {e.name for e in rec.entities}
    assert "Ivo Pelkan" in names and not any("Services Ivo" in n for n in names), names
    assert "Minister for Coastal Services" in person(rec, "Ivo Pelkan").attributes.titles
    assert name_of(rec, rec.statements[0].speaker) == "Ivo Pelkan"


# -- a party's word before a title only a party gives ------------------------------------------------------

@pytest.mark.slow
def test_a_party_word_before_a_party_title_is_the_party():
    rec = extract("Fees row\n\nThe harbour fees will double in June. Kel Amsel, Labour MP for Tessin, said it was "
                  "too much, and Greens leader Ada Varn agreed.")
    parties = {e.name: e.type for e in rec.entities if e.name in ("Labour", "Greens")}
    assert parties.get("Labour") == "ORG", [(e.name, e.type) for e in rec.entities]
    assert affiliations(rec, "Kel Amsel") == {"Labour"}, affiliations(rec, "Kel Amsel")
    assert "Greens" in affiliations(rec, "Ada Varn"), affiliations(rec, "Ada Varn")
    assert ("Kel Amsel", "Tessin") not in members(rec)


@pytest.mark.slow
def test_a_party_word_before_a_portfolio_title_stays_the_portfolio():
    rec = extract("Jobs plan\n\nLabour Minister Ivo Stek said the jobs plan would start in June.")
    assert "Labour" not in {e.name for e in rec.entities}, [(e.name, e.type) for e in rec.entities]
    assert "Labour Minister" in person(rec, "Ivo Stek").attributes.titles


# -- a plural title in apposition before a list of names -----------------------------------------------------

@pytest.mark.slow
def test_a_counted_plural_title_before_a_list_of_names_is_each_ones_title():
    rec = extract("Three wardens questioned\n\nInspectors questioned all three wardens, Ivo Marrek, Selma "
                  "Brandvik, and Tor Halloran, about the missing fees.")
    for name in ("Ivo Marrek", "Selma Brandvik", "Tor Halloran"):
        assert "warden" in person(rec, name).attributes.titles, (name, person(rec, name).attributes.titles)


@pytest.mark.slow
def test_a_list_of_names_with_no_plural_title_before_it_gets_none():
    rec = extract("Ferry talks\n\nOn Monday the mayor met Ivo Marrek, Selma Brandvik and Tor Halloran at the pier.")
    for name in ("Ivo Marrek", "Selma Brandvik", "Tor Halloran"):
        assert not person(rec, name).attributes.titles, (name, person(rec, name).attributes.titles)


# -- a lower-case surname particle of Filipino and Italian names ---------------------------------------------

@pytest.mark.slow
def test_a_lower_case_particle_inside_a_surname_keeps_the_name_whole():
    rec = extract("Market blast suspect held\n\nDirector General Ramon dela Cruz said one suspect was held on "
                  "Monday. Dela Cruz said two more were sought, and Judge Anna della Vigna set a hearing.")
    names = {e.name for e in rec.entities}
    assert {"Ramon dela Cruz", "Anna della Vigna"} <= names, names
    assert "Ramon" not in names, names
    cruz = person(rec, "Ramon dela Cruz")
    assert len([m for m in cruz.mentions if "Cruz" in m.text]) == 2, cruz.mentions


# -- a Title-Case title said of a person, "for" the place or body it serves ---------------------------------

@pytest.mark.slow
def test_a_capitalized_predicate_title_for_a_named_place_is_the_title_and_the_place_its_seat():
    rec = extract("Storm clean-up\n\nIda Brenn is a Flood Response Officer for Dorr County, and her "
                  "crews cleared roads all night.")
    brenn = person(rec, "Ida Brenn")
    assert "Flood Response Officer" in brenn.attributes.titles, brenn.attributes.titles
    assert "Dorr County" in affiliations(rec, "Ida Brenn")


@pytest.mark.slow
def test_a_portfolio_after_a_predicate_title_stays_in_it():
    rec = extract("Harbour vote\n\nOla Brek was the councillor for harbours until May.")
    assert "councillor for harbours" in person(rec, "Ola Brek").attributes.titles
