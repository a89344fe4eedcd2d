"""Entities on real reporting, round ent21 (issue 11): invented articles, one per general pattern seen on the
work samples; each test failed before its change."""

from __future__ import annotations

from record_helpers import extract


def _names(rec):
    return {e.name: e.type for e in rec.entities}


def test_government_named_by_its_leader_is_one_body():
    # "the <Surname> government": the leader's government, a body; the surname alone is no entity of its own
    rec = extract("Hospital money row deepens\n\n"
                  "Federal health minister Dara Quill said on Tuesday that the Halvorsen government had left "
                  "half of its share unspent. Doctors in Tarnwick said the Halvorsen government must now explain "
                  "the delays.")
    names = _names(rec)
    assert "Halvorsen" not in names, names
    assert names.get("Halvorsen government") == "ORG", names
    assert names.get("Dara Quill") == "PERSON", names


def test_place_or_person_before_government_stays():
    # a place's or a leader's name the article also writes alone keeps its own entity
    rec = extract("Premier Odo Brask said the Brask government would not resign. Brask spoke in Tarnwick, "
                  "where the Tarnwick government has run the port since 2019.")
    names = _names(rec)
    assert names.get("Odo Brask") == "PERSON", names
    assert "Brask government" not in names and "Tarnwick government" not in names, names
