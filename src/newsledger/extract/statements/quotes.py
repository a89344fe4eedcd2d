"""Quotation marks: pairing them into quoted passages, on the raw text, before any parsing.

News uses straight (``"``) and curly (``“ ”``) double quotes, guillemets (``« »``) and low-high pairs
(``„ “``); British-style single curly quotes (``‘ ’``) count in paragraphs without double marks (there
they cannot be nested quotes), telling closers from apostrophes by the letters around them. A mark is an *opener* or a *closer* by its shape (curly marks) or by its neighbours
(straight marks: after a space or an opening bracket and before a word it opens). Quotes pair inside a
paragraph; a quote left open at the end of a paragraph continues when the next paragraph opens with a
mark (the news convention for a quote running over paragraphs): each paragraph's piece is then a quote of
its own (``SPLIT_PARAGRAPHS``), as the SPEC lists one statement per quoted paragraph.
A quote left open whose next paragraph goes on with no mark of its own and closes it is one passage over
both paragraphs. Stray or unbalanced marks never raise: a closer with nothing open is ignored, an opener
that is never closed is dropped at its paragraph's end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Quote", "find_quotes", "OPENERS", "CLOSERS", "MARKS"]

OPENERS = frozenset("“«„")
CLOSERS = frozenset("”»")
STRAIGHT = '"'
MARKS = OPENERS | CLOSERS | {STRAIGHT}
_MARK = re.compile("[" + "".join(re.escape(m) for m in sorted(MARKS)) + "]")
_PARA = re.compile(r"\n\s*")
SPLIT_PARAGRAPHS = True


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted passage. ``start:end`` is inside the marks (first to last quoted character);
    ``open_at`` / ``close_at`` are the offsets of the marks themselves; ``pieces`` are the
    ``(start, end)`` of each paragraph's part (one piece unless the quote runs over paragraphs)."""

    start: int
    end: int
    open_at: int
    close_at: int
    pieces: tuple[tuple[int, int], ...]

    def contains(self, start: int, end: int) -> bool:
        return self.open_at <= start and end <= self.close_at + 1


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _PARA.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _role(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the mark at ``i``."""
    c = text[i]
    if c in OPENERS and not (c == "“" and _looks_closing(text, i)):
        return "open"
    if c in CLOSERS:
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-/:" or i == 0:
        return "open" if not after.isspace() else "either"
    if after.isspace() or after in ".,;:!?)]}—–-" or i + 1 == len(text):
        return "close"
    return "either"


def _looks_closing(text: str, i: int) -> bool:
    """German-style „…“: a “ after a word and before a space or punctuation closes."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(text: str) -> list[Quote]:
    """Every quoted passage of ``text``, in order. Never raises on unbalanced marks."""
    quotes: list[Quote] = []
    pending: tuple[int, list[tuple[int, int]]] | None = None  # (open mark, finished pieces) across paragraphs
    for p_start, p_end in _paragraphs(text):
        marks = [m.start() for m in _MARK.finditer(text, p_start, p_end)]  # (one C scan of the paragraph)
        if not marks and pending is None:
            quotes.extend(_single_quotes(text, p_start, p_end))
            continue
        open_at: int | None = None
        if pending is not None:
            if marks and marks[0] == _first_char(text, p_start, p_end) and _role(text, marks[0]) != "close":
                open_at = marks[0]
                marks = marks[1:]
            elif marks and _role(text, marks[0]) == "close" and quotes \
                    and quotes[-1].open_at == pending[0]:
                # the next paragraph goes on without a fresh mark and closes the quote ("... proudly...
                # / I will leave," he said): one passage over both paragraphs (issue 11)
                s, e = _trim(text, p_start, marks[0])
                if e > s:
                    prev = quotes.pop()
                    quotes.append(Quote(prev.start, e, prev.open_at, marks[0], prev.pieces + ((s, e),)))
                marks = marks[1:]
                pending = None
            else:
                pending = None  # the earlier paragraph's quote was never closed: drop it
        for i in marks:
            role = _role(text, i)
            if open_at is None:
                if role != "close":
                    open_at = i
                continue
            if role == "open" and text[i] != STRAIGHT:  # a fresh curly opener: the earlier one was stray
                open_at = i
                pending = None
                continue
            s, e = _trim(text, open_at + 1, i)
            if e > s:
                if SPLIT_PARAGRAPHS and pending is not None:
                    pending = None  # each paragraph of a quote running over paragraphs is a quote of its own
                pieces = (pending[1] if pending else []) + [(s, e)]
                first = pending[0] if pending else open_at
                quotes.append(Quote(pieces[0][0], e, first, i, tuple(pieces)))
            pending = None
            open_at = None
        if open_at is not None:
            s, e = _trim(text, open_at + 1, p_end)
            if e > s:
                first = pending[0] if pending else open_at
                pending = (first, (pending[1] if pending else []) + [(s, e)])
                if pending is not None and SPLIT_PARAGRAPHS:
                    quotes.append(Quote(s, e, open_at, e, ((s, e),)))
                    pending = (open_at, [])
            else:
                pending = None
    return quotes


_SINGLE_MARK = re.compile("['\u2018\u2019]")  # the marks _single_quotes reads: ' ‘ ’


def _single_quotes(text: str, start: int, end: int) -> list[Quote]:
    """British-style ‘…’ (or straight '…') quotes, in a paragraph without double marks. An opener follows no
    letter (a straight one follows a space and precedes a letter); a closer follows a non-space and precedes
    no letter (so "don’t" and "Lind’s" are apostrophes)."""
    out: list[Quote] = []
    open_at: int | None = None
    for mark in _SINGLE_MARK.finditer(text, start, end):  # (only these three characters do anything below)
        i = mark.start()
        c = text[i]
        if c == "'" and open_at is None and (i == start or text[i - 1] in " \t\n(") and i + 1 < end \
                and text[i + 1].isalnum():
            open_at = i  # a straight mark opens where a word starts after a space (plain-text British copy)
        elif c == "‘" and (i == start or not text[i - 1].isalnum()):
            open_at = i
        elif c in "’'" and open_at is not None and text[open_at] in ("‘" if c == "’" else "'") \
                and not text[i - 1].isspace() and (i + 1 >= end or not text[i + 1].isalnum()):
            if text[i - 1] == "s" and i + 1 < end and text[i + 1] == " " and i + 2 < end and text[i + 2].islower() \
                    and i - open_at > 1 and (" " not in text[open_at:i] or c == "'"):
                continue  # a plural possessive ("the farmers’ union") inside one word: not a close
            s, e = _trim(text, open_at + 1, i)
            if e > s:
                out.append(Quote(s, e, open_at, i, ((s, e),)))
            open_at = None
    return out


def _first_char(text: str, start: int, end: int) -> int:
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i
