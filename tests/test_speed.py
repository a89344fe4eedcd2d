"""The speed-ups change no result: shortcuts give exactly what the plain computation gives.

No model needed: the time grammar runs on strings, and the per-doc caches on hand-built docs.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab

import spacy

from newsledger.analysis.clause import children, head_indices
from newsledger.extract._doc import attr_ids, attr_lists, expanded_span, folded, release, sentences, texts, tokens
from newsledger.extract.statements.cues import _cue_candidates
from newsledger.extract.times.grammar import (
    _ODD_CASE, _WORD, _admits, _found, _matches, _rules, _starts_by_rule, _starts_by_rule_in, scan,
)
from newsledger.sample import bundled_sample
from newsledger.extract.times.openings import Openings, finder, finder_starts, openings, second_words

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


# words that open the other rules (dates, months, weekdays, seasons, holidays, deictic words) with
# variants that run into them ("xthe", "May5", "_Monday") or share their first letters
OPENERS = ["January", "Jan", "Jan.", "Sept", "Sept.", "September", "May", "may", "MAY", "May5", "Monday", "Mon",
           "Mondays", "_Monday", "the", "The", "THE", "xthe", "then", "this", "last", "next", "early", "mid", "late",
           "mid-", "summer", "Christmas", "Day", "Eve", "Q1", "H2", "Q12", "1998", "2024", "20", "12", "3rd", "31",
           "’98", "'90s", "1990s", "2000s", "weekend", "week", "of", "first", "quarter", "half", "year", "today",
           "tomorrow", "yesterday", "every", "between", "from", "and", "to", "-", "–", ",", ".", "\n", "2024-05-06",
           "ı", "K", "12 May", "3rd of June", "31 May 2024", "Monday, 12 May", "4-5 June", "in", "within", "two", "days", "ago", "morning", "past", "coming", "end", "start"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(OPENERS), min_size=1, max_size=12), st.lists(st.booleans(), min_size=12, max_size=12))
def test_rules_prefiltered_by_their_openings_find_what_finditer_finds(words, glue):
    text = "".join(w + ("" if g else " ") for w, g in zip(words, glue))
    index = None if _ODD_CASE.intersection(text) else \
        [(m.start(), m.group().casefold()) for m in _WORD.finditer(text)]
    for rule in _rules():
        want = [(m.span(), m.groupdict()) for m in rule.regex.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in _matches(rule, text, index)] == want, (rule.name, text)


def _shared_pass_matches_finditer(text: str) -> None:
    """What :func:`scan` tries (the starts of every word-start rule from one pass over the words, each
    distinct word's rules remembered) finds what each rule's ``finditer`` finds."""
    if _ODD_CASE.intersection(text):
        return
    starts = _starts_by_rule([(m.start(), m.group().casefold()) for m in _WORD.finditer(text)])
    for k, rule in enumerate(_rules()):
        if rule.first_words is not None or rule.openings is not None:
            want = [(m.span(), m.groupdict()) for m in rule.regex.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in _found(rule, text, starts.get(k, ()))] == want, (rule.name, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(OPENERS + PIECES), min_size=1, max_size=14),
       st.lists(st.booleans(), min_size=14, max_size=14))
def test_the_shared_pass_over_the_words_tries_what_each_rule_would(words, glue):
    text = "".join(w + ("" if g else " ") for w, g in zip(words, glue))
    _shared_pass_matches_finditer(text)
    _shared_pass_matches_finditer(text.upper())  # the same words again: the remembered answers hold


# what follows "the", "a", "in", "last", "this": the second words of the rules, near misses, marks and
# runs of white space between them (issue 13: the second-word filter)
SECONDS = ["the", "The", "a", "A", "in", "last", "this", "that", "first", "First", "firsts", "past", "end", "of",
           "weekend", "weekends", "day", "before", "after", "following", "Monday", "3", "03", "31st", "٣",
           "summer", "spring", "quarter", "next", "two", "three", "weeks", "months", "year", "ago", "coming",
           "\n", "  ", "\t", ",", "-", "“", "’s", "ﬁrst", "ſ", "ı", "K", "_", "x"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(SECONDS + OPENERS), min_size=1, max_size=14),
       st.lists(st.booleans(), min_size=14, max_size=14))
def test_the_second_word_filter_tries_every_start_a_match_begins_at(words, glue):
    text = "".join(w + ("" if g else " ") for w, g in zip(words, glue))
    for t in (text, text.upper()):
        if _ODD_CASE.intersection(t):
            continue
        index = [(m.start(), m.group().casefold()) for m in _WORD.finditer(t)]
        starts = _starts_by_rule_in(t, index)
        for k, rule in enumerate(_rules()):
            if rule.first_words is not None or rule.openings is not None:
                want = [(m.span(), m.groupdict()) for m in rule.regex.finditer(t)]
                assert [(m.span(), m.groupdict()) for m in _found(rule, t, starts.get(k, ()))] == want, (rule.name, t)


# every rule's matches that open with a word the filter reads the next word of, in running text
PHRASES = ["the first quarter of 2024", "The first half of the year", "the last three months of 2023",
           "the past week", "the previous day", "the following Monday", "the same year", "the next two weeks",
           "the end of the month", "the start of next year", "the 3rd of May", "the 31st May 2024",
           "the summer of 2021", "the weekend", "the day before", "the week after", "the day before yesterday",
           "last night", "this morning", "last Monday evening", "this Christmas", "last March", "this past week",
           "that day", "in two weeks", "in the next two weeks", "in the coming days", "in about 3 months' time",
           "a day earlier", "a week ago", "a couple of days later", "the past 10 days", "last 2 years",
           "THE  FIRST\nQUARTER", "the\tweekend"]


def test_the_second_word_filter_keeps_every_match_of_running_text():
    text = bundled_sample().text + " " + ". ".join(f"On {p}, it rose; after {p}" for p in PHRASES)
    _found_all = 0
    for t in (text, text.upper(), text.lower()):
        index = [(m.start(), m.group().casefold()) for m in _WORD.finditer(t)]
        starts = _starts_by_rule_in(t, index)
        for k, rule in enumerate(_rules()):
            if rule.first_words is not None or rule.openings is not None:
                want = [(m.span(), m.groupdict()) for m in rule.regex.finditer(t)]
                _found_all += len(want)
                assert [(m.span(), m.groupdict()) for m in _found(rule, t, starts.get(k, ()))] == want, (rule.name, t)
    assert _found_all > 200


def test_second_words_are_read_off_the_pattern_and_unknown_ones_give_up():
    got = second_words(r"\b(?:(?i:the)\s+)?(?P<ord>first|last)\s+week|\b(?i:the)\s+\d+")
    assert got == {"the": ("\x00", "first", "last"), "first": ("week",), "last": ("week",)}  # "the" + a digit too
    assert second_words(r"\b(?i:the)[-\s]+end") == {}  # a hyphen may follow "the": not followed
    assert second_words(r"\b(?i:the)(?:\s+end)?") == {}  # "the" alone matches
    assert second_words(r"\b(?i:the|then)\s+end") == {"the": ("end",), "then": ("end",)}
    assert second_words(r"\b(?i:th\w*)\s+end") == {}  # "th" opens a word that is not followed
    assert second_words(r"(?:the\s+)?\d0s") == {}  # no word start asserted
    rules = {r.name: k for k, r in enumerate(_rules())}
    # "the" opens sixteen rules; "the government" none of them, "the past week" only those that "the past" opens
    assert rules["rel_unit"] in _admits("the")
    starts = _starts_by_rule_in("the government, the past week", [(0, "the"), (4, "government"), (16, "the"),
                                                                  (20, "past"), (25, "week")])
    assert all(0 not in got for got in starts.values())
    assert 16 in starts[rules["rel_unit"]] and 16 not in starts.get(rules["season"], [])


def test_scan_finds_matches_of_every_rule():
    text = "About three weeks ago, on Monday, May 5, 2024, in the 1990s and '98, by 2024-05-06."
    got = {e.rule for e in scan(text)}
    assert {"offset", "weekday", "mdy", "decade", "year_apos", "iso"} <= got, got


def test_openings_are_read_off_the_pattern_and_unknown_ones_give_up():
    got = openings(r"\b(?:(?i:early|mid)\s+)?(?:Sept|Sep|September)\.?|\b\d+ days")
    assert got == Openings(("sep",), True, frozenset({"early", "mid"}))  # a space follows "early": the whole word
    assert got.admit("september") and got.admit("1990s") and not got.admit("the")
    assert got.admit("early") and not got.admit("earlyish") and got.admit("mid") and not got.admit("midst")
    the_end = openings(r"\b(?:(?i:the\s+end\s+of)[-\s]+)?(?i:dawn)")
    assert the_end == Openings(("dawn",), False, frozenset({"the"}))
    assert the_end.admit("the") and not the_end.admit("their") and not the_end.admit("then")
    assert openings(r"\b(?i:the)(?:\s+|x)end") == Openings(("the",), False)  # "thex...": "the" only begins the word
    assert openings(r"(?:the\s+)?\d0s") is None  # no word start asserted: a match may begin inside a word
    assert openings(r"\b(?:the|.)x") is None  # any character may open it
    assert openings(r"(?<![\w-])Q[1-4]") == Openings(("q",), False)


def test_counted_rules_are_prefiltered_by_their_first_words_most_others_by_their_openings():
    named = {r.name: r.first_words for r in _rules()}
    assert named["duration"] and named["offset"] and "about" in named["duration"] and "twenty" in named["offset"]
    assert named["iso"] is None and named["weekday"] is None
    opens = {r.name: r.openings for r in _rules()}
    assert opens["weekday"].admit("monday") and opens["mdy"].admit("january") and not opens["month"].admit("today")
    assert opens["iso"] is None and opens["decade"] is None  # they may match inside a word: a finder points
    finders = {r.name: r.finder for r in _rules()}
    assert finders["decade"] is not None and finders["weekday"] is None


def test_a_finder_points_at_every_place_a_match_can_begin_even_inside_a_word():
    f = finder(r"(?<![\w'’])(?:(?i:the)\s+)?(?:['’]\d0|(?:19|20)\d0)s")
    assert f is not None
    assert [m.start() for m in f.finditer("xThe '90s, 1990s")] == [1, 5, 11]
    for text in ("xThe '90s, 1990s", "thethe 2020 1919", "", "’’''",  # overlapping openings too
                 "ſthe THE 1990s", "THKE tHe", "İthe ı", "ΣTHE ß٣0s"):  # odd case, other scripts
        assert list(finder_starts(f, text)) == [m.start() for m in f.finditer(text)]
    for rule in _rules():  # every finder of the grammar, on the bundled sample too
        if rule.finder is not None:
            text = bundled_sample().text
            assert list(finder_starts(rule.finder, text)) == [m.start() for m in rule.finder.finditer(text)]
    assert finder(r"(?:the|.)x") is None


def test_per_doc_caches_are_the_docs_own_and_released():
    words = ["Mira", "\u2019s", "SON", "left", ".", "He", "came", "back", "."]
    doc = Doc(Vocab(), words=words, sent_starts=[True, False, False, False, False, True, False, False, False])
    assert [t.i for t in tokens(doc)] == list(range(9)) and tokens(doc) is tokens(doc)
    assert folded(doc)[1] == "'s" and folded(doc)[2] == "son"
    assert [s.text for s in sentences(doc)] == [s.text for s in doc.sents]
    release(doc)
    assert not [k for k in doc.user_data if str(k).startswith("newsledger:")]


def test_an_expressions_tokens_are_char_spans_found_once_per_doc():
    doc = Doc(Vocab(), words=["Talks", "resume", "on", "March", "3", "."], spaces=[True, True, True, True, False, False])
    for start, end in ((16, 23), (17, 19), (0, 0), (2, 13), (22, 24), (23, 24), (0, 24)):
        want = doc.char_span(start, end, alignment_mode="expand")
        got = expanded_span(doc, start, end)
        assert (got is None and want is None) or (got is not None and want is not None and
                                                  (got.start, got.end) == (want.start, want.end)), (start, end)
        assert expanded_span(doc, start, end) is got  # remembered
    release(doc)
    assert not [k for k in doc.user_data if str(k).startswith("newsledger:")]


def test_token_arrays_hold_each_tokens_text_tag_lower_form_and_lemma():
    words = ["According", "to", "Mira", "Dunn", ",", "police", "SAID", "the", "Statement", "ends", "."]
    pos = ["VERB", "ADP", "PROPN", "PROPN", "PUNCT", "NOUN", "VERB", "DET", "NOUN", "VERB", "PUNCT"]
    lemmas = ["accord", "to", "Mira", "Dunn", ",", "police", "Say", "the", "statement", "end", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos, lemmas=lemmas)
    assert texts(doc) == words
    assert [tuple(int(x) for x in row) for row in attr_ids(doc)] == [(t.pos, t.lower, t.lemma, t.dep) for t in doc]
    # the statement scan looks at "according", cue verbs (lemma lower-cased) and speech nouns, nothing else
    assert _cue_candidates(doc, {"according"}, {"say": {}}, {"statement"}) == [0, 6, 8]
    assert _cue_candidates(doc, set(), {"end": {}, "police": {}}, set()) == [9]  # "police" is no verb
    doc2 = Doc(spacy.blank("en").vocab, words=["as", "according", "to", "them"], pos=["ADP", "ADJ", "ADP", "PRON"])
    assert _cue_candidates(doc2, {"according"}) == [1]
    release(doc)
    assert not [k for k in doc.user_data if str(k).startswith("newsledger:")]


def test_label_ids_are_read_with_the_string_store_not_hash_string():
    # "nsubj" has a fixed symbol id in spaCy: compare a column with vocab.strings[label], as the scans do
    doc = Doc(spacy.blank("en").vocab, words=["Mira", "left", "."], heads=[1, 1, 1], deps=["nsubj", "ROOT", "punct"])
    deps = attr_ids(doc)[:, 3].tolist()
    assert deps[0] == doc.vocab.strings["nsubj"] and [t.dep_ for t in doc if t.dep == deps[0]] == ["nsubj"]


def test_attr_lists_are_the_columns_of_the_arrays():
    words = ["They", "said", "the", "two", "left", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=["PRON", "VERB", "DET", "NUM", "VERB", "PUNCT"])
    cols = attr_lists(doc)
    assert cols is attr_lists(doc) and len(cols) == attr_ids(doc).shape[1]
    assert cols[0] == [t.pos for t in doc] and cols[1] == [t.lower for t in doc]
    release(doc)
    assert attr_lists(doc) is not cols  # released with the other per-doc facts


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=14).flatmap(
    lambda n: st.tuples(st.permutations(range(n)), st.lists(st.integers(min_value=0, max_value=10**6),
                                                           min_size=n, max_size=n))))
def test_the_children_index_gives_what_spacy_gives(tree):
    order, picks = tree  # a random tree: each token after the first hangs from one placed before it
    heads = [0] * len(order)
    heads[order[0]] = order[0]
    for k, node in enumerate(order[1:], 1):
        heads[node] = order[picks[k] % k]
    deps = ["ROOT" if heads[i] == i else "dep" for i in range(len(order))]
    doc = Doc(Vocab(), words=[f"w{i}" for i in range(len(order))], heads=heads, deps=deps)
    assert [[c.i for c in children(t)] for t in doc] == [[c.i for c in t.children] for t in doc]
    assert head_indices(doc) == [t.head.i for t in doc]
    release(doc)
    assert not [k for k in doc.user_data if str(k).startswith("newsledger:")]


def _quote_mask_by_character(text: str) -> list[bool]:
    """The quotation mask as first written, one step per character (quote_mask must give exactly this)."""
    mask = [False] * len(text)
    inside = False
    for i, ch in enumerate(text):
        if ch == "\u201c":
            inside = True
        elif ch == "\u201d":
            inside = False
            mask[i] = True
            continue
        elif ch == '"':
            if inside:
                mask[i] = True
                inside = False
                continue
            inside = True
        elif ch == "\n" and inside and i + 1 < len(text) and text[i + 1] == "\n":
            inside = False
        mask[i] = inside
    return mask


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", " ", "\n", "\n\n", '"', "\u201c", "\u201d", "said ", "\u2018", "'"]),
                max_size=80).map("".join))
def test_the_quote_mask_walks_the_marks_and_gives_what_a_walk_over_every_character_gives(text):
    from newsledger.extract.entities.pronouns import quote_mask

    assert quote_mask(text) == _quote_mask_by_character(text)


# words around bracketed initials: titles, small words, odd case, hyphens, brackets that spell nothing
ACR_PIECES = ["the", "Minister", "minister", "of", "State", "state", "for", "District", "flood", "Flood", "officer",
              "Officer", "Chief", "Operating", "Cabinet", "Secretary", "and", "Mc", "McDonald", "-", "(MoS)", "(DFO)",
              "(CS)", "(FO)", "(X)", "(ABCDEF)", "(", ")", ",", "said", "\n", "Lena", "Ward"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ACR_PIECES), max_size=40), st.sampled_from([" ", "", "-"]))
def test_title_acronyms_scan_only_before_brackets(pieces, sep):
    """Issue 13: the acronym patterns tried only in the stretches before bracketed initials find every match the
    whole-text scan finds."""
    from newsledger.extract.entities import title_acronyms as ta
    text = sep.join(pieces)
    regions = ta._regions(text)
    for pat in (ta._DEFINED, ta._DEFINED_LOWER):
        whole = [(m.span(), m.groups()) for m in pat.finditer(text)]
        near = [(m.span(), m.groups()) for a, b in regions for m in pat.finditer(text, a, b)]
        assert near == whole
