"""What an article can change in the stored claims and groups: the keys an incremental refresh follows.

:func:`~newsledger.ledger.track_groups.event_clusters_keyed` and
:func:`~newsledger.ledger.track_groups.cluster_statements` are greedy, but an event (a statement) only ever
meets the clusters found through its index keys; so the events joined, directly or through others, by those
keys are computed alike whether the rest of the store is there or not. :func:`doc_keys` lists an article's keys
as rows ``(item, key, dir)`` for an indexed table:

* events (item ``e:<id>``): what the event is filed under (``r``) and what it looks up (``l``), exactly the
  two indexes of ``event_clusters_keyed`` (``P``/``D`` wide, ``T``/``F``/``FD`` narrow), and ``X`` (``b``,
  both ways) for the acts of one type in one article, which meet there;
* statements (item ``s:<id>``): ``S`` (speaker and word or act) and ``H`` (horizon), both ways;
* the article itself (item ``""``, ``n``: never followed): ``L`` each ledger entity it names (the articles a
  claim about that entity is decided by), ``P`` its publication date (the dates claims' deadlines are passed by).

A ``l`` key meets the same key ``r`` (and ``b`` meets ``b``). Pure functions: no database.
"""

from __future__ import annotations

from ..records import Record
from .track_base import MemberOf, ledger_id, tv
from .track_groups import CLAIM_KINDS, _exact_day, _participants, event_order, statement_items

__all__ = ["doc_keys", "meets"]


def meets(a: str, b: str) -> bool:
    """Whether a key held in direction ``a`` joins the same key held in direction ``b``."""
    return (a, b) in (("l", "r"), ("r", "l"), ("b", "b"))


def _event_keys(rec: Record, member_of: MemberOf) -> list[tuple[str, str, str]]:
    out = []
    for v in event_order(rec):
        item = "e:" + v.id
        parts = _participants(rec, v, member_of)
        target = frozenset(x for x in (ledger_id(member_of, rec.id, e) for e in v.target) if x)
        day = tv(v.date) if _exact_day(tv(v.date)) else None
        t = v.type
        reg = {f"P|{t}|{p}" for p in parts} | ({f"D|{t}|{day}"} if day else set())
        if target:
            reg |= {f"T|{t}|{x}" for x in target}
            look = {f"T|{t}|{x}" for x in target} | {f"F|{t}|{p}" for p in parts} | ({f"FD|{t}|{day}"} if day else set())
        else:
            reg |= {f"F|{t}|{p}" for p in parts} | ({f"FD|{t}|{day}"} if day else set())
            look = {f"P|{t}|{p}" for p in parts} | ({f"D|{t}|{day}"} if day else set())
        out += [(item, k, "r") for k in sorted(reg)] + [(item, k, "l") for k in sorted(look)]
        out.append((item, f"X|{t}|{rec.id}", "b"))
    return out


def _statement_keys(rec: Record, member_of: MemberOf) -> list[tuple[str, str, str]]:
    out = []
    for it in statement_items([rec], member_of):
        keys = ({f"S|{it.speaker}|{t}" for t in {*it.tokens, *("#" + c for c in it.concepts)}} if it.speaker
                else set()) | ({"H|" + tv(it.st.horizon)} if tv(it.st.horizon) and it.st.kind in CLAIM_KINDS else set())
        out += [("s:" + it.st.id, k, "b") for k in sorted(keys)]
        out.append(("s:" + it.st.id, f"Y|{rec.id}", "n"))  # every statement has a row, keys or none
    return out


def doc_keys(rec: Record, member_of: MemberOf) -> list[tuple[str, str, str]]:
    """The rows ``(item, key, dir)`` of one article (see the module docstring)."""
    lids = sorted({x for x in (ledger_id(member_of, rec.id, e.id) for e in rec.entities) if x})
    rows = [("", "L|" + lid, "n") for lid in lids] + [("", "P|" + (rec.published or ""), "n")]
    return rows + _event_keys(rec, member_of) + _statement_keys(rec, member_of)
