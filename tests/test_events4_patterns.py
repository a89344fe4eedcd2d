"""Events on real reporting (issue 11, pattern 9, round events4): the mechanisms behind acts named by nouns
and phrases, false acts, roles and modes, each reproduced by an invented article.

Every text here is invented; none is taken from a real report or from the shared gold."""

from __future__ import annotations

import pytest

import newsledger

pytestmark = pytest.mark.slow

PUB = "2026-03-06"  # a Friday


def extract(text: str, published: str = PUB):
    return newsledger.extract(text, published=published)


def events(rec, etype: str | None = None):
    return [v for v in rec.events if etype is None or v.type == etype]


def names(rec, ids) -> set[str]:
    return {rec.entity(i).name for i in ids}


# -- acts named by nouns and phrases -----------------------------------------------------------------

def test_a_fine_of_a_sum_on_a_party_targets_the_party_not_the_sum_or_the_day():
    rec = extract("The Velmar Competition Authority imposed a fine of 50 million euros on Hexacorp on Tuesday.")
    (v,) = events(rec, "SANCTION")
    assert names(rec, v.source) == {"Velmar Competition Authority"}
    assert names(rec, v.target) == {"Hexacorp"}


def test_a_unions_first_strike_is_a_strike_by_the_union():
    rec = extract("The Redhand Front walked out at dawn. It is the Redhand Front's first strike in forty years.")
    strikes = events(rec, "PROTEST")
    assert strikes and all(v.mode == "strike" for v in strikes)
    assert any(names(rec, v.source) == {"Redhand Front"} for v in strikes)


# -- false acts: goals are not acts told ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "It is critical for Harbor Group and the Redhand Front to reach a fair agreement soon.",
    "Harbor Group and the Redhand Front met on Monday to reach an agreement.",
    "Harbor Group and the Redhand Front met on Monday in order to reach an agreement.",
])
def test_a_purpose_or_an_evaluated_infinitive_is_no_agreement(text):
    assert events(extract(text), "AGREE") == []


def test_an_infinitive_a_verb_controls_is_still_an_act():
    rec = extract("Harbor Group agreed on Monday to sign a deal with the Redhand Front.")
    assert events(rec, "AGREE")
