"""Events on real reporting (issue 11, round events6): families of news acts, fixed by mechanism, each
reproduced by an invented article: arrests and detentions with no actor written are the one police body
the article names ("kind" nouns: "police", "the policemen", never a police union).

Every text here is invented; none is taken from a real report or from the shared gold."""

from __future__ import annotations

import pytest

import newsledger

slow = pytest.mark.slow

PUB = "2026-03-06"  # a Friday


def extract(text: str, published: str = PUB):
    return newsledger.extract(text, published=published)


def events(rec, etype: str | None = None):
    return [v for v in rec.events if etype is None or v.type == etype]


def names(rec, ids) -> set[str]:
    return {rec.entity(i).name for i in ids}


# -- arrests with no actor written: the article's one police body ------------------------------------

@slow
def test_a_passive_arrest_with_no_agent_is_the_one_police_body_of_the_article():
    rec = extract("Two dock clerks were arrested on Thursday over the theft of fuel from the Ostra terminal. "
                  "The Ostra Valley Constabulary said the men would appear in court next week.")
    (v,) = events(rec, "COERCE")
    assert v.mode == "arrest"
    assert names(rec, v.source) == {"Ostra Valley Constabulary"}


@slow
def test_a_bare_police_subject_is_the_one_police_body_of_the_article():
    rec = extract("The Marrow County Police Service opened an inquiry into the break-in. "
                  "Police detained a night watchman at the scene, and the policemen later searched his flat.")
    (v,) = [v for v in events(rec, "COERCE") if v.mode == "arrest"]
    assert names(rec, v.source) == {"Marrow County Police Service"}


@slow
def test_a_police_union_is_no_police_body_and_two_forces_leave_the_arrest_without_actor():
    union = extract("A warehouse guard was arrested on Tuesday in Pellam. The Pellam Police Union said "
                    "its members had done nothing wrong.")
    (v,) = events(union, "COERCE")
    assert v.source == ()
    two = extract("A warehouse guard was arrested on Tuesday in Pellam. The Pellam Police Service and the "
                  "Harlow Constabulary said they were working together.")
    (w,) = events(two, "COERCE")
    assert w.source == ()


@slow
def test_soldiers_who_detain_someone_are_never_made_the_police():
    rec = extract("Soldiers detained three fishermen near the border on Sunday. The Ostra Valley Constabulary "
                  "opened an inquiry into a fire at the harbour.")
    for v in events(rec, "COERCE"):
        assert "Ostra Valley Constabulary" not in names(rec, v.source)
