"""Patterns of an eighth blind sample of real reports (issue 11, real14), each reproduced by an invented
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


# -- a title set off before its holder's name by commas ----------------------------------------------

@pytest.mark.slow
def test_a_title_before_a_comma_and_the_name_is_the_persons_title_and_speaks_as_the_person():
    rec = extract("Deputy Fisheries Minister, Olek Varsany, said the quota for trawlers had been raised.")
    names = {e.name for e in rec.entities}
    assert "Fisheries Minister" not in names and "Deputy Fisheries Minister" not in names
    assert person(rec, "Olek Varsany").attributes.titles == ("Deputy Fisheries Minister",)
    assert speaker_of(rec, "quota for trawlers") == "Olek Varsany"


@pytest.mark.slow
def test_a_body_before_the_title_and_comma_stays_a_body_and_the_name_speaks():
    rec = extract("Harbour Board Chairman, Olek Varsany, said the quota for trawlers had been raised.")
    assert "Harbour Board" in {e.name for e in rec.entities}
    assert speaker_of(rec, "quota for trawlers") == "Olek Varsany"


@pytest.mark.slow
def test_a_portfolio_of_two_words_joined_by_and_before_the_comma_is_the_title():
    rec = extract("The Minister for Harbours and Coastal Roads, Tomas Brel, has announced that the cabinet has "
                  "approved a new pier.\n\nThe minister also dismissed calls for a toll on the pier.\n\n"
                  "He insisted that no toll is planned.")
    brel = person(rec, "Tomas Brel")
    assert brel.attributes.titles and brel.attributes.titles[0].startswith("Minister")
    assert speaker_of(rec, "approved a new pier") == "Tomas Brel"
    assert speaker_of(rec, "no toll is planned") == "Tomas Brel"
