"""The tense of the clause a time expression sits in, read off the parse (step 2 of :mod:`.stage`):
future auxiliaries and governors, deferred and pluperfect verbs, reported and relative embeddings,
forward-looking words."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ...analysis.clause import children as _children
from ...analysis import clause
from ...analysis.words import word_class
from .._doc import expanded_span
from .grammar import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token


@functools.cache
def _lex_set(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon()[key])


def _tokens(doc: "Doc", start: int, end: int) -> "SpacySpan | None":
    return expanded_span(doc, start, end)  # (the same expression is asked about by several checks)


_SUBORDINATE = {"ccomp", "relcl", "acl", "csubj", "parataxis"}


# ============================================================================ tense from the parse


@functools.cache
def _future_aux() -> frozenset[str]:
    return word_class("future_auxiliaries")


@functools.cache
def _future_governors() -> frozenset[str]:
    return frozenset(lexicon()["future_governors"])


def _verb_tense(v: "Token") -> str | None:
    """past | future | None (present or non-finite) for one verb (:func:`newsledger.analysis.clause.tense`)."""
    return clause.tense(v, _future_aux())


def _present_aux(v: "Token") -> bool:
    """"is/are scheduled", "is due": a present-tense auxiliary or copula governs ``v``."""
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in _children(v)):
        return True
    return v.dep_ == "acomp" and v.head.tag_ in ("VBZ", "VBP")


_is_finite = clause.is_finite


def _deferred_to(tok: "Token") -> bool:
    """Whether ``tok`` is the new date of a rescheduling verb ("adjourned until March 31",
    "postponed to April", "pushed back to June"): such a date lies ahead of the act."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in _lex_set("deferral_prepositions"):
        return False
    verb = _up(tok.head)
    if verb.dep_ == "prt" or (verb.pos_ == "ADV" and verb.head.pos_ == "VERB"):
        verb = verb.head  # "pushed back to June"
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _lex_set("deferral_verbs")


def _up(tok: "Token") -> "Token":
    """The head of ``tok``, corrected for one attachment error of the parser: in "said on Monday it
    would respond" the time's preposition hangs on the reported verb although it sits between the
    reporting verb and the reported clause's subject; it belongs to the reporting verb."""
    head = tok.head
    if tok.dep_ == "prep" and head.dep_ == "ccomp" and head.head.i == tok.i - 1 \
            and head.head.pos_ in ("VERB", "AUX") and tok.i < head.i \
            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") and tok.i < c.i < head.i for c in _children(head)):
        return head.head
    return head


def _pluperfect(doc: "Doc", start: int, end: int) -> bool:
    """Whether the verb a time attaches to is past perfect ("had withdrawn by March")."""
    span = _tokens(doc, start, end)
    if span is None or not len(span):
        return False
    tok = span.root
    for _ in range(6):
        if tok.head is tok:
            return False
        tok = _up(tok)
        if tok.pos_ in ("VERB", "AUX"):
            return clause.is_pluperfect(tok)
    return False


_RELATIVE = {"relcl", "acl", "csubj"}
_REPORTED = {"ccomp", "parataxis"}


def _embedding(doc: "Doc", start: int, end: int) -> tuple[bool, bool]:
    """(aside, reported) for the clause of an expression. ``reported``: on the way up there is a
    clause reported after its cue ("adding that officials had been warned two days earlier"): a
    ``ccomp`` whose governing verb precedes it. ``aside``: reported so, or inside a relative clause,
    a noun's modifier or a subject clause ("a report posted on Friday"). A trailing attribution
    ("the road was cut on Tuesday, officials said") carries the article's own narration: neither."""
    span = _tokens(doc, start, end)
    if span is None or not len(span):
        return False, False
    tok = span.root
    aside = reported = False
    for _ in range(40):
        if tok.head.i == tok.i:  # the root ("is" never holds: spaCy makes a new Token each time)
            break
        if tok.dep_ in _RELATIVE:
            aside = True
        elif tok.dep_ in _REPORTED and tok.head.i < tok.i:
            aside = reported = True
        tok = _up(tok)
    return aside, reported




def _forward_looking(doc: "Doc", start: int, end: int) -> bool:
    """The verb governing the expression carries a modal of possibility or future ("may drag on past
    Easter", "could last until Christmas"): a year-less holiday there is the next one."""
    span = _tokens(doc, start, end)
    if span is None or not len(span):
        return False
    tok = span.root
    if tok.dep_ in ("poss", "compound"):
        return False  # "would contest Tuesday's ballot": a named event, not when the verb happens
    for _ in range(12):  # the first verb up, through long noun chains ("a visit by a team of officials this Monday")
        if tok.head.i == tok.i:
            break
        tok = _up(tok)  # "said on Monday it would respond": the time is the reporting verb's
        if tok.pos_ in ("VERB", "AUX"):
            kids = _children(tok)
            if any(c.dep_ == "aux" and c.lower_ in word_class("forward_modals") for c in kids):
                # "could not be reached for comment on Monday": a negated "could" reports a past inability, not a plan
                return not (any(c.dep_ == "aux" and c.lower_ in word_class("past_ability_modals") for c in kids)
                            and any(c.dep_ == "neg" for c in kids))
            if tok.dep_ in ("xcomp", "ccomp") and not _is_finite(tok):
                continue  # a complement without tense ("can expect to see them on Monday") takes its governor's
            return False
    return False


def _present_schedule(doc: "Doc", start: int, end: int) -> bool:
    """The verb the expression hangs on is in the simple present and reports nothing ("the club are in
    action on Tuesday", "the team plays on Tuesday"): a timetable, so the weekday is the coming one.
    A verb with a reported clause ("says on Monday that ...") is the article's present of reporting."""
    span = _tokens(doc, start, end)
    if span is None or not len(span) or span.root.dep_ in ("poss", "compound"):
        return False
    tok = span.root
    for _ in range(6):
        if tok.head.i == tok.i:
            return False
        tok = _up(tok)
        if tok.pos_ in ("VERB", "AUX"):
            return (tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in _children(tok))
                    and not any(c.dep_ in ("ccomp", "parataxis") for c in _children(tok))
                    and tok.dep_ not in _SUBORDINATE)
    return False


def _ahead(doc: "Doc", start: int, end: int) -> bool:
    """The expression sits in a phrase of the lexicon's ``forward_phrases`` ("ahead of Saturday's
    deadline", "ahead of the tie on Saturday"): what it names lies ahead. The walk goes up through
    nouns and prepositions and stops at the first verb."""
    span = _tokens(doc, start, end)
    if span is None or not len(span):
        return False
    phrases = [p.split() for p in _lex_set("forward_phrases")]
    tok = span.root
    for _ in range(8):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return False
        if tok.dep_ == "prep" or tok.pos_ == "ADP":
            for words in phrases:
                lo = tok.i - len(words) + 1
                if lo >= 0 and [t.lower_ for t in doc[lo:tok.i + 1]] == words:
                    return True
    return False


def _planned_act(noun: "Token") -> bool:
    """"the intended strike", "a proposed vote" (word class plan_adjectives): an act still ahead, unless the
    verb the noun hangs on is in the past ("staged the planned strike": it took place)."""
    plans = word_class("plan_adjectives")
    if not any(c.dep_ == "amod" and (c.lower_ in plans or c.lemma_.lower() in plans) for c in _children(noun)):
        return False
    verb = noun
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb.pos_ not in ("VERB", "AUX") or _verb_tense(verb) != "past" and verb.tag_ != "VBD"


def _clause(doc: "Doc", start: int, end: int) -> tuple[str | None, bool]:
    """The tense of the clause a time expression belongs to, and whether that clause is reported
    or relative (a ``ccomp``, ``relcl`` or ``acl`` on the way to the sentence root).

    The walk goes up the dependency tree from the expression. A possessive or compound ("Tuesday's
    runoff", "the Tuesday vote") names a known event: no tense. An infinitive governed by a
    word of plans ("is due to open in April", "plans to") or marked by "to" is future."""
    span = _tokens(doc, start, end)
    if span is None or not len(span):
        return None, False
    tok = span.root
    endpoint = tok.dep_ == "pobj" and tok.head.lower_ in word_class("endpoint_prepositions")
    tense: str | None = None
    decided = False
    subordinate = False
    if tok.dep_ in ("poss", "compound", "dobj"):
        decided = True  # a time named as a thing ("Tuesday's runoff"), not when the verb happened
    elif _deferred_to(tok):
        tense, decided = "future", True  # "adjourned until March 31", "postponed to April"
    elif tok.dep_ == "pobj" and tok.head.lower_ not in _lex_set("temporal_prepositions") \
            and not (tok.head.lower_ == "of" and tok.head.i > 0 and doc[tok.head.i - 1].lower_ == "as"):  # "as of"
        decided = True  # "pointing to Easter"
    steps = 0
    at_root = False
    while not at_root and steps < 40:
        steps += 1
        # at the root every further step reads the root again, to the same effect: one is enough
        at_root = tok.head.i == tok.i
        dep = tok.dep_
        if dep in _SUBORDINATE:
            subordinate = True
        tok = _up(tok)
        if not decided and tok.pos_ == "NOUN" and _planned_act(tok):
            tense, decided = "future", True  # "pleaded with them to drop the intended strike on Thursday"
            continue
        if not decided and tok.pos_ == "ADJ" and tok.lemma_.lower() in _lex_set("schedule_words") and _present_aux(tok):
            tense, decided = "future", True  # "is due in April"
            continue
        if decided or tok.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ == "dobj" and c.pos_ == "NOUN" and _planned_act(c) for c in _children(tok)):
            tense, decided = "future", True  # "to drop their intended stoppage on Thursday" (an act not yet done)
            continue
        t = _verb_tense(tok)
        if t != "past" and tok.lemma_.lower() in _lex_set("schedule_words") and tok.tag_ in ("VBN", "JJ") \
                and _present_aux(tok):
            t = "future"  # "elections are scheduled for May", "is expected in June"
        if t is not None:
            tense, decided = t, True
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in _lex_set("schedule_words") \
                and not any(c.dep_ in ("aux", "auxpass") for c in _children(tok)):
            tense, decided = "future", True  # "the hot weather forecast for this summer": what is foreseen lies ahead
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() not in _lex_set("schedule_words") \
                and not any(c.dep_ in ("aux", "auxpass") for c in _children(tok)):
            tense, decided = "past", True  # "the driver killed on May 9", whatever the sentence's own tense
            continue
        if tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in _children(tok)):
            tense, decided = "future", True  # "is closing its plants as of Monday": an arrangement ahead
            continue
        if _is_finite(tok):
            decided = True  # present: no direction
            continue
        # non-finite: an infinitive of plans is future; otherwise read the governing verb
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _future_governors() and tok.head.tag_ == "VBD" \
                and not clause.auxiliaries(tok.head):
            # "urged them to reopen the gates on Thursday": ahead of a request that lies behind, so no
            # direction from the publication day (the nearest Thursday); "urges them to ..." stays ahead
            tense, decided = "near", True
        elif tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _future_governors():
            tense, decided = "future", True
        elif tok.dep_ == "xcomp" and tok.head.lemma_.lower() in word_class("future_in_past_verbs") \
                and tok.head.tag_ == "VBD" \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in _children(tok)) \
                and not any(c.dep_ in ("acomp", "attr") for c in _children(tok.head)):
            # "was to be followed by stoppages from April 14": the future in the past, a plan ahead
            tense, decided = "future", True
        elif tok.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in _children(tok)):
            tense, decided = "future", True  # a headline's "Council to vote on budget on April 14"
    if endpoint and tense == "past":
        tense = "near"  # "had warned of gales until March 9": the end of a stretch, the nearest such day
    elif endpoint and tense is None:
        tense = "future"  # "buyers are unable to book seats until Tuesday": the end of a stretch still running
    return tense, subordinate
