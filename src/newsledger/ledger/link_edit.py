"""Changing the ledger's links after the fact: entities rebuilt from their members, documents unlinked,
and a person's merges and splits by hand (recorded in ``ledger_decisions``, see :mod:`.link`)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Iterable, TYPE_CHECKING

from ..errors import StoreError
from . import names as nm
from .link_features import add_to_profile, display_name, empty_profile, keys, main_type

if TYPE_CHECKING:
    from .base import Store


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _next_n(store: "Store") -> int:
    return int(store._rows("SELECT COALESCE(MAX(n), 0) FROM ledger_entities")[0][0]) + 1


# ---------------------------------------------------------------------------- rebuilding entities
def rebuild_entities(store: "Store", lids: Iterable[str]) -> None:
    """Recompute the profile, keys and names of these ledger entities from their members (deleting the ones
    left without members). Inside the caller's transaction."""
    for lid in sorted(set(lids)):
        rows = store._rows("SELECT features FROM ledger_members WHERE lid = ? ORDER BY doc_id, entity_id", (lid,))
        store._exec("DELETE FROM ledger_keys WHERE lid = ?", (lid,))
        store._exec("DELETE FROM ledger_names WHERE lid = ?", (lid,))
        if not rows:
            store._exec("DELETE FROM ledger_entities WHERE id = ?", (lid,))
            continue
        prof: dict | None = None
        ks: set[str] = set()
        names: set[str] = set()
        for (fj,) in rows:
            f = json.loads(fj)
            if prof is None:
                prof = empty_profile(f["kind"], f["type"])
            prof = add_to_profile(prof, f, f.get("co", []), f.get("aff_lids", []))
            ks |= keys(f)
            names |= {nm.fold(n) for n in f["names"] if nm.fold(n)}
        assert prof is not None
        store._exec("UPDATE ledger_entities SET type = ?, kind = ?, name = ?, profile = ? WHERE id = ?",
                    (main_type(prof), prof["kind"], display_name(prof), json.dumps(prof, ensure_ascii=False), lid))
        for k in sorted(ks):
            store._exec("INSERT INTO ledger_keys (key, lid) VALUES (?, ?) ON CONFLICT DO NOTHING", (k, lid))
        for n in sorted(names):
            store._exec("INSERT INTO ledger_names (folded, lid) VALUES (?, ?) ON CONFLICT DO NOTHING", (n, lid))


def unlink_docs(store: "Store", doc_ids: Iterable[str]) -> None:
    """Take these documents' entities out of the ledger (before the documents are deleted or replaced),
    rebuilding the ledger entities they belonged to. Inside the caller's transaction."""
    lids: set[str] = set()
    for d in doc_ids:
        lids |= {r[0] for r in store._rows("SELECT DISTINCT lid FROM ledger_members WHERE doc_id = ?", (d,))}
        store._exec("DELETE FROM ledger_members WHERE doc_id = ?", (d,))
    rebuild_entities(store, lids)


# ---------------------------------------------------------------------------- decisions by hand
def _members(store: "Store", lid: str) -> list[tuple[str, str]]:
    return [(d, e) for d, e in store._rows("SELECT doc_id, entity_id FROM ledger_members WHERE lid = ? "
                                            "ORDER BY doc_id, entity_id", (lid,))]


def merge(store: "Store", a: str, b: str) -> str:
    """Merge ledger entity ``b`` into ``a`` (ids); stored as a decision that survives every relink."""
    if a == b:
        raise StoreError(f"cannot merge {a} with itself; give two different ledger entities")
    with store._transaction(f"the merge of {b} into {a}"):
        ma, mb = _members(store, a), _members(store, b)
        for lid, ms in ((a, ma), (b, mb)):
            if not ms:
                raise StoreError(f"no ledger entity {lid}; list them with `newsledger ledger --format pretty`")
        (da, ea), (db_, eb) = ma[0], mb[0]
        for d1, e1 in ma:  # earlier splits between the two are overruled
            for d2, e2 in mb:
                store._exec("DELETE FROM ledger_decisions WHERE kind = 'split' AND ((a_doc = ? AND a_entity = ? AND "
                            "b_doc = ? AND b_entity = ?) OR (a_doc = ? AND a_entity = ? AND b_doc = ? AND b_entity = ?))",
                            (d1, e1, d2, e2, d2, e2, d1, e1))
        store._exec("INSERT INTO ledger_decisions (kind, a_doc, a_entity, b_doc, b_entity, made_at, note) "
                    "VALUES ('merge', ?, ?, ?, ?, ?, ?)", (da, ea, db_, eb, _now(), f"{b} merged into {a}"))
        store._exec("UPDATE ledger_members SET lid = ?, why = ? WHERE lid = ?",
                    (a, json.dumps(["merged by hand"]), b))
        rebuild_entities(store, [a, b])
    return a


def split(store: "Store", lid: str, doc: str, entity: str) -> str:
    """Take document entity ``(doc, entity)`` out of ledger entity ``lid`` into a new one; stored as a
    decision (it is not the same as any other member) that survives every relink. The new id."""
    with store._transaction(f"the split of {doc}/{entity} from {lid}"):
        ms = _members(store, lid)
        if not ms:
            raise StoreError(f"no ledger entity {lid}; list them with `newsledger ledger --format pretty`")
        if (doc, entity) not in ms:
            raise StoreError(f"{doc}/{entity} is not a member of {lid}; its members are "
                             + ", ".join(f"{d}/{e}" for d, e in ms[:10]))
        if len(ms) == 1:
            raise StoreError(f"{doc}/{entity} is the only member of {lid}; there is nothing to split it from")
        now = _now()
        for d, e in ms:
            if (d, e) == (doc, entity):
                continue
            store._exec("DELETE FROM ledger_decisions WHERE kind = 'merge' AND ((a_doc = ? AND a_entity = ? AND "
                        "b_doc = ? AND b_entity = ?) OR (a_doc = ? AND a_entity = ? AND b_doc = ? AND b_entity = ?))",
                        (doc, entity, d, e, d, e, doc, entity))
            store._exec("INSERT INTO ledger_decisions (kind, a_doc, a_entity, b_doc, b_entity, made_at, note) "
                        "VALUES ('split', ?, ?, ?, ?, ?, ?)", (doc, entity, d, e, now, f"split from {lid}"))
        n = _next_n(store)
        new = f"L{n}"
        fj = store._rows("SELECT features FROM ledger_members WHERE doc_id = ? AND entity_id = ?", (doc, entity))[0][0]
        f = json.loads(fj)
        store._exec("INSERT INTO ledger_entities (id, n, type, kind, name, profile) VALUES (?, ?, ?, ?, ?, '{}')",
                    (new, n, f["type"], f["kind"], f["name"]))
        store._exec("UPDATE ledger_members SET lid = ?, score = NULL, why = ? WHERE doc_id = ? AND entity_id = ?",
                    (new, json.dumps(["split by hand"]), doc, entity))
        rebuild_entities(store, [lid, new])
    return new


def member_map(rows: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str], str]:
    """{(doc, entity): lid} from (doc, entity, lid) rows."""
    return {(d, e): lid for d, e, lid in rows}


def counts(xs: Iterable[str]) -> Counter:
    return Counter(xs)
