"""The ``times`` stage: every time expression of an article, normalized as a reader resolves it.

- :mod:`.stage` — the stage function and the choice of anchor and tense (``find_times``);
- :mod:`.grammar` — the patterns over the calendar words (detection, with the rule ids of
  ``data/rules/times.json``);
- :mod:`.values` — the normalized values (``2031-06-30``, ``2019-08``, ``P2W``) and their arithmetic.
"""

from .stage import find_times, is_window, resolve_expression, times_stage, value_to_date

__all__ = ["find_times", "resolve_expression", "value_to_date", "is_window", "times_stage"]
