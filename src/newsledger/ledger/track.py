"""The ledger across articles, computed from document records: status timelines, claims checked, reports grouped.

Pure functions over ``Record``s (no database): the store hands them the records of the articles that
matter and ``member_of``, which maps ``(doc id, document entity id)`` to a ledger entity id (``"L1"``)::

    from newsledger.ledger.track import timelines, claims, groups
    timelines(records, member_of)          # {"L1": [StatusEntry, ...]}, each list in time order
    claims(records, member_of, as_of=None) # [Claim, ...]; as_of defaults to the newest publication date
    groups(records, member_of)             # [Group, ...]: duplicate reports of one event or statement

Records may come in any order and be any subset of the store. Each result's ``to_json()`` is the
matching piece of SPEC.md's ledger JSON. Word lists are data: ``data/lexicons/statuses.json`` (event and
statement -> status) and ``data/lexicons/claims.json`` (what a claim says will happen -> the reports that
decide it). How: :mod:`.track_status` (timelines), :mod:`.track_claims` (claims), :mod:`.track_groups` (duplicate reports).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from ..errors import TrackError
from ..records import Record
from .track_base import MemberOf, interval, tv
from .track_claims import Facts, decide
from .track_groups import CLAIM_KINDS, cluster_statements, event_clusters, statement_items
from .track_status import build_timelines, status_reports

__all__ = ["StatusEntry", "Claim", "Group", "timelines", "claims", "groups", "OUTCOMES"]

OUTCOMES = ("fulfilled", "failed", "partly", "pending")


@dataclass(frozen=True, slots=True)
class StatusEntry:
    """A status a ledger entity took, dated when it began, with the report (event or statement) it rests on."""

    status: str
    date: str | None
    doc: str
    event: str | None = None
    statement: str | None = None

    def to_json(self) -> dict:
        d: dict[str, Any] = {"status": self.status, "date": self.date, "doc": self.doc, "event": self.event}
        if self.statement is not None:
            d["statement"] = self.statement
        return d


@dataclass(frozen=True, slots=True)
class Claim:
    """A prediction or commitment, once per real-world statement, with its outcome as of the newest article."""

    id: str
    doc: str
    statement: str
    speaker: str | None
    kind: str
    horizon: str | None
    outcome: str
    decided_by: Mapping[str, str] | None
    reports: tuple[tuple[str, str], ...] = ()

    def __hash__(self) -> int:  # decided_by is a small dict: hash its items
        return hash((self.id, self.doc, self.statement, self.speaker, self.kind, self.horizon, self.outcome,
                     tuple(sorted(self.decided_by.items())) if self.decided_by else None, self.reports))

    def to_json(self) -> dict:
        return {"id": self.id, "doc": self.doc, "statement": self.statement, "speaker": self.speaker,
                "kind": self.kind, "horizon": {"value": self.horizon} if self.horizon else None,
                "outcome": self.outcome, "decided_by": dict(self.decided_by) if self.decided_by else None,
                "reports": [{"doc": d, "statement": s} for d, s in self.reports]}


@dataclass(frozen=True, slots=True)
class Group:
    """Reports in several articles of one real-world event or statement (``kind`` "event" or "statement")."""

    kind: str
    items: tuple[tuple[str, str], ...]

    def to_json(self) -> dict:
        return {"kind": self.kind, "items": [{"doc": d, "id": i} for d, i in self.items]}


def _sorted(records: Iterable[Record]) -> list[Record]:
    recs = list(records)
    for r in recs:
        if not isinstance(r, Record):
            raise TrackError(f"expected document records (newsledger.Record), got {type(r).__name__}; "
                             "load stored records with Record.from_json first")
    return sorted(recs, key=lambda r: (r.published or "", r.id))


def _check_member_of(member_of: MemberOf) -> MemberOf:
    if not isinstance(member_of, Mapping):
        raise TrackError("member_of must map (doc id, entity id) to a ledger entity id, "
                         f"not {type(member_of).__name__}")
    return member_of


def timelines(records: list[Record], member_of: MemberOf) -> dict[str, list[StatusEntry]]:
    """Each ledger entity's status changes in time order (entities with none are left out)."""
    recs = _sorted(records)
    built = build_timelines(status_reports(recs, _check_member_of(member_of)))
    return {lid: [StatusEntry(status, r.date, r.doc, r.event, r.statement) for status, r in entries]
            for lid, entries in sorted(built.items()) if entries}


def _as_of(recs: list[Record], as_of: str | None) -> str | None:
    if as_of is None:
        dates = [r.published for r in recs if interval(r.published)]
        return max(dates)[:10] if dates else None
    if not interval(as_of):
        raise TrackError(f"as_of {as_of!r} is not a date; give an ISO date such as 2025-03-30 (or None for the "
                         "newest publication date)")
    return as_of


def claims(records: list[Record], member_of: MemberOf, as_of: str | None = None) -> list[Claim]:
    """Every prediction and commitment once, in the order first reported, checked as of ``as_of``."""
    recs = _sorted(records)
    member_of = _check_member_of(member_of)
    as_of = _as_of(recs, as_of)
    if as_of:  # as of a day: what was published after it is not known yet
        recs = [r for r in recs if not interval(r.published) or interval(r.published)[0] <= interval(as_of)[0]]
    items = statement_items(recs, member_of)
    reports = status_reports(recs, member_of)
    old = set()
    for c in event_clusters(recs, member_of):
        # an undated mention of an act another article dates is that old act, not a new one
        if any(interval(tv(v.date)) for _, v in c):
            old |= {(r.id, v.id) for r, v in c if not interval(tv(v.date))}
    facts = Facts(recs, member_of, reports, items, old)
    out = []
    for cluster in cluster_statements(items):
        first = next((i for i in cluster if i.st.kind in CLAIM_KINDS), None)
        if first is None:
            continue
        # the claim is read from its first article's fullest report: a quote before a paraphrase, a horizon
        own = [i for i in cluster if i.doc == first.doc and i.st.kind in CLAIM_KINDS]
        head = max(own, key=lambda i: (i.st.direct, tv(i.st.horizon) is not None, -i.order))
        rest = [i for i in cluster if i is not head]
        outcome, decided = decide(head, rest, facts, as_of)
        horizon = next((tv(i.st.horizon) for i in [head, *rest] if tv(i.st.horizon)), None)
        out.append((head.order, head, rest, outcome, decided, horizon))
    out.sort(key=lambda x: x[0])
    return [Claim(f"C{n}", head.doc, head.st.id, head.speaker, head.st.kind, horizon, outcome, decided,
                  tuple((i.doc, i.st.id) for i in rest))
            for n, (_, head, rest, outcome, decided, horizon) in enumerate(out, 1)]


def groups(records: list[Record], member_of: MemberOf) -> list[Group]:
    """Duplicate reports across articles: events that are one act, statements that are one utterance."""
    recs = _sorted(records)
    member_of = _check_member_of(member_of)
    out = []
    for c in event_clusters(recs, member_of):
        if len({r.id for r, _ in c}) > 1:
            out.append(Group("event", tuple((r.id, v.id) for r, v in c)))
    for c in cluster_statements(statement_items(recs, member_of)):
        if len({i.doc for i in c}) > 1:
            out.append(Group("statement", tuple((i.doc, i.st.id) for i in c)))
    return out
