"""The speed-ups change no result: shortcuts give exactly what the plain computation gives.

No model needed: the time grammar runs on strings, and the per-doc caches on hand-built docs.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsledger.extract._doc import folded, release, sentences, tokens
from newsledger.extract.times.grammar import _ODD_CASE, _WORD, _matches, _rules

# words that open, continue and break the counted rules ("about three weeks ago"), with case and
# punctuation variants, digits, hyphens and characters whose case-insensitive matching is odd
PIECES = ["about", "About", "ABOUT", "nearly", "at", "least", "some", "three", "Three", "twenty", "-", "three-",
          "twenty-three", "a", "couple", "of", "half", "and", "one", "hundred", "2", "40", "5.5", "1,000", "x7",
          "weeks", "Weeks", "days", "year", "years", "ago", "later", "earlier", "before", "from", "now", "the",
          "past", "in", "within", ",", ".", "'", "’", "\n", "ſome", "K", "ı", "٣", "days'", "month-long"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14), st.lists(st.booleans(), min_size=14, max_size=14))
def test_the_prefiltered_scan_finds_exactly_what_finditer_finds(words, glue):
    text = "".join(w + ("" if g else " ") for w, g in zip(words, glue))
    index = None if _ODD_CASE.intersection(text) else \
        [(m.start(), m.group().casefold()) for m in _WORD.finditer(text)]
    for rule in _rules():
        want = [(m.span(), m.groupdict()) for m in rule.regex.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in _matches(rule, text, index)] == want, (rule.name, text)


def test_counted_rules_are_prefiltered_and_the_rest_are_not():
    named = {r.name: r.first_words for r in _rules()}
    assert named["duration"] and named["offset"] and "about" in named["duration"] and "twenty" in named["offset"]
    assert named["iso"] is None and named["weekday"] is None


def test_per_doc_caches_are_the_docs_own_and_released():
    words = ["Mira", "\u2019s", "SON", "left", ".", "He", "came", "back", "."]
    doc = Doc(Vocab(), words=words, sent_starts=[True, False, False, False, False, True, False, False, False])
    assert [t.i for t in tokens(doc)] == list(range(9)) and tokens(doc) is tokens(doc)
    assert folded(doc)[1] == "'s" and folded(doc)[2] == "son"
    assert [s.text for s in sentences(doc)] == [s.text for s in doc.sents]
    release(doc)
    assert not [k for k in doc.user_data if str(k).startswith("newsledger:")]
