"""Every rule row's examples, run: the positive ones must be found by that very rule (which rule fired
is checked, not only that something did), the negative ones must not fire it."""

from __future__ import annotations

import datetime as dt

import pytest

from newsledger.analysis.rules import check_rule_table, rule_table
from newsledger.errors import LanguageDataError
from newsledger.extract.times import _best_expr, resolve_expression
from newsledger.extract.times_grammar import _rules, scan

TIMES = rule_table("times")
ANCHOR = dt.date.fromisoformat(TIMES["anchor"])


def test_every_time_grammar_rule_has_a_row_and_every_row_a_rule():
    assert {r.name for r in _rules()} == {row["id"] for row in TIMES["rows"]}


@pytest.mark.parametrize("row", TIMES["rows"], ids=lambda r: r["id"])
def test_time_rule_examples(row):
    for ex in row["examples"]["positive"]:
        e = _best_expr(ex["text"])
        assert e is not None, f"{row['id']}: nothing found in {ex['text']!r}"
        assert (e.rule, ex["text"][e.start:e.end]) == (row["id"], ex["match"]), ex["text"]
        assert resolve_expression(ex["text"], ANCHOR) == ex["value"], ex["text"]
    for text in row["examples"]["negative"]:
        assert row["id"] not in {x.rule for x in scan(text)}, f"{row['id']} fired on {text!r}"


@pytest.mark.parametrize("data, complaint", [
    ({"rules": "t", "about": "a", "source": "s"}, "must be an object"),
    ({"rules": "u", "about": "a", "source": "s", "rows": [{}]}, "declares rules"),
    ({"rules": "t", "about": "a", "source": "s", "rows": []}, "non-empty"),
    ({"rules": "t", "about": "a", "source": "s", "rows": [{"id": "x"}]}, "exactly"),
    ({"rules": "t", "about": "a", "source": "s", "rows": [
        {"id": "x", "pattern": "p", "yields": "y", "examples": {"positive": ["a"], "negative": []}},
        {"id": "x", "pattern": "p", "yields": "y", "examples": {"positive": ["a"], "negative": []}}]}, "repeated"),
    ({"rules": "t", "about": "a", "source": "s", "rows": [
        {"id": "x", "pattern": "p", "yields": "y", "examples": {"positive": [], "negative": []}}]}, "at least one"),
])
def test_a_malformed_rule_table_is_refused_with_the_fix(data, complaint):
    with pytest.raises(LanguageDataError, match=complaint):
        check_rule_table(data, "t")
