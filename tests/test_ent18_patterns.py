"""Entities on real reporting, round ent18 (issue 11): invented articles, one per general pattern seen on the
work samples; each test failed before its change."""

from __future__ import annotations

from record_helpers import extract, person


def test_person_glued_after_a_body_name_with_and():
    # a body whose name holds "and", then its member's name with no comma: two names, not one
    rec = extract("Talks stalled in Orvenna on Monday.\n\nAn officer of the rebel Truth and Renewal Front "
                  "Amos Kettering called the offer a trick.")
    names = {e.name: e.type for e in rec.entities}
    assert names.get("Truth and Renewal Front") == "ORG", names
    assert person(rec, "Amos Kettering").type == "PERSON"
    assert not any("Kettering" in n and n != "Amos Kettering" for n in names), names


def test_body_name_with_and_not_joined_without_a_person():
    # the "the <adjective> X and Y <Body>" join needs the body word (or a person after it): two places stay two
    rec = extract("Ferries ran between the northern Velmar and Ostrava harbours on Monday.")
    names = {e.name for e in rec.entities}
    assert "Velmar" in names and "Ostrava" in names, names


def test_holder_after_a_one_word_portfolio_named_again():
    # "Minister of <Portfolio> <Given> <Surname>": the surname written alone later marks where the name starts
    rec = extract("Minister of Fisheries Odile Brankov on Monday toured the flooded harbour at Qerlin.\n\n"
                  "Brankov said the pier would reopen within a week.")
    p = person(rec, "Odile Brankov")
    assert p.type == "PERSON"
    assert "Minister of Fisheries" in p.attributes.titles, p.attributes
    assert not any("Fisheries" in e.name for e in rec.entities), [e.name for e in rec.entities]


def test_portfolio_name_kept_whole_when_the_holder_is_never_named_alone():
    # no evidence where a name would start: a body after the title stays a body, no invented person
    rec = extract("The Commissioner for Harbour Works Tolvane Basin said on Monday the dredging would end.")
    assert not any(e.type == "PERSON" and e.name == "Tolvane Basin" for e in rec.entities), \
        [(e.name, e.type) for e in rec.entities]


def test_lower_case_title_defined_by_initials_is_no_body():
    # "the <title in lower case> (<initials>) of the <body>": the initials are the title, the body the affiliation
    rec = extract("Tellen Vasko, the district flood officer (DFO) of the Marrow Valley Forest Circle, said the "
                  "bridge at Qerlin was shut.\n\nThe DFO said crews would stay overnight.")
    assert not any(e.name == "DFO" for e in rec.entities), [(e.name, e.type) for e in rec.entities]
    p = person(rec, "Tellen Vasko")
    assert "district flood officer" in p.attributes.titles, p.attributes
    body = person(rec, "Marrow Valley Forest Circle")
    assert body.id in p.attributes.affiliation, p.attributes
    assert any(r.type == "member_of" and r.subject == p.id and r.object == body.id for r in rec.relations)


def test_title_with_small_words_defined_by_mixed_case_initials():
    # "<Title> of <Portfolio> (<initials, small letters for small words>) <Name>": neither the initials nor a
    # word of the spelled-out title is part of a name
    rec = extract("The grain depot in Qerlin was reopened on Monday by Deputy Secretary of Ports (DSoP) Pell "
                  "Arando, who thanked the crews.")
    names = [(e.name, e.type) for e in rec.entities]
    assert not any(n in ("DSoP", "Ports", "Ports Pell Arando") for n, _ in names), names
    assert person(rec, "Pell Arando").type == "PERSON"


def test_initials_that_spell_no_title_stay_a_body():
    # the bracket after words that end in no title word is a body's initials, as before
    rec = extract("Staff of the Harbour Dredging Board (HDB) walked out in Qerlin on Monday.")
    assert any(e.name in ("HDB", "Harbour Dredging Board") and e.type == "ORG" for e in rec.entities), \
        [(e.name, e.type) for e in rec.entities]


def test_word_between_two_title_words_stays_in_the_title():
    # "deputy chief operating officer at <body>": the whole title, and the body after it the affiliation
    rec = extract("The taps in Qerlin are safe again, Mira Solt, deputy chief operating officer at Velm Water "
                  "Trust, said on Monday.")
    p = person(rec, "Mira Solt")
    assert "deputy chief operating officer" in p.attributes.titles, p.attributes
    assert person(rec, "Velm Water Trust").id in p.attributes.affiliation, p.attributes


def test_capitalized_portfolio_title_in_commas_and_after_the():
    # "<Name>, <Portfolio> Minister, ..." and "the <Portfolio> Minister": a title, no body or second person
    rec = extract("Lena Orvik, Lottery Minister, toured the ticket halls of Qerlin on Monday.\n\n"
                  "Sales would recover by June, the Lottery Minister told staff.")
    assert not any(e.name == "Lottery Minister" for e in rec.entities), [(e.name, e.type) for e in rec.entities]
    assert "Lottery Minister" in person(rec, "Lena Orvik").attributes.titles


def test_two_capitalized_words_ending_in_a_title_word_stay_a_name_without_evidence():
    # "John Major"-like names: no "the" before them and no commas after a name, so still a person
    rec = extract("Voters in Qerlin backed Tom Hall, Ada Major, and Lena Orvik on Monday.")
    assert person(rec, "Ada Major").type == "PERSON"


def test_plural_title_after_a_title_word_names_no_one():
    # "Deputy Wardens" (a rank, then a plural title) are holders of an office, no person named "Wardens"
    rec = extract("The district's Deputy Wardens were told to close the ferry, Lena Orvik said in Qerlin.")
    assert not any("Wardens" in e.name for e in rec.entities), [(e.name, e.type) for e in rec.entities]


def test_body_whose_name_ends_in_a_title_word_stays_a_body():
    # "the <Adjective> Courts of Justice": "Justice" is a title word, but a body's name holds it here
    rec = extract("The suspect will appear before the Upper Courts of Justice in Qerlin on Monday, police said.")
    assert any(e.name == "Upper Courts of Justice" for e in rec.entities), [(e.name, e.type) for e in rec.entities]


def test_title_of_a_body_owned_by_a_body_before_the_holders_name():
    # "the <title> of the <Body>'s <Part>, <Name>, ...": the holder's title and body, and the part a member of
    # its owner
    rec = extract("Dredging in Qerlin will resume in May, the head of the Velmar Port Authority's Office of "
                  "Dredging, Tomas Brenn, told crews on Monday.")
    p = person(rec, "Tomas Brenn")
    part, owner = person(rec, "Office of Dredging"), person(rec, "Velmar Port Authority")
    assert "head" in p.attributes.titles and part.id in p.attributes.affiliation, p.attributes
    rels = {(r.subject, r.object) for r in rec.relations if r.type == "member_of"}
    assert (p.id, part.id) in rels and (part.id, owner.id) in rels, rels


def test_office_abbreviation_and_occupation_titles_before_a_name():
    # data/words/titles.json: "CM", "MLA" and occupations ("virologist", "technician") are titles, no bodies
    rec = extract("Former CM Irla Voss joined the tour of Qerlin on Monday.\n\nDr Anna Pell, Consultant "
                  "Virologist at Velm General Hospital, urged visitors to stay away.")
    names = [(e.name, e.type) for e in rec.entities]
    assert not any(n in ("CM", "Virologist") for n, _ in names), names
    assert "Former CM" in person(rec, "Irla Voss").attributes.titles
    pell = person(rec, "Anna Pell")
    assert "Consultant Virologist" in pell.attributes.titles, pell.attributes
    assert person(rec, "Velm General Hospital").id in pell.attributes.affiliation


def test_a_measure_in_centimetres_is_no_title():
    rec = extract("The crack in the Qerlin dam was 5 cm wide on Monday, engineer Ivo Marsh said.")
    assert person(rec, "Ivo Marsh").attributes.titles == ("engineer",), person(rec, "Ivo Marsh").attributes


def test_body_after_a_titles_portfolio_is_the_affiliation():
    # "<Title> for <Portfolio> and <Portfolio> at <Body>": the body after "at", not the portfolio
    rec = extract("Visitors should stay away from Qerlin's wards, said Dr Anna Pell, Consultant Virologist and "
                  "Director for Ward Hygiene and Safety at Velm General Hospital.")
    pell, hospital = person(rec, "Anna Pell"), person(rec, "Velm General Hospital")
    assert pell.attributes.affiliation == (hospital.id,), pell.attributes
