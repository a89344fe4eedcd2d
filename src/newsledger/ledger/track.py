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

from dataclasses import dataclass, replace
from typing import Any, Iterable, Mapping

from ..errors import TrackError
from ..records import Record
from .track_base import MemberOf, interval, tv
from .track_claims import Facts, decide
from .track_groups import CLAIM_KINDS, cluster_statements, event_clusters, event_clusters_keyed, statement_items
from .track_status import build_timelines, status_reports

__all__ = ["StatusEntry", "Claim", "Group", "ClaimRow", "GroupRow", "timelines", "claims", "claim_rows", "groups",
           "group_rows", "old_events", "OUTCOMES"]

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
    return [replace(row.claim, id=f"C{n}") for n, row in enumerate(claim_rows(records, member_of, as_of), 1)]


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A claim with what a store keeps next to it: ``key`` orders the claims as :func:`claims` numbers them (the
    head report's publication date, article and statement's place), ``head`` is (article, "s:" statement id),
    ``horizon_end`` the last day of the horizon that decides it, ``lids`` the ledger entities it speaks by or about
    (the articles that name them are what can decide it). ``claim.id`` is empty: the store numbers them."""

    key: tuple[str, str, int]
    head: tuple[str, str]
    claim: Claim
    horizon_end: str | None
    lids: frozenset[str]


@dataclass(frozen=True, slots=True)
class GroupRow:
    """A group with its order (event groups first, each kind in the order its first report is placed) and its first
    member (article, "e:" event id or "s:" statement id)."""

    key: tuple[int, str, str, int]
    first: tuple[str, str]
    group: Group


def _st_place(it) -> int:
    return next(i for i, st in enumerate(it.rec.statements) if st.id == it.st.id)


def old_events(recs: list[Record], member_of: MemberOf, keyed: list | None = None) -> set[tuple[str, str]]:
    """The undated acts that an act another article dates makes old news (they are that act, not a new one);
    ``keyed``: the records' event groups (``event_clusters_keyed``) where they are computed already."""
    old: set[tuple[str, str]] = set()
    for _k, c in (event_clusters_keyed(recs, member_of) if keyed is None else keyed):
        if any(interval(tv(v.date)) for _, v in c):
            old |= {(r.id, v.id) for r, v in c if not interval(tv(v.date))}
    return old


def claim_rows(records: list[Record], member_of: MemberOf, as_of: str | None = None, *,
               scope: set[tuple[str, str]] | None = None, dates: Any = None,
               old: set[tuple[str, str]] | None = None,
               known: list[tuple[tuple[str, str], list[tuple[str, str]]]] = ()) -> list[ClaimRow]:
    """The claims in their order, each with its key (see :class:`ClaimRow`). A store that computes only part of them
    gives the records that can matter and ``scope``: the (article, "s:" statement id) of whole groups of statements
    that can be one utterance (only the claims those make are returned), ``known``: claims whose reports are known
    to be grouped as before ((head article, statement id), [(article, statement id) of each other report], in their
    order), decided again, ``dates`` (``first_after(day)`` and ``published(doc)`` over every stored article) and
    ``old``, the undated acts that are old news."""
    recs = _sorted(records)
    member_of = _check_member_of(member_of)
    as_of = _as_of(recs, as_of)
    if as_of:  # as of a day: what was published after it is not known yet
        recs = [r for r in recs if not interval(r.published) or interval(r.published)[0] <= interval(as_of)[0]]
    items = statement_items(recs, member_of)
    reports = status_reports(recs, member_of)
    facts = Facts(recs, member_of, reports, items, old_events(recs, member_of) if old is None else old, dates)
    out = []
    # the statements of the scope are grouped alike with or without the others (none meets them: see track_scope)
    for cluster in cluster_statements(items if scope is None else [i for i in items if (i.doc, "s:" + i.st.id) in scope]):
        first = next((i for i in cluster if i.st.kind in CLAIM_KINDS), None)
        if first is None:
            continue
        # the claim is read from its first article's fullest report: a quote before a paraphrase, a horizon
        own = [i for i in cluster if i.doc == first.doc and i.st.kind in CLAIM_KINDS]
        head = max(own, key=lambda i: (i.st.direct, tv(i.st.horizon) is not None, -i.order))
        out.append(_claim_row(head, [i for i in cluster if i is not head], facts, as_of))
    by_id = {(i.doc, i.st.id): i for i in items} if known else {}
    for h, rest in known:
        out.append(_claim_row(by_id[h], [by_id[r] for r in rest], facts, as_of))
    out.sort(key=lambda x: x[0])
    return [row for _, row in out]


def _claim_row(head: Any, rest: list, facts: Facts, as_of: str | None) -> tuple[int, ClaimRow]:
    outcome, decided = decide(head, rest, facts, as_of)
    horizon = next((tv(i.st.horizon) for i in [head, *rest] if tv(i.st.horizon)), None)
    hiv = next((interval(tv(i.st.horizon)) for i in [head, *rest] if interval(tv(i.st.horizon))), None)
    lids = frozenset(x for i in [head, *rest] for x in (*i.about, i.speaker) if x)
    claim = Claim("", head.doc, head.st.id, head.speaker, head.st.kind, horizon, outcome, decided,
                  tuple((i.doc, i.st.id) for i in rest))
    return head.order, ClaimRow((head.published, head.doc, _st_place(head)), (head.doc, "s:" + head.st.id), claim,
                                hiv[1].isoformat() if hiv else None, lids)


def groups(records: list[Record], member_of: MemberOf) -> list[Group]:
    """Duplicate reports across articles: events that are one act, statements that are one utterance."""
    return [row.group for row in group_rows(records, member_of)]


def group_rows(records: list[Record], member_of: MemberOf, *, events: set[tuple[str, str]] | None = None,
               items: set[tuple[str, str]] | None = None, keyed: list | None = None) -> list[GroupRow]:
    """The groups in their order with their keys (see :class:`GroupRow`); with ``events`` / ``items`` (sets of
    (article, "e:" event id) and (article, "s:" statement id)) only the groups whose first member is in them;
    ``keyed`` as for :func:`old_events`."""
    recs = _sorted(records)
    member_of = _check_member_of(member_of)
    out = []
    for (pub, doc, j), c in (event_clusters_keyed(recs, member_of) if keyed is None else keyed):
        first = (c[0][0].id, "e:" + c[0][1].id)
        if len({r.id for r, _ in c}) > 1 and (events is None or first in events):
            out.append(GroupRow((0, pub, doc, j), first, Group("event", tuple((r.id, v.id) for r, v in c))))
    for c in cluster_statements(statement_items(recs, member_of)):
        first = (c[0].doc, "s:" + c[0].st.id)
        if len({i.doc for i in c}) > 1 and (items is None or first in items):
            out.append(GroupRow((1, c[0].published, c[0].doc, _st_place(c[0])), first,
                                Group("statement", tuple((i.doc, i.st.id) for i in c))))
    return out
