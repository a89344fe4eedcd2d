"""A body's short name written before its full name (issue 11, real reporting: a headline's "Brannix wins
appeal" before "Brannix Group said"; the tagger read the short name as a person, so it became an entity of
its own): a one-word entity whose word opens the multi-word name of exactly one organization, ending in a
body's head word ("Group", "Holdings", "Corp."), is that organization, where nothing but the tagger typed it
(no title, given name, age or family word voted for a person; no country or place).

Run once over the clusters after grouping (:func:`.clusters.cluster_names`)."""

from __future__ import annotations

from .lex import fold, lexicon
from .mentions import Cluster, GPE, ORG, PERSON

__all__ = ["merge_short_names"]

_TAGGER_ONLY = frozenset({"spacy-ner", "reporting-subject", "plain-name-speaking", "article-no-person",
                          "the-named-body", "capitalized-function-word"})


def _lone_word(c: Cluster) -> str | None:
    forms = {fold(m.text) for m in c.mentions}
    if c.type not in (PERSON, GPE, ORG) or c.country or len(forms) != 1:
        return None
    w = next(iter(forms))
    if " " in w or not all(rule in _TAGGER_ONLY for m in c.mentions for rule, _lab, _w in m.why):
        return None
    return w


def merge_short_names(clusters: list[Cluster]) -> list[Cluster]:
    """The clusters with each lone short name merged into the one organization whose full name it opens."""
    heads = lexicon().org_keywords
    fulls: dict[str, list[Cluster]] = {}
    for c in clusters:
        if c.type != ORG:
            continue
        for f in {fold(m.text) for m in c.mentions}:
            words = f.split()
            if len(words) >= 2 and words[-1] in heads:
                fulls.setdefault(words[0], [])
                if not any(x is c for x in fulls[words[0]]):
                    fulls[words[0]].append(c)
    gone: set[int] = set()
    for c in clusters:
        w = _lone_word(c)
        hits = fulls.get(w or "", [])
        if w is None or len(hits) != 1 or hits[0] is c:
            continue
        hits[0].mentions.extend(c.mentions)
        gone.add(id(c))
    return [c for c in clusters if id(c) not in gone]
