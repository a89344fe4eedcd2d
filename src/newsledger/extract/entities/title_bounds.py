"""Where a title phrase beside a name is no apposition to it (issue 11): a phrase after "X," that runs
straight into a finite verb is that verb's subject ("... under Velis, Harbour Air chief says": the chief
speaks, Velis is no chief), and a phrase before ", X" that a preposition governs while X starts a clause of
its own ("According to an agency spokesman, Velis had served ...": the spokesman is not Velis). And a place
written in a public service's title ("Velmar police spokesman X") is where the service is, not X's body."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ...analysis.rules import rule_table
from .._doc import folded, tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc

_FINITE = frozenset({"VBZ", "VBD", "VBP"})
_DETS = frozenset({"a", "an", "the"})


def _finite_at(doc: "Doc", k: int) -> bool:
    toks = tokens(doc)
    return 0 <= k < len(doc) and toks[k].tag_ in _FINITE and toks[k].pos_ in ("VERB", "AUX")


def subject_not_apposition(doc: "Doc", name_t0: int, end: int) -> bool:
    """The title phrase after a name (starting at token ``name_t0``) ends at token ``end`` and a finite verb
    follows it with no comma, while a preposition governs the name ("under X, Harbour Air chief says"): the
    phrase is that verb's subject. (A name that can be the subject itself, "X, the union's spokesman
    tells reporters", keeps the apposition a comma would have closed.)"""
    return name_t0 >= 1 and tokens(doc)[name_t0 - 1].tag_ == "IN" and _finite_at(doc, end)


def governed_not_apposition(doc: "Doc", first: int, name_end: int) -> bool:
    """The title phrase starting at token ``first`` (before ", X") follows a preposition ("according to a
    spokesman", "by the treasurer"), and the name ending at ``name_end`` is followed by a finite verb: the
    name starts a clause of its own, so the phrase names someone else."""
    toks, fw = tokens(doc), folded(doc)
    p = first - 1
    if p >= 0 and fw[p] in _DETS:
        p -= 1
    if p < 0 or toks[p].tag_ not in ("IN", "TO"):
        return False
    return _finite_at(doc, name_end)


def service_title(doc: "Doc", title: tuple[int, int] | None) -> bool:
    """The title holds the word of a public service ("police spokesman", "fire chief": the bodies of the
    service-officer row of data/rules/title_bodies.json): a place written with it ("Velmar police
    spokesman X") is where the service is, the person serves the service, not the place (issue 11)."""
    if title is None:
        return False
    bodies = _service_words()
    return any(w in bodies for w in folded(doc)[title[0]:title[1]])


@functools.cache
def _service_words() -> frozenset[str]:
    return frozenset(next((r["yields"]["bodies"] for r in rule_table("title_bodies")["rows"]
                           if r["id"] == "service-officer"), ()))
