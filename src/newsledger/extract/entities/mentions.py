"""The name mention and entity-cluster records of :mod:`.names`, the entity labels, and the small
word tests (capitalized, acronym) every part of name finding shares."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lex import country_code, country_name, is_city

if TYPE_CHECKING:
    from spacy.tokens import Token


PERSON, ORG, GPE, LOC, FAC, NORP = "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"
PARTICLES = frozenset({"al", "el", "bin", "ibn", "van", "der", "den", "de", "da", "von", "la", "le", "du", "dos",
                       "del", "di", "ter", "abu", "bint", "ould", "dela", "delos", "della", "degli", "das"})
_JOIN_OF = frozenset({"of", "for"})
_DIRECTIONS = frozenset({"north", "south", "east", "west", "central"})  # "north of X" is no name
_QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "``", "''"})
_OPEN = frozenset({'"', "\u201c", "\u2018", "``", "(", "["})
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9&]{1,7}$")


def is_acronym(text: str) -> bool:
    return bool(_ACRONYM.match(text))


def _cap(tok: "Token") -> bool:
    return _cap_text(tok.text)


def _cap_text(t: str) -> bool:
    """A word that opens with a capital and holds a letter."""
    return bool(t) and t[0].isupper() and (t.isalpha() or any(c.isalpha() for c in t))


@dataclass(eq=False)
class NameMention:
    """One written name: characters ``start:end``, its proposed type and the evidence for it."""

    start: int
    end: int
    text: str
    t0: int  # first token
    t1: int  # one past the last token
    kind: str = "name"  # name | acronym | demonym
    votes: Counter = field(default_factory=Counter)
    full: str | None = None  # the full name a nickname form stands for ("Pavel Orlik")
    aliases: tuple[str, ...] = ()  # other forms this one writing gives ("Pasha Orlik", "Pasha")
    acronym_of: int | None = None  # index of the mention an "(ACR)" follows
    alias_of: int | None = None  # index of the mention this one renames ("X, known as Y")
    country: str | None = None  # ISO code where the name (or demonym) is a country's
    pre_title: tuple[int, int] | None = None  # token range of a title written before the name
    why: list[tuple[str, str, float]] = field(default_factory=list)  # (vote rule, type, weight): the trace

    @property
    def label(self) -> str:
        v = self.votes
        if not v:
            return ""
        lab = max(v, key=v.__getitem__)  # Counter.most_common(1): the first of the highest
        return lab if v[lab] > 0 else ""


@dataclass(eq=False)
class Cluster:
    """A group of mentions of one entity, as the names stage leaves it (attributes come later)."""

    type: str
    mentions: list[NameMention]
    country: str | None = None
    gender: str | None = None
    extra: list[tuple[int, int]] = field(default_factory=list)  # char spans of pronoun/title mentions

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def forms(self) -> list[str]:
        """The names written for the entity (a demonym is a mention of its country, not a name of it)."""
        out: list[str] = []
        for m in self.mentions:
            if m.kind in ("demonym", "state") and self.type != NORP:
                continue
            for f in (m.full, m.text, *m.aliases):
                if f and f not in out:
                    out.append(f)
        return out

    @property
    def name(self) -> str:
        forms = [f for f in self.forms() if "(" not in f and '"' not in f and "\u201c" not in f]
        forms = forms or self.forms()
        if self.country and self.type == GPE:
            written = [f for f in forms if country_code(f) == self.country]
            if written:
                return max(written, key=lambda f: (not f.isupper(), len(f.split()), len(f)))
            return country_name(self.country)
        if self.type == PERSON:
            full = [m.full for m in self.mentions if m.full]
            if full:
                return max(full, key=len)
        nonacr = [f for f in forms if not is_acronym(f.replace(" ", ""))] or forms
        best = max(nonacr, key=lambda f: (not f.isupper(), len(f.split()), len(f)))
        return best.title() if best.isupper() and (len(best.split()) > 1 or is_city(best)) else best

    def aliases(self) -> list[str]:
        name = self.name
        return [f for f in self.forms() if f != name]
