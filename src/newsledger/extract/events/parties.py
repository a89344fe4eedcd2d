"""The parties of the latest two-party act, remembered as the events are built, for "both sides", "the two
governments" or "the two were charged" to refer to next (split out of :mod:`.roles`, issue 13: one module
per concern, under 600 lines)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.clause import children as _children
from .syntax import SUBJ_DEPS, Context, pobjs

if TYPE_CHECKING:
    from spacy.tokens import Token


def _both_parties(subj: "Token", ctx: Context) -> list[str]:
    """"Both sides", "the two governments": the two parties of the latest two-party act, if any."""
    for tok in [subj, *(o for c in _children(subj) if c.dep_ == "prep" and c.lower_ in ("from", "of") for o in pobjs(c))]:
        if tok.lower_ in ("two", "both") and tok.pos_ in ("NUM", "DET", "PRON") and tok.dep_ in SUBJ_DEPS:
            # "the two were charged", "both were freed": the two parties of the latest act, people first
            return list(ctx.last_parties.get("PERSON") or ctx.last_parties.get("ANY", []))
        kind = ctx.lex.party_nouns.get(tok.lemma_.lower())
        if kind and any(c.lower_ in ("both", "two") for c in _children(tok)
                        if c.dep_ in ("det", "nummod", "predet", "amod")):
            if kind == "ANY":  # "both sides" of a dispute are groups, where the text has had two
                return list(ctx.last_parties.get("GROUP") or ctx.last_parties.get("ANY", []))
            return list(ctx.last_parties.get(kind, []))
    return []


def _party_mentions(tok: "Token", ctx: Context) -> list["Token"]:
    """Tokens of the latest mentions of "both sides" (see :func:`_both_parties`), for a target phrase."""
    ids = _both_parties(tok, ctx)
    return [ctx.doc[i] for i in (ctx.party_tokens.get(e) for e in ids) if i is not None]


def _remember_parties(parties: list[str], keep: bool, ctx: Context) -> None:
    """Two parties of an act, kept as those "both sides" (any), "both countries" (groups) or "the two
    leaders" (people) may refer to next."""
    if not keep or len(parties) != 2:
        return
    for r_id in parties:  # a token of a mention of each, to stand for it in a target phrase
        mention = next((m for m in ctx.index.get(r_id).mentions), None) if ctx.index.get(r_id) else None
        if mention is not None:
            span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and len(span):
                ctx.party_tokens[r_id] = span.root.i
    people = [ctx.types.get(p) == "PERSON" for p in parties]
    ctx.last_parties["ANY"] = parties
    if all(people):
        ctx.last_parties["PERSON"] = parties
    elif not any(people):
        ctx.last_parties["GROUP"] = parties
