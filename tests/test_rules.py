"""Every rule row's examples, run: the positive ones must be found by that very rule (which rule fired
is checked, not only that something did), the negative ones must not fire it."""

from __future__ import annotations

import datetime as dt

import pytest

from newsledger.analysis.rules import check_rule_table, rule_table
from newsledger.errors import LanguageDataError
from newsledger.extract.times.stage import _best_expr, resolve_expression
from newsledger.extract.times.grammar import _rules, scan

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


REJECTIONS = rule_table("time_rejections")


def test_every_rejection_row_is_a_check_of_the_grammar():
    import re
    from pathlib import Path

    import importlib

    package = Path(importlib.import_module("newsledger.extract.times").__file__).parent
    src = "".join(p.read_text(encoding="utf-8") for p in sorted(package.glob("*.py")))
    checks = set(re.findall(r'check=(?:None if \w+ else )?"([a-z_]+)"', src)) | set(re.findall(r'check = "([a-z_]+)"', src))
    assert {r["id"] for r in REJECTIONS["rows"]} == checks


@pytest.mark.slow
@pytest.mark.parametrize("row", REJECTIONS["rows"], ids=lambda r: r["id"])
def test_time_rejection_examples(row, nlp):
    from newsledger.extract.times.stage import find_times

    for kind in ("positive", "negative"):
        for ex in row["examples"][kind]:
            found = [t.text for t in find_times(nlp(ex["text"]), ANCHOR)]
            if kind == "positive":
                assert ex["expr"] not in found, f"{row['id']} kept {ex['expr']!r} in {ex['text']!r}"
            else:
                assert ex["expr"] in found, f"{row['id']} dropped {ex['expr']!r} in {ex['text']!r}"


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


# ---------------------------------------------------------------------------- entity typing votes
VOTES = rule_table("entity_votes")


def test_every_typing_vote_in_the_code_has_a_row():
    import importlib
    import re
    from pathlib import Path

    votes = importlib.import_module("newsledger.extract.entities.votes")
    used = set(re.findall(r'_vote_for\(m, [^,]+, "([a-z-]+)"', Path(votes.__file__).read_text(encoding="utf-8")))
    assert used == {r["id"] for r in VOTES["rows"]}


@pytest.fixture(scope="module")
def vote_docs(nlp):
    texts = sorted({ex["text"] for r in VOTES["rows"] for k in ("positive", "negative") for ex in r["examples"][k]})
    return dict(zip(texts, nlp.pipe(texts)))


@pytest.mark.slow
@pytest.mark.parametrize("row", VOTES["rows"], ids=lambda r: r["id"])
def test_entity_vote_examples(row, vote_docs):
    from newsledger.extract.entities.names import find_name_mentions

    def fired(ex) -> set[str]:
        ms = [m for m in find_name_mentions(vote_docs[ex["text"]]) if m.text == ex["mention"]]
        assert ms, f"{ex['mention']!r} is no name mention of {ex['text']!r}"
        return {rule for m in ms for rule, _label, _w in m.why}

    for ex in row["examples"]["positive"]:
        assert row["id"] in fired(ex), ex
    for ex in row["examples"]["negative"]:
        assert row["id"] not in fired(ex), ex


# ---------------------------------------------------------------------------- reporting cues
CUES = rule_table("reporting_cues")


@pytest.fixture(scope="module")
def cue_docs(nlp):
    texts = sorted({t for r in CUES["rows"] for k in ("positive", "negative") for t in r["examples"][k]})
    return dict(zip(texts, nlp.pipe(texts)))


@pytest.mark.slow
@pytest.mark.parametrize("row", CUES["rows"], ids=lambda r: r["id"])
def test_reporting_cue_examples(row, cue_docs):
    from newsledger.extract.statements.cues import find_drafts
    from newsledger.extract.statements.quotes import find_quotes

    def cues(text: str) -> list[str]:
        doc = cue_docs[text]
        return [doc[d.cue_i].lemma_.lower() for d in find_drafts(doc, find_quotes(text))]

    for text in row["examples"]["positive"]:
        assert row["id"] in cues(text), f"the cue {row['id']!r} made no statement of {text!r}"
    for text in row["examples"]["negative"]:
        assert row["id"] not in cues(text), f"the cue {row['id']!r} made a statement of {text!r}"


def test_the_entities_stage_reads_the_reporting_verbs_from_the_cue_rows():
    import importlib

    lex = importlib.import_module("newsledger.extract.entities.lex").lexicon()
    assert {r["id"] for r in CUES["rows"]} <= lex.reporting_verbs


BODIES = rule_table("title_bodies")


@pytest.mark.slow
@pytest.mark.parametrize("row", BODIES["rows"], ids=lambda r: r["id"])
def test_title_body_examples(row, nlp):  # issue 11: the body an office sits in, named beside the title
    from newsledger.extract.entities.stage import find_entities
    for kind in ("positive", "negative"):
        for ex in row["examples"][kind]:
            r = find_entities(nlp(ex["text"]))
            ids = {e.name: e.id for e in r.entities}
            tied = any(x.type == "member_of" and x.subject == ids[ex["person"]] and x.object == ids.get(ex["body"])
                       for x in r.relations)
            assert tied == (kind == "positive"), (row["id"], ex)
