"""A person's name glued to the words before it with no comma (issue 11, issue 13: real reporting):

- after a body's name: "a lieutenant of the rebel Truth and Renewal Front Amos Kettering said": the run
  ends in a body's head word ("Front") and the tagger starts a person of two or more words right after it,
  so the run is two names, the body and the person (:func:`person_after_body`);
- after a title's portfolio: "Minister of Fisheries Odile Brankov toured ...": where neither the tagger nor
  the given-name lists mark where the name starts, the article naming the holder elsewhere does: the run's
  last word written alone elsewhere (a surname) makes the last two words the name (:func:`holder_named_elsewhere`).

Kept apart from runs.py and names.py, which call these, to keep them short."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._doc import folded, texts, tokens
from .lex import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["person_after_body", "holder_named_elsewhere", "body_word_then_person"]


def _tagged_person_through(doc: "Doc", k: int, j: int) -> bool:
    """Tokens k..j-1 (two or more) are exactly one person the tagger reads (B at k, I after)."""
    toks = tokens(doc)
    if j - k < 2 or toks[k].ent_iob_ != "B" or toks[k].ent_type_ != "PERSON":
        return False
    if any(toks[t].ent_iob_ != "I" for t in range(k + 1, j)):
        return False
    return j >= len(doc) or toks[j].ent_iob_ != "I"


def person_after_body(doc: "Doc", i: int, j: int) -> int | None:
    """The first token of a person glued after a body's name in the run i..j ("... Renewal Front | Amos
    Kettering"): the word before it is an organization's head word (data/words org keywords) and the tagger
    reads the rest of the run as one person; None where the run is no such pair."""
    fw_ = folded(doc)
    lex = lexicon()
    for k in range(i + 1, j - 1):
        if fw_[k - 1] in lex.org_keywords and fw_[k] not in lex.titles and _tagged_person_through(doc, k, j):
            return k
    return None


def body_word_then_person(doc: "Doc", k0: int, capped: list[bool]) -> bool:
    """The capitalized words from token k0 end in a body's head word and then a person the tagger reads
    ("and Renewal Front Amos Kettering"): an "and" before k0 joins one body's name (runs._and_inside_name)."""
    toks = tokens(doc)
    n = len(doc)
    k = k0
    while k < n and capped[k] and not toks[k].is_sent_start and k - k0 <= 6:
        k += 1
    at = person_after_body(doc, k0, k) if k - k0 >= 3 else None
    return at is not None and at - k0 <= 4


def holder_named_elsewhere(doc: "Doc", start: int, j: int) -> int | None:
    """The first token of the holder's name at the end of a title's "of"/"for" phrase start..j
    ("Minister of | Fisheries | Odile Brankov"): the last two words, where at least one portfolio word comes
    before them, all are plain capitalized words (no title, body or place word) and the article writes the
    last word alone elsewhere ("Brankov said"); None otherwise."""
    toks = tokens(doc)
    fw_ = folded(doc)
    lex = lexicon()
    k = j - 2
    if k - start < 1:
        return None
    if not all(toks[t].is_title and toks[t].is_alpha and fw_[t] not in lex.titles
               and fw_[t] not in lex.org_keywords and fw_[t] not in lex.place_keywords for t in range(k, j)):
        return None
    surname = toks[j - 1].text
    words = texts(doc)
    for t, w in enumerate(words):
        if w == surname and not start <= t < j and (t == 0 or words[t - 1] != toks[k].text):
            return k  # the surname alone (not after the same given name in another title run)
    for t, w in enumerate(words):
        if w == surname and not start <= t < j and t >= 1 and words[t - 1] == toks[k].text \
                and (t < 2 or fw_[t - 2] in (",", "and", "said", "by") or not words[t - 2][:1].isupper()):
            return k  # the two words written as a name of their own ("..., Odile Brankov told")
    return None
