"""When a statement was made.

1. A time expression (from the ``times`` stage) attached in the parse to the cue ("told ... three days
   ago", "said on Monday", "at a briefing on Friday"), or, for a participle or a coordinated cue
   ("..., accusing", "... and urged"), to the verb it hangs from; never one inside the reported content.
2. Else the latest dated *occasion* of the same speaker before it: any verb of theirs with an attached
   time ("denied the report at a press briefing on Friday" dates the following "she said").
   A quoted paragraph that continues a statement with no cue of its own shares that statement's date.
3. Else the dated lead event of the article (its first sentence's main verb with a time; a headline
   line above it is not the lead): the scene the
   story reports from. Only for past-tense cues; otherwise null. The publication date is never used by
   default.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from ...analysis.clause import children as _children
from ...analysis import anchoring, clause
from ...analysis.words import word_class
from ...records import Time, TimeValue
from .._doc import sentences
from .._doc import sent_of as _sent_of
from .._index import EntityIndex
from .cues import Draft, lexicon, subject_of, doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .speakers import SpeakerResolver

__all__ = ["DateFinder"]


@dataclass
class _Dated:
    root: int                 # token index of the time's syntactic head
    verb: int | None          # the verb it is attached to
    value: TimeValue
    start: int
    end: int


class DateFinder:
    def __init__(self, doc: "Doc", times: Sequence[Time], index: EntityIndex, speakers: "SpeakerResolver",
                 published: dt.date | None) -> None:
        self.doc = doc
        self.doc_text = doc_text(doc)
        self.published = published
        self._after: dict[int, Draft] = {}  # id(draft) -> the draft after it (follow)
        self.dated: list[_Dated] = []
        text = doc_text(doc)
        for t in sorted(times, key=lambda t: t.start):
            if t.type in ("DURATION", "SET") or not t.value or str(t.value).startswith("P"):
                continue
            lead = anchoring.lead_words(text, t.start, t.text)
            if anchoring.is_horizon(lead) or anchoring.is_stretch(lead):
                continue  # "within 48 hours", "until January": a window, not when something was said
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            verb = anchoring.governing_verb(anchoring.dated_token(span))
            self.dated.append(_Dated(root.i, verb.i if verb is not None else None,
                                     TimeValue(str(t.value), _with_prep(doc, t)), t.start, t.end))
        self._starts = [x.start for x in self.dated]
        self._by_verb: dict[int, list[_Dated]] = {}
        for x in self.dated:
            if x.verb is not None:
                self._by_verb.setdefault(x.verb, []).append(x)
        # occasions: (position, speaker keys, value)
        self.occasions: list[tuple[int, set[str], TimeValue]] = []
        for x in self.dated:
            if x.verb is None:
                continue
            verb = doc[x.verb]
            top = verb
            while top.dep_ == "conj" and top.head is not top:
                top = top.head  # "urged X to drop ... and to bring ...": a conjunct counts as what it is joined to
            if top.dep_ not in ("ROOT", "parataxis") and not _is_cue(top):
                continue  # times in subordinate clauses date other events, not the subject's occasion
            if top.dep_ == "xcomp" and clause.is_to_infinitive(top):
                continue  # "instructed them to report to the depots tomorrow": what was asked, not a saying
            if _in_sequence_clause(top):
                continue  # "said ..., after conceding defeat in the weekend's vote": an earlier act's time
            if clause.is_pluperfect(verb):
                continue  # "had said in April": an earlier occasion, not the one the story goes on from
            if not self._fits_tense(verb, x.value):
                continue  # "ordered them back at work tomorrow": the coming day of what was ordered
            siblings = self._by_verb.get(x.verb, ())
            if len(siblings) > 1 and (not _on_verb(doc[x.root], verb) or not _is_day(x.value) and any(
                    _is_day(y.value) and _on_verb(doc[y.root], verb) for y in siblings)):
                continue  # "rejected on Thursday the results of elections earlier this week": the day of the act
            subj = subject_of(verb)
            if subj is None:
                continue
            cand = speakers.candidate(subj)
            keys = {k for k in (cand.eid, cand.key) if k}
            if keys:
                self.occasions.append((doc[x.verb].idx, keys, x.value))
        self.occasions.sort(key=lambda o: o[0])
        self._occ_by_key: dict[str, tuple[list[int], list[TimeValue]]] = {}
        for pos, keys, value in self.occasions:
            for k in keys:
                row = self._occ_by_key.setdefault(k, ([], []))
                row[0].append(pos)
                row[1].append(value)
        self.lead = self._lead()
        self._sayings: list[tuple[int, TimeValue]] = []  # (cue position, day) of the sayings dated so far
        self._said_on: dict[str, TimeValue] = {}  # speaker -> the date of their latest statement so far
        self.briefing = next((x.value for x in self.dated if x.verb is not None and _is_day(x.value)
                              and _at_occasion(doc[x.verb]) and (_is_cue(doc[x.verb]) or _in_writing(doc[x.verb]))), None)

    def _lead(self) -> TimeValue | None:
        doc = self.doc
        if not len(doc):
            return None
        sents = sentences(doc)
        k = 0
        text = doc_text(doc)  # (a sentence's text is its stretch of it: Span.text joins its tokens again)
        while k + 1 < len(sents) and not text[sents[k].start_char:sents[k].end_char].rstrip(" \t").endswith("\n"):
            k += 1  # the first paragraph's last sentence ("Talks fail: Strike goes on" is cut at the colon)
        k = k + 1 if _headline(sents[k]) and k + 1 < len(sents) else 0  # the lead is the first sentence under the headline
        while k + 1 < len(sents) and not any(t.pos_ in ("VERB", "AUX") for t in sents[k]):
            k += 1  # a dateline cut off as a sentence of its own ("VELMAR, Tumbria, March 3 (AP) --") is no lead
        season = False
        for n, sent in enumerate(sents[k:k + 3]):
            if n > 0 and not season:
                break
            root = sent.root
            # the lead's coordinated verbs with no subject of their own share its scene ("drove into Vellin
            # and blocked the bridge on Thursday"; "..., and the assembly released the money on Tuesday" is
            # another act); the sentences after a season-only standfirst also take their adverbial clauses
            verbs = [root.i] + [c.i for c in _children(root) if c.dep_ in ("advcl", "conj")] if n > 0 else \
                [root.i] + [c.i for c in _children(root) if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in _children(c))]
            for x in (x for v in verbs for x in self._by_verb.get(v, [])):
                if not sent.start_char <= x.start < sent.end_char:
                    continue
                if not self._fits_tense(doc[x.verb] if x.verb is not None else root, x.value):
                    continue  # "regards the fire on February 20 as solved": the day of a noun, not of the lead
                v = str(x.value.value)
                if n == 0 and ("/" in v or len(v) <= 4):
                    season = True  # a standfirst dating only a season or a year ("the 2031-32 season"): read on
                    continue       # to the next sentences' first day-dated event (the match, the vote)
                if n == 0 or _is_day(x.value) and (self.published is None or v[:10] <= self.published.isoformat()):
                    return x.value
        return None

    def _fits_tense(self, verb: "Token", value: TimeValue) -> bool:
        """Whether the verb's tense can take the time as its own day: a past act on no coming day
        ("ordered them back tomorrow" dates what was ordered), a plain present on no earlier one
        ("regards the fire on February 20 as solved" dates the fire)."""
        if self.published is None:
            return True
        v = str(value.value)
        tense = clause.tense(verb)
        if tense == "past":
            return not _starts_after(v, self.published)
        if tense is None and verb.tag_ in ("VBZ", "VBP") and not clause.auxiliaries(verb):
            return not _ends_before(v, self.published)
        return True

    def follow(self, drafts: Sequence[Draft]) -> None:
        """The drafts in text order, so that an undated saying can see the statement after it."""
        self._after = {id(a): b for a, b in zip(drafts, drafts[1:])}

    def _next_occasion(self, d: Draft, cue: "Token") -> TimeValue | None:
        """"X said the crew was safe. \"...,\" X said at a news conference on Thursday": an undated
        past-tense saying followed at once, in the next paragraph at most, by the same speaker's saying
        dated in its own words is part of that occasion."""
        n = self._after.get(id(d))
        key = d.speaker or d.speaker_key
        if n is None or not key or key not in (n.speaker, n.speaker_key) or cue.tag_ != "VBD" \
                or clause.is_pluperfect(cue) or _headline(_sent_of(cue)) or n.extra.get("unattributed"):
            return None
        ncue = self.doc[n.cue_i]
        if ncue.lower_ == "according" or self.doc_text[max(cue.idx, d.content[1]):ncue.idx].count("\n\n") > 1:
            return None
        got = self._attached(ncue, n)
        if got is None or not _is_day(got) or self.published is None \
                or _starts_after(str(got.value), self.published) or clause.is_pluperfect(ncue):
            return None
        return got

    def _lead_today(self) -> bool:
        return self.lead is not None and self.published is not None \
            and str(self.lead.value)[:10] == self.published.isoformat()

    def _saying_day(self, pos: int) -> TimeValue | None:
        """The day of the latest saying before ``pos`` that the text dates (anyone's: "The port authority said
        on Friday that ..."): the occasion the story reports from."""
        before = [v for p, v in self._sayings if p < pos]
        return before[-1] if before else None

    def _other_day_before(self, pos: int) -> bool:
        """Whether the text dates anything before ``pos`` to an earlier day than the publication day (a
        story that tells no earlier occasion before its cue is told from its own day; the coming
        fixtures and deadlines it announces are no occasion of saying)."""
        if self.published is None:
            return True
        told = [x for x in self.dated[:bisect.bisect_left(self._starts, pos)]
                if not _starts_after(str(x.value.value), self.published)]
        # the story's latest past or present time before the cue decides: "the route was mapped in 2024
        # ... the money released today ... X said" is back on the story's own day
        return bool(told) and _ends_before(str(told[-1].value.value), self.published)

    def _attached(self, cue: "Token", d: Draft) -> TimeValue | None:
        span = d.extra.get("cue_time")
        if span is not None:  # "said on Tuesday it would ...": the time cut from the content's front
            for x in self.dated:
                if span[0] <= x.start < span[1]:
                    return x.value
        a, b = d.content_tokens
        for x in self._by_verb.get(cue.i, []):
            if a <= x.root < b and self.doc[x.root].head.i != cue.i:
                continue
            if _said(d, x.start) and self.doc[x.root].head.i != cue.i:
                continue
            return x.value
        got = self._asked_day(cue)
        return got if got is not None else self._via_phrase(cue, d)

    def _asked_day(self, cue: "Token") -> TimeValue | None:
        """"urged the caretakers to unlock the gates on Thursday" (a past request): what was asked lies
        ahead of the asking, so a day in it that is not ahead of the story's day is the day it was asked."""
        if self.published is None or clause.tense(cue) != "past" or clause.auxiliaries(cue):
            return None
        for comp in _children(cue):
            if comp.dep_ != "xcomp" or not clause.is_to_infinitive(comp):
                continue
            for verb in clause.conjuncts(comp):  # "to stop the strike and reopen the wards on Thursday"
                for x in self._by_verb.get(verb.i, []):
                    if _is_day(x.value) and not _starts_after(str(x.value.value), self.published) \
                            and _on_verb_or_object(self.doc[x.root], verb):
                        return x.value
        return None

    def _via_phrase(self, cue: "Token", d: Draft) -> TimeValue | None:
        """A time reaching the cue through a phrase of its own ("in a report published last week,
        said"): the path may cross non-finite verbs but no clause with a subject, nor the content."""
        sent = _sent_of(cue)
        i = bisect.bisect_left(self._starts, sent.start_char)
        for x in self.dated[i:]:
            if x.start >= sent.end_char:
                break
            if _said(d, x.start):
                continue
            node = self.doc[x.root]
            for _ in range(12):
                if node.head.i == node.i:
                    break
                node = node.head
                if node.i == cue.i:
                    return x.value
                if d.content_tokens[0] <= node.i < d.content_tokens[1]:
                    break
                if node.pos_ in ("VERB", "AUX") and not (node.tag_ == "VBN" and node.dep_ == "acl"):
                    break  # only "a report published last week": no clause, no participle ("referring to")
        return None

    def _sequel(self, cue: "Token") -> TimeValue | None:
        """"Two days earlier, X had summoned Y. Y told reporters afterwards ...": a cue that follows the
        event just told takes the date of the previous sentence (its last dated expression)."""
        if not any(c.dep_ == "advmod" and c.lower_ in lexicon()["sequel_adverbs"] for c in _children(cue)):
            return None
        start = _sent_of(cue).start
        if start == 0:
            return None
        prev = _sent_of(self.doc[start - 1])
        i = bisect.bisect_left(self._starts, prev.end_char) - 1
        if i >= 0 and self.dated[i].start >= prev.start_char:
            return self.dated[i].value
        return None

    def _then(self, cue: "Token", d: Draft) -> TimeValue | None:
        """"the bid tabled in April by X, who told lenders *then* that ...": "then" right after the cue
        (or opening the content) is the latest time told before it in the sentence."""
        a, _b = d.content_tokens
        thens = [c for c in _children(cue) if c.dep_ == "advmod" and c.lower_ == "then"]
        if a < len(self.doc) and self.doc[a].lower_ == "then":
            thens.append(self.doc[a])
        if not thens:
            return None
        sent = _sent_of(cue)
        before = [x for x in self.dated if sent.start_char <= x.start and x.end <= thens[0].idx]
        return before[-1].value if before else None

    def _occasion(self, pos: int, keys: Sequence[str | None], value: TimeValue) -> None:
        """"X said, on Friday, ... X said ...": a dated saying is an occasion of its speaker for the
        statements after it (date_of runs in text order)."""
        if not _is_day(value):
            return
        for k in {k for k in keys if k}:
            row = self._occ_by_key.setdefault(k, ([], []))
            i = bisect.bisect_right(row[0], pos)
            row[0].insert(i, pos)
            row[1].insert(i, value)

    def date_of(self, d: Draft) -> TimeValue | None:
        """The day ``d`` was said (drafts are asked in text order); with no other answer, a cue in the
        news tenses takes the day of the same speaker's latest statement before it (the same occasion:
        "X has confirmed ... X reported no new concerns")."""
        got = self._date_of(d)
        key = d.speaker or d.speaker_key
        if got is None and key and d.extra.get("date_route") == "none" \
                and (_reports_now(self.doc[d.cue_i]) or _according_to_pronoun(self.doc[d.cue_i])) \
                and not clause.is_pluperfect(self.doc[d.cue_i]) and not _headline(_sent_of(self.doc[d.cue_i])):
            got = self._said_on.get(key)
            if got is not None:
                d.extra["date_route"] = "speaker-previous-statement"
        if got is not None and key:
            self._said_on[key] = got
        return got

    def _date_of(self, d: Draft) -> TimeValue | None:
        if d.extra.get("headline"):
            d.extra["date_route"] = "headline"
            return None  # "Police: Driver had been drinking": a headline tells no occasion
        if d.extra.get("unattributed") and d.speaker_from is not None:
            # a quote continuing the speaker's earlier words was said on the same occasion
            return d.speaker_from.date if d.speaker_from.date is not None else self.date_of(d.speaker_from)
        doc = self.doc
        cue = doc[d.cue_i]
        according = cue.lower_ == "according"
        # a quote paragraph after a sentence that reports ("X reported no concerns.") is dated as that cue
        continued = d.extra.get("unattributed") and d.extra.get("speaker_route") != "quote-after-report"
        then = self._then(cue, d)
        if then is not None:
            d.extra["date_route"] = "then-of-earlier-time"
            return then
        if not continued and not according:
            got = self._attached(cue, d)
            if got is not None:
                d.extra["date_route"] = "attached-to-cue"
                self._occasion(cue.idx, (d.speaker, d.speaker_key), got)
                if _is_day(got) and not clause.is_pluperfect(cue):
                    self._sayings.append((cue.idx, got))
                return got
            if d.inherited or cue.dep_ in ("advcl", "conj", "xcomp", "pcomp"):
                head = doc[d.subject_i].head if d.subject_i is not None else cue.head
                for x in self._by_verb.get(head.i, []):
                    if not (_said(d, x.start)):
                        d.extra["date_route"] = "governing-verb"
                        return x.value
        if not continued and not according:
            got = self._sequel(cue)
            if got is not None:
                d.extra["date_route"] = "sequel-of-previous-sentence"
                return got
        if self.published is not None and not continued and not according and any(
                c.dep_ == "advmod" and c.lower_ == "now" for c in _children(cue)):
            d.extra["date_route"] = "now"  # "with the police now confirming ...": the story's own day (issue 11)
            return TimeValue(self.published.isoformat(), "")
        best: tuple[int, TimeValue] | None = None
        keys: tuple[str | None, ...] = (d.speaker, d.speaker_key)
        if d.extra.get("speaker_route") == "quoted-as" and d.channel_head is not None:
            # '"...," the Post quoted X as saying': the outlet's dated report is the occasion (speak19)
            keys += (d.channel, doc_text(doc)[d.channel_head[0]:d.channel_head[1]].lower())
        for k in keys:
            rows = self._occ_by_key.get(k) if k else None
            if rows:
                i = bisect.bisect_left(rows[0], cue.idx)
                if i > 0 and (best is None or rows[0][i - 1] > best[0]):
                    best = (rows[0][i - 1], rows[1][i - 1])
        if best is not None:
            d.extra["date_route"] = "speaker-occasion"
            return best[1]
        if self.briefing is not None and _at_occasion(cue, definite=True) and not according:
            d.extra["date_route"] = "same-briefing"  # "said during a news briefing" ... "said Wednesday at the briefing"
            return self.briefing
        if self.lead is not None and not according and (cue.tag_ == "VBD" or self._lead_today() and _reports_now(cue)
                                                         and not continued and not _headline(_sent_of(cue))):
            # "raised rates on Wednesday [the story's day] ... They say ...": a present cue is the lead's day
            d.extra["date_route"] = "lead-event"
            return self.lead
        ahead = self._next_occasion(d, cue) if not according and not continued else None
        if ahead is not None:
            d.extra["date_route"] = "speaker-next-occasion"  # "X said ... \"...,\" X said at a briefing on Friday"
            return ahead
        saying = self._saying_day(cue.idx)
        if saying is not None and cue.tag_ == "VBD" and not according and not continued \
                and not clause.is_pluperfect(cue) and not _headline(_sent_of(cue)):
            d.extra["date_route"] = "story-saying-day"  # "the port authority said on Friday" ... "X told reporters"
            return saying
        if (self.lead is None and self.published is not None and _reports_now(cue) and not according
                and not continued and not clause.is_pluperfect(cue)
                and not _headline(_sent_of(cue)) and not self._other_day_before(cue.idx)):
            # a report that dates nothing before the cue: "X said" is the story's own day, as news is read
            d.extra["date_route"] = "story-day"
            return TimeValue(self.published.isoformat(), "")
        d.extra["date_route"] = "none"
        return None


def _reports_now(cue: "Token") -> bool:
    """A cue in the news tenses of the story's own day: "said", "says", "has confirmed"."""
    if cue.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return cue.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in _children(cue))
def _according_to_pronoun(cue: "Token") -> bool:
    """"According to him, ...": the speaker just reported goes on, on the same occasion."""
    return cue.lower_ == "according" and any(
        c.lower_ == "to" and any(g.dep_ == "pobj" and g.pos_ == "PRON" for g in _children(c)) for c in _children(cue))


def _is_day(value: TimeValue) -> bool:
    """A value naming one day ("2031-04-02", with or without a time of day), not a week, month, season or range."""
    v = str(value.value)
    return len(v) >= 10 and v[4] == "-" and v[7] == "-" and v[:4].isdecimal() and v[5:7].isdecimal() \
        and v[8:10].isdecimal() and "/" not in v


def _on_verb(root: "Token", verb: "Token") -> bool:
    """Whether a time's head hangs on the verb itself ("rejected on Thursday", "said Friday"), not on one of
    its nouns ("the results of elections earlier this week")."""
    node = root
    for _ in range(3):
        if node.head.i == verb.i:
            return True
        if node.head.pos_ != "ADP" or node.head.i == node.i:
            return False
        node = node.head
    return False


def _on_verb_or_object(root: "Token", verb: "Token") -> bool:
    """A time on the verb or on its object ("reopen the wards on Thursday"), not deeper in a noun phrase
    ("punish those to blame for the crush during a protest on May 3")."""
    if _on_verb(root, verb):
        return True
    head = root.head.head if root.head.pos_ == "ADP" else root.head
    return head.dep_ == "dobj" and head.head.i == verb.i


def _at_occasion(verb: "Token", definite: bool = False) -> bool:
    """"said during a news briefing", "said at the press conference": the verb's own at/during phrase names
    a public occasion (word class occasion_nouns); or its "in" phrase a writing ("told the firm in a letter",
    word class written_occasion_nouns), with ``definite`` only one the text refers back to ("in the letter")."""
    for c in _children(verb):
        if c.dep_ != "prep":
            continue
        for g in _children(c):
            if g.dep_ != "pobj":
                continue
            lemma = g.lemma_.lower()
            if c.lower_ in ("at", "during") and lemma in word_class("occasion_nouns"):
                return True
            if c.lower_ == "in" and lemma in word_class("written_occasion_nouns") and (not definite or any(
                    d.dep_ == "det" and d.lower_ in ("the", "that", "this") for d in _children(g))):
                return True
    return False


def _in_writing(verb: "Token") -> bool:
    """"wrote to the firm in a letter on Thursday": a dated act done in a writing is that writing's day."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in word_class("written_occasion_nouns") for g in _children(c))
        for c in _children(verb))


def _headline(sent) -> bool:
    """A first line standing alone without a full stop ("Talks collapse; strike begins\n")."""
    text = doc_text(sent.doc)[sent.start_char:sent.end_char].rstrip(" \t")  # sent.text, not rebuilt from its tokens
    return text.endswith("\n") and text.rstrip()[-1:] not in (".", "!", "?", '"', "\u201d", "'", "\u2019", ":")


_SEQUENCE = word_class("sequence_connectives")


def _in_sequence_clause(verb: "Token") -> bool:
    """A verb in a clause placed before or after another act ("after conceding", "before he left"):
    what it tells is another occasion than its subject's saying."""
    if verb.dep_ == "pcomp" and verb.head.lower_ in _SEQUENCE:
        return True
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SEQUENCE for c in _children(verb))


def _is_cue(tok: "Token") -> bool:
    return tok.lemma_.lower() in lexicon()["cues"]


def _with_prep(doc: "Doc", t: Time) -> str:
    """The time as written, with the preposition that introduces it ("on Sunday")."""
    text = doc_text(doc)
    before = text[max(0, t.start - 12):t.start]
    words = before.split()
    if words and before.endswith(" ") and words[-1].lower() in ("on", "in", "at", "during", "since", "by"):
        s = t.start - len(words[-1]) - 1
        return text[s:t.end]
    return t.text


def _said(d: Draft, pos: int) -> bool:
    """Whether ``pos`` lies in the words said: in one of the parts of a quote cut by its attribution
    (the attribution between them, "she said on Tuesday", is not said), else in the content."""
    if d.parts:
        return any(s <= pos < e for s, e in d.parts)
    return d.content[0] <= pos < d.content[1]


def _starts_after(value: str, day: dt.date) -> bool:
    """Whether a SPEC time value starts after ``day`` (a coming fixture or deadline); a value of any
    other shape does not."""
    start = value.split("/", 1)[0].strip()
    try:
        if len(start) >= 10 and start[4] == "-" and start[7] == "-":
            return dt.date.fromisoformat(start[:10]) > day
        if len(start) == 7 and start[4] == "-" and start[5:].isdigit():
            return start > day.isoformat()[:7]
        if len(start) == 4 and start.isdigit():
            return start > day.isoformat()[:4]
        if len(start) in (8, 9) and start[4:6] == "-W":
            return dt.date.fromisocalendar(int(start[:4]), int(start[6:]), 1) > day
    except ValueError:
        return False
    return False


def _ends_before(value: str, day: dt.date) -> bool:
    """Whether a SPEC time value ("2026-03-04", "2026-03", "2026", "2026-W09", "a/b") ends before
    ``day``; a value of any other shape counts as earlier (the careful answer)."""
    end = value.rsplit("/", 1)[-1].strip()
    try:
        if len(end) == 10 and end[4] == "-" and end[7] == "-":
            return dt.date.fromisoformat(end) < day
        if len(end) == 7 and end[4] == "-" and end[5:].isdigit():
            return end < day.isoformat()[:7]
        if len(end) == 4 and end.isdigit():
            return end < day.isoformat()[:4]
        if len(end) in (8, 9) and end[4:6] == "-W":
            return dt.date.fromisocalendar(int(end[:4]), int(end[6:]), 7) < day
    except ValueError:
        return True
    return True
