"""Parties and the people written with them (a part of :mod:`.attrs`, issue 11): a political group the tagger
types NORP ("the Free Democrats") is a body a person can serve, unlike a nationality; and a person's
possessive before a body's name ("Ilse Brandt's Free Democrats") makes the person its member."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.words import word_class
from .lex import fold
from .names import NORP, ORG, PERSON, Cluster
from .mention_map import MentionMap

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .titles import RelationFound


def political_group(c: Cluster) -> bool:
    """A NORP entity that names a group, not a people: no country of its own and a name of two words or
    more ("Free Democrats", "Green Alliance") or a party's word ("the Greens": party_name_heads), so never
    "Danish", "Catholics" or "Shiite"."""
    heads = word_class("party_name_heads")
    return c.type == NORP and not c.country and any(len(m.text.split()) >= 2 or fold(m.text) in heads
                                                    for m in c.mentions)


def body_like(c: Cluster) -> bool:
    """An organization, or a political group the tagger typed NORP: what a person can be a member of."""
    return c.type == ORG or political_group(c)


def party(c: Cluster) -> bool:
    """A political group, or a body whose name ends in a party's head word (``party_name_heads``)."""
    heads = word_class("party_name_heads")
    return political_group(c) or c.type == ORG and any(fold(m.text.split()[-1]) in heads for m in c.mentions)


def persons_party(doc: "Doc", clusters: list[Cluster], mm: MentionMap) -> list[RelationFound]:
    """"Ilse Brandt's Free Democrats", "Olsen's Unity Party": a person named as the owner of a party's name,
    right before it, leads or belongs to it (route ``persons-body``); a person's firm ("X's Hexacorp") is
    only owned."""
    from .titles import RelationFound  # (titles reads parties through title_right)

    out: list[RelationFound] = []
    for c in clusters:
        if not party(c):
            continue
        for m in c.mentions:
            k = m.t0
            if k < 2 or doc[k - 1].tag_ != "POS":
                continue
            hit = mm.at(k - 2)
            if hit is not None and hit[1].type == PERSON and hit[1] is not c:
                out.append(RelationFound("member_of", hit[1], c, (hit[0].start, m.end), "persons-body"))
    return out
