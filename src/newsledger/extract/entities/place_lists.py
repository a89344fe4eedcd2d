"""Lists of names written one after another ("Worcestershire, Velm Durham, Tarn & Wear and Oswick"; "in
Limbamanan, Carran Sur"): the groups of name mentions that only commas and "and" separate, for the
``place-list`` typing vote (votes.coordinated_places, issue 11: places in a list with a known place were typed
as bodies or persons on real reports)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._doc import folded, texts
from .mentions import NameMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["name_lists"]

_JOINS = frozenset({",", "and", "(", ")"})


def name_lists(doc: "Doc", ms: list[NameMention]) -> list[list[NameMention]]:
    """Groups of two mentions or more, in text order, each separated from the next by commas, "and" or
    brackets only (at least one token between), inside one sentence."""
    fw, tx = folded(doc), texts(doc)
    out: list[list[NameMention]] = []
    group: list[NameMention] = []
    anded = False  # the last gap held "and": a list ends there ("in Orvel, and Teo Marsk, North Shore ...")
    for m in sorted(ms, key=lambda x: x.t0):
        if group:
            gap = range(group[-1].t1, m.t0)
            words = [fw[k] for k in gap]
            if len(gap) and all(fw[k] in _JOINS or tx[k] in _JOINS for k in gap) and not (anded and words == [","]) \
                    and not any(doc[k].is_sent_start for k in range(group[-1].t1, m.t0 + 1)):
                group.append(m)
                anded = "and" in words
                continue
            anded = False
            if len(group) >= 2:
                out.append(group)
        group = [m]
    if len(group) >= 2:
        out.append(group)
    return [g for g in out if len(g) > 2 or _pair_gap(doc, g[0], g[1])]


def _pair_gap(doc: "Doc", a: NameMention, b: NameMention) -> bool:
    """Two names make a list only when a lone comma ("Kelby City, Marrow Sur") or a lone "and" joins them:
    ", and" before the second joins two clauses ("in Velm, and Ivo Tamm, its envoy, said")."""
    gap = [folded(doc)[k] for k in range(a.t1, b.t0)]
    return gap in ([","], ["and"])
