"""The document record of ../shared/SPEC.md as frozen dataclasses.

Every class has ``to_json()`` (a plain dict in the SPEC's key order) and ``from_json(d)`` (its
inverse); ``Record.from_json(r.to_json()) == r`` and ``Record.from_json(d).to_json() == d`` for any
record newsledger writes. Lists are tuples so records are hashable and immutable.
``Record.validate()`` checks what the SPEC promises: every span's text is ``text[start:end]``,
ids are unique, and every id a record refers to exists.
"""

from __future__ import annotations

import datetime as dt
import json
import traceback
from dataclasses import dataclass, field, fields, replace
from typing import Any, Iterable, Mapping

from .errors import DateFormatError, NewsledgerError, RecordError
from .inputs import Article, text_hash

__all__ = [
    "Span",
    "TimeValue",
    "Attributes",
    "Entity",
    "Relation",
    "Statement",
    "Event",
    "Time",
    "Article",
    "Record",
    "Decision",
    "Failure",
    "normalize_published",
    "text_hash",
    "STATEMENT_KINDS",
    "EVENT_STATUSES",
    "EVENT_TYPES",
    "RELATION_TYPES",
]

STATEMENT_KINDS = ("claim", "prediction", "commitment", "demand", "denial", "opinion")
EVENT_STATUSES = ("asserted", "future", "hypothetical", "negated")
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
RELATION_TYPES = (
    "mother", "father", "parent", "child", "sibling", "spouse", "partner", "grandmother",
    "grandfather", "grandparent", "grandchild", "relative", "member_of",
)


def _need(d: Mapping[str, Any], key: str, where: str) -> Any:
    try:
        return d[key]
    except (KeyError, TypeError):
        raise RecordError(f"{where} lacks the required field {key!r}; see SPEC.md for the record format") from None



_FIELD_NAMES: dict[Any, frozenset[str]] = {}


def _field_names(cls: Any) -> frozenset[str]:
    """A dataclass's field names, read once (``dataclasses.fields`` is slow on a path run for every stored record)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = frozenset(f.name for f in fields(cls))
    return names

@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` of the record's text; ``text`` repeats them."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """The span of ``text[start:end]``."""
        return cls(start, end, text[start:end])

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> "Span":
        return cls(int(_need(d, "start", "span")), int(_need(d, "end", "span")), str(_need(d, "text", "span")))


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A normalized time attached to a statement or event: ``value`` as in SPEC, ``text`` as written."""

    value: str | None
    text: str

    def to_json(self) -> dict:
        return {"value": self.value, "text": self.text}

    @classmethod
    def from_json(cls, d: Mapping[str, Any] | None) -> "TimeValue | None":
        if d is None:
            return None
        return cls(d.get("value"), str(_need(d, "text", "time value")))


def _tv(d: Any) -> TimeValue | None:
    return TimeValue.from_json(d) if d is not None else None


def _tvj(t: TimeValue | None) -> dict | None:
    return t.to_json() if t is not None else None


@dataclass(frozen=True, slots=True)
class Attributes:
    """Attributes of an entity as written. Values are strings or entity ids."""

    age: int | None = None
    titles: tuple[str, ...] = ()
    affiliation: tuple[str, ...] = ()
    citizenship: tuple[str, ...] = ()
    residence: tuple[str, ...] = ()
    origin: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {
            "age": self.age,
            "titles": list(self.titles),
            "affiliation": list(self.affiliation),
            "citizenship": list(self.citizenship),
            "residence": list(self.residence),
            "origin": list(self.origin),
        }

    @classmethod
    def from_json(cls, d: Mapping[str, Any] | None) -> "Attributes":
        d = d or {}
        unknown = set(d) - _field_names(cls)
        if unknown:
            raise RecordError(f"unknown entity attribute(s) {sorted(unknown)}; known: age, titles, affiliation, "
                              "citizenship, residence, origin")
        age = d.get("age")
        return cls(
            age=int(age) if age is not None else None,
            **{k: tuple(d.get(k) or ()) for k in ("titles", "affiliation", "citizenship", "residence", "origin")},
        )


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    attributes: Attributes = field(default_factory=Attributes)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "aliases": list(self.aliases),
            "mentions": [m.to_json() for m in self.mentions],
            "attributes": self.attributes.to_json(),
        }

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> "Entity":
        return cls(
            id=str(_need(d, "id", "entity")),
            type=str(_need(d, "type", "entity")),
            name=str(_need(d, "name", "entity")),
            aliases=tuple(d.get("aliases") or ()),
            mentions=tuple(Span.from_json(m) for m in d.get("mentions") or ()),
            attributes=Attributes.from_json(d.get("attributes")),
        )


@dataclass(frozen=True, slots=True)
class Relation:
    """"The subject's ``type`` is the object" (mother), or "subject member_of object"."""

    type: str
    subject: str
    object: str
    evidence: Span

    def to_json(self) -> dict:
        return {"type": self.type, "subject": self.subject, "object": self.object, "evidence": self.evidence.to_json()}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> "Relation":
        return cls(
            type=str(_need(d, "type", "relation")),
            subject=str(_need(d, "subject", "relation")),
            object=str(_need(d, "object", "relation")),
            evidence=Span.from_json(_need(d, "evidence", "relation")),
        )


@dataclass(frozen=True, slots=True)
class Statement:
    id: str
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    channel: str | None
    channel_text: str | None
    direct: bool
    content: Span
    evidence: Span
    parts: tuple[Span, ...] = ()
    about: tuple[str, ...] = ()
    kind: str = "claim"
    date: TimeValue | None = None
    horizon: TimeValue | None = None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "speaker": self.speaker,
            "speaker_text": self.speaker_text,
            "cue": self.cue,
            "channel": self.channel,
            "channel_text": self.channel_text,
            "direct": self.direct,
            "content": self.content.to_json(),
            "parts": [p.to_json() for p in self.parts],
            "about": list(self.about),
            "kind": self.kind,
            "date": _tvj(self.date),
            "horizon": _tvj(self.horizon),
            "evidence": self.evidence.to_json(),
        }

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> "Statement":
        return cls(
            id=str(_need(d, "id", "statement")),
            speaker=d.get("speaker"),
            speaker_text=d.get("speaker_text"),
            cue=d.get("cue"),
            channel=d.get("channel"),
            channel_text=d.get("channel_text"),
            direct=bool(d.get("direct", False)),
            content=Span.from_json(_need(d, "content", "statement")),
            parts=tuple(Span.from_json(p) for p in d.get("parts") or ()),
            about=tuple(d.get("about") or ()),
            kind=str(d.get("kind") or "claim"),
            date=_tv(d.get("date")),
            horizon=_tv(d.get("horizon")),
            evidence=Span.from_json(_need(d, "evidence", "statement")),
        )


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str
    trigger: Span
    evidence: Span
    mode: str | None = None
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    location: str | None = None
    date: TimeValue | None = None
    status: str = "asserted"
    mentions: tuple[Span, ...] = ()
    cameo: str | None = None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "trigger": self.trigger.to_json(),
            "source": list(self.source),
            "target": list(self.target),
            "location": self.location,
            "date": _tvj(self.date),
            "status": self.status,
            "evidence": self.evidence.to_json(),
            "mentions": [m.to_json() for m in self.mentions],
            "cameo": self.cameo,
        }

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> "Event":
        return cls(
            id=str(_need(d, "id", "event")),
            type=str(_need(d, "type", "event")),
            mode=d.get("mode"),
            trigger=Span.from_json(_need(d, "trigger", "event")),
            source=tuple(d.get("source") or ()),
            target=tuple(d.get("target") or ()),
            location=d.get("location"),
            date=_tv(d.get("date")),
            status=str(d.get("status") or "asserted"),
            evidence=Span.from_json(_need(d, "evidence", "event")),
            mentions=tuple(Span.from_json(m) for m in d.get("mentions") or ()),
            cameo=d.get("cameo"),
        )


@dataclass(frozen=True, slots=True)
class Time:
    """A time expression: ``type`` DATE, TIME, DURATION or SET (TIMEX3); ``anchor`` what it was resolved against."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    anchor: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "value": self.value, "anchor": self.anchor}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> "Time":
        return cls(
            start=int(_need(d, "start", "time")),
            end=int(_need(d, "end", "time")),
            text=str(_need(d, "text", "time")),
            type=str(d.get("type") or "DATE"),
            value=d.get("value"),
            anchor=d.get("anchor"),
        )


@dataclass(frozen=True, slots=True)
class Decision:
    """One step of why a field of a record has its value: which rule decided (``rule``, an id such as
    ``statements.speaker.cue-subject``), by which route (``route``, a sentence for a person), on what
    words (``evidence``), giving what (``value``). ``item`` names the field: ``s3.speaker``, ``t2.value``,
    ``e1.type``, ``v4.type``. Kept beside the record (``Record.trace``), never in the SPEC JSON."""

    item: str
    rule: str
    route: str
    evidence: Span | None = None
    value: str | None = None

    def to_json(self) -> dict:
        return {"item": self.item, "rule": self.rule, "route": self.route,
                "evidence": self.evidence.to_json() if self.evidence is not None else None, "value": self.value}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> "Decision":
        ev = d.get("evidence")
        return cls(item=str(_need(d, "item", "decision")), rule=str(_need(d, "rule", "decision")),
                   route=str(d.get("route") or ""), evidence=Span.from_json(ev) if ev else None,
                   value=d.get("value"))


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    statements: tuple[Statement, ...] = ()
    events: tuple[Event, ...] = ()
    times: tuple[Time, ...] = ()
    unresolved: tuple[Span, ...] = ()
    #: why each field has its value (``newsledger explain``); not part of the SPEC record or its equality
    trace: tuple[Decision, ...] = field(default=(), compare=False, repr=False)

    # ------------------------------------------------------------------ JSON
    def to_json(self, *, explain: bool = False) -> dict:
        """The SPEC record; with ``explain``, plus a ``"trace"`` list of :class:`Decision` objects."""
        if explain:
            return {**self.to_json(), "trace": [d.to_json() for d in self.trace]}
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "text": self.text,
            "entities": [e.to_json() for e in self.entities],
            "relations": [r.to_json() for r in self.relations],
            "statements": [s.to_json() for s in self.statements],
            "events": [e.to_json() for e in self.events],
            "times": [t.to_json() for t in self.times],
            "unresolved": [s.to_json() for s in self.unresolved],
        }

    def dumps(self, *, explain: bool = False, **kwargs: Any) -> str:
        """The record as one JSON line (or indented, with ``indent=``); ``explain`` adds the trace."""
        return json.dumps(self.to_json(explain=explain), ensure_ascii=False, **kwargs)

    def explain(self, item: str | None = None, at: int | None = None) -> list[Decision]:
        """The decisions behind ``item`` (``"s3.speaker"``; ``"s3"`` for all of s3's fields), or behind
        every item whose evidence covers the character offset ``at``; in the order they were taken."""
        out = []
        for d in self.trace:
            if item is not None and not (d.item == item or d.item.startswith(item + ".")):
                continue
            if at is not None and not (d.evidence is not None and d.evidence.start <= at < max(d.evidence.end, d.evidence.start + 1)):
                continue
            out.append(d)
        return out

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> "Record":
        if not isinstance(d, Mapping):
            raise RecordError(f"a record must be a JSON object, not {type(d).__name__}")
        return cls(
            id=str(_need(d, "id", "record")),
            url=d.get("url"),
            title=d.get("title"),
            outlet=d.get("outlet"),
            published=d.get("published"),
            text=str(_need(d, "text", "record")),
            entities=tuple(Entity.from_json(x) for x in d.get("entities") or ()),
            relations=tuple(Relation.from_json(x) for x in d.get("relations") or ()),
            statements=tuple(Statement.from_json(x) for x in d.get("statements") or ()),
            events=tuple(Event.from_json(x) for x in d.get("events") or ()),
            times=tuple(Time.from_json(x) for x in d.get("times") or ()),
            unresolved=tuple(Span.from_json(x) for x in d.get("unresolved") or ()),
            trace=tuple(Decision.from_json(x) for x in d.get("trace") or ()),
        )

    @classmethod
    def loads(cls, line: str) -> "Record":
        try:
            return cls.from_json(json.loads(line))
        except json.JSONDecodeError as exc:
            raise RecordError(f"not a JSON record: {exc}") from None

    def replace(self, **changes: Any) -> "Record":
        return replace(self, **changes)

    # ------------------------------------------------------------ lookups
    def entity(self, entity_id: str) -> Entity:
        for e in self.entities:
            if e.id == entity_id:
                return e
        raise KeyError(entity_id)

    # ------------------------------------------------------------ checks
    def spans(self) -> Iterable[tuple[str, Span]]:
        """Every span in the record, with where it sits (for messages)."""
        for e in self.entities:
            for m in e.mentions:
                yield f"entity {e.id} mention", m
        for r in self.relations:
            yield f"relation {r.subject} {r.type} {r.object} evidence", r.evidence
        for s in self.statements:
            yield f"statement {s.id} content", s.content
            yield f"statement {s.id} evidence", s.evidence
            for p in s.parts:
                yield f"statement {s.id} part", p
        for v in self.events:
            yield f"event {v.id} trigger", v.trigger
            yield f"event {v.id} evidence", v.evidence
            for m in v.mentions:
                yield f"event {v.id} mention", m
        for t in self.times:
            yield "time", t.span
        for u in self.unresolved:
            yield "unresolved", u

    def _bare_spans(self) -> Iterable[Span]:
        """The spans of :meth:`spans`, in the same order, without the words that say where each sits."""
        for e in self.entities:
            yield from e.mentions
        for r in self.relations:
            yield r.evidence
        for s in self.statements:
            yield s.content
            yield s.evidence
            yield from s.parts
        for v in self.events:
            yield v.trigger
            yield v.evidence
            yield from v.mentions
        for t in self.times:
            yield t.span
        yield from self.unresolved

    def validate(self) -> "Record":
        """Raise RecordError naming the first broken promise of the SPEC; return self when all hold."""
        n = len(self.text)
        text = self.text
        # (the spans checked first without the words of a message: it is written only for a span that fails)
        if not all(0 <= sp.start <= sp.end <= n and text[sp.start:sp.end] == sp.text for sp in self._bare_spans()):
            for where, sp in self.spans():
                if not (0 <= sp.start <= sp.end <= n) or self.text[sp.start:sp.end] != sp.text:
                    raise RecordError(f"record {self.id}: {where} {sp.start}:{sp.end} {sp.text!r} does not match "
                                      f"the text there ({self.text[sp.start:sp.end]!r})")
        for d in self.trace:
            ev = d.evidence
            if ev is not None and (not (0 <= ev.start <= ev.end <= n) or self.text[ev.start:ev.end] != ev.text):
                raise RecordError(f"record {self.id}: the trace of {d.item} ({d.rule}) points at {ev.start}:{ev.end} "
                                  f"{ev.text!r}, which is not the text there")
        ids = [e.id for e in self.entities]
        if len(set(ids)) != len(ids):
            raise RecordError(f"record {self.id}: duplicate entity ids")
        known = set(ids)

        def check(ref: str | None, where: str) -> None:
            if ref is not None and ref not in known:
                raise RecordError(f"record {self.id}: {where} refers to unknown entity {ref!r}")

        for e in self.entities:
            for aff in e.attributes.affiliation:
                if aff.startswith("e") and aff[1:].isdigit():
                    check(aff, f"entity {e.id} affiliation")
        for r in self.relations:
            if r.type not in RELATION_TYPES:
                raise RecordError(f"record {self.id}: unknown relation type {r.type!r}")
            check(r.subject, "relation subject")
            check(r.object, "relation object")
        for s in self.statements:
            check(s.speaker, f"statement {s.id} speaker")
            check(s.channel, f"statement {s.id} channel")
            for a in s.about:
                check(a, f"statement {s.id} about")
            if s.kind not in STATEMENT_KINDS:
                raise RecordError(f"record {self.id}: statement {s.id} has unknown kind {s.kind!r}")
        for v in self.events:
            if v.type not in EVENT_TYPES:
                raise RecordError(f"record {self.id}: event {v.id} has unknown PLOVER type {v.type!r}")
            if v.status not in EVENT_STATUSES:
                raise RecordError(f"record {self.id}: event {v.id} has unknown status {v.status!r}")
            for a in (*v.source, *v.target):
                check(a, f"event {v.id} participant")
            check(v.location, f"event {v.id} location")
        for kind, items in (("statement", self.statements), ("event", self.events)):
            ids = [x.id for x in items]
            if len(set(ids)) != len(ids):
                raise RecordError(f"record {self.id}: duplicate {kind} ids")
        return self


# ---------------------------------------------------------------------------- failures and dates
@dataclass(frozen=True)
class Failure:
    """An article that could not be processed, with the reason (never a silent None)."""

    source: str
    reason: str
    code: str = "N000"
    doc_id: str | None = None
    detail: str | None = field(default=None, compare=False)

    @classmethod
    def from_error(cls, err: BaseException, source: str | None = None, doc_id: str | None = None) -> "Failure":
        if isinstance(err, NewsledgerError):
            src = getattr(err, "source", None) or source or "?"
            msg = err.message
            if src and msg.startswith(f"{src}: "):
                msg = msg[len(src) + 2:]
            return cls(src, " ".join(str(msg).split()), err.code, doc_id)
        detail = "".join(traceback.format_exception(err))
        why = " ".join(f"internal error: {type(err).__name__}: {err} (please report it with the input)".split())
        return cls(source or "?", why, "N999", doc_id, detail)

    def __str__(self) -> str:
        return f"{self.source}: [{self.code}] {self.reason}"


def normalize_published(value: Any, source: str | None = None) -> str | None:
    """An ISO date (``2025-02-03``) or datetime (``2025-02-03T09:30:00+00:00``) string, or None.

    Accepts ``date``/``datetime`` objects and ISO 8601 strings; anything else raises DateFormatError.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value).strip()
    where = f"{source}: " if source else ""
    try:
        if len(s) == 10:
            return dt.date.fromisoformat(s).isoformat()
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).isoformat()
    except ValueError:
        raise DateFormatError(
            f"{where}cannot read the publication date {s!r}; give it as an ISO 8601 date such as "
            "2025-02-03 (or a datetime such as 2025-02-03T09:30:00Z)") from None
