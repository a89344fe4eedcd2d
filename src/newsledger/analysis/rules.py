"""The one loader of rule tables: ``data/rules/<name>.json``, each rule a row with an id and examples.

A rule file is checked when it is loaded::

    {"rules": "times",                       # the file's own name
     "about": "what the rules decide", "source": "where they and their examples come from",
     ...                                      # file-wide settings the examples need (an "anchor" date)
     "rows": [{"id": "window",                # unique; the trace names it (times.rule.window)
               "pattern": "...",              # the pattern, or where the pattern lives
               "yields": "...",               # what the rule gives when it fires
               "examples": {"positive": [...], "negative": [...]}}]}

Every row's examples run as tests (tests/test_rules.py) that check *which* rule fired. A missing or
malformed file raises :class:`~newsledger.errors.LanguageDataError` naming the file and the fix.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from ..errors import LanguageDataError

__all__ = ["RULES_DIR", "rule_table", "check_rule_table"]

RULES_DIR = Path(__file__).resolve().parent.parent / "data" / "rules"
_ROW_KEYS = {"id", "pattern", "yields", "examples"}


def check_rule_table(data: Any, name: str) -> dict[str, Any]:
    """The parsed rule file ``name`` after checking its schema; raises LanguageDataError."""
    where = f"data/rules/{name}.json"
    if not isinstance(data, dict) or not {"rules", "about", "source", "rows"} <= set(data):
        raise LanguageDataError(f"{where} must be an object with 'rules', 'about', 'source' and 'rows'")
    if data["rules"] != name:
        raise LanguageDataError(f"{where} declares rules {data['rules']!r}; name the table as its file")
    rows = data["rows"]
    if not isinstance(rows, list) or not rows:
        raise LanguageDataError(f"{where}: 'rows' must be a non-empty list of rules")
    seen: set[str] = set()
    for k, row in enumerate(rows):
        if not isinstance(row, dict) or set(row) != _ROW_KEYS:
            got = sorted(row) if isinstance(row, dict) else type(row).__name__
            raise LanguageDataError(f"{where}: row {k} has {got}; a rule row has exactly {sorted(_ROW_KEYS)}")
        rid = row["id"]
        if not isinstance(rid, str) or not rid or rid in seen:
            raise LanguageDataError(f"{where}: row {k} has a missing or repeated id {rid!r}; ids are unique")
        seen.add(rid)
        ex = row["examples"]
        if not isinstance(ex, dict) or set(ex) != {"positive", "negative"} or not ex["positive"] \
                or not isinstance(ex["negative"], list):
            raise LanguageDataError(f"{where}: rule {rid!r} needs examples {{'positive': [at least one], "
                                    "'negative': [...]}}")
    return data


@functools.cache
def rule_table(name: str) -> dict[str, Any]:
    """The rule table ``data/rules/<name>.json``, loaded and checked once per process."""
    path = RULES_DIR / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LanguageDataError(f"no rule table {name!r}: data/rules/{name}.json is missing; "
                                "reinstall newsledger or add the file") from None
    except json.JSONDecodeError as exc:
        raise LanguageDataError(f"data/rules/{name}.json is not valid JSON ({exc}); fix the file") from None
    return check_rule_table(data, name)
