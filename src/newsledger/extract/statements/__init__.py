"""The ``statements`` stage: who said what, to whom, when, direct and indirect.

- :mod:`.stage` — ``find_statements`` and the stage function;
- :mod:`.quotes` — quotation marks and quoted spans (every house style);
- :mod:`.cues` — reporting cues and the content each one reports;
- :mod:`.speakers` — who the speaker is (names, titles, bodies, pronouns);
- :mod:`.when` — the day a statement was made; :mod:`.kinds` — its kind and horizon;
- :mod:`.trace` — the decisions behind each statement, for ``newsledger explain``.
"""

from .stage import find_statements, statements_stage

__all__ = ["find_statements", "statements_stage"]
