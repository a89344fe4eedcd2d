"""Events on real reporting (issue 11, round events9): families of news acts, fixed by mechanism, each
reproduced by an invented article: a blockade held by people who are no state (a PROTEST obstruct, not a
state's COERCE restrict, and the place before it is where, not who), a demand that is only the aim of
a protest (no second act), and an arrest whose patient the parser found in a place (never the person held).

Every text here is invented; none is taken from a real report or from the shared gold."""

from __future__ import annotations

import pytest

from record_helpers import events, extract, names

slow = pytest.mark.slow


# -- a blockade by people who are no state: a protest that blocks, the place no actor -----------------

@slow
def test_a_blockade_lifted_by_farmers_is_a_protest_that_obstructs():
    rec = extract("Grain growers call off Marrowby blockade\n\n"
                  "Grain growers who had parked their harvesters across the roads into the city of Marrowby, "
                  "in the Ostravian lowlands, lifted their blockade on Thursday evening after "
                  "four nights, a spokesman for the growers said.")
    assert events(rec, "COERCE") == []
    (v,) = events(rec, "PROTEST")
    assert v.mode == "obstruct"
    assert "Marrowby" not in names(rec, v.source)


@slow
def test_a_blockade_a_state_lifts_stays_its_coercion():
    rec = extract("The Tumbrian government on Monday lifted its blockade of the port of Velmar after six "
                  "weeks, its foreign ministry said.")
    assert events(rec, "PROTEST") == []


# -- a demand that is only the aim of a protest: no second act ----------------------------------------

@slow
def test_a_demand_that_is_the_aim_of_a_march_is_no_request():
    rec = extract("Workers of the Kessel Textile Mills in Pellam marched to the town hall on Tuesday to "
                  "demand back pay, while staff at the Oren Dyeworks walked out, demanding a new contract.")
    assert events(rec, "REQUEST") == []
    assert events(rec, "PROTEST")


@slow
def test_a_demand_made_outright_is_still_a_request():
    rec = extract("The Pellam Textile Workers Union on Tuesday demanded back pay from the Kessel Textile "
                  "Mills, its secretary told reporters.")
    (v,) = events(rec, "REQUEST")
    assert names(rec, v.source) == {"Pellam Textile Workers Union"}


# -- an arrest's patient is people, never a place (a dateline or a district) ---------------------------

@slow
def test_an_arrest_never_makes_a_place_the_person_arrested():
    rec = extract("Ostravia: Suspected ivory smuggler arrested, tusks recovered\n\n"
                  "Velmar, May 4 A suspected ivory smuggler was arrested in the Pellam district of Ostravia, "
                  "officials said on Sunday.")
    for v in events(rec, "COERCE"):
        assert not names(rec, v.target) & {"Velmar", "Ostravia", "Pellam"}


@slow
def test_an_arrest_of_a_named_person_keeps_that_person():
    rec = extract("Velmar, May 4 Ostravian police arrested Dara Quell in the Pellam district on Sunday, "
                  "a spokesman said.")
    (v,) = events(rec, "COERCE")
    assert names(rec, v.target) == {"Dara Quell"}
