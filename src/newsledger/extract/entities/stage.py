"""The ``entities`` stage: who and what the article names, as entities, their relations, and the
mentions too ambiguous to attach.

The work is split in three modules, run in this order by :func:`find_entities`:

- :mod:`.names` finds written names, repairs spaCy's boundaries and labels, types them by
  votes (gazetteers, head words, titles, family words, spaCy) and groups them into entities
  (full name, surname, nickname, acronym, sub-name, country code). A short name that two persons
  share is left in ``unresolved``.
- :mod:`.refs` adds the mentions that name nothing: title-only references ("the
  minister", "the bureau") and pronouns ("he", "she", "they", "its"), each resolved by rules over
  the parse to the most recent compatible entity (subjects first; gender from titles, family
  words, first names and earlier pronouns).
- :mod:`.attrs` reads attributes (age, titles, affiliation, citizenship, residence,
  origin) around the mentions and the family and ``member_of`` relations, each with its evidence.

Entity ids are ``e1``, ``e2``, ... in order of first mention. Every mention span is exact
(``text[start:end] == span.text``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from ...stages import Found
from ...trace import note, tracing
from ...records import Attributes, Entity, Relation, Span, Time
from .._doc import doc_text
from .clusters import feature_mentions
from .names import Cluster, cluster_names, find_name_mentions

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["EntityResult", "find_entities"]


@dataclass(frozen=True)
class EntityResult:
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    unresolved: tuple[Span, ...] = ()


def find_entities(doc: "Doc", times: Sequence[Time] = ()) -> EntityResult:
    """The entities, relations and ambiguous mentions of a parsed article."""
    from . import attrs as entities_attrs, refs as entities_refs

    text = doc_text(doc)
    mentions = find_name_mentions(doc, [(t.start, t.end) for t in times])
    clusters, ambiguous = cluster_names(doc, mentions)
    feature_mentions(doc, clusters)
    titles = entities_attrs.find_titles(doc, clusters)
    entities_refs.resolve_references(doc, clusters, titles)
    ids = {id(c): f"e{k}" for k, c in enumerate(clusters, 1)}
    attrs, relations = entities_attrs.find_attributes(doc, clusters, titles, ids)
    entities = tuple(_entity(text, c, ids[id(c)], attrs.get(id(c), Attributes())) for c in clusters)
    rels = tuple(Relation(r.type, ids[id(r.subject)], ids[id(r.object)], Span.of(text, *r.evidence))
                 for r in relations)
    unresolved = tuple(Span.of(text, m.start, m.end) for m in ambiguous)
    for c in clusters:
        _trace(doc, c, ids[id(c)])
    return EntityResult(entities, rels, unresolved)


def _trace(doc: "Doc", c: Cluster, eid: str) -> None:
    """Note why entity ``eid`` has its type: the typing votes of its name mentions, rule by rule."""
    if not tracing(doc):
        return
    from collections import defaultdict

    by_label: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for m in c.mentions:
        for rule, label, weight in m.why:
            by_label[label][rule] += weight
    first = min(c.mentions, key=lambda m: m.start)
    if not by_label:
        note(doc, f"{eid}.type", "entities.type.no-votes", "no typing rule voted for its names; the type comes "
             "from clustering with other mentions or the default", (first.start, first.end), c.type)
        return
    ranked = sorted(by_label.items(), key=lambda kv: -sum(kv[1].values()))
    parts = [f"{lab} {sum(r.values()):g} ("
             + ", ".join(f"{k} {w:+g}" for k, w in sorted(r.items(), key=lambda kw: -kw[1])) + ")"
             for lab, r in ranked]
    note(doc, f"{eid}.type", f"entities.type.votes.{ranked[0][0]}",
         f"typing votes over its {len(c.mentions)} name mention(s), rule by rule (data/rules/entity_votes.json): "
         + "; ".join(parts), (first.start, first.end), c.type)


def _entity(text: str, c: Cluster, eid: str, attrs: Attributes) -> Entity:
    spans = {(m.start, m.end) for m in c.mentions} | set(c.extra)
    mentions = tuple(Span.of(text, s, e) for s, e in sorted(spans))
    return Entity(id=eid, type=c.type, name=c.name, aliases=tuple(c.aliases()), mentions=mentions,
                  attributes=attrs)


def entities_stage(doc: "Doc", found: Found) -> dict:
    result = find_entities(doc, found.times)
    return {"entities": result.entities, "relations": result.relations, "unresolved": result.unresolved}
