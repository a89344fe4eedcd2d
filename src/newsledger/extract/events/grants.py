"""Acts asked of an authority and granted (issue 11, round events10): "the tribunal granted the prosecutors'
application *to hold* three dockers" is the tribunal's detention, done, whoever asked for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.clause import children as _children
from ...analysis.clause import negated
from ...analysis.words import word_class
from .syntax import governor, subject

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .syntax import Context

__all__ = ["grantor", "GRANTED_TYPES"]

#: acts an authority does itself once it grants the request (a visit or a meeting asked for stays the asker's)
GRANTED_TYPES = frozenset({"COERCE", "SANCTION"})


def grantor(anchor: "Token", ctx: "Context") -> "Token | None":
    """The subject of the verb that grants the request whose to-infinitive ``anchor`` is ("*the tribunal* granted the
    application to hold them", word classes petition_nouns and granting_verbs); None when the request is not granted
    ("asked for", "rejected", "did not approve") or the trigger is no such infinitive."""
    if anchor.pos_ != "VERB" or anchor.dep_ != "acl" \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in _children(anchor)):
        return None
    noun = anchor.head
    if noun.lemma_.lower() not in word_class("petition_nouns"):
        return None
    gov, how = governor(noun)
    if gov is None or how != "obj" or gov.lemma_.lower() not in word_class("granting_verbs") or negated(gov):
        return None
    return subject(gov, ctx)
