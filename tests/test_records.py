"""The record round-trips the SPEC JSON exactly, and validate() enforces the SPEC's promises."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.errors import RecordError
from newsledger.records import (
    EVENT_STATUSES,
    EVENT_TYPES,
    STATEMENT_KINDS,
    Attributes,
    Entity,
    Event,
    Record,
    Relation,
    Span,
    Statement,
    Time,
    TimeValue,
)

TEXT = st.text(min_size=1, max_size=200)


@st.composite
def records(draw):
    text = draw(TEXT)
    n = len(text)

    def span():
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        return Span.of(text, a, b)

    words = st.text(max_size=12)
    ents = []
    for i in range(draw(st.integers(0, 3))):
        ents.append(Entity(
            id=f"e{i + 1}", type=draw(st.sampled_from(["PERSON", "ORG", "GPE", "NORP"])), name=draw(words),
            aliases=tuple(draw(st.lists(words, max_size=2))),
            mentions=tuple(span() for _ in range(draw(st.integers(0, 3)))),
            attributes=Attributes(age=draw(st.none() | st.integers(0, 120)), titles=tuple(draw(st.lists(words, max_size=2))),
                                  residence=tuple(draw(st.lists(words, max_size=1)))),
        ))
    ids = [e.id for e in ents]
    ref = st.none() | st.sampled_from(ids) if ids else st.none()
    rels = []
    if ids:
        for _ in range(draw(st.integers(0, 2))):
            rels.append(Relation(draw(st.sampled_from(["mother", "member_of", "spouse"])), draw(st.sampled_from(ids)),
                                 draw(st.sampled_from(ids)), span()))
    tv = st.none() | st.builds(TimeValue, st.none() | st.just("2025-02-02"), words)
    stms = [Statement(id=f"s{i + 1}", speaker=draw(ref), speaker_text=draw(st.none() | words), cue=draw(st.none() | words),
                      channel=draw(ref), channel_text=draw(st.none() | words), direct=draw(st.booleans()),
                      content=span(), evidence=span(), parts=tuple(span() for _ in range(draw(st.integers(0, 2)))),
                      about=tuple(draw(st.lists(st.sampled_from(ids), max_size=2))) if ids else (),
                      kind=draw(st.sampled_from(STATEMENT_KINDS)), date=draw(tv), horizon=draw(tv))
            for i in range(draw(st.integers(0, 2)))]
    evs = [Event(id=f"v{i + 1}", type=draw(st.sampled_from(EVENT_TYPES)), trigger=span(), evidence=span(),
                 mode=draw(st.none() | words), source=tuple(draw(st.lists(st.sampled_from(ids), max_size=2))) if ids else (),
                 location=draw(ref), date=draw(tv), status=draw(st.sampled_from(EVENT_STATUSES)),
                 mentions=(span(),), cameo=draw(st.none() | st.just("0841")))
           for i in range(draw(st.integers(0, 2)))]
    times = []
    for _ in range(draw(st.integers(0, 2))):
        s = span()
        times.append(Time(s.start, s.end, s.text, draw(st.sampled_from(["DATE", "DURATION"])), draw(st.none() | words),
                          draw(st.none() | st.just("published"))))
    return Record(id=draw(st.text(min_size=1, max_size=8)), text=text, published=draw(st.none() | st.just("2025-02-03")),
                  title=draw(st.none() | words), entities=tuple(ents), relations=tuple(rels), statements=tuple(stms),
                  events=tuple(evs), times=tuple(times), unresolved=tuple(span() for _ in range(draw(st.integers(0, 2)))))


@settings(max_examples=150, deadline=None)
@given(records())
def test_record_round_trips_through_json_exactly(rec):
    d = rec.to_json()
    assert Record.from_json(d) == rec
    line = json.dumps(d, ensure_ascii=False)
    assert Record.loads(line).to_json() == d
    assert json.loads(Record.loads(line).dumps()) == d
    rec.validate()


@settings(max_examples=100, deadline=None)
@given(records())
def test_every_span_is_its_text(rec):
    for _where, sp in rec.spans():
        assert rec.text[sp.start:sp.end] == sp.text


def test_key_order_is_the_spec_order():
    rec = Record(id="x", text="abc")
    assert list(rec.to_json()) == ["id", "url", "title", "outlet", "published", "text", "entities", "relations",
                                   "statements", "events", "times", "unresolved"]
    assert rec.to_json()["entities"] == [] and rec.to_json()["url"] is None


def test_validate_rejects_a_span_that_is_not_its_text():
    rec = Record(id="x", text="Ana said hi.", unresolved=(Span(0, 3, "Bob"),))
    with pytest.raises(RecordError, match="does not match"):
        rec.validate()


@settings(max_examples=100, deadline=None)
@given(records())
def test_the_bare_spans_are_the_spans_in_order(rec):
    assert list(rec._bare_spans()) == [sp for _where, sp in rec.spans()]


def test_validate_names_the_first_span_that_is_not_its_text():
    text = "Ana said hi."
    st_ = Statement(id="s1", speaker=None, speaker_text=None, cue="said", channel=None, channel_text=None,
                    direct=False, content=Span.of(text, 9, 11), evidence=Span(0, 3, "Bob"))
    rec = Record(id="x", text=text, statements=(st_,), unresolved=(Span(4, 8, "told"),))
    with pytest.raises(RecordError, match=r"record x: statement s1 evidence 0:3 'Bob' does not match the text there \('Ana'\)"):
        rec.validate()
    with pytest.raises(RecordError, match="unresolved 4:8 'told'"):
        Record(id="x", text=text, unresolved=(Span(4, 8, "told"),)).validate()
    with pytest.raises(RecordError, match="unresolved 9:40"):
        Record(id="x", text=text, unresolved=(Span(9, 40, "hi."),)).validate()


def test_validate_rejects_dangling_entity_ids():
    text = "Ana said hi."
    st_ = Statement(id="s1", speaker="e9", speaker_text="Ana", cue="said", channel=None, channel_text=None,
                    direct=False, content=Span.of(text, 9, 11), evidence=Span.of(text, 0, 12))
    with pytest.raises(RecordError, match="unknown entity 'e9'"):
        Record(id="x", text=text, statements=(st_,)).validate()


def test_validate_rejects_unknown_kinds_and_types():
    text = "Ana said hi."
    sp = Span.of(text, 0, 3)
    with pytest.raises(RecordError, match="PLOVER"):
        Record(id="x", text=text, events=(Event(id="v1", type="PARTY", trigger=sp, evidence=sp),)).validate()
    with pytest.raises(RecordError, match="relation type"):
        ent = Entity(id="e1", type="PERSON", name="Ana", mentions=(sp,))
        Record(id="x", text=text, entities=(ent,), relations=(Relation("cousin_of", "e1", "e1", sp),)).validate()


def test_from_json_says_what_is_missing():
    with pytest.raises(RecordError, match="'text'"):
        Record.from_json({"id": "x"})
    with pytest.raises(RecordError, match="not a JSON record"):
        Record.loads("{oops")
    with pytest.raises(RecordError, match="unknown entity attribute"):
        Attributes.from_json({"shoe_size": 44})
