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
from bisect import bisect_right
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
        # one speaker's reports meet through the speaker; bodies speaking for one side through the horizon
        keys = ({"S" + it.speaker} if it.speaker else set()) | (
            {"H" + tv(it.st.horizon)} if tv(it.st.horizon) and it.st.kind in CLAIM_KINDS else set())
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


def _fits(v: Event, target: frozenset[str], parts: frozenset[str], ov: Event, otarget: frozenset[str],
          oparts: frozenset[str]) -> bool:
    if ov.type != v.type or ((ov.mode or v.mode) and ov.mode != v.mode) or not compatible(tv(ov.date), tv(v.date)):
        return False
    if target and otarget:
        return bool(target & otarget)
    if parts & oparts:
        return True
    return _exact_day(tv(ov.date)) and tv(ov.date) == tv(v.date)


def event_clusters(records: list[Record], member_of: MemberOf) -> list[list[tuple[Record, Event]]]:
    """Asserted events of several articles that are one act: same type and mode, a shared participant (or, with
    no participants to compare, the same day), dates that contain each other (an undated one fits). A bare
    mention (no target, no date) joins the act its own article reports with the same type and mode.
    Candidates are found through an index on (type, mode, participant) and (type, mode, day), so the cost
    of an event does not grow with the number of unrelated ones."""
    clusters: list[list[tuple[Record, Event, frozenset[str], frozenset[str]]]] = []
    index: dict[tuple, list[int]] = {}

    def keys(v: Event, parts: frozenset[str]) -> set[tuple]:
        out = {(v.type, v.mode, "P", p) for p in parts}
        if _exact_day(tv(v.date)):
            out.add((v.type, v.mode, "D", tv(v.date)))
        return out

    for rec in records:
        evs = [v for v in rec.events if v.status == "asserted"]
        bare = [v for v in evs if not v.target and not interval(tv(v.date))]
        placed_here: dict[tuple[str, str | None], int] = {}
        for v in [v for v in evs if v not in bare] + bare:
            parts = _participants(rec, v, member_of)
            target = frozenset(x for x in (ledger_id(member_of, rec.id, e) for e in v.target) if x)
            best = None
            if v in bare and (v.type, v.mode) in placed_here:
                best = placed_here[(v.type, v.mode)]
            else:
                for ci in sorted({ci for k in keys(v, parts) for ci in index.get(k, ())}):
                    c = clusters[ci]
                    if any(orec.id == rec.id for orec, *_ in c):
                        continue
                    if any(_fits(v, target, parts, ov, ot, op) for _, ov, ot, op in c):
                        best = ci
                        break
            if best is None:
                clusters.append([])
                best = len(clusters) - 1
            clusters[best].append((rec, v, target, parts))
            placed_here.setdefault((v.type, v.mode), best)
            for k in keys(v, parts):
                index.setdefault(k, []).append(best)
    return [[(r, v) for r, v, _, _ in c] for c in clusters]


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

    def ref(self) -> dict[str, str]:
        """decided_by: the article, and the event or statement in it (none for the article's own voice)."""
        return {"doc": self.doc, self.key: self.id} if self.key else {"doc": self.doc}


class Facts:
    """What claims are checked against, indexed once per call by ledger entity: asserted events (by participant
    and place), status reports, statements (by speaker and by what they are about) and the articles' dates."""

    def __init__(self, records: list[Record], member_of: MemberOf, reports: list[StatusReport],
                 items: list[Item], old_events: set[tuple[str, str]]) -> None:
        self.records = records
        self.member_of = member_of
        self.old_events = old_events
        self.events: dict[str, list[tuple[Record, Event]]] = {}
        for rec in records:
            for v in rec.events:
                if v.status == "asserted":
                    for lid in {ledger_id(member_of, rec.id, e) for e in (*v.source, *v.target, v.location)} - {None}:
                        self.events.setdefault(lid, []).append((rec, v))
        self.docs: dict[str, list[Record]] = {}
        for rec in records:
            for lid in {ledger_id(member_of, rec.id, e.id) for e in rec.entities} - {None}:
                self.docs.setdefault(lid, []).append(rec)
        self.reports: dict[str, list[StatusReport]] = {}
        for r in reports:
            if not r.derived:
                self.reports.setdefault(r.entity, []).append(r)
        self.items: dict[str, list[Item]] = {}
        for it in items:
            for k in ({"S" + it.speaker} if it.speaker else set()) | {"A" + a for a in it.about}:
                self.items.setdefault(k, []).append(it)
        dated = sorted((interval(r.published)[0], r.published, r.id) for r in records if interval(r.published))
        self.after = dated
        self.after_days = [d for d, _, _ in dated]

    def first_after(self, day) -> str | None:
        """The first article published after ``day``."""
        i = bisect_right(self.after_days, day)
        return self.after[i][2] if i < len(self.after) else None

    def evidence(self, p: Predicate, roles: frozenset[str], since: str, since_pub: str,
                 skip: set[tuple[str, str]]) -> list[Evidence]:
        """Events and status reports of the act ``p`` on one of ``roles``' entities, made on or after ``since``."""
        out = []
        start = interval(since)
        seen = set()
        m = self.member_of
        for lid in sorted(roles):
            for rec, v in self.events.get(lid, ()):
                if (rec.id, v.id) in seen or (rec.published or "") < since_pub or (rec.id, v.id) in skip \
                        or not event_fits(p, v):
                    continue
                seen.add((rec.id, v.id))
                src = {ledger_id(m, rec.id, e) for e in v.source}
                tgt = {ledger_id(m, rec.id, e) for e in v.target}
                who = tgt if p.role == "target" else src if p.role == "source" else src | tgt | {
                    ledger_id(m, rec.id, v.location)}
                hit = frozenset(x for x in who if x) & roles
                if not hit:
                    continue
                iv = interval(tv(v.date))
                if iv and start and iv[1] < start[0]:
                    continue  # before the claim was made: what it was about, not what came of it
                if not iv and ((rec.published or "") <= since_pub or (rec.id, v.id) in self.old_events):
                    continue
                out.append(Evidence(rec.id, rec.published or "", "event", v.id, tv(v.date), hit))
            for r in self.reports.get(lid, ()):
                if r.status not in p.statuses or r.published < since_pub:
                    continue
                if (r.doc, r.event or r.statement or "") in skip:
                    continue
                iv = interval(r.date)
                if (iv and start and iv[1] < start[0]) or (not iv and r.published <= since_pub):
                    continue
                key, id_ = ("event", r.event) if r.event else ("statement", r.statement) if r.statement else ("", "")
                out.append(Evidence(r.doc, r.published, key, id_, r.date, frozenset({r.entity})))
        out.sort(key=lambda e: (e.published, e.doc))
        return out

    def related(self, claim: Item) -> list[Item]:
        """Statements that share the claim's speaker or one of its participants, in publication order."""
        keys = ({"S" + claim.speaker} if claim.speaker else set()) | {"A" + a for a in claim.about}
        found = {id(i): i for k in keys for i in self.items.get(k, ())}
        return sorted(found.values(), key=lambda i: i.order)


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
    for it in sorted({id(i): i for i in [*cluster, *items]}.values(), key=lambda i: i.order):
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


_PLANNED = frozenset(stems("will would could may might shall should must expect expected plan planned due scheduled "
                           "promise promised pledge pledged vow vowed predict hope want aim intend if whether "
                           "said says told announced"))


def said_done(claim: Item, facts: Facts, since: str, hiv) -> tuple[Record, str | None] | None:
    """The first sentence of a later article that tells as done what the claim said would be done: it carries
    most of the claim's words (stems, entities as ledger ids; at least two that are no names), speaks of no
    plan, promise or speech (no will/would/expected/promised/said ...) and no negation, and any date it gives
    falls after the claim was made. Returns the article and the date the sentence gives."""
    ctoks = {t for t in claim.tokens if not _negated(t)}
    words = {t for t in ctoks if not t.startswith("@") and not t.isdigit()}
    if len(words) < 2 or len(ctoks) < 3:
        return None
    start = interval(since)
    seen = set()
    keys = sorted(claim.about | ({claim.speaker} if claim.speaker else set()))
    for rec in sorted({r.id: r for k in keys for r in facts.docs.get(k, ())}.values(),
                      key=lambda r: (r.published or "", r.id)):
        if (rec.published or "") <= claim.published or rec.id in seen:
            continue
        seen.add(rec.id)
        text = rec.text
        starts = [0] + [m.end() for m in _SENT_END.finditer(text)] + [len(text)]
        marks = sorted((m.start, m.end, "@" + (ledger_id(facts.member_of, rec.id, e.id) or "?"))
                       for e in rec.entities for m in e.mentions)
        for s0, s1 in zip(starts, starts[1:]):
            raw = stems(text[s0:s1])
            if not raw or set(raw) & _PLANNED or any(_negated(t) for t in raw):
                continue
            toks = set(raw) | {tok for ms, me, tok in marks if s0 <= ms and me <= s1}
            shared = ctoks & toks
            if len(shared) < 3 or len(shared & words) < 2 or len(shared) < 0.5 * len(ctoks):
                continue
            times = [t for t in rec.times if s0 <= t.start and t.end <= s1 and t.type == "DATE" and interval(t.value)]
            when = times[0].value if times else None
            iv = interval(when)
            if iv and start and iv[1] < start[0]:
                continue
            if iv and hiv and iv[0] > hiv[1]:
                continue  # done, but too late to keep the claim: the horizon decides
            return rec, when
    return None


_SENT_END = re.compile(r"[.!?]['\"\u201d\u2019]?\s+|\n\s*\n")


def decide(claim: Item, cluster: list[Item], facts: Facts, as_of: str | None) -> tuple[str, dict[str, Any] | None]:
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
        persons |= {ledger_id(facts.member_of, i.doc, e) for e in i.st.about if types.get(e) == "PERSON"}
    about = frozenset(a for i in [claim, *cluster] for a in i.about)
    preds = claim_predicates(claim.words)
    results = []  # (predicate, negated, evidence within horizon, covered entities)
    for p, neg, at in preds:
        # the act is done to the people the claim names where it names any ("Karpovich, a Belarusian, will be freed")
        # (or, for a speaker's own commitment about no one else, to the speaker: "he would stand for re-election")
        roles = (((persons & about or about) - {claim.speaker}) or (
            {claim.speaker} if claim.speaker and claim.st.kind == "commitment" else set())
        ) if p.role == "target" else about | (
            {claim.speaker} if claim.speaker and claim.st.kind == "commitment" else set())
        ev = facts.evidence(p, frozenset(roles), since, since_pub, skip)
        within = [e for e in ev if not (hiv and interval(e.date) and interval(e.date)[0] > hiv[1])]
        covered = set().union(*(e.who for e in within)) if within else set()
        results.append((p, neg, within, covered, roles, at))
    positive = [r for r in results if not r[1]]
    negative = [r for r in results if r[1]]
    unkept = said_unkept(claim, cluster, facts.related(claim))
    for p, _neg, within, _cov, _roles, _at in negative:
        if within:
            e = within[0]
            return "failed", e.ref()
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
            return "partly", first.ref()
        if not partial:
            return "fulfilled", first.ref()
    told = said_done(claim, facts, since, hiv) if not negative else None
    if told is not None and not (unkept is not None and unkept.published < (told[0].published or "")):
        iv = interval(told[1]) or interval(told[0].published)
        if not (hiv and iv and iv[0] > hiv[1]):
            return "fulfilled", {"doc": told[0].id}
    if passed:
        after = facts.first_after(hiv[1])
        if after:
            return ("fulfilled" if negative and not positive else "failed"), {"doc": after}
    return "pending", None
