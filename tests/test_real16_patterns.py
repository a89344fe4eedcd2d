"""Patterns of a tenth and eleventh sample of real reports (issue 11, real16), each reproduced by an
invented article. Every text here is invented; none comes from a real report or from the shared gold."""

from __future__ import annotations

import pytest

import newsledger

from record_helpers import name_of, person, speaker_of

PUB = "2026-04-14"  # a Tuesday


def extract(text: str, published: str = PUB):
    return newsledger.extract(text, published=published)


# -- ranks abbreviated without a full stop, and police ranks written as initials --------------------------

@pytest.mark.slow
def test_an_abbreviated_rank_before_a_name_is_a_title_and_no_part_of_the_name():
    rec = extract("Soldiers guarded the bridge at Varnholt overnight. \"Nobody will cross it,\" the army "
                  "spokesman, Brig Tomas Ellingboe, said on Monday. Varnholt police spokesman, DSP Marit "
                  "Okonde, told reporters that four men were held, and Lt Col Anna Brevik said her unit would "
                  "stay until Friday.")
    names = {e.name for e in rec.entities}
    assert {"Tomas Ellingboe", "Marit Okonde", "Anna Brevik"} <= names, names
    assert not names & {"DSP", "Col Anna Brevik", "Brig Tomas Ellingboe"}, names
    assert "Brig" in person(rec, "Tomas Ellingboe").attributes.titles
    assert "DSP" in person(rec, "Marit Okonde").attributes.titles
    assert "Lt Col" in person(rec, "Anna Brevik").attributes.titles
    assert speaker_of(rec, "Nobody will cross it") == "Tomas Ellingboe"


@pytest.mark.slow
def test_initials_of_a_body_before_a_title_stay_a_body():
    rec = extract("Harbour workers walked out on Monday. KPWU organiser Ilse Marrow said the strike would "
                  "last a week.")
    assert any(e.name == "KPWU" and e.type == "ORG" for e in rec.entities), [(e.name, e.type) for e in rec.entities]
    assert "Ilse Marrow" in {e.name for e in rec.entities}


# -- an ordinal in figures numbering a court, a military unit or a district --------------------------------

@pytest.mark.slow
def test_an_ordinal_in_figures_is_part_of_the_numbered_body():
    rec = extract("Lawyers for Dorin Vasse will take the case to the 9th Tarvos Circuit Court of Appeals, a "
                  "filing showed. Ostrava's 2nd District of Appeals heard a similar case last year.\n\n"
                  "\"The road is open again,\" said Capt Juno Rellan, the army's 4th Brigade spokesman.")
    names = {e.name for e in rec.entities}
    assert {"9th Tarvos Circuit Court of Appeals", "4th Brigade"} <= names, names
    assert not names & {"Tarvos Circuit Court of Appeals", "Brigade", "District of Appeals"}, names
    assert any("2nd District of Appeals" in n for n in names), names
    rellan = person(rec, "Juno Rellan")
    assert "spokesman" in rellan.attributes.titles, rellan.attributes.titles
    assert speaker_of(rec, "The road is open again") == "Juno Rellan"


@pytest.mark.slow
def test_an_ordinal_before_a_name_that_numbers_no_body_stays_out_of_it():
    rec = extract("Mira Castell finished 2nd Sunday in Velmar, behind Oda Prins, and her club said the 3rd "
                  "Velmar Open would be her last race.")
    names = {e.name for e in rec.entities}
    assert not any(n.startswith(("2nd", "3rd")) for n in names), names
    assert {"Mira Castell", "Oda Prins"} <= names, names


# -- an official of a province, state or county serves it --------------------------------------------------

@pytest.mark.slow
def test_an_official_owned_by_a_province_is_its_member():
    rec = extract("Nine miners died in Qaresh province on Sunday.\n\nQaresh's mines secretary Omid Kashani said "
                  "two men were still missing. Tolvar village head Rahim Zand said the shaft had flooded before.")
    kashani = person(rec, "Omid Kashani")
    assert [name_of(rec, a) for a in kashani.attributes.affiliation] == ["Qaresh"], kashani.attributes
    assert any(r.type == "member_of" and name_of(rec, r.subject) == "Omid Kashani" and name_of(rec, r.object) == "Qaresh"
               for r in rec.relations), rec.relations
    assert not person(rec, "Rahim Zand").attributes.affiliation  # a village has no government of its own here


# -- an unnamed spokesperson for a body described by its place -------------------------------------------

@pytest.mark.slow
def test_a_spokeswoman_for_the_place_based_company_speaks_for_the_company():
    rec = extract("Pilots at Nordvale Airways voted on Monday to strike over pay.\n\n"
                  "In a statement from Nordvale Airways to the Velmar Herald, a spokeswoman for the Mount Orrin, "
                  "Tarvos-based airline said Nordvale Airways would keep talking to the pilots.")
    assert speaker_of(rec, "would keep talking") == "Nordvale Airways"


@pytest.mark.slow
def test_a_spokeswoman_for_the_tribunal_in_a_city_speaks_for_the_tribunal_named_after():
    rec = extract("Harbour fine overturned\n\nKessel Shipping Company has won its appeal against the harbour "
                  "fine, a spokeswoman for the tribunal in Ostrava said on Monday.\n\nNo appeal lies from the "
                  "Ostrava Harbour Tribunal, said Lina Varga, a lawyer for Kessel Shipping Company. The Velmar "
                  "Appeals Tribunal had refused to hear the case.")
    assert speaker_of(rec, "has won its appeal") == "Ostrava Harbour Tribunal"


# -- a city named with its level, a former office and a current one ----------------------------------------

def _members(rec) -> set[tuple[str | None, str | None]]:
    return {(name_of(rec, r.subject), name_of(rec, r.object)) for r in rec.relations if r.type == "member_of"}


@pytest.mark.slow
def test_a_city_named_with_city_in_its_name_is_whole_and_its_mayor_serves_it():
    rec = extract("Ex-Orrin City mayor to appeal\n\nFormer Orrin City Mayor Ada Pell is appealing her bribery "
                  "conviction, court papers show.\n\n\"It does not surprise me,\" said Orrin City Mayor Tom "
                  "Varga, who is a lawyer.")
    names = {e.name for e in rec.entities}
    assert "Orrin City" in names and not names & {"Orrin", "-Orrin City"}, names
    assert ("Tom Varga", "Orrin City") in _members(rec), _members(rec)


@pytest.mark.slow
def test_a_former_office_gives_no_membership():
    rec = extract("Floods hit the city of Halden on Monday.\n\nThe statue was put up in 2013 by former Halden "
                  "mayor Ilka Brandt, and Halden mayor Jonas Orr said it would be repaired.")
    assert ("Jonas Orr", "Halden") in _members(rec), _members(rec)
    assert not {m for m in _members(rec) if m[0] == "Ilka Brandt"}, _members(rec)
    brandt = person(rec, "Ilka Brandt").attributes
    assert not brandt.affiliation and "former Halden mayor" in brandt.titles, brandt


# -- roles written after a name with a field, and trade roles before one ----------------------------------

@pytest.mark.slow
def test_an_expert_on_a_field_at_a_school_belongs_to_the_school():
    rec = extract("Tax cases rose in Velmar last year.\n\nSuch cases are hard to win, said Mara Lind, an expert "
                  "on company tax law at Halden University.")
    lind = person(rec, "Mara Lind").attributes
    assert "expert" in " ".join(lind.titles), lind
    assert [name_of(rec, a) for a in lind.affiliation] == ["Halden University"], lind
    assert ("Mara Lind", "Halden University") in _members(rec), _members(rec)


@pytest.mark.slow
def test_a_developer_and_his_associate_hold_those_roles():
    rec = extract("The Ostra market project was proposed by developer Rudi Kamm in 2019. Prosecutors said Kamm's "
                  "associate Ola Semb paid the bribes.")
    assert "developer" in [t.lower() for t in person(rec, "Rudi Kamm").attributes.titles]
    assert "associate" in person(rec, "Ola Semb").attributes.titles


# -- a form of address beside a role -----------------------------------------------------------------------

@pytest.mark.slow
def test_dr_beside_a_role_is_no_title_but_alone_it_is():
    rec = extract("Cholera cases rose in Velmar this week.\n\nA statement by Dr Len Varo, Director of Public "
                  "Health, said vaccines would arrive on Friday. The clinic was run by one Dr. Ines Oduya.")
    varo = [e for e in rec.entities if "Len Varo" in e.name][0].attributes.titles
    assert varo and not any(t.rstrip(".").lower() == "dr" for t in varo), varo
    oduya = [e for e in rec.entities if "Ines Oduya" in e.name][0].attributes.titles
    assert [t.rstrip(".").lower() for t in oduya] == ["dr"], oduya


# -- a union of a service's staff is not the service -------------------------------------------------------

@pytest.mark.slow
def test_a_police_commissioner_is_no_member_of_the_police_union():
    rec = extract("Four officers were arrested in Perthon, Halden Police Commissioner Karl Ostby says.\n\n"
                  "Halden Police Union president Gorm Tilby said the arrests were wrong.")
    assert not person(rec, "Karl Ostby").attributes.affiliation, person(rec, "Karl Ostby").attributes
    assert [name_of(rec, a) for a in person(rec, "Gorm Tilby").attributes.affiliation] == ["Halden Police Union"]


# -- an adjective before "Mr X" -----------------------------------------------------------------------------

@pytest.mark.slow
def test_an_adjective_before_a_form_of_address_is_no_title():
    rec = extract("Officers were held for hours in Perthon on Monday, Police Commissioner Karl Ostby said.\n\n"
                  "The premier said it was appropriate Mr Ostby had apologised to them.")
    titles = person(rec, "Karl Ostby").attributes.titles
    assert "appropriate" not in titles and "Police Commissioner" in titles, titles


# -- a party member in apposition ------------------------------------------------------------------------

@pytest.mark.slow
def test_a_party_member_noun_in_apposition_is_the_affiliation():
    rec = extract("Former Halden mayor Ray Tobin, a Democrat, is due to report to prison on Monday. His lawyer, "
                  "Ada Green, said he would appeal.")
    assert "Democrat" in person(rec, "Ray Tobin").attributes.affiliation, person(rec, "Ray Tobin").attributes
    assert not person(rec, "Ada Green").attributes.affiliation  # a surname, no party


# -- a body at the end of a run of comma-set phrases before "said" ----------------------------------------

@pytest.mark.slow
def test_a_body_after_a_comma_set_description_of_the_figure_is_the_speaker():
    rec = extract("Ferry crossings fell 12 percent in May, the fifth consecutive monthly decline, the Velmar "
                  "Ferry Operators Association, the Ostra trade group for coastal lines, said Tuesday.")
    assert speaker_of(rec, "Ferry crossings fell") == "Velmar Ferry Operators Association"


@pytest.mark.slow
def test_a_joint_subject_with_and_keeps_its_first_member():
    rec = extract("The ministry and the Velmar Ferry Operators Association said on Tuesday that crossings would "
                  "resume in June.")
    assert speaker_of(rec, "crossings would resume") != "Velmar Ferry Operators Association"
