"""Every PLOVER trigger sense is a rule row (issue 10): an id and invented examples, run here. A positive
example must be matched by that very sense (which sense fired is checked, not only that some event came
out); a negative example must not fire it."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from newsledger.errors import LanguageDataError
from newsledger.extract._doc import sentences
from newsledger.extract.events.lexicon import PLOVER_CONTEXTS, _check_rows, event_contexts, lexicon
from newsledger.extract.events.triggers import _match

ROWS = json.loads((resources.files("newsledger") / "data" / "lexicons" / "plover_triggers.json")
                  .read_text(encoding="utf-8"))["triggers"]


def test_every_sense_has_a_unique_id_and_the_lexicon_keeps_it():
    ids = [r["id"] for r in ROWS]
    assert len(ids) == len(set(ids))
    assert sorted(s.id for ss in lexicon().by_first.values() for s in ss) == sorted(ids)


@pytest.mark.parametrize("rows, complaint", [
    ([{"lemma": "x", "examples": {"positive": ["a"], "negative": []}}], "missing or repeated id"),
    ([{"id": "a", "examples": {"positive": ["a"], "negative": []}},
      {"id": "a", "examples": {"positive": ["a"], "negative": []}}], "missing or repeated id"),
    ([{"id": "a", "examples": {"positive": [], "negative": []}}], "at least one"),
    ([{"id": "a", "examples": {"positive": ["a"]}}], "needs examples"),
    ([{"id": "a", "context": ["gardening"], "examples": {"positive": ["a"], "negative": []}}], "PLOVER contexts"),
])
def test_a_malformed_sense_row_is_refused_with_the_fix(rows, complaint):
    with pytest.raises(LanguageDataError, match=complaint):
        _check_rows(rows)


def test_contexts_are_plover_contexts_and_reach_stored_events():
    assert all(set(r.get("context", ())) <= PLOVER_CONTEXTS for r in ROWS)
    assert event_contexts("COERCE", "arrest", "173", "arrested") == ("legal",)
    assert event_contexts("ASSAULT", "aerial", "195", "airstrike") == ("military",)
    assert event_contexts("PROTEST", "strike", "143", "walkout") == ("economic",)
    assert event_contexts("SUPPORT", None, "057", "signed") == ("diplomatic",)  # the 'also' type of a signing
    assert event_contexts("REQUEST", None, "020", "urged") == ()  # a sense that names none: none, not a guess
    assert event_contexts("ASSAULT", "no-such-mode", None, "hit") == ()


@pytest.fixture(scope="module")
def sense_docs(nlp):
    texts = sorted({t for r in ROWS for k in ("positive", "negative") for t in r["examples"][k]})
    return dict(zip(texts, nlp.pipe(texts)))


def fired(doc) -> set[str]:
    return {sense.id for sent in sentences(doc) for sense, _toks, _anchor in _match(sent, lexicon())}


@pytest.mark.slow
@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["id"])
def test_sense_examples(row, sense_docs):
    for text in row["examples"]["positive"]:
        assert row["id"] in fired(sense_docs[text]), f"{row['id']} did not fire on {text!r}"
    for text in row["examples"]["negative"]:
        assert row["id"] not in fired(sense_docs[text]), f"{row['id']} fired on {text!r}"
