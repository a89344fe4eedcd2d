"""Organizations that belong to other organizations, read from how the article names them (issue 11):
"the Velmar Dockers Union (VDU) of the TFL" (a body named with another right after "of") and "the Velmar
Relief Office, the Tarnic Council's arm for aid" (a body in apposition to another's part noun,
data/words/body_part_nouns.json). Each is a ``member_of`` relation (the SPEC: "a person or group belongs
to ... an organization")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.words import word_class
from .._doc import folded, tokens
from .mentions import ORG, Cluster, NameMention
from .mention_map import MentionMap
from .titles import RelationFound

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _body_at(mm: MentionMap, p: int, n: int, c: Cluster) -> tuple[NameMention, Cluster] | None:
    """The organization (not ``c``) whose name starts at token p, an acronym or a name of two words or
    more (one unknown word after "of" is as often a place the typing took for a body)."""
    hit = mm.at(p) if p < n else None
    if hit is None or hit[0].t0 != p or hit[1] is c or hit[1].type != ORG:
        return None
    return hit if hit[0].kind == "acronym" or hit[0].t1 - hit[0].t0 >= 2 else None


def _past_acronym(doc: "Doc", k: int, mm: MentionMap, c: Cluster) -> int:
    """Token k, or the token after "(ACR)" at k when the acronym is ``c``'s own."""
    toks = tokens(doc)
    if k + 2 < len(doc) and toks[k].text == "(" and toks[k + 2].text == ")":
        hit = mm.at(k + 1)
        if hit is not None and hit[1] is c:
            return k + 3
    return k


def bodies_of_bodies(doc: "Doc", clusters: list[Cluster], mm: MentionMap) -> list[RelationFound]:
    """``member_of`` between two organizations: "<Org> [(ACR)] of [the] <Org>" (rule org-of-org) and
    "<Org>, [the] <Org>'s <part noun>" (rule org-part-apposition)."""
    fw, toks = folded(doc), tokens(doc)
    n = len(doc)
    parts = word_class("body_part_nouns")
    out: list[RelationFound] = []
    for c in clusters:
        if c.type != ORG:
            continue
        for m in c.mentions:
            k = _past_acronym(doc, m.t1, mm, c)
            if k + 1 < n and fw[k] == "of" and (k > m.t1 or fw[k + 1] == "the") \
                    and (m.t1 - m.t0 >= 2 or m.kind == "acronym"):
                # (with its acronym or "of the": "Duchess of Velmar Hospital" is one name the
                # tagger cut, not a countess of a hospital)
                hit = _body_at(mm, k + 2 if fw[k + 1] == "the" else k + 1, n, c)
                if hit is not None:
                    out.append(RelationFound("member_of", c, hit[1], (m.start, hit[0].end), "org-of-org"))
                    continue
            if k + 1 < n and fw[k] == ",":
                p = k + 2 if fw[k + 1] == "the" else k + 1
                hit = _body_at(mm, p, n, c)
                q = hit[0].t1 if hit is not None else p
                if hit is not None and q + 1 < n and toks[q].tag_ == "POS" and toks[q + 1].is_lower \
                        and fw[q + 1] in parts:
                    ev_end = toks[q + 1].idx + len(toks[q + 1].text)
                    out.append(RelationFound("member_of", c, hit[1], (m.start, ev_end), "org-part-apposition"))
    return out
