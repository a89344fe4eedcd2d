"""Calendar values of the times stage: a resolved time as an interval with a granularity.

A :class:`Val` is what an expression resolves to: a day, an ISO week, a month, a year, a range of
those, or a duration. ``Val.iso`` is its SPEC form (``2025-02-02``, ``2025-W04``, ``2023-11``,
``2023``, ``A/B``, ``P54D``); ``start`` and ``end`` are the first and last day it covers (None for a
duration), which is what arithmetic and chaining use. Pure functions over :mod:`datetime`; no spaCy.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

__all__ = [
    "Val", "day", "week", "month", "year", "span_range", "duration", "add_months", "add_years",
    "month_end", "parse_value", "shift",
]

Date = dt.date


@dataclass(frozen=True, slots=True)
class Val:
    """A resolved time: ``gran`` is day | week | month | year | range | duration."""

    gran: str
    iso: str
    start: Date | None = None
    end: Date | None = None


def day(d: Date) -> Val:
    return Val("day", d.isoformat(), d, d)


def week(d: Date) -> Val:
    """The ISO week that contains ``d``."""
    y, w, wd = d.isocalendar()
    start = d - dt.timedelta(days=wd - 1)
    return Val("week", f"{y}-W{w:02d}", start, start + dt.timedelta(days=6))


def month(y: int, m: int) -> Val:
    return Val("month", f"{y:04d}-{m:02d}", Date(y, m, 1), month_end(y, m))


def year(y: int) -> Val:
    return Val("year", f"{y:04d}", Date(y, 1, 1), Date(y, 12, 31))


def span_range(a: Val, b: Val) -> Val:
    """From the start of ``a`` to the end of ``b``, written ``a/b``."""
    return Val("range", f"{a.iso}/{b.iso}", a.start, b.end)


_DURATION_CODES = {"minute": ("T", "M", 1), "hour": ("T", "H", 1), "day": ("", "D", 1), "week": ("", "W", 1),
                   "fortnight": ("", "W", 2), "month": ("", "M", 1), "year": ("", "Y", 1),
                   "decade": ("", "Y", 10), "century": ("", "Y", 100)}
_FINER = {"year": ("month", 12), "month": ("day", 30), "week": ("day", 7), "day": ("hour", 24),
          "hour": ("minute", 60)}


def duration(n: float | None, unit: str) -> Val | None:
    """``P45D``, ``P3W``, ``PT36H``; a fraction goes to the next finer unit ("a year and a half" →
    ``P18M``); None for an unknown unit or count."""
    if n is None or unit not in _DURATION_CODES:
        return None
    t, code, mult = _DURATION_CODES[unit]
    q = n * mult
    if q != int(q):
        finer = _FINER.get(unit)
        return duration(q * finer[1], finer[0]) if finer else None
    return Val("duration", f"P{t}{int(q)}{code}")


def month_end(y: int, m: int) -> Date:
    return Date(y, m, calendar.monthrange(y, m)[1])


def add_months(d: Date, n: int) -> Date:
    """``d`` moved by ``n`` calendar months, the day clipped to the month's length."""
    k = d.year * 12 + (d.month - 1) + n
    y, m = divmod(k, 12)
    return Date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def add_years(d: Date, n: int) -> Date:
    return add_months(d, 12 * n)


def shift(d: Date, n: float, unit: str) -> Date | None:
    """``d`` moved by ``n`` units (negative: back). None for a unit with no calendar meaning."""
    if unit in ("day", "week", "fortnight", "hour", "minute"):
        days = {"day": 1, "week": 7, "fortnight": 14, "hour": 1 / 24, "minute": 1 / 1440}[unit] * n
        return d + dt.timedelta(days=int(days) if days == int(days) else round(days))
    if unit in ("month", "year", "decade", "century"):
        months = n * {"month": 1, "year": 12, "decade": 120, "century": 1200}[unit]
        if months == int(months):
            return add_months(d, int(months))
        return d + dt.timedelta(days=round(months * 30.44))
    if unit == "weekend":
        return d + dt.timedelta(days=7 * n)
    return None


_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")


def parse_value(value: str | None) -> Val | None:
    """The :class:`Val` a SPEC value string stands for (None for durations and anything else)."""
    if not value:
        return None
    value = value.strip()
    try:
        if "/" in value:
            a, b = value.split("/", 1)
            va, vb = parse_value(a), parse_value(b)
            return Val("range", value, va.start, vb.end) if va and vb else None
        if m := _DAY.fullmatch(value):
            return day(Date(int(m[1]), int(m[2]), int(m[3])))
        if m := _WEEK.fullmatch(value):
            return week(Date.fromisocalendar(int(m[1]), int(m[2]), 1))
        if m := _MONTH.fullmatch(value):
            return month(int(m[1]), int(m[2]))
        if m := _YEAR.fullmatch(value):
            return year(int(m[1]))
    except ValueError:
        return None
    return None
