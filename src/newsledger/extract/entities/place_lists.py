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
    for m in sorted(ms, key=lambda x: x.t0):
        if group:
            gap = range(group[-1].t1, m.t0)
            if len(gap) and all(fw[k] in _JOINS or tx[k] in _JOINS for k in gap) \
                    and not any(doc[k].is_sent_start for k in range(group[-1].t1, m.t0 + 1)):
                group.append(m)
                continue
            if len(group) >= 2:
                out.append(group)
        group = [m]
    if len(group) >= 2:
        out.append(group)
    return out
