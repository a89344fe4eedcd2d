"""A body's head noun capitalized alone ("colleagues in Government", "the State") names no one entity (issue 11, real reporting: such a word became a body of its own). A one-word name in
``lone_body_heads`` is dropped unless another name of the article holds the word ("the Dorrow State ...
the State said": there it is a short name of that body, and clustering joins them). Each drop is noted in the
trace (``entities.no-entity.lone-head``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.words import word_class
from ...trace import note, tracing
from .._doc import folded
from .lex import fold
from .mentions import NameMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["drop_lone_heads"]


def drop_lone_heads(doc: "Doc", ms: list[NameMention]) -> list[NameMention]:
    """The mentions less the lone capitalized body heads no longer name of the article holds."""
    heads = word_class("lone_body_heads")
    fw = folded(doc)
    lone = [m for m in ms if m.kind == "name" and m.t1 - m.t0 == 1 and fw[m.t0] in heads]
    if not lone:
        return ms
    held = {w for m in ms if m.t1 - m.t0 > 1 for w in fold(m.text).split()}
    drop = {id(m) for m in lone if fw[m.t0] not in held}
    if not drop:
        return ms
    if tracing(doc):
        for m in ms:
            if id(m) in drop:
                note(doc, "entities.no-entity", "entities.no-entity.lone-head", "a body's head noun capitalized "
                     "alone, with no name of a body in the article holding it, names no entity", (m.start, m.end), m.text)
    return [m for m in ms if id(m) not in drop]
