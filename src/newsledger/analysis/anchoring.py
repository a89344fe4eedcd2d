"""The anchoring mechanism: which time expression dates which word, and which ones are windows,
deadlines and horizons instead of dates, written once on spaCy tokens and character offsets.

- :func:`is_horizon` / :func:`is_stretch`: a time led by a deadline word ("within 48 hours", "until
  January", "by Friday") is a horizon; one led by a duration preposition ("for two weeks", "through
  March") is a stretch. Neither is when something happened or was said.
- :func:`dated_token`: from a time expression's root, the word it dates: climbing through
  prepositions and nouns ("at a briefing *on Tuesday*") to the first verb or the first of ``stops``
  (event triggers); a time inside a noun phrase ("*Sunday's* referendum") dates that noun.
- :func:`governing_verb`: the nearest verb at or above a token.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Collection, Optional

from .words import word_class

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["NP_MODIFIER_DEPS", "lead_words", "is_horizon", "points_ahead", "is_stretch", "dated_token", "governing_verb"]

#: a time with one of these relations to its head is a modifier inside a noun phrase ("Sunday's vote")
NP_MODIFIER_DEPS = frozenset({"poss", "compound", "nmod", "amod", "nummod"})
_NONE: frozenset[int] = frozenset()


def lead_words(text: str, start: int, expr: str) -> list[str]:
    """The word written just before a time expression at ``start`` and the expression's first word,
    lower-cased: what decides whether it is a date or a window."""
    before = text[max(0, start - 10):start].split()[-1:]
    return [w.lower() for w in before + expr.split()[:1]]


def is_horizon(words: list[str]) -> bool:
    """Whether ``lead_words`` make the time a deadline or window ("within", "until", "by", "before")."""
    deadline = word_class("deadline_words")
    return any(w in deadline for w in words)


def points_ahead(words: list[str]) -> bool:
    """Whether the words of or before a time make it a horizon: a deadline word or a forward word
    ("within", "by", "next", "coming", "this")."""
    ahead = word_class("deadline_words") | word_class("forward_words")
    return any(w in ahead for w in words)


def is_stretch(words: list[str]) -> bool:
    """Whether ``lead_words`` make the time a stretch ("for two weeks", "through March")."""
    stretch = word_class("duration_prepositions")
    return any(w in stretch for w in words)


def dated_token(span: "Span", stops: Collection[int] = _NONE, hops: int = 12) -> "Token":
    """The token a time expression (``span``) dates: see the module docstring."""
    cur = span.root
    if cur.dep_ in NP_MODIFIER_DEPS:  # "Sunday's referendum": the time of that noun
        return cur.head
    root_i = cur.i  # (Span.root walks the span's tokens again on every read)
    for _ in range(hops):
        head = cur.head
        if head is cur:
            break
        if cur.i != root_i and (cur.i in stops or cur.pos_ in ("VERB", "AUX")):
            break
        cur = head
    return cur


def governing_verb(tok: "Token") -> Optional["Token"]:
    """``tok`` itself when it is a verb, else its nearest verb ancestor, else None. A participle that the
    parser hung as a preposition ("told reporters following a meeting on Wednesday", "including") is no
    verb: the walk goes on to the verb it modifies."""
    return next((x for x in [tok, *tok.ancestors] if x.pos_ in ("VERB", "AUX")
                 and not (x.dep_ == "prep" and x.tag_ == "VBG")), None)
