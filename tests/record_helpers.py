"""Look-ups on an extracted record shared by the real-reporting pattern tests (test_real12 ... test_real15):
each fails with a message naming what the record holds instead."""

from __future__ import annotations


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
