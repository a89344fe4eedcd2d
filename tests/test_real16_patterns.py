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
