"""The kind of a statement (SPEC: claim, prediction, commitment, demand, denial, opinion) and its horizon.

The cue decides where it can (deny → denial, urge / call on → demand, pledge / vow → commitment,
dismiss as / call X Y → opinion; warn → prediction, or commitment when the warning is of the speaker's
own act). Otherwise the content's main clause decides: the speaker's own side ("we", "I", a pronoun or
name of the speaker or its organization) acting with a future modal or "ready to" → commitment; a future
or possible event → prediction; evaluative wording or an "X, not Y" contrast → opinion; else claim.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from typing import TYPE_CHECKING, Sequence

from spacy.parts_of_speech import AUX, VERB

from ...analysis.clause import children as _children
from ...analysis import anchoring, clause
from ...analysis.words import word_class
from ...records import Time, TimeValue
from .._index import EntityIndex
from .._doc import attr_lists, doc_text, tokens
from .cues import Draft, lexicon
from ..times.stage import is_window, reanchor, value_to_date

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .speakers import SpeakerResolver

__all__ = ["kind_of", "horizon_of", "TimesByStart"]

_SUBJ = clause.SUBJECT_DEPS
_CONTRAST = re.compile(r",\s+not\s+\w", re.I)


def _content_span(doc: "Doc", d: Draft) -> "Span | None":
    return doc.char_span(d.content[0], d.content[1], alignment_mode="expand")


def _main_verbs(span: "Span") -> list["Token"]:
    """Tokens of the content whose head lies outside it (its clause roots), verbs first."""
    heads = clause.head_indices(span.doc)  # the doc's cached tokens and head indices, not new Tokens
    roots = [t for t, h in zip(tokens(span.doc)[span.start:span.end], heads[span.start:span.end])
             if h < span.start or h >= span.end or h == t.i]
    return sorted(roots, key=lambda t: (t.pos_ not in ("VERB", "AUX"), t.i))


def _modal(verb: "Token") -> str | None:
    return clause.modality(verb)


def _subject(verb: "Token") -> "Token | None":
    """The verb's subject (also when the parser hung it on an auxiliary: "the bank was prepared")."""
    return clause.own_subject(verb, through_aux=True)


def _own_side(tok: "Token | None", d: Draft, index: EntityIndex, speakers: "SpeakerResolver") -> bool:
    """Whether the subject token stands for the speaker's own side."""
    if tok is None:
        return False
    lex = lexicon()
    side_ids, side_words = speakers.side_of(d)
    cands = [tok] + [c for c in _children(tok) if c.dep_ == "poss"]
    for t in cands:
        lower = t.lower_
        if lower in word_class("first_person"):
            return True
        eid = index.at(t.idx, t.idx + len(t.text)) if index else None
        if eid is not None and (eid == d.speaker or eid in side_ids):
            return True
        if lower in ("he", "she", "his", "her", "it", "its", "they", "their") and eid is None and t.dep_ in _SUBJ + ("poss",):
            # an unresolved pronoun in the speaker's own words about the future: the speaker's side
            if d.speaker_person is None or (d.speaker_person == (lower in ("he", "she", "his", "her"))):
                return True
        if t.pos_ in ("PROPN", "NOUN") and t.lower_ in side_words and t.lower_ not in lex["titles"]:
            return True
        if t.pos_ == "NOUN" and t.lower_ in lex["own_org_nouns"] and d.speaker_person and any(
                c.lower_ == "the" for c in _children(t)):
            return True  # a person on "the party", "the movement": speaking for their own organization
        if t.lower_ in ("government", "country", "state", "administration") and any(c.lower_ == "the" for c in _children(t)) and (
                side_words & lex["government_titles"]):
            return True  # a minister on "the government"
    return False


def _noun_phrase_kind(noun: "Token", cue: dict) -> str | None:
    """The kind of a content that is only a noun phrase: a will to act is a commitment, a need a demand,
    else the cue's 'np_kind' ("expressed concern": an opinion), else None (the content rules decide)."""
    lemma = noun.lemma_.lower()
    if lemma in word_class("commitment_nouns"):
        return "commitment"
    if lemma in word_class("need_nouns"):
        return "demand"
    return cue.get("np_kind")


def _kind(d: Draft, kind: str, rule: str, tok: "Token | None") -> str:
    """Return ``kind``, noting which rule decided it (and on which word) for the trace."""
    d.extra["kind_route"] = (rule, tok.i if tok is not None else None)
    return kind


_FUTURE_MODALS = ("will", "would", "'ll", "shall", "going to")


def kind_of(doc: "Doc", d: Draft, index: EntityIndex, speakers: "SpeakerResolver") -> str:
    span = _content_span(doc, d)
    lex = lexicon()
    hint = d.kind_hint
    if span is None or not len(span):
        return _kind(d, hint or "claim", "cue-frame" if hint else "no-content", None)
    verbs = _main_verbs(span)
    outer = verbs[0] if verbs else span.root
    verb = _past_belief(outer)
    subj = _subject(verb)
    if hint == "prediction" and doc[d.cue_i].lemma_ in ("warn", "caution"):
        if _modal(verb) and _own_side(subj, d, index, speakers):
            return _kind(d, "commitment", "warning-of-own-act", verb)  # a warning of the speaker's own act
        if _modal(verb) or verb.lemma_.lower() in ("risk", "threaten") or any(
                t.lemma_.lower() in ("risk", "danger", "threat") for t in span) or not any(
                t.pos_ in ("VERB", "AUX") for t in span):  # "warned of a hunger crisis"
            return _kind(d, "prediction", "warning", verb)
        hint = None  # "warned that the anger is real": the content decides
    if not any(t.pos_ in ("VERB", "AUX") for t in verbs) and outer.pos_ in ("NOUN", "PROPN") and hint is None:
        np_kind = _noun_phrase_kind(outer, lex["cues"].get(doc[d.cue_i].lemma_.lower(), {}))
        if np_kind is not None:  # "affirmed its commitment to ...", "stressed the need for ...": the noun decides
            return _kind(d, np_kind, "noun-phrase-content", outer)
    stext = doc_text(doc)[span.start_char:span.end_char]  # span.text, without building its Tokens again
    if hint is not None and not (hint == "demand" and stext.rstrip(" \"”'").endswith("?")):
        return _kind(d, hint, "cue-frame", doc[d.cue_i])  # (a question "asked" is no demand: its content decides)
    if lex["denial_re"].search(stext) and _modal(verb) not in _FUTURE_MODALS:  # "will plead not guilty": a plan
        return _kind(d, "denial", "denial-phrase", None)  # "he had done nothing wrong", "the company has nothing to hide"
    low = stext.lower()
    modal = _modal(verb)
    ready = any(p in low for p in lex["commitment_phrases"])
    passive = subj is not None and subj.dep_ == "nsubjpass"
    own = _own_side(subj, d, index, speakers)
    if (modal in _FUTURE_MODALS or ready) and own and not passive:
        return _kind(d, "commitment", "own-side-future" if modal else "own-side-ready", verb)
    if ready and own:
        return _kind(d, "commitment", "own-side-ready", verb)
    if subj is not None and subj.lower_ in ("we", "i") and verb.tag_ in ("VBP", "VB") and not passive and not modal and \
            verb.lemma_ not in ("be", "have", "know", "think", "believe", "hope", "feel", "see"):
        return _kind(d, "commitment", "first-person-present", verb)  # "we accept ...", "I promise ...": the speaker's side binding itself now
    if d.direct and _binds_later(verbs[1:], d, index, speakers):
        return _kind(d, "commitment", "quote-binds-later", verb)  # "We are not there yet. ... we will not cut before ...": the quote binds its side
    if _demand(verb, subj, own) or _imperative(span) or _time_to(verb, subj) or _you_must(span):
        return _kind(d, "demand", "demand-verb-or-imperative", verb)
    if _expects(outer, verb):
        if own and _subject(outer) is not None and any(
                c.dep_ == "xcomp" and _is_to(c) and c.pos_ == "VERB" and c.lemma_ != "be" for c in _children(outer)):
            return _kind(d, "commitment", "expects-own-act", outer)  # "it expected to lower borrowing costs": its own side's next act
        return _kind(d, "prediction", "expectation", outer)  # "she expected him to be confirmed", "he expects prices to rise"
    if _opinion(span, verbs) or _lesson(outer) or _judging_predicate(verb):
        return _kind(d, "opinion", "evaluative", verb)
    if modal is not None and modal not in ("can",):
        return _kind(d, "prediction", "modal", verb)
    if any(c.lower_ in ("risk", "risks", "risked") for c in [verb]):
        return _kind(d, "prediction", "risk", verb)
    return _kind(d, "claim", "default-claim", verb)


def _binds_later(verbs: list["Token"], d: Draft, index: EntityIndex, speakers: "SpeakerResolver") -> bool:
    """A later clause of a direct quote in which the speaker's side says what it will (not) do: a first
    person subject ("we", "our members") with will/would/shall, active."""
    for v in verbs:
        if v.pos_ not in ("VERB", "AUX"):
            continue
        conj = [v] + [c for c in _children(v) if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        for w in conj:
            subj = _subject(w)
            if subj is None or subj.dep_ == "nsubjpass":
                continue
            first = subj.lower_ in ("we", "i") or any(c.lower_ in ("our", "my") for c in _children(subj))
            if first and _modal(w) in ("will", "would", "'ll", "shall") and _own_side(subj, d, index, speakers):
                return True
    return False


_BELIEF = frozenset({"believe", "think", "convince", "convinced", "confident", "sure", "certain", "expect", "say"})


def _past_belief(verb: "Token") -> "Token":
    """"I am sure that X will ...": the kind is the embedded clause's."""
    lemma = verb.lemma_.lower()
    heads = [verb] + [c for c in _children(verb) if c.dep_ == "acomp"]
    if lemma in _BELIEF or any(h.lemma_.lower() in _BELIEF for h in heads):
        for h in heads:
            inner = next((c for c in _children(h) if c.dep_ == "ccomp"), None)
            if inner is not None:
                return inner
    return verb


def _imperative(span: "Span") -> bool:
    """A sentence of the content that is an order: "Do not give up.", "Release them now."."""
    every = tokens(span.doc)
    for sent in span.sents:
        # the first three words are all the tests read (the doc's cached tokens, not new ones)
        toks = list(itertools.islice((t for t in every[sent.start:sent.end] if not t.is_punct and not t.is_space), 3))
        if not toks:
            continue
        first = toks[0]
        if first.lower_ in ("do", "don't") and len(toks) > 2 and toks[1].lower_ in ("not", "n't"):
            return True
        if first.tag_ == "VB" and first.dep_ == "ROOT" and not any(c.dep_ in _SUBJ for c in clause.children(first)) \
                and first.lower_ not in ("thank", "please"):
            return True
    return False


def _demand(verb: "Token", subj: "Token | None", own: bool) -> bool:
    """"Velta expects the return of ...", "we are calling for ...": the speaker's side asks for an act."""
    lemma = verb.lemma_.lower()
    cue = lexicon()["cues"].get(lemma)
    if cue is not None and cue.get("kind") == "demand" and subj is not None and subj.lower_ in ("we", "i"):
        return True  # "We are calling for a fair hearing", "I urge them to ..."
    if lemma not in lexicon()["demand_verbs"] or _modal(verb) or verb.tag_ not in ("VBZ", "VBP"):
        return False
    for c in _children(verb):
        if c.dep_ == "dobj" and any(g.dep_ == "prep" and g.lower_ == "of" for g in _children(c)):
            return True  # "expects the return of ..."
        if c.dep_ in ("dobj", "ccomp", "xcomp") and own:
            return True  # "we want them to withdraw"
    return False


def _you_must(span: "Span") -> bool:
    """"you must leave now", "you should stay indoors": the addressee told to act, a demand."""
    pos, toks = attr_lists(span.doc)[0], tokens(span.doc)  # (the tags from the doc's column: Tokens for verbs only)
    for t in (toks[k] for k in range(span.start, span.end) if pos[k] == VERB or pos[k] == AUX):
        if any(c.dep_ == "nsubj" and c.lower_ == "you" for c in _children(t)) and any(
                c.dep_ == "aux" and c.lower_ in ("must", "should") for c in _children(t)) \
                and not any(c.dep_ == "neg" for c in _children(t)):
            return True
    return False


def _time_to(verb: "Token", subj: "Token | None") -> bool:
    """"said it was time to unite", "it is high time for the council to act": a call for an act."""
    if verb.lemma_.lower() != "be" or subj is None or subj.lower_ != "it" or any(c.dep_ == "neg" for c in _children(verb)):
        return False
    after = verb.doc[verb.i + 1:verb.i + 3]
    k = 1 if len(after) > 1 and after[0].pos_ in ("ADV", "ADJ") else 0
    return len(after) > k and after[k].lemma_.lower() == "time" and after[k].i > subj.i


def _expects(outer: "Token", inner: "Token") -> bool:
    """"she expected him to be confirmed", "he expects the motion to pass": what someone expects to happen
    (a to-infinitive under expect / anticipate, also when the parser hung it on the object)."""
    if outer.lemma_.lower() not in lexicon()["expectation_verbs"] or any(c.dep_ == "neg" for c in _children(outer)):
        return False
    if inner is not outer and _is_to(inner):
        return True
    return any(c.dep_ in ("xcomp", "ccomp") and _is_to(c) or c.dep_ == "dobj" and any(
        g.dep_ == "acl" and _is_to(g) for g in _children(c)) for c in _children(outer))


def _lesson(verb: "Token") -> bool:
    """"the talks showed (that) patience pays off", "... proved neighbours can still talk": a general
    lesson drawn from an event (a present-tense or "can" clause under show / prove)."""
    if verb.lemma_.lower() not in lexicon()["lesson_verbs"]:
        return False
    for c in _children(verb):
        if c.dep_ == "ccomp" and (c.tag_ in ("VBZ", "VBP") or any(
                a.dep_ == "aux" and a.lower_ in ("can", "cannot") for a in _children(c))):
            return True
    return False


# pronoun subjects: people ("he was a teacher") or an event named by "it" / "this" ("it was a deliberate
# attack") are classified, not judged, by an indefinite predicate
_PRONOUN_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they", "who", "it", "this", "that", "these", "those"})


def _judging_predicate(verb: "Token") -> bool:
    """"the sanctions were a vendetta", "fear is not a licence to ...", "the pier was a place of fear":
    a thing said to be an indefinite something (not a classifying noun such as "a member of") is a judgement."""
    if verb.lemma_ != "be":
        return False
    subj = clause.own_subject(verb, deps=("nsubj",))
    attr = next((c for c in _children(verb) if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    if subj is None or attr is None or subj.lower_ in _PRONOUN_SUBJECTS or subj.pos_ == "PROPN" or subj.ent_type_ == "PERSON":
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in _children(attr)):
        return False
    return attr.lemma_.lower() not in lexicon()["predicate_nouns_neutral"]


_is_to = clause.is_to_infinitive


def _opinion(span: "Span", verbs: list["Token"]) -> bool:
    """Evaluative words anywhere, a stance verb as a main verb, or an "X, not Y" contrast."""
    lex = lexicon()
    if _CONTRAST.search(doc_text(span.doc)[span.start_char:span.end_char]):  # (span.text)
        return True
    for v in verbs[:1]:  # "No player is bigger than ...", "Everyone deserves ...": a general judgement
        subj = _subject(v)
        if subj is not None and v.tag_ in ("VBZ", "VBP") and (
                subj.lower_ in ("nobody", "everyone", "everybody", "nothing", "everything")
                or any(c.lower_ in ("no", "every") and c.dep_ == "det" for c in _children(subj))):
            return True
    if any(t.lemma_.lower() in lex["opinion_verbs"] for v in verbs[:1] for t in [v, *v.conjuncts]
           if t.pos_ in ("VERB", "AUX")):
        return True
    return any(t.lower_ in lex["opinion_words"] and t.pos_ in ("ADJ", "ADV", "AUX", "NOUN") for t in span)


# ----------------------------------------------------------------------------- horizon
class TimesByStart:
    """The times of one article sorted by start, for finding those inside a statement's content."""

    def __init__(self, times: Sequence[Time]) -> None:
        self.ordered = sorted(times, key=lambda t: t.start)
        self.starts = [t.start for t in self.ordered]

    def inside(self, start: int, end: int) -> list[Time]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [t for t in self.ordered[lo:hi] if t.end <= end]


def horizon_of(doc: "Doc", d: Draft, times: TimesByStart, said: TimeValue | None,
               published: dt.date | None) -> TimeValue | None:
    """A window or deadline in the content of a prediction, commitment or demand, resolved from the
    statement's own date (else the publication date): the times stage's own expressions, anchored anew
    (:func:`~newsledger.extract.times.stage.reanchor`), the text never parsed again."""
    s, e = d.content
    said_date = value_to_date(said.value) if said is not None else None
    anchor = said_date or published
    text = doc_text(doc)
    found = list(_horizons(doc, times.inside(s, e), text, s, anchor))
    # for the trace: how the horizon was found, from which anchor, and the time(s) it came from
    d.extra["horizon_route"] = ("none", "statement" if said_date else "published", ())
    if len(found) > 1 and found[-1][2] and found[0][0] is not None:
        # "on Tuesday I will call the owners in, and by Sunday they will settle": from the first step to the deadline
        (v0, p0, _d0, t0, _w0), (v1, p1, _d1, t1, _w1) = found[0], found[-1]
        a, b = value_to_date(str(v0).split("/")[0]), value_to_date(str(v1).split("/")[-1])
        if a is not None and b is not None and b < a:  # "by Friday" after "on Monday": the Friday after it
            later = reanchor(doc, t1, a)
            b = value_to_date(str(later).split("/")[-1]) if later else b
        if a is not None and b is not None and a < b and len(str(v1).split("/")[-1]) == 10:
            d.extra["horizon_route"] = ("first-step-to-deadline", d.extra["horizon_route"][1], (t0, t1))
            return TimeValue(f"{a.isoformat()}/{b.isoformat()}", text[text.find(p0, s):text.find(p1, s) + len(p1)]
                             if 0 <= text.find(p0, s) < text.find(p1, s) else p1)
    if found:
        d.extra["horizon_route"] = ("window" if found[0][4] else "future-date", d.extra["horizon_route"][1],
                                    (found[0][3],))
    return TimeValue(str(found[0][0]), found[0][1]) if found else None


def _horizons(doc: "Doc", inside: Sequence[Time], text: str, s: int, anchor: dt.date | None):
    """(value, phrase, is a deadline, the time, is a window) of each time in a content that lies ahead of
    when it was said."""
    for t in inside:
        prev = text[max(s, t.start - 12):t.start].lower().split()
        lead = prev[-1] if prev else ""
        words = set(t.text.lower().split()) | {lead}
        window = is_window(t) or anchoring.points_ahead(list(words))
        start = value_to_date(t.value)
        future = start is not None and anchor is not None and start >= anchor
        if not (window or future):
            continue
        value = t.value
        if window and anchor is not None:
            value = reanchor(doc, t, anchor) or value
        if value is None or str(value).startswith("P"):
            continue
        phrase = t.text
        if (lead == "in" or anchoring.is_horizon([lead])) and not t.text.lower().startswith(lead):
            phrase = text[t.start - len(lead) - 1:t.end] if text[t.start - len(lead) - 1:t.start - 1].lower() == lead \
                else t.text
        yield value, phrase, anchoring.is_horizon([lead, *t.text.lower().split()[:1]]), t, window
