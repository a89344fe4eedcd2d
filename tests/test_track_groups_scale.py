"""Duplicate-report groups stay linear when one body acts on many different people, and the narrow candidate
look-up gives the same groups as comparing every event with every cluster."""

from __future__ import annotations

import random

from hypothesis import given, settings, strategies as st

from linearity import assert_linear
from newsledger.ledger import track_groups
from newsledger.records import Entity, Event, Record, Span, TimeValue

TYPES = ("ACCUSE", "COERCE", "SANCTION")


def _record(doc: str, published: str, events: list[tuple[str, str | None, list[str], list[str], str | None, str]],
            people: list[str]) -> Record:
    """A record whose text names ``people`` (e1, e2, ...) and carries ``events`` (type, mode, source ids,
    target ids, date, status)."""
    text = ". ".join(people) + "."
    ents, at = [], 0
    for i, name in enumerate(people, 1):
        ents.append(Entity(f"e{i}", "PERSON" if i > 1 else "ORG", name, (), (Span(at, at + len(name), name),)))
        at += len(name) + 2
    trig = Span(0, len(people[0]), people[0])
    evs = tuple(Event(id=f"v{k}", type=t, trigger=trig, evidence=trig, mode=m, source=tuple(s), target=tuple(g),
                      date=TimeValue(d, "then") if d else None, status=stat)
                for k, (t, m, s, g, d, stat) in enumerate(events, 1))
    return Record(id=doc, text=text, published=published, entities=tuple(ents), events=evs).validate()


def _member_of(records: list[Record]) -> dict[tuple[str, str], str]:
    return {(r.id, e.id): e.name for r in records for e in r.entities}


def _story(n: int, seed: int = 7) -> list[Record]:
    """One body accusing ``n`` different people, one article each, plus a few repeated reports."""
    rnd = random.Random(seed)
    recs = []
    for i in range(n):
        person = f"Person {i}"
        day = f"2040-{1 + i % 12:02d}-{1 + i % 27:02d}"
        recs.append(_record(f"a{i}", "2041-01-01", [("ACCUSE", None, ["e1"], ["e2"], day, "asserted")],
                            ["Tolvan Board", person]))
        if rnd.random() < 0.1:  # a second outlet reports the same accusation
            recs.append(_record(f"b{i}", "2041-01-02", [("ACCUSE", None, ["e1"], ["e2"], day, "asserted")],
                                ["Tolvan Board", person]))
    return recs


def test_one_body_acting_on_many_people_groups_in_linear_work():
    small, big = _story(200), _story(800)
    a, b = assert_linear(lambda recs: track_groups.event_clusters(recs, _member_of(recs)), small, big, 4.0)
    assert sum(1 for c in b if len(c) > 1) >= 40  # the repeated reports are grouped
    assert all(len({v.target for _, v in c}) == 1 for c in b)  # never two people's accusations in one group


people_st = st.lists(st.integers(0, 5), min_size=0, max_size=2, unique=True)
event_st = st.tuples(st.sampled_from(TYPES), st.sampled_from((None, "arrest", "fine")), people_st, people_st,
                     st.sampled_from((None, "2040-03-01", "2040-03-02", "2040-03", "2040")),
                     st.sampled_from(("asserted", "asserted", "future")))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(event_st, min_size=1, max_size=3), min_size=1, max_size=6))
def test_the_narrow_look_up_finds_the_same_groups_as_trying_every_cluster(docs):
    names = ["Tolvan Board"] + [f"Person {i}" for i in range(6)]
    recs = []
    for d, evs in enumerate(docs):
        fixed = [(t, m, [f"e{p + 1}" for p in s], [f"e{p + 1}" for p in g], date, stat)
                 for t, m, s, g, date, stat in evs]
        recs.append(_record(f"d{d}", "2040-06-01", fixed, names))
    member_of = _member_of(recs)
    got = track_groups.event_clusters(recs, member_of)
    # the reference: the same function with the narrow index disabled (every event compared through the wide index)
    orig = track_groups._NARROW
    track_groups._NARROW = False
    try:
        want = track_groups.event_clusters(recs, member_of)
    finally:
        track_groups._NARROW = orig
    as_ids = lambda cs: [[(r.id, v.id) for r, v in c] for c in cs]  # noqa: E731
    assert as_ids(got) == as_ids(want)
