"""What a time rule's matches can begin with, read off the compiled pattern, so the scan tries a rule
only at the word starts that can open one of its matches (see :func:`grammar._matches`).

Hand-written: Python's ``re`` searches a pattern such as ``\\b(?:(?i:early|mid|late)\\s+)?(?:January|...)``
position by position; nothing in ``re`` or a well-kept library lists the literal words a pattern opens
with. The walk over the parse tree (``re._parser``, the parser ``re.compile`` itself uses) is
conservative: any construct it does not follow makes it give up (``None``: the rule scans the whole
text as before), so a prefilter can only skip positions where the rule cannot match.
"""

from __future__ import annotations

import functools
import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any, Iterator, NamedTuple

__all__ = ["Openings", "openings", "second_words", "finder", "finder_starts", "odd_case"]

#: a prefix longer than this is cut: more letters filter no better
_CAP = 6
#: how far :func:`second_words` reads (the first word, a space and the start of the second)
_CAP2 = 32
#: stands for "a decimal digit" (``\d``, ``[0-9]``) as the first character of a match
_DIGIT = "\x00"
_WORDY = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)


class Openings(NamedTuple):
    """A match begins at a word start whose case-folded word starts with one of ``prefixes``, is one of
    ``words`` (a literal the pattern follows with a space or a mark: "the" in "the\\s+end\\s+of" opens
    no match at "their"), or starts with a decimal digit when ``digit``."""

    prefixes: tuple[str, ...]
    digit: bool
    words: frozenset[str] = frozenset()

    def admit(self, word: str) -> bool:
        """Whether a match may begin at a word start whose case-folded word is ``word``."""
        return word.startswith(self.prefixes) or word in self.words or (self.digit and word[0].isdecimal())


def openings(pattern: str) -> Openings | None:
    """The openings of ``pattern``'s matches, or None when they cannot be told: the pattern does not
    begin by asserting a word start (``\\b`` or a lookbehind excluding word characters), or a match may
    begin with something other than an ASCII word character or a digit class."""
    try:
        items = list(P.parse(pattern))
    except Exception:
        return None
    if not _asserts_word_start(items):
        return None
    found = _sequence(items)
    if found is None or any(p == "" for p, _ in found):
        return None
    prefixes = {p for p, whole in found if whole is not _WORD_END}
    heads = {p for p in prefixes if p != _DIGIT}
    shortest = sorted(p for p in heads if not any(q != p and p.startswith(q) for q in heads))  # "sep" covers "sept"
    whole_words = frozenset(p for p, whole in found if whole is _WORD_END and not p.startswith(tuple(shortest)))
    return Openings(tuple(shortest), _DIGIT in prefixes, whole_words)


def second_words(pattern: str) -> dict[str, tuple[str, ...]]:
    """For a pattern whose matches begin at a word start: each opening word (case-folded) that every
    match opening with it follows with white space and a word, mapped to what that second word may
    begin with (lower case; ``_DIGIT``: a decimal digit). A word not in the map is not filtered: some
    match may open with it otherwise (a longer word, a mark, the word alone, something not followed).
    A prefilter again: "the" opens sixteen time rules, but only "the" + "first", "past", "weekend", ...
    can open a match, so the second word rules most of them out before any regex is tried."""
    try:
        items = list(P.parse(pattern))
    except Exception:
        return {}
    if not _asserts_word_start(items):
        return {}
    found = _sequence(items, spaces=True)
    if found is None:
        return {}
    seconds: dict[str, set[str]] = {}
    loose: set[str] = set()  # words (or word beginnings) a match may open with that are not followed by a space
    for p, _whole in found:
        first, space, rest = p.partition(" ")
        if not space:
            loose.add(first)
            continue
        m = re.match(r"\x00|[a-z0-9_]*", rest)
        second = m.group() if m else ""
        if second == "":
            loose.add(first)  # the second word is not known
        else:
            seconds.setdefault(first, set()).add(second)
    return {w: tuple(sorted(ws)) for w, ws in seconds.items()
            if w and w[0] != _DIGIT and not any(w.startswith(q) for q in loose)}


def finder(pattern: str) -> "re.Pattern | None":
    """For a pattern whose matches may begin inside a word or with a mark ("'90s", "x2024-05-06"): a
    pattern that finds, case-insensitively, every position where one of its matches can begin (a
    lookahead over the literal openings); trying the rule only there finds what ``finditer`` finds.
    None when the openings cannot be told."""
    try:
        items = list(P.parse(pattern))
    except Exception:
        return None
    found = _sequence(items, anychar=True)
    if found is None or any(p == "" for p, _ in found):
        return None
    alts = sorted({p for p, _ in found if p != _DIGIT})
    digit = any(p == _DIGIT for p, _ in found)
    if digit:
        alts.append(r"\d")
    compiled = re.compile("(?=" + "|".join(a if a == r"\d" else re.escape(a) for a in alts) + ")", re.IGNORECASE)
    _LITERALS[compiled.pattern] = (tuple(a for a in alts if a != r"\d"), digit)
    return compiled


#: a finder's pattern -> its literal openings (lower case) and whether a digit opens a match too
_LITERALS: dict[str, tuple[tuple[str, ...], bool]] = {}
#: characters whose case-insensitive matching differs from ``str.lower`` (long s, dotted and dotless i,
#: Kelvin sign): a text holding one is searched by the finder's own pattern
_ODD_CASE = frozenset("\u017f\u212a\u0130\u0131")
_DIGIT_CHAR = re.compile(r"\d")


def odd_case(text: str) -> bool:
    """Whether ``text`` holds one of the characters of :data:`_ODD_CASE` (four substring searches in C,
    where a set built from the text reads every character in Python)."""
    return any(ch in text for ch in _ODD_CASE)


def finder_starts(found: "re.Pattern", text: str) -> Iterator[int]:
    """``m.start() for m in found.finditer(text)`` for a pattern made by :func:`finder`, the same
    positions, found faster: each literal opening is looked for with ``str.find`` in the lower-cased
    text (the same places a case-insensitive search finds, for a text without the characters whose
    case-insensitive matching differs from ``str.lower``), digits by one pass of ``\\d``. Else a search
    for the alternation itself skips ahead to the characters that can open it, each search starting
    one past the last position found, so overlapping openings are all found."""
    lits = _LITERALS.get(found.pattern)
    if lits is not None and not odd_case(text):
        words, digit = lits
        low = text.lower()
        starts: set[int] = set()
        for w in words:
            i = low.find(w)
            while i >= 0:
                starts.add(i)
                i = low.find(w, i + 1)
        if digit:
            starts.update(m.start() for m in _DIGIT_CHAR.finditer(text))
        yield from sorted(starts)
        return
    search = _consuming(found).search
    m = search(text)
    while m is not None:
        pos = m.start()
        yield pos
        m = search(text, pos + 1)


@functools.lru_cache(maxsize=256)
def _consuming(found: "re.Pattern") -> "re.Pattern":
    """The alternation inside the lookahead ``(?=...)`` of a :func:`finder` pattern, compiled alone."""
    assert found.pattern.startswith("(?=") and found.pattern.endswith(")"), found.pattern
    return re.compile(found.pattern[3:-1], found.flags)


def _asserts_word_start(items: list) -> bool:
    """The leading zero-width items include ``\\b`` or ``(?<![\\w...])``: with a word character next, the
    match starts a word."""
    for op, av in items:
        if op not in _ZERO_WIDTH:
            return False
        if op is C.AT and av is C.AT_BOUNDARY:
            return True
        if op is C.ASSERT_NOT and av[0] == -1 and len(av[1]) == 1 and av[1][0][0] is C.IN \
                and (C.CATEGORY, C.CATEGORY_WORD) in av[1][0][1]:
            return True
    return False


def _sequence(items, anychar: bool = False, spaces: bool = False) -> set[tuple[str, bool]] | None:
    """(prefix, whole) pairs: a match of ``items`` begins with ``prefix`` (lower case), and when
    ``whole`` the match is exactly that literal. None: a match may begin with something unknown.
    ``spaces`` (for :func:`second_words`): a run of white space is followed as one space, an optional item
    (``?``) as itself or nothing, and prefixes grow to :data:`_CAP2` characters."""
    done: set[tuple[str, bool]] = set()
    cap = _CAP2 if spaces else _CAP
    open_: set[str] = {""}  # prefixes still growing (everything so far was literal)
    for op, av in items:
        alts = _item(op, av, anychar, spaces)
        grown: set[str] = set()
        for p in open_:
            if alts is None:  # unknown from here on: what came before is the prefix
                if p == "":
                    return None
                # followed by a space or a mark: the word that opens the match is exactly p
                done.add((p, _WORD_END if not anychar and _opens_with_non_word(op, av) else False))
                continue
            for q, whole in alts:
                s = p + q
                if p and q.startswith(_DIGIT):
                    # "Q" + [1-4]: the prefix stops before the class (after a space: the next word is a number)
                    done.add((p + _DIGIT if spaces and p.endswith(" ") else p, False))
                elif len(s) >= cap:
                    done.add((s[:cap], False))
                elif spaces and _past_second(s):
                    done.add((s, False))  # the second word is read: what follows does not matter
                elif whole is _WORD_END:
                    done.add((s, _WORD_END))
                elif whole:
                    grown.add(s)
                else:
                    done.add((s, False))
        open_ = grown
        if not open_:
            break
    return done | {(p, True) for p in open_}


#: marks a prefix that a non-word character follows in every match: the opening word is exactly it
_WORD_END: Any = "word-end"


def _opens_with_non_word(op, av) -> bool:
    """Whether every match of the item begins with a character that is no word character (a space,
    ``[-\\s]``, a literal mark), so that a literal before it ends a word."""
    if op is C.LITERAL:
        ch = chr(av)
        return not (ch.isalnum() or ch == "_")
    if op is C.IN:
        return bool(av) and all(
            (o is C.LITERAL and not (chr(a).isalnum() or chr(a) == "_"))
            or (o is C.CATEGORY and a in (C.CATEGORY_SPACE, C.CATEGORY_NOT_WORD)) for o, a in av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)):
        lo, _hi, sub = av
        return lo >= 1 and bool(sub) and _opens_with_non_word(*list(sub)[0])
    if op is C.SUBPATTERN:
        sub = list(av[3])
        return bool(sub) and _opens_with_non_word(*sub[0])
    return False


def _item(op, av, anychar: bool = False, spaces: bool = False) -> set[tuple[str, bool]] | None:
    if spaces and _white(op, av):
        return {(" ", True)}
    if op in _ZERO_WIDTH:
        return {("", True)}
    if op is C.LITERAL:
        ch = chr(av)
        return {(ch.lower(), True)} if ch in _WORDY or anychar else None
    if op is C.IN:
        if _digits_only(av):
            return {(_DIGIT, False)}
        chars = [chr(c) for o, c in av if o is C.LITERAL]
        if len(chars) == len(av) and all(ch in _WORDY or anychar for ch in chars):
            return {(ch.lower(), True) for ch in chars}  # a set of single characters: ['’], [Qq]
        return None
    if op is C.SUBPATTERN:
        return _sequence(av[3], anychar, spaces)
    if op is C.BRANCH:
        out: set[tuple[str, bool]] = set()
        for alt in av[1]:
            got = _sequence(alt, anychar, spaces)
            if got is None:
                return None
            out |= got
        return out
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)):
        lo, hi, sub = av
        got = _sequence(sub, anychar, spaces)
        if got is None:
            return None
        if spaces and hi == 1:  # optional: itself, then what follows it; or nothing
            return got | {("", True)}
        # repeated: what follows the first copy is not known (but a word a mark ends inside it stays one)
        out = {(p, whole if whole is _WORD_END else False) for p, whole in got if p}
        if lo == 0 or any(p == "" for p, _ in got):
            out.add(("", True))
        return out
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _sequence(av, anychar, spaces)
    return None  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, ...: not followed


def _past_second(s: str) -> bool:
    """Whether prefix ``s`` holds a space and, after it, a word and something that ends the word."""
    i = s.find(" ")
    return i >= 0 and any(ch not in _WORDY for ch in s[i + 1:])


def _white(op, av) -> bool:
    """A run of one or more white-space characters (``\\s+``, ``\\s``, a space): what
    :func:`second_words` follows as one space (a prefilter: the text's run is checked to be white space)."""
    if op is C.LITERAL:
        return chr(av).isspace()
    if op is C.IN:
        return bool(av) and all((o is C.CATEGORY and a is C.CATEGORY_SPACE) or (o is C.LITERAL and chr(a).isspace())
                                for o, a in av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)):
        lo, _hi, sub = av
        sub = list(sub)
        return lo >= 1 and len(sub) == 1 and _white(*sub[0])
    return False


def _digits_only(items) -> bool:
    """A character class that holds only decimal digits (``\\d``, ``[0-9]``, ``[1-4]``)."""
    for op, av in items:
        if op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            continue
        if op is C.RANGE and 48 <= av[0] <= av[1] <= 57:
            continue
        if op is C.LITERAL and 48 <= av <= 57:
            continue
        return False
    return bool(items)
