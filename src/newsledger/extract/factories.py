"""The default extraction stages, one row each: name, function, what it reads, what it writes.

The one table of the stages newsledger runs (as spaCy's ``pipeline/factories.py`` lists its
components). The order of the rows is the order they run in; a stage may read only what the rows
above it provide. To add a stage: write ``my_stage(doc, found) -> dict`` in its own module and add a row.
"""

from __future__ import annotations

from ..stages import Stage
from .entities.stage import entities_stage
from .events.stage import events_stage
from .statements.stage import statements_stage
from .times.stage import times_stage

__all__ = ["STAGES"]

STAGES: tuple[Stage, ...] = (
    Stage("times", times_stage, requires=(), provides=("times",)),
    Stage("entities", entities_stage, requires=("times",), provides=("entities", "relations", "unresolved")),
    Stage("statements", statements_stage, requires=("entities", "times"), provides=("statements",)),
    Stage("events", events_stage, requires=("entities", "times", "statements"), provides=("events",)),
)
