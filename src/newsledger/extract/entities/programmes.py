"""Names of programmes, plans, pacts and projects, which name no person, body or place (issue 11, real
reporting: "the National X Funding program", "the Y Partnership Agreement" and "the Z Irrigation Project" were
typed as bodies). Two ways a name is a programme's:

- its last word is a programme head (``programme_heads``: "Agreement", "Plan", "Project", "Scheme", ...) and it
  has two words or more: "the Lower Tarn Irrigation Project";
- every time the article writes it, a lower-case programme noun follows it (``programme_nouns``), a bracketed
  abbreviation allowed between: "the Rural Cash Support (RCS) scheme ... under the Rural Cash Support scheme".
  A body's name written so once and alone elsewhere ("the Harlow Relief Foundation program ... the Harlow
  Relief Foundation said") stays a body, and so does a name ending in a body's head word or naming a place.

The abbreviation bracketed after a programme's name, and every later use of it, goes with it. Each decision
is noted in the trace (``entities.no-entity.programme-head`` / ``programme-noun``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.words import word_class
from ...trace import note, tracing
from .._doc import folded, texts, tokens
from .lex import country_code, fold, is_city, lexicon
from .mentions import is_acronym, NameMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["drop_programmes"]


def _bracket_after(doc: "Doc", t1: int) -> int:
    """The token after "(ABC)" written right at t1, else t1."""
    tx = texts(doc)
    if t1 + 2 < len(doc) and tx[t1] == "(" and tx[t1 + 2] == ")" and is_acronym(tx[t1 + 1]):
        return t1 + 3
    return t1


def _noun_follows(doc: "Doc", m: NameMention) -> bool:
    k = _bracket_after(doc, m.t1)
    return k < len(doc) and tokens(doc)[k].is_lower and folded(doc)[k] in word_class("programme_nouns")


def drop_programmes(doc: "Doc", ms: list[NameMention]) -> list[NameMention]:
    """The mentions less those of programmes' names and their bracketed abbreviations."""
    fw, lex = folded(doc), lexicon()
    heads = word_class("programme_heads")
    uses: dict[str, list[NameMention]] = {}
    for m in ms:
        uses.setdefault(fold(m.text), []).append(m)
    dropped: dict[str, str] = {}
    for m in ms:
        w = fold(m.text)
        if m.kind != "name" or m.t1 - m.t0 < 2 or w in dropped:
            continue
        if fw[m.t1 - 1] in heads:
            dropped[w] = "programme-head"
        elif (fw[m.t1 - 1] not in lex.org_keywords and not country_code(m.text) and not is_city(m.text)
              and all(_noun_follows(doc, x) for x in uses[w])):
            dropped[w] = "programme-noun"
        else:
            continue
        for x in uses[w]:  # "(RCS)" after any use of the name, and "the RCS" later
            if _bracket_after(doc, x.t1) > x.t1:
                dropped.setdefault(fold(texts(doc)[x.t1 + 1]), dropped[w])
    if not dropped:
        return ms
    if tracing(doc):
        for m in ms:
            if fold(m.text) in dropped:
                note(doc, "entities.no-entity", f"entities.no-entity.{dropped[fold(m.text)]}",
                     "a programme's, plan's or pact's name (or its abbreviation) names no person, body or place",
                     (m.start, m.end), m.text)
    return [m for m in ms if fold(m.text) not in dropped]
