"""The grammar of time expressions: regular patterns over the text, each with its meaning.

:func:`scan` finds every candidate time expression in a text with exact character offsets and
returns :class:`Expr` objects: where it is, how it must be anchored (``mode``) and a resolver that,
given a :class:`Ctx` (the anchor value and the tense of the clause), computes its :class:`Val`.
Deciding *which* anchor and tense to use is :mod:`newsledger.extract.times.stage`' job; checking a
candidate against the parse (``May`` the modal, ``Kanal 12``) is too (``Expr.check`` says which
check a candidate needs).

Modes:

- ``absolute``: carries its own year ("June 30, 2031", "1998", "the 1990s").
- ``calendar``: a year-less date, month, weekday, season or holiday: the anchor gives the year and
  the tense the direction (past: the last one on or before the anchor; future: the next).
- ``deictic``: counted from the publication date ("two weeks ago", "last month", "today").
- ``anaphoric``: counted from the reference time before it ("a day earlier", "the previous week").
- ``window``: a range from the narrative's current time ("within 45 days", "in the next two weeks").
- ``duration`` / ``set``: lengths (``P45D``) and recurrences ("every week"); no anchor.

Lexical material (month names, number words, units, holidays, seasons) lives in
``data/lexicons/times.json``. Patterns are compiled once; a scan is linear in the text.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Callable, Iterable, Iterator

from . import values as tv
from .openings import Openings, openings
from .values import Val

__all__ = ["Ctx", "Expr", "scan", "lexicon"]

Date = dt.date


@functools.cache
def lexicon() -> dict:
    """The times lexicon (``data/lexicons/times.json``), loaded once."""
    text = resources.files("newsledger").joinpath("data/lexicons/times.json").read_text(encoding="utf-8")
    return json.loads(text)


@dataclass(frozen=True, slots=True)
class Ctx:
    """What an expression is resolved against: ``anchor`` (None: unknown), the clause's ``tense``
    (past | future | None) and, for year-less dates, a ``year`` fixed by the context."""

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
    """"the end of X" is X's last day, "the beginning/start of X" its first; early/mid/late keep X
    (TIMEX3 keeps the value and records the modifier apart; the record has no field for it)."""
    if v is None or not mod:
        return v
    mod = " ".join(mod.lower().split())
    if mod.startswith(("the end", "end")):
        return tv.day(v.end)
    if mod.startswith(("the beginning", "the start", "start")):
        return tv.day(v.start)
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
        return tv.day(a + dt.timedelta(days=wd - a.weekday()))
    if rel == "last":
        back = (a.weekday() - wd) % 7 or 7
        return tv.day(a - dt.timedelta(days=back))
    if rel in ("next", "coming"):
        fwd = (wd - a.weekday()) % 7 or 7
        return tv.day(a + dt.timedelta(days=fwd))
    if ctx.tense == "future":
        return tv.day(a + dt.timedelta(days=(wd - a.weekday()) % 7))
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


def h_iso(m: re.Match, rule: str) -> Expr | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    v = _in_year(y, mo, d)
    return _mk(m, rule, "absolute", lambda ctx: v) if v else None


def h_mdy(m: re.Match, rule: str) -> Expr | None:
    mo, d = _month_of(m["mon"]), int(re.match(r"\d+", m["day"]).group())
    mod = _g(m, "mod")
    d2 = _g(m, "day2") or _g(m, "day2b")
    if _g(m, "year"):
        y = int(m["year"])
        v = _in_year(y, mo, d)
        if v is None:
            return None
        if d2:
            v2 = _in_year(y, mo, int(re.match(r"\d+", d2).group()))
            v = tv.span_range(v, v2) if v2 and v2.start > v.start else v
        v = _apply_mod(v, mod)
        return _mk(m, rule, "absolute", lambda ctx: v)
    if _in_year(2024, mo, d) is None:
        return None

    def make(y: int) -> Val | None:
        v = _in_year(y, mo, d)
        if v and d2:
            v2 = _in_year(y, mo, int(re.match(r"\d+", d2).group()))
            v = tv.span_range(v, v2) if v2 and v2.start > v.start else v
        return v

    return _mk(m, rule, "calendar", lambda ctx: _calendar(ctx, make))


def h_my(m: re.Match, rule: str) -> Expr | None:
    mo, y = _month_of(m["mon"]), int(m["year"])
    v = _apply_mod(tv.month(y, mo), _g(m, "mod"))
    return _mk(m, rule, "absolute", lambda ctx: v)


def h_month(m: re.Match, rule: str) -> Expr | None:
    mo = _month_of(m["mon"])
    mod = _g(m, "mod")
    fn = lambda ctx: _apply_mod(_calendar(ctx, lambda y: tv.month(y, mo)), mod)  # noqa: E731
    return _mk(m, rule, "calendar", fn, check=None if mod else "bare_month")


def h_rel_month(m: re.Match, rule: str) -> Expr | None:
    """"last October": the latest October before the anchor's month; "next March" the first after
    it; "this May" the anchor's year's."""
    mo = _month_of(m["mon"])
    rel = " ".join(m["rel"].lower().split())

    def fn(ctx: Ctx) -> Val | None:
        a = _anchor_day(ctx)
        if a is None:
            return None
        if rel in ("last", "this past"):
            return tv.month(a.year if mo < a.month else a.year - 1, mo)
        if rel in ("next", "this coming"):
            return tv.month(a.year if mo > a.month else a.year + 1, mo)
        return tv.month(a.year, mo)

    return _mk(m, rule, "deictic", fn)


def h_anaphoric_weekday(m: re.Match, rule: str) -> Expr | None:
    """"the following Monday", "the previous Sunday": the first such weekday after (before) the
    reference day."""
    wd = _weekdays()[m["wd"]]
    rel = "last" if m["rel"].lower() in ("previous", "preceding") else "next"
    return _mk(m, rule, "anaphoric", lambda ctx: _weekday(ctx, wd, rel), unit="day")


def h_in_the_unit(m: re.Match, rule: str) -> Expr | None:
    """"earlier in the day", "later in the week": the day or week of the scene (anaphoric; see
    times.py for the fallback on publication)."""
    unit = tv_unit(m["unit"])

    def fn(ctx: Ctx) -> Val | None:
        a = _anchor_day(ctx)
        return _unit_val(a, unit) if a else None

    return _mk(m, rule, "anaphoric", fn, unit=unit)


def h_year(m: re.Match, rule: str) -> Expr | None:
    y = int(m["year"])
    mod = _g(m, "mod")
    v = _apply_mod(tv.year(y), mod)
    return _mk(m, rule, "absolute", lambda ctx: v, check=None if mod else "bare_year")


def h_decade(m: re.Match, rule: str) -> Expr | None:
    raw = _g(m, "dec") or _g(m, "dec2")
    if len(raw) == 2:  # '90s: the most recent such decade before 2030
        y = 1900 + int(raw) if int(raw) >= 30 else 2000 + int(raw)
    else:
        y = int(raw)
    if y % 10:
        return None
    v = tv.span_range(tv.year(y), tv.year(y + 9))
    mod = (_g(m, "mod") or "").lower()
    if mod.startswith("early"):
        v = tv.span_range(tv.year(y), tv.year(y + 3))
    elif mod.startswith("mid"):
        v = tv.span_range(tv.year(y + 3), tv.year(y + 6))
    elif mod.startswith("late"):
        v = tv.span_range(tv.year(y + 6), tv.year(y + 9))
    return _mk(m, rule, "absolute", lambda ctx: v)


def h_year_range(m: re.Match, rule: str) -> Expr | None:
    y1 = int(m["year"])
    raw = m["year2"]
    y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
    if not y1 < y2 <= y1 + 100:
        return None
    v = tv.span_range(tv.year(y1), tv.year(y2))
    return _mk(m, rule, "absolute", lambda ctx: v)


def h_month_range(m: re.Match, rule: str) -> Expr | None:
    m1, m2 = _month_of(m["mon"]), _month_of(m["mon2"])
    y = int(m["year"]) if _g(m, "year") else None

    def make(yy: int) -> Val:
        return tv.span_range(tv.month(yy if m1 <= m2 else yy - 1, m1), tv.month(yy, m2))

    if y is not None:
        v = make(y)
        return _mk(m, rule, "absolute", lambda ctx: v)
    return _mk(m, rule, "calendar", lambda ctx: _calendar(ctx, make))


_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


def h_week_of(m: re.Match, rule: str) -> Expr | None:
    k = _ORD[m["ord"].lower()]
    mo = _month_of(m["mon"])

    def make(y: int) -> Val:
        last = tv.month_end(y, mo).day
        a = 1 + 7 * (k - 1) if k > 0 else last - 6
        return tv.span_range(tv.day(Date(y, mo, a)), tv.day(Date(y, mo, min(a + 6, last))))

    if _g(m, "year"):
        v = make(int(m["year"]))
        return _mk(m, rule, "absolute", lambda ctx: v)
    return _mk(m, rule, "calendar", lambda ctx: _calendar(ctx, make))


def h_part_of_year(m: re.Match, rule: str) -> Expr | None:
    """"the first quarter of 2026" → 2026-01/2026-03; "the second half of next year"; "Q3 2025"."""
    if _g(m, "q"):
        part = "quarter" if m["q"][0] == "Q" else "half"
        k = int(m["q"][1])
    else:
        part = m["part"].lower()
        k = _ORD[m["ord"].lower()]
    size = 3 if part == "quarter" else 6
    n = 12 // size
    k = n if k == -1 else k
    if not 1 <= k <= n:
        return None

    def make(y: int) -> Val:
        return tv.span_range(tv.month(y, size * (k - 1) + 1), tv.month(y, size * k))

    if _g(m, "year"):
        v = make(int(m["year"]))
        return _mk(m, rule, "absolute", lambda ctx: v)
    step = {"the": 0, "this": 0, "next": 1, "last": -1}[m["rel"].lower()]

    def fn(ctx: Ctx) -> Val | None:
        a = _anchor_day(ctx)
        return make(a.year + step) if a else None

    return _mk(m, rule, "deictic", fn)


def h_weekday(m: re.Match, rule: str) -> Expr | None:
    wd = _weekdays()[m["wd"]]
    rel = _g(m, "rel")
    mode = "deictic" if rel else "calendar"
    return _mk(m, rule, mode, lambda ctx: _weekday(ctx, wd, rel), check="weekday")


def h_weekday_of_week(m: re.Match, rule: str) -> Expr | None:
    """"Tuesday last week": that weekday in the week before (after, this) the anchor's."""
    wd = _weekdays()[m["wd"]]
    step = {"last": -1, "next": 1, "this": 0}[m["rel"].lower()]

    def fn(ctx: Ctx) -> Val | None:
        a = _anchor_day(ctx)
        if a is None:
            return None
        monday = a - dt.timedelta(days=a.weekday()) + dt.timedelta(weeks=step)
        return tv.day(monday + dt.timedelta(days=wd))

    return _mk(m, rule, "deictic", fn)


def h_year_apos(m: re.Match, rule: str) -> Expr | None:
    """"in '98": a two-digit year (the 1900s from '30 on, else the 2000s)."""
    yy = int(m["yy"])
    v = tv.year(1900 + yy if yy >= 30 else 2000 + yy)
    return _mk(m, rule, "absolute", lambda ctx: v, check="bare_year")


def h_season(m: re.Match, rule: str) -> Expr | None:
    name = m["season"]
    rel = _g(m, "rel")
    y = int(m["year"]) if _g(m, "year") else None
    if y is None and not rel and not _g(m, "the"):
        return None
    if name.lower() == "fall" and y is None and not rel:
        return None
    mode = "absolute" if y is not None else ("deictic" if rel else "calendar")
    return _mk(m, rule, mode, lambda ctx: _season(ctx, name, y, rel))


def _holiday_in(spec: str) -> Callable[[int], Val | None]:
    """The day of a holiday in year y: "MM-DD" for fixed ones, "easter+N" for those counted from
    Western Easter Sunday (dateutil's computation of it)."""
    if spec.startswith("easter"):
        from dateutil.easter import easter

        shift = int(spec[6:] or 0)
        return lambda y: tv.day(easter(y) + dt.timedelta(days=shift))
    mo, d = int(spec[:2]), int(spec[3:])
    return lambda y: _in_year(y, mo, d)


def h_holiday(m: re.Match, rule: str) -> Expr | None:
    key = m["hol"].replace("’", "'")
    in_year = _holiday_in(lexicon()["holidays"][key])
    if _g(m, "year"):
        v = in_year(int(m["year"]))
        return _mk(m, rule, "absolute", lambda ctx: v)
    rel = (_g(m, "rel") or "").lower()

    def fn(ctx: Ctx) -> Val | None:
        if rel in ("last", "next"):
            return _calendar(Ctx(ctx.anchor, "past" if rel == "last" else "future"), in_year)
        return _calendar(ctx, in_year)

    return _mk(m, rule, "deictic" if rel else "calendar", fn, check="holiday")


_DEICTIC_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this morning": 0,
                  "this afternoon": 0, "this evening": 0, "last night": -1, "the day before yesterday": -2,
                  "the day after tomorrow": 2}


def h_deictic_word(m: re.Match, rule: str) -> Expr | None:
    k = _DEICTIC_WORDS[" ".join(m["w"].lower().split())]

    def fn(ctx: Ctx) -> Val | None:
        a = _anchor_day(ctx)
        return tv.day(a + dt.timedelta(days=k)) if a else None

    return _mk(m, rule, "deictic", fn, check="deictic_word")


def h_rel_unit(m: re.Match, rule: str) -> Expr | None:
    """this/last/next/past/coming week|month|year|weekend; previous/following/same/that ... (anaphoric)."""
    rel = " ".join(m["rel"].lower().split())
    unit = tv_unit(m["unit"])
    mod = _g(m, "mod")
    anaphoric = rel in ("the previous", "the following", "the same", "that", "the next", "the preceding")
    if unit in ("hour", "minute", "century"):
        return None
    if m["unit"].lower() in lexicon()["times_of_day"] and not anaphoric:
        return None  # "this morning", "last night" are deictic words
    if unit == "day" and rel in ("this", "last", "next", "the coming", "the past", "the last", "the current",
                                 "this past"):
        return None

    def fn(ctx: Ctx) -> Val | None:
        a = _anchor_day(ctx)
        if a is None:
            return None
        if rel in ("earlier this", "later this"):
            # the granularity is the text's: "earlier this month" names the month (TIMEX3 would
            # add a modifier the record has no field for), never a made-up part of it
            return _unit_val(a, unit)
        if rel in ("the past", "the last"):
            back = tv.shift(a, -1, unit)
            return tv.span_range(tv.day(back), tv.day(a)) if back else None
        step = {"this": 0, "the current": 0, "the same": 0, "that": 0, "last": -1, "this past": -1, "the previous": -1,
                "the preceding": -1, "next": 1, "the coming": 1, "the following": 1, "the next": 1}[rel]
        d = tv.shift(a, step, unit) if step else a
        return _apply_mod(_unit_val(d, unit), mod) if d else None

    return _mk(m, rule, "anaphoric" if anaphoric else "deictic", fn, unit=unit)


def tv_unit(word: str) -> str:
    """The calendar unit of a unit word; a part of the day ("that night") stands for its day."""
    w = word.lower()
    return "day" if w in lexicon()["times_of_day"] else lexicon()["units"][w]


def h_the_weekend(m: re.Match, rule: str) -> Expr | None:
    """"over the weekend": the last weekend in past narration (this one on a Saturday or Sunday),
    the next one in the future."""

    def fn(ctx: Ctx) -> Val | None:
        a = _anchor_day(ctx)
        if a is None:
            return None
        if ctx.tense == "future":
            d = a if a.weekday() >= 5 else a + dt.timedelta(days=5 - a.weekday())
        else:
            d = a if a.weekday() >= 5 else a - dt.timedelta(days=a.weekday() + 2)
        return _unit_val(d, "weekend")

    return _mk(m, rule, "calendar", fn)


_BACK = ("ago", "earlier", "before", "previously", "prior")
_DEICTIC_OFFSET = ("ago", "from now", "hence", "'s time")


def h_offset(m: re.Match, rule: str) -> Expr | None:
    n = number(m["num"])
    if n is None:
        return None
    if _g(m, "half") or _g(m, "half2"):
        n += 0.5
    unit = tv_unit(m["unit"])
    dirw = " ".join(m["dir"].lower().split())
    sign = -1 if dirw.split()[0] in _BACK else 1
    deictic = dirw in _DEICTIC_OFFSET
    # the reference an anaphoric offset needs: as precise as its unit ("a month later" may count
    # from a month, "a day later" only from a day)
    ref_unit = {"hour": "day", "minute": "day", "fortnight": "week", "weekend": "week"}.get(unit, unit)

    def fn(ctx: Ctx) -> Val | None:
        if ctx.anchor is None:
            return None
        if deictic and unit == "month" and n == int(n):
            d = tv.shift(ctx.anchor.start, sign * n, unit)  # "two months ago": a month, never an invented day
            return tv.month(d.year, d.month) if d else None
        return _offset_val(ctx.anchor, n, unit, sign)

    # "a week after the storm": counted from the time its complement names, if any (see times.py)
    check = "complement" if dirw in ("after", "before") else None
    return _mk(m, rule, "deictic" if deictic else "anaphoric", fn, check=check,
               unit=None if deictic else ref_unit)


def h_the_unit_before(m: re.Match, rule: str) -> Expr | None:
    """"the day before", "the week after": one unit from the reference time."""
    unit = tv_unit(m["unit"])
    sign = -1 if m["dir"].lower() == "before" else 1

    def fn(ctx: Ctx) -> Val | None:
        a = _anchor_day(ctx)
        if a is None:
            return None
        d = tv.shift(a, sign, unit)
        return _unit_val(d, unit) if d else None

    return _mk(m, rule, "anaphoric", fn, unit=unit)


def h_in_offset(m: re.Match, rule: str) -> Expr | None:
    """"in two weeks": that many units after the publication date (a day; a year for years)."""
    n = number(m["num"])
    if n is None:
        return None
    unit = tv_unit(m["unit"])

    def fn(ctx: Ctx) -> Val | None:
        return _offset_val(ctx.anchor, n, unit, 1) if ctx.anchor is not None else None

    # only in the future: "the first visit in five years" is a length
    return _mk(m, rule, "deictic", fn, check="future_only")


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


def h_window(m: re.Match, rule: str) -> Expr | None:
    n1 = number(m["num"])
    n2 = number(m["num2"]) if _g(m, "num2") else None
    if n1 is None or (_g(m, "num2") and n2 is None):
        return None
    unit = tv_unit(m["unit"])

    def fn(ctx: Ctx) -> Val | None:
        a = _anchor_day(ctx)
        return _window_val(a, n1, n2, unit) if a else None

    return _mk(m, rule, "window", fn, window=True)


def h_past_n(m: re.Match, rule: str) -> Expr | None:
    """"the past two weeks", "the last three years": from that far back to the publication date."""
    n = number(m["num"])
    if n is None:
        return None
    unit = tv_unit(m["unit"])

    def fn(ctx: Ctx) -> Val | None:
        a = _anchor_day(ctx)
        return _window_val(a, n, None, unit, -1) if a else None

    return _mk(m, rule, "deictic", fn)


def h_duration(m: re.Match, rule: str) -> Expr | None:
    n = number(m["num"])
    if (_g(m, "half") or _g(m, "half2")) and n is not None:
        n += 0.5
    unit = tv_unit(m["unit"])
    if unit == "weekend":
        return None
    v = tv.duration(n, unit) if n is not None and not _g(m, "num2") else None
    return _mk(m, rule, "duration", lambda ctx: v, type_="DURATION")


def h_set(m: re.Match, rule: str) -> Expr | None:
    word = (m["unit"] or "").lower()
    if word in lexicon()["units"]:
        v = tv.duration(number(m["num"]) if _g(m, "num") else 1, tv_unit(word))
    elif m["unit"] in _months():
        v = Val("duration", "P1Y")  # every January
    else:
        v = Val("duration", "P1W")  # every Monday
    return _mk(m, rule, "set", lambda ctx: v, type_="SET")


def h_rel_mod(m: re.Match, rule: str) -> Expr | None:
    """"the end of the year", "the end of next month", "the beginning of this week"."""
    rel = (m["rel"] or "this").lower().strip()
    unit = tv_unit(m["unit"])
    mod = m["mod"]
    step = {"the": 0, "this": 0, "last": -1, "next": 1}.get(rel.split()[-1], 0)

    def fn(ctx: Ctx) -> Val | None:
        a = _anchor_day(ctx)
        if a is None:
            return None
        d = tv.shift(a, step, unit) if step else a
        return _apply_mod(_unit_val(d, unit), mod) if d else None

    return _mk(m, rule, "deictic", fn)


# ----------------------------------------------------------------------------- the rule table
@functools.cache
def _rules() -> tuple[_Rule, ...]:
    p = _pieces()
    MON, WD, DAY, YEAR, NUM, UNIT = p["MON"], p["WD"], p["DAY"], p["YEAR"], p["NUM"], p["UNIT"]
    APPROX, MOD = p["APPROX"], p["MOD"]
    B = r"(?<![\w-])"  # a word start not inside a hyphenated compound
    approx = rf"(?:{APPROX}\s+)?"
    # "May 2-5", "2 and 3 May"; not "on March 5 and 12 more were held" (a count follows)
    day2 = (rf"(?:\s*[-–]\s*(?P<day2>{DAY})|\s+(?i:and|to)\s+(?P<day2b>{DAY})(?![^\S\n]+(?!(?:in|at|on|and|or|for|"
            rf"with|when|as|after|before|while|the|a|an|this|that|was|were|is|are)\b)[a-z]))?")
    num_range = rf"(?P<num>{NUM})(?:\s*(?:-|–|(?i:to|or))\s*(?P<num2>{NUM}))?"
    table: list[tuple[str, str, Callable]] = [
        ("iso", r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])", h_iso),
        ("mdy", rf"\b(?:{WD},?\s+)?(?:(?P<mod>{MOD})\s+)?(?P<mon>{p['MOND']})\s+(?P<day>{DAY})"
                rf"{day2}(?:,?\s+(?P<year>{YEAR}))?", h_mdy),
        ("dmy", rf"\b(?:{WD},?\s+)?(?:(?i:the)\s+)?(?P<day>{DAY}){day2}\s+(?:(?i:of)\s+)?"
                rf"(?P<mon>{p['MOND']})(?:,?\s+(?P<year>{YEAR}))?", h_mdy),
        ("my", rf"\b(?:(?P<mod>{MOD})[-\s]+)?(?P<mon>{MON}),?\s+(?P<year>{YEAR})", h_my),
        ("rel_month", rf"\b(?P<rel>(?i:last|next|this\s+past|this\s+coming|this))\s+(?P<mon>{MON})(?![\w-])"
                      rf"(?!\s*\d)", h_rel_month),
        ("month", rf"\b(?:(?P<mod>{MOD})[-\s]+)?(?P<mon>{MON})", h_month),
        ("month_range", rf"\b(?:(?i:between|from)\s+)(?P<mon>{MON})\s+(?i:and|to|until|through|till)\s+"
                        rf"(?P<mon2>{MON})(?:,?\s+(?P<year>{YEAR}))?", h_month_range),
        ("year", rf"\b(?:(?P<mod>{MOD})[-\s]+)?(?P<year>{YEAR})", h_year),
        ("year_range", rf"\b(?:(?i:between|from)\s+)?(?P<year>{YEAR})\s*(?:[-–]|\s(?i:to|and|until|through)\s)\s*"
                       rf"(?P<year2>(?:1[6-9]|20)\d\d|\d\d)(?![\d%])", h_year_range),
        ("decade", rf"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[-\s]+)?"
                   rf"(?:(?P<dec>(?:1[6-9]|20)\d0)|['’](?P<dec2>\d0))s\b",
         h_decade),
        ("week_of", rf"(?i:the\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+of)\s+(?P<mon>{MON})"
                    rf"(?:,?\s+(?P<year>{YEAR}))?", h_week_of),
        ("part_of_year", rf"\b(?i:the\s+(?P<ord>first|second|third|fourth|last|final)\s+(?P<part>quarter|half)\s+of)\s+"
                         rf"(?:(?P<year>{YEAR})|(?P<rel>(?i:the|this|next|last))\s+(?i:year))", h_part_of_year),
        ("quarter_q", rf"\b(?P<q>Q[1-4]|H[12])\s+(?P<year>{YEAR})", h_part_of_year),
        ("weekday_of_week", rf"\b(?P<wd>{WD})(?:\s+{p['TOD']})?\s+(?P<rel>(?i:last|next|this))\s+(?i:week)\b",
         h_weekday_of_week),
        ("year_apos", r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’%])", h_year_apos),
        ("weekday", rf"\b(?:(?P<rel>(?i:last|next|this|coming))\s+)?(?P<wd>{WD})(?:\s+{p['TOD']})?", h_weekday),
        ("season", rf"\b(?:(?P<rel>(?i:this|last|next|coming|early|late|mid))[-\s]+|(?P<the>(?i:the))\s+)?"
                   rf"(?P<season>{p['SEASON']})(?:\s+(?:(?i:of)\s+)?(?P<year>{YEAR}))?(?!\s+of\s+(?!\d))", h_season),
        ("holiday", rf"\b(?:(?P<rel>(?i:last|next|this))\s+)?(?P<hol>{p['HOLIDAY']})(?:\s+(?P<year>{YEAR}))?", h_holiday),
        ("deictic_word", r"\b(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|"
                         r"yesterday|tomorrow|this\s+morning|this\s+afternoon|this\s+evening|last\s+night))\b", h_deictic_word),
        ("rel_unit", rf"\b(?P<rel>(?i:earlier\s+this|later\s+this|this\s+past|this|last|next|the\s+past|the\s+coming|"
                     rf"the\s+previous|the\s+preceding|the\s+following|the\s+same|that|the\s+next|the\s+current))\s+"
                     rf"(?P<unit>(?i:day|week|weekend|month|year|decade|fortnight|morning|afternoon|evening|night))"
                     rf"(?![\w-])", h_rel_unit),
        ("the_weekend", r"\b(?i:the\s+weekend)\b", h_the_weekend),
        ("anaphoric_weekday", rf"\b(?i:the)\s+(?P<rel>(?i:following|previous|preceding|next))\s+(?P<wd>{WD})"
                              rf"(?:\s+{p['TOD']})?", h_anaphoric_weekday),
        ("in_the_unit", r"\b(?i:earlier|later)\s+(?i:in)\s+(?i:the)\s+(?P<unit>(?i:day|week|month|year))\b",
         h_in_the_unit),
        ("rel_mod", rf"\b(?P<mod>(?i:the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))\s+"
                    rf"(?P<rel>(?i:the|this|next|last))\s+(?P<unit>(?i:week|month|year|decade))\b", h_rel_mod),
        ("offset", rf"{B}{approx}(?P<num>{NUM})(?P<half>\s+(?i:and\s+a\s+half))?\s+(?P<unit>{UNIT})"
                   rf"(?P<half2>\s+(?i:and\s+a\s+half))?"
                   rf"\s+(?P<dir>(?i:ago|earlier|later|before|after|from\s+now|hence|previously))\b(?!-)", h_offset),
        ("the_unit_before", rf"\b(?i:the)\s+(?P<unit>(?i:day|week|month|year))\s+(?P<dir>(?i:before|after))\b"
                            rf"(?!\s+(?i:yesterday|tomorrow))", h_the_unit_before),
        ("in_offset", rf"\b(?i:in)\s+{approx}(?P<num>{NUM})\s+(?P<unit>{UNIT})(?:['’]s?\s+(?i:time))?(?!-)", h_in_offset),
        ("window", rf"\b(?:(?i:within|inside)\s+(?:(?i:the(?:\s+next)?)\s+)?|(?i:in|over|during)\s+(?i:the\s+(?:next|coming))\s+)"
                   rf"{approx}{num_range}\s+(?P<unit>{UNIT})", h_window),
        ("past_n", rf"\b(?i:the\s+(?:past|last|previous))\s+{approx}(?P<num>{NUM})\s+(?P<unit>{UNIT})", h_past_n),
        ("duration", rf"{B}{approx}(?P<num>{NUM})(?P<half>\s+(?i:and\s+a\s+half))?"
                     rf"(?:\s*(?:-|–|(?i:to|or|and))\s*(?P<num2>{NUM}))?\s+(?P<unit>{UNIT})(?![\w-])"
                     rf"(?P<half2>\s+(?i:and\s+a\s+half))?", h_duration),
        ("set", rf"\b(?i:every|each)\s+(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT}|{WD}|{MON})", h_set),
    ]
    # A rule opening with a word start, an optional approximator and a count begins with one of
    # their first words or a digit: the scan tries only there (the count alternation is long).
    counted = B + approx + "(?P<num>"
    firsts = _first_words([*_number_words(), *lexicon()["approximators"]])
    out = []
    for name, rx, fn in table:
        first, opens = (firsts, None) if rx.startswith(counted) else (None, openings(rx))
        words = first if first is not None else opens.prefixes if opens is not None else ()
        out.append(_Rule(name, re.compile(rx), fn, first, opens, frozenset(w[0] for w in words)))
    return tuple(out)


def _first_words(phrases: Iterable[str]) -> frozenset[str] | None:
    """The case-folded first words of ``phrases``; None if one does not open with a word character."""
    out = set()
    for ph in phrases:
        m = _WORD.match(ph.casefold())
        if m is None:
            return None
        out.add(m.group())
    return frozenset(out)


_WORD = re.compile(r"\w+")
# Characters that Python's case-insensitive matching pairs with ASCII letters although their own
# case-folding differs (long s, Kelvin sign, dotted and dotless i): texts with them take the plain scan.
_ODD_CASE = frozenset("\u017f\u212a\u0130\u0131")


def _matches(rule: _Rule, text: str, words: list[tuple[int, str]] | None,
             by_word: dict[str, dict[str, list[int]]] | None = None) -> Iterator[re.Match]:
    """``rule.regex.finditer(text)``, the same matches, trying the regex only at word starts that
    can open a match when the rule says which (``words``: each word's start and case-folded text;
    ``by_word``: the same grouped by first letter and word, built here when not given)."""
    if (rule.first_words is None and rule.openings is None) or words is None:
        yield from rule.regex.finditer(text)
        return
    if by_word is None:
        by_word = _by_word(words)
    first, match, last = rule.first_words, rule.regex.match, 0
    # each distinct word is tested once, not each of its occurrences; only words whose first letter
    # opens a listed word, and those starting with a digit
    groups = [by_word[c] for c in rule.heads if c in by_word and not c.isdecimal()] + [g for c, g in by_word.items() if c.isdecimal()]
    if first is None:
        pre, digit = rule.openings
        starts = [ps for g in groups for w, ps in g.items() if w.startswith(pre) or (digit and w[0].isdecimal())]
    else:
        starts = [ps for g in groups for w, ps in g.items() if w in first or w[0].isdecimal()]
    for pos in sorted(itertools.chain.from_iterable(starts)) if len(starts) > 1 else (starts[0] if starts else ()):
        if pos < last:
            continue
        m = match(text, pos)
        if m is not None:
            yield m
            last = m.end() if m.end() > pos else pos + 1


def _by_word(words: list[tuple[int, str]]) -> dict[str, dict[str, list[int]]]:
    """The starts of each distinct word of ``words``, in text order, grouped by the word's first letter."""
    out: dict[str, dict[str, list[int]]] = {}
    for pos, w in words:
        out.setdefault(w[0], {}).setdefault(w, []).append(pos)
    return out


def scan(text: str) -> Iterator[Expr]:
    """Every candidate expression any rule matches (overlapping ones included), in no set order."""
    words = by_word = None
    if not _ODD_CASE.intersection(text):
        words = [(m.start(), m.group().casefold()) for m in _WORD.finditer(text)]
        by_word = _by_word(words)
    for rule in _rules():
        for m in _matches(rule, text, words, by_word):
            try:
                expr = rule.handler(m, rule.name)
            except (ValueError, KeyError, OverflowError):
                expr = None
            if expr is not None and expr.end > expr.start:
                yield expr
