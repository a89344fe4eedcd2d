"""The handler of each time grammar rule (one ``h_<rule>`` per row of data/rules/times.json): given the
regular-expression match, the :class:`~.pieces.Expr` it yields and how it resolves."""

from __future__ import annotations

import datetime as dt
import re

from . import article_calendar
from . import values as tv
from .values import Val
from .pieces import (
    _anchor_day, _apply_mod, _calendar, Ctx, Date, Expr, _g, _holiday_in, _in_year, lexicon, _mk, _month_of,
    _months, number, _offset_val, _season, tv_unit, _unit_val, _weekday, _weekdays, _window_val,
)


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


def h_month_rel_year(m: re.Match, rule: str) -> Expr | None:
    """"January next year" → January of the anchor's year + 1; "March last year" of the year before; "May
    this year" of the anchor's own year."""
    mo = _month_of(m["mon"])
    step = {"next": 1, "last": -1, "this": 0}[m["rel"].lower()]

    def fn(ctx: Ctx) -> Val | None:
        a = _anchor_day(ctx)
        return tv.month(a.year + step, mo) if a is not None else None

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
    return _mk(m, rule, "absolute", lambda ctx: article_calendar.budget_pair(m, y1, y2, v))


def h_financial_year(m: re.Match, rule: str) -> Expr | None:
    """"the 2030-31 financial year" → 2030-04/2031-03 (the article's start month: article_calendar.py); "the second
    half of the 2029-30 financial year" → 2029-10/2030-03. Two years that do not follow each other are no
    financial year."""
    y1 = int(m["year"])
    raw = m["year2"]
    y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
    if y2 != y1 + 1:
        return None
    size, k = 12, 1
    if _g(m, "part"):
        size = 3 if m["part"].lower() == "quarter" else 6
        k = _ORD[m["ord"].lower()]
        k = 12 // size if k == -1 else k
        if not 1 <= k <= 12 // size:
            return None

    return _mk(m, rule, "absolute", lambda ctx: article_calendar.financial_year(y1, article_calendar.current().start, size, k))


def h_day_range(m: re.Match, rule: str) -> Expr | None:
    """"between March 30 and April 4, 2024" → 2024-03-30/2024-04-04: one range from the first day to the
    second; a year written once, at the end, is the second day's (the first in the year before when its
    month comes later)."""
    m1, m2 = _month_of(m["mon"]), _month_of(m["mon2"])
    d1, d2 = (int(re.match(r"\d+", m[k]).group()) for k in ("day", "day2"))
    y1 = int(m["year1"]) if _g(m, "year1") else None

    def make(yy: int) -> Val | None:
        a = _in_year(y1 if y1 is not None else (yy if (m1, d1) <= (m2, d2) else yy - 1), m1, d1)
        b = _in_year(yy, m2, d2)
        return tv.span_range(a, b) if a and b and b.start > a.start else None

    if _g(m, "year"):
        v = make(int(m["year"]))
        return _mk(m, rule, "absolute", lambda ctx: v) if v else None
    return None  # a year-less pair stays two days, the second chained to the first ("from December 28 to January 3")


def h_part_n_of_year(m: re.Match, rule: str) -> Expr | None:
    """"the last four months of 2031" → 2031-09/2031-12; "the first ten days of 2025" → 2025-01-01/2025-01-10."""
    n = number(m["num"])
    unit = tv_unit(m["unit"])
    y = int(m["year"])
    if n is None or n != int(n) or n < 1:
        return None
    n = int(n)
    first = m["ord"].lower() == "first"
    if unit == "month":
        if n > 12:
            return None
        v = tv.span_range(tv.month(y, 1), tv.month(y, n)) if first else tv.span_range(tv.month(y, 13 - n), tv.month(y, 12))
    elif unit in ("week", "day"):
        days = n * (7 if unit == "week" else 1)
        if days > 366:
            return None
        a, b = (Date(y, 1, 1), Date(y, 1, 1) + dt.timedelta(days=days - 1)) if first \
            else (Date(y, 12, 31) - dt.timedelta(days=days - 1), Date(y, 12, 31))
        if a.year != y or b.year != y:
            return None
        v = tv.span_range(tv.day(a), tv.day(b))
    else:
        return None
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
    """"the first quarter of 2026" → 2026-01/2026-03; "the second half of next year"; "Q3 2025"; a bare
    "the third quarter" is the one the tense and the anchor's year give (never in a sports report)."""
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
    if not _g(m, "rel"):  # "hope to finish the takeover in the third quarter": the year by the tense (issue 11)
        return _mk(m, rule, "calendar", lambda ctx: _calendar(ctx, make), check="bare_quarter")
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


def h_weekday_range(m: re.Match, rule: str) -> Expr | None:
    """"between Friday and Sunday", "Tuesday and Wednesday": one range from the first day (read like a
    bare weekday: the tense gives the direction) to the next such second day (issue 11). A bare "A and B"
    is a range only for consecutive days ("Monday and Wednesday" are two days, Tuesday not among them)."""
    wd, wd2 = _weekdays()[m["wd"]], _weekdays()[m["wd2"]]
    gap = (wd2 - wd) % 7
    if gap == 0 or (gap != 1 and not _g(m, "between")):
        return None

    def fn(ctx: Ctx) -> Val | None:
        v = _weekday(ctx, wd, None)
        return tv.span_range(v, tv.day(v.start + dt.timedelta(days=gap))) if v else None

    return _mk(m, rule, "calendar", fn, check="weekday")


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
    return _mk(m, rule, mode, lambda ctx: _season(ctx, name, y, rel),
               check="season" if y is None and not rel else None)


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
