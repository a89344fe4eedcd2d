"""What the time grammar (:mod:`.grammar`) is built from: the :class:`Expr` and :class:`Ctx` records,
the times lexicon, the pattern pieces (number words, months, weekdays) and the calendar arithmetic
(anchored days, offsets, seasons, holidays, windows) the rule handlers share."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Callable

from . import values as tv
from .values import Val

if TYPE_CHECKING:
    from .openings import Openings


Date = dt.date


@functools.cache
def lexicon() -> dict:
    """The times lexicon (``data/lexicons/times.json``), loaded once."""
    text = resources.files("newsledger").joinpath("data/lexicons/times.json").read_text(encoding="utf-8")
    return json.loads(text)


@dataclass(frozen=True, slots=True)
class Ctx:
    """What an expression is resolved against: ``anchor`` (None: unknown), the clause's ``tense``
    (past | future | near | None; near: ahead of a past request, the nearest) and, for year-less dates, a ``year`` fixed by the context."""

    anchor: Val | None
    tense: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class Expr:
    """A candidate time expression at ``start:end`` of the scanned text."""

    start: int
    end: int
    rule: str
    mode: str
    type: str
    resolve: Callable[[Ctx], Val | None] = field(compare=False, repr=False)
    check: str | None = None          # bare_month | bare_year | weekday | holiday | deictic_word
    unit: str | None = None           # the granularity an anaphoric expression reads from its reference
    window: bool = False


# ----------------------------------------------------------------------------- pattern pieces
def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _number_words() -> dict[str, float]:
    words = {k: v for k, v in lexicon()["number_words"].items()}
    units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    for tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"):
        for i, u in enumerate(units, 1):
            words[f"{tens}-{u}"] = words[tens] + i
            words[f"{tens} {u}"] = words[tens] + i
    return words


def number(text: str) -> float | None:
    """The value of a number as written ("three", "twenty-five", "45", "a"); None for a vague one."""
    t = " ".join(text.lower().split())
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", t):
        return float(t.replace(",", ""))
    return _number_words().get(t)


def _months() -> dict[str, int]:
    return lexicon()["months"]


@functools.cache
def _months_with_day() -> dict[str, int]:
    """Month names that may stand before or after a day number: the names, and the abbreviations
    written without a period ("Oct 9")."""
    return {**lexicon()["months"], **lexicon()["month_abbreviations_without_period"]}


def _weekdays() -> dict[str, int]:
    return lexicon()["weekdays"]


@functools.cache
def _pieces() -> dict[str, str]:
    lx = lexicon()
    end = r"(?![\w'’]*\w)"
    return {
        "MON": f"(?:{_alt(_months())})(?![A-Za-z])",
        "MOND": f"(?:{_alt(_months_with_day())})(?![A-Za-z])",
        "WD": f"(?:{_alt(_weekdays())})(?![A-Za-z])",
        "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])",
        "YEAR": r"(?<![\d$€£.,/])(?<!\d[-–])(?:1[6-9]|20)\d\d(?![\d,.]\d|[\d%]|[-‐]year)",
        # a figure is read whole ("10,000" never as its "000"), thousands separators included
        "NUM": rf"(?:(?<![\d.,])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|(?i:{_alt(_number_words())})){end}",
        "UNIT": rf"(?i:{_alt(lx['units'])})(?![a-z])",
        "TOD": rf"(?i:{_alt(lx['times_of_day'])})(?![a-z])",
        "APPROX": rf"(?i:{_alt(lx['approximators'])})",
        "SEASON": rf"(?i:{_alt(lx['seasons'].keys() - {'_comment'})})(?![a-z])",
        "HOLIDAY": rf"(?:{_alt(k for k in lx['holidays'] if k != '_comment')})(?![A-Za-z])".replace("'", "['’]"),
        "MOD": r"(?i:early|mid|late|(?:end|start)(?=-)|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
               r"the\s+middle\s+of)",
    }


# ----------------------------------------------------------------------------- resolution helpers
def _anchor_day(ctx: Ctx) -> Date | None:
    return ctx.anchor.start if ctx.anchor is not None else None


def _apply_mod(v: Val | None, mod: str | None) -> Val | None:
    """"the end of X" is X's last day, "the beginning/start of X" its first; "mid-December", "the middle of
    December" the month's middle ten days (11th to 20th: a range about the month's middle, narrow enough to
    say which part of the month); early/late and mid- with a year keep X (TIMEX3 keeps the value and records
    the modifier apart; the record has no field for it)."""
    if v is None or not mod:
        return v
    mod = " ".join(mod.lower().split())
    if mod.startswith(("the end", "end")):
        return tv.day(v.end)
    if mod.startswith(("the beginning", "the start", "start")):
        return tv.day(v.start)
    if mod.startswith(("mid", "the middle")) and v.gran == "month" and v.start is not None:
        return tv.span_range(tv.day(v.start.replace(day=11)), tv.day(v.start.replace(day=20)))
    return v


def _in_year(y: int, m: int, d: int | None) -> Val | None:
    try:
        return tv.day(Date(y, m, d)) if d else tv.month(y, m)
    except ValueError:
        return None


_FUTURE_GRACE_DAYS = 30


def _calendar(ctx: Ctx, make: Callable[[int], Val | None]) -> Val | None:
    """A year-less date/month resolved by the anchor's year and the tense.

    past: the latest one that starts on or before the anchor; future: the earliest that ends on or
    after it (a day may lie up to a month before it); unknown tense: the one whose middle is
    nearest. ``ctx.year`` overrides all that."""
    if ctx.year is not None:
        return make(ctx.year)
    a = _anchor_day(ctx)
    if a is None:
        return None
    cands = [v for v in (make(a.year + k) for k in (-1, 0, 1)) if v is not None]
    if not cands:
        return None
    if ctx.tense == "past":
        ok = [v for v in cands if v.start <= a]
        return ok[-1] if ok else cands[0]
    if ctx.tense == "future":
        # a day a few weeks past still beats one eleven months ahead: the plan was reported
        # after it was made ("would present the budget by Oct. 15", published on Oct. 31)
        grace = dt.timedelta(days=_FUTURE_GRACE_DAYS if cands[0].gran == "day" else 0)
        ok = [v for v in cands if v.end >= a - grace]
        return ok[0] if ok else cands[-1]
    mid = lambda v: abs((v.start.toordinal() + v.end.toordinal()) / 2 - a.toordinal())  # noqa: E731
    return min(cands, key=mid)


def _weekday(ctx: Ctx, wd: int, rel: str | None) -> Val | None:
    a = _anchor_day(ctx)
    if a is None:
        return None
    rel = (rel or "").lower()
    if rel == "this":
        if ctx.tense == "future" and wd < a.weekday():
            return tv.day(a + dt.timedelta(days=(wd - a.weekday()) % 7))  # "will visit this Monday": the coming one
        return tv.day(a + dt.timedelta(days=wd - a.weekday()))
    if rel == "last":
        back = (a.weekday() - wd) % 7 or 7
        return tv.day(a - dt.timedelta(days=back))
    if rel in ("next", "coming"):
        fwd = (wd - a.weekday()) % 7 or 7
        return tv.day(a + dt.timedelta(days=fwd))
    if ctx.tense == "future":
        return tv.day(a + dt.timedelta(days=(wd - a.weekday()) % 7))
    if ctx.tense == "near":  # ahead of a past request: the nearest such day, behind or ahead
        back, fwd = (a.weekday() - wd) % 7, (wd - a.weekday()) % 7
        return tv.day(a + dt.timedelta(days=fwd) if fwd < back else a - dt.timedelta(days=back))
    return tv.day(a - dt.timedelta(days=(a.weekday() - wd) % 7))


def _unit_val(d: Date, unit: str) -> Val | None:
    """The calendar unit (day, week, month, year, weekend, decade) that contains ``d``."""
    if unit in ("day", "hour", "minute"):
        return tv.day(d)
    if unit in ("week", "fortnight"):
        return tv.week(d)
    if unit == "weekend":
        sat = d + dt.timedelta(days=5 - d.weekday())
        return tv.span_range(tv.day(sat), tv.day(sat + dt.timedelta(days=1)))
    if unit == "month":
        return tv.month(d.year, d.month)
    if unit == "year":
        return tv.year(d.year)
    if unit == "decade":
        y = d.year - d.year % 10
        return tv.span_range(tv.year(y), tv.year(y + 9))
    return None


def _offset_val(base: Val, n: float, unit: str, sign: int) -> Val | None:
    """``n`` units before/after ``base``: a day counted from a day (for days, weeks and months: a
    point counted back from a day is a day), a year for years; from a week or a month, a week or
    a month ("in March ... a month later" is April)."""
    d = tv.shift(base.start, sign * n, unit)
    if d is None:
        return None
    if unit in ("year", "decade", "century"):
        return tv.year(d.year)
    if unit == "weekend":
        return _unit_val(d, "weekend")
    if base.gran == "month" and unit == "month":
        return tv.month(d.year, d.month)
    if base.gran == "week" and unit in ("week", "fortnight"):
        return tv.week(d)
    return tv.day(d)


def _season(ctx: Ctx, name: str, y: int | None, rel: str | None) -> Val | None:
    first, last = lexicon()["seasons"][name.lower()]
    from .article_calendar import current  # (article_calendar reads this module's lexicon)

    if current().southern:
        first, last = (first + 5) % 12 + 1, (last + 5) % 12 + 1  # the southern hemisphere's: summer from December

    def make(yy: int) -> Val | None:
        a = tv.month(yy, first)
        b = tv.month(yy + (last < first), last)
        return tv.span_range(a, b)

    if y is not None:
        return make(y)
    a = _anchor_day(ctx)
    if a is None:
        return None
    rel = (rel or "").lower()
    cands = [make(a.year + k) for k in (-2, -1, 0, 1)]
    current = [v for v in cands if v.start <= a <= v.end]
    if rel == "this":
        if current:
            return current[0]
        return _calendar(ctx, make)
    if rel == "last":
        return [v for v in cands if v.end < a][-1]
    if rel in ("next", "coming"):
        return [v for v in cands if v.start > a][0]
    return _calendar(Ctx(ctx.anchor, ctx.tense, None), make)


# ----------------------------------------------------------------------------- rules
@dataclass(frozen=True)
class _Rule:
    name: str
    regex: re.Pattern
    handler: Callable[[re.Match, str], "Expr | None"]
    #: the words a match can begin with (case-folded), for rules that open with a count ("about
    #: three weeks"): only those word starts are tried (see :func:`_matches`); None: try everywhere
    first_words: frozenset[str] | None = None
    #: for the other rules, what their matches can begin with, read off the pattern (None: unknown)
    openings: "Openings | None" = None
    #: the first letters of those words (digits aside): only words with these are looked at
    heads: frozenset[str] = frozenset()
    #: for a rule whose matches may begin inside a word: finds each position where one can begin
    finder: "re.Pattern | None" = None


def _g(m: re.Match, name: str) -> str | None:
    return m.groupdict().get(name)


def _mk(m: re.Match, rule: str, mode: str, fn, *, type_: str = "DATE", check=None, unit=None, window=False,
        group: str | None = None) -> Expr:
    s, e = m.span(group) if group else m.span()
    return Expr(s, e, rule, mode, type_, _safe(fn), check, unit, window)


def _safe(fn: Callable[[Ctx], Val | None]) -> Callable[[Ctx], Val | None]:
    """A resolver that answers None where the calendar cannot ("within 9000 years" of 2025)."""

    def resolve(ctx: Ctx) -> Val | None:
        try:
            return fn(ctx)
        except (ValueError, OverflowError, IndexError, KeyError):
            return None

    return resolve


def _month_of(text: str) -> int:
    return _months_with_day()[text]


def _holiday_in(spec: str) -> Callable[[int], Val | None]:
    """The day of a holiday in year y: "MM-DD" for fixed ones, "easter+N" for those counted from
    Western Easter Sunday (dateutil's computation of it)."""
    if spec.startswith("easter"):
        from dateutil.easter import easter

        shift = int(spec[6:] or 0)
        return lambda y: tv.day(easter(y) + dt.timedelta(days=shift))
    mo, d = int(spec[:2]), int(spec[3:])
    return lambda y: _in_year(y, mo, d)


def tv_unit(word: str) -> str:
    """The calendar unit of a unit word; a part of the day ("that night") stands for its day."""
    w = word.lower()
    return "day" if w in lexicon()["times_of_day"] else lexicon()["units"][w]


def _window_val(a: Date, n1: float, n2: float | None, unit: str, sign: int = 1) -> Val | None:
    """From the anchor to ``n`` units after it; "two to three weeks": from +2 to +3 weeks."""
    if n2 is not None:
        lo, hi = tv.shift(a, sign * n1, unit), tv.shift(a, sign * n2, unit)
        if lo is None or hi is None:
            return None
        lo, hi = sorted((lo, hi))
        return tv.span_range(tv.day(lo), tv.day(hi))
    d = tv.shift(a, sign * n1, unit)
    if d is None:
        return None
    lo, hi = sorted((a, d))
    return tv.span_range(tv.day(lo), tv.day(hi))
