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


def test_state_government_is_one_body():
    # "the State government": a unit word alone before "government" is the unit's government, no "State" body
    rec = extract("Relief camps open in Korvath\n\n"
                  "Revenue minister Ilan Devas told flood victims in Korvath on Sunday that the State government "
                  "would pay for new roofs.")
    names = _names(rec)
    assert "State" not in names, names
    assert names.get("State government") == "ORG", names


def test_body_head_capitalized_alone_names_no_body():
    # "in Government": a body's head noun capitalized alone names no entity of its own
    rec = extract("Dorrow, March 3 (VNS) Two men were detained on Monday over the damaged statue, officials said. "
                  "Younger ministers will work with colleagues in Government, said Mayor Tilde Ostrava.")
    names = _names(rec)
    assert "Government" not in names, names
    assert names.get("Tilde Ostrava") == "PERSON", names


def test_body_head_alone_after_its_body_stays_that_body():
    # a body whose name ends in the head noun keeps its name (only the word alone is dropped)
    rec = extract("Two roads were shut on Monday, the Harlow Regional Government said.")
    assert _names(rec).get("Harlow Regional Government") == "ORG", _names(rec)


def test_holiday_named_day_is_no_person():
    # "<Name> Day" after a time preposition or before a holiday noun is a holiday; a person surnamed Day stays
    rec = extract("Pilots at Skyrail will stop work on Friday, the union said. Shops in Tumbria will shut on Monday "
                  "for the Charlotte Day public holiday, and crowds are expected on Adela Day in May. Mira Day, a "
                  "nurse in Dorrow, said she would drive instead.")
    names = _names(rec)
    assert not any(n.startswith(("Charlotte", "Adela")) for n in names), names
    assert names.get("Mira Day") == "PERSON", names
