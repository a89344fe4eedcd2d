"""Bodies of a kind ("the union", "the police", "the unions"): the organizations whose own name says what kind
of body they are (plover_roles.json ``kind_nouns``, ``kind_members``, ``collective_kinds``), the one or all of
them a kind noun or a sense's ``implied_source`` stands for. Split out of :mod:`.syntax` (issue 11, round
events10); the names stay importable from there."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from ...analysis.clause import children as _children
from ...records import Entity
from .._doc import attr_lists, tokens
from ..entities.lex import lexicon as entity_lexicon
from .lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .._index import EntityIndex

    from .syntax import Context

__all__ = ["kind_bodies", "told_kinds", "implied_body", "implied_bodies", "every_of_kind", "of_kind"]


def of_kind(tok: "Token", ctx: "Context") -> str | None:
    """"the union" for the one organization of the article whose name says it is one ("the X Dockers'
    Association"), "police" or "the policemen" for the one police body ("the Ostra Constabulary"): the kind
    noun's name words (plover_roles.json ``kind_nouns``, ``kind_members``); none or several such: None."""
    rows = ctx.kind_bodies.get(tok.lemma_.lower()) or ctx.kind_bodies.get(tok.lower_)
    return next(iter(rows)) if rows is not None and len(rows) == 1 else None


def kind_bodies(entities: Sequence[Entity], lex: Lexicon,
                told: "dict[str, set[str]] | None" = None) -> dict[str, frozenset[str]]:
    """Kind noun ("union", "police", "policemen") -> the organizations whose name is of that kind: the last
    word of the name (or an alias) that names any kind decides ("the Ostra Police Union" is a union). ``told``
    (:func:`told_kinds`: word -> entity ids) adds an organization whose name names no kind but the text does
    ("the Aerwyn union", "Aerwyn, the cabin crew union": issue 11)."""
    every = frozenset().union(*lex.kind_nouns.values())
    last: dict[str, set[str]] = {}
    orgs = {e.id for e in entities if e.type == "ORG"}
    for word, eids in (told or {}).items():
        if word in every:
            last.setdefault(word, set()).update(eids & orgs)
    for e in entities:
        # an organization, or a body the tagger took for a person ("Garda Headquarters" typed PERSON): a name that
        # says what kind of body it is tells it is one; never a place ("the Russian Federation", "Union Station")
        if e.type not in ("ORG", "PERSON"):
            continue
        for name in (e.name, *e.aliases):
            words = [w for w in re.split(r"[^\w]+", name.lower()) if w in every]
            if words:
                last.setdefault(words[-1], set()).add(e.id)
    return {noun: frozenset(eid for w in ws for eid in last.get(w, ())) for noun, ws in lex.kind_nouns.items()}


def implied_body(kind: str, ctx: "Context") -> str | None:
    """The one body of ``kind`` the article names (a sense's ``implied_source``: "three men were arrested"
    in a story naming one police force is that force's arrest); none or several: None."""
    rows = ctx.kind_bodies.get(kind, frozenset())
    return next(iter(rows)) if len(rows) == 1 else None


def implied_bodies(kind: str, ctx: "Context") -> list[str]:
    """The bodies of ``kind`` the article names, for a sense's ``implied_source``: the one body ("three men
    were arrested" in a story naming one police force); for a collective kind (plover_roles.json
    ``collective_kinds``: "police") every one it names, in the order the article first names them ("a suspect
    was arrested" in a story naming a district's police and the national police is their arrest; issue 11);
    none, or several of another kind: []."""
    rows = ctx.kind_bodies.get(kind, frozenset())
    if len(rows) == 1 or (rows and kind in ctx.lex.collective_nouns):
        return sorted(rows, key=_entity_order)
    return []


def every_of_kind(tok: "Token", ctx: "Context") -> list[str]:
    """"the police" in a story naming several police bodies, "the unions" in one naming several unions: all of
    them (a collective kind noun or member, plover_roles.json ``collective_kinds``, or a plural kind noun); the
    one body is :func:`of_kind`'s, and a singular "the union" among several stays unresolved (issue 11)."""
    if tok.dep_ == "compound" or [c.lower_ for c in _children(tok)
                                  if c.dep_ not in ("punct", "acl", "relcl", "cc", "conj")] != ["the"]:
        return []
    word = tok.lemma_.lower() if tok.lemma_.lower() in ctx.kind_bodies else tok.lower_
    rows = ctx.kind_bodies.get(word, frozenset())
    if len(rows) < 2 or not (tok.lower_ in ctx.lex.collective_nouns or word in ctx.lex.collective_nouns
                             or tok.tag_ in ("NNS", "NNPS")):
        return []
    return sorted(rows, key=_entity_order)


def _entity_order(eid: str) -> tuple[int, str]:
    """Entity ids ``e1, e2, ... e10`` in the order the entities stage numbered them (first mention)."""
    return (int(eid[1:]), eid) if eid[1:].isdecimal() else (1 << 30, eid)


def told_kinds(doc: "Doc", index: "EntityIndex", lex: Lexicon, described: dict[str, set[str]]) -> dict[str, set[str]]:
    """Kind word -> the named bodies the text calls so, though their names do not: a name that modifies a kind
    noun ("the Aerwyn union", "Aerwyn trade union officials") and an apposition (``described``: "Aerwyn, the
    cabin crew union"). One pass over the tokens; a Token is built only for a kind word."""
    every = frozenset().union(*lex.kind_nouns.values())
    out: dict[str, set[str]] = {w: set(ids) for w, ids in described.items() if w in every}
    every_tok = tokens(doc)
    lemmas = attr_lists(doc)[2]
    strings = doc.vocab.strings
    for k, lemma in enumerate(lemmas):
        word = strings[lemma].lower()
        if word not in every:
            continue
        tok = every_tok[k]
        if index.at(tok.idx, tok.idx + len(tok.text)) is not None:
            continue  # a word of a name itself ("the Velmar Union")
        for c in _children(tok):
            if c.dep_ == "compound" and (eid := index.at(c.idx, c.idx + len(c.text))) is not None:
                out.setdefault(word, set()).add(eid)
    # a name with a body head of its own ("the Velmar Airways union" is the airline's union, not the airline) is
    # the body it says; only a bare name ("Aerwyn") takes the kind the text gives it
    heads = entity_lexicon().org_keywords
    for word, eids in out.items():
        out[word] = {eid for eid in eids if (e := index.get(eid)) is not None
                     and not any(w in heads for w in re.split(r"[^\w]+", e.name.lower()))}
    return out
