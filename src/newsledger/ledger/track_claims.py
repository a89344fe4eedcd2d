"""Predictions and commitments checked against what later articles report.

A claim's predicates (release, charge, resign, hold talks, sign ... of ``data/lexicons/claims.json``) and
its participants are looked for in the events and status reports of the same and later articles; the
first report of the act within the horizon fulfils it (or, for "will not resign", breaks it); a later
sentence that tells it as done fulfils it; a report that it was not kept ("She was not.") fails it; a
horizon passed with none fails it, decided by the first article published after it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import TrackError
from ..records import Event, Record
from .track_base import MemberOf, _stop, find_phrase, interval, ledger_id, lexicon, similarity, stems, tv
from .track_groups import CLAIM_KINDS, Item, Predicate, claim_predicates, event_fits, negated, polarity_after
from .track_status import StatusReport

__all__ = ["Evidence", "Facts", "said_unkept", "said_done", "decide", "CLAIM_KINDS"]


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
                 items: list[Item], old_events: set[tuple[str, str]], dates: Any = None) -> None:
        self.records = records
        self.dates = dates  # where records are part of the store: the store's own first_after and published
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
        self._sentences: dict[str, list] = {}

    def sentences(self, rec: Record) -> list[tuple[list[str], frozenset[str], frozenset[str], str | None]]:
        """An article's sentences, read once: (stems in order, their set, with ledger entities, the first date)."""
        if rec.id not in self._sentences:
            text = rec.text
            starts = [0] + [m.end() for m in _SENT_END.finditer(text)] + [len(text)]
            marks = sorted((m.start, m.end, "@" + (ledger_id(self.member_of, rec.id, e.id) or "?"))
                           for e in rec.entities for m in e.mentions)
            out = []
            for s0, s1 in zip(starts, starts[1:]):
                seq = stems(text[s0:s1])
                raw = frozenset(seq)
                if not raw:
                    continue
                toks = raw | {tok for ms, me, tok in marks if s0 <= ms and me <= s1}
                times = [t for t in rec.times if s0 <= t.start and t.end <= s1 and t.type == "DATE"
                         and interval(t.value)]
                out.append((seq, raw, toks, times[0].value if times else None))
            self._sentences[rec.id] = out
        return self._sentences[rec.id]

    def published(self, doc: str) -> str:
        if self.dates is not None:
            return self.dates.published(doc)
        return next((p for _d, p, i in self.after if i == doc), "")

    def first_after(self, day) -> str | None:
        """The first article published after ``day``."""
        if self.dates is not None:
            return self.dates.first_after(day)
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

    def told(self, p: Predicate, roles: frozenset[str], claim: Item, since: str, hiv) -> list[tuple[Evidence, bool]]:
        """For a predicate no event or status reports (an appeal, a plea): the later sentences that tell the act
        done, each with its polarity ("pleaded not guilty" is negated). A sentence counts when it has one of the
        predicate's words, names one of ``roles`` (or the claim's speaker) or gives a date within the horizon,
        and speaks of no plan or speech (unless it says the act was promised: "as it had promised")."""
        start = interval(since)
        who = roles | ({claim.speaker} if claim.speaker else set())
        keys = sorted(who | claim.about)
        later = sorted((r for r in {r.id: r for k in keys for r in self.docs.get(k, ())}.values()
                        if (r.published or "") > claim.published), key=lambda r: (r.published or "", r.id))
        out = []
        for rec in later[:MAX_LATER_ARTICLES]:
            for seq, raw, toks, when in self.sentences(rec):
                at = next((i for i in (_find_loose(seq, raw, w) for w in p.words) if i >= 0), -1)
                if at < 0 or (planned(seq) - _SPEECH and not kept(seq)):
                    continue
                iv = interval(when)
                if iv and start and iv[1] < start[0]:
                    continue
                named = frozenset(t[1:] for t in toks if t.startswith("@")) & who
                if not named and not (iv and hiv and hiv[0] <= iv[0] and iv[1] <= hiv[1]):
                    continue
                n = sum(1 for t in seq[max(0, at - 3):at] if negated(t))
                if p.frame:
                    n += polarity_after(seq, at + 1)
                elif n:
                    continue  # "did not appeal": not a report that it was done
                out.append((Evidence(rec.id, rec.published or "", "", "", when, named), n % 2 == 1))
        return out

    def related(self, claim: Item) -> list[Item]:
        """Statements that share the claim's speaker or one of its participants, in publication order."""
        keys = ({"S" + claim.speaker} if claim.speaker else set()) | {"A" + a for a in claim.about}
        found = {id(i): i for k in keys for i in self.items.get(k, ())}
        return sorted(found.values(), key=lambda i: i.order)


@lru_cache(maxsize=None)
def _pattern(name: str) -> re.Pattern:
    try:
        return re.compile(lexicon("claims")[name], re.IGNORECASE)
    except (KeyError, re.error) as exc:
        raise TrackError(f"claims.json {name!r} is missing or not a regular expression ({exc}); fix the file") from None


def _find_loose(seq: list[str], raw: frozenset[str], phrase: tuple[str, ...]) -> int:
    """Where a predicate's phrase is told in a sentence: its words in a row ("returned to work"), else all its
    words that are no stop words anywhere in the sentence ("work at the port resumed" for "resume work")."""
    i = find_phrase(seq, phrase)
    if i >= 0 or len(phrase) < 2:
        return i
    content = [w for w in phrase if w not in _stop()]
    if len(content) >= 2 and all(w in raw for w in content):
        return min(seq.index(w) for w in content)
    return -1


def kept(seq: list[str]) -> bool:
    """Whether a sentence (its stems) says that what it tells was promised ("as it had promised")."""
    return bool(_pattern("kept").search(" ".join(seq)))


def _unkept() -> re.Pattern:
    return _pattern("unkept")


def said_unkept(claim: Item, cluster: list[Item], items: list[Item], how: str = "unkept") -> Item | None:
    """The first later report of the claim (one of its reports, or a statement much like it) followed by a plain
    sentence that it did not happen ("... would be back in office before the harvest. He was not."); with ``how`` =
    "partly", one followed by a sentence that it was done in part ("... 5,000 crowns by May. It has paid half.")."""
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
        if how == "partly":
            if any(_pattern("partly").match(text[e:e + 80]) for e in after):
                return it
            continue
        if any(_unkept().match(text[e:e + 60]) for e in inside + after) or _unkept().match(text[end:end + 60]) \
                or _pattern("unkept_inline").match(text[end:end + 100]) \
                or _pattern("unkept_before").search(text[max(0, start - 100):start]):
            return it
    return None


MAX_LATER_ARTICLES = 50  # said_done reads at most this many later articles about the claim's people

_PLANNED = frozenset(stems("will would could may might shall should must expect expected plan planned due scheduled "
                           "promise promised pledge pledged vow vowed predict hope want aim intend if whether "
                           "agree agreed offer offered propose proposed said says told announced"))


def planned(seq: list[str]) -> set[str]:
    """The words of a sentence (its stems) that speak of a plan, a promise or speech; "may" next to a number
    is the month ("on May 9"), not the verb."""
    return {t for i, t in enumerate(seq) if t in _PLANNED and not (
        t == "may" and any(x.isdigit() for x in seq[max(0, i - 1):i] + seq[i + 1:i + 2]))}


# a report that an act was done may be attributed: "pleaded not guilty, her lawyer said"
_SPEECH = frozenset(stems("said says told announced"))


def said_done(claim: Item, facts: Facts, since: str, hiv) -> tuple[Record, str | None] | None:
    """The first sentence of a later article that tells as done what the claim said would be done: it carries
    much of what the claim says will be done (its content's stems and ledger entities, times left out; a date
    within the horizon counts as one more), at least two words that are no names, speaks of no plan, promise
    or speech (no will/would/expected/promised/said ...), has no negation just before those words, and any
    date it gives falls after the claim was made. Returns the article and the date the sentence gives."""
    ctoks = {t for t in claim.act if not negated(t)} - _PLANNED
    words = {t for t in ctoks if not t.startswith("@") and not t.isdigit()}
    if len(words) < 2 or len(ctoks) < 3:
        return None
    start = interval(since)
    keys = sorted(claim.about | ({claim.speaker} if claim.speaker else set()))
    later = sorted((r for r in {r.id: r for k in keys for r in facts.docs.get(k, ())}.values()
                    if (r.published or "") > claim.published), key=lambda r: (r.published or "", r.id))
    for rec in later[:MAX_LATER_ARTICLES]:
        for seq, raw, toks, when in facts.sentences(rec):
            if planned(seq) and not kept(seq):
                continue
            shared = ctoks & toks
            # a negation just before one of the words ("did not resume"), not one elsewhere ("without progress")
            if any(negated(t) and set(seq[j + 1:j + 4]) & shared for j, t in enumerate(seq)):
                continue
            iv = interval(when)
            if iv and start and iv[1] < start[0]:
                continue
            if iv and hiv and iv[0] > hiv[1]:
                continue  # done, but too late to keep the claim: the horizon decides
            pub = interval(rec.published)
            if iv and pub and iv[0] > pub[1]:
                continue  # a date after the article's own: still to come there ("a raise from January 1")
            on_time = int(bool(iv and hiv))  # the sentence dates it within the claim's horizon: one more word agrees
            n_words = len(shared & words) + on_time
            if len(shared) + on_time < 3 or n_words < 2 or len(shared) + on_time < 0.4 * (len(ctoks) + bool(hiv)):
                continue
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
    results = []  # (predicate, negated, evidence within the horizon, entities it covers, roles, word index)
    for p, neg, at in preds:
        # the act is done to the people the claim names where it names any ("Ortega, a Chilean, will be freed")
        # (or, for a speaker's own commitment about no one else, to the speaker: "she would seek a second term")
        roles = (((persons & about or about) - {claim.speaker}) or (
            {claim.speaker} if claim.speaker and claim.st.kind == "commitment" else set())
        ) if p.role == "target" else about | (
            {claim.speaker} if claim.speaker and claim.st.kind == "commitment" else set())
        if not p.events and not p.statuses:  # told in words only: an appeal filed, a plea made
            said = [(e, pol) for e, pol in facts.told(p, frozenset(roles), claim, since, hiv)
                    if not (hiv and interval(e.date) and interval(e.date)[0] > hiv[1])]  # too late to keep it
            if p.frame and said:  # a plea: the same words keep it ("not guilty" again), others break it
                e, polarity = said[0]
                return ("fulfilled" if polarity == neg else "failed"), e.ref()
            ev = [e for e, _ in said]
        else:
            ev = facts.evidence(p, frozenset(roles), since, since_pub, skip)
        within = [e for e in ev if not (hiv and interval(e.date) and interval(e.date)[0] > hiv[1])]
        covered = set().union(*(e.who for e in within)) if within else set()
        results.append((p, neg, within, covered, roles, at))
    positive = [r for r in results if not r[1]]
    negative = [r for r in results if r[1]]
    unkept = said_unkept(claim, cluster, facts.related(claim))
    toks = [w for w, _ in claim.words]
    for p, _neg, within, _cov, _roles, at in negative:
        # "will not reopen the mill without a written guarantee": the act is refused until the condition is met;
        # the condition met first keeps the claim, the act before it breaks it
        cond = [e for r in positive if r[5] > at and "without" in toks[at:r[5]] for e in r[2]]
        if cond:
            met = min(cond, key=lambda e: (e.published, e.doc))
            if not within or (met.published, met.date or "") <= (within[0].published, within[0].date or ""):
                return "fulfilled", met.ref()
        if within:
            e = within[0]
            return "failed", e.ref()
    done = [r for r in positive if r[2]]
    if unkept is not None and not (done and min(r[2][0].published for r in done) < unkept.published):
        return "failed", {"doc": unkept.doc, "statement": unkept.st.id}
    part = said_unkept(claim, cluster, facts.related(claim), "partly") if not negative else None
    if part is not None and (passed or not hiv) and not any(e.published > part.published for r in done for e in r[2]):
        return "partly", {"doc": part.doc, "statement": part.st.id}  # "It has paid half.", and nothing more since
    if done:
        first = min((r[2][0] for r in done), key=lambda e: (e.published, e.doc))
        target_persons = {x for r in done if r[0].role == "target" for x in r[4] if x in persons}
        covered = set().union(*(r[3] for r in done))
        toks = [w for w, _ in claim.words]

        def joined(i: int, j: int) -> bool:  # two acts promised side by side ("meet on Monday and sign by Friday")
            return "and" in toks[min(i, j):max(i, j)]

        undone = [r for r in positive if not r[2]]
        two_acts = any(joined(d[5], u[5]) for d in done for u in undone)
        partial = two_acts or (len(target_persons) >= 2 and not target_persons <= covered)
        if partial and (passed or not hiv):
            # two acts promised side by side with a deadline: the one left undone is decided by its passing (the
            # first article after it, or the report of the other when that came later); one act done for some of
            # its people is decided by that report
            after = facts.first_after(hiv[1]) if hiv and two_acts else None
            if after and after != first.doc and facts.published(after) > first.published:
                return "partly", {"doc": after}
            return "partly", first.ref()
        if not partial:
            if len(target_persons) >= 2:  # decided by the report that freed the last of them
                firsts = [min((e for r in done for e in r[2] if x in e.who), key=lambda e: (e.published, e.doc))
                          for x in target_persons]
                first = max(firsts, key=lambda e: (e.published, e.doc))
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
