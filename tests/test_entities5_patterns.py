"""Entity, attribute and relation patterns of four blind samples of real reports (issue 11, entities5),
each reproduced by an invented article. Every text here is invented; none comes from a real report or
from the shared gold."""

from __future__ import annotations

import pytest

import newsledger

PUB = "2026-04-10"  # a Friday


def extract(text: str, published: str = PUB):
    return newsledger.extract(text, published=published)


def entity(rec, name: str):
    hits = [e for e in rec.entities if e.name == name]
    assert hits, f"no entity {name!r}: {[e.name for e in rec.entities]}"
    return hits[0]


def names(rec) -> list[str]:
    return [e.name for e in rec.entities]


def member_of(rec, person: str, body: str) -> bool:
    p, b = entity(rec, person), entity(rec, body)
    return any(r.type == "member_of" and r.subject == p.id and r.object == b.id for r in rec.relations)


# -- "<Org> <title> <Name>" where the tagger gave the org's name to the person's run ----------------------

@pytest.mark.slow
def test_an_organization_named_elsewhere_leads_the_title():
    rec = extract("Immigration Minister Pete Darrow attacked Labor over the boats. Labor leader Bill Sharpe "
                  "insists his party has the same policy to deter smugglers as the government.")
    sharpe = entity(rec, "Bill Sharpe")
    assert sharpe.attributes.titles == ("leader",), sharpe.attributes.titles
    assert member_of(rec, "Bill Sharpe", "Labor")


@pytest.mark.slow
def test_a_title_word_that_names_no_organization_stays_in_the_title():
    rec = extract("Immigration Minister Pete Darrow attacked the opposition over the boats on Monday.")
    darrow = entity(rec, "Pete Darrow")
    assert darrow.attributes.titles == ("Immigration Minister",), darrow.attributes.titles
    assert not darrow.attributes.affiliation


# -- "<Demonym> delegation": the country's envoys, not an organization of their own -----------------------

@pytest.mark.slow
def test_a_national_delegation_is_its_country():
    rec = extract("Russian delegation head Pavel Renko said the talks in Halden had made progress. Russia "
                  "would reply on Friday, he said.")
    assert not any("delegation" in n for n in names(rec)), names(rec)
    assert member_of(rec, "Pavel Renko", "Russia")


@pytest.mark.slow
def test_a_national_embassy_is_still_an_organization():
    rec = extract("The French embassy in Halden said on Monday that its staff were safe.")
    assert "French embassy" in names(rec), names(rec)


# -- "The lawyers, A and B, ...": a plural title in apposition is each one's, in the singular --------------

@pytest.mark.slow
@pytest.mark.parametrize("text, title", [
    ("A court in Halden has barred former governor Tomas Orlov from publishing claims about two judges. "
     "The lawyers, Maria Kovacs and Peter Hall, obtained the orders on Monday.", "lawyer"),
    ("His lawyers, Maria Kovacs and Peter Hall, said he would appeal.", "lawyer"),
])
def test_a_plural_title_in_apposition_is_each_ones(text, title):
    rec = extract(text)
    for name in ("Maria Kovacs", "Peter Hall"):
        assert entity(rec, name).attributes.titles == (title,), entity(rec, name).attributes.titles


@pytest.mark.slow
def test_a_plural_noun_that_is_no_title_gives_none():
    rec = extract("The visitors, Maria Kovacs and Peter Hall, said they would come back.")
    for name in ("Maria Kovacs", "Peter Hall"):
        assert not entity(rec, name).attributes.titles, entity(rec, name).attributes.titles


# -- a capitalized adjective of a level of government before a common noun names nothing ------------------

@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Officials said that the Central drought assessment team visited the district on Monday.",
    "Farmers in Halden asked for more money from the National relief fund.",
])
def test_a_scope_adjective_before_a_noun_is_no_entity(text):
    rec = extract(text)
    assert not {"Central", "National"} & set(names(rec)), names(rec)


@pytest.mark.slow
def test_a_scope_adjective_in_a_name_or_as_its_short_form_stays():
    rec = extract("The Central Bank of Tumbria raised rates on Monday, and Central said more rises would follow.")
    assert "Central Bank of Tumbria" in names(rec), names(rec)
