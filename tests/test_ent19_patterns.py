"""Entities on real reporting, round ent19 (issue 11): invented articles, one per general pattern seen on the
work samples; each test failed before its change."""

from __future__ import annotations

from record_helpers import extract


def _names(rec):
    return {e.name: e.type for e in rec.entities}


def test_hyphenated_route_before_a_road_is_two_places():
    # "<Town>-<Town> highway": a road between two places names both places, not one body or place
    rec = extract("Traders blocked the Orvelle-Tamsbury highway on Monday, the district police said.")
    names = _names(rec)
    assert names.get("Orvelle") == "GPE" and names.get("Tamsbury") == "GPE", names
    assert not any("-" in n for n in names), names


def test_hyphenated_routes_after_a_route_noun_are_places():
    # "routes such as <A>-<B> and <C>-<A>": each pair is a route between places
    rec = extract("Skylark Air dropped its busiest routes, among them Kelbrook-Darrow and Yensby-Kelbrook, "
                  "a spokesman for the carrier said on Friday.")
    names = _names(rec)
    for place in ("Kelbrook", "Darrow", "Yensby"):
        assert names.get(place) == "GPE", names
    assert not any("-" in n for n in names), names


def test_hyphenated_name_without_a_route_stays_whole():
    # a double-barrelled name or a firm's name is one name: no route word near it
    rec = extract("Shares of Brannock-Whitley rose on Tuesday after the firm named a new chief executive.")
    names = _names(rec)
    assert "Brannock-Whitley" in names, names


def test_saints_possessive_names_one_place():
    # "St <Name>'s <Feature>": a place named for a saint is one name across the possessive
    rec = extract("Growers parked their tractors on St Odran's Common on Wednesday, police in Harlsby said. "
                  "A vigil was held at Saint Bertil's Quay later that night.")
    names = _names(rec)
    assert "St Odran's Common" in names and "Saint Bertil's Quay" in names, names
    assert not any(n in ("St Odran", "Common", "Saint Bertil", "Quay") for n in names), names
    assert names["St Odran's Common"] != "PERSON", names


def test_possessive_of_a_person_still_splits():
    # a person's possessive before a capitalized word is two names, not one
    rec = extract("Mayor Tilda Orsk's Harbour Plan was rejected by the Velmar council on Monday.")
    assert not any("Orsk's" in e.name for e in rec.entities), [e.name for e in rec.entities]


def test_party_name_opening_a_clause_before_its_members_title():
    # "- <Party> councillor <Name> -": a two-word party's name after a dash opens the clause, yet it is the
    # party, and the person its member
    rec = extract("Growers want court orders against two men - Nua Tarra councillor Odo Brask and Ina Vell - "
                  "over a land row in 2021.")
    names = _names(rec)
    assert names.get("Nua Tarra") == "ORG", names
    brask = next(e for e in rec.entities if e.name == "Odo Brask")
    party = next(e for e in rec.entities if e.name == "Nua Tarra")
    assert party.id in brask.attributes.affiliation, brask.attributes
    assert any(r.type == "member_of" and r.subject == brask.id and r.object == party.id for r in rec.relations)


def test_title_words_before_a_party_role_are_no_party():
    # title words opening the clause before "councillor" are the person's title, never a party's name
    rec = extract("Growers sued two men - Acting Deputy councillor Odo Brask and Ina Vell - over a land row.")
    names = _names(rec)
    assert not any("Acting" in n or "Deputy" in n for n in names), names
    assert names.get("Odo Brask") == "PERSON", names


def test_body_name_with_and_the_tagger_reads_whole():
    # "<Words> and <Words>" the tagger reads as one body, its name ending in no head word: one body
    rec = extract("Four crew were handed to the Velmaran Tariffs and Frontier Protection on Monday, officials "
                  "in Ostrava said.")
    names = _names(rec)
    assert names.get("Velmaran Tariffs and Frontier Protection") == "ORG", names
    assert "Frontier Protection" not in names, names


def test_side_named_alone_elsewhere_keeps_two_bodies():
    # the part after "and" written alone later is a body of its own: two bodies, never one
    rec = extract("Four crew were handed to the Velmaran Tariffs and Frontier Protection on Monday, officials in "
                  "Ostrava said. Later on Monday a spokesman for Frontier Protection said the crew were safe.")
    names = _names(rec)
    assert "Frontier Protection" in names, names
    assert not any(" and " in n for n in names), names


def test_mixed_case_short_name_before_a_title_is_the_body():
    # "<ShortName> commander <Person>": a short name of capitals then lower case is a body; the person its member
    rec = extract("Raids were run by police and the Velmar Riverine Force Command (VRFCom) on Sunday. The "
                  "governor spoke at a briefing also attended by VRFCom commander Amir Rahim at the police "
                  "headquarters in Velmar today.")
    names = _names(rec)
    # the short name in brackets after the full name is the same body, one entity
    assert names.get("Velmar Riverine Force Command") == "ORG" and "VRFCom" not in names, names
    body = next(e for e in rec.entities if e.name == "Velmar Riverine Force Command")
    rahim = next(e for e in rec.entities if e.name == "Amir Rahim")
    assert body.id in rahim.attributes.affiliation, rahim.attributes
    assert any(r.type == "member_of" and r.subject == rahim.id and r.object == body.id for r in rec.relations)


def test_mixed_case_short_name_alone_is_a_body():
    # the short name alone (no full name in the article) is still a body
    rec = extract("The governor spoke at a briefing also attended by VRFCom commander Amir Rahim in Velmar today.")
    assert _names(rec).get("VRFCom") == "ORG", _names(rec)


def test_plural_of_a_lower_case_word_opening_a_sentence_is_no_name():
    # "Rockslides often follow ...": the plural of a word the article writes in lower case, capitalized only
    # because it opens the sentence (the tagger reads a person)
    rec = extract("A rockslide buried four homes in Tarsk on Monday, the army spokesman said.\n\nRockslides often "
                  "follow heavy rain in these hills, where a rockslide cut the road in 2019.")
    assert "Rockslides" not in _names(rec), _names(rec)


def test_surname_opening_a_sentence_stays_a_name():
    # a surname the article never writes in lower case is kept
    rec = extract("Villagers praised Ilsa Brooms for the rescue in Tarsk on Monday. Brooms said the water rose fast.")
    assert any(e.name == "Ilsa Brooms" for e in rec.entities), _names(rec)
