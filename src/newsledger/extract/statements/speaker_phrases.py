"""Speakers: the phrase a subject token stands for (the name as written inside it, the whole phrase, its
proper-noun appositive, the key it is remembered by). Split out of ``speakers`` (a module stays under 600
lines); the names are imported back there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.clause import children as _children
from ...analysis.clause import subtree as _subtree
from .._doc import dateline_tokens, doc_text
from .cues import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _name_span(tok: "Token") -> tuple[tuple[int, int], tuple[int, int]]:
    """(the name as written, the whole subject phrase) as character ranges."""
    doc = tok.doc
    phrase_end = tok
    for c in _children(tok):
        if c.dep_ in ("appos",) and c.i > tok.i:
            phrase_end = c.right_edge if c.right_edge.i > phrase_end.i else phrase_end
    left = tok.left_edge
    phrase = (left.idx, phrase_end.idx + len(phrase_end.text))
    head = tok
    if tok.pos_ != "PROPN" or tok.lower_ in lexicon()["titles"]:
        head = _appos_name(tok) or tok  # "Junior Trade Minister, X, said": the title's appositive name (issue 11)
    if head.pos_ == "PROPN":
        members = {head.i, tok.i}
        a = head.i
        while a - 1 >= 0:
            t = doc[a - 1]
            if t.text in ("(", ")", "-", "\"", "“", "”", "'", "’", "&") or (
                    (t.pos_ == "PROPN" or (t.pos_ == "ADJ" and t.text.istitle() and a - 1 > 0))
                    and (t.head.i in members or t.head.i > a - 1) and t.head.i <= head.i):
                members.add(t.i)
                a -= 1
                continue
            break
        while a < head.i and (doc[a].text in ("(", ")", "-", "\"", "“", "”", "'", "’", "&") or doc[a].pos_ == "ADJ"):
            a += 1
        titles = lexicon()["titles"] if head.lower_ not in lexicon()["org_nouns"] else frozenset()
        while a < head.i and (doc[a].lower_.rstrip(".") in titles or doc[a].text == "."):
            a += 1
        while a < head.i and doc[a].text in ("(", ")", "-", "\"", "“", "”"):
            a += 1
        end = head
        # "Keepers Without Frontiers", "Bureau of Investigation": a name that goes on after a preposition
        for c in _children(head):
            if c.dep_ == "prep" and c.i == end.i + 1 and (c.text.istitle() or (
                    c.lower_ in ("of", "for") and head.ent_type_ == "ORG")):
                tail = list(_subtree(c))
                if tail and all(t.pos_ in ("PROPN", "ADP", "DET", "CCONJ") or t.text.istitle() for t in tail):
                    end = tail[-1]
        return (doc[a].idx, end.idx + len(end.text)), phrase
    if tok.pos_ == "PRON":
        return (tok.idx, tok.idx + len(tok.text)), phrase
    a = tok.left_edge.i
    while a < tok.i and (doc[a].is_punct or doc[a].is_space or _dateline(doc[a])):
        a += 1
    return (doc[a].idx, tok.idx + len(tok.text)), phrase


def _age_descriptor(tok: "Token") -> bool:
    """"the 58-year-old" (the head "old") or "the 58-year-old man": a person named only by age."""
    doc = tok.doc
    old = tok if tok.lower_ == "old" else next((c for c in _children(tok) if c.dep_ == "amod" and c.lower_ == "old"), None)
    if old is None or old.i < 3 or tok.pos_ not in ("NOUN", "ADJ"):
        return False
    return doc[old.i - 1].text == "-" and doc[old.i - 2].lower_ in ("year", "years") and any(
        c.lower_ == "the" for c in doc[max(0, old.i - 5):old.i])


def _dateline(tok: "Token") -> bool:
    return tok.i in dateline_tokens(tok.doc)


def _appos_name(tok: "Token") -> "Token | None":
    """The proper-noun appositive of a title subject: the last of adjacent ones ("Tomas \"Red\" Varga")."""
    names = [c for c in _children(tok) if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > tok.i]
    if not names:  # "A spokesman for the army, Col. Ivo Matt, said": hung on the prepositional object
        for p in (c for c in _children(tok) if c.dep_ == "prep" and c.i == tok.i + 1):
            for o in (g for g in _children(p) if g.dep_ == "pobj"):
                names = [a for a in _children(o) if a.dep_ == "appos" and a.pos_ == "PROPN" and a.i > o.i
                         and tok.doc[a.left_edge.i - 1].text == ","]
    if not names:
        return None
    best = names[0]
    for c in names[1:]:
        if c.i - best.i <= 6 and not any(t.text == "," for t in tok.doc[best.i:c.i]):
            best = c
    return best


def _key(doc: "Doc", span: tuple[int, int], tok: "Token") -> str | None:
    words = doc_text(doc)[span[0]:span[1]].replace("'s", "").split()
    if not words:
        return None
    if tok.pos_ == "PROPN" or any(w[:1].isupper() for w in words[-1:]):
        return words[-1].lower().strip(".,")
    return tok.lemma_.lower()
