"""Name evidence for linking one person or body across articles.

Outlets spell one name several ways: by transliteration system (Marchuk / Martchouk / Martschuk;
Zhukouskaya / Żukowska / Zhukovskaya), with or without diacritics, with a diminutive or a variant
of the given name (Sasha for Alexander, Alena for Elena), with one or two Spanish surnames, and in
either order. This module turns a name into comparable parts (:class:`PersonName`) and says how two
surnames or given names compare, in a few levels a person can check:

* :func:`fold` — lower case ASCII: Unicode decomposition drops accents (``unicodedata``); letters that do
  not decompose (ł, ø, ß, æ, đ, ı, þ) come from an explicit table.
* :func:`normal_surname` — general transliteration rules applied to a folded surname: Polish and German
  digraphs (sz, cz, rz, w), Russian ones (kh, zh), doubled vowels (ou, oo), a ``v``/``w``/``u`` between a
  vowel and a consonant (Belarusian ``ў``: Kazlouski / Kozlovski), and the family endings written
  differently by each system (-skaya/-ska/-sky/-ski, -enka/-enko, -owicz/-ovich).
* :func:`skeleton` — the normal surname's consonants by sound class (a Soundex-style code kept whole):
  the blocking key and the test for "same name, other transliteration".
* given names: equivalence classes and diminutives are data (``data/lexicons/given_names.json``);
  names outside the classes compare by skeleton (Yauhen / Yevgen) or Jaro–Winkler (jellyfish).

Hand-written here: the transliteration rewrites (no maintained library maps between the Latin
spellings of Belarusian, Polish, Russian and French; ``unidecode``-style libraries only strip marks).
Similarity measures come from rapidfuzz and jellyfish.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import jellyfish
from rapidfuzz.distance import Levenshtein

__all__ = ["fold", "normal_surname", "skeleton", "gender_of", "PersonName", "parse_person", "surname_match",
           "given_match", "given_classes", "is_given_name", "abbreviates", "is_common_given", "org_keys", "acronym",
           "GIVEN_NAMES_PATH"]

GIVEN_NAMES_PATH = Path(__file__).resolve().parent.parent / "data" / "lexicons" / "given_names.json"

#: letters that Unicode decomposition leaves whole, with their usual ASCII spelling
_TABLE = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe",
                        "Œ": "oe", "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "Þ": "th", "ı": "i", "ħ": "h",
                        "ŧ": "t", "ŀ": "l", "\u2019": "'", "\u2018": "'", "ʼ": "'", "ʻ": "'"})
_NON_WORD = re.compile(r"[^a-z0-9' -]+")


@functools.lru_cache(maxsize=131072)
def fold(s: str) -> str:
    """Lower-case ASCII with spaces between words: "Żukowska" -> "zukowska", "Márquez" -> "marquez"."""
    s = unicodedata.normalize("NFKD", s.translate(_TABLE))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = _NON_WORD.sub(" ", s.replace("-", " ")).replace("'", "")
    return " ".join(s.split())


# ---------------------------------------------------------------------------- surnames
_DIGRAPHS = [("szcz", "shch"), ("sz", "sh"), ("cz", "ch"), ("rz", "zh"), ("tsch", "ch"), ("tch", "ch"), ("dzh", "j"),
             ("kh", "h"), ("ph", "f"), ("w", "v"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ij", "i"),
             ("ff", "v"), ("q", "k"), ("x", "ks")]
#: family endings as each system writes them -> one form (longest first)
_ENDINGS = [("tskaya", "tsk"), ("ckaya", "tsk"), ("tskiy", "tsk"), ("tsky", "tsk"), ("tski", "tsk"), ("cki", "tsk"),
            ("cka", "tsk"), ("skaya", "sk"), ("skaja", "sk"), ("skaia", "sk"), ("skiy", "sk"), ("skii", "sk"), ("skij", "sk"),
            ("ska", "sk"), ("sky", "sk"), ("ski", "sk"), ("enka", "enk"), ("enko", "enk"),
            ("ovich", "ovich"), ("ovic", "ovich"), ("evich", "evich"), ("evic", "evich"), ("ova", "ov"),
            ("eva", "ev"), ("ina", "in"), ("aya", "a"), ("aja", "a")]
_VOWELS = set("aeiouy")
_V_BETWEEN = re.compile(r"(?<=[aeiouy])[vu](?=[bcdfghjklmnpqrstvxz])")
_CLASS = {**dict.fromkeys("bfpv", "1"), **dict.fromkeys("cgjkqsxz", "2"), **dict.fromkeys("dt", "3"), "l": "4",
          **dict.fromkeys("mn", "5"), "r": "6"}


@functools.lru_cache(maxsize=131072)
def normal_surname(s: str) -> str:
    """A folded surname rewritten by general transliteration rules (see the module docstring)."""
    s = fold(s).replace(" ", "")
    if len(s) > 5 and s.endswith("ou"):  # Belarusian -ou is Russian -ov (Varankou / Voronkov)
        s = s[:-2] + "ov"
    if len(s) > 3 and s[0] == "h":  # Belarusian and Ukrainian h is Russian g (Hrodna / Grodno, Homel / Gomel)
        s = "g" + s[1:]
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    if len(s) > 5:
        for a, b in _ENDINGS:
            if s.endswith(a):
                s = s[: -len(a)] + b
                break
    s = s.replace("ck", "k")
    return _V_BETWEEN.sub("", s)


@functools.lru_cache(maxsize=131072)
def skeleton(s: str) -> str:
    """The sound-class consonant code of a surname ("Marchuk", "Martchouk" -> the same code); the blocking key."""
    n = normal_surname(s)
    out: list[str] = []
    for c in n:
        code = _CLASS.get(c)
        if code and (not out or out[-1] != code):
            out.append(code)
    return (n[:1] if n[:1] in _VOWELS else "") + "".join(out)


def _consonants(n: str) -> str:
    return "".join(c for c in n if c not in _VOWELS and c != "h")


@functools.lru_cache(maxsize=131072)
def gender_of(surname: str) -> str | None:
    """"f" / "m" from a Slavic family ending (-skaya, -ova / -sky, -ov), else None."""
    from ..extract.entities.lex import lexicon

    s = fold(surname)
    lex = lexicon()
    if len(s) > 4:
        if any(s.endswith(x) for x in lex.female_suffixes):
            return "f"
        if any(s.endswith(x) for x in lex.male_suffixes):
            return "m"
    return None


@functools.lru_cache(maxsize=131072)
def surname_match(a: str, b: str) -> str:
    """How two surnames compare: "exact" (equal once folded), "translit" (one name in two transliteration
    systems: equal skeletons and close consonants), "near" (a small spelling difference), or "differ"."""
    fa, fb = fold(a).replace(" ", ""), fold(b).replace(" ", "")
    if not fa or not fb:
        return "differ"
    if fa == fb:
        return "exact"
    ga, gb = gender_of(a), gender_of(b)
    if ga and gb and ga != gb:
        return "differ"  # Ivanov / Ivanova: two people of one family
    na, nb = normal_surname(fa), normal_surname(fb)
    if na == nb:
        return "translit"
    if skeleton(fa) == skeleton(fb) and Levenshtein.normalized_similarity(_consonants(na), _consonants(nb)) >= 0.6:
        return "translit"
    if min(len(na), len(nb)) >= 5 and jellyfish.jaro_winkler_similarity(na, nb) >= 0.92:
        return "near"
    return "differ"


# ---------------------------------------------------------------------------- given names
@dataclass(frozen=True)
class _GivenLexicon:
    classes: dict[str, frozenset[int]]
    common: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]


@functools.cache
def _given() -> _GivenLexicon:
    raw = json.loads(GIVEN_NAMES_PATH.read_text(encoding="utf-8"))
    classes: dict[str, set[int]] = {}
    for i, cls in enumerate(raw["classes"]):
        for w in cls:
            classes.setdefault(fold(w), set()).add(i)
    common = {fold(w) for w in raw["common"]["words"]} | {fold(c[0]) for c in raw["classes"]}
    return _GivenLexicon({k: frozenset(v) for k, v in classes.items()}, frozenset(common),
                         frozenset(fold(w) for w in raw["particles"]["words"]),
                         frozenset(fold(w) for w in raw["suffixes"]["words"]))


@functools.lru_cache(maxsize=131072)
def given_classes(name: str) -> frozenset[int]:
    """The equivalence classes a given name belongs to (empty when it is in none)."""
    return _given().classes.get(fold(name), frozenset())


@functools.lru_cache(maxsize=131072)
def is_given_name(word: str) -> bool:
    """Whether ``word`` is a known given name (the classes of given_names.json or the entities lexicon)."""
    from ..extract.entities.lex import lexicon

    w = fold(word)
    lex = lexicon()
    return bool(given_classes(w)) or w in lex.female_names or w in lex.male_names


def is_common_given(word: str) -> bool:
    """A given name so common that sharing it is no evidence of one person."""
    return fold(word) in _given().common


@functools.lru_cache(maxsize=131072)
def given_match(a: str, b: str) -> str:
    """How two given names compare: "exact", "variant" (one class: Sasha / Alexander, Alena / Elena),
    "initial" ("A." / Alexander), "translit" (Yauhen / Yevgen), or "differ"."""
    fa, fb = fold(a).replace(" ", ""), fold(b).replace(" ", "")
    if not fa or not fb:
        return "differ"
    if fa == fb:
        return "exact"
    if len(fa) == 1 or len(fb) == 1:
        return "initial" if fa[0] == fb[0] else "differ"
    ca, cb = given_classes(fa), given_classes(fb)
    if ca & cb:
        return "variant"
    if ca and cb:
        return "differ"  # two known names of different classes
    na, nb = normal_surname(fa), normal_surname(fb)
    if na == nb or (skeleton(fa) == skeleton(fb) and fa[0] == fb[0] and len(skeleton(fa)) >= 3):
        return "translit"
    if jellyfish.jaro_winkler_similarity(fa, fb) >= 0.93:
        return "translit"
    return "differ"


# ---------------------------------------------------------------------------- person names
@dataclass(frozen=True)
class PersonName:
    """The parts of a person's name: ``given`` (first names and variants written in parentheses or quotes),
    ``surnames`` (family name tokens, particles left out; two for a Spanish name), ``only`` which part a
    one-word name is ("given", "surname", or "" for a full name; "title" when it names only a role)."""

    given: tuple[str, ...]
    surnames: tuple[str, ...]
    only: str
    middle: tuple[str, ...] = ()

    @property
    def full(self) -> bool:
        return not self.only


_PAREN = re.compile(r"[(\"“”«»]\s*([^()\"“”«»]+?)\s*[)\"“”«»]")
_DETERMINERS = {"the", "a", "an", "former", "late", "then", "acting", "new", "incoming", "outgoing"}
_PATRONYMIC = re.compile(r"(ovich|evich|ovna|evna|ichna|yevich)$")


@functools.lru_cache(maxsize=65536)
def parse_person(name: str) -> PersonName:
    """Split a person's name into given names and surnames (titles, honorifics, suffixes and particles out)."""
    from ..extract.entities.lex import lexicon

    lex = lexicon()
    extra = [fold(m) for m in _PAREN.findall(name)]
    bare = _PAREN.sub(" ", name)
    toks = [t for t in fold(bare).split() if t]
    g = _given()
    if not any(c.isupper() for c in bare):  # "the president": a role, no name
        return PersonName((), (), "title")
    while toks and (toks[0] in _DETERMINERS or toks[0] in lex.titles or toks[0] in lex.honorifics or toks[0] in lex.title_modifiers
                    or toks[0].rstrip(".") in lex.honorifics):
        toks.pop(0)
    while toks and toks[-1] in g.suffixes:
        toks.pop()
    if not toks:
        return PersonName((), (), "title")
    if len(toks) == 1:
        t = toks[0]
        if t in g.particles:
            return PersonName((), (), "title")
        if is_given_name(t) and not gender_of(t):
            return PersonName((t, *extra), (), "given")
        return PersonName(tuple(extra), (t,), "surname")
    given, rest = toks[0], toks[1:]
    if given in g.particles:  # "Abu Hamdan", "al-Rashid": a surname with its particle
        return PersonName(tuple(extra), tuple(t for t in rest if t not in g.particles) or (rest[-1],), "surname")
    rest = [t for t in rest if not _PATRONYMIC.search(t) or len(rest) == 1]
    middle = []
    while len(rest) > 1 and is_given_name(rest[0]) and not gender_of(rest[0]):  # "Ana María López Obrador"
        middle.append(rest.pop(0))
    surnames = tuple(t for t in rest if t not in g.particles and len(t) > 1) or tuple(rest[-1:])
    return PersonName((given, *extra), surnames, "", tuple(middle))


# ---------------------------------------------------------------------------- organizations
_ORG_STOP = {"the", "of", "and", "for", "in", "on", "at", "to", "a", "an", "&", "de", "del", "la", "las", "los", "el", "y", "e", "des", "du", "le", "et", "der", "die", "und", "fur", "da", "do", "dos", "di", "della"}  # small words of names in English and the European languages


def acronym(name: str) -> str:
    """"United Nations Children's Fund" -> "uncf"; an all-capitals name is its own acronym."""
    raw = name.strip()
    compact = re.sub(r"[.\s]", "", raw)
    if compact.isupper() and 2 <= len(compact) <= 8:
        return fold(compact)
    words = [w for w in fold(raw).split() if w not in _ORG_STOP]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def abbreviates(acr: str, name: str) -> bool:
    """Whether ``acr`` is made of the starts of ``name``'s words in order ("unitrawo" of "union of
    transport workers of the valley ..."): each used word gives one or more leading letters, small words may be
    skipped, and words after the last used one are left out."""
    acr = fold(acr).replace(" ", "")
    words = [w for w in fold(name).split() if w]
    if len(acr) < 3 or len(words) < 2:
        return False

    @functools.lru_cache(maxsize=None)
    def go(i: int, j: int, used: int) -> bool:
        if i == len(acr):
            return used >= 2
        if j == len(words):
            return False
        w = words[j]
        if w in _ORG_STOP and go(i, j + 1, used):
            return True
        k = 0
        while k < len(w) and i + k < len(acr) and w[k] == acr[i + k]:
            k += 1
            if go(i + k, j + 1, used + 1):
                return True
        return False

    return go(0, 0, 0)


def org_keys(name: str) -> tuple[str, str]:
    """(folded name without a leading "the", acronym) of an organization's name."""
    f = fold(name)
    if f.startswith("the "):
        f = f[4:]
    return f, acronym(name)
