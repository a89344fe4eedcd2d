"""The statement draft and the cue frame records of :mod:`.cues`, the statements lexicon, and the
small token and character helpers the cue finders share."""

from __future__ import annotations

import bisect
import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, TYPE_CHECKING

from ...analysis import clause
from ...analysis.words import word_class
from ...analysis.rules import rule_table
from ...errors import LanguageDataError
from ...records import TimeValue
from .quotes import Quote
from .._doc import dateline_tokens, doc_text, tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


_EDGE_PUNCT = set(" \t\n\r,;:—–-\"'“”‘’«»„()")
_SUBJ = clause.SUBJECT_DEPS
_NOT_SAYING = frozenset({"decline", "refuse", "fail", "avoid", "hesitate", "neglect"})


@functools.cache
def lexicon() -> dict[str, Any]:
    """The statements lexicon (``data/lexicons/statements.json``), loaded once."""
    path = resources.files("newsledger.data") / "lexicons" / "statements.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in ("channel_nouns", "channel_preps", "medium_nouns", "opinion_words",
                "according_to", "opinion_verbs", "demand_verbs", "org_nouns",
                "own_org_nouns", "claim_nouns", "government_titles", "expectation_verbs", "lesson_verbs", "predicate_nouns_neutral", "denied_nouns"):
        data[key] = frozenset(data[key])
    data["cues"] = {row["id"]: row["yields"] for row in rule_table("reporting_cues")["rows"]}
    data["titles"] = frozenset(w.rstrip(".") for c in ("titles", "honorifics", "title_modifiers") for w in word_class(c))
    honorifics = word_class("honorifics")
    unknown = sorted(set(data["rank_abbreviations"]) - honorifics)
    if unknown:
        raise LanguageDataError(f"data/lexicons/statements.json: rank_abbreviations {unknown} are no words of word "
                                "class honorifics; add them to data/words/honorifics.json or remove them")
    data["denial_re"] = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in data["denial_phrases"]) + r")\b", re.I)
    return data


@dataclass
class Draft:
    """A statement being built (character offsets into the doc's text)."""

    cue_i: int                                  # token index of the cue (the reporting word)
    cue_text: str
    content: tuple[int, int]
    subject_i: int | None                       # token index of the speaker's head, if any
    kind_hint: str | None = None
    direct: bool = False
    parts: tuple[tuple[int, int], ...] = ()
    channel_span: tuple[int, int] | None = None
    channel_head: tuple[int, int] | None = None   # the channel phrase's head word
    evidence: tuple[int, int] = (0, 0)
    content_tokens: tuple[int, int] = (0, 0)     # token range [a, b) of the content
    inherited: bool = False                      # the speaker comes from a governing verb
    speaker_from: "Draft | None" = None          # an unattributed quote continuing this statement
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_key: str | None = None               # a normalized name, for matching without entity ids
    speaker_span: tuple[int, int] | None = None
    speaker_phrase: tuple[int, int] | None = None  # the whole subject phrase (titles, appositives)
    speaker_person: bool | None = None
    channel: str | None = None
    about: tuple[str, ...] = ()
    kind: str = "claim"
    date: TimeValue | None = None
    horizon: TimeValue | None = None
    extra: dict = field(default_factory=dict)


# ----------------------------------------------------------------------------- helpers
def _trim(text: str, start: int, end: int, keep_period: bool = True) -> tuple[int, int]:
    """Strip spaces, quotation marks, commas and dashes from both ends (a trailing period stays)."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and (text[end - 1] in _EDGE_PUNCT or (not keep_period and text[end - 1] == ".")):
        end -= 1
    return start, end


def _paragraph_cap(doc: "Doc", a: int, b: int, cue: int) -> tuple[int, int]:
    """Shrink token range [a, b) to the paragraph holding token ``cue`` (or the part next to it)."""
    toks = tokens(doc)
    for i in range(max(a, cue), b - 1):
        if "\n" in toks[i].whitespace_ or toks[i + 1].is_space and "\n" in toks[i + 1].text:
            b = i + 1
            break
    for i in range(min(b, cue) - 1, a - 1, -1):
        if "\n" in toks[i].text_with_ws[len(toks[i].text):] or (toks[i].is_space and "\n" in toks[i].text):
            a = i + 1
            break
    return a, b


def _tok_chars(doc: "Doc", a: int, b: int) -> tuple[int, int]:
    """Characters of tokens ``a .. b-1``."""
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)


def _is_dateline(tok: "Token") -> bool:
    """A token of a dateline ("BORVIK — ..."), which never speaks."""
    return tok.i in dateline_tokens(tok.doc)


def _own_subject(tok: "Token") -> "Token | None":
    """The nearest subject hung on ``tok`` itself, past a dateline ("BORVIK — Lena Strand, ..., said")
    (asked of the same cues by several steps: each token's answer kept with the doc's other facts)."""
    memo = _memo(tok.doc, "newsledger:own_subject")
    if tok.i not in memo:
        memo[tok.i] = clause.own_subject(tok, skip=dateline_tokens(tok.doc), nearest=True)
    return memo[tok.i]


def subject_of(tok: "Token") -> "Token | None":
    """Who speaks for the cue ``tok`` (:func:`newsledger.analysis.clause.reporting_subject`; each token's
    answer kept with the doc's other facts)."""
    memo = _memo(tok.doc, "newsledger:subject_of")
    if tok.i not in memo:
        memo[tok.i] = clause.reporting_subject(tok, skip=dateline_tokens(tok.doc))
    return memo[tok.i]


def _memo(doc: "Doc", key: str) -> dict:
    """A per-doc dict under ``key`` in ``doc.user_data`` (released with the doc's other facts)."""
    got = doc.user_data.get(key)
    if got is None:
        got = doc.user_data[key] = {}
    return got


_is_to_inf = clause.is_to_infinitive


# ----------------------------------------------------------------------------- cue analysis
@dataclass
class _Frame:
    a: int                    # content token range [a, b)
    b: int
    kind: str | None
    cue_text: str
    channel: tuple[int, int] | None = None  # token range of the channel phrase
    inverted: bool = False
    speaker: int | None = None              # a speaker the parser did not make the cue's subject


def _subtree_range(tok: "Token") -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


# ----------------------------------------------------------------------------- drafts
def _quote_at(quotes: list[Quote], starts: list[int], pos: int) -> Quote | None:
    """The quote whose marks enclose ``pos``."""
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and quotes[i].open_at <= pos <= quotes[i].close_at:
        return quotes[i]
    return None


def _content_chars(doc: "Doc", a: int, b: int, cue: int | None = None) -> tuple[int, int] | None:
    text = doc_text(doc)
    if cue is not None:  # reported content stays in the paragraph of its cue (multi-paragraph quotes aside)
        a, b = _paragraph_cap(doc, a, b, cue)
    # drop a leading complementizer ("that") and a trailing comma/quote
    while a < b and (doc[a].is_punct or doc[a].is_space or (doc[a].dep_ == "mark" and doc[a].lower_ in ("that", "whether", "if"))
                     or (doc[a].dep_ == "cc" and a + 1 < b and doc[a + 1].is_quote)  # 'But "there is hope," X said
                     or (doc[a].lower_ == "that" and a + 1 < b and doc[a + 1].pos_ not in ("VERB", "AUX"))):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space or doc[b - 1].dep_ == "cc"):
        if doc[b - 1].text in ("?", "!") and b - 1 > a:
            break
        b -= 1
    if b <= a:
        return None
    s, e = _tok_chars(doc, a, b)
    s, e = _trim(text, s, e)
    if e - s < 3:
        return None
    return s, e
