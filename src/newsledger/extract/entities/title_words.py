"""The words of a title (part of :mod:`.titles`): whether a word is a title, a title's modifier, or
glued by hyphens into one ("editor-in-chief"); the small word sets the title scans share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lex import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc


_DETS = {"the", "a", "an", "this", "that"}
_COUNTRY_NOUNS = frozenset({"country", "nation", "state", "kingdom", "republic"})
_SPECIAL = {"resident", "residents", "native", "citizen", "national"}


def _is_title(w: str) -> bool:
    lex = lexicon()
    return (w in lex.titles or w in lex.honorifics) and w not in _SPECIAL


def _is_mod(w: str) -> bool:
    lex = lexicon()
    return w in lex.title_modifiers or _is_title(w)


def _in_compound(doc: "Doc", i: int) -> bool:
    """Token i is glued by hyphens to its neighbours ("editor-in-chief", "Castrel-based")."""
    n = len(doc)
    left = i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_
    right = i + 1 < n and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_
    return left or right
