"""When, where and how sure for the events stage: time attachment, dates, places and status.

A time expression belongs to the trigger or verb it modifies (climbing through prepositions); an event
without one takes the time of the clause it depends on (participles, conjuncts, light verbs), never the
publication date. Status comes from negation, modals, conditionals and governing verbs ("expects the
signing"), else from the kind of statement the event is reported in.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Sequence

from ...analysis.clause import children as _children
from ...analysis import anchoring, clause
from ...records import Time, TimeValue
from .._doc import doc_text, expanded_span
from .lexicon import Sense
from .syntax import SETTING_PREPS, SUBJ_DEPS, Context, entity_of, governor, pobjs, statement_at

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "PLACE_TYPES", "PLACE_PREPS", "OTHER_TIME_MARKS", "NP_MODIFIER", "time_value",
    "attach_times", "own_time", "unasserted", "not_yet", "inherited_time", "relative_when_time", "conjunct_time", "is_recurrence_bound", "event_place", "event_status", "past",
]

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "through", "around", "from"})
# a clause introduced by one of these is at another time ("two days *after* the court fined him")
OTHER_TIME_MARKS = frozenset({"after", "before", "since", "until", "till", "once"})
NP_MODIFIER = anchoring.NP_MODIFIER_DEPS


_INTRO_PREPS = frozenset({"on", "in", "at", "during", "since", "from", "over"})


def time_value(t: Time, text: str) -> TimeValue:
    """The value of a time expression, with the preposition that introduces it as written ("on Sunday")."""
    before = text[max(0, t.start - 12):t.start]
    words = before.split()
    if words and before.endswith(" ") and words[-1].lower() in _INTRO_PREPS:
        return TimeValue(t.value, text[t.start - len(words[-1]) - 1:t.end])
    return TimeValue(t.value, t.text)


def attach_times(doc: "Doc", times: Sequence[Time], anchors: dict[int, Sense]) -> dict[int, list[Time]]:
    """Each dated time expression -> the token it modifies.

    From the expression's root, climb through prepositions and nouns ("denied the report at a
    briefing *on Tuesday*", where the parser often hangs the phrase on a noun) to the first trigger
    or verb; a time that is a modifier inside a noun phrase ("*Sunday's* referendum") belongs to that noun.
    Deadlines ("until", "by", "within") are horizons, not dates, and attach nowhere.
    """
    out: dict[int, list[Time]] = {}
    text = doc_text(doc)
    for t in times:
        if t.type not in ("DATE", "TIME") or not t.value or t.value.startswith("P"):
            continue
        span = expanded_span(doc, t.start, t.end)  # (the times stage asked for the same spans)
        if span is None or len(span) == 0:
            continue
        if anchoring.is_horizon(anchoring.lead_words(text, span.start_char, span.text)):
            continue
        out.setdefault(anchoring.dated_token(span, anchors).i, []).append(t)
    return out


def own_time(tok: "Token", ctx: Context) -> TimeValue | None:
    """The time attached to ``tok``; of several, one inside its own phrase and nearest to it."""
    ts = ctx.times_at.get(tok.i)
    if not ts:
        return None
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    best = min(ts, key=lambda t: (not (lo <= t.start < hi), abs(t.start - tok.idx)))
    return time_value(best, ctx.text)


def _offset_between(head: "Token", conj: "Token") -> tuple[str, str] | None:
    """"<head>, three days after ... <conj>": (number, unit) of an "N units after" phrase of the head verb
    that lies between it and its conjunct, or None."""
    for p in _children(head):
        if p.dep_ == "prep" and p.lower_ == "after" and head.i < p.i < conj.i:
            for n in _children(p):
                num = next((c for c in _children(n) if c.dep_ == "nummod"), None)
                if n.dep_ == "npadvmod" and num is not None and n.lemma_.lower() in ("day", "week", "month", "year"):
                    return num.text, n.text
    return None


def inherited_time(tok: "Token", ctx: Context) -> TimeValue | None:
    """The time of the clause a trigger depends on: participles, conjuncts, light and aspectual verbs."""
    cur = tok
    for _ in range(6):
        if cur.pos_ == "VERB":
            if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":  # "with two members abstaining"
                cur = cur.head.head
            elif cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in OTHER_TIME_MARKS for c in _children(cur)):
                return None  # "two days *after* the court fined him": another time
            elif cur.dep_ == "conj" and _offset_between(cur.head, cur) is not None:
                # "quit on Thursday, two weeks after X was arrested" parsed as two conjuncts: the offset decides
                head_tv = own_time(cur.head, ctx)
                if head_tv is None or len(head_tv.value) != 10:
                    return None
                from ..times.stage import resolve_expression  # a late import: times imports nothing of events
                n, unit = _offset_between(cur.head, cur)
                val = resolve_expression(f"{n} {unit} earlier", dt.date.fromisoformat(head_tv.value))
                return TimeValue(val, f"{n} {unit} after") if val else None
            elif cur.dep_ == "relcl" and any(c.dep_ in ("dobj", "obj") and c.lower_ in ("that", "which")
                                             for c in _children(cur)):
                return own_time(cur.head, ctx)  # "the 2015 deal that X struck": the act the noun names
            elif cur.dep_ in ("conj", "advcl", "xcomp", "acl") and cur.head is not cur:
                cur = cur.head  # an acl ("a ceasefire mediated by X") takes its noun's time
                if cur.pos_ != "VERB":
                    tv = own_time(cur, ctx) or inherited_time(cur, ctx)
                    return tv
            else:
                return None
        else:
            gov, how = governor(cur)
            if gov is None or (how == "prep" and cur.head.lower_ not in SETTING_PREPS):
                return None  # "freed detainees *under a ceasefire*": not the ceasefire's date
            lemma = gov.lemma_.lower()
            if how == "obj" and lemma not in ctx.lex.light_verbs | ctx.lex.planning_verbs | ctx.lex.receiving_verbs:
                return None  # (but "plans a visit *next week*", "receives a visit *on Monday*": the act's time)
            if how == "subj" and lemma not in ctx.lex.aspectual_verbs | ctx.lex.impact_verbs:
                return None  # "the ceasefire *began* a week later", "a strike *hit* X on Friday"
            cur = gov
        tv = own_time(cur, ctx)
        if tv is not None:
            return tv
    return None


def relative_when_time(tok: "Token", ctx: Context) -> TimeValue | None:
    """"since 2011, *when* X visited": a clause opened by relative "when" right after a time expression
    happened at that time, wherever the parser hung the clause."""
    when = next((c for c in _children(tok) if c.dep_ == "advmod" and c.lower_ == "when" and c.i < tok.i), None)
    if when is None:
        return None
    for t in (t for ts in ctx.times_at.values() for t in ts):
        if t.end <= when.idx and not ctx.text[t.end:when.idx].strip(" ,"):
            return time_value(t, ctx.text)
    return None


def conjunct_time(tok: "Token", sense_type: str, ctx: Context) -> TimeValue | None:
    """"X was killed and two were wounded *on Friday*": a time on a later conjoined act of the same type
    (one incident told in two clauses) dates the first too; an act of another type ("arrested in May and
    released on Friday") keeps its own."""
    for c in _children(tok):
        other = ctx.anchors.get(c.i)
        if c.dep_ == "conj" and c.i > tok.i and other is not None and other.type == sense_type:
            tv = own_time(c, ctx)
            if tv is not None:
                return tv
    return None


def is_recurrence_bound(tok: "Token", tv: TimeValue, ctx: Context) -> bool:
    """"the *first* visit since 2011": the time is when the act last happened, not this act's date."""
    return tv.text.lower().startswith("since") and any(
        c.dep_ == "amod" and c.lower_ in ctx.lex.recurrence_words for c in _children(tok))


def event_place(tok: "Token", ctx: Context) -> str | None:
    """A place entity in a place phrase of the trigger (or of the clause a noun trigger sits in)."""
    cands = [tok]
    gov, _how = governor(tok) if tok.pos_ != "VERB" else (None, "")
    if gov is not None:
        cands.append(gov)
    for c in cands:
        for prep in _children(c):
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
                continue
            for o in pobjs(prep):
                eid = entity_of(o, ctx)
                if eid and ctx.types.get(eid) in PLACE_TYPES:
                    return eid
                for p2 in _children(o):  # "from a farm in X"
                    if p2.dep_ == "prep" and p2.lower_ in ("in", "at", "near"):
                        for o2 in pobjs(p2):
                            eid = entity_of(o2, ctx)
                            if eid and ctx.types.get(eid) in PLACE_TYPES:
                                return eid
    return None


def event_status(tok: "Token", ctx: Context, ignore_negation: bool = False) -> str:
    """asserted, future, hypothetical or negated, for the trigger ``tok`` (see the module docstring)."""
    lex = ctx.lex
    near = [tok]
    if tok.pos_ != "VERB":  # a noun: the verb it is the object of, when that verb only carries it
        gov, how = governor(tok)
        if gov is not None and how in ("obj", "subj") and gov.lemma_.lower() in lex.light_verbs | lex.aspectual_verbs:
            near.append(gov)
        elif gov is not None and how == "obj" and gov.lemma_.lower() in lex.receiving_verbs:
            near.append(gov)  # "will receive a visit": the receiving carries the visit's status
    if tok.dep_ == "xcomp" and tok.head.pos_ in ("VERB", "AUX"):  # "was not permitted to testify"
        near.append(tok.head)
    kids = [c for v in near for c in _children(v)]
    if not ignore_negation and any(clause.negated(v) for v in near):
        return "negated"
    status = None
    if any(c.dep_ == "mark" and c.lower_ in lex.conditional_marks for c in kids):
        status = "hypothetical"
    auxes = [a.lower_ for v in near for a in clause.auxiliaries(v)]
    if status is None and any(a in lex.hypothetical_aux for a in auxes):
        status = "hypothetical"
    if status is None and any(a in lex.future_aux for a in auxes):
        status = "future"
    if status is None:  # governed: "expects the handover", "due for renewal", "risks collapsing"
        cur = tok
        for _ in range(4):
            head = cur.head
            if head is cur:
                break
            lemma = head.lemma_.lower()
            if cur.dep_ in ("ccomp", "xcomp", "dobj", "pobj", "prep", "pcomp") or head.pos_ == "ADP":
                if lemma in lex.negating_governors and not ignore_negation:
                    return "negated"
                if lemma in lex.hypothetical_governors:
                    status = "hypothetical"
                    break
                if lemma in lex.future_governors and head.i not in ctx.anchors and not any(
                        c.dep_ == "prt" and c.lower_ in lex.ending_particles for c in _children(head)):  # "called off"
                    status = "future"
                    break
                if head.pos_ in ("VERB", "AUX") and cur.dep_ in ("ccomp",):
                    break
                cur = head
                continue
            break
    if status is None and tok.dep_ == "advcl" and tok.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in _children(tok)):
        status = "future"  # a purpose: "met on Monday *to reach* a deal" tells what was sought, not done
    if status is None and tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in lex.following_marks for c in kids):
        main = event_status(tok.head, ctx, ignore_negation=True)  # "will fight *until* X releases him"
        if main in ("future", "hypothetical"):
            status = main
    if status is None and not past(near[-1]):
        st = statement_at(tok.idx, ctx)
        if st is not None:
            status = lex.statement_status.get(st.kind)
            if status == "negated" and ignore_negation:
                status = None
    return status or "asserted"


#: the only auxiliaries an order takes: "*do* not visit", "*don't* strike"
_ORDER_AUX = frozenset({"do", "don't", "dont"})
_QUOTE_OPENERS = frozenset({'"', "\u201c", "'", "\u2018", ":", "``"})


def ordered(tok: "Token") -> bool:
    """"Please visit Velmar", "Do not visit the wards", "Boycott the vote!": a verb in the imperative (a bare form
    opening its sentence or quote, with no subject and no auxiliary but "do") is what a speaker asks of others, not an
    act the text tells: no event (issue 11)."""
    if tok.pos_ != "VERB" or tok.tag_ != "VB" or tok.dep_ not in ("ROOT", "ccomp", "xcomp", "advcl", "parataxis"):
        return False
    if tok.dep_ != "ROOT":  # a quoted order hangs on the quoting verb ('"Please visit X," she told them'): it opens the quote
        first = tok.left_edge
        if first.i == 0 or tok.doc[first.i - 1].text not in _QUOTE_OPENERS:
            return False
    kids = _children(tok)
    return not any(c.dep_ in SUBJ_DEPS or c.dep_ == "expl" for c in kids) \
        and all(c.lower_ in _ORDER_AUX for c in kids if c.dep_ in ("aux", "auxpass")) \
        and all(c.dep_ in ("punct", "intj", "aux", "neg") or c.lower_ == "please" for c in kids if c.i < tok.i)


def not_yet(tok: "Token", ctx: Context) -> bool:
    """"withheld his name *until he's charged*": an act in a clause opened by a following mark ("until",
    "once") in the present tense, under a main clause that is neither future nor hypothetical, has not
    happened and nobody foretells it: no event. ("will fight until X releases him" stays, as future.) Nor does an act
    such a clause holds only as possible ("before they *can be* released"), whatever the main clause."""
    if tok.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in ctx.lex.following_marks for c in _children(tok)):
        return False
    present = tok.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in _children(tok))
    if any(c.dep_ == "aux" and c.lower_ in ctx.lex.hypothetical_aux for c in _children(tok)):
        return True  # "confirm their names *before they can be released*": only possible, after another act
    return present and event_status(tok.head, ctx, ignore_negation=True) == "asserted"


def unasserted(tok: "Token", ctx: Context) -> str | None:
    """Why the verb trigger ``tok`` tells no act, as the name of the rule (its trace note), or None: a habit
    or a general truth ("groups *regularly* collaborate in such searches": analysis.clause.is_habitual), or
    an expectation ("remains optimistic that it *will settle*": analysis.clause.expected_only; the SPEC keeps
    expecting a statement only), or an act not yet done in a clause opened by a following mark
    (:func:`not_yet`)."""
    if tok.pos_ == "VERB" and clause.is_habitual(tok):
        return "habitual"
    if tok.pos_ == "VERB" and clause.expected_only(tok):
        return "expected"
    if not_yet(tok, ctx):
        return "not-yet"
    return None


def past(verb: "Token") -> bool:
    """A clause in the past or perfect ("seized", "had detained"): what a statement reports as done."""
    return clause.reports_done(verb)
