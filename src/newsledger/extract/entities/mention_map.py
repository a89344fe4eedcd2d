"""Token index -> (mention, cluster) for the attribute readers (moved out of :mod:`.titles`, which
re-exports it), with the written names of the article's organizations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lex import fold
from .mentions import ORG, Cluster, NameMention

if TYPE_CHECKING:
    from spacy.tokens import Doc


class MentionMap:
    """Token index -> (mention, cluster) for name mentions, and char span -> cluster for others."""

    def __init__(self, doc: "Doc", clusters: list[Cluster]) -> None:
        self.doc = doc
        self.by_tok: dict[int, tuple[NameMention, Cluster]] = {}
        for c in clusters:
            for m in c.mentions:
                for t in range(m.t0, m.t1):
                    self.by_tok[t] = (m, c)
        self.extra: dict[int, Cluster] = {}  # first token of a pronoun/reference -> cluster
        # the written names of the article's organizations, to see one inside a title run that spaCy
        # labelled with the person ("Labor leader X" where "Labor" is named elsewhere, issue 11)
        self.org_names: dict[str, Cluster] = {}
        for c in clusters:
            if c.type == ORG:
                for m in c.mentions:
                    self.org_names.setdefault(fold(m.text), c)

    def org_written(self, t: int, limit: int) -> tuple[Cluster, int] | None:
        """The organization of the article whose name is written, unlabelled, from token ``t`` (ending
        before ``limit``), as (cluster, end token); the longest name first."""
        if not self.org_names or self.at(t) or not self.doc[t].text[:1].isupper():
            return None
        for end in range(min(limit, t + 4), t, -1):
            if any(self.at(q) for q in range(t, end)):
                continue
            c = self.org_names.get(fold(self.doc[t:end].text))
            if c is not None:
                return c, end
        return None

    def at(self, t: int) -> tuple[NameMention, Cluster] | None:
        return self.by_tok.get(t)

    def cluster_at(self, t: int) -> Cluster | None:
        hit = self.by_tok.get(t)
        if hit:
            return hit[1]
        return self.extra.get(t)

    def add_extra(self, clusters: list[Cluster]) -> None:
        for c in clusters:
            for s, e in c.extra:
                span = self.doc.char_span(s, e, alignment_mode="expand")
                if span is not None:
                    for t in range(span.start, span.end):
                        self.extra.setdefault(t, c)
