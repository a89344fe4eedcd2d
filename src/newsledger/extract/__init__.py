"""Extraction stages, one module each, run in this order over the parsed doc.

Each module registers its stage with :func:`newsledger.pipeline.stage` and exposes a pure function
(``find_times(doc, published)``, ``find_entities(doc, ...)``, ``find_statements(doc, entities, times,
...)``, ``find_events(doc, ...)``) that tests call directly on hand-written sentences.
"""

from __future__ import annotations

import importlib

__all__ = ["DEFAULT_STAGES", "load_stage_modules"]

#: The default order: each stage may read what the ones before it found.
DEFAULT_STAGES = ("times", "entities", "statements", "events")

_loaded = False


def _broken(name: str, exc: BaseException):
    from ..errors import StageError

    return StageError(f"the {name!r} stage cannot be loaded ({type(exc).__name__}: {exc}); "
                      "reinstall newsledger, or run without it using --stages")


def load_stage_modules() -> None:
    """Import the stage modules so that they register (once per process). A module that cannot be
    imported is a broken install, reported as a StageError naming the stage."""
    global _loaded
    if _loaded:
        return
    for name in DEFAULT_STAGES:
        try:
            importlib.import_module(f"{__name__}.{name}")
        except Exception as exc:
            raise _broken(name, exc) from exc
    _loaded = True
