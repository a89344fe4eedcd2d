"""The cross-article ledger on every store: :class:`LedgerRowsMixin`.

Written once in portable SQL through the store's primitives (``_rows``, ``_exec``, ``_transaction``,
``?`` placeholders), so the SQLite :class:`~newsledger.ledger.store.Ledger` and the PostgreSQL backend
share it. It gives every :class:`~newsledger.ledger.base.Store`:

* linking hooks the backend calls inside the transaction that stores or deletes an article
  (:meth:`_ledger_link`, :meth:`_ledger_unlink`);
* the decisions by hand and the rebuild: :meth:`relink`, :meth:`merge_entities`, :meth:`split_entity`;
* reading: :meth:`ledger_json` (the SPEC's ledger JSON), :meth:`entity` (one entity's profile),
  :meth:`entities` (search by any name, folded), :meth:`claims`, :meth:`timeline`, and statements
  by speaker name (:meth:`speaker_statements`).

Timelines, claims and duplicate groups are computed by the pure functions of :mod:`newsledger.ledger.track`
from the records and the entity mapping, and stored (migration 0004: ``ledger_timelines``, ``ledger_claims``,
``ledger_groups``). Storing, replacing or deleting an article marks what it touches as stale
(``ledger_stale``: its ledger entities' timelines, the claims, the groups) inside its own transaction, which
costs the same whatever the size of the store; :meth:`refresh_ledger` (:mod:`.refresh`) computes the stale parts
again (only the touched entities' timelines, each from its member articles, and only the claims and groups the
articles can change) and is run at the end of an ingest, by :meth:`relink` (everything) and by a read on a writable
store. A read finds the stored rows where they are fresh and
computes the rest as before (a read-only reader stores nothing), so what it returns is the same either way.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable

from ..errors import LedgerLookupError, StoreError
from . import link as lk
from . import names as nm
from .profile import profile_parts
from .refresh import RefreshMixin

if TYPE_CHECKING:
    from ..records import Record

__all__ = ["LedgerRowsMixin", "OUTCOMES"]

log = logging.getLogger("newsledger")

OUTCOMES = ("fulfilled", "failed", "partly", "pending")
_LID = re.compile(r"^L\d+$")


def _track():
    """The track module (status timelines, claims, groups), or None where it is not installed yet."""
    try:
        from . import track  # type: ignore[attr-defined]
    except ImportError:
        return None
    return track


@lru_cache(maxsize=1)
def track_version() -> str:
    """A digest of what computes timelines, claims and groups: newsledger's version, the tracking modules and
    their lexicons. Stored rows computed under another digest are computed again."""
    from importlib import resources

    from .. import __version__

    h = hashlib.sha256(__version__.encode())
    here = resources.files("newsledger.ledger")
    lexicons = resources.files("newsledger") / "data" / "lexicons"
    files = sorted((f for f in here.iterdir() if f.name.startswith("track") and f.name.endswith(".py")),
                   key=lambda f: f.name) + [lexicons / "statuses.json", lexicons / "claims.json"]
    for f in files:
        try:
            h.update(f.name.encode() + f.read_bytes())
        except OSError:
            h.update(f.name.encode())
    return h.hexdigest()[:16]


def _in(n: int) -> str:
    return ", ".join("?" * n)


class LedgerRowsMixin(RefreshMixin):
    """Cross-article ledger methods shared by every store backend (see the module docstring)."""

    # the backend provides these (base.Store)
    def _rows(self, sql: str, params: Any = ()) -> list[tuple]: ...  # pragma: no cover
    def _exec(self, sql: str, params: Any = ()) -> int: ...  # pragma: no cover
    def _transaction(self, what: str): ...  # pragma: no cover

    # ------------------------------------------------------------------ hooks (inside the caller's transaction)
    def _ledger_link(self, record: "Record", reads: "lk.LinkReads | None" = None,
                     answers: list[list[tuple]] | None = None) -> None:
        """Link a just-stored record; a failure leaves the article stored but unlinked (with a warning). ``reads``
        and ``answers``: linking's reads, where the backend sent them already (:func:`link.link_record`)."""
        self._exec("SAVEPOINT ledger_link")
        try:
            placed = lk.link_record(self, record, reads, answers)  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001 - one article's linking never loses the article
            self._exec("ROLLBACK TO SAVEPOINT ledger_link")
            self._exec("RELEASE SAVEPOINT ledger_link")
            log.warning("the article %r is stored but could not be linked to the ledger (%s: %s); run "
                        "`newsledger relink` after fixing the cause", record.id, type(exc).__name__, exc)
            self._touch((), record.id)
            return
        self._exec("RELEASE SAVEPOINT ledger_link")
        # the article's ledger entities: where it was just linked, those it was placed in (no read); of those, the
        # timelines of only the ones it reports a status of
        if placed:  # what linking just wrote to ledger_members: no read
            self._touch(self._with_status(record, [p.lid for p in placed],
                                          {(record.id, p.entity): p.lid for p in placed}), record.id)
        elif not record.entities:  # no entities, no members: no read
            self._touch((), record.id)
        else:
            self._touch(self._with_status(record, [r[0] for r in self._rows(
                "SELECT DISTINCT lid FROM ledger_members WHERE doc_id = ?", (record.id,))]), record.id)

    def _with_status(self, record: "Record", lids: list[str],
                     mapping: dict[tuple[str, str], str] | None = None) -> list[str]:
        """Of a just-linked article's ledger entities, those whose timeline it can change: an entity's timeline is
        built from the status reports about it alone (``track.timelines``), and an article's reports are about its
        own entities, so one it reports no status of keeps its timeline (issue 13). Linking places only the new
        article's entities; taking an article out (``_ledger_unlink``) still marks every entity it named."""
        track = _track()
        if track is None or not lids:
            return lids
        if mapping is None:  # the article's (doc, entity) -> ledger id, as stored
            mapping = self._mapping_for([record.id])
        reported = {r.entity for r in track.status_reports([record], mapping)}
        return [lid for lid in lids if lid in reported]

    def _ledger_unlink(self, doc_ids: Iterable[str]) -> None:
        """Take articles about to be deleted or replaced out of the ledger."""
        docs = list(doc_ids)
        lids: set[str] = set()
        for d in docs:
            lids |= {r[0] for r in self._rows("SELECT DISTINCT lid FROM ledger_members WHERE doc_id = ?", (d,))}
        lk.unlink_docs(self, docs)  # type: ignore[arg-type]
        for d in docs:
            self._touch(lids, d)

    # ------------------------------------------------------------------ stored timelines, claims, groups
    def _tracks_stored(self) -> bool:
        """Whether this database has the tables of migration 0004 (a read-only reader of an older file has not).
        Asked once for every article stored: a yes is kept (a schema is never migrated down)."""
        if getattr(self, "_has_tracks", False):
            return True
        self._has_tracks = int(getattr(self, "schema_version", 0)) >= 4
        return self._has_tracks

    def _touch(self, lids: Iterable[str], doc: str = "") -> None:
        """Mark these ledger entities' timelines as stale, and the claims and groups through a row of the article
        ``doc`` (its own row: writers storing different articles at once do not wait on one shared row), inside
        the caller's transaction: a few rows whatever the size of the store."""
        if not self._tracks_stored():
            return
        self._exec_many("INSERT INTO ledger_stale (what, key) VALUES (?, ?) ON CONFLICT DO NOTHING",  # type: ignore[attr-defined]
                        [*(("timeline", lid) for lid in sorted(set(lids))), ("doc", doc)])

    def _stale(self, what: str, key: str = "") -> bool:
        """Whether the stored ``what`` (``timeline`` of ``key``, or ``claims`` and groups) no longer matches:
        a timeline is stale when its entity is marked, the claims and groups when any article is."""
        if not self._same_rules():
            return True
        if what == "timeline":
            return bool(self._rows("SELECT 1 FROM ledger_stale WHERE what = 'all' OR (what = 'timeline' AND key = ?) "
                                   "LIMIT 1", (key,)))
        return bool(self._rows("SELECT 1 FROM ledger_stale WHERE what IN ('all', 'doc') LIMIT 1"))

    def _same_rules(self) -> bool:
        """Whether the stored rows were computed by this newsledger's tracking code and lexicons."""
        if not self._tracks_stored():
            return False
        return self._rows("SELECT version FROM ledger_track_version WHERE id = 1") == [(track_version(),)]

    def _all_fresh(self) -> bool:
        return self._same_rules() and not self._rows("SELECT 1 FROM ledger_stale LIMIT 1")

    def _try_refresh(self) -> None:
        """Refresh before a read on a writable store; where the database cannot be written now (another writer
        holds it), the read computes what is stale instead, as a read-only reader does."""
        try:
            self.refresh_ledger()
        except StoreError as exc:
            log.info("the ledger's stored timelines, claims and groups were not refreshed (%s); computing them", exc)

    def _writable(self) -> bool:
        return not getattr(self, "readonly", False)

    def _stored_timeline(self, lid: str, docs: list[str]) -> list[dict]:
        """One entity's timeline: the stored one where it is fresh, else computed from its member articles."""
        if not self._stale("timeline", lid):
            rows = self._rows("SELECT entries FROM ledger_timelines WHERE lid = ?", (lid,))
            return json.loads(rows[0][0]) if rows else []
        return self._timelines(docs).get(lid, [])

    # ------------------------------------------------------------------ writing by hand
    def relink(self) -> int:
        """Link every stored article from scratch, honouring merges and splits made by hand, and compute the
        timelines, claims and groups again; the number of ledger entities."""
        n = lk.relink(self)  # type: ignore[arg-type]
        self._mark_all()
        self.refresh_ledger()
        return n

    def _mark_all(self) -> None:
        if self._tracks_stored():
            with self._transaction("marking the ledger's timelines, claims and groups stale"):
                self._exec("INSERT INTO ledger_stale (what, key) VALUES ('all', '') ON CONFLICT DO NOTHING")

    def merge_entities(self, a: str, b: str) -> str:
        """Merge the entity ``b`` into ``a`` (ids or names); a decision kept across relinks. The id kept."""
        la, lb = self.resolve(a), self.resolve(b)
        kept = lk.merge(self, la, lb)  # type: ignore[arg-type]
        self._touch_now([la, lb])
        return kept

    def split_entity(self, lid: str, doc: str, entity: str) -> str:
        """Take ``doc``'s entity ``entity`` out of ledger entity ``lid``; a decision kept across relinks.
        The id of the entity it now forms."""
        old = self.resolve(lid)
        new = lk.split(self, old, doc, entity)  # type: ignore[arg-type]
        self._touch_now([old, new])
        return new

    def _touch_now(self, lids: list[str]) -> None:
        if self._tracks_stored():
            with self._transaction("marking the ledger's timelines, claims and groups stale"):
                self._touch(lids)

    def decisions(self) -> list[dict[str, Any]]:
        """The merges and splits made by hand, oldest first."""
        rows = self._rows("SELECT kind, a_doc, a_entity, b_doc, b_entity, made_at, note FROM ledger_decisions "
                          "ORDER BY pk")
        return [dict(zip(("kind", "a_doc", "a_entity", "b_doc", "b_entity", "made_at", "note"), r)) for r in rows]

    # ------------------------------------------------------------------ lookups
    def resolve(self, name_or_id: str) -> str:
        """The ledger id of ``name_or_id`` ("L7", or a name or alias however spelled); LedgerLookupError
        when there is none, several, or the words name only a role."""
        q = (name_or_id or "").strip()
        if not q:
            raise LedgerLookupError("empty entity name; give a name (\"Alena Zhukovskaya\") or a ledger id (\"L7\")")
        if _LID.match(q):
            if self._rows("SELECT 1 FROM ledger_entities WHERE id = ?", (q,)):
                return q
            raise LedgerLookupError(f"no ledger entity {q}; list them with `newsledger ledger --format pretty`")
        hits = self.entities(q, exact_first=True)
        exact = [h for h in hits if h["match"] == "name"]
        pool = exact or hits
        if len(pool) == 1:
            return pool[0]["id"]
        if pool:
            # one clear winner: many more articles than the next (a full name against stray partial names)
            pool = sorted(pool, key=lambda h: -h["articles"])
            if pool[0]["articles"] >= 2 * max(1, pool[1]["articles"]) and exact:
                return pool[0]["id"]
            listing = "; ".join(f"{h['id']} {h['name']} ({h['type']}, {h['articles']} article(s))" for h in pool[:8])
            raise LedgerLookupError(f"{q!r} names {len(pool)} ledger entities: {listing}; give one of the ids")
        if nm.parse_person(q).only == "title":
            holders = self._title_holders(q)
            listing = ("; people the ledger gives that title: " + "; ".join(f"{lid} {name}" for lid, name in holders[:8])
                       + "; give one of the ids") if holders else (
                "; give a name or an id (find them with `newsledger ledger --format pretty`)")
            raise LedgerLookupError(f"{q!r} is a role, not a name: the ledger files people under their names{listing}")
        raise LedgerLookupError(f"no ledger entity is named {q!r}; try part of the name, another spelling, or "
                                "`newsledger ledger --format pretty` for the list")

    def _title_holders(self, words: str) -> list[tuple[str, str]]:
        """(id, name) of the people one of whose titles is the role ``words`` names ("the lawyer": lawyer)."""
        from ..extract.entities.lex import lexicon

        titles = lexicon().titles
        wanted = [w for w in nm.fold(words).split() if w in titles]
        if not wanted:
            return []
        rows = self._rows("SELECT id, name, profile FROM ledger_entities WHERE kind = 'person' AND profile LIKE ? "
                          "ORDER BY n", ("%" + wanted[-1] + "%",))
        out = []
        for lid, name, profile in rows:
            if any(wanted[-1] in t.split() for t in json.loads(profile).get("titles", [])):
                out.append((lid, name))
        return out

    def entities(self, query: str, limit: int = 20, *, exact_first: bool = False) -> list[dict[str, Any]]:
        """Ledger entities one of whose names or aliases matches ``query`` (folded: case, accents and
        transliteration ignored), best first: exact names, then names containing it, then surnames
        that sound alike. Each: id, type, name, articles, match ("name", "part", "sound").
        ``exact_first``: where some name matches exactly, only those (what :meth:`resolve` needs; it
        spares the scan of every name for the partial matches on a large ledger)."""
        q = nm.fold(query)
        if not q:
            return []
        found: dict[str, str] = {}
        for (lid,) in self._rows("SELECT lid FROM ledger_names WHERE folded = ? ORDER BY lid", (q,)):
            found.setdefault(lid, "name")
        if found and exact_first:
            limit = len(found)
        if len(found) < limit:
            pat = "%" + q.replace("%", "").replace("_", "") + "%"
            for (lid,) in self._rows("SELECT DISTINCT lid FROM ledger_names WHERE folded LIKE ? ORDER BY lid LIMIT ?",
                                     (pat, limit * 3)):
                found.setdefault(lid, "part")
        if len(found) < limit:
            p = nm.parse_person(query)
            ks = sorted({"s:" + nm.skeleton(s) for s in p.surnames if nm.skeleton(s)})
            for k in ks:
                for (lid,) in self._rows("SELECT lid FROM ledger_keys WHERE key = ? ORDER BY lid LIMIT ?", (k, limit)):
                    prof_rows = self._rows("SELECT profile FROM ledger_entities WHERE id = ?", (lid,))
                    prof = json.loads(prof_rows[0][0]) if prof_rows else {}
                    if any(nm.surname_match(s, t) != "differ" for s in p.surnames for t in prof.get("surnames", [])):
                        found.setdefault(lid, "sound")
        if not found:
            return []
        lids = list(found)
        info = {r[0]: r[1:] for r in self._rows(
            f"SELECT e.id, e.type, e.name, (SELECT COUNT(DISTINCT m.doc_id) FROM ledger_members m WHERE m.lid = e.id) "
            f"FROM ledger_entities e WHERE e.id IN ({_in(len(lids))})", lids)}
        rank = {"name": 0, "part": 1, "sound": 2}
        out = [{"id": lid, "type": info[lid][0], "name": info[lid][1], "articles": int(info[lid][2]), "match": how}
               for lid, how in found.items() if lid in info]
        out.sort(key=lambda h: (rank[h["match"]], -h["articles"], int(h["id"][1:])))
        return out[:limit]

    # ------------------------------------------------------------------ reading
    def _member_rows(self, lid: str) -> list[tuple[str, str, float | None, str]]:
        return self._rows("SELECT doc_id, entity_id, score, why FROM ledger_members WHERE lid = ? "
                          "ORDER BY doc_id, entity_id", (lid,))

    def _mapping_for(self, doc_ids: list[str]) -> dict[tuple[str, str], str]:
        out: dict[tuple[str, str], str] = {}
        for i in range(0, len(doc_ids), 500):
            chunk = doc_ids[i:i + 500]
            for d, e, lid in self._rows(f"SELECT doc_id, entity_id, lid FROM ledger_members "
                                        f"WHERE doc_id IN ({_in(len(chunk))})", chunk):
                out[(d, e)] = lid
        return out

    def _as_of(self) -> str | None:
        r = self._rows("SELECT MAX(published) FROM documents")
        return str(r[0][0])[:10] if r and r[0][0] else None

    def timeline(self, name_or_id: str) -> list[dict[str, Any]]:
        """The status timeline of one entity (SPEC ledger JSON entries): the stored one, or computed from its
        member articles only where an article stored since touched it."""
        lid = self.resolve(name_or_id)
        if not self._stale("timeline", lid):
            return self._stored_timeline(lid, [])
        docs = sorted({r[0] for r in self._member_rows(lid)})
        return self._stored_timeline(lid, docs)

    def _timelines(self, docs: list[str]) -> dict[str, list[dict]]:
        track = _track()
        if track is None or not docs:
            return {}
        records = self.get_many(docs)  # type: ignore[attr-defined]
        tl = track.timelines(records, self._mapping_for(docs))
        return {lid: [x.to_json() for x in entries] for lid, entries in tl.items()}

    def claims(self, outcome: str | None = None, speaker: str | None = None) -> list[dict[str, Any]]:
        """Every prediction and commitment as a claim (SPEC ledger JSON), with its outcome as of the
        newest article; ``outcome`` and ``speaker`` (a name or id) filter."""
        if outcome is not None and outcome not in OUTCOMES:
            raise StoreError(f"unknown claim outcome {outcome!r}; use one of {', '.join(OUTCOMES)}")
        lid = self.resolve(speaker) if speaker else None
        track = _track()
        if track is None:
            return []
        if self._stale("claims") and self._writable():
            self._try_refresh()
        if not self._stale("claims"):
            sql = "SELECT claim FROM ledger_claims WHERE 1 = 1"
            params: list[Any] = []
            if outcome is not None:
                sql, params = sql + " AND outcome = ?", [*params, outcome]
            if lid is not None:
                sql, params = sql + " AND speaker = ?", [*params, lid]
            return [json.loads(r[0]) for r in self._rows(sql + " ORDER BY n", params)]
        records = list(self.iter_records())  # type: ignore[attr-defined]
        mapping = self._mapping_for([r.id for r in records])
        out = [c.to_json() for c in track.claims(records, mapping, self._as_of())]
        return [c for c in out if (outcome is None or c.get("outcome") == outcome)
                and (lid is None or c.get("speaker") == lid)]

    def ledger_json(self) -> dict[str, Any]:
        """The whole ledger as the SPEC's JSON: as_of, entities (members, why, timeline), claims, groups."""
        members: dict[str, list[tuple]] = {}
        for d, e, lid, why in self._rows("SELECT doc_id, entity_id, lid, why FROM ledger_members "
                                         "ORDER BY doc_id, entity_id"):
            members.setdefault(lid, []).append((d, e, why))
        track = _track()
        if track is not None and self._writable() and self._tracks_stored() and not self._all_fresh():
            self._try_refresh()
        fresh = self._all_fresh()
        records = list(self.iter_records()) if track is not None and not fresh else []  # type: ignore[attr-defined]
        mapping = {(d, e): lid for lid, ms in members.items() for d, e, _ in ms}
        timelines = {}
        claims: list[dict] = []
        groups: list[dict] = []
        as_of = self._as_of()
        if track is not None and fresh:
            timelines = {lid: json.loads(js) for lid, js in self._rows("SELECT lid, entries FROM ledger_timelines")}
            claims = [json.loads(r[0]) for r in self._rows("SELECT claim FROM ledger_claims ORDER BY n")]
            groups = [json.loads(r[0]) for r in self._rows("SELECT group_ FROM ledger_groups ORDER BY n")]
        elif track is not None and records:
            timelines = {lid: [x.to_json() for x in v] for lid, v in track.timelines(records, mapping).items()}
            claims = [c.to_json() for c in track.claims(records, mapping, as_of)]
            groups = [g.to_json() for g in track.groups(records, mapping)]
        entities = []
        for lid, etype, name, profile in self._rows("SELECT id, type, name, profile FROM ledger_entities ORDER BY n"):
            prof = json.loads(profile)
            ms = members.get(lid, [])
            why: list[str] = []
            for _, _, w in ms:
                for x in json.loads(w):
                    if x not in why:
                        why.append(x)
            aliases = [n for n in prof.get("names", {}) if n != name]
            entities.append({"id": lid, "type": etype, "name": name, "aliases": aliases,
                             "members": [{"doc": d, "entity": e} for d, e, _ in ms], "why": why,
                             "timeline": timelines.get(lid, [])})
        return {"as_of": as_of, "entities": entities, "claims": claims, "groups": groups}

    def entity(self, name_or_id: str) -> dict[str, Any]:
        """One entity's profile: its names by outlet, attributes, timeline, statements by and about it
        and the events it takes part in, each with its source article. Reads only its member articles."""
        lid = self.resolve(name_or_id)
        etype, name, profile = self._rows("SELECT type, name, profile FROM ledger_entities WHERE id = ?", (lid,))[0]
        ms = self._member_rows(lid)
        docs = sorted({r[0] for r in ms})
        why: list[str] = []
        for _, _, _, w in ms:
            for x in json.loads(w):
                if x not in why:
                    why.append(x)
        # from the indexed rows of its member articles, not their decoded records (issue 13)
        parts = profile_parts(self._rows, [(d, e) for d, e, _, _ in ms])
        timeline = self._stored_timeline(lid, docs) if _track() is not None and parts["found"] else []
        prof = json.loads(profile)
        return {"id": lid, "type": etype, "name": name, "aliases": [n for n in prof.get("names", {}) if n != name],
                "names_by_outlet": parts["names_by_outlet"], "attributes": parts["attributes"],
                "members": [{"doc": d, "entity": e} for d, e, _, _ in ms], "why": why, "timeline": timeline,
                "statements_by": parts["statements_by"], "statements_about": parts["statements_about"],
                "events": parts["events"]}

    def speaker_statements(self, query: str, limit: int = 20) -> list[tuple[str, str, str]]:
        """(doc, statement id, content) of statements whose speaker's name matches ``query``: the
        speakers of the ledger entities of that name (every spelling), else the speaker text as written."""
        lids = [h["id"] for h in self.entities(query, limit=10) if h["match"] in ("name", "part", "sound")]
        out: list[tuple[str, str, str]] = []
        if lids:
            out = list(self._rows(
                f"SELECT s.doc_id, s.id, s.content FROM statements s JOIN ledger_members m "
                f"ON m.doc_id = s.doc_id AND m.entity_id = s.speaker WHERE m.lid IN ({_in(len(lids))}) "
                f"ORDER BY s.doc_id, s.position LIMIT ?", (*lids, int(limit))))
        if not out:
            out = list(self._rows("SELECT doc_id, id, content FROM statements WHERE LOWER(speaker_text) LIKE ? "
                                  "ORDER BY doc_id, position LIMIT ?", ("%" + query.lower().strip() + "%", int(limit))))
        return out
