"""Two titles written before one name and joined by "and" ("the Tarvos Port Board (TPB) Special Officer and
Deputy Harbourmaster X"): each is the person's title, and the bodies written in the first are the person's
(issue 11). The title scanner is passed in, so this module needs nothing from :mod:`.titles`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from .._doc import folded, tokens
from .title_words import _is_title

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .mention_map import MentionMap
    from .names import Cluster

Scan = Callable[..., "tuple[int, int, list[Cluster], int] | None"]


def title_before_and(doc: "Doc", first: int, mm: "MentionMap", scan: Scan) -> "tuple[int, int, list[Cluster], int] | None":
    """The title phrase ending just before an "and" at token ``first - 1`` when the phrase starting at
    ``first`` is a title written before a name: (first, head+1, affiliations, phrase start), else None.
    The earlier conjunct must end in a title word and start the name's run (after a name, "A and
    Deputy Minister B" is a list of people, which the scanner leaves alone: it stops at a name)."""
    fw, toks = folded(doc), tokens(doc)
    k = first - 1
    if k < 1 or fw[k] != "and" or not toks[k].is_lower:
        return None
    if not _is_title(fw[k - 1]) or mm.at(k - 1):
        return None
    got = scan(doc, k, mm)
    if got is None or got[1] != k:
        return None
    return got
