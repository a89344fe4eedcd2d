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
