"""Titles an article abbreviates: "Cabinet Secretary (CS)", "Principal Secretary(PS)": the capitals in
brackets spell the initials of a capitalized phrase that ends in a title word (data/words/titles.json).
In that article the abbreviation is a title: "Ana Lima (CS Water)" gives Ana Lima the title "CS Water",
and "CS Water" names no body. Issue 11 (a real report's house style)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .._doc import doc_text
from .lex import fold, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["title_acronyms"]

_DEFINED = re.compile(r"((?:[A-Z][a-z]+[ -]){1,4}[A-Z][a-z]+)\s?\(([A-Z]{2,5})\)")
# a title in lower case or with small words whose initials the bracket spells, also in small letters:
# "the divisional forest officer (DFO)", "Minister of State (MoS)" (issue 11)
_DEFINED_LOWER = re.compile(r"((?:[A-Za-z][a-z]+[ -]){1,4}[A-Za-z][a-z]+)\s?\(([A-Z][A-Za-z]{1,4})\)")
_SMALL = frozenset({"of", "for", "and", "the", "on"})
# both patterns end in a bracket that this finds, so they are tried only in the stretch before each such bracket
# (a run of five words is far shorter than _REACH), not at every letter of the text (issue 13: the whole-text
# scans were a twentieth of the entities stage on short articles)
_BRACKETED = re.compile(r"\([A-Z][A-Za-z]{1,4}\)")
_REACH = 300
_RUN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz -"


def _regions(text: str) -> list[tuple[int, int]]:
    """For each bracketed acronym, the stretch of text where a match that ends at it can begin: from _REACH
    characters before it (or where the stretch of the bracket before begins, where the two overlap), but no
    earlier than the run of ASCII letters, spaces and hyphens (and one white space) right before the bracket,
    the only characters either pattern's words hold (issue 13: the patterns were tried at every letter of
    _REACH characters)."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _BRACKETED.finditer(text):
        a = max(0, m.start() - _REACH)
        if out and a <= out[-1][1]:
            a = start  # (joined with the stretch before)
        start = a
        head = text[a:m.start()]
        if head[-1:].isspace():  # the pattern's \s? before the bracket
            head = head[:-1]
        out.append((a + len(head.rstrip(_RUN_CHARS)), m.end()))
    return out


def _spelled(tail: list[str], acr: str) -> bool:
    """The words' initials spell the bracket, small words in it or left out ("Minister of State": MoS, MS);
    capitals stand for capitals unless the title is written in lower case."""
    if tail[0].lower() in _SMALL:
        return False
    full = "".join(w[0] for w in tail)
    bare = "".join(w[0] for w in tail if w.lower() not in _SMALL)
    if all(w.islower() for w in tail):
        return acr.isupper() and acr.lower() in (full, bare)
    return acr in (full, bare) or acr == "".join(w[0].upper() if w.lower() not in _SMALL else w[0].lower()
                                                for w in tail)


def title_acronyms(doc: "Doc") -> dict[str, tuple[str, ...]]:
    """The article's title abbreviations: the capitals -> the title's words, lower case (cached per doc)."""
    got = doc.user_data.get("newsledger:title_acronyms")
    if got is not None:
        return got
    out: dict[str, tuple[str, ...]] = {}
    text = doc_text(doc)
    regions = _regions(text) if "(" in text else []
    if regions:
        titles = lexicon().titles
        for mt in (m for a, b in regions for m in _DEFINED.finditer(text, a, b)):
            words = re.split(r"[ -]", mt.group(1))
            acr = mt.group(2)
            for k in range(len(words)):  # "... the Foreign Cabinet Secretary (CS)": the initials' own words
                tail = words[k:]
                if len(tail) == len(acr) and "".join(w[0] for w in tail) == acr and fold(tail[-1]) in titles:
                    out[acr] = tuple(fold(w) for w in tail)
                    break
        for mt in (m for a, b in regions for m in _DEFINED_LOWER.finditer(text, a, b)):
            words = re.split(r"[ -]", mt.group(1))
            acr = mt.group(2)
            if acr in out or sum(c.isupper() for c in acr) < 2:
                continue
            for k in range(len(words)):  # "the divisional forest officer (DFO)", "Minister of State (MoS)"
                tail = words[k:]
                if len(tail) >= 2 and _spelled(tail, acr) and (fold(tail[-1]) in titles or any(
                        fold(tail[q]) in titles and tail[q + 1] in ("of", "for") for q in range(len(tail) - 1))):
                    out[acr] = tuple(fold(w) for w in tail)
                    break
    doc.user_data["newsledger:title_acronyms"] = out
    return out
