"""Capitalized words opening a clause that :func:`runs._trim_start` keeps or drops (issue 11, real reporting):
"- Nua Tarra councillor Odo Brask": a party's name before its member's title stays, whatever its words mean
alone; "Rockslides often follow heavy rain": the plural of a word the article writes in lower case goes.
``lower`` is the set of words the article writes in lower case (``runs._lower_words``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.words import word_class
from .._doc import folded, tokens
from .lex import lexicon
from .mentions import _cap

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["body_before_party_role", "plural_of_lower"]


def plural_of_lower(w: str, lower: frozenset[str]) -> bool:
    """``w`` is a plural ("landslides", "ferries") whose singular the article writes in lower case."""
    return len(w) > 3 and w.endswith("s") and (
        w[:-1] in lower or w.endswith("es") and w[:-2] in lower or w.endswith("ies") and w[:-3] + "y" in lower)


def body_before_party_role(doc: "Doc", i: int, j: int, lower: frozenset[str]) -> bool:
    """The capitalized words i..j (two or three) open a clause before a lower-case title only a party gives and
    a capitalized name ("Nua Tarra councillor Odo Brask"): they name the party, whatever their words mean
    alone, where none is a title or its modifier and none is written in lower case elsewhere in the article."""
    toks = tokens(doc)
    fw = folded(doc)
    lex = lexicon()
    if not 2 <= j - i <= 3 or j + 1 >= len(doc) or not toks[j].is_lower or not _cap(toks[j + 1]):
        return False
    if fw[j] not in word_class("party_roles") or toks[j + 1].is_sent_start:
        return False
    return not any(fw[k] in lex.titles or fw[k] in lex.title_modifiers or fw[k] in lower or not toks[k].is_alpha
                   for k in range(i, j))
