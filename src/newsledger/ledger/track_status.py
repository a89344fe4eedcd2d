"""Status timelines: who was arrested, charged, freed, killed, appointed ... and since when.

Reports of a status come from events (a PLOVER sense and its trigger's words -> a status, taken by the
event's target or source, as ``data/lexicons/statuses.json`` says) and from statements that only say it
("On March 26, X was appointed ..."). Reports of one change (same person, same family of statuses, dates
that overlap) become one entry, dated by the most precise report; ``exchanged`` absorbs ``released``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import TrackError
from ..records import Event, Record, Statement
from .track_base import MemberOf, compatible, find_phrase, interval, ledger_id, lexicon, precision, stems, tv

__all__ = ["Rule", "rules", "status_meta", "match_event", "said_statuses", "StatusReport", "status_reports",
           "build_timelines"]

_BLOCKERS = {"not", "never", "n't", "will", "would", "could", "may", "might", "to", "if", "whether", "cannot"}


@dataclass(frozen=True)
class Rule:
    id: str
    events: tuple[tuple[str, str | None], ...]
    words: tuple[tuple[str, ...], ...]
    yields: str
    role: str
    types: tuple[str, ...]
    said: tuple[str, ...]
    examples: dict


@lru_cache(maxsize=1)
def status_meta() -> dict[str, dict[str, Any]]:
    """``statuses`` of statuses.json: family, rank and implied statuses of each status."""
    meta = lexicon("statuses").get("statuses")
    if not isinstance(meta, dict):
        raise TrackError("statuses.json lacks its 'statuses' object; fix the file")
    return meta


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The rules of statuses.json, checked and with their words stemmed."""
    out = []
    meta = status_meta()
    for r in lexicon("statuses").get("rules", []):
        try:
            rule = Rule(
                id=r["id"],
                events=tuple((e["type"], e.get("mode")) for e in r.get("events", [])),
                words=tuple(tuple(stems(w)) for w in r.get("words", [])),
                yields=r["yields"],
                role=r.get("role", "target"),
                types=tuple(r.get("types", ["PERSON"])),
                said=tuple(r.get("said", [])),
                examples=r.get("examples", {}),
            )
        except (KeyError, TypeError) as exc:
            raise TrackError(f"statuses.json rule {r!r} lacks {exc}; every rule needs id and yields") from None
        if rule.yields not in meta or rule.role not in ("target", "source"):
            raise TrackError(f"statuses.json rule {rule.id!r}: unknown status {rule.yields!r} or role {rule.role!r}; "
                             "statuses must be listed under 'statuses', roles are target or source")
        out.append(rule)
    return tuple(out)


def match_event(type_: str, mode: str | None, trigger: str) -> Rule | None:
    """The first rule whose PLOVER sense and trigger words fit; None when the event is no status change."""
    toks = stems(trigger)
    for rule in rules():
        if not any(t == type_ and (m is None or m == mode) for t, m in rule.events):
            continue
        if not rule.words or any(find_phrase(toks, w) >= 0 for w in rule.words):
            return rule
    return None


@dataclass(frozen=True)
class StatusReport:
    """One report that a ledger entity took a status."""

    entity: str
    status: str
    date: str | None
    doc: str
    published: str
    event: str | None = None
    statement: str | None = None
    derived: bool = False


def _etype(rec: Record) -> dict[str, str]:
    return {e.id: e.type for e in rec.entities}


def _event_reports(rec: Record, v: Event, member_of: MemberOf) -> list[StatusReport]:
    if v.status != "asserted":
        return []
    rule = match_event(v.type, v.mode, v.trigger.text)
    if rule is None:
        return []
    types = _etype(rec)
    date = tv(v.date)
    iv, ip = interval(date), interval(rec.published)
    if iv and ip and iv[0] > ip[1]:  # an asserted change cannot begin after the article: a misread date
        date = None
    who = v.target if rule.role == "target" else v.source
    out = []
    for e in who:
        lid = ledger_id(member_of, rec.id, e)
        if lid and types.get(e) in rule.types:
            out += _with_implied(StatusReport(lid, rule.yields, date, rec.id, rec.published or "", event=v.id))
    return out


def _with_implied(r: StatusReport) -> list[StatusReport]:
    implied = status_meta().get(r.status, {}).get("implies", [])
    return [r] + [StatusReport(r.entity, s, r.date, r.doc, r.published, r.event, r.statement, derived=True)
                  for s in implied]


def said_statuses(rec: Record, st: Statement) -> list[tuple[str, str, str | None]]:
    """(entity id, status, date) a factual statement says: an entity named just before a 'said' form of a rule
    ("Malashenka was appointed"), no negation or modal in front; the date is the nearest time in the content."""
    if st.kind != "claim":
        return []
    text = rec.text
    start, end = st.content.start, st.content.end
    body = text[start:end]
    types = _etype(rec)
    mentions = sorted((m.start, m.end, e.id) for e in rec.entities for m in e.mentions
                      if start <= m.start and m.end <= end)
    out = []
    for rule in rules():
        for form in rule.said:
            for m in re.finditer(r"\b" + r"\s+".join(map(re.escape, form.split())) + r"\b", body, re.IGNORECASE):
                at = start + m.start()
                before = [x for x in mentions if x[1] <= at and types.get(x[2]) in rule.types]
                if not before:
                    continue
                ms, me, eid = before[-1]
                gap = text[me:at]
                if len(gap) > 60 or re.search(r"[.;:!?]", gap) or set(stems(gap)) & _BLOCKERS:
                    continue
                times = [t for t in rec.times if start <= t.start and t.end <= end and t.type == "DATE"
                         and interval(t.value)]
                times.sort(key=lambda t: abs(t.start - at))
                out.append((eid, rule.yields, times[0].value if times else None))
    return out


def status_reports(records: list[Record], member_of: MemberOf) -> list[StatusReport]:
    """Every report of a status in the records (events first, then statements), in the records' order."""
    out: list[StatusReport] = []
    for rec in records:
        for v in rec.events:
            out += _event_reports(rec, v, member_of)
        for st in rec.statements:
            for eid, status, date in said_statuses(rec, st):
                lid = ledger_id(member_of, rec.id, eid)
                if lid:
                    out += _with_implied(StatusReport(lid, status, date, rec.id, rec.published or "", statement=st.id))
    return out


def _family(status: str) -> str:
    return status_meta().get(status, {}).get("family") or status


def _rank(status: str) -> int:
    return int(status_meta().get(status, {}).get("rank", 0))


def build_timelines(reports: list[StatusReport]) -> dict[str, list[tuple[str, StatusReport]]]:
    """Cluster reports into status changes: per entity and family, dates that overlap (three days' slack between
    two days) are one change; undated reports join the change of their family they can follow. Each change is
    (status, the report it rests on)."""
    by_key: dict[tuple[str, str], list[StatusReport]] = {}
    for r in reports:
        by_key.setdefault((r.entity, _family(r.status)), []).append(r)
    result: dict[str, list[tuple[str, StatusReport]]] = {}
    for (entity, _fam), reps in by_key.items():
        dated = sorted((r for r in reps if interval(r.date)), key=lambda r: (interval(r.date)[0], -precision(r.date)))
        clusters: list[list[StatusReport]] = []
        for r in dated:
            for c in clusters:
                if any(compatible(r.date, o.date, 3 if precision(r.date) == 0 == precision(o.date) else 0) for o in c):
                    c.append(r)
                    break
            else:
                clusters.append([r])
        for r in (r for r in reps if not interval(r.date)):
            fits = [c for c in clusters if any(o.published <= r.published for o in c)]
            if fits:
                fits[-1].append(r)
            elif clusters:
                clusters[0].append(r)
            else:
                clusters.append([r])
        entries = []
        for c in clusters:
            explicit = [r for r in c if not r.derived] or c
            status = max(Counter(r.status for r in explicit).items(),
                         key=lambda kv: (_rank(kv[0]), kv[1], -min(i for i, r in enumerate(explicit) if r.status == kv[0])))[0]
            best_prec = max(precision(r.date) for r in c)
            best = [r for r in c if precision(r.date) == best_prec]
            votes = Counter(r.date for r in best)
            top = max(votes.values())
            rests = min((r for r in best if votes[r.date] == top), key=lambda r: (r.derived, r.published, r.doc))
            if all(r.derived for r in c) and any(
                    not o.derived and o.status == status and (not interval(o.date) or not interval(rests.date)
                                                              or interval(o.date)[0] <= interval(rests.date)[1])
                    for o in reps):
                continue  # an implied status an explicit report already gives (convicted before the sentence)
            entries.append((status, rests))
        result.setdefault(entity, []).extend(entries)
    order = list(status_meta())
    far = interval("9999")
    for entries in result.values():
        entries.sort(key=lambda sr: ((interval(sr[1].date) or far)[0], order.index(sr[0]) if sr[0] in order else 99))
    return result
