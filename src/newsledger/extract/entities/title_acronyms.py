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


def title_acronyms(doc: "Doc") -> dict[str, tuple[str, ...]]:
    """The article's title abbreviations: the capitals -> the title's words, lower case (cached per doc)."""
    got = doc.user_data.get("newsledger:title_acronyms")
    if got is not None:
        return got
    out: dict[str, tuple[str, ...]] = {}
    text = doc_text(doc)
    if "(" in text:
        titles = lexicon().titles
        for mt in _DEFINED.finditer(text):
            words = re.split(r"[ -]", mt.group(1))
            acr = mt.group(2)
            for k in range(len(words)):  # "... the Foreign Cabinet Secretary (CS)": the initials' own words
                tail = words[k:]
                if len(tail) == len(acr) and "".join(w[0] for w in tail) == acr and fold(tail[-1]) in titles:
                    out[acr] = tuple(fold(w) for w in tail)
                    break
    doc.user_data["newsledger:title_acronyms"] = out
    return out
