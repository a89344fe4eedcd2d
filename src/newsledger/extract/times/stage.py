"""The ``times`` stage: every time expression of an article, normalized as a reader resolves it.

Approach
--------
1. **Detection** (:mod:`.grammar`): regular patterns over the text, built from a lexicon of
   calendar words (``data/lexicons/times.json``), find candidate expressions with exact offsets:
   dates ("June 30, 2031", "Feb. 11", "early August 2019", "2024-05-03", "March 3-5"),
   weekdays, months, years, decades, seasons, quarters, fixed holidays, deictic words ("today",
   "last week", "this past weekend", "two weeks ago", "last October"), anaphoric ones ("a day
   earlier", "the following day", "the previous week", "the same day", "that night", "the
   following Monday", "earlier in the day": the scene's day, or this week for "later in the
   week" when no scene is set),
   windows ("within two to three weeks", "by the end of September", "no later than June 30"),
   durations and sets.
   The patterns never look at bare numbers, so ages ("Ms. Varga, 41,"), counts, money and channel
   names ("Kanal 12") cannot come out as dates. A bare year or month, a weekday or a holiday is
   then checked against the parse: ``May`` the modal, "Theresa May", "Sunday Times", "Bloody
   Sunday", "2,000 troops", "1987 new staff members", "Channel 2024", "1600 Pennsylvania Avenue".
   spaCy's DATE entities are one signal there (they also tag ages and counts, so never the only
   one). Of overlapping candidates the leftmost longest wins. Spans are the core expression: "on"
   is left out; "within", "by the end of", "about" are kept. dateparser is not used: the grammar
   gives exact spans, knows which words are deictic or anaphoric, and is linear in the text.
2. **Anchoring** (here): each expression is resolved against
   - nothing, when it carries its year ("August 12, 2022", "1998");
   - the publication date when it is deictic ("on Sunday", "two weeks ago", "next month");
   - for year-less dates, months, weekdays and holidays, the publication date read with the tense
     of the clause that governs them (found by walking up the dependency tree): past narration
     picks the last such day on or before publication; the future ("will", "would", "is due to",
     "are scheduled for", an infinitive of plans, a deadline "by June") the next one. A weekday
     with no tense to read is taken as past (news reports what happened), a month as the nearest;
     a date named as a thing ("Tuesday's runoff", "pointing to Easter") has no tense; a
     rescheduling verb's new date lies ahead ("adjourned until March 31"); the end of a range
     follows its start ("from Monday to Thursday").
     Inside a reported or relative clause, the main clause's day earlier in the sentence replaces
     publication ("announced on May 3 that the bridge would reopen by the end of June").
     An explicit day- or month-precise date with a year in the same or the next sentence, that
     the year-less date precedes, fixes its year ("abducted on August 12 ... released in early
     October 2022 after 51 days" → 2022-08-12), when that only moves it by a year; and in past
     narration a year-less date that follows a dated one (same or previous sentence, explicit or
     itself so dated) within three months continues its year ("On March 3, 2019, ... On March
     17, ... In June, ..." → 2019);
   - the reference time for an anaphoric expression: the nearest resolved time before it in the
     same sentence ("filed on Monday and withdrawn the following day"), else the nearest
     earlier one that sets the scene: not itself anaphoric, not inside a relative clause or a
     clause reported after its cue (``relcl``, ``acl``, "said that ..."; a trailing attribution
     "..., officials said" is narration), and, for past narration, not after publication ("will
     rule on Friday" is no reference for "a day earlier"). An expression that is itself reported
     after its cue ("adding that officials had been warned two days earlier") continues the
     reported story, so a reported time may be its reference too. "N days after <complement>" counts
     from the time its complement names ("nine days after ... on April 2"); with none, but in
     apposition to a date ("freed on Monday, two weeks after his arrest"), it dates its
     complement's event: that date less N (unless N is a bound, "more than two weeks after");
     otherwise only its DURATION reading is kept;
   - the narrative's current day for a window: the last day-precise time in the same or the
     previous sentence when it is not after publication, else publication. "Today" inside a
     quotation is the day of the scene it was said in, when one is set.
   Without a publication date deictic and year-less values are null, never guessed; anaphoric
   ones still resolve when their reference does. ``anchor`` records "published" or the text of
   the expression chained to (null when none was used).
3. **Values** (:mod:`.values`): the granularity written: a day, an ISO week ("last week"),
   a month, a year, an ``A/B`` range ("between March and May", "this weekend", "the 1990s",
   "the first quarter of 2026"), ``P45D`` for durations. "N days/weeks ago" is the day
   counted back; "N months ago" the month; "N years ago" a year. early/mid/late and "earlier/later this" keep the week,
   month or year they modify (TIMEX3 style; the record has no modifier field, and the scorer
   reads months as intervals); "the end of X" is X's last day and "the beginning of X" its first. Windows are ranges from their
   anchor: "within 45 days" → anchor/anchor+45d, "within two to three weeks" → anchor+2w/
   anchor+3w; "by June" keeps the month, "by the end of September" is its last day.
   Vague expressions with no value ("days earlier", "in the coming weeks", "recently", "soon",
   "a few days ago") are not emitted, and ``resolve_expression`` answers None for them: a
   time without a value helps no later stage and would count as a false date.

Public helpers for the statements and events stages (stable names and signatures):

- ``find_times(doc, published) -> list[Time]`` — the stage's pure function, sorted by start.
- ``resolve_expression(text, anchor, *, tense=None) -> str | None`` — normalize one expression
  ("within two to three weeks", "by the end of September", "next month", "a day earlier") against
  ``anchor`` (a :class:`datetime.date`, e.g. a statement's own date): deictic, anaphoric and window
  expressions all count from it; ``tense`` ("past" | "future") directs year-less dates and
  weekdays (a deadline "by ..." defaults to future). None when ``text`` holds no time expression
  or it has no value ("in the coming weeks").
- ``value_to_date(value) -> date | None`` — a representative day: a day itself; the first day of a
  week, month, year or range; None for durations and nulls.
- ``is_window(time) -> bool`` — True for windows and deadlines ("within ...", "by the end of ...",
  "in the next ...") that serve as a horizon rather than as when something happened.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from ...analysis import clause
from ...analysis.words import word_class
from ...stages import Found
from ...records import Time
from ...trace import note, tracing
from . import values as tv
from .._doc import doc_text, sentences, tokens
from .grammar import Ctx, Expr, lexicon, scan
from .values import Val

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

__all__ = ["find_times", "resolve_expression", "value_to_date", "is_window", "times_stage"]


# ============================================================================ public helpers
def resolve_expression(text: str, anchor: dt.date, *, tense: str | None = None) -> str | None:
    """The value of the time expression ``text`` resolved against ``anchor``.

    Deictic, anaphoric and window expressions all count from ``anchor``; year-less dates and
    weekdays use ``tense`` ("past" | "future" | None). The longest expression found in ``text``
    is the one resolved. None when there is none or it has no value.
    """
    best = _best_expr(text)
    if best is None:
        return None
    if best.window and best.mode == "calendar" and tense is None:
        tense = "future"  # a deadline ("by June") lies ahead of when it was set
    val = best.resolve(Ctx(tv.day(anchor), tense))
    return val.iso if val is not None else None


def value_to_date(value: str | None) -> dt.date | None:
    """A representative day of a SPEC value: the day itself, or the first day of a week, month,
    year or range; None for a duration, a set or null."""
    v = tv.parse_value(value)
    return v.start if v is not None else None


_WINDOW_TEXT = re.compile(r"(?i)^(?:within|inside|by|no later than|not later than|in the (?:next|coming)|"
                          r"over the (?:next|coming)|during the (?:next|coming))\b")


def is_window(time: Time) -> bool:
    """True for windows and deadlines ("within 45 days", "by the end of September", "in the next two
    weeks"): times that bound when something should happen rather than say when it did."""
    return time.type == "DATE" and bool(_WINDOW_TEXT.match(time.text))


# ============================================================================ the stage
def times_stage(doc: "Doc", found: Found) -> dict:
    return {"times": find_times(doc, found.published)}


def find_times(doc: "Doc", published: dt.date | None) -> list[Time]:
    """Every time expression of ``doc`` with its value, sorted by start (see the module docstring)."""
    ctx = _DocContext(doc, published)
    text = ctx.text
    exprs = _select(doc, text, scan(text), ctx.sent_of)
    if not exprs:
        return []
    resolved: list[_Resolved] = []
    for i, expr in enumerate(exprs):
        resolved.append(ctx.resolve(i, exprs, resolved))
    out = [Time(r.expr.start, r.expr.end, text[r.expr.start:r.expr.end], r.expr.type,
                r.val.iso if r.val is not None else None, r.anchor) for r in resolved]
    _trace(doc, out, resolved)
    return out


_MODES = {"absolute": "a full date as written: no anchor needed",
          "calendar": "a date without its year (month, day, holiday): the year from the anchor, read with the clause's tense",
          "deictic": "counted from the anchor (\"yesterday\", \"next month\", \"two weeks ago\")",
          "anaphoric": "counted from an earlier time of the story (\"the next day\", \"on Tuesday\")",
          "window": "a window or deadline (\"within two weeks\", \"by the end of the year\"): from the anchor to its end"}


def _trace(doc: "Doc", times: list[Time], resolved: list["_Resolved"]) -> None:
    """Note why each time has its value: the grammar rule that found it, how it was anchored, the tense."""
    if not tracing(doc):
        return
    for n, (t, r) in enumerate(zip(times, resolved), 1):
        item = f"t{n}.value"  # times carry no id in the SPEC: t<n> is the n-th of the record's times
        note(doc, item, f"times.rule.{r.expr.rule}", f"the time grammar's rule {r.expr.rule!r} found a {t.type}"
             + (" window" if r.expr.window else ""), (t.start, t.end), t.text)
        how = _MODES.get(r.expr.mode, r.expr.mode)
        anchor = "the publication date" if r.anchor == "published" else (repr(r.anchor) if r.anchor else "nothing")
        note(doc, item, f"times.value.{r.expr.mode}" + ("-unresolved" if t.value is None else ""),
             f"{how}; anchored on {anchor}; clause tense {r.tense or 'none'}"
             + ("; in a subordinate clause" if r.subordinate else ""), (t.start, t.end), t.value)


# ============================================================================ detection
def _best_expr(text: str) -> Expr | None:
    """The longest expression in a short text (no parse: the checks that need one are skipped)."""
    chosen = [_extend_by(text, e) for e in _non_overlapping(scan(text))]
    if not chosen:
        return None
    return max(chosen, key=lambda e: (e.end - e.start, e.type != "DURATION"))


def _non_overlapping(cands: Iterable[Expr]) -> list[Expr]:
    """Leftmost-longest: of overlapping candidates the one that starts first, then the longest;
    a candidate starting inside the last one kept replaces it when it is longer."""
    out: list[Expr] = []
    last_end = -1
    for e in sorted(cands, key=lambda e: (e.start, -(e.end - e.start), e.type == "DURATION")):
        if e.start >= last_end:
            out.append(e)
            last_end = e.end
        elif e.end > last_end and out and e.start >= out[-1].start and e.end - e.start > out[-1].end - out[-1].start:
            out[-1] = e
            last_end = e.end
    return out


_BY = re.compile(r"(?i)(?<![\w-])(?:by|no later than|not later than)\s+$")


def _extend_by(text: str, e: Expr) -> Expr:
    """"by June", "by the end of April": a deadline; the span takes in "by" and becomes a window."""
    if e.type != "DATE" or e.mode in ("window", "anaphoric") or e.rule in ("year_range", "month_range"):
        return e
    m = _BY.search(text, max(0, e.start - 20), e.start)
    if not m or text.startswith(("'s", "’s"), e.end):
        return e  # "hit by Friday's storm" is no deadline
    return Expr(m.start(), e.end, e.rule, e.mode, e.type, e.resolve, e.check, e.unit, True)


def _select(doc: "Doc", text: str, cands: Iterable[Expr], sent_of) -> list[Expr]:
    """The expressions to keep: plausible candidates, leftmost-longest, deadlines extended by "by".

    "N days after/before" followed by words ("a week after the verdict") is counted from the time
    its complement names; without one in the sentence it is only a length (its DURATION reading
    stays)."""
    checked = [e for e in cands if _plausible(doc, e)]
    while True:
        chosen = _non_overlapping(checked)
        orphans = {e for i, e in enumerate(chosen) if _needs_complement(text, e)
                   and _complement_time(chosen, i, sent_of) is None and _appositive_head(text, chosen, i) is None}
        if not orphans:
            break
        checked = [e for e in checked if e not in orphans]
    return [_extend_by(text, e) for e in chosen]


def _needs_complement(text: str, e: Expr) -> bool:
    if e.check != "complement":
        return False
    rest = text[e.end:e.end + 3].lstrip()
    return bool(rest) and (rest[0].isalnum() or rest[0] in "\"“'‘")


_DAY_RULES = frozenset({"iso", "mdy", "dmy", "weekday", "weekday_of_week", "deictic_word", "holiday"})
_APPOSITION_GAP = re.compile(r"\s*(?:,|[—–]|--)\s*")


def _appositive_head(text: str, exprs: list[Expr], i: int) -> int | None:
    """The index of the date that "N days after <event>" stands in apposition to ("freed on Monday,
    two weeks after his arrest"), when the complement names no time of its own: that date, just
    before it with only a comma or a dash between, is N days after the event."""
    if i == 0:
        return None
    e, head = exprs[i], exprs[i - 1]
    if head.type != "DATE" or head.mode not in ("absolute", "calendar", "deictic") or head.window \
            or head.rule not in _DAY_RULES:
        return None  # a day to count back from ("on Monday, two weeks after"), not a month or a range
    words = " ".join(text[e.start:e.end].lower().split())
    if any(words.startswith(b + " ") for b in lexicon()["bound_approximators"]):
        return None  # "more than two weeks after her arrest" bounds the event; it dates nothing
    return i - 1 if _APPOSITION_GAP.fullmatch(text, head.end, e.start) else None


def _mirror(head: Val, forward: Val) -> Val | None:
    """The time as far before ``head`` as ``forward`` lies after it (or after, for a time before it):
    "Monday, two weeks after X" dates X two weeks before Monday, at the granularity of the offset."""
    if head.start is None or forward.start is None:
        return None
    if forward.gran == "day":
        return tv.day(head.start - (forward.start - head.start)) if head.gran == "day" else None
    if forward.gran == "week":
        return tv.week(head.start - (forward.start - tv.week(head.start).start))
    if forward.gran == "month":
        k = (forward.start.year - head.start.year) * 12 + forward.start.month - head.start.month
        d = tv.add_months(head.start, -k)
        return tv.month(d.year, d.month)
    if forward.gran == "year":
        return tv.year(2 * head.start.year - forward.start.year)
    return None


def _complement_time(exprs: list[Expr], i: int, sent_of) -> int | None:
    """The index of the time inside the complement of "N days after ...": the next expression in
    the same sentence, if it carries or finds its own value."""
    e = exprs[i]
    for j in range(i + 1, len(exprs)):
        o = exprs[j]
        if sent_of(o.start) != sent_of(e.start) or o.start - e.end > 150:
            return None
        if o.mode in ("absolute", "calendar", "deictic") and o.type == "DATE":
            return j
    return None


@functools.cache
def _lex_set(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon()[key])


_NON_TIME_ENTS = {"PERSON", "ORG", "WORK_OF_ART", "FAC", "GPE", "LOC", "PRODUCT", "LAW", "NORP", "EVENT"}


def _tokens(doc: "Doc", start: int, end: int) -> "SpacySpan | None":
    return doc.char_span(start, end, alignment_mode="expand")


def _prev_word(doc: "Doc", span: "SpacySpan") -> "Token | None":
    i = span.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None


def _inside_name(span: "SpacySpan") -> bool:
    """The words belong to a longer name (an ORG, a PERSON, a title): "Sunday Times", "Christmas Island"."""
    doc = span.doc
    first, last = doc[span.start], doc[span.end - 1]
    if first.ent_type_ in _NON_TIME_ENTS and first.ent_iob_ == "I":
        return True  # the name starts before the expression
    nxt = doc[span.end] if span.end < len(doc) else None
    return last.ent_type_ in _NON_TIME_ENTS and nxt is not None and nxt.ent_iob_ == "I" \
        and nxt.ent_type_ == last.ent_type_


def _plausible(doc: "Doc", e: Expr) -> bool:
    """Checks a candidate against the parse where its words alone are ambiguous."""
    if e.check is None:
        return True
    if e.check == "future_only":
        return _clause(doc, e.start, e.end)[0] == "future"
    span = _tokens(doc, e.start, e.end)
    if span is None or not len(span):
        return False
    prev = _prev_word(doc, span)
    nxt = doc[span.end] if span.end < len(doc) else None
    if e.check == "bare_month":
        return _plausible_month(span, prev, nxt)
    if e.check == "bare_year":
        return _plausible_year(span, prev, nxt)
    if e.check == "weekday" and not _plausible_weekday(span, prev):
        return False
    if e.check in ("weekday", "holiday", "deictic_word"):
        return not _inside_name(span) and not _titled_work(span, nxt)
    return True


_WORKS = frozenset({"programme", "program", "show", "edition", "newspaper", "paper", "magazine", "broadcast",
                    "bulletin", "supplement", "column", "podcast", "club"})


def _titled_work(span: "SpacySpan", nxt: "Token | None") -> bool:
    """The words name a programme, a paper or a club ("the Sunday Morning programme", "the Friday
    show"): a later word written with a capital mid-sentence, or a kind of work right after it."""
    if nxt is not None and nxt.lower_ in _WORKS:
        return True
    months = lexicon()["months"]
    days = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    after = [t for t in span if t.i > next((x.i for x in span if x.lower_ in days), span.end)]
    return any(t.text[:1].isupper() and t.text not in months and not t.is_sent_start for t in after)


def _plausible_month(span: "SpacySpan", prev: "Token | None", nxt: "Token | None") -> bool:
    """A bare month name: "in May", "since March"; not the modal "may", not "June Carter"."""
    tok = span[-1]
    if tok.tag_ == "MD" or (tok.text == "May" and tok.pos_ in ("AUX", "VERB")) or _inside_name(span):
        return False
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.text not in lexicon()["months"]:
        return False  # "by June Carter"
    if (prev is not None and prev.lower_ in _lex_set("month_prepositions")) or (nxt is not None and nxt.like_num):
        return True
    # "May was the deadliest month": a sentence-initial month the tagger reads as a date
    return tok.is_sent_start and tok.ent_type_ == "DATE" and tok.tag_ == "NNP"


def _plausible_year(span: "SpacySpan", prev: "Token | None", nxt: "Token | None") -> bool:
    """A bare four-digit year: "in 2013", "the 2024 election"; not a count, a name or a number."""
    tok = span[-1]
    units = lexicon()["units"]
    prev_l = prev.lower_ if prev is not None else ""
    years_in = _lex_set("year_prepositions")
    if _inside_name(span) and tok.ent_type_ != "DATE":
        return False
    attributive = prev_l in ("the", "its", "their", "his", "her", "our", "'s", "’s")  # "the 1967 borders"
    if not attributive and nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in units:
        return False  # "2000 troops"
    if not attributive and tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and tok.head.lower_ not in units:
        return False  # "1987 new staff members"
    if prev is not None and prev.text in ("$", "€", "£", "#", "No."):
        return False
    if prev is not None and prev.pos_ in ("PROPN", "NOUN", "NUM") and prev_l not in years_in and prev_l not in units:
        return False  # "Channel 2024", "Resolution 1973"
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and prev_l not in years_in:
        return False  # "1600 Pennsylvania Avenue"
    return prev is None or prev_l in years_in or tok.ent_type_ == "DATE" or prev.is_punct


def _plausible_weekday(span: "SpacySpan", prev: "Token | None") -> bool:
    """A weekday that is not part of a name: "Bloody Sunday", "the Sunday Herald", "the Monday Club"."""
    if prev is not None and prev.text[:1].isupper() and span.start <= prev.head.i < span.end \
            and prev.dep_ in ("compound", "amod") and prev.lower_ not in ("last", "next", "this", "early", "late"):
        return False
    last = span[-1]
    head = last.head
    return not (last.dep_ == "compound" and head.tag_ == "NNP" and head.text[:1].isupper()
                and head.text not in lexicon()["months"] and head.i >= span.end)


# ============================================================================ anchoring
@dataclass(frozen=True, slots=True)
class _Resolved:
    expr: Expr
    val: Val | None
    anchor: str | None
    sent: int
    tense: str | None
    subordinate: bool
    aside: bool = False  # a detail of the story, not its narration: no reference for a later anaphor


_RANK = {"day": 0, "week": 1, "weekend": 1, "fortnight": 1, "month": 2, "year": 3, "decade": 4}
_LOOKBACK = 40  # how many earlier times an anaphoric expression may look back over (keeps long documents linear)
_SUBORDINATE = {"ccomp", "relcl", "acl", "csubj", "parataxis"}
_GRAN_OK = {"day": {"day"}, "week": {"day", "week"}, "weekend": {"day", "week"},
            "fortnight": {"day", "week"}, "month": {"day", "week", "month"},
            "year": {"day", "week", "month", "year", "range"}, "decade": {"day", "week", "month", "year", "range"}}


class _DocContext:
    """Sentence positions, clause tenses and the publication date of one document."""

    def __init__(self, doc: "Doc", published: dt.date | None) -> None:
        self.doc = doc
        self.text = doc_text(doc)  # Doc.text joins every token: compute it once
        self.pub = tv.day(published) if published else None
        self.sent_starts = [s.start_char for s in sentences(doc)] if doc.has_annotation("SENT_START") else [0]

    def sent_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    # -- one expression
    def resolve(self, i: int, exprs: list[Expr], done: list[_Resolved]) -> _Resolved:
        expr = exprs[i]
        sent = self.sent_of(expr.start)
        tense, subordinate = _clause(self.doc, expr.start, expr.end)
        if expr.check == "holiday" and tense != "future" and _forward_looking(self.doc, expr.start, expr.end):
            tense = "future"  # "talks may drag on past Easter": the next one
        if _needs_complement(self.text, expr):
            j = _complement_time(exprs, i, self.sent_of)
            if j is not None:
                ref = self.resolve(j, exprs, done)
                val = expr.resolve(Ctx(ref.val, tense)) if ref.val is not None else None
                return _Resolved(expr, val, self._text(ref.expr) if val else None, sent, tense, subordinate)
            h = _appositive_head(self.text, exprs, i)
            if h is not None and done and done[-1].expr is exprs[h] and done[-1].val is not None:
                head = done[-1].val
                fwd = expr.resolve(Ctx(head, tense))
                val = _mirror(head, fwd) if fwd is not None else None
                return _Resolved(expr, val, self._text(exprs[h]) if val else None, sent, tense, subordinate, True)
        val, anchor = self._value(i, exprs, sent, tense, subordinate, done)
        aside = subordinate and _embedding(self.doc, expr.start, expr.end)[0]
        return _Resolved(expr, val, anchor, sent, tense, subordinate, aside)

    def _text(self, e: Expr) -> str:
        return self.text[e.start:e.end]

    def _value(self, i: int, exprs: list[Expr], sent: int, tense: str | None, subordinate: bool,
               done: list[_Resolved]) -> tuple[Val | None, str | None]:
        expr = exprs[i]
        mode = expr.mode
        if mode in ("absolute", "duration", "set"):
            return expr.resolve(Ctx(None)), None
        if mode == "calendar":
            start = self._range_start(i, exprs, done)
            if start is not None:
                return expr.resolve(Ctx(start.val, "future")), self._text(start.expr)
            if expr.window and not _pluperfect(self.doc, expr.start, expr.end):
                tense = "future"  # a deadline ("by June") lies ahead of when it was set
            fixed = self._context_year(i, sent, tense, exprs) if tense != "future" else None
            if fixed is not None:
                default = expr.resolve(Ctx(self.pub, tense)) if self.pub is not None else None
                # the context only chooses between neighbouring years ("4 July 1976" next to a
                # deadline "March 31st" is a birth date, not the deadline's year)
                if default is None or abs(fixed[0].start.year - default.start.year) <= 1:
                    return fixed
            if tense == "past":
                fixed = self._narrative_year(expr, sent, done)
                if fixed is not None:
                    return fixed
            scene = self._reporting_time(sent, done) if subordinate else None
            if scene is not None:
                return expr.resolve(Ctx(scene.val, tense)), self._text(scene.expr)
            if self.pub is None:
                return None, None
            return expr.resolve(Ctx(self.pub, tense)), "published"
        if mode == "deictic":
            if expr.rule == "deictic_word" and _in_quote(self.text, expr.start):
                ref = self._reference(expr, sent, "past", done, same_sentence=False)
                if ref is not None:
                    return expr.resolve(Ctx(ref.val, tense)), self._text(ref.expr)
            if self.pub is None:
                return None, None
            return expr.resolve(Ctx(self.pub, tense)), "published"
        if mode == "anaphoric":
            reported = subordinate and _embedding(self.doc, expr.start, expr.end)[1]
            ref = self._reference(expr, sent, tense, done, reported=reported)
            if ref is None and expr.rule in ("in_the_unit", "anaphoric_weekday") and self.pub is not None:
                # "later in the week" with no scene set: this week; "the following Monday": next Monday
                return expr.resolve(Ctx(self.pub, tense)), "published"
            if ref is None:
                return None, None
            return expr.resolve(Ctx(ref.val, tense)), self._text(ref.expr)
        if mode == "window":
            ref = self._scene_day(sent, done)
            if ref is not None:
                return expr.resolve(Ctx(ref.val, tense)), self._text(ref.expr)
            if self.pub is None:
                return None, None
            return expr.resolve(Ctx(self.pub, tense)), "published"
        return None, None

    def _range_start(self, i: int, exprs: list[Expr], done: list[_Resolved]) -> _Resolved | None:
        """For the end of a range ("from Monday to Thursday", "between March 3 and March 5"): its
        start, which the end follows."""
        if i == 0 or not done or done[-1].expr is not exprs[i - 1] or done[-1].val is None:
            return None
        prev = done[-1]
        if prev.val.gran not in ("day", "month") or prev.expr.mode in ("window", "duration", "set"):
            return None
        if not _RANGE_LINK.fullmatch(self.text, prev.expr.end, exprs[i].start):
            return None
        return prev if _RANGE_OPEN.search(self.text, max(0, prev.expr.start - 10), prev.expr.start) else None

    # -- anaphora
    def _reference(self, expr: Expr, sent: int, tense: str | None, done: list[_Resolved], *,
                   same_sentence: bool = True, reported: bool = False) -> _Resolved | None:
        """The time an anaphoric expression counts from (see the module docstring). An expression
        that is itself inside a reported clause may chain to an earlier reported time: it continues
        the reported story ("saying the gates were opened on Saturday. ... adding that officials had
        been warned two days earlier")."""
        ok = _GRAN_OK.get(expr.unit or "day", {"day"})
        for r in reversed(done):
            if r.sent != sent or not same_sentence:
                break
            if r.val is not None and r.expr.mode not in ("window", "duration", "set") and r.val.gran in ok:
                return r
        for r in reversed(done[-_LOOKBACK:]):
            if r.sent == sent or r.val is None or r.val.gran not in ok:
                continue
            if r.expr.mode in ("window", "duration", "set") or (r.aside and not reported):
                continue
            if r.expr.mode == "anaphoric" and _RANK.get(r.expr.unit or "day", 0) < _RANK.get(expr.unit or "day", 0):
                continue  # "ten days ago ... Two days earlier ... The previous week": a day's detour sets no week
            if tense != "future" and self.pub is not None and r.val.start > self.pub.start:
                continue
            return r
        return None

    def _reporting_time(self, sent: int, done: list[_Resolved]) -> _Resolved | None:
        """For a date inside a reported or relative clause: the main clause's day earlier in the same
        sentence ("announced on May 3 that the bridge would reopen by the end of June"), if not after
        publication."""
        for r in reversed(done):
            if r.sent != sent:
                break
            if r.val is None or r.val.gran != "day" or r.subordinate or r.expr.mode in ("window", "duration", "set"):
                continue
            if self.pub is None or r.val.start <= self.pub.start:
                return r
        return None

    def _scene_day(self, sent: int, done: list[_Resolved]) -> _Resolved | None:
        """The last day-precise time in this sentence or the one before, when not after publication."""
        for r in reversed(done):
            if r.sent < sent - 1:
                break
            if r.val is None or r.val.gran != "day" or r.expr.mode in ("window", "duration", "set"):
                continue
            if self.pub is not None and r.val.start > self.pub.start:
                return None
            return r
        return None

    # -- year-less dates fixed by an explicit date nearby
    def _context_year(self, i: int, sent: int, tense: str | None,
                      exprs: list[Expr]) -> tuple[Val, str] | None:
        """A year-less date followed, in its sentence or the next, by an explicit date with a year
        (day or month precise) takes the year that puts it on or before that date and within a
        year of it: "abducted on August 12 ... released in early October 2022" → 2022-08-12."""
        expr = exprs[i]
        if expr.rule not in ("mdy", "dmy", "month", "week_of"):
            return None
        for j in range(i + 1, len(exprs)):
            other = exprs[j]
            if other.mode != "absolute" or other.rule not in ("mdy", "dmy", "my", "iso"):
                if self.sent_of(other.start) > sent + 1:
                    break
                continue
            osent = self.sent_of(other.start)
            if osent > sent + 1:
                break
            ev = other.resolve(Ctx(None))
            if ev is None or ev.gran not in ("day", "month"):
                continue
            for y in (ev.start.year, ev.start.year - 1):
                v = expr.resolve(Ctx(None, tense, y))
                if v is not None and v.start <= ev.end and (ev.start - v.start).days <= 366:
                    return v, self._text(other)
            return None
        return None


    def _narrative_year(self, expr: Expr, sent: int, done: list[_Resolved]) -> tuple[Val, str] | None:
        """A year-less date in past narration right after a past date that carries or inherited its
        year (same or previous sentence), and that it follows within three months, continues that
        story's year: "On March 3, 2019, ... On March 17, ... In June, ..." → 2019-03-17, 2019-06."""
        if expr.rule not in ("mdy", "dmy", "month", "week_of"):
            return None
        for r in reversed(done):
            if r.sent < sent - 1:
                return None
            if r.val is None or r.val.gran not in ("day", "month") or r.expr.mode not in ("absolute", "calendar"):
                continue
            if r.expr.mode == "calendar" and r.anchor in (None, "published"):
                return None  # the story is told from the publication date
            ev = r.val
            if self.pub is not None and ev.start > self.pub.start:
                return None
            for y in (ev.start.year, ev.start.year + 1):
                v = expr.resolve(Ctx(None, "past", y))
                if v is not None and v.start >= ev.start and (v.start - ev.end).days <= 92:
                    return v, self._text(r.expr)
            return None
        return None


_RANGE_LINK = re.compile(r"\s*(?:(?i:to|until|till|through|and)\s|[-–])\s*")
_RANGE_OPEN = re.compile(r"(?i:\b(?:from|between))\s+$")


def _in_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation in its paragraph (curly quotes paired, straight ones counted)."""
    para = text.rfind("\n", 0, pos) + 1
    before = text[para:pos]
    if before.rfind("“") > before.rfind("”"):
        return True
    return before.count('"') % 2 == 1


# ============================================================================ tense from the parse


@functools.cache
def _future_aux() -> frozenset[str]:
    return word_class("future_auxiliaries")


@functools.cache
def _future_governors() -> frozenset[str]:
    return frozenset(lexicon()["future_governors"])


def _verb_tense(v: "Token") -> str | None:
    """past | future | None (present or non-finite) for one verb (:func:`newsledger.analysis.clause.tense`)."""
    return clause.tense(v, _future_aux())


def _present_aux(v: "Token") -> bool:
    """"is/are scheduled", "is due": a present-tense auxiliary or copula governs ``v``."""
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in v.children):
        return True
    return v.dep_ == "acomp" and v.head.tag_ in ("VBZ", "VBP")


_is_finite = clause.is_finite


def _deferred_to(tok: "Token") -> bool:
    """Whether ``tok`` is the new date of a rescheduling verb ("adjourned until March 31",
    "postponed to April", "pushed back to June"): such a date lies ahead of the act."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in _lex_set("deferral_prepositions"):
        return False
    verb = _up(tok.head)
    if verb.dep_ == "prt" or (verb.pos_ == "ADV" and verb.head.pos_ == "VERB"):
        verb = verb.head  # "pushed back to June"
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _lex_set("deferral_verbs")


def _up(tok: "Token") -> "Token":
    """The head of ``tok``, corrected for one attachment error of the parser: in "said on Monday it
    would respond" the time's preposition hangs on the reported verb although it sits between the
    reporting verb and the reported clause's subject; it belongs to the reporting verb."""
    head = tok.head
    if tok.dep_ == "prep" and head.dep_ == "ccomp" and head.head.i == tok.i - 1 \
            and head.head.pos_ in ("VERB", "AUX") and tok.i < head.i \
            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") and tok.i < c.i < head.i for c in head.children):
        return head.head
    return head


def _pluperfect(doc: "Doc", start: int, end: int) -> bool:
    """Whether the verb a time attaches to is past perfect ("had withdrawn by March")."""
    span = _tokens(doc, start, end)
    if span is None or not len(span):
        return False
    tok = span.root
    for _ in range(6):
        if tok.head is tok:
            return False
        tok = _up(tok)
        if tok.pos_ in ("VERB", "AUX"):
            return clause.is_pluperfect(tok)
    return False


_RELATIVE = {"relcl", "acl", "csubj"}
_REPORTED = {"ccomp", "parataxis"}


def _embedding(doc: "Doc", start: int, end: int) -> tuple[bool, bool]:
    """(aside, reported) for the clause of an expression. ``reported``: on the way up there is a
    clause reported after its cue ("adding that officials had been warned two days earlier"): a
    ``ccomp`` whose governing verb precedes it. ``aside``: reported so, or inside a relative clause,
    a noun's modifier or a subject clause ("a report posted on Friday"). A trailing attribution
    ("the road was cut on Tuesday, officials said") carries the article's own narration: neither."""
    span = _tokens(doc, start, end)
    if span is None or not len(span):
        return False, False
    tok = span.root
    aside = reported = False
    for _ in range(40):
        if tok.head.i == tok.i:  # the root ("is" never holds: spaCy makes a new Token each time)
            break
        if tok.dep_ in _RELATIVE:
            aside = True
        elif tok.dep_ in _REPORTED and tok.head.i < tok.i:
            aside = reported = True
        tok = _up(tok)
    return aside, reported


_POSSIBLE = frozenset({"may", "might", "could", "can", "will", "would", "shall", "'ll"})


def _forward_looking(doc: "Doc", start: int, end: int) -> bool:
    """The verb governing the expression carries a modal of possibility or future ("may drag on past
    Easter", "could last until Christmas"): a year-less holiday there is the next one."""
    span = _tokens(doc, start, end)
    if span is None or not len(span):
        return False
    tok = span.root
    for _ in range(6):
        if tok.head is tok:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "aux" and c.lower_ in _POSSIBLE for c in tok.children)
    return False


def _clause(doc: "Doc", start: int, end: int) -> tuple[str | None, bool]:
    """The tense of the clause a time expression belongs to, and whether that clause is reported
    or relative (a ``ccomp``, ``relcl`` or ``acl`` on the way to the sentence root).

    The walk goes up the dependency tree from the expression. A possessive or compound ("Tuesday's
    runoff", "the Tuesday vote") names a known event: no tense. An infinitive governed by a
    word of plans ("is due to open in April", "plans to") or marked by "to" is future."""
    span = _tokens(doc, start, end)
    if span is None or not len(span):
        return None, False
    tok = span.root
    tense: str | None = None
    decided = False
    subordinate = False
    if tok.dep_ in ("poss", "compound", "dobj"):
        decided = True  # a time named as a thing ("Tuesday's runoff"), not when the verb happened
    elif _deferred_to(tok):
        tense, decided = "future", True  # "adjourned until March 31", "postponed to April"
    elif tok.dep_ == "pobj" and tok.head.lower_ not in _lex_set("temporal_prepositions"):
        decided = True  # "pointing to Easter"
    steps = 0
    at_root = False
    while not at_root and steps < 40:
        steps += 1
        # at the root every further step reads the root again, to the same effect: one is enough
        at_root = tok.head.i == tok.i
        dep = tok.dep_
        if dep in _SUBORDINATE:
            subordinate = True
        tok = _up(tok)
        if not decided and tok.pos_ == "ADJ" and tok.lemma_.lower() in _lex_set("schedule_words") and _present_aux(tok):
            tense, decided = "future", True  # "is due in April"
            continue
        if decided or tok.pos_ not in ("VERB", "AUX"):
            continue
        t = _verb_tense(tok)
        if t != "past" and tok.lemma_.lower() in _lex_set("schedule_words") and tok.tag_ in ("VBN", "JJ") \
                and _present_aux(tok):
            t = "future"  # "elections are scheduled for May", "is expected in June"
        if t is not None:
            tense, decided = t, True
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() not in _lex_set("schedule_words") \
                and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            tense, decided = "past", True  # "the driver killed on May 9", whatever the sentence's own tense
            continue
        if _is_finite(tok):
            decided = True  # present: no direction
            continue
        # non-finite: an infinitive of plans is future; otherwise read the governing verb
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _future_governors():
            tense, decided = "future", True
        elif tok.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            tense, decided = "future", True  # a headline's "Council to vote on budget on April 14"
    return tense, subordinate
