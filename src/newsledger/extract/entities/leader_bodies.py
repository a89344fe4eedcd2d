"""A government named by its leader (issue 11, real reporting: "the <Surname> government" left the surname
alone as a spurious body, since nothing else in the article names it).

"the Halvorsen government", "the Quill administration": a one- or two-word name after "the", right before a
lower-case ``leader_body_nouns`` word, that is no place, country, demonym or body's name and that the article
writes nowhere else, names the leader's government (and "the State government", a ``governed_units`` word
alone, the unit's government): the mention takes the noun and is a body (vote
``leader-government``). A name the article also writes alone or inside another name (the leader as a person,
a place) is left as it is, so a person's surname never joins a body by its first word."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.words import word_class
from .._doc import doc_text, folded, tokens
from .lex import country_code, demonym_country, fold, is_city, lexicon
from .mentions import NameMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["leader_governments", "leader_government_at"]


def leader_government_at(doc: "Doc", m: NameMention) -> bool:
    """The mention is "<Name> government" made by :func:`leader_governments` (its last word a leader's body noun
    written in lower case, after a capitalized name)."""
    toks = tokens(doc)
    return (m.t1 - m.t0 >= 2 and toks[m.t1 - 1].is_lower and folded(doc)[m.t1 - 1] in word_class("leader_body_nouns")
            and toks[m.t0].text[:1].isupper())


def _candidate(doc: "Doc", m: NameMention) -> bool:
    toks, fw, lex = tokens(doc), folded(doc), lexicon()
    if m.kind != "name" or not 1 <= m.t1 - m.t0 <= 2 or m.t0 < 1 or m.t1 >= len(doc) or fw[m.t0 - 1] != "the":
        return False
    if not toks[m.t1].is_lower or fw[m.t1] not in word_class("leader_body_nouns"):
        return False
    words = [fold(w) for w in m.text.split()]
    if words[0] in word_class("governed_units") and len(words) == 1:
        return True  # "the State government": the unit's own government, a body
    if any(not w.isalpha() or w in lex.org_keywords or w in lex.place_keywords for w in words) or m.text.isupper():
        return False
    if country_code(m.text) or is_city(m.text) or demonym_country(m.text):
        return False
    return not any(toks[k].ent_type_ in ("GPE", "LOC", "NORP") for k in range(m.t0, m.t1))


def leader_governments(doc: "Doc", ms: list[NameMention]) -> list[NameMention]:
    """The mentions, each "the <Name> government" written where the article writes <Name> nowhere else
    taking its noun (a body: the leader's government)."""
    cands = [m for m in ms if _candidate(doc, m)]
    if not cands:
        return ms
    names = {fold(m.text) for m in cands}
    elsewhere = {w for x in ms if all(x is not c for c in cands) for w in names if f" {w} " in f" {fold(x.text)} "}
    text = doc_text(doc)
    units = word_class("governed_units")
    for m in cands:
        if fold(m.text) in elsewhere and fold(m.text) not in units:
            continue
        tok = tokens(doc)[m.t1]
        m.t1 += 1
        m.end = tok.idx + len(tok.text)
        m.text = text[m.start:m.end]
    return ms
