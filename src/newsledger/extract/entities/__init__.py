"""The ``entities`` stage: who and what the article names, their relations and attributes.

- :mod:`.stage` — ``find_entities`` and the stage function, in the order below;
- :mod:`.names` — written names, their boundaries, types (by the votes of ``data/rules/entity_votes.json``)
  and their grouping into entities;
- :mod:`.refs` — title-only references and pronouns, resolved to an entity;
- :mod:`.attrs` — titles, ages, nationalities, affiliations and family relations;
- :mod:`.lex` — the lexicon and the gazetteer look-ups (country codes, demonyms, cities).
"""

from .stage import EntityResult, entities_stage, find_entities

__all__ = ["EntityResult", "find_entities", "entities_stage"]
