"""Speakers a cue's frame finds outside its subject (split out of :mod:`.frames`, a module stays under 600
lines; the names are imported back there): a speaker beside the cue that the parser did not make its subject,
and the speaker of "X quoted Y as saying"; the titled name ending a subject the parser read as the body."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.clause import children as _children
from ...analysis import clause
from ...analysis.words import word_class
from .._doc import sent_of as _sent_of
from .draft import _Frame, _subtree_range, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token


def _speaker_beside(cue: "Token", frame: "_Frame") -> "Token | None":
    """A speaker the parser did not make the cue's subject, right beside the cue: after it, closing the
    sentence ('"...," remarked Ruiz.': taken for an attribute or object), or a name just before it that the
    parser hung inside a leading phrase ("When asked about the first half Ruiz stated, ..."), or the short
    phrase between a closing quote and the cue ('"...," the 58-year-old alleged.')."""
    doc = cue.doc
    if frame.b <= cue.i:
        after = [c for c in _children(cue) if c.i > cue.i and c.dep_ in ("attr", "dobj", "nsubj", "npadvmod", "appos")]
        if len(after) == 1 and after[0].pos_ in ("PROPN", "NOUN") and all(
                t.is_punct or t.is_space for t in doc[after[0].right_edge.i + 1:_sent_of(cue).end]):
            return after[0]
    if cue.i == 0:
        return None
    prev = doc[cue.i - 1]
    if prev.pos_ == "PROPN" and prev.ent_type_ not in ("DATE", "TIME") and frame.a > cue.i:
        return prev
    k = cue.i - 1  # '"...," the 58-year-old alleged': back over a short verbless phrase to a closing quote
    while k > cue.i - 8 and k > 0 and not doc[k].is_quote and doc[k].pos_ not in ("VERB", "AUX"):
        k -= 1
    if frame.b <= cue.i and doc[k].is_quote and k < cue.i - 2 and doc[k - 1].text in (",", "?", "!") \
            and prev.pos_ in ("NOUN", "PROPN", "ADJ"):
        return prev
    return None


def _quoted_as(cue: "Token") -> tuple["Token", tuple[int, int] | None] | None:
    """For "saying" under "quoted ... as": (the speaker, the outlet's token range)."""
    node = cue.head
    if cue.tag_ != "VBG" or node.i == cue.i:
        return None
    if node.lower_ == "as" and node.head.i != node.i:
        node = node.head
    if node.lemma_.lower() not in word_class("quoting_verbs"):  # "quoted / cited ... as saying" (issue 11)
        return None
    obj = next((c for c in _children(node) if c.dep_ == "dobj"), None)
    subj = clause.own_subject(node)
    if obj is not None:
        return obj, (_subtree_range(subj) if subj is not None and subj.dep_ == "nsubj" else None)
    agent = next((g for c in _children(node) if c.dep_ == "agent" for g in _children(c) if g.dep_ == "pobj"), None)
    if subj is not None:
        return subj, (_subtree_range(agent) if agent is not None else None)
    return None


def _name_before_cue(cue: "Token", subj: "Token | None") -> "Token | None":
    """A person's name set off by commas right before the cue (", Ilsa Marrow, said") that the parser hung
    elsewhere: on a noun inside a leading phrase ("In her letter, chair of the guild, X, said"), on the last
    noun of the title's prepositional phrase ("the head of the board's safety office, X, said") or as an
    adverbial of a misread clause. The name is the speaker when the cue has no subject or its subject is a
    common noun before the name (the title the name belongs to) that holds no appositive name of its own."""
    doc = cue.doc
    if cue.i < 4 or doc[cue.i - 1].text != ",":
        return None
    name = doc[cue.i - 2]
    if name.pos_ != "PROPN" or name.ent_type_ != "PERSON":
        return None
    s = name.i
    while s - 1 >= 0 and doc[s - 1].pos_ == "PROPN" and doc[s - 1].ent_type_ == "PERSON":
        s -= 1
    if s == 0 or doc[s - 1].text != ",":
        return None
    if subj is None:
        return name
    if subj.pos_ != "NOUN" or subj.i >= s or subj.ent_type_ or subj.head.i != cue.i:
        return None
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in _children(subj)):
        return None  # "president for the union, X, said": the title's own appositive (speaker_phrases)
    if any(t.is_sent_start or t.text in (";", ":") or t.is_quote or t.tag_ in ("WDT", "WP") or t.dep_ == "relcl"
           for t in doc[subj.i + 1:s]):
        return None
    return name


def _titled_name_in_subject(cue: "Token", subj: "Token | None") -> "Token | None":
    """"<Body> <title> <Name> said" read by the parser with the body as the subject and the name inside it
    ("Ostra Dockers Union of Workers secretary general X said"): the person's name that ends the subject
    right before the cue, after a title word (word classes titles, honorifics, title_modifiers), speaks,
    not the body (speak19)."""
    doc = cue.doc
    if subj is None or subj.ent_type_ == "PERSON" or cue.i < 3 or subj.i >= cue.i - 1:
        return None
    name = doc[cue.i - 1]
    if name.pos_ != "PROPN" or name.ent_type_ != "PERSON" or not subj.left_edge.i <= name.i <= subj.right_edge.i:
        return None
    s = name.i
    while s - 1 > subj.i and doc[s - 1].pos_ == "PROPN" and doc[s - 1].ent_type_ == "PERSON":
        s -= 1
    if s - 1 <= subj.i or doc[s - 1].lower_.rstrip(".") not in lexicon()["titles"]:
        return None
    return name
