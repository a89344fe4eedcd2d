"""Capitalized words that name no entity, tested one mention at a time by :func:`.names._not_entities`
(moved out of :mod:`.names`, which re-exports them): a portfolio word of a title, an abbreviation the
article defines for a title, a model designation, a scope adjective before a noun."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...analysis.words import word_class
from .._doc import folded, tokens
from .lex import country_code, is_city, lexicon
from .mentions import NameMention
from .title_acronyms import title_acronyms

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _scope_adjective(doc: "Doc", m: NameMention) -> bool:
    """"the Central drought team", "a Federal health team": a capitalized adjective of a level of government
    alone before a lower-case noun or adjective modifies a common noun and names nothing (data/words/scope_adjectives.json,
    issue 11)."""
    n = len(doc)
    return (m.t1 - m.t0 == 1 and m.t1 < n and folded(doc)[m.t0] in word_class("scope_adjectives")
            and tokens(doc)[m.t1].is_lower and tokens(doc)[m.t1].pos_ in ("NOUN", "ADJ"))


def _plural_title(w: str) -> bool:
    """"secretaries", "ministers": the plural of a title word (data/words/titles.json)."""
    titles = lexicon().titles
    return w.endswith("ies") and w[:-3] + "y" in titles or w.endswith("s") and w[:-1] in titles


def _titled_acronym(doc: "Doc", m: NameMention) -> bool:
    """"(CS Water)" after a name where the article wrote "Cabinet Secretary (CS)": a title, no body; and
    "Cabinet Secretary(CS" itself, glued to its bracket (entities/title_acronyms.py)."""
    acrs = title_acronyms(doc)
    if not acrs:
        return False
    first = m.text.split()[0] if m.text.split() else ""
    return (m.t0 >= 1 and tokens(doc)[m.t0 - 1].text == "(" and first in acrs) or any(f"({a}" in m.text for a in acrs) \
        or m.text in acrs or _defines_acronym(doc, m, acrs)


def _defines_acronym(doc: "Doc", m: NameMention, acrs: dict[str, tuple[str, ...]]) -> bool:
    """"The DFO said" after "the divisional forest officer (DFO)": the title alone; "Junior Minister of Trade
    (MoT)": the words the bracket spells are that title, no name (issue 11)."""
    toks, o = tokens(doc), m.t1
    if o + 2 >= len(toks) or toks[o].text != "(" or toks[o + 2].text != ")":
        return False
    spelled = acrs.get(toks[o + 1].text)
    return bool(spelled) and tuple(folded(doc)[o - len(spelled):o]) == spelled


def _portfolio_word(doc: "Doc", m: NameMention) -> bool:
    """"Minister for Fisheries", "leader of Opposition": one capitalized word of a title's portfolio after
    "<title> of/for" (a title modifier or a government office word, also in the plural) names no body."""
    if m.t1 - m.t0 != 1 or m.kind != "name" or m.t0 < 2:
        return False
    fw, lex = folded(doc), lexicon()
    k = m.t0 - 1 - (fw[m.t0 - 1] == "the")
    if k < 1 or fw[k] not in ("of", "for") or fw[k - 1] not in lex.titles:
        return False
    w = fw[m.t0]
    if m.t1 + 1 < len(doc) and fw[m.t1] == "and" and tokens(doc)[m.t1 + 1].text[:1].isupper() \
            and not country_code(m.text) and not is_city(m.text) and tokens(doc)[m.t0].ent_type_ not in ("GPE", "LOC"):
        return True  # "secretary of Mines and Minerals X": the first of a portfolio's pair of words (issue 11)
    return any(x in lex.title_modifiers or x in lex.offices for x in (w, w[:-1] if w.endswith("s") else w))


# a model or mission designation ("XR-7", "TMS-D4", "VLS-12B"): capitals, a hyphen, a number; no person,
# body or place is named so (issue 11)
_DESIGNATION = re.compile(r"[A-Z]{2,}(?:-[A-Z]{0,3}[0-9]+[A-Z]{0,2})+\Z")


# a sum written with a currency's letters glued to its digits ("K40", "R12,500", "Sh3.5"); a name only when
# nothing marks it as money (the "G7 summit", the "M4 motorway")
_AMOUNT = re.compile(r"[A-Z][A-Za-z]{0,2}[0-9][0-9,.]*\Z")
_THOUSANDS = re.compile(r"[0-9]{3}\Z")


def _currency_amount(doc: "Doc", m: NameMention) -> bool:
    """"a fine of K40, 000", "paid R12,500", "K40 million": one token of currency letters and digits that
    groups its thousands, or that a thousands group (", 000") or a magnitude word
    (data/words/amount_magnitudes.json) follows, is a sum of money and names nothing (issue 11)."""
    if m.t1 - m.t0 != 1 or not _AMOUNT.match(m.text):
        return False
    if "," in m.text:
        return True
    toks, fw, n = tokens(doc), folded(doc), len(doc)
    k = m.t1
    if k < n and fw[k] in word_class("amount_magnitudes"):
        return True
    return k + 1 < n and toks[k].text == "," and bool(_THOUSANDS.match(toks[k + 1].text)) \
        and toks[k + 1].text.isdecimal()


def _law_named_by_part(doc: "Doc", m: NameMention) -> bool:
    """"under Section 12 (rioting) of the Harbour Safety Code": a name after "<part> <number> of (the)", a
    bracketed gloss allowed between, is a law's (data/words/law_part_words.json, issue 11)."""
    fw, toks = folded(doc), tokens(doc)
    k = m.t0 - 1
    if k >= 0 and fw[k] == "the":
        k -= 1
    if k < 2 or fw[k] != "of":
        return False
    k -= 1
    if toks[k].text == ")":  # skip one bracketed gloss of the part
        q = k - 1
        while q > max(0, k - 40) and toks[q].text not in ("(", ")"):
            q -= 1
        if toks[q].text != "(":
            return False
        k = q - 1
    return k >= 1 and toks[k].like_num and fw[k - 1] in word_class("law_part_words")
