"""Entity, attribute and relation patterns seen in real published reports (issue 11, round real7), each
reproduced by an invented article.

Every text here is invented; none is taken from a real report or from the shared gold. Country names are
real (the rules need a country the gazetteer knows); people, bodies and events are not."""

from __future__ import annotations

import pytest

import newsledger

PUB = "2026-03-06"


def extract(text: str):
    return newsledger.extract(text, published=PUB)


def entity(rec, name: str):
    hits = [e for e in rec.entities if e.name == name or name in e.aliases]
    assert hits, f"no entity {name!r}: {[(e.name, e.type) for e in rec.entities]}"
    return hits[0]


def member_of(rec, person: str, body: str) -> bool:
    p, b = entity(rec, person), entity(rec, body)
    rel = any(r.type == "member_of" and r.subject == p.id and r.object == b.id for r in rec.relations)
    assert rel == (b.id in p.attributes.affiliation), "affiliation and member_of must say the same thing"
    return rel


# -- an office whose place is written elsewhere in the article, or is the article's country -----------

@pytest.mark.slow
def test_chief_minister_serves_the_state_named_with_the_office_elsewhere():
    rec = extract("Floods cut roads across the south. The chief minister of Velmaria, the state hit hardest, "
                  "asked for help.\n\n\"We have lost everything,\" Chief Minister Ilsa Varn said on Monday.")
    assert member_of(rec, "Ilsa Varn", "Velmaria")


@pytest.mark.slow
def test_a_former_holder_serves_the_country_of_the_office_written_with_its_demonym():
    rec = extract("It is the first visit to Lisbon by a Portuguese trade minister since 2015, when then-trade "
                  "minister Oren Malik came for talks, the Daily Ledger reported. Portugal and Chile signed a pact.")
    assert member_of(rec, "Oren Malik", "Portugal")


@pytest.mark.slow
def test_an_office_another_named_person_holds_elsewhere_is_not_a_description():
    rec = extract("Sanctions hit the Portuguese president and the trade ministry on Monday. Portuguese President "
                  "Tomas Vell said he would resist. President Carla Dunne of Chile said nothing. "
                  "Chile and Portugal trade little.")
    assert not member_of(rec, "Carla Dunne", "Portugal")


@pytest.mark.slow
def test_a_national_office_serves_the_one_country_the_article_is_about():
    rec = extract("Portugal's opposition returned to parliament on Wednesday. Parties allied with President "
                  "Oren Malik won most of the seats, the electoral board said.")
    assert member_of(rec, "Oren Malik", "Portugal")


@pytest.mark.slow
def test_a_national_office_is_not_tied_to_a_country_when_the_article_is_about_two():
    rec = extract("Portugal summoned the Chilean envoy. Chile said it regretted the row. Portugal said talks "
                  "would go on. Prime Minister Oren Malik said Chile had been warned. Chile denied it.")
    malik = entity(rec, "Oren Malik")
    assert malik.attributes.affiliation == ()


# -- capitalized words that name nothing: abbreviations of things, time zones, laws ---------------------

def _names(rec) -> set[str]:
    return {e.name for e in rec.entities} | {a for e in rec.entities for a in e.aliases}


@pytest.mark.slow
def test_time_zones_and_everyday_abbreviations_are_no_entities():
    rec = extract("Arvex Bank said its ATM network failed at 9 a.m. ET on Monday. The CPI rose, and DNA tests "
                  "were ordered, Rana Oduya of Arvex Bank said.")
    names = _names(rec)
    assert not names & {"ATM", "ET", "CPI", "DNA"}, names
    assert "Arvex Bank" in names


@pytest.mark.slow
def test_a_law_its_parenthesised_abbreviation_and_later_uses_are_no_entities():
    rec = extract("The Velmar Trust was fined under the Clean Rivers Act (CRA), the regulator said. "
                  "The CRA took effect in 2019. Lawyers for the Velmar Trust said the Act was unclear.")
    names = _names(rec)
    assert not any("Rivers Act" in n or n == "CRA" for n in names), names
    assert "Velmar Trust" in names


@pytest.mark.slow
def test_a_law_named_once_in_full_and_later_by_initials_alone():
    rec = extract("Regulators in Europe fined Arvex under the union's General Water Safety Regulation. "
                  "Arvex said it followed the GWSR in every plant.")
    names = _names(rec)
    assert "GWSR" not in names and not any("Regulation" in n for n in names), names


# -- sports clubs: typed by the words around them, and their people members -----------------------------

SPORTS = ("Halden's Peter Sandvik was fielding questions before the league match against Marlow Rovers on Sunday. "
          "The striker Oren Malik is injured after last week's win over Castrel, the coach said.\n\n"
          "Velmar manager Tomas Vell confirmed the squad for the cup tie.")


@pytest.mark.slow
def test_clubs_in_a_sports_report_are_organizations():
    rec = extract(SPORTS)
    for club in ("Halden", "Marlow Rovers", "Castrel", "Velmar"):
        assert entity(rec, club).type == "ORG", club


@pytest.mark.slow
def test_a_club_possessing_or_titling_a_person_is_their_club():
    rec = extract(SPORTS)
    assert member_of(rec, "Peter Sandvik", "Halden")
    assert member_of(rec, "Tomas Vell", "Velmar")


@pytest.mark.slow
def test_outside_a_sports_report_a_town_stays_a_place():
    rec = extract("Halden's mayor Ilsa Varn said the factory would reopen. Residents of Halden welcomed it.")
    assert entity(rec, "Halden").type == "GPE"


# -- "X, who also heads the Y": a relative clause of leading or joining ---------------------------------

@pytest.mark.slow
def test_who_heads_or_joined_an_organization_is_its_member():
    rec = extract("Prime Minister Oren Malik, who also heads the Unity Party (UP), said the vote mattered. "
                  "Tomas Vell, who joined the Velmar Trust in 2019, declined to comment. "
                  "Ana Roko, who met the Harbour Board on Monday, left.")
    assert member_of(rec, "Oren Malik", "Unity Party")
    assert member_of(rec, "Tomas Vell", "Velmar Trust")
    assert not member_of(rec, "Ana Roko", "Harbour Board")


@pytest.mark.slow
def test_a_tropical_cyclone_written_tc_is_no_entity():
    rec = extract("Villages hit by TC Mira are short of water, Health Minister Ana Roko said. "
                  "Families affected by TC Mira will get help.")
    assert not any("Mira" in n for n in _names(rec)), _names(rec)


# -- boundaries: a place's named facility; one body of two places -------------------------------------

@pytest.mark.slow
def test_a_place_possessing_a_named_airport_is_split_from_it():
    rec = extract("Rain fell across Velmaria for a week. Officials closed Velmaria's Harbour International "
                  "Airport on Monday, the operator said.")
    names = _names(rec)
    assert "Harbour International Airport" in names and "Velmaria" in names, names
    assert not any(n.startswith("Velmaria's") for n in names), names


@pytest.mark.slow
def test_a_possessive_inside_a_body_name_stays_when_the_possessor_is_named_nowhere_alone():
    rec = extract("The Women's Aid League opened a shelter in Halden on Monday, the league said.")
    assert "Women's Aid League" in _names(rec)


@pytest.mark.slow
def test_a_port_authority_of_two_places_is_one_body():
    rec = extract("The Port Authority of North Halden and East Velmar said on Thursday that the docks were closed.")
    assert "Port Authority of North Halden and East Velmar" in _names(rec), _names(rec)


# -- a title whose sentence refers to its organization as a possessor ("the union's executive") ---------

UNION = ("The Harbour Workers Union (HWU) announced fresh strikes on Monday. After a meeting of the union's "
         "executive, joint general secretaries Dr Ana Roko and Tomas Vell said the talks had failed.")


@pytest.mark.slow
def test_officers_named_after_the_unions_possessive_belong_to_the_union():
    rec = extract(UNION)
    assert member_of(rec, "Ana Roko", "Harbour Workers Union")
    assert member_of(rec, "Tomas Vell", "Harbour Workers Union")
    assert "the union" in {m.text.lower() for m in entity(rec, "Harbour Workers Union").mentions}


@pytest.mark.slow
def test_a_name_written_before_the_title_blocks_the_possessor_rule():
    rec = extract("The Harbour Workers Union (HWU) announced strikes. After a meeting of the union's executive "
                  "in Velmar Hall with Castrel Port, chief negotiator Ana Roko said the talks had failed.")
    assert not member_of(rec, "Ana Roko", "Harbour Workers Union")


@pytest.mark.slow
def test_a_disease_is_no_entity_but_a_town_with_an_outbreak_stays():
    rec = extract("An outbreak of Mirafa killed 19 people in Halden, the health agency said. Doses of Mirafa "
                  "vaccine arrived on Monday. Halden outbreak cases rose, said Ana Roko.")
    names = _names(rec)
    assert "Mirafa" not in names and "Halden" in names, names



@pytest.mark.slow
def test_a_news_agency_reporting_at_a_sentence_start_is_an_entity():
    rec = extract("Arvex will appeal the fine, a spokesman said. AFP earlier reported the decision.")
    assert "AFP" in _names(rec), _names(rec)


TEAM_NEWS = ("Four cup coaches gave pre-match briefings on Friday before the holiday fixtures.\n\n"
             "VELMAR ROVERS\n\nPeter Sandvik has confirmed that Jonas Lind will miss the match with a knee injury.\n\n"
             "HALDEN UNITED\n\nMaria Holm said the squad was fit.")


@pytest.mark.slow
def test_people_first_named_under_a_club_heading_in_team_news_are_the_clubs():
    rec = extract(TEAM_NEWS)
    assert member_of(rec, "Peter Sandvik", "Velmar Rovers")
    assert member_of(rec, "Jonas Lind", "Velmar Rovers")
    assert member_of(rec, "Maria Holm", "Halden United")
    assert not member_of(rec, "Maria Holm", "Velmar Rovers")


@pytest.mark.slow
def test_a_capitalised_heading_outside_sports_reports_ties_nobody():
    rec = extract("The board met on Thursday.\n\nARVEX GROUP\n\nPeter Sandvik said profits fell.")
    assert entity(rec, "Peter Sandvik").attributes.affiliation == ()
