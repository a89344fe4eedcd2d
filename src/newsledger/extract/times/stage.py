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
     else, when an earlier sentence gives its event noun (or that verb) a day ("voted on March 2 ...
     a week after the vote"), it counts from that day; otherwise only its DURATION reading is kept.
     An offset that counts back and that nothing before it anchors ("The pumps arrived a day
     earlier, and the crew reached it on Wednesday") counts back from the first past day its
     paragraph tells after it (the scene the paragraph reports from);
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

import dataclasses

import datetime as dt
import re
from typing import TYPE_CHECKING

from ...stages import Found
from ...records import Time
from ...trace import note, tracing
from . import values as tv
from .._doc import doc_text
from .article_calendar import asked, in_article
from .grammar import Ctx, scan
from .candidates import _best_expr, _select
from .context import _DocContext, _Resolved

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_times", "resolve_expression", "reanchor", "value_to_date", "is_window", "times_stage"]


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
    with in_article(text):
        val = best.resolve(Ctx(tv.day(anchor), tense))
    return val.iso if val is not None else None


def value_to_date(value: str | None) -> dt.date | None:
    """A representative day of a SPEC value: the day itself, or the first day of a week, month,
    year or range; None for a duration, a set or null."""
    v = tv.parse_value(value)
    return v.start if v is not None else None


def reanchor(doc: "Doc", time: Time, anchor: dt.date, *, tense: str | None = "future") -> str | None:
    """The value of ``time``, found in ``doc`` by :func:`find_times`, resolved again against ``anchor``
    (a statement's own date: "within two weeks" of when it was said) with ``tense``; no re-parse of the
    text: the expression the grammar found for it resolves anew. None when ``doc``'s times stage did not
    find ``time`` (times made elsewhere) or the expression has no value from that anchor."""
    expr = doc.user_data.get(_EXPRS, {}).get((time.start, time.end))
    if expr is None:
        return None
    if expr.window and expr.mode == "calendar" and tense is None:
        tense = "future"  # as resolve_expression: a deadline lies ahead of when it was set
    with in_article(doc_text(doc), doc.user_data.get(_URL)):  # the cached text: Doc.text joins every token again
        val = expr.resolve(Ctx(tv.day(anchor), tense))
    return val.iso if val is not None else None


#: doc.user_data key: (start, end) of each time find_times kept -> its grammar expression (for reanchor)
_EXPRS = "newsledger:time_exprs"
#: doc.user_data key: the article's URL find_times was given (for reanchor's financial years and seasons)
_URL = "newsledger:time_url"


_WINDOW_TEXT = re.compile(r"(?i)^(?:within|inside|by|no later than|not later than|in the (?:next|coming)|"
                          r"over the (?:next|coming)|during the (?:next|coming)|for the (?:next|coming))\b")


def is_window(time: Time) -> bool:
    """True for windows and deadlines ("within 45 days", "by the end of September", "in the next two
    weeks"): times that bound when something should happen rather than say when it did."""
    return time.type == "DATE" and bool(_WINDOW_TEXT.match(time.text))


# ============================================================================ the stage
def times_stage(doc: "Doc", found: Found) -> dict:
    return {"times": find_times(doc, found.published, url=found.article.url)}


def find_times(doc: "Doc", published: dt.date | None, *, url: str | None = None) -> list[Time]:
    """Every time expression of ``doc`` with its value, sorted by start (see the module docstring); ``url``,
    the article's address, lets its outlet's country vote on the financial year and the hemisphere."""
    ctx = _DocContext(doc, published)
    doc.user_data[_URL] = url
    with in_article(ctx.text, url):
        return _find_times(doc, ctx)


def _find_times(doc: "Doc", ctx: _DocContext) -> list[Time]:
    text = ctx.text
    exprs = _select(doc, text, scan(text), ctx.sent_of)
    if not exprs:
        return []
    resolved: list[_Resolved] = []
    for i, expr in enumerate(exprs):
        resolved.append(ctx.resolve(i, exprs, resolved))
    for i, r in enumerate(resolved):
        if r.val is None and r.anchor is None and r.expr.mode == "anaphoric" and r.expr.check != "complement" \
                and r.tense != "future":
            ref = ctx.forward_reference(i, resolved)
            val = r.expr.resolve(Ctx(ref.val, r.tense)) if ref is not None and ref.val is not None else None
            if ref is not None and ref.val is not None and val is not None and val.end is not None \
                    and ref.val.start is not None and val.end < ref.val.start:
                # only counting back from the scene told after it ("a day earlier" ... "said on Monday")
                resolved[i] = dataclasses.replace(r, val=val, anchor=ctx._text(ref.expr), forward=True)
    out = [Time(r.expr.start, r.expr.end, text[r.expr.start:r.expr.end], r.expr.type,
                r.val.iso if r.val is not None else None, r.anchor) for r in resolved]
    doc.user_data[_EXPRS] = {(r.expr.start, r.expr.end): r.expr for r in resolved}
    _trace(doc, out, resolved)
    return out


_MODES = {"absolute": "a full date as written: no anchor needed",
          "calendar": "a date without its year (month, day, holiday): the year from the anchor, read with the clause's tense",
          "deictic": "counted from the anchor (\"yesterday\", \"next month\", \"two weeks ago\")",
          "anaphoric": "counted from an earlier time of the story (\"the next day\", \"on Tuesday\")",
          "window": "a window or deadline (\"within two weeks\", \"by the end of the year\"): from the anchor to its end"}


_FISCAL_RULES = frozenset({"financial_year", "rel_financial_year", "year_range"})


def _trace(doc: "Doc", times: list[Time], resolved: list["_Resolved"]) -> None:
    """Note why each time has its value: the grammar rule that found it, how it was anchored, the tense."""
    if not tracing(doc):
        return
    for n, (t, r) in enumerate(zip(times, resolved), 1):
        item = f"t{n}.value"  # times carry no id in the SPEC: t<n> is the n-th of the record's times
        note(doc, item, f"times.rule.{r.expr.rule}", f"the time grammar's rule {r.expr.rule!r} found a {t.type}"
             + (" window" if r.expr.window else ""), (t.start, t.end), t.text)
        how = _MODES.get(r.expr.mode, r.expr.mode)
        if r.forward:
            note(doc, item, "times.value.anaphoric-forward", "nothing before it anchors it: counted back from the "
                 f"first past day its paragraph tells after it, {r.anchor!r}; clause tense {r.tense or 'none'}",
                 (t.start, t.end), t.value)
            continue
        fy = asked()
        if fy is not None and r.expr.rule in _FISCAL_RULES:
            note(doc, item, f"times.fiscal.{fy.by}", f"the article's financial year starts in month {fy.start} "
                 f"({'the default' if fy.by == 'default' else 'most of its places are of the word class ' + fy.by})"
                 + ("; a budget article: a dashed pair of following years is a financial year" if fy.cued else ""),
                 (t.start, t.end), t.value)
        anchor = "the publication date" if r.anchor == "published" else (repr(r.anchor) if r.anchor else "nothing")
        note(doc, item, f"times.value.{r.expr.mode}" + ("-unresolved" if t.value is None else ""),
             f"{how}; anchored on {anchor}; clause tense {r.tense or 'none'}"
             + ("; in a subordinate clause" if r.subordinate else ""), (t.start, t.end), t.value)


