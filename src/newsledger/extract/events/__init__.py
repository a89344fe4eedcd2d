"""The ``events`` stage: PLOVER events with actors, targets, dates, places and status.

- :mod:`.stage` — ``find_events`` and the stage function;
- :mod:`.lexicon` — the PLOVER trigger senses (``data/lexicons/plover_triggers.json``);
- :mod:`.syntax` — participants read off the parse; :mod:`.when` — dates, places and status.
"""

from .stage import events_stage, find_events

__all__ = ["find_events", "events_stage"]
