"""Reports grouped across articles, and predictions and commitments checked against what happened.

Statements: two reports are one utterance when the speaker is the same ledger entity, the dates they give
fit, and the contents say the same (partial quotes and paraphrase: stems, entities as ledger ids,
rapidfuzz token-set ratio), or, for one speaker on one known date, name the same act (a predicate of
``data/lexicons/claims.json``) of the same participant. Bodies speaking for one side ("Minsk", "the foreign
ministry", an unnamed source) may report one position when the contents, participants and horizons agree.
Events: same PLOVER type (and mode), a shared participant, dates that contain each other.

Claims: a prediction's or commitment's predicates (release, charge, resign, hold talks, sign ...) and its
participants are looked for in the events and status reports of the same and later articles; the first
report of the act within the horizon fulfils it (or, for "will not resign", breaks it); a horizon passed
with none fails it, decided by the first article published after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..errors import TrackError
from ..records import Event, Record, Statement
from .track_base import (MemberOf, compatible, content_tokens, content_words, find_phrase, interval, ledger_id,
                         lexicon, similarity, stems, tv)
from .track_status import StatusReport

__all__ = ["Item", "statement_items", "cluster_statements", "event_clusters", "Predicate", "predicates", "decide"]

CLAIM_KINDS = ("prediction", "commitment")


# ------------------------------------------------------------------ statements as items

@dataclass
class Item:
    """A statement with what matching needs: its ledger speaker, participants, content tokens and dates."""

    rec: Record
    st: Statement
    order: int
    speaker: str | None
    speaker_body: bool
    about: frozenset[str]
    tokens: list[str]
    words: list[tuple[str, int]]
    concepts: frozenset[str] = field(default_factory=frozenset)

    @property
    def doc(self) -> str:
        return self.rec.id

    @property
    def date(self) -> str | None:
        return tv(self.st.date)

    @property
    def published(self) -> str:
        return self.rec.published or ""


def statement_items(records: list[Record], member_of: MemberOf) -> list[Item]:
    """Every statement of the records (already in publication order) as an Item."""
    items = []
    for rec in records:
        types = {e.id: e.type for e in rec.entities}
        for st in rec.statements:
            words = content_words(rec, st, member_of)
            about = {ledger_id(member_of, rec.id, a) for a in st.about}
            about |= {w[1:] for w, _ in words if w.startswith("@")}
            spk = ledger_id(member_of, rec.id, st.speaker)
            it = Item(rec, st, len(items), spk, st.speaker is None or types.get(st.speaker) != "PERSON",
                      frozenset(a for a in about if a and ":" not in a), content_tokens(rec, st, member_of), words)
            it.concepts = frozenset(p.id for p, _neg, _i in claim_predicates(words))
            items.append(it)
    return items


def _same_utterance(a: Item, b: Item) -> float:
    """How surely two statements are reports of one utterance (0: not)."""
    if a.doc == b.doc and a.st.id == b.st.id:
        return 0.0
    if not compatible(a.date, b.date):
        return 0.0
    sim = similarity(a.tokens, b.tokens)
    if a.speaker and a.speaker == b.speaker:
        if sim >= 0.6:
            return sim
        both_dated = interval(a.date) and interval(b.date)
        others_a, others_b = a.about - {a.speaker}, b.about - {b.speaker}
        if both_dated and a.concepts & b.concepts and (others_a & others_b or not others_a or not others_b):
            return 0.5  # one speaker, one day, one act of the same people: one utterance worded twice
        return 0.0
    # two bodies (or an unnamed source) speaking for one side: the same words, participants and horizon
    if (a.speaker_body or b.speaker_body) and a.st.kind in CLAIM_KINDS and b.st.kind in CLAIM_KINDS \
            and tv(a.st.horizon) and tv(a.st.horizon) == tv(b.st.horizon) \
            and ((sim >= 0.5 and a.about & b.about) or sim >= 0.8):
        return sim
    return 0.0


def cluster_statements(items: list[Item]) -> list[list[Item]]:
    """Reports of one utterance together, each cluster in publication order (greedy, best cluster first)."""
    clusters: list[list[Item]] = []
    by_key: dict[str, list[int]] = {}
    for it in items:
        keys = ({"S" + it.speaker} if it.speaker else set()) | {"A" + a for a in it.about}
        cands = {ci for k in keys for ci in by_key.get(k, ())}
        best, best_score = None, 0.0
        for ci in sorted(cands):
            c = clusters[ci]
            scores = [_same_utterance(o, it) for o in c]
            if max(scores) <= 0:
                continue
            if any(s <= 0 for o, s in zip(c, scores) if o.doc == it.doc):
                continue  # one article's two different statements stay apart
            if max(scores) > best_score:
                best, best_score = ci, max(scores)
        if best is None:
            clusters.append([it])
            best = len(clusters) - 1
        else:
            clusters[best].append(it)
        for k in keys:
            by_key.setdefault(k, []).append(best)
    return clusters


# ------------------------------------------------------------------ events

def _participants(rec: Record, v: Event, member_of: MemberOf) -> frozenset[str]:
    return frozenset(x for x in (ledger_id(member_of, rec.id, e) for e in (*v.source, *v.target)) if x)


def _exact_day(value: str | None) -> bool:
    iv = interval(value)
    return bool(iv and iv[0] == iv[1])


def event_clusters(records: list[Record], member_of: MemberOf) -> list[list[tuple[Record, Event]]]:
    """Asserted events of several articles that are one act: same type and mode, a shared participant (or, with
    no participants to compare, the same day), dates that contain each other (an undated one fits)."""
    clusters: list[list[tuple[Record, Event, frozenset[str]]]] = []
    for rec in records:
        for v in rec.events:
            if v.status != "asserted":
                continue
            parts = _participants(rec, v, member_of)
            target = frozenset(x for x in (ledger_id(member_of, rec.id, e) for e in v.target) if x)
            placed = False
            for c in clusters:
                ok = False
                for orec, ov, oparts in c:
                    if orec.id == rec.id or ov.type != v.type or (ov.mode or v.mode) and ov.mode != v.mode:
                        continue
                    if not compatible(tv(ov.date), tv(v.date)):
                        continue
                    otarget = frozenset(x for x in (ledger_id(member_of, orec.id, e) for e in ov.target) if x)
                    if target and otarget:
                        ok = bool(target & otarget)
                    elif parts & oparts:
                        ok = True
                    else:
                        ok = _exact_day(tv(ov.date)) and tv(ov.date) == tv(v.date)
                    if ok:
                        break
                if ok and all(orec.id != rec.id for orec, _, _ in c):
                    c.append((rec, v, parts))
                    placed = True
                    break
            if not placed:
                clusters.append([(rec, v, parts)])
    return [[(r, v) for r, v, _ in c] for c in clusters]


# ------------------------------------------------------------------ predicates

@dataclass(frozen=True)
class Predicate:
    id: str
    words: tuple[tuple[str, ...], ...]
    statuses: tuple[str, ...]
    events: tuple[tuple[str, str | None, tuple[tuple[str, ...], ...]], ...]
    role: str


@lru_cache(maxsize=1)
def predicates() -> tuple[Predicate, ...]:
    """The predicates of claims.json, checked and stemmed."""
    out = []
    for p in lexicon("claims").get("predicates", []):
        try:
            out.append(Predicate(
                id=p["id"], words=tuple(tuple(stems(w)) for w in p["words"]),
                statuses=tuple(p.get("statuses", [])),
                events=tuple((e["type"], e.get("mode"), tuple(tuple(stems(w)) for w in e.get("words", [])))
                             for e in p.get("events", [])),
                role=p.get("role", "any")))
        except (KeyError, TypeError) as exc:
            raise TrackError(f"claims.json predicate {p!r} lacks {exc}; every predicate needs id and words") from None
        if out[-1].role not in ("target", "source", "any"):
            raise TrackError(f"claims.json predicate {out[-1].id!r}: role must be target, source or any")
    return tuple(out)


@lru_cache(maxsize=1)
def _negations() -> frozenset[str]:
    return frozenset(stems(" ".join(lexicon("claims").get("negations", []))) + ["n't"])


def _negated(tok: str) -> bool:
    return tok in _negations() or tok.endswith("n't")


def claim_predicates(words: list[tuple[str, int]]) -> list[tuple[Predicate, bool, int]]:
    """The predicates a content names, each with whether it is negated (an odd number of negations before it
    in its sentence) and the index of its word."""
    toks = [w for w, _ in words]
    out = []
    for p in predicates():
        for w in p.words:
            i = find_phrase(toks, w)
            if i < 0:
                continue
            sent = words[i][1]
            negs = sum(1 for t, s in words[:i] if s == sent and _negated(t))
            out.append((p, negs % 2 == 1, i))
            break
    return out


def event_fits(p: Predicate, v: Event) -> bool:
    trig = stems(v.trigger.text)
    for t, m, ws in p.events:
        if v.type == t and (m is None or v.mode == m) and (not ws or any(
                any(tok.startswith(w[0]) for tok in trig) if len(w) == 1 else find_phrase(trig, w) >= 0 for w in ws)):
            return True
    return False


# ------------------------------------------------------------------ deciding a claim

@dataclass(frozen=True)
class Evidence:
    doc: str
    published: str
    key: str  # "event" or "statement"
    id: str
    date: str | None
    who: frozenset[str]


def _evidence_for(p: Predicate, roles: frozenset[str], records: list[Record], member_of: MemberOf,
                  reports: list[StatusReport], since: str, since_pub: str, skip: set[tuple[str, str]],
                  old_events: set[tuple[str, str]]) -> list[Evidence]:
    """Events and status reports of the act ``p`` on one of ``roles``' entities, made on or after ``since``."""
    out = []
    start = interval(since)
    for rec in records:
        if (rec.published or "") < since_pub:
            continue
        for v in rec.events:
            if v.status != "asserted" or (rec.id, v.id) in skip or not event_fits(p, v):
                continue
            src = {ledger_id(member_of, rec.id, e) for e in v.source}
            tgt = {ledger_id(member_of, rec.id, e) for e in v.target}
            who = tgt if p.role == "target" else src if p.role == "source" else src | tgt | {
                ledger_id(member_of, rec.id, v.location)}
            hit = frozenset(x for x in who if x) & roles
            if not hit:
                continue
            iv = interval(tv(v.date))
            if iv and start and iv[1] < start[0]:
                continue  # before the claim was made: what it was about, not what came of it
            if not iv and ((rec.published or "") <= since_pub or (rec.id, v.id) in old_events):
                continue
            out.append(Evidence(rec.id, rec.published or "", "event", v.id, tv(v.date), hit))
    for r in reports:
        if r.status not in p.statuses or r.entity not in roles or r.published < since_pub or r.derived:
            continue
        if (r.doc, r.event or r.statement or "") in skip:
            continue
        iv = interval(r.date)
        if (iv and start and iv[1] < start[0]) or (not iv and r.published <= since_pub):
            continue
        key, id_ = ("event", r.event) if r.event else ("statement", r.statement)
        out.append(Evidence(r.doc, r.published, key, id_ or "", r.date, frozenset({r.entity})))
    out.sort(key=lambda e: (e.published, e.doc))
    return out


@lru_cache(maxsize=1)
def _unkept() -> re.Pattern:
    try:
        return re.compile(lexicon("claims")["unkept"], re.IGNORECASE)
    except (KeyError, re.error) as exc:
        raise TrackError(f"claims.json 'unkept' is missing or not a regular expression ({exc}); fix the file") from None


def said_unkept(claim: Item, cluster: list[Item], items: list[Item]) -> Item | None:
    """The first later report of the claim (one of its reports, or a statement much like it) followed by a plain
    sentence that it did not happen ("... would be home before the holidays. She was not.")."""
    mine = {(i.doc, i.st.id) for i in cluster}
    for it in items:
        if it.published <= claim.published:
            continue
        if (it.doc, it.st.id) not in mine and similarity(it.tokens, claim.tokens) < 0.4:
            continue
        text = it.rec.text
        start, end = it.st.content.start, it.st.content.end
        # sentence ends inside the content, and the first one at or after its end
        ends = [start + m.end() for m in re.finditer(r"[.;!?]['\"\u201d\u2019]?(?=\s)", text[start:end + 160])]
        inside = [e for e in ends if e < end]
        after = [e for e in ends if e >= end][:1]
        if any(_unkept().match(text[e:e + 60]) for e in inside + after) or _unkept().match(text[end:end + 60]):
            return it
    return None


def decide(claim: Item, cluster: list[Item], records: list[Record], member_of: MemberOf,
           reports: list[StatusReport], as_of: str | None, old_events: set[tuple[str, str]],
           items: list[Item] = (),
           ) -> tuple[str, dict[str, Any] | None]:
    """(outcome, decided_by) of a claim as of ``as_of``."""
    since = claim.date or claim.rec.published or ""
    since_pub = claim.published
    horizon = next((tv(i.st.horizon) for i in [claim, *cluster] if interval(tv(i.st.horizon))), None)
    hiv = interval(horizon)
    now = interval(as_of)
    passed = bool(hiv and now and hiv[1] < now[0])
    skip = {(i.doc, i.st.id) for i in cluster}
    persons = set()
    for i in [claim, *cluster]:
        types = {e.id: e.type for e in i.rec.entities}
        persons |= {ledger_id(member_of, i.doc, e) for e in i.st.about if types.get(e) == "PERSON"}
    about = frozenset(a for i in [claim, *cluster] for a in i.about)
    preds = claim_predicates(claim.words)
    results = []  # (predicate, negated, evidence within horizon, covered entities)
    for p, neg, at in preds:
        # the act is done to the people the claim names where it names any ("Karpovich, a Belarusian, will be freed")
        roles = ((persons & about or about) - {claim.speaker}) if p.role == "target" else about | (
            {claim.speaker} if claim.speaker and claim.st.kind == "commitment" else set())
        ev = _evidence_for(p, frozenset(roles), records, member_of, reports, since, since_pub, skip, old_events)
        within = [e for e in ev if not (hiv and interval(e.date) and interval(e.date)[0] > hiv[1])]
        covered = set().union(*(e.who for e in within)) if within else set()
        results.append((p, neg, within, covered, roles, at))
    positive = [r for r in results if not r[1]]
    negative = [r for r in results if r[1]]
    unkept = said_unkept(claim, cluster, items)
    for p, _neg, within, _cov, _roles, _at in negative:
        if within:
            e = within[0]
            return "failed", {"doc": e.doc, e.key: e.id}
    done = [r for r in positive if r[2]]
    if unkept is not None and not (done and min(r[2][0].published for r in done) < unkept.published):
        return "failed", {"doc": unkept.doc, "statement": unkept.st.id}
    if done:
        first = min((r[2][0] for r in done), key=lambda e: (e.published, e.doc))
        target_persons = {x for r in done if r[0].role == "target" for x in r[4] if x in persons}
        covered = set().union(*(r[3] for r in done))
        toks = [w for w, _ in claim.words]

        def joined(i: int, j: int) -> bool:  # two acts promised side by side ("meet on Monday and sign by Friday")
            return "and" in toks[min(i, j):max(i, j)]

        undone = [r for r in positive if not r[2]]
        partial = (any(joined(d[5], u[5]) for d in done for u in undone)
                   or (len(target_persons) >= 2 and not target_persons <= covered))
        if partial and (passed or not hiv):
            return "partly", {"doc": first.doc, first.key: first.id}
        if not partial:
            return "fulfilled", {"doc": first.doc, first.key: first.id}
    if passed:
        after = sorted((r for r in records if interval(r.published) and interval(r.published)[0] > hiv[1]),
                       key=lambda r: (r.published, r.id))
        if after:
            return ("fulfilled" if negative and not positive else "failed"), {"doc": after[0].id}
    return "pending", None
