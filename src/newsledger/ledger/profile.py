"""One ledger entity's profile read from the indexed tables (issue 13: `entity` under 50 ms at 100,000 articles).

:func:`profile_parts` gathers what :meth:`~newsledger.ledger.rows.LedgerRowsMixin.entity` shows (names by
outlet, attributes, statements by and about the entity, the events it takes part in) from the rows the store
keeps for every article (``documents``, ``entities``, ``statements``, ``statement_about``, ``events``,
``event_participants``, each looked up by its ``doc_id`` index), instead of decoding the whole record of every
member article. The result is the same as walking the records: the tables hold each record's fields one to one
(:mod:`newsledger.ledger.tables`), and the rows are ordered by their ``position`` (the order in the record).
Portable SQL through the store's ``_rows`` primitive, so SQLite and PostgreSQL share it.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Sequence

__all__ = ["profile_parts", "ATTRIBUTES"]

ATTRIBUTES = ("age", "titles", "affiliation", "citizenship", "residence", "origin")
_LISTS = ATTRIBUTES[1:]

Rows = Callable[[str, Sequence[Any]], list[tuple]]


def _by_docs(rows: Rows, sql: str, docs: list[str], chunk: int = 500) -> list[tuple]:
    """``sql`` (with ``{in}`` for the placeholders) over ``docs`` in chunks."""
    out: list[tuple] = []
    for i in range(0, len(docs), chunk):
        part = docs[i:i + chunk]
        out += rows(sql.format(**{"in": ", ".join("?" * len(part))}), part)
    return out


def profile_parts(rows: Rows, members: list[tuple[str, str]]) -> dict[str, Any]:
    """The profile parts of the entity whose document entities are ``members`` ((doc, entity) pairs):
    ``found`` (whether any member article is stored), ``names_by_outlet``, ``attributes``, ``statements_by``,
    ``statements_about``, ``events`` — in the shapes and order of the SPEC's profile."""
    docs = sorted({d for d, _ in members})
    local: dict[str, set[str]] = {}
    for d, e in members:
        local.setdefault(d, set()).add(e)
    meta = {r[0]: (r[1], r[2]) for r in _by_docs(
        rows, "SELECT id, outlet, published FROM documents WHERE id IN ({in})", docs)}
    ents: dict[str, dict[str, tuple]] = {}
    for r in _by_docs(rows, "SELECT doc_id, id, name, aliases, age, titles, affiliation, citizenship, residence, "
                            "origin FROM entities WHERE doc_id IN ({in})", docs):
        ents.setdefault(r[0], {})[r[1]] = r[2:]
    stmts: dict[str, list[tuple]] = {}
    for r in _by_docs(rows, "SELECT doc_id, id, speaker, kind, content, date_value, speaker_text FROM statements "
                            "WHERE doc_id IN ({in}) ORDER BY doc_id, position", docs):
        stmts.setdefault(r[0], []).append(r[1:])
    about: dict[tuple[str, str], set[str]] = {}
    for d, s, e in _by_docs(rows, "SELECT doc_id, statement_id, entity_id FROM statement_about "
                                  "WHERE doc_id IN ({in})", docs):
        about.setdefault((d, s), set()).add(e)
    evs: dict[str, list[tuple]] = {}
    for r in _by_docs(rows, "SELECT doc_id, id, type, trigger, status, date_value, location FROM events "
                            "WHERE doc_id IN ({in}) ORDER BY doc_id, position", docs):
        evs.setdefault(r[0], []).append(r[1:])
    parts: dict[tuple[str, str, str], set[str]] = {}
    for d, v, role, e in _by_docs(rows, "SELECT doc_id, event_id, role, entity_id FROM event_participants "
                                        "WHERE doc_id IN ({in})", docs):
        parts.setdefault((d, v, role), set()).add(e)

    by_outlet: dict[str, list[str]] = {}
    attrs: dict[str, list[dict]] = {k: [] for k in ATTRIBUTES}
    said: list[dict] = []
    about_out: list[dict] = []
    events: list[dict] = []
    for d in docs:
        if d not in meta:
            continue
        outlet, published = meta[d]
        doc_ents = ents.get(d, {})
        mine = local.get(d, set())
        for e in sorted(mine):
            ent = doc_ents.get(e)
            if ent is None:
                continue
            name, aliases, age = ent[0], json.loads(ent[1]), ent[2]
            names = by_outlet.setdefault(outlet or "(no outlet)", [])
            for n in (name, *aliases):
                if n not in names:
                    names.append(n)
            if age is not None:
                attrs["age"].append({"value": int(age), "doc": d, "published": published})
            for k, col in zip(_LISTS, ent[3:]):
                for v in json.loads(col):
                    attrs[k].append({"value": doc_ents[v][0] if v in doc_ents else v, "doc": d})
        for sid, speaker, kind, content, date, speaker_text in stmts.get(d, ()):
            item = {"doc": d, "statement": sid, "kind": kind, "content": content, "date": date,
                    "published": published}
            if speaker in mine:
                said.append(item)
            elif mine & about.get((d, sid), set()):
                about_out.append({**item, "speaker": speaker_text})
        for vid, vtype, trigger, status, date, location in evs.get(d, ()):
            roles = [r for r in ("source", "target") if mine & parts.get((d, vid, r), set())]
            if roles or location in mine:
                events.append({"doc": d, "event": vid, "type": vtype, "trigger": trigger,
                               "role": roles[0] if roles else "location", "status": status, "date": date,
                               "published": published})
    return {"found": bool(meta), "names_by_outlet": by_outlet, "attributes": attrs, "statements_by": said,
            "statements_about": about_out, "events": events}
