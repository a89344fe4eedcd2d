"""A hyphenated pair of places named as a route (issue 11, real reporting): "the Orvelle-Tamsbury highway",
"routes such as Kelbrook-Darrow": two single capitalized words joined by a hyphen, with a word of
``route_nouns`` just after the pair or just before it, name two places, not one name ("Brannock-Whitley" with
no route word near it stays one name; a country written so, "Guinea-Bissau", stays one).

Tried only at a hyphen inside a capitalized run (:func:`runs._runs`), so it costs nothing elsewhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.words import word_class
from .._doc import folded, texts, tokens
from .lex import country_code
from .mentions import _cap_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["route_pair_at"]

_AFTER = 3  # words after the pair a route noun may stand ("the A-B four-lane highway" reads as "A-B highway")
_BEFORE = 4  # words before it ("routes such as A-B", "the flights on A-B")


def route_pair_at(doc: "Doc", h: int) -> bool:
    """Token h is the hyphen of a route between two places: single capitalized words on both sides, glued
    to it, and a route noun near the pair (a pair in a list of pairs, "A-B and C-A", shares the noun)."""
    toks = tokens(doc)
    n = len(doc)
    tx = texts(doc)
    if h < 1 or h + 1 >= n or tx[h] not in ("-", "\u2013") or toks[h].whitespace_ or toks[h - 1].whitespace_:
        return False
    if not (_cap_text(tx[h - 1]) and _cap_text(tx[h + 1])) or not (tx[h - 1].isalpha() and tx[h + 1].isalpha()):
        return False
    if h >= 2 and tx[h - 2] in ("-", "\u2013") and not toks[h - 2].whitespace_:
        return False  # a third part ("A-B-C") is a name of its own kind
    if h + 2 < n and tx[h + 2] in ("-", "\u2013") and not toks[h + 1].whitespace_:
        return False
    if country_code(f"{tx[h - 1]}-{tx[h + 1]}") is not None:
        return False
    return _route_noun_near(doc, h - 1, h + 2)


def _route_noun_near(doc: "Doc", i: int, j: int) -> bool:
    """A route noun within a few words after the pair i..j, or before it (through other pairs of a list)."""
    fw = folded(doc)
    tx = texts(doc)
    toks = tokens(doc)
    nouns = word_class("route_nouns")
    n = len(doc)
    k, seen = j, 0
    while k < n and seen < _AFTER and not toks[k].is_sent_start:
        if fw[k] in nouns:
            return True
        if tx[k] in (".", ";", ":", "(", ")"):
            break
        seen += 1 if tx[k] not in ("-", "\u2013") else 0
        k += 1
    k, seen = i - 1, 0
    while k >= max(0, i - 3 * _BEFORE) and seen < _BEFORE and not toks[k + 1].is_sent_start:
        if fw[k] in nouns:
            return True
        if tx[k] in (".", ";", ":", "(", ")"):
            break
        if tx[k] not in ("-", "\u2013") and not (_cap_text(tx[k]) or fw[k] in ("and", "or", ",")):
            seen += 1  # the words of a list of pairs ("A-B, C-D and E-F") take no share of the reach
        k -= 1
    return False
