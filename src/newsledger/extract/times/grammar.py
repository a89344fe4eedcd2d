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
- ``window``: a range from the narrative's current time ("within 45 days", "in the next two weeks", "for the next
  three years").
- ``duration`` / ``set``: lengths (``P45D``) and recurrences ("every week"); no anchor.

Lexical material (month names, number words, units, holidays, seasons) lives in
``data/lexicons/times.json``. Patterns are compiled once; a scan is linear in the text.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Callable, Iterable, Iterator

from .openings import _DIGIT, _ODD_CASE, finder, finder_starts, odd_case, openings, second_words  # (_ODD_CASE: the tests read it here)
from .pieces import Ctx, Expr, lexicon, _number_words, _pieces, _Rule
from .article_calendar import h_rel_financial_year
from .handlers import (
    h_anaphoric_weekday, h_day_range, h_decade, h_deictic_word, h_duration, h_holiday, h_in_offset, h_in_the_unit, h_iso, h_mdy,
    h_financial_year, h_month, h_month_range, h_month_rel_year, h_my, h_offset, h_part_n_of_year, h_part_of_year, h_past_n, h_rel_mod, h_rel_month, h_rel_unit, h_season,
    h_set, h_the_unit_before, h_the_weekend, h_week_of, h_weekday, h_weekday_of_week, h_weekday_range, h_window, h_year, h_year_apos,
    h_year_range,
)

__all__ = ["Ctx", "Expr", "scan", "lexicon"]


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
        # "August 2017", "May of 2021", and an abbreviation before a year ("Jan 2014")
        ("my", rf"\b(?:(?P<mod>{MOD})[-\s]+)?(?P<mon>{p['MOND']})(?:,|\s+(?i:of))?\s+(?P<year>{YEAR})", h_my),
        # "January next year", "March last year", "May this year": the month in the year counted from the anchor
        ("month_rel_year", rf"\b(?P<mon>{MON})\s+(?P<rel>(?i:next|last|this))\s+(?i:year)\b",
         h_month_rel_year),
        ("rel_month", rf"\b(?P<rel>(?i:last|next|this\s+past|this\s+coming|this))\s+(?P<mon>{MON})(?![\w-])"
                      rf"(?!\s*\d)", h_rel_month),
        ("month", rf"\b(?:(?P<mod>{MOD})[-\s]+)?(?P<mon>{MON})", h_month),
        # "between March 30 and April 4, 2024": two month-days, the year written once at the end or with each
        ("day_range", rf"\b(?i:between|from)\s+(?P<mon>{p['MOND']})\s+(?P<day>{DAY})(?:,?\s+(?P<year1>{YEAR}))?"
                      rf"\s+(?i:and|to|until|through|till)\s+(?P<mon2>{p['MOND']})\s+(?P<day2>{DAY})"
                      rf"(?:,?\s+(?P<year>{YEAR}))?", h_day_range),
        ("month_range", rf"\b(?:(?i:between|from)\s+)(?P<mon>{MON})\s+(?i:and|to|until|through|till)\s+"
                        rf"(?P<mon2>{MON})(?:,?\s+(?P<year>{YEAR}))?", h_month_range),
        ("year", rf"\b(?:(?P<mod>{MOD})[-\s]+)?(?P<year>{YEAR})", h_year),
        # "the 2030-31 financial year", "the last quarter of the 2029-30 financial year": from April
        ("financial_year", rf"\b(?:(?i:the)\s+)?(?:(?P<ord>(?i:first|second|third|fourth|last|final))\s+"
                           rf"(?P<part>(?i:quarter|half))\s+(?i:of)\s+(?i:the)\s+)?(?P<year>{YEAR})\s*[-–/]\s*"
                           rf"(?P<year2>(?:1[6-9]|20)\d\d|\d\d)\s+(?i:financial)\s+(?i:year)\b", h_financial_year),
        # "next financial year", "the current financial year": counted from the anchor in the article's financial years
        ("rel_financial_year", rf"\b(?P<rel>(?i:next|last|this|the\s+next|the\s+coming|the\s+current|the\s+previous|"
                               rf"the\s+last|the\s+past|this\s+coming|the\s+present|current))\s+(?i:financial)\s+"
                               rf"(?i:year)\b", h_rel_financial_year),
        ("year_range", rf"\b(?:(?i:between|from)\s+)?(?P<year>{YEAR})\s*(?:[-–]|\s(?i:to|and|until|through)\s)\s*"
                       rf"(?P<year2>(?:1[6-9]|20)\d\d|\d\d)(?![\d%])", h_year_range),
        ("decade", rf"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[-\s]+)?"
                   rf"(?:(?P<dec>(?:1[6-9]|20)\d0)|['’](?P<dec2>\d0))s\b",
         h_decade),
        ("week_of", rf"(?i:the\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+of)\s+(?P<mon>{MON})"
                    rf"(?:,?\s+(?P<year>{YEAR}))?", h_week_of),
        ("part_of_year", rf"\b(?i:the\s+(?P<ord>first|second|third|fourth|last|final)\s+(?P<part>quarter|half)\s+of)\s+"
                         rf"(?:(?P<year>{YEAR})|(?P<rel>(?i:the|this|next|last))\s+(?i:year))", h_part_of_year),
        ("part_n_of_year", rf"\b(?i:the\s+(?P<ord>first|last|final))\s+(?P<num>{NUM})\s+(?P<unit>(?i:months|weeks|days))"
                           rf"\s+(?i:of)\s+(?P<year>{YEAR})", h_part_n_of_year),
        ("quarter_q", rf"\b(?P<q>Q[1-4]|H[12])\s+(?P<year>{YEAR})", h_part_of_year),
        ("bare_quarter", r"\b(?i:the\s+(?P<ord>first|second|third|fourth)\s+(?P<part>quarter))(?![\w-])(?!\s+(?i:of)\b)",
         h_part_of_year),
        ("weekday_of_week", rf"\b(?P<wd>{WD})(?:\s+{p['TOD']})?\s+(?P<rel>(?i:last|next|this))\s+(?i:week)\b",
         h_weekday_of_week),
        # "between Friday and Sunday", "Tuesday and Wednesday": one range (not "Monday and again Friday")
        ("weekday_range", rf"\b(?:(?P<between>(?i:between))\s+)?(?P<wd>{WD})\s+(?i:and)\s+(?P<wd2>{WD})",
         h_weekday_range),
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
        # "the weekend", and a bare possessive that determines a noun: "after *weekend*'s poll"
        ("the_weekend", r"\b(?:(?i:the\s+weekend)\b|(?i:weekend)(?=['’]s\b))", h_the_weekend),
        ("anaphoric_weekday", rf"\b(?i:the)\s+(?P<rel>(?i:following|previous|preceding|next))\s+(?P<wd>{WD})"
                              rf"(?:\s+{p['TOD']})?", h_anaphoric_weekday),
        ("in_the_unit", r"\b(?i:earlier|later)\s+(?i:in)\s+(?i:the)\s+(?P<unit>(?i:day|week|month|year))\b",
         h_in_the_unit),
        ("rel_mod", rf"\b(?P<mod>(?i:the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))\s+"
                    rf"(?P<rel>(?i:the\s+current|the|this|next|last))\s+(?:(?i:calendar)\s+)?"
                    rf"(?P<unit>(?i:week|month|year|decade))\b", h_rel_mod),
        ("offset", rf"{B}{approx}(?P<num>{NUM})(?P<half>\s+(?i:and\s+a\s+half))?\s+(?P<unit>{UNIT})"
                   rf"(?P<half2>\s+(?i:and\s+a\s+half))?"
                   rf"\s+(?P<dir>(?i:ago|earlier|later|before|after|from\s+now|hence|previously))\b(?!-)", h_offset),
        ("the_unit_before", rf"\b(?i:the)\s+(?P<unit>(?i:day|week|month|year))\s+(?P<dir>(?i:before|after))\b"
                            rf"(?!\s+(?i:yesterday|tomorrow))", h_the_unit_before),
        ("in_offset", rf"\b(?i:in)\s+{approx}(?P<num>{NUM})\s+(?P<unit>{UNIT})(?:['’]s?\s+(?i:time))?(?!-)", h_in_offset),
        ("window", rf"\b(?:(?i:within|inside)\s+(?:(?i:the(?:\s+next)?)\s+)?|(?i:in|over|during|for)\s+(?i:the\s+(?:next|coming))\s+)"
                   rf"{approx}{num_range}\s+(?P<unit>{UNIT})", h_window),
        ("past_n", rf"\b(?i:(?:the\s+)?(?:past|last|previous))\s+{approx}(?P<num>{NUM})\s+(?P<unit>{UNIT})", h_past_n),
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
        words = first if first is not None else (*opens.prefixes, *opens.words) if opens is not None else ()
        heads = {"0" if w[0].isdecimal() else w[0] for w in words}
        if first is not None or (opens is not None and opens.digit):
            heads.add("0")  # a count may be written in digits
        out.append(_Rule(name, re.compile(rx), fn, first, opens, frozenset(heads),
                         finder(rx) if first is None and opens is None else None))
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
# Texts with characters that Python's case-insensitive matching pairs with ASCII letters although their
# own case-folding differs (long s, Kelvin sign, dotted and dotless i: openings.odd_case) take the plain scan.


def _matches(rule: _Rule, text: str, words: list[tuple[int, str]] | None,
             by_word: dict[str, dict[str, list[int]]] | None = None) -> Iterator[re.Match]:
    """``rule.regex.finditer(text)``, the same matches, trying the regex only where one can begin:
    at the word starts whose words it can open with, when the rule asserts a word start (``words``:
    each word's start and case-folded text; ``by_word``: the same grouped by first letter and word,
    built here when not given), else where its finder points."""
    if rule.first_words is None and rule.openings is None:
        if rule.finder is None:
            yield from rule.regex.finditer(text)
        else:
            yield from _found(rule, text, finder_starts(rule.finder, text))
        return
    if words is None:
        yield from rule.regex.finditer(text)
        return
    if by_word is None:
        by_word = _by_word(words)
    # each distinct word is tested once, not each of its occurrences, and only words whose first
    # letter opens one of the rule's (all words opening with a digit are under "0")
    groups = [by_word[c] for c in rule.heads if c in by_word]
    first = rule.first_words
    if first is None:
        pre, digit, exact = rule.openings
        starts = [ps for g in groups for w, ps in g.items()
                  if w.startswith(pre) or w in exact or (digit and w[0].isdecimal())]
    else:
        starts = [ps for g in groups for w, ps in g.items() if w in first or w[0].isdecimal()]
    yield from _found(rule, text, sorted(itertools.chain.from_iterable(starts)) if len(starts) > 1
                      else (starts[0] if starts else ()))


def _found(rule: _Rule, text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """The matches of ``rule`` tried at ``starts`` (ascending), as ``finditer`` would find them."""
    match, last = rule.regex.match, 0
    for pos in starts:
        if pos < last:
            continue
        m = match(text, pos)
        if m is not None:
            yield m
            last = m.end() if m.end() > pos else pos + 1


def _by_word(words: list[tuple[int, str]]) -> dict[str, dict[str, list[int]]]:
    """The starts of each distinct word of ``words``, in text order, grouped by the word's first letter
    ("0" for a digit)."""
    out: dict[str, dict[str, list[int]]] = {}
    for pos, w in words:
        out.setdefault("0" if w[0].isdecimal() else w[0], {}).setdefault(w, []).append(pos)
    return out


#: word -> the indices of the word-start rules that may open a match at it (each distinct word of a
#: process tested against the rules once, not once per article); cleared when it grows past the cap
_ADMITS: dict[str, tuple[int, ...]] = {}
_ADMITS_CAP = 20_000


def _admits(w: str) -> tuple[int, ...]:
    """The indices (in :func:`_rules`) of the rules with first words or openings that may open a
    match at a word start whose case-folded word is ``w``: the test of :func:`_matches`."""
    got = _ADMITS.get(w)
    if got is None:
        if len(_ADMITS) >= _ADMITS_CAP:
            _ADMITS.clear()
        digit = w[0].isdecimal()
        got = _ADMITS[w] = tuple(
            k for k, r in enumerate(_rules())
            if (r.first_words is not None and (digit or w in r.first_words))
            or (r.first_words is None and r.openings is not None and r.openings.admit(w)))
    return got


def _starts_by_rule(words: list[tuple[int, str]]) -> dict[int, list[int]]:
    """For each word-start rule (by index), the starts of the words it may open with, ascending:
    what :func:`_matches` tries, computed for all rules in one pass over the words."""
    out: dict[int, list[int]] = {}
    for pos, w in words:
        for k in _admits(w):
            got = out.get(k)
            if got is None:
                out[k] = [pos]
            else:
                got.append(pos)
    return out


@functools.cache
def _seconds() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """Each rule's :func:`openings.second_words` (by the rule's index in :func:`_rules`), and every word
    some rule reads the next word of."""
    per = [second_words(r.regex.pattern) if r.first_words is not None or r.openings is not None else {}
           for r in _rules()]
    return tuple(per), frozenset(w for d in per for w in d)  # type: ignore[return-value]


#: (word, next word or "") -> the rules of :func:`_admits` the pair may open a match of; cleared past the cap
_PAIRS: dict[tuple[str, str], tuple[int, ...]] = {}


def _admits_pair(w: str, nxt: str) -> tuple[int, ...]:
    """:func:`_admits` of ``w``, less the rules whose every match opening with ``w`` goes on, past white
    space, with a second word that ``nxt`` does not begin as (``nxt`` "": no word follows after white space)."""
    key = (w, nxt)
    got = _PAIRS.get(key)
    if got is None:
        if len(_PAIRS) >= _ADMITS_CAP:
            _PAIRS.clear()
        per = _seconds()[0]
        got = _PAIRS[key] = tuple(k for k in _admits(w) if w not in per[k] or (nxt != "" and any(
            nxt[0].isdecimal() if q == _DIGIT else nxt.startswith(q) for q in per[k][w])))
    return got


def _starts_by_rule_in(text: str, words: list[tuple[int, str]]) -> dict[int, list[int]]:
    """:func:`_starts_by_rule`, with the second-word filter: where a rule's matches opening with a word go
    on with white space and a second word (``the`` + ``first``, ``past``, ...), the word start is tried
    only if the text's next word could be it (the regex would fail there at once otherwise)."""
    out: dict[int, list[int]] = {}
    checked = _seconds()[1]
    last = len(words) - 1
    for j, (pos, w) in enumerate(words):
        ks = _admits(w)
        if not ks:
            continue
        if w in checked:
            nxt = ""
            if j < last:
                after = words[j + 1][0]
                end = _WORD.match(text, pos).end()  # type: ignore[union-attr]
                if text[end:after].isspace():
                    nxt = words[j + 1][1]
            ks = _admits_pair(w, nxt)
        for k in ks:
            got = out.get(k)
            if got is None:
                out[k] = [pos]
            else:
                got.append(pos)
    return out


def scan(text: str) -> Iterator[Expr]:
    """Every candidate expression any rule matches (overlapping ones included), in no set order."""
    words = None
    starts: dict[int, list[int]] = {}
    if not odd_case(text):
        words = [(m.start(), m.group().casefold()) for m in _WORD.finditer(text)]
        starts = _starts_by_rule_in(text, words)
    for k, rule in enumerate(_rules()):
        if words is not None and (rule.first_words is not None or rule.openings is not None):
            found = _found(rule, text, starts.get(k, ()))  # as _matches would, from the shared pass
        else:
            found = _matches(rule, text, words)
        for m in found:
            try:
                expr = rule.handler(m, rule.name)
            except (ValueError, KeyError, OverflowError):
                expr = None
            if expr is not None and expr.end > expr.start:
                yield expr
