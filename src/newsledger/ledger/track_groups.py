"""Reports of one act or one utterance across articles, and what a statement's words say will be done.

Statements: two reports are one utterance when the speaker is the same ledger entity, the dates they give
fit, and the contents say the same (partial quotes and paraphrase: stems, entities as ledger ids,
rapidfuzz token-set ratio), or, for one speaker on one known date, name the same act (a predicate of
``data/lexicons/claims.json``) of the same people. Bodies speaking for one side ("Minsk", "the foreign
ministry", an unnamed source) report one position when the contents and horizons agree.
Events: same PLOVER type (and mode), a shared participant, dates that contain each other. An act dated before
its article but named in a future or hypothetical clause ("will establish who is responsible for the killing
on May 2") is that reported act: it joins a group, never starts one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import TrackError
from ..records import Event, Record, Statement
from .track_base import (MemberOf, compatible, content_tokens, content_words, find_phrase, interval, ledger_id,
                         lexicon, similarity, stems, tv)

__all__ = ["CLAIM_KINDS", "Item", "statement_items", "cluster_statements", "event_clusters", "event_clusters_keyed",
           "event_order", "Predicate",
           "predicates", "claim_predicates", "event_fits", "negated"]

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
    act: frozenset[str] = field(default_factory=frozenset)  # what is said to be done: no times, no stop words

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
            c0, c1 = st.content.start, st.content.end
            named = [e.id for e in rec.entities if any(c0 <= m.start and m.end <= c1 for m in e.mentions)]
            about = {ledger_id(member_of, rec.id, a) for a in (*st.about, *named)} - {None}
            spk = ledger_id(member_of, rec.id, st.speaker)
            it = Item(rec, st, len(items), spk, st.speaker is None or types.get(st.speaker) != "PERSON",
                      frozenset(about), content_tokens(rec, st, member_of, words), words)
            it.concepts = frozenset(p.id for p, _neg, _i in claim_predicates(words))
            if st.kind in CLAIM_KINDS:
                it.act = frozenset(content_tokens(rec, st, member_of, content_words(rec, st, member_of, skip_times=True)))
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


def _signature(it: Item) -> tuple:
    """All that :func:`_same_utterance` reads of an item but its identity: two items with one signature score the
    same against any third (the identity test only ever spares an item compared with itself)."""
    return (it.date, tuple(it.tokens), it.speaker, it.speaker_body, it.about, it.concepts, it.st.kind,
            tv(it.st.horizon))


def cluster_statements(items: list[Item]) -> list[list[Item]]:
    """Reports of one utterance together, each cluster in publication order (greedy, best cluster first)."""
    clusters: list[list[Item]] = []
    kinds: list[dict[tuple, Item]] = []  # each cluster's members by what _same_utterance reads of them
    by_doc: list[dict[str, list[Item]]] = []  # and by article
    by_key: dict[str, set[int]] = {}
    for it in items:
        # one speaker's reports meet through a word or an act they share (an index, so a prolific speaker's
        # statements are not all compared with each other); bodies speaking for one side through the horizon
        keys = ({f"S{it.speaker}|{t}" for t in {*it.tokens, *("#" + c for c in it.concepts)}} if it.speaker
                else set()) | ({"H" + tv(it.st.horizon)} if tv(it.st.horizon) and it.st.kind in CLAIM_KINDS else set())
        cands = {ci for k in keys for ci in by_key.get(k, ())}
        best, best_score = None, 0.0
        sig = _signature(it)
        for ci in sorted(cands):
            # members that read alike score alike: one comparison per distinct reading, not one per copy (a story
            # copied by many outlets is one reading), and each member of the item's own article on its own
            top = max(_same_utterance(o, it) for o in kinds[ci].values())
            if top <= 0:
                continue
            if any(_same_utterance(o, it) <= 0 for o in by_doc[ci].get(it.doc, ())):
                continue  # one article's two different statements stay apart
            if top > best_score:
                best, best_score = ci, top
        if best is None:
            clusters.append([it])
            kinds.append({sig: it})
            by_doc.append({})
            best = len(clusters) - 1
        else:
            clusters[best].append(it)
            kinds[best].setdefault(sig, it)
        by_doc[best].setdefault(it.doc, []).append(it)
        for k in keys:
            by_key.setdefault(k, set()).add(best)
    return clusters


# ------------------------------------------------------------------ events

def _participants(rec: Record, v: Event, member_of: MemberOf) -> frozenset[str]:
    return frozenset(x for x in (ledger_id(member_of, rec.id, e) for e in (*v.source, *v.target)) if x)


def _exact_day(value: str | None) -> bool:
    iv = interval(value)
    return bool(iv and iv[0] == iv[1])


def _before(date: str | None, published: str | None) -> bool:
    """Whether a dated act ended before the article reporting it was published (so it is no future act)."""
    iv, pub = interval(date), interval(published)
    return bool(iv and pub and iv[1] < pub[0])


def _day_after(value: str | None) -> str | None:
    iv = interval(value)
    return (iv[1] + dt.timedelta(days=1)).isoformat() if iv else None


def _fits(v: Event, target: frozenset[str], parts: frozenset[str], ov: Event, otarget: frozenset[str],
          oparts: frozenset[str], named_past: bool = False) -> bool:
    # modes must agree where both are known: a report that gives none ("hurt") may be the act another names
    # more precisely ("wounded by a rock")
    if ov.type != v.type or (ov.mode and v.mode and ov.mode != v.mode):
        return False
    if named_past:  # a past act named in a future clause may carry the clause's date: it fits an act before it,
        # told by the people it was done to
        return bool(target & otarget) and (not interval(tv(ov.date)) or _before(tv(ov.date), _day_after(tv(v.date))))
    if not compatible(tv(ov.date), tv(v.date)):
        return False
    if target and otarget:
        return bool(target & otarget)
    if parts & oparts:
        return True
    return _exact_day(tv(ov.date)) and tv(ov.date) == tv(v.date)


#: Look up an event with a target only among the clusters it can fit (False: through the wide index, as a
#: reference for tests).
_NARROW = True


def event_clusters(records: list[Record], member_of: MemberOf) -> list[list[tuple[Record, Event]]]:
    """Asserted events of several articles that are one act (see :func:`event_clusters_keyed`)."""
    return [c for _k, c in event_clusters_keyed(records, member_of)]


def event_order(rec: Record) -> list[Event]:
    """The order :func:`event_clusters_keyed` places an article's events in: dated acts first, then undated acts with
    people, acts dated only vaguely, bare mentions, and past acts named in a future or hypothetical clause."""
    evs = [v for v in rec.events if v.status == "asserted"]
    bare = [v for v in evs if not v.target and not interval(tv(v.date))]
    vague = [v for v in evs if v not in bare and not v.source and not v.target and not _exact_day(tv(v.date))]
    past = [v for v in rec.events if v.status in ("future", "hypothetical") and _before(tv(v.date), rec.published)]
    unnamed = [v for v in evs if v not in bare and v not in vague and not interval(tv(v.date))]
    dated = [v for v in evs if v not in bare and v not in vague and v not in unnamed]
    return dated + unnamed + vague + bare + past


def event_clusters_keyed(records: list[Record], member_of: MemberOf
                         ) -> list[tuple[tuple[str, str, int], list[tuple[Record, Event]]]]:
    """Asserted events of several articles that are one act: same type and mode (or a mode one leaves unknown), a
    shared participant (or, with
    no participants to compare, the same day), dates that contain each other (an undated one fits). A bare
    mention (no target, no date) joins the act its own article reports with the same type and mode.
    Candidates are found through an index on (type, participant) and (type, day), so the cost
    of an event does not grow with the number of unrelated ones."""
    clusters: list[list[tuple[Record, Event, frozenset[str], frozenset[str]]]] = []
    index: dict[tuple, list[int]] = {}
    # The clusters an event WITH a target can fit (see _fits): one of whose members shares a target with it,
    # or has no target and shares a participant or the exact day. Looking only there keeps a body that acts on
    # thousands of different people from comparing each new act with all its earlier ones (same result: the
    # clusters left out could never fit).
    narrow: dict[tuple, list[int]] = {}

    def narrow_keys(v: Event, target: frozenset[str], parts: frozenset[str]) -> set[tuple]:
        if target:
            return {(v.type, "T", t) for t in target}
        out = {(v.type, "F", p) for p in parts}
        if _exact_day(tv(v.date)):
            out.add((v.type, "FD", tv(v.date)))
        return out

    def narrow_lookup(v: Event, target: frozenset[str], parts: frozenset[str]) -> set[int]:
        ks = {(v.type, "T", t) for t in target} | {(v.type, "F", p) for p in parts}
        if _exact_day(tv(v.date)):
            ks.add((v.type, "FD", tv(v.date)))
        return {ci for k in ks for ci in narrow.get(k, ())}

    def keys(v: Event, parts: frozenset[str]) -> set[tuple]:
        out = {(v.type, "P", p) for p in parts}  # not the mode: an unknown mode fits a known one
        if _exact_day(tv(v.date)):
            out.add((v.type, "D", tv(v.date)))
        return out

    made: list[tuple[str, str, int]] = []  # each cluster's key: (published, article, place in event_order)
    for rec in records:
        evs = [v for v in rec.events if v.status == "asserted"]
        bare = [v for v in evs if not v.target and not interval(tv(v.date))]
        # no one named and only a week or a month ("the strike ... last week"): the act its own article dates
        vague = [v for v in evs if v not in bare and not v.source and not v.target and not _exact_day(tv(v.date))]
        past = [v for v in rec.events if v.status in ("future", "hypothetical") and _before(tv(v.date), rec.published)]
        # undated but with people: the act its own article dates and tells of no one ("clashed on Friday" ...
        # "X was murdered")
        unnamed = [v for v in evs if v not in bare and v not in vague and not interval(tv(v.date))]
        placed_here: dict[tuple[str, str | None], list[tuple[int, Event]]] = {}
        dated = [v for v in evs if v not in bare and v not in vague and v not in unnamed]
        for j, v in enumerate(dated + unnamed + vague + bare + past):
            parts = _participants(rec, v, member_of)
            target = frozenset(x for x in (ledger_id(member_of, rec.id, e) for e in v.target) if x)
            best = None
            here = placed_here.get((v.type, v.mode), [])
            if v in bare and here:
                best = here[0][0]
            elif v in vague and any(compatible(tv(v.date), tv(o.date)) for _, o in here):
                best = next(ci for ci, o in here if compatible(tv(v.date), tv(o.date)))
            elif v in unnamed and any(not o.source and not o.target for _, o in here):
                best = next(ci for ci, o in here if not o.source and not o.target)
            else:
                cands = (narrow_lookup(v, target, parts) if target and _NARROW
                         else {ci for k in keys(v, parts) for ci in index.get(k, ())})
                for ci in sorted(cands):
                    c = clusters[ci]
                    if any(orec.id == rec.id for orec, *_ in c):
                        continue
                    if any(_fits(v, target, parts, ov, ot, op, v in past) for _, ov, ot, op in c) and not any(
                            v.mode and ov.mode and ov.mode != v.mode for _, ov, _, _ in c):  # no known mode disagrees
                        best = ci
                        break
            if best is None and v in past:
                continue  # a past act named in a future or hypothetical clause joins the act reported, never starts one
            if best is None:
                clusters.append([])
                made.append((rec.published or "", rec.id, j))
                best = len(clusters) - 1
            clusters[best].append((rec, v, target, parts))
            placed_here.setdefault((v.type, v.mode), []).append((best, v))
            for k in keys(v, parts):
                index.setdefault(k, []).append(best)
            for k in narrow_keys(v, target, parts):
                narrow.setdefault(k, []).append(best)
    return [(k, [(r, v) for r, v, _, _ in c]) for k, c in zip(made, clusters)]


# ------------------------------------------------------------------ predicates

@dataclass(frozen=True)
class Predicate:
    id: str
    words: tuple[tuple[str, ...], ...]
    statuses: tuple[str, ...]
    events: tuple[tuple[str, str | None, tuple[tuple[str, ...], ...]], ...]
    role: str
    frame: bool = False  # the words after it are what the act says ("plead not guilty"), not acts of their own


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
                role=p.get("role", "any"), frame=bool(p.get("frame", False))))
        except (KeyError, TypeError) as exc:
            raise TrackError(f"claims.json predicate {p!r} lacks {exc}; every predicate needs id and words") from None
        if out[-1].role not in ("target", "source", "any"):
            raise TrackError(f"claims.json predicate {out[-1].id!r}: role must be target, source or any")
    return tuple(out)


@lru_cache(maxsize=1)
def _negations() -> frozenset[str]:
    return frozenset(stems(" ".join(lexicon("claims").get("negations", []))) + ["n't"])


def negated(tok: str) -> bool:
    return tok in _negations() or tok.endswith("n't")


def claim_predicates(words: list[tuple[str, int]]) -> list[tuple[Predicate, bool, int]]:
    """The predicates a content names, each with whether it is negated (an odd number of negations before it
    in its sentence) and the index of its word. The claim's own predicate decides: a frame predicate ("plead")
    takes the words after it in its sentence as what it says ("plead not guilty": no conviction is promised),
    so the predicates named there are left out and the negations right after it count in its polarity."""
    toks = [w for w, _ in words]
    present = set(toks)
    out = []
    for p in predicates():
        for w in p.words:
            if w[0] not in present:
                continue
            i = find_phrase(toks, w)
            if i < 0:
                continue
            sent = words[i][1]
            negs = sum(1 for t, s in words[:i] if s == sent and negated(t))
            if p.frame:
                negs += polarity_after(toks, i + len(w))
            out.append((p, negs % 2 == 1, i))
            break
    frames = [(i, words[i][1]) for p, _n, i in out if p.frame]
    return [(p, n, i) for p, n, i in out
            if p.frame or not any(f < i and words[i][1] == fs for f, fs in frames)]


FRAME_REACH = 2  # the words right after a frame predicate whose negations are its polarity ("plead not guilty")


def polarity_after(toks: list[str], j: int) -> int:
    """The negations among the few words from ``j`` on (what a frame predicate says: "pleaded not guilty")."""
    return sum(1 for t in toks[j:j + FRAME_REACH] if negated(t))


def event_fits(p: Predicate, v: Event) -> bool:
    trig = stems(v.trigger.text)
    for t, m, ws in p.events:
        if v.type == t and (m is None or v.mode == m) and (not ws or any(
                any(tok.startswith(w[0]) for tok in trig) if len(w) == 1 else find_phrase(trig, w) >= 0 for w in ws)):
            return True
    return False
