"""Status timelines: who was arrested, charged, freed, killed, appointed ... and since when.

Reports of a status come from events (a PLOVER sense and its trigger's words -> a status, taken by the
event's target or source, as ``data/lexicons/statuses.json`` says) and from statements that only say it
("On March 26, X was appointed ..."). Reports of one change (same person, same family of statuses, dates
that overlap) become one entry, dated by the most precise report; ``exchanged`` absorbs ``released``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import TrackError
from ..records import Event, Record
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
    said_active: tuple[str, ...]
    said_possessive: tuple[str, ...]
    examples: dict
    weak: bool = False


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
                said_active=tuple(r.get("said_active", [])),
                said_possessive=tuple(r.get("said_possessive", [])),
                weak=bool(r.get("weak", False)),
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
    weak: bool = False


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
            out += _with_implied(StatusReport(lid, rule.yields, date, rec.id, rec.published or "", event=v.id,
                                              weak=rule.weak))
    return out


def _with_implied(r: StatusReport) -> list[StatusReport]:
    implied = status_meta().get(r.status, {}).get("implies", [])
    return [r] + [StatusReport(r.entity, s, r.date, r.doc, r.published, r.event, r.statement, derived=True)
                  for s in implied]


@lru_cache(maxsize=1)
def _said_pattern() -> tuple[re.Pattern, dict[str, tuple[Rule, str]]]:
    """One regular expression for every 'said', 'said_active' and 'said_possessive' form, and what each means."""
    forms: dict[str, tuple[Rule, str]] = {}
    for rule in rules():
        for mode, words in (("passive", rule.said), ("active", rule.said_active), ("possessive", rule.said_possessive)):
            for form in words:
                forms.setdefault(" ".join(form.lower().split()), (rule, mode))
    return re.compile(said_alternation(sorted(forms, key=len, reverse=True)), re.IGNORECASE), forms


def said_alternation(alts: list[str], factor: bool = True) -> str:
    """``\\b(?:form|form|...)\\b`` for the forms in this order (their words apart by any white space). ``factor``:
    the forms grouped by their first letter, ``\\b(?:a(?:rrested|cquitted)|w(?:as freed|ere freed))\\b``, which
    finds the same matches (forms of two first letters never match at one place, and a group keeps its forms'
    order) with one test of a letter where the plain alternation tried every form at every word (issue 13: that
    was a tenth of storing an article). Only for first letters a-z and 0-9, whose case-insensitive classes are
    disjoint; any other form keeps the plain alternation."""
    if not alts:
        return r"(?!)"
    escaped = [r"\s+".join(map(re.escape, f.split())) for f in alts]
    if not factor or not all(f[:1] in _FACTORABLE for f in alts):
        return r"\b(?:" + "|".join(escaped) + r")\b"
    groups: dict[str, list[str]] = {}
    for e in escaped:
        groups.setdefault(e[0], []).append(e[1:])
    return r"\b(?:" + "|".join(first + "(?:" + "|".join(rests) + ")" for first, rests in groups.items()) + r")\b"


_FACTORABLE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


# before "her release": she was not freed, it was asked for, promised or expected
_FOR_IT = frozenset(stems("for demand call urge press seek secure negotiate want await expect ask hope plan win obtain "
                          "guarantee promise pledge vow will would to push campaign fight make"))
_POSSESSOR = re.compile(r"^(?:['\u2019]s?)?\s+$")
_POSSESSIVE_PRONOUNS = {"his", "her", "their", "its"}


_CONJ = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)$")
_SENT_END = re.compile(r"[.!?]['\"\u201d\u2019]?\s+|\n\s*\n")


def said_statuses(rec: Record) -> list[tuple[str, str, str | None, str | None, bool]]:
    """(entity id, status, date, statement id) the text says outright: an entity named just before a 'said' form
    ("Ramos was appointed") or just after a 'said_active' one ("members re-elected Ramirez"), with no
    negation or modal between; in the article's own voice or in a factual statement (not in a prediction,
    demand or denial); or a possessor just before a 'said_possessive' noun ("since his appointment on
    Wednesday"; not "demanded her release"), a weak report. The date is the nearest resolved date in the
    sentence. Returns (entity id, status, date, statement id, weak)."""
    text = rec.text
    pattern, forms = _said_pattern()
    out: list[tuple[str, str, str | None, str | None, bool]] = []
    found = list(pattern.finditer(text))
    if not found:  # no status form in the text: nothing else to read (issue 13: this runs for every article stored)
        return out
    types = _etype(rec)
    mentions = sorted((m.start, m.end, e.id) for e in rec.entities for m in e.mentions)
    starts = [0] + [m.end() for m in _SENT_END.finditer(text)]
    for m in found:
        rule, mode = forms[" ".join(m.group(0).lower().split())]
        active = mode == "active"
        s0 = starts[bisect_right(starts, m.start()) - 1]
        s1 = starts[bisect_right(starts, m.start())] if bisect_right(starts, m.start()) < len(starts) else len(text)
        st = next((x for x in rec.statements if x.content.start <= m.start() < x.content.end), None)
        if st is not None and st.kind != "claim":
            continue
        if mode == "possessive":  # "his appointment on Wednesday", "Quispe's death"
            cands = [x for x in mentions if s0 <= x[0] and x[1] <= m.start() and types.get(x[2]) in rule.types
                     and _POSSESSOR.match(text[x[1]:m.start()])
                     and (text[x[1]:m.start()].strip() or text[x[0]:x[1]].lower() in _POSSESSIVE_PRONOUNS)]
            cands = cands[-1:]
            if not cands or set(stems(text[max(s0, cands[0][0] - 30):cands[0][0]])) & _FOR_IT:
                continue
            gap = ""
        elif active:
            cands = [x for x in mentions if m.end() <= x[0] <= m.end() + 2 and types.get(x[2]) in rule.types]
            cands = cands[:1]
            gap = ""
            for x in mentions:  # "acquitted A and B"
                if cands and x[0] > cands[-1][1] and _CONJ.match(text[cands[-1][1]:x[0]]) and types.get(x[2]) in rule.types:
                    cands.append(x)
        else:
            before = [x for x in mentions if s0 <= x[0] and x[1] <= m.start() and types.get(x[2]) in rule.types]
            cands = before[-1:]
            gap = text[cands[0][1]:m.start()] if cands else ""
            for x in reversed(before[:-1]):  # "A and B were acquitted"
                if _CONJ.match(text[x[1]:cands[0][0]]):
                    cands.insert(0, x)
                elif x[1] <= cands[0][0]:
                    break
        if not cands or len(gap) > 100 or re.search(r"[;:]", gap) or set(stems(gap)) & _BLOCKERS:
            continue
        if mode != "possessive" and set(stems(text[max(s0, m.start() - 12):m.start()])) & _BLOCKERS:
            continue  # "will be freed", "not released"
        times = [t for t in rec.times if s0 <= t.start and t.end <= s1 and t.type == "DATE" and interval(t.value)]
        # "was sworn in on Tuesday": the first date after a passive form, else the nearest before it; an active
        # form ("a court on Thursday acquitted X, whose arrest in September ...") the other way round
        after = sorted((t for t in times if t.start >= m.end()), key=lambda t: t.start)
        before_t = sorted((t for t in times if t.start < m.end()), key=lambda t: -t.start)
        when = ((before_t or after) if active else (after or before_t) or [None])[0] if times else None
        if mode == "possessive":  # only a time that follows the noun at once: "his arrest in June"
            when = next((t for t in after if re.fullmatch(r"\s+(?:on|in|of|at)?\s*", text[m.end():t.start])), None)
        for c in cands:
            out.append((c[2], rule.yields, when.value if when else None, st.id if st else None, mode == "possessive"))
    return out


def status_reports(records: list[Record], member_of: MemberOf) -> list[StatusReport]:
    """Every report of a status in the records (events first, then what the text says), in the records' order."""
    out: list[StatusReport] = []
    for rec in records:
        for v in rec.events:
            out += _event_reports(rec, v, member_of)
        for eid, status, date, sid, weak in said_statuses(rec):
            lid = ledger_id(member_of, rec.id, eid)
            if lid:
                out += _with_implied(StatusReport(lid, status, date, rec.id, rec.published or "", statement=sid,
                                                  weak=weak))
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
            explicit = [r for r in c if not r.derived and not r.weak] or [r for r in c if not r.derived] or c
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
