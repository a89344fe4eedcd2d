"""Capitals that are no names (step 1 of :mod:`.names`, after a run is found): what the run's casing and its
use in the sentence say about it, not a list of the words.

- an all-capitals function word written for emphasis ("you MUST leave now"; not "the WHO said");
- a one-word brand, product or initialism used as a common noun, with "a"/"an" or a personal possessive
  ("shocked him with a Taser", "treated the fund as a private ATM");
- a word opening a clause whose only evidence is a city gazetteer while the article writes it in lower case
  ("Police: Man who stabbed officer ...", and "a 29-year-old man" in the body).

And three repairs: names joined by "and" before a plural unit are each that unit ("Velmar and Tarnwick
counties" are "Velmar County" and "Tarnwick County" where the article writes those too); a US state's
postal code is that state where the article names it ("CA" and "California"); a numbered street written
with and without its quarter ("10th Avenue South", "10th Avenue") is one street; the ordinal of a numbered street belongs to it ("10th Avenue
South"), and a given name or surname an editor put in brackets joins the name beside it ("(Jordan) Murray",
"Len (Doungel)"). (Hand-written: the tagger reads each of these by its capitals.)
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ...analysis.clause import children as _children
from ...analysis.words import word_class
from .._doc import attr_lists, doc_text, folded, tokens
from .lex import country_code, demonym_country, fold, is_city, lexicon
from .mentions import _DIRECTIONS, NameMention, PERSON

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["not_a_name", "street_start", "bracketed_names", "coordinated_units", "before_unit_plural",
           "state_codes", "state_of_code", "street_sides"]

_ORDINAL = re.compile(r"^\d+[a-z]{1,3}$")  # "10th", "3rd" (and a typed "12the")
_ARTICLES = frozenset({"a", "an"})
_OWNERS = frozenset({"my", "your", "his", "her", "our", "their"})  # ("its Parliament" may be a body's own)


def not_a_name(doc: "Doc", i: int, j: int, lower_words: frozenset[str], midcaps: set[str]) -> bool:
    """The run i..j is one capitalized word that is no name (see the module docstring)."""
    if j != i + 1:
        return False
    t = tokens(doc)[i]
    w = fold(t.text)
    lex = lexicon()
    if country_code(t.text) or demonym_country(w) or w in lex.titles or w in lex.honorifics:
        return False
    if (t.is_upper and len(t.text) > 1 and t.is_alpha and doc.vocab[w].is_stop and t.pos_ not in ("PROPN", "NOUN")
            and not (i > 0 and folded(doc)[i - 1] == "the")):
        return True  # "you MUST leave": emphasis; "the WHO said", "US" (a country code, kept above) are names
    if t.dep_ not in ("compound", "nmod", "amod", "poss") and any(
            c.dep_ == "det" and c.lower_ in _ARTICLES or c.dep_ == "poss" and c.lower_ in _OWNERS for c in _children(t)):
        return True  # "with a Taser", "a private ATM": a brand or initialism as a common noun ("a BBC
        # reporter": there the name only qualifies the noun, and is kept)
    if (w in lower_words and w not in midcaps and is_city(t.text) and w not in lex.female_names
            and w not in lex.male_names and _opens_clause(doc, i)):
        return True  # "Man who stabbed officer ...": a headline's capital, not the town the gazetteer knows
    return False


def _opens_clause(doc: "Doc", i: int) -> bool:
    from .runs import _starts_clause  # (runs imports this module's neighbours; imported late)

    return _starts_clause(doc, i)


def street_start(doc: "Doc", i: int) -> int:
    """Where a run starting at token i begins once a numbered street's ordinal joins it ("10th | Avenue")."""
    fw_ = folded(doc)
    if i > 0 and fw_[i] in word_class("street_words") and _ORDINAL.match(fw_[i - 1]):
        return i - 1
    return i


@functools.cache
def _given_names() -> frozenset[str]:
    """The lexicon's given names, female and male (joined once, not for every article)."""
    lex = lexicon()
    return frozenset(lex.female_names | lex.male_names)


def bracketed_names(doc: "Doc", ms: list[NameMention]) -> list[NameMention]:
    """"(Jordan) Murray" and "Len (Doungel)": one word in brackets right beside another name, the first a
    given name (by the list or the tagger) and the other no place or body, is one person's name (the
    brackets are an editor's); nothing else is joined."""
    lex = lexicon()
    given = _given_names()
    toks = tokens(doc)
    out: list[NameMention] = []
    k = 0
    while k < len(ms):
        a = ms[k]
        b = ms[k + 1] if k + 1 < len(ms) else None
        if b is not None and a.kind == "name" and b.kind == "name" and a.t1 - a.t0 == 1 and b.t1 - b.t0 == 1:
            first_in = (a.t0 > 0 and toks[a.t0 - 1].text == "(" and a.t1 == b.t0 - 1 and toks[a.t1].text == ")")
            last_in = (b.t1 < len(doc) and toks[b.t0 - 1].text == "(" and a.t1 == b.t0 - 1
                       and toks[b.t1].text == ")")
            other = b if first_in else a
            if ((first_in or last_in) and (fold(a.text) in given or toks[a.t0].ent_type_ == "PERSON") and fold(b.text) not in lex.org_keywords
                    and fold(b.text) not in lex.place_keywords and not country_code(other.text)
                    and not is_city(other.text)):
                t0 = a.t0 - 1 if first_in else a.t0
                t1 = b.t1 + 1 if last_in else b.t1
                s, e = toks[t0].idx, toks[t1 - 1].idx + len(toks[t1 - 1].text)
                m = NameMention(s, e, doc_text(doc)[s:e], t0, t1, "name")
                m.full = f"{a.text} {b.text}"
                m.aliases = (b.text, a.text)
                m.pre_title = a.pre_title
                m.votes[PERSON] += 10
                out.append(m)
                k += 2
                continue
        out.append(a)
        k += 1
    return out


def coordinated_units(doc: "Doc", ms: list[NameMention]) -> None:
    """"Velmar and Tarnwick counties": each name before the plural unit is a place, the unit it names ("Velmar
    County"); where the article writes that unit's name in full too, its ``full`` says so and the clusters join
    them."""
    units = word_class("place_unit_plurals")
    written = {fold(m.text) for m in ms}
    by_end = {m.t1: m for m in ms}
    strings = doc.vocab.strings
    ids = {strings[w] for w in units}
    toks = tokens(doc)
    for tok in (toks[k] for k, lo in enumerate(attr_lists(doc)[1]) if lo in ids):  # the units' words, by id
        if tok.lower_ not in units or not (tok.is_lower or tok.is_title and tok.i > 0 and not tok.is_sent_start):
            continue  # ("Kajiado and Marl Counties" in capitals too, issue 11)
        singular = tok.lower_[:-3] + "y" if tok.lower_.endswith("ies") else tok.lower_[:-1]
        k = tok.i
        while (m := by_end.get(k)) is not None and m.kind == "name":
            full = f"{m.text} {singular.capitalize()}"
            if fold(full) in written:
                m.full = full
            k = m.t0 - 1
            if k < 0 or folded(doc)[k] not in ("and", ","):
                break


def before_unit_plural(doc: "Doc", t1: int) -> bool:
    """The name ending before token ``t1`` is one of the names a plural unit follows: "Velmar and Tarnwick
    *counties*", "Velmar, Ostrava and Tarn *provinces*" (names of one to three words between the joiners)."""
    units = word_class("place_unit_plurals")
    fw = folded(doc)
    toks = tokens(doc)
    k = t1
    for _ in range(6):
        if k >= len(doc):
            return False
        if fw[k] in units and (toks[k].is_lower or toks[k].is_title and not toks[k].is_sent_start):
            return True
        if fw[k] not in ("and", ","):
            return False
        k += 1
        start = k
        while k < len(doc) and toks[k].text[:1].isupper() and k - start < 3:
            k += 1
        if k == start:
            return False
    return False


@functools.lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    """US postal code -> state name (pycountry's ISO 3166-2 subdivisions of the US: states, the district)."""
    import pycountry

    return {sub.code.split("-", 1)[1]: sub.name for sub in pycountry.subdivisions.get(country_code="US")}


def state_of_code(text: str) -> str | None:
    """The US state a two-letter capital code names ("CA": "California"), else None."""
    return _us_states().get(text) if len(text) == 2 and text.isupper() else None


def state_codes(ms: list[NameMention]) -> None:
    """"CA Residents ..." in a story that names California: the code is the state (its ``full`` says so, and
    the clusters join them); where the article never writes the state's name the code is left alone ("IN",
    "OR" and "ME" are words too)."""
    written = {fold(m.text) for m in ms}
    for m in ms:
        name = state_of_code(m.text)
        if name is not None and fold(name) in written:
            m.full = name


def street_sides(ms: list[NameMention]) -> None:
    """"10th Avenue South" and, later, "10th Avenue": a street written without its quarter is the street
    the article wrote with it (where exactly one such is written); ``full`` joins them."""
    streets = word_class("street_words")
    longer: dict[str, list[str]] = {}
    for m in ms:
        words = m.text.split()
        if len(words) >= 3 and fold(words[-1]) in _DIRECTIONS and fold(words[-2]) in streets:
            longer.setdefault(fold(" ".join(words[:-1])), []).append(m.text)
    for m in ms:
        got = set(longer.get(fold(m.text), ()))
        if len(got) == 1 and m.full is None:
            m.full = got.pop()


def headline_cuts(doc: "Doc", ms: list[NameMention], heads: set[int]) -> list[NameMention]:
    """"Velmar Air Pilots Ready To Strike" in a Title-Case headline, and "Velmar Air" in the body: a headline
    name whose first words are a name the body writes ends there (the rest is the headline's words; issue 11)."""
    if not heads:
        return ms
    body = {fold(m.text) for m in ms if m.t0 not in heads and m.t1 - m.t0 >= 2}
    if not body:
        return ms
    text, toks = doc_text(doc), tokens(doc)
    out: list[NameMention] = []
    for m in ms:
        if m.t0 in heads and m.t1 - m.t0 >= 3 and fold(m.text) not in body:
            cut = next((k for k in range(m.t1 - 1, m.t0 + 1, -1)
                        if fold(text[m.start:toks[k - 1].idx + len(toks[k - 1].text)]) in body), None)
            if cut is not None:
                end = toks[cut - 1].idx + len(toks[cut - 1].text)
                m = NameMention(m.start, end, text[m.start:end], m.t0, cut, m.kind)
        out.append(m)
    return out


def headline_opening(doc: "Doc") -> int | None:
    """The first word of a first line that stands alone without a full stop (a sentence-case headline)."""
    text = doc_text(doc)
    nl = text.find("\n")
    if nl < 0:
        return None
    line = text[:nl].rstrip()
    if not line or line[-1] in ".!?:;\"'\u201d\u2019" or len(line.split()) < 3:
        return None
    return next((t.i for t in tokens(doc) if not t.is_space), None)
