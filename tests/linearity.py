"""How much work a function does, counted (not timed): the number of Python function calls it makes.

A wall-clock assertion in a unit test fails on a loaded machine and passes a quadratic loop on a fast
one; a call count is the same on every machine, so "linear in the length" can be a plain assertion.
(The benchmark, ``newsledger bench``, is where time is measured.)
"""

from __future__ import annotations

import cProfile
import pstats
from typing import Any, Callable


def calls(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, int]:
    """``fn(*args, **kwargs)`` and the number of Python function calls it made."""
    prof = cProfile.Profile()
    prof.enable()
    try:
        out = fn(*args, **kwargs)
    finally:
        prof.disable()
    return out, int(pstats.Stats(prof).total_calls)


def assert_linear(fn: Callable[[Any], Any], small: Any, big: Any, factor: float, slack: float = 1.5) -> tuple[Any, Any]:
    """Run ``fn`` on ``small`` (once to warm caches, then counted) and on ``big`` (``factor`` times the
    size); the calls on ``big`` may be at most ``slack * factor`` times those on ``small``."""
    fn(small)
    a, n_small = calls(fn, small)
    b, n_big = calls(fn, big)
    assert n_big <= slack * factor * n_small, (f"{n_big} calls on the input {factor:g}x the size vs {n_small}: "
                                               f"{n_big / n_small:.1f}x, not linear")
    return a, b
