"""Extraction stages, one module each, run in this order over the parsed doc.

Each module exposes a pure function (``find_times(doc, published)``, ``find_entities(doc, ...)``,
``find_statements(doc, entities, times, ...)``, ``find_events(doc, ...)``) that tests call directly
on hand-written sentences, and a stage function ``(doc, found) -> dict`` that the table in
:mod:`newsledger.extract.factories` registers.
"""

from __future__ import annotations

import importlib

__all__ = ["DEFAULT_STAGES", "default_stages", "load_stage_modules"]

#: The default order: each stage may read what the ones before it found (the rows of factories.STAGES).
DEFAULT_STAGES = ("times", "entities", "statements", "events")


def default_stages() -> tuple:
    """The rows of :data:`newsledger.extract.factories.STAGES`; a stage module that cannot be imported
    is a broken install, reported as a StageError naming it."""
    try:
        factories = importlib.import_module(f"{__name__}.factories")
    except Exception as exc:
        from ..errors import StageError

        raise StageError(f"the extraction stages cannot be loaded ({type(exc).__name__}: {exc}); "
                         "reinstall newsledger, or run without the broken stage using --stages") from exc
    return factories.STAGES


def load_stage_modules() -> None:
    """Import the stage modules (kept for callers of the earlier API; :func:`default_stages` does it)."""
    default_stages()
