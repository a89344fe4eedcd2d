"""Frames of :func:`.cues.find_drafts` beside :mod:`.frames` (split out: a module stays under 600
lines): the time wire style puts right after a cue ("said on Tuesday it would ..."), a speech noun
with a possessor and a clause ("the mayor's promise not to bargain"), and the quote before "X quoted Y as
saying" that the parser hangs on the quoting verb."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.clause import children as _children
from ...analysis.words import word_class
from .draft import _Frame, _subtree_range, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _leading_time(doc: "Doc", cue: int, a: int, b: int) -> tuple[int, int] | None:
    """Wire style puts the day of the saying right after the verb, before an unmarked clause ("said on
    Tuesday it would ...", "said Friday the bridge ..."); the parser often hangs it inside the clause. The
    token range of that time (its preposition included) when the content starts with it, else None."""
    if a >= b:
        return None
    set_off = a == cue + 1 and doc[a].text == "," or a == cue + 2 and doc[cue + 1].text == ","
    if a != cue + 1 and not set_off:
        return None
    k = cue + 2 if set_off else a  # "said, on Friday, the court had agreed": a time set off by commas
    if k < b and doc[k].lower_ in lexicon()["cue_time_preps"] and k + 1 < b:
        k += 1
    j = k
    while j < b and doc[j].ent_type_ in ("DATE", "TIME") and (j == k or doc[j].ent_iob_ == "I"):
        j += 1
    if j == k or j >= b:
        return None
    if set_off:
        if doc[j].text != "," or j + 1 >= b:
            return None
        j += 1  # the closing comma belongs to the aside, not to what was said
    if any(doc[i].dep_ in ("nsubj", "nsubjpass") or doc[i].tag_ == "POS" for i in range(k, j)) \
            or doc[j].tag_ == "POS":
        return None  # "said Tuesday was the deadline", "said last week's vote ...": the time is the content's
    rest = doc[j:b]
    if not any(t.pos_ in ("VERB", "AUX") for t in rest) or doc[j].is_punct and doc[j].text != ",":
        return None
    return a, j


def _noun_frame(noun: "Token", kind: str) -> tuple[_Frame, "Token"] | None:
    """"the mayor's promise *not to bargain*", "the engineer whose forecast *that the dam would ...*":
    a speech noun with a possessor (the speaker; "whose": the noun the relative clause hangs on) and a
    that-clause or to-infinitive (what was said)."""
    poss = next((c for c in _children(noun) if c.dep_ == "poss"), None)
    if poss is None:
        return None
    if poss.lower_ == "whose":
        rel = next((a for a in noun.ancestors if a.dep_ == "relcl"), None)
        before = noun.doc[poss.i - 1] if poss.i > 0 else None
        if rel is not None:
            poss = rel.head
        elif before is not None and before.pos_ in ("NOUN", "PROPN"):  # parsed flat: the noun just before "whose"
            poss = before.head if before.dep_ == "appos" else before
        else:
            return None
    clause = next((c for c in _children(noun) if c.dep_ in ("acl", "ccomp") and c.i > noun.i and (
        any(m.dep_ == "mark" and m.lower_ == "that" for m in _children(c))
        or any(m.dep_ == "aux" and m.lower_ == "to" for m in _children(c)))), None)
    if clause is None:
        return None
    a, b = _subtree_range(clause)
    if a < len(noun.doc) and noun.doc[a].lower_ == "that":
        a += 1
    return _Frame(a=a, b=b, kind=kind, cue_text=noun.text), poss


def _trailing_relay(c: "Token") -> bool:
    """"X said Y, broadcaster Z reported on Sunday", "X announced Y, the Courier reports": an attribution
    closing the sentence after a comma that the parser hung as a clause of the verb before it. It is not what
    that verb reports (:func:`.frames._frame` leaves it out); :func:`.reconcile._trailing_relays` decides whether
    Z relays X's statement or speaks the whole sentence."""
    if c.dep_ not in ("ccomp", "parataxis") or c.head.i >= c.i or c.lemma_.lower() not in lexicon()["cues"]:
        return False
    subj = next((g for g in _children(c) if g.dep_ == "nsubj" and g.i < c.i), None)
    if subj is None or subj.pos_ not in ("PROPN", "NOUN") or subj.left_edge.i == 0:
        return False
    doc = c.doc
    if doc[subj.left_edge.i - 1].text != "," or any(g.dep_ in ("ccomp", "xcomp", "dobj", "dative", "conj") or (
            g.dep_ == "advcl" and doc[g.left_edge.i - 1].text != ",") for g in _children(c)):
        return False  # (", a week after he took office": a clause set off after it dates the report)
    end = c.right_edge.i + 1
    return end >= len(doc) or all(t.is_punct or t.is_space for t in doc[end:min(len(doc), end + 2)]) \
        and (doc[end].is_space or doc[end].text in (".", "!", "?") or doc[end].is_quote)


def _impersonal_passive(cue: "Token") -> bool:
    """"It is said that ...", "It was reported that ...": a passive cue whose subject is the expletive "it"
    and whose content is a "that" clause after it reports a claim that nobody in the text makes: a statement
    with no speaker (issue 11)."""
    subj = next((c for c in _children(cue) if c.dep_ in ("nsubjpass", "expl") and c.i < cue.i), None)
    if subj is None or subj.lower_ != "it" or not any(c.dep_ == "auxpass" for c in _children(cue)):
        return False
    return any(c.dep_ == "ccomp" and c.i > cue.i and any(g.dep_ == "mark" and g.lower_ == "that" for g in _children(c))
               for c in _children(cue))


def _be_to_idiom(cue: "Token") -> bool:
    """"The quota and the drought are to blame for ...": a cue as the "to" complement of "be" with neither an
    object nor a clause of its own says who is responsible, it reports no one's saying (issue 11)."""
    return cue.dep_ == "xcomp" and cue.head.lemma_.lower() == "be" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in _children(cue)) and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "dative") for c in _children(cue))


def _quoting_verb_clause(cue: "Token") -> "Token | None":
    """'"We will appeal," the Kessel Post quoted the mayor as saying': the parser hangs the words said on the
    quoting verb (word class quoting_verbs), not on "saying"; the clause before that verb is what "saying"
    reports (speak19)."""
    node = cue.head
    if cue.tag_ != "VBG" or node.lower_ != "as" or node.head.i == node.i:
        return None
    verb = node.head
    if verb.lemma_.lower() not in word_class("quoting_verbs"):
        return None
    return next((c for c in _children(verb) if c.dep_ == "ccomp" and c.i < verb.i), None)


def _medium_tail(doc: "Doc", cue: int, a: int, b: int) -> tuple[int, tuple[int, int] | None]:
    """The end of a content after the cue cut before a closing "in a statement (on Friday)" the parser hung
    inside it ("announced talks with X to settle the row in a letter on Monday"): the statement is how the
    words were said, its time when (speak19): (the end, the time's token range or None); ``b`` when nothing
    is cut."""
    lex = lexicon()
    for k in range(max(a, cue + 1), b):
        t = doc[k]
        if t.lower_ != "in" or t.dep_ != "prep" or t.head.i == cue:
            continue
        pobj = next((g for g in _children(t) if g.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() not in lex["medium_nouns"] or not all(
                _time_or_punct(doc, j) for j in range(t.right_edge.i + 1, b)):
            continue
        if k > a + 2 and not any(c.dep_ == "relcl" or c.dep_ == "acl" for c in _children(pobj)):
            times = [j for j in range(k + 1, b) if doc[j].ent_type_ in ("DATE", "TIME")]  # "in a letter on Friday"
            return k, ((times[0] - 1 if doc[times[0] - 1].dep_ == "prep" else times[0]), times[-1] + 1) if times else None
    return b, None


def _time_or_punct(doc: "Doc", j: int) -> bool:
    """A token of a closing time phrase ("on Friday") or punctuation."""
    t = doc[j]
    return t.is_punct or t.is_space or t.ent_type_ in ("DATE", "TIME") or (
        t.dep_ == "prep" and j + 1 < len(doc) and doc[j + 1].ent_type_ in ("DATE", "TIME"))
