"""Filtered, paginated reads over a :class:`~newsledger.ledger.base.Store`, for the REST API and web UI.

:class:`Queries` wraps any store and reads it through the portable :meth:`Store._rows` primitive
only (``?`` placeholders, which the PostgreSQL backend rewrites), so it works on every backend. Every
piece of SQL here is a constant string chosen from a fixed set of clauses; values that come from a
request only ever travel as parameters.

Lists are paginated by *keyset cursors*: each page is ordered newest first by a fixed key
(publication date, document id, position), and the cursor is the key of the last row, encoded as
an opaque URL-safe string. A cursor that does not decode raises :class:`CursorError`.

Filters (all optional, combined with AND):

- documents: ``outlet`` (exact), ``since`` / ``until`` (ISO dates, on the publication date);
- statements: ``speaker`` and ``about`` (part of a name, case-insensitive: the entity's name or an
  alias, or the speaker as written), ``kind``, ``outlet``, ``direct``, ``since`` / ``until`` (on
  the statement's date, else the article's), ``doc``, ``kinds`` (several kinds), ``ids``
  (``(doc, statement)`` pairs, for claims);
- events: ``type``, ``mode``, ``status``, ``actor`` (a source), ``target``, ``outlet``,
  ``since`` / ``until`` (on the event's date, else the article's), ``doc``.

The entity profile here is the document-level one: every document entity whose name or alias is the
name asked for (case-insensitive). The cross-article ledger (``store.entity``) replaces it where the
store has one.
"""

from __future__ import annotations

import base64
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

from ..errors import StoreError
from .base import Store

__all__ = ["Queries", "CursorError", "Page", "encode_cursor", "decode_cursor", "MAX_LIMIT"]

#: the largest page any list returns
MAX_LIMIT = 500


class CursorError(StoreError):
    """A pagination cursor that this server did not hand out (or that was cut short)."""


def encode_cursor(key: Sequence[Any]) -> str:
    raw = json.dumps(list(key), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str, types: Sequence[type]) -> list[Any]:
    """The key a cursor stands for (one value of each of ``types``); CursorError when it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        key = None
    if (not isinstance(key, list) or len(key) != len(types)
            or not all(type(k) is t for k, t in zip(key, types))):
        raise CursorError(f"the cursor {cursor[:40]!r} is not valid; pass back the next_cursor of the previous page "
                          "unchanged, or leave cursor out to start from the first page")
    return key


@dataclass(frozen=True)
class Page:
    """One page of a list: ``items`` (dicts) and the cursor of the next page (None on the last)."""

    items: list[dict]
    next_cursor: str | None

    def to_json(self) -> dict:
        return {"items": self.items, "next_cursor": self.next_cursor, "count": len(self.items)}


def _like(part: str) -> str:
    """A LIKE pattern matching ``part`` anywhere, its own % and _ taken literally (ESCAPE '\\')."""
    esc = part.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{esc}%"


def _jl(v: Any) -> list:
    if v is None:
        return []
    try:
        out = json.loads(v)
    except (TypeError, ValueError):
        return []
    return out if isinstance(out, list) else []


# Names of an entity as stored: its name and aliases (a JSON array) lower-cased. Used with LIKE.
_ENTITY_NAME_MATCH = ("(LOWER({e}.name) LIKE ? ESCAPE '\\' OR LOWER({e}.aliases) LIKE ? ESCAPE '\\')")

_DOC_COLS = "d.id, d.title, d.outlet, d.published, d.url, LENGTH(d.text)"
_DOC_KEY = "COALESCE(d.published, '')"

_STMT_SELECT = (
    "SELECT s.doc_id, s.id, s.position, COALESCE(d.published, ''), d.outlet, d.title, s.speaker, "
    "COALESCE(sp.name, s.speaker_text), s.speaker_text, s.cue, s.channel_text, s.direct, s.kind, s.content, "
    "s.date_value, s.date_text, s.horizon_value, s.horizon_text "
    "FROM statements s JOIN documents d ON d.id = s.doc_id "
    "LEFT JOIN entities sp ON sp.doc_id = s.doc_id AND sp.id = s.speaker")
_STMT_FIELDS = ("doc", "id", "position", "published", "outlet", "title", "speaker", "speaker_name", "speaker_text",
                "cue", "channel", "direct", "kind", "content", "date", "date_text", "horizon", "horizon_text")

_EVENT_SELECT = (
    "SELECT v.doc_id, v.id, v.position, COALESCE(d.published, ''), d.outlet, d.title, v.type, v.mode, v.cameo, "
    "v.status, v.trigger, v.date_value, v.date_text, loc.name, v.evidence "
    "FROM events v JOIN documents d ON d.id = v.doc_id "
    "LEFT JOIN entities loc ON loc.doc_id = v.doc_id AND loc.id = v.location")
_EVENT_FIELDS = ("doc", "id", "position", "published", "outlet", "title", "type", "mode", "cameo", "status",
                 "trigger", "date", "date_text", "location", "evidence")


class Queries:
    """Read-only queries over one open store (see the module docstring)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self.store._rows(sql, params)

    # ------------------------------------------------------------------ counts
    def counts(self) -> dict[str, int]:
        """Documents, entities, statements, events, failures (the store's stats)."""
        return self.store.stats()

    def outlets(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL "
                                         "ORDER BY outlet")]

    def titles(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """Each document's title (its id where it has none)."""
        out = {}
        for d in doc_ids:
            rows = self._rows("SELECT COALESCE(title, id) FROM documents WHERE id = ?", (d,))
            if rows:
                out[d] = rows[0][0]
        return out

    def doc_meta(self, doc_ids: Sequence[str]) -> dict[str, dict]:
        """Each document's title (its id where it has none), outlet and publication date."""
        out = {}
        for d in doc_ids:
            for r in self._rows("SELECT COALESCE(title, id), outlet, published FROM documents WHERE id = ?", (d,)):
                out[d] = {"title": r[0], "outlet": r[1], "published": r[2]}
        return out

    # ------------------------------------------------------------------ documents
    def documents(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                  limit: int = 50, cursor: str | None = None) -> Page:
        """Articles newest first (by publication date, then id)."""
        where, params = [], []
        if outlet is not None:
            where.append("d.outlet = ?")
            params.append(outlet)
        if since is not None:
            where.append("SUBSTR(COALESCE(d.published, ''), 1, 10) >= ?")
            params.append(since)
        if until is not None:
            where.append("d.published IS NOT NULL AND SUBSTR(d.published, 1, 10) <= ?")
            params.append(until)
        if cursor is not None:
            pub, doc = decode_cursor(cursor, (str, str))
            where.append(f"({_DOC_KEY} < ? OR ({_DOC_KEY} = ? AND d.id < ?))")
            params += [pub, pub, doc]
        sql = (f"SELECT {_DOC_COLS}, (SELECT COUNT(*) FROM statements s WHERE s.doc_id = d.id), "
               "(SELECT COUNT(*) FROM events v WHERE v.doc_id = d.id) FROM documents d"
               + (" WHERE " + " AND ".join(where) if where else "")
               + f" ORDER BY {_DOC_KEY} DESC, d.id DESC LIMIT ?")
        rows = self._rows(sql, [*params, limit + 1])
        items = [{"id": r[0], "title": r[1], "outlet": r[2], "published": r[3], "url": r[4], "chars": r[5],
                  "statements": r[6], "events": r[7]} for r in rows[:limit]]
        nxt = encode_cursor([items[-1]["published"] or "", items[-1]["id"]]) if len(rows) > limit else None
        return Page(items, nxt)

    # ------------------------------------------------------------------ statements
    def statements(self, *, speaker: str | None = None, about: str | None = None, kind: str | None = None,
                   kinds: Sequence[str] | None = None, outlet: str | None = None, direct: bool | None = None,
                   since: str | None = None, until: str | None = None, doc: str | None = None,
                   ids: Sequence[tuple[str, str]] | None = None, limit: int = 50,
                   cursor: str | None = None) -> Page:
        """Statements newest article first, in text order within an article."""
        where, params = [], []
        if speaker is not None:
            pat = _like(speaker)
            where.append("(" + _ENTITY_NAME_MATCH.format(e="sp") + " OR LOWER(COALESCE(s.speaker_text, '')) LIKE ? "
                         "ESCAPE '\\')")
            params += [pat, pat, pat]
        if about is not None:
            pat = _like(about)
            where.append("EXISTS (SELECT 1 FROM statement_about a JOIN entities ae ON ae.doc_id = a.doc_id AND "
                         "ae.id = a.entity_id WHERE a.doc_id = s.doc_id AND a.statement_id = s.id AND "
                         + _ENTITY_NAME_MATCH.format(e="ae") + ")")
            params += [pat, pat]
        if kind is not None:
            where.append("s.kind = ?")
            params.append(kind)
        if kinds is not None:
            kinds = list(kinds) or [""]
            where.append("s.kind IN (" + ", ".join("?" for _ in kinds) + ")")
            params += kinds
        if outlet is not None:
            where.append("d.outlet = ?")
            params.append(outlet)
        if direct is not None:
            where.append("s.direct = ?")
            params.append(1 if direct else 0)
        if doc is not None:
            where.append("s.doc_id = ?")
            params.append(doc)
        if ids is not None:
            pairs = list(ids)
            if not pairs:
                return Page([], None)
            where.append("(" + " OR ".join("(s.doc_id = ? AND s.id = ?)" for _ in pairs) + ")")
            params += [x for p in pairs for x in p]
        _dates(where, params, "s.date_value", since, until)
        return self._page(_STMT_SELECT, _STMT_FIELDS, "s", where, params, limit, cursor, self._stmt_about)

    def _stmt_about(self, items: list[dict]) -> None:
        """Add ``about`` (names of the entities each statement is about) to statement rows."""
        for it in items:
            rows = self._rows("SELECT e.id, e.name FROM statement_about a JOIN entities e ON e.doc_id = a.doc_id AND "
                              "e.id = a.entity_id WHERE a.doc_id = ? AND a.statement_id = ? ORDER BY a.position",
                              (it["doc"], it["id"]))
            it["about"] = [{"id": r[0], "name": r[1]} for r in rows]
            it["direct"] = bool(it["direct"])

    # ------------------------------------------------------------------ events
    def events(self, *, type: str | None = None, mode: str | None = None, status: str | None = None,
               actor: str | None = None, target: str | None = None, outlet: str | None = None,
               since: str | None = None, until: str | None = None, doc: str | None = None,
               ids: Sequence[tuple[str, str]] | None = None, limit: int = 50, cursor: str | None = None) -> Page:
        """Events newest article first, in text order within an article."""
        where, params = self._event_where(type=type, mode=mode, status=status, actor=actor, target=target,
                                          outlet=outlet, since=since, until=until, doc=doc, ids=ids)
        return self._page(_EVENT_SELECT, _EVENT_FIELDS, "v", where, params, limit, cursor, self._event_people)

    def _event_where(self, *, type=None, mode=None, status=None, actor=None, target=None, outlet=None,
                     since=None, until=None, doc=None, ids=None) -> tuple[list[str], list]:
        where: list[str] = []
        params: list = []
        if ids is not None:
            pairs = list(ids)
            where.append("(" + (" OR ".join("(v.doc_id = ? AND v.id = ?)" for _ in pairs) or "1 = 0") + ")")
            params += [x for p in pairs for x in p]
        for col, val in (("v.type", type), ("v.mode", mode), ("v.status", status), ("d.outlet", outlet),
                         ("v.doc_id", doc)):
            if val is not None:
                where.append(f"{col} = ?")
                params.append(val)
        for role, who in (("source", actor), ("target", target)):
            if who is not None:
                pat = _like(who)
                where.append("EXISTS (SELECT 1 FROM event_participants p JOIN entities pe ON pe.doc_id = p.doc_id "
                             "AND pe.id = p.entity_id WHERE p.doc_id = v.doc_id AND p.event_id = v.id AND "
                             "p.role = ? AND " + _ENTITY_NAME_MATCH.format(e="pe") + ")")
                params += [role, pat, pat]
        _dates(where, params, "v.date_value", since, until)
        return where, params

    def _event_people(self, items: list[dict]) -> None:
        for it in items:
            rows = self._rows("SELECT p.role, e.id, e.name FROM event_participants p JOIN entities e ON "
                              "e.doc_id = p.doc_id AND e.id = p.entity_id WHERE p.doc_id = ? AND p.event_id = ? "
                              "ORDER BY p.role, p.position", (it["doc"], it["id"]))
            it["source"] = [{"id": r[1], "name": r[2]} for r in rows if r[0] == "source"]
            it["target"] = [{"id": r[1], "name": r[2]} for r in rows if r[0] == "target"]

    def event_histogram(self, **filters: Any) -> list[tuple[str, str, int]]:
        """``(month, type, count)`` of the filtered events, by the event's date (else the article's)."""
        where, params = self._event_where(**filters)
        sql = ("SELECT SUBSTR(COALESCE(v.date_value, d.published), 1, 7) AS m, v.type, COUNT(*) "
               "FROM events v JOIN documents d ON d.id = v.doc_id WHERE COALESCE(v.date_value, d.published) "
               "IS NOT NULL" + "".join(" AND " + w for w in where) + " GROUP BY m, v.type ORDER BY m, v.type")
        return [(r[0], r[1], int(r[2])) for r in self._rows(sql, params)
                if isinstance(r[0], str) and len(r[0]) == 7 and r[0][4] == "-"]

    # ------------------------------------------------------------------ shared paging
    def _page(self, select: str, fields: Sequence[str], alias: str, where: list[str], params: list, limit: int,
              cursor: str | None, enrich) -> Page:
        if cursor is not None:
            pub, doc, pos = decode_cursor(cursor, (str, str, int))
            where = [*where, f"({_DOC_KEY} < ? OR ({_DOC_KEY} = ? AND ({alias}.doc_id < ? OR ({alias}.doc_id = ? "
                             f"AND {alias}.position > ?))))"]
            params = [*params, pub, pub, doc, doc, int(pos)]
        sql = (select + (" WHERE " + " AND ".join(where) if where else "")
               + f" ORDER BY {_DOC_KEY} DESC, {alias}.doc_id DESC, {alias}.position ASC LIMIT ?")
        rows = self._rows(sql, [*params, limit + 1])
        items = [dict(zip(fields, r)) for r in rows[:limit]]
        enrich(items)
        nxt = None
        if len(rows) > limit:
            last = items[-1]
            nxt = encode_cursor([last["published"], last["doc"], last["position"]])
        return Page(items, nxt)

    def iterate(self, method: str, filters: dict[str, Any], page_size: int = 200) -> Iterator[dict]:
        """Every item of a filtered list, page after page (for exports)."""
        cursor = None
        while True:
            page = getattr(self, method)(**filters, limit=page_size, cursor=cursor)
            yield from page.items
            if page.next_cursor is None:
                return
            cursor = page.next_cursor

    # ------------------------------------------------------------------ entities (document level)
    def entity_names(self, q: str, limit: int = 50) -> list[dict]:
        """Distinct entity names matching part of a name or alias: name, type, how many articles."""
        pat = _like(q)
        rows = self._rows("SELECT e.name, e.type, COUNT(DISTINCT e.doc_id) AS n FROM entities e WHERE "
                          + _ENTITY_NAME_MATCH.format(e="e") + " GROUP BY e.name, e.type ORDER BY n DESC, e.name "
                          "LIMIT ?", (pat, pat, limit))
        return [{"name": r[0], "type": r[1], "documents": int(r[2])} for r in rows]

    def entity_profile(self, name: str) -> dict:
        """Every document entity named ``name`` (its name or an alias, case-insensitive), gathered:
        names by outlet, attributes, statements by and about, events. StoreError when none is."""
        low = name.strip().lower()
        rows = self._rows("SELECT e.doc_id, e.id, e.type, e.name, e.aliases, e.age, e.titles, e.affiliation, "
                          "e.citizenship, e.residence, e.origin, d.outlet, COALESCE(d.published, ''), d.title "
                          "FROM entities e JOIN documents d ON d.id = e.doc_id "
                          "WHERE LOWER(e.name) = ? OR LOWER(e.aliases) LIKE ? ESCAPE '\\' "
                          "ORDER BY COALESCE(d.published, ''), e.doc_id", (low, _like(json.dumps(name.strip(), ensure_ascii=False)[1:-1])))
        members = []
        for r in rows:
            aliases = _jl(r[4])
            if r[3].lower() != low and low not in (a.lower() for a in aliases):
                continue  # a LIKE hit inside a longer alias
            members.append(r)
        if not members:
            raise StoreError(f"no entity named {name!r} in the ledger; search names with /api/v1/entities?q=PART")
        by_outlet: dict[str, set[str]] = {}
        attrs: dict[str, set] = {k: set() for k in ("age", "titles", "affiliation", "citizenship", "residence",
                                                     "origin")}
        types: dict[str, int] = {}
        docs = []
        for r in members:
            outlet = r[11] or "(no outlet)"
            by_outlet.setdefault(outlet, set()).update([r[3], *_jl(r[4])])
            types[r[2]] = types.get(r[2], 0) + 1
            if r[5] is not None:
                attrs["age"].add(r[5])
            for k, col in zip(("titles", "affiliation", "citizenship", "residence", "origin"), r[6:11]):
                vals = _jl(col)
                if k == "affiliation":  # entity ids: the names of those entities
                    vals = [self._entity_name(r[0], v) for v in vals]
                attrs[k].update(v for v in vals if isinstance(v, str))
            docs.append({"doc": r[0], "entity": r[1], "title": r[13], "outlet": r[11], "published": r[12] or None})
        keys = [(m[0], m[1]) for m in members]
        said = self._rows_for(keys, "SELECT s.doc_id, s.id FROM statements s WHERE s.doc_id = ? AND s.speaker = ?")
        about = self._rows_for(keys, "SELECT a.doc_id, a.statement_id FROM statement_about a WHERE a.doc_id = ? AND "
                                     "a.entity_id = ?")
        acts = self._rows_for(keys, "SELECT DISTINCT p.doc_id, p.event_id FROM event_participants p WHERE "
                                    "p.doc_id = ? AND p.entity_id = ?")
        by = self.statements(ids=said, limit=MAX_LIMIT).items if said else []
        abt = self.statements(ids=about, limit=MAX_LIMIT).items if about else []
        wanted = set(acts)
        evs = [v for d in sorted({d for d, _ in acts}) for v in self.events(doc=d, limit=MAX_LIMIT).items
               if (v["doc"], v["id"]) in wanted]
        return {
            "name": Counter(m[3] for m in members).most_common(1)[0][0],
            "type": max(types, key=types.get),
            "names_by_outlet": {o: sorted(n) for o, n in sorted(by_outlet.items())},
            "attributes": {k: sorted(v, key=str) for k, v in attrs.items()},
            "members": docs,
            "timeline": [],
            "statements_by": by,
            "statements_about": abt,
            "events": evs,
        }

    def by_ids(self, method: str, pairs: Sequence[tuple[str, str]], chunk: int = 200) -> list[dict]:
        """The statements or events (``method``) of these ``(doc, id)`` pairs, in list order."""
        out: list[dict] = []
        pairs = list(dict.fromkeys((str(d), str(i)) for d, i in pairs))
        for k in range(0, len(pairs), chunk):
            out += getattr(self, method)(ids=pairs[k:k + chunk], limit=chunk).items
        out.sort(key=lambda x: (x["published"], x["doc"], -x["position"]), reverse=True)
        return out

    def enrich_profile(self, prof: dict) -> dict:
        """A cross-article profile (``store.entity``) in the shape of :meth:`entity_profile`: its
        statements and events as full list items, attribute values as plain lists, members with titles.
        The ledger's own fields (id, aliases, why, timeline) are kept."""
        out = dict(prof)
        out["statements_by"] = self.by_ids("statements", [(x["doc"], x["statement"]) for x in
                                                          prof.get("statements_by") or ()])
        out["statements_about"] = self.by_ids("statements", [(x["doc"], x["statement"]) for x in
                                                             prof.get("statements_about") or ()])
        out["events"] = self.by_ids("events", [(x["doc"], x["event"]) for x in prof.get("events") or ()])
        attrs = {}
        for k, vals in (prof.get("attributes") or {}).items():
            flat = [v.get("value") if isinstance(v, dict) else v for v in vals]
            attrs[k] = sorted({v for v in flat if v is not None}, key=str)
        out["attributes"] = attrs
        members = prof.get("members") or []
        titles = self.titles(sorted({m["doc"] for m in members}))
        meta = {r[0]: r[1:] for d in titles for r in self._rows(
            "SELECT id, outlet, published FROM documents WHERE id = ?", (d,))}
        out["members"] = sorted(({**m, "title": titles.get(m["doc"]), "outlet": meta.get(m["doc"], (None, None))[0],
                                  "published": meta.get(m["doc"], (None, None))[1]} for m in members),
                                key=lambda m: (m["published"] or "", m["doc"]))
        return out

    def _entity_name(self, doc: str, ref: str) -> str:
        rows = self._rows("SELECT name FROM entities WHERE doc_id = ? AND id = ?", (doc, ref))
        return rows[0][0] if rows else ref

    def _rows_for(self, keys: list[tuple[str, str]], sql: str) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for k in keys:
            out += [(r[0], r[1]) for r in self._rows(sql, k)]
        return out


def _dates(where: list[str], params: list, col: str, since: str | None, until: str | None) -> None:
    """Date-range clauses on ``col`` (else the article's publication date), compared on the first ten
    characters, so a month "2025-02" sorts before any day in it and a range by its start."""
    expr = f"SUBSTR(COALESCE({col}, d.published), 1, 10)"
    if since is not None:
        where.append(f"COALESCE({col}, d.published) IS NOT NULL AND {expr} >= ?")
        params.append(since)
    if until is not None:
        where.append(f"COALESCE({col}, d.published) IS NOT NULL AND {expr} <= ?")
        params.append(until)
