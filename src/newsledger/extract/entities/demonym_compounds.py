"""Hyphenated demonyms ("Irish-Americans", "Velmarian-Canadian"): every part a demonym, the compound names a
group of people by descent, a nationality (NORP), never a person or a body, even where ", who" follows it
(issue 11, real reporting)."""

from __future__ import annotations

from .lex import demonym_country

__all__ = ["demonym_compound"]


def demonym_compound(text: str) -> bool:
    """Two or more hyphen-joined parts, each a demonym the lexicon knows (singular or plural)."""
    parts = text.split("-")
    return len(parts) >= 2 and all(p[:1].isupper() and demonym_country(p) for p in parts)
