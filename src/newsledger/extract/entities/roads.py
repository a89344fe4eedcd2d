"""Road names and designations inside capitalized runs (issue 11, real reporting): "National Highway 415"
was cut before its number (a bare "National Highway" then matched no road), and a designation written before
a town's name ("the NH-71 Kelvar-Dunmore road") was glued to it as one person's name.

Both are tried by :func:`.runs._runs` only where a run meets a number or a word after a designation, so they
cost nothing elsewhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.words import word_class
from .._doc import folded, texts, tokens
from .no_names import _DESIGNATION

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["designation_run", "road_number_at"]


def road_number_at(doc: "Doc", i: int, j: int) -> bool:
    """Token j is a number that ends the road named by the run i..j ("National Highway 415", "Route 9"): the
    run's last word is a road head (``road_heads``), and the number is plain digits, a letter allowed after
    them ("Route 9A"), written after a space."""
    if j <= i or j >= len(doc):
        return False
    w = texts(doc)[j]
    digits = w.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return (folded(doc)[j - 1] in word_class("road_heads") and bool(tokens(doc)[j - 1].whitespace_)
            and digits.isdecimal() and len(digits) <= 4 and len(w) - len(digits) <= 1)


def designation_run(doc: "Doc", i: int, j: int) -> bool:
    """The run i..j so far is one designation ("NH-71", "XR-7"; no_names._DESIGNATION): a capitalized word
    after it starts a name of its own ("NH-71 Kelvar" is the road's number, then a town)."""
    if j - i != 1:
        return False
    return bool(_DESIGNATION.match(texts(doc)[i]))
