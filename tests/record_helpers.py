"""Look-ups on an extracted record shared by the real-reporting pattern tests (test_real12 ... test_real15,
test_events4 ... test_events9, test_times7 ... test_times10): each fails with a message naming what the record holds
instead."""

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


PUB = "2026-03-06"  # a Friday: the publication day of the pattern tests' invented articles


def extract(text: str, published: str = PUB, url: str | None = None):
    import newsledger

    return newsledger.extract(text, published=published, url=url)


def one_time(text: str, expr: str, published: str = PUB, url: str | None = None):
    """The one time record of ``text`` written ``expr``, failing with the times the record holds."""
    rec = extract(text, published, url)
    hits = [t for t in rec.times if t.text == expr]
    assert len(hits) == 1, f"no single time {expr!r}: {[(t.text, t.value) for t in rec.times]}"
    return hits[0]


def events(rec, etype: str | None = None):
    return [v for v in rec.events if etype is None or v.type == etype]


def names(rec, ids) -> set[str]:
    return {rec.entity(i).name for i in ids}


def statement_date(text: str, content: str, published: str = PUB) -> str | None:
    """The date value of the one statement of ``text`` whose content holds ``content``."""
    rec = extract(text, published)
    (st,) = [s for s in rec.statements if content in s.content.text]
    return st.date.value if st.date is not None else None
