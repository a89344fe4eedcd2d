"""An article's calendar: the month its financial year starts in, its budget reading of year pairs, and
the hemisphere its seasons are of.

A financial year starts in the lexicon's ``financial_year_start_month`` (April) unless the article's
places say otherwise: each name of a ``financial_year_<month>_places`` word class the text writes is a
vote for that class's month, and the month with the most votes wins (a tie keeps the default). An
article that writes a phrase of the ``fiscal_cues`` class (a budget, a financial year) reads a bare pair
of following years written with a dash ("from 2031-32") as that financial year.

An article that names more places of the ``southern_hemisphere_places`` word class than of the northern
``financial_year_april_places`` reads its seasons six months on: summer is December to February.

What an article decides is held in a context variable for as long as its expressions are resolved
(:func:`in_article`): the grammar's resolvers read it when they run, so one scan of the text serves.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import re
from dataclasses import dataclass
from typing import Iterator
from urllib.parse import urlsplit

from ...analysis.words import word_class
from . import values as tv
from .pieces import _anchor_day, Ctx, Expr, lexicon, _mk
from .values import Val

__all__ = ["Fiscal", "article_fiscal", "asked", "in_article", "current", "financial_year", "h_rel_financial_year",
           "budget_pair"]

#: the place classes, by the month their financial year starts in
_PLACE_CLASSES = {7: "financial_year_july_places", 4: "financial_year_april_places"}


@dataclass(frozen=True)
class Fiscal:
    """An article's calendar: the month its financial year ``start``s in, which rule decided it (``by``:
    "default" or the word class), whether the article reports a budget (``cued``) and whether its seasons
    are the southern hemisphere's (``southern``)."""

    start: int
    by: str = "default"
    cued: bool = False
    southern: bool = False


class _Article:
    """An article's text and, once a resolver asks, its :class:`Fiscal` (most articles never ask)."""

    __slots__ = ("text", "url", "fiscal")

    def __init__(self, text: str, url: str | None = None) -> None:
        self.text, self.url, self.fiscal = text, url, None

    def get(self) -> Fiscal:
        if self.fiscal is None:
            self.fiscal = article_fiscal(self.text, self.url)
        return self.fiscal


_CURRENT: contextvars.ContextVar[_Article | None] = contextvars.ContextVar("newsledger_fiscal", default=None)


@functools.cache
def _place_finder() -> tuple[re.Pattern, dict[str, int], frozenset[str]]:
    month_of: dict[str, int] = {w: month for month, name in _PLACE_CLASSES.items() for w in word_class(name)}
    southern = word_class("southern_hemisphere_places")
    alts = "|".join(re.escape(w) for w in sorted(month_of.keys() | southern, key=len, reverse=True))
    return re.compile(rf"(?i)(?<!\w)(?:{alts})(?!\w)"), month_of, southern


@functools.cache
def _cue_finder() -> re.Pattern:
    alts = "|".join(re.escape(w) for w in sorted(word_class("fiscal_cues"), key=len, reverse=True))
    return re.compile(rf"(?i)(?<!\w)(?:{alts})(?!\w)")


def default() -> Fiscal:
    return Fiscal(int(lexicon()["financial_year_start_month"]))


def article_fiscal(text: str, url: str | None = None) -> Fiscal:
    """The calendar of the article ``text`` (one pass of two regular expressions over it; the country-code domain of its ``url``)."""
    finder, month_of, southern = _place_finder()
    votes: dict[int, int] = {}
    south = 0
    host = urlsplit(url).hostname if url else None
    if host and "." in host:
        domain = "." + host.rsplit(".", 1)[1].lower()  # the outlet's country-code domain votes once
        south += domain in southern
        if domain in month_of:
            votes[month_of[domain]] = 1
    for m in finder.finditer(text):
        if not m.group()[0].isupper():
            continue  # a place's name is written capitalised
        word = m.group().lower()
        south += word in southern
        if word in month_of:
            votes[month_of[word]] = votes.get(month_of[word], 0) + 1
    base = default()
    start, by = base.start, base.by
    if votes:
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            start, by = ranked[0][0], _PLACE_CLASSES[ranked[0][0]]
    return Fiscal(start, by, _cue_finder().search(text) is not None, south > votes.get(4, 0))


def current() -> Fiscal:
    """The calendar of the article whose expressions are being resolved (the default outside one)."""
    got = _CURRENT.get()
    return got.get() if got is not None else default()


def asked() -> Fiscal | None:
    """The current article's :class:`Fiscal` if a resolver asked for it (for the trace), else None."""
    got = _CURRENT.get()
    return got.fiscal if got is not None else None


@contextlib.contextmanager
def in_article(text: str, url: str | None = None) -> Iterator[None]:
    """Resolve expressions inside the block as parts of the article ``text`` (published at ``url``)."""
    token = _CURRENT.set(_Article(text, url))
    try:
        yield
    finally:
        _CURRENT.reset(token)


def financial_year(y1: int, first: int, size: int = 12, k: int = 1) -> Val:
    """The ``k``-th part of ``size`` months of the financial year that starts in month ``first`` of ``y1``."""

    def at(offset: int) -> Val:  # the month ``offset`` months after the financial year's first
        n = first - 1 + offset
        return tv.month(y1 + n // 12, n % 12 + 1)

    return tv.span_range(at(size * (k - 1)), at(size * k - 1))


_REL = {"next": 1, "coming": 1, "last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "present": 0}


def h_rel_financial_year(m: re.Match, rule: str) -> Expr | None:
    """"next financial year" → the financial year after the one the anchor falls in (from the article's
    start month: 2031-07/2032-06 for a July year anchored on 2031-05-02); "this/the current financial year"
    → the one the anchor falls in; "last/the previous financial year" → the one before."""
    step = _REL[m["rel"].split()[-1].lower()]

    def resolve(ctx: Ctx) -> Val | None:
        d = _anchor_day(ctx)
        if d is None:
            return None
        first = current().start
        y = d.year if d.month >= first else d.year - 1
        return financial_year(y + step, first)

    return _mk(m, rule, "deictic", resolve)


def budget_pair(m: re.Match, y1: int, y2: int, plain: Val) -> Val:
    """A pair of years resolved in the article: the financial year from ``y1`` when the pair is two following
    years written with a dash in an article with budget cues and no ``year_pair_nouns`` word after it,
    else ``plain`` (the two calendar years)."""
    fiscal = current()
    if not fiscal.cued or y2 != y1 + 1 or not re.fullmatch(r"(?:(?i:between|from)\s+)?\d{4}\s*[-–]\s*\d\d(?:\d\d)?", m.group()):
        return plain
    after = re.match(r"\s+([A-Za-z]+)", m.string[m.end():m.end() + 40])
    if after is not None and after.group(1).lower() in word_class("year_pair_nouns"):
        return plain
    return financial_year(y1, fiscal.start)
