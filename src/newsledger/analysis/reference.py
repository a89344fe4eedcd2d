"""The reference mechanism: what a pronoun, relative pronoun or description can refer to, written once
on spaCy tokens. Stages decide among candidates with what they know (entities, genders); this module
says what the words themselves allow.

- :func:`pronoun_features`: gender and number a pronoun requires of its antecedent.
- :func:`relative_antecedent`: the noun a relative pronoun refers to ("the minister, *who* ...").
- :func:`is_subject_phrase`: whether a mention is a clause subject (directly or as its apposition):
  subjects are preferred antecedents.
- :func:`known_gender` and :func:`agrees`: the gender a person's mentions tell (the pronouns that already
  refer to it, a given name of a known gender), and whether a pronoun may refer to it ("she" is never
  the man named just before).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Optional

from .clause import SUBJECT_DEPS
from .words import word_class

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["pronoun_features", "is_pronoun", "relative_antecedent", "is_subject_phrase", "known_gender", "agrees"]

_FEATURES = (("male_pronouns", ("male", "sg")), ("female_pronouns", ("female", "sg")),
             ("plural_pronouns", (None, "pl")), ("neuter_pronouns", ("neuter", "sg")))


def pronoun_features(word: str) -> Optional[tuple[Optional[str], str]]:
    """(gender or None, "sg" | "pl") a third-person pronoun requires of its antecedent, else None.
    "her" is female either way; "they" fits any gender."""
    w = word.lower()
    for cls, feats in _FEATURES:
        if w in word_class(cls):
            return feats
    return None


def is_pronoun(word: str) -> bool:
    """A third-person personal pronoun."""
    return pronoun_features(word) is not None


def relative_antecedent(rel: "Token") -> Optional["Token"]:
    """The noun a relative pronoun ("who", "which", "that") refers to: the word its clause (a ``relcl``,
    or an ``acl`` where the parser took it for one) modifies; None when ``rel`` is no relative pronoun
    of such a clause."""
    if rel.lower_ not in word_class("relative_pronouns") or rel.head.dep_ not in ("relcl", "acl"):
        return None
    ante = rel.head.head
    return None if ante.i == rel.i else ante


def is_subject_phrase(span: "Span") -> bool:
    """Whether a mention (its root) is the subject of a clause, or in apposition to one."""
    root = span.root
    if root.dep_ in SUBJECT_DEPS:
        return True
    return root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS


def known_gender(mention_texts: Iterable[str], name_gender: Optional[str] = None) -> Optional[str]:
    """"male" or "female" when the pronouns among a person's mentions all agree on one, else
    ``name_gender`` (what the stage knows from the given name), None when nothing tells."""
    said = {f[0] for m in mention_texts if (f := pronoun_features(m)) is not None and f[0] in ("male", "female")}
    if len(said) == 1:
        return said.pop()
    return None if said else name_gender


def agrees(pronoun: str, gender: Optional[str]) -> bool:
    """Whether a third-person pronoun may refer to a person of ``gender`` (None: unknown, anything goes)."""
    feats = pronoun_features(pronoun)
    return feats is None or feats[0] is None or gender is None or feats[0] == gender
