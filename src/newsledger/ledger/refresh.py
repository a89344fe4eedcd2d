"""Refreshing the stored timelines, claims and groups: :class:`RefreshMixin` (part of every store, issue 13).

A full refresh computes everything from every record (``refresh_ledger(full=True)``, ``relink``, a change of the
tracking rules, a decision by hand). Otherwise only what the articles stored, replaced or deleted since can change:

* events: the articles' events and every event joined to them through the index keys the grouping uses (old
  keys and new; :mod:`.track_scope`), grouped again; their groups and which undated acts are old news replaced;
* statements: the same for the articles' statements, and for the claims that something else of theirs can decide:
  claims about (or by) a ledger entity they name or an act whose old news changed, and claims whose deadline falls
  between the dates a changed publication date moves (which article is the first after it; whether the newest
  date, as of which claims are decided, has passed it). Those statements' groups and claims are computed again
  from their own articles and the articles naming their entities, with the store's dates;
* stored rows carry their order (``sort_key``): a row keeps its number unless rows are added or taken before it,
  and then only the rows after the first change are numbered again (for articles newer than the rest, the new
  ones). The result is what a full refresh stores, row for row (``tests/test_refresh.py`` checks it on both
  backends).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterable

from .track_base import interval
from .track_scope import doc_keys, meets

__all__ = ["RefreshMixin"]


def _in(n: int) -> str:
    return ", ".join("?" * n)


def _chunks(xs: list, n: int = 400) -> Iterable[list]:
    for i in range(0, len(xs), n):
        yield xs[i:i + n]


def _claim_key(key: tuple[str, str, int]) -> str:
    return f"{key[0]}\x01{key[1]}\x01{key[2]:08d}"


def _group_key(key: tuple[int, str, str, int]) -> str:
    return f"{key[0]}\x01{key[1]}\x01{key[2]}\x01{key[3]:08d}"


class _StoreDates:
    """``first_after(day)`` and ``published(doc)`` over every stored article, read through the indexed column."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self._first: dict[dt.date, str | None] = {}

    def published(self, doc: str) -> str:
        rows = self.store._rows("SELECT published FROM documents WHERE id = ?", (doc,))
        p = rows[0][0] if rows else None
        return p if p and interval(p) else ""

    def first_after(self, day: dt.date) -> str | None:
        if day not in self._first:
            self._first[day] = self._find_after(day)
        return self._first[day]

    def _find_after(self, day: dt.date) -> str | None:
        lo, op = (day + dt.timedelta(days=1)).isoformat(), ">="
        while True:
            c = getattr(self.store, "_bytewise", "")
            rows = self.store._rows(f"SELECT published FROM documents WHERE published{c} {op} ? ORDER BY published{c} "
                                    "LIMIT 64", (lo,))
            first = next((interval(p)[0] for (p,) in rows if interval(p) and interval(p)[0] > day), None)
            if first is not None:
                break
            if len(rows) < 64:
                return None
            lo, op = rows[-1][0], ">"
        same = self.store._rows(f"SELECT id, published FROM documents WHERE published{c} >= ? AND published{c} < ?",
                                (first.isoformat(), (first + dt.timedelta(days=1)).isoformat()))
        return min((p, i) for i, p in same if interval(p) and interval(p)[0] == first)[1]


class RefreshMixin:
    """``refresh_ledger`` for every store backend (see the module docstring)."""

    def refresh_ledger(self, full: bool = False) -> dict[str, int]:
        """Compute again and store what is stale: the timelines of the ledger entities touched since the last
        refresh (each from its member articles only), and the claims and duplicate groups the articles stored,
        replaced or deleted since can change (``full``: every timeline, claim and group, from every record).
        Returns how many timelines, claims and groups were stored (zeros when nothing was stale)."""
        from .rows import _track, track_version

        done = {"timelines": 0, "claims": 0, "groups": 0}
        track = _track()
        if track is None or not self._tracks_stored():  # type: ignore[attr-defined]
            return done
        stale = self._rows("SELECT what, key FROM ledger_stale ORDER BY what, key")  # type: ignore[attr-defined]
        same = self._same_rules()  # type: ignore[attr-defined]
        if not stale and same and not full:
            return done
        whats = {w for w, _ in stale} | (set() if same and not full else {"all"})
        docs = sorted({k for w, k in stale if w == "doc"})
        scoped = int(getattr(self, "schema_version", 0)) >= 5
        everything = "all" in whats or "" in docs or not scoped or not self._rows(  # type: ignore[attr-defined]
            "SELECT 1 FROM ledger_track_state WHERE id = 1")
        with self._transaction("the refresh of the ledger's timelines, claims and groups"):  # type: ignore[attr-defined]
            self._refresh_timelines("all" in whats, sorted(k for w, k in stale if w == "timeline"), done)
            if everything and whats & {"all", "doc"}:
                self._refresh_all(track, done, scoped)
            elif docs:
                self._refresh_docs(track, docs, done)
            for w, k in stale:  # only what was read: a writer that marked more since keeps its marks
                self._exec("DELETE FROM ledger_stale WHERE what = ? AND key = ?", (w, k))  # type: ignore[attr-defined]
            self._exec("DELETE FROM ledger_track_version")  # type: ignore[attr-defined]
            self._exec("INSERT INTO ledger_track_version (id, version) VALUES (1, ?)",  # type: ignore[attr-defined]
                       (track_version(),))
        return done

    # ------------------------------------------------------------------ timelines
    def _refresh_timelines(self, every: bool, lids: list[str], done: dict[str, int]) -> None:
        if every:
            self._exec("DELETE FROM ledger_timelines")  # type: ignore[attr-defined]
            lids = [r[0] for r in self._rows("SELECT id FROM ledger_entities ORDER BY n")]  # type: ignore[attr-defined]
        for chunk in _chunks(lids, 200):
            docs = sorted({r[0] for r in self._rows(  # type: ignore[attr-defined]
                f"SELECT DISTINCT doc_id FROM ledger_members WHERE lid IN ({_in(len(chunk))})", chunk)})
            tl = self._timelines(docs)  # type: ignore[attr-defined]
            self._exec(f"DELETE FROM ledger_timelines WHERE lid IN ({_in(len(chunk))})", chunk)  # type: ignore[attr-defined]
            for lid in chunk:
                if tl.get(lid):
                    self._exec("INSERT INTO ledger_timelines (lid, entries) VALUES (?, ?)",  # type: ignore[attr-defined]
                               (lid, json.dumps(tl[lid], ensure_ascii=False)))
                    done["timelines"] += 1

    # ------------------------------------------------------------------ everything
    def _refresh_all(self, track: Any, done: dict[str, int], scoped: bool) -> None:
        records = list(self.iter_records())  # type: ignore[attr-defined]
        mapping = self._mapping_for([r.id for r in records])  # type: ignore[attr-defined]
        as_of = self._as_of()  # type: ignore[attr-defined]
        keyed = track.event_clusters_keyed(track._sorted(records), mapping) if records else []
        old = track.old_events(records, mapping, keyed)
        crows = track.claim_rows(records, mapping, as_of, old=old) if records else []
        grows = track.group_rows(records, mapping, keyed=keyed) if records else []
        for table in ("ledger_claims", "ledger_groups", *(("ledger_claim_lids", "ledger_track_keys", "ledger_old_events",
                                                          "ledger_track_state") if scoped else ())):
            self._exec(f"DELETE FROM {table}")  # type: ignore[attr-defined]
        if not scoped:  # a read-only-era schema (before version 5): the rows of version 4 only
            for n, row in enumerate(crows, 1):
                js = _claim_json(row, n)
                self._exec("INSERT INTO ledger_claims (n, doc_id, speaker, outcome, claim) VALUES (?, ?, ?, ?, ?)",  # type: ignore[attr-defined]
                           (n, js["doc"], js.get("speaker"), js["outcome"], json.dumps(js, ensure_ascii=False)))
            for n, g in enumerate(grows, 1):
                self._exec("INSERT INTO ledger_groups (n, group_) VALUES (?, ?)",  # type: ignore[attr-defined]
                           (n, json.dumps(g.group.to_json(), ensure_ascii=False)))
            done["claims"], done["groups"] = len(crows), len(grows)
            return
        self._insert_claims(list(enumerate(crows, 1)))
        self._insert_groups(list(enumerate(grows, 1)))
        done["claims"], done["groups"] = len(crows), len(grows)
        self._exec_many("INSERT INTO ledger_track_keys (key, dir, doc_id, item) VALUES (?, ?, ?, ?)",  # type: ignore[attr-defined]
                        [(k, d, r.id, item) for r in records for item, k, d in doc_keys(r, mapping)])
        self._exec_many("INSERT INTO ledger_old_events (doc_id, event_id) VALUES (?, ?)",  # type: ignore[attr-defined]
                        sorted(old))
        self._exec("INSERT INTO ledger_track_state (id, as_of) VALUES (1, ?)", (as_of,))  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ writing rows
    def _insert_claims(self, rows: list[tuple[int, Any]]) -> None:
        out, lids = [], []
        for n, row in rows:
            js = _claim_json(row, n)
            out.append((n, js["doc"], js.get("speaker"), js["outcome"], json.dumps(js, ensure_ascii=False),
                        js["statement"], _claim_key(row.key), row.horizon_end))
            lids += [(lid, row.head[0], row.head[1][2:]) for lid in sorted(row.lids)]
        self._exec_many("INSERT INTO ledger_claims (n, doc_id, speaker, outcome, claim, st_id, sort_key, horizon_end) "  # type: ignore[attr-defined]
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", out)
        self._exec_many("INSERT INTO ledger_claim_lids (lid, doc_id, st_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",  # type: ignore[attr-defined]
                        lids)

    def _insert_groups(self, rows: list[tuple[int, Any]]) -> None:
        self._exec_many("INSERT INTO ledger_groups (n, group_, doc_id, item, sort_key) VALUES (?, ?, ?, ?, ?)",  # type: ignore[attr-defined]
                        [(n, json.dumps(g.group.to_json(), ensure_ascii=False), g.first[0], g.first[1],
                          _group_key(g.key)) for n, g in rows])

    def _replace(self, table: str, gone: list[tuple[int, str]], new: list[Any], keyf: Any) -> None:
        """Replace the stored rows ``gone`` ((n, sort_key)) of ``table`` by the computed rows ``new``, numbered as a
        full refresh numbers them: rows whose key stays are rewritten in place; from the first key added or taken
        away on, the rows are numbered again."""
        old_keys = {k for _, k in gone}
        new_by_key = {keyf(r.key): r for r in new}
        changed = old_keys ^ set(new_by_key)
        first = min(changed) if changed else None
        n_of = dict((k, n) for n, k in gone)
        in_place = [(n_of[k], r) for k, r in new_by_key.items() if first is None or k < first]
        if table == "ledger_claims":
            heads = [(d, s) for d, s in self._rows(  # type: ignore[attr-defined]
                f"SELECT doc_id, st_id FROM ledger_claims WHERE n IN ({_in(len(gone))})", [n for n, _ in gone])] if gone else []
            for d, s in heads:
                self._exec("DELETE FROM ledger_claim_lids WHERE doc_id = ? AND st_id = ?", (d, s))  # type: ignore[attr-defined]
        n0 = 0
        if first is not None:  # the number of the last row before the first change (read before any is deleted)
            below = self._rows(f"SELECT n FROM {table} WHERE sort_key < ? ORDER BY sort_key DESC LIMIT 1", (first,))  # type: ignore[attr-defined]
            n0 = below[0][0] if below else 0
        for chunk in _chunks([n for n, _ in in_place]):
            self._exec(f"DELETE FROM {table} WHERE n IN ({_in(len(chunk))})", chunk)  # type: ignore[attr-defined]
        tail: list[tuple[int, Any]] = []
        if first is not None:
            cols = "n, doc_id, speaker, outcome, claim, st_id, sort_key, horizon_end" if table == "ledger_claims" \
                else "n, group_, doc_id, item, sort_key"
            kept = [r for r in self._rows(f"SELECT {cols} FROM {table} WHERE sort_key >= ? ORDER BY sort_key", (first,))  # type: ignore[attr-defined]
                    if r[-1 if table == "ledger_groups" else -2] not in old_keys]
            self._exec(f"DELETE FROM {table} WHERE sort_key >= ?", (first,))  # type: ignore[attr-defined]
            for chunk in _chunks([n for n, k in gone if k < first]):
                self._exec(f"DELETE FROM {table} WHERE n IN ({_in(len(chunk))})", chunk)  # type: ignore[attr-defined]
            merged = sorted([(r[-1 if table == "ledger_groups" else -2], "stored", r) for r in kept]
                            + [(k, "new", r) for k, r in new_by_key.items() if k >= first])
            stored_rows = []
            for i, (_k, how, r) in enumerate(merged, n0 + 1):
                if how == "new":
                    tail.append((i, r))
                else:
                    stored_rows.append((i, r))
            if table == "ledger_claims":
                moved = []
                for i, r in stored_rows:
                    js = json.loads(r[4])
                    js["id"] = f"C{i}"
                    moved.append((i, *r[1:4], json.dumps(js, ensure_ascii=False), *r[5:]))
                self._exec_many("INSERT INTO ledger_claims (n, doc_id, speaker, outcome, claim, st_id, sort_key, "  # type: ignore[attr-defined]
                                "horizon_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", moved)
            else:
                self._exec_many("INSERT INTO ledger_groups (n, group_, doc_id, item, sort_key) VALUES (?, ?, ?, ?, ?)",  # type: ignore[attr-defined]
                                [(i, *r[1:]) for i, r in stored_rows])
        else:
            for chunk in _chunks([n for n, _ in gone]):
                self._exec(f"DELETE FROM {table} WHERE n IN ({_in(len(chunk))})", chunk)  # type: ignore[attr-defined]
        rows = in_place + tail
        if table == "ledger_claims":
            self._insert_claims(rows)
        else:
            self._insert_groups(rows)

    # ------------------------------------------------------------------ following keys
    def _closure(self, nodes: set[tuple[str, str]], keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        """The events or statements joined to ``nodes`` (which hold ``keys``: (key, dir)) through the stored keys."""
        nodes = set(nodes)
        have: dict[str, set[str]] = {}
        rows_of: dict[str, list[tuple[str, str, str]]] = {}
        pending: dict[str, set[str]] = {}
        for k, d in keys:
            if d != "n":
                pending.setdefault(k, set()).add(d)
        while pending:
            names = sorted(k for k in pending if k not in rows_of)
            for chunk in _chunks(names):
                for k, d, doc, item in self._rows(  # type: ignore[attr-defined]
                        f"SELECT key, dir, doc_id, item FROM ledger_track_keys WHERE key IN ({_in(len(chunk))})", chunk):
                    rows_of.setdefault(k, []).append((d, doc, item))
            found: set[tuple[str, str]] = set()
            for k, dirs in pending.items():
                dirs = dirs - have.get(k, set())
                for d2, doc, item in rows_of.get(k, ()):
                    if (doc, item) not in nodes and any(meets(d1, d2) for d1 in dirs):
                        found.add((doc, item))
                have.setdefault(k, set()).update(dirs)
            pending = {}
            if not found:
                break
            nodes |= found
            for chunk in _chunks(sorted({d for d, _ in found})):
                for doc, item, k, d in self._rows(  # type: ignore[attr-defined]
                        f"SELECT doc_id, item, key, dir FROM ledger_track_keys WHERE doc_id IN ({_in(len(chunk))})", chunk):
                    if (doc, item) in found and d != "n" and d not in have.get(k, set()):
                        pending.setdefault(k, set()).add(d)
        return nodes

    def _records(self, docs: Iterable[str]) -> tuple[list, dict]:
        ids = sorted(set(docs))
        recs = self.get_many(ids) if ids else []  # type: ignore[attr-defined]
        return recs, self._mapping_for([r.id for r in recs])  # type: ignore[attr-defined]

    def _event_records(self, docs: Iterable[str]) -> tuple[list, dict]:
        """The articles' events as records holding only what grouping events reads (their publication date and
        events: no text, no statements), from the indexed event tables rather than each whole record."""
        from ..records import Event, Record, Span, TimeValue

        ids = sorted(set(docs))
        pub = dict(self._rows_in("SELECT id, published FROM documents WHERE id IN ({})", ids))
        parts: dict[tuple[str, str], dict[str, list[str]]] = {}
        for d, e, role, ent in self._rows_in("SELECT doc_id, event_id, role, entity_id FROM event_participants "
                                             "WHERE doc_id IN ({}) ORDER BY doc_id, event_id, role, position", ids):
            parts.setdefault((d, e), {}).setdefault(role, []).append(ent)
        evs: dict[str, list[tuple[int, Any]]] = {d: [] for d in pub}
        for d, e, pos, typ, mode, status, loc, dv, dtext, t0, t1, trig in self._rows_in(
                "SELECT doc_id, id, position, type, mode, status, location, date_value, date_text, trigger_start, "
                "trigger_end, trigger FROM events WHERE doc_id IN ({})", ids):
            p = parts.get((d, e), {})
            span = Span(t0, t1, trig)
            evs[d].append((pos, Event(e, typ, span, span, mode, tuple(p.get("source", ())), tuple(p.get("target", ())),
                                      loc, TimeValue(dv, dtext or "") if dv is not None or dtext else None, status)))
        recs = [Record(id=d, text="", published=pub[d], events=tuple(v for _, v in sorted(evs[d], key=lambda x: x[0])))
                for d in ids if d in pub]
        return recs, self._mapping_for([r.id for r in recs])  # type: ignore[attr-defined]

    def _day_before(self, day: dt.date, skip: set[str]) -> str:
        """The last day before ``day`` on which an article not in ``skip`` was published ("" where unsure)."""
        c = getattr(self, "_bytewise", "")
        rows = self._rows(f"SELECT id, published FROM documents WHERE published{c} < ? ORDER BY published{c} DESC "  # type: ignore[attr-defined]
                          "LIMIT 64", (day.isoformat(),))
        for i, p in rows:
            iv = interval(p)
            if i not in skip and iv and iv[0] < day:
                return iv[0].isoformat()
        return ""

    # ------------------------------------------------------------------ what some articles change
    def _refresh_docs(self, track: Any, docs: list[str], done: dict[str, int]) -> None:
        stale = set(docs)
        old_rows = []
        for chunk in _chunks(docs):
            old_rows += self._rows(f"SELECT doc_id, item, key, dir FROM ledger_track_keys "  # type: ignore[attr-defined]
                                   f"WHERE doc_id IN ({_in(len(chunk))})", chunk)
        recs, mapping = self._records(docs)
        new_rows = [(r.id, item, k, d) for r in recs for item, k, d in doc_keys(r, mapping)]
        for chunk in _chunks(docs):
            self._exec(f"DELETE FROM ledger_track_keys WHERE doc_id IN ({_in(len(chunk))})", chunk)  # type: ignore[attr-defined]
        self._exec_many("INSERT INTO ledger_track_keys (key, dir, doc_id, item) VALUES (?, ?, ?, ?)",  # type: ignore[attr-defined]
                        [(k, d, doc, item) for doc, item, k, d in new_rows])
        both = old_rows + new_rows

        # events: the stale articles' acts and all they can be grouped with
        ev = self._closure({(doc, item) for doc, item, _, _ in both if item.startswith("e:")},
                           {(k, d) for _, item, k, d in both if item.startswith("e:")})
        ev_recs, ev_map = self._event_records(d for d, _ in ev)
        ev_recs = track._sorted(ev_recs)
        keyed = track.event_clusters_keyed(ev_recs, ev_map)
        old_now = {(d, "e:" + e) for d, e in track.old_events(ev_recs, ev_map, keyed) if (d, "e:" + e) in ev}
        ev_docs = sorted({d for d, _ in ev})
        old_before = set()
        for chunk in _chunks(ev_docs):
            old_before |= {(d, "e:" + e) for d, e in self._rows(  # type: ignore[attr-defined]
                f"SELECT doc_id, event_id FROM ledger_old_events WHERE doc_id IN ({_in(len(chunk))})", chunk)}
        old_before = {x for x in old_before if x in ev or x[0] in stale}
        for d, e in sorted(old_before - old_now):
            self._exec("DELETE FROM ledger_old_events WHERE doc_id = ? AND event_id = ?", (d, e[2:]))  # type: ignore[attr-defined]
        self._exec_many("INSERT INTO ledger_old_events (doc_id, event_id) VALUES (?, ?)",  # type: ignore[attr-defined]
                        [(d, e[2:]) for d, e in sorted(old_now - old_before)])
        moved = old_before ^ old_now
        moved_lids: set[str] = set()
        for rec in ev_recs:
            for v in rec.events:
                if (rec.id, "e:" + v.id) in moved:
                    moved_lids |= {mapping_lid for e in (*v.source, *v.target, v.location)
                             if e and (mapping_lid := ev_map.get((rec.id, e)))}
        gone = self._stored_firsts("ledger_groups", ev_docs, ev)
        ev_groups = track.group_rows(ev_recs, ev_map, events=ev, items=set(), keyed=keyed)

        # claims: those the stale articles' entities, old news or dates can decide, and their statements' groups
        heads: set[tuple[str, str]] = set()
        # an article is read only by the claims made before it or on its date (the reports that decide a claim are
        # published on or after it): for each stale article, the claims about its entities (old version's and new)
        # published by its date (the later of the two)
        latest: dict[str, str] = {}
        doc_lids: dict[str, set[str]] = {}
        for doc, item, k, _ in both:
            if item == "" and k.startswith("P|"):
                latest[doc] = max(latest.get(doc, ""), k[2:])
            elif item == "" and k.startswith("L|"):
                doc_lids.setdefault(doc, set()).add(k[2:])
        by_bound: dict[str, set[str]] = {}
        for doc, ls in doc_lids.items():
            by_bound.setdefault(latest.get(doc, "\uffff"), set()).update(ls)
        for bound, ls in sorted(by_bound.items()):
            for chunk in _chunks(sorted(ls)):
                heads |= {(d, "s:" + s) for d, s in self._rows(  # type: ignore[attr-defined]
                    f"SELECT l.doc_id, l.st_id FROM ledger_claim_lids l JOIN ledger_claims c ON c.doc_id = l.doc_id "
                    f"AND c.st_id = l.st_id WHERE l.lid IN ({_in(len(chunk))}) AND c.sort_key < ?",
                    [*chunk, bound + "\x02"])}
        for chunk in _chunks(sorted(moved_lids)):
            heads |= {(d, "s:" + s) for d, s in self._rows(  # type: ignore[attr-defined]
                f"SELECT doc_id, st_id FROM ledger_claim_lids WHERE lid IN ({_in(len(chunk))})", chunk)}
        for lo, hi in self._moved_days(both, stale):
            heads |= {(d, "s:" + s) for d, s in self._rows(  # type: ignore[attr-defined]
                "SELECT doc_id, st_id FROM ledger_claims WHERE horizon_end >= ? AND horizon_end < ?", (lo, hi))}
        # the stale articles' statements and all they can be grouped with are grouped again; a claim outside them is
        # grouped as before (its stored reports) and only decided again
        sts = self._closure({(doc, item) for doc, item, _, _ in both if item.startswith("s:")},
                            {(k, d) for _, item, k, d in both if item.startswith("s:")})
        known = []
        for (doc, st), claim in self._stored_claims(sorted(heads - sts)):
            known.append(((doc, st), [(r["doc"], r["statement"]) for r in claim["reports"]]))
        st_recs, st_map = self._records({d for d, _ in sts} | {d for h, rest in known for d, _ in [h, *rest]})
        fact_docs = {r.id for r in st_recs} | self._fact_docs(track, st_recs, st_map, sts, known)
        all_recs, all_map = self._records(fact_docs)
        old: set[tuple[str, str]] = set()
        for chunk in _chunks(sorted(fact_docs)):
            old |= set(self._rows(f"SELECT doc_id, event_id FROM ledger_old_events "  # type: ignore[attr-defined]
                                  f"WHERE doc_id IN ({_in(len(chunk))})", chunk))
        as_of = self._as_of()  # type: ignore[attr-defined]
        crows = track.claim_rows(all_recs, all_map, as_of, scope=sts, dates=_StoreDates(self), old=old,
                                 known=known) if all_recs else []
        st_groups = track.group_rows([r for r in st_recs if any(d == r.id for d, _ in sts)], st_map, events=set(),
                                     items=sts)
        st_docs = sorted({d for d, _ in sts})
        gone += self._stored_firsts("ledger_groups", st_docs, sts)
        self._replace("ledger_groups", gone, ev_groups + st_groups, _group_key)
        redo = sts | {(d, "s:" + s) for (d, s), _ in known}
        cgone = [(n, k) for n, d, s, k in self._rows_in(
            "SELECT n, doc_id, st_id, sort_key FROM ledger_claims WHERE doc_id IN ({})",
            sorted({d for d, _ in redo})) if (d, "s:" + s) in redo]
        self._replace("ledger_claims", cgone, crows, _claim_key)
        self._exec("DELETE FROM ledger_track_state")  # type: ignore[attr-defined]
        self._exec("INSERT INTO ledger_track_state (id, as_of) VALUES (1, ?)", (as_of,))  # type: ignore[attr-defined]
        done["claims"], done["groups"] = len(crows), len(ev_groups) + len(st_groups)

    def _fact_docs(self, track: Any, st_recs: list, st_map: Any, sts: set[tuple[str, str]],
                   known: list[tuple[tuple[str, str], list[tuple[str, str]]]]) -> set[str]:
        """The articles that can decide the claims decided again: those naming a ledger entity of a claim (its
        speaker, what it is about) published on or after the claim's first report. A claim reads only such
        articles (evidence, words, unkept reports: on or after the claim's date; see ``track_claims``), so for each
        entity the earliest first report among the claims naming it bounds what is read (``tests/test_refresh.py``
        checks the rows equal a full recompute). The statements of ``sts`` are not grouped yet: their earliest date
        bounds every claim they can make."""
        by_id = {(it.doc, it.st.id): it for it in track.statement_items(track._sorted(st_recs), st_map)}
        groups = [[it for (d, s), it in by_id.items() if (d, "s:" + s) in sts]]
        groups += [[by_id[x] for x in [h, *rest] if x in by_id] for h, rest in known]
        cut: dict[str, str] = {}
        for items in groups:
            if not items:
                continue
            since = min(it.published for it in items)
            for x in {x for it in items for x in (*it.about, it.speaker) if x}:
                cut[x] = min(cut.get(x, since), since)
        by_since: dict[str, list[str]] = {}
        for x, since in cut.items():
            by_since.setdefault(since, []).append(x)
        c = getattr(self, "_bytewise", "")
        out: set[str] = set()
        for since, xs in sorted(by_since.items()):
            for chunk in _chunks(sorted(xs)):
                if since:  # an undated article ("") is before every date: no claim made on a date reads it
                    out |= {r[0] for r in self._rows(  # type: ignore[attr-defined]
                        f"SELECT DISTINCT m.doc_id FROM ledger_members m JOIN documents d ON d.id = m.doc_id "
                        f"WHERE m.lid IN ({_in(len(chunk))}) AND d.published{c} >= ?", [*chunk, since])}
                else:
                    out |= {r[0] for r in self._rows(  # type: ignore[attr-defined]
                        f"SELECT DISTINCT doc_id FROM ledger_members WHERE lid IN ({_in(len(chunk))})", chunk)}
        return out

    def _stored_claims(self, heads: list[tuple[str, str]]) -> list[tuple[tuple[str, str], dict]]:
        """The stored claims of these heads ((article, "s:" statement id)): ((article, statement id), claim JSON)."""
        want = set(heads)
        return [((d, s), json.loads(js)) for d, s, js in self._rows_in(
            "SELECT doc_id, st_id, claim FROM ledger_claims WHERE doc_id IN ({})", sorted({d for d, _ in heads}))
            if (d, "s:" + s) in want]

    def _rows_in(self, sql: str, keys: list[str]) -> list[tuple]:
        out: list[tuple] = []
        for chunk in _chunks(keys):
            out += self._rows(sql.format(_in(len(chunk))), chunk)  # type: ignore[attr-defined]
        return out

    def _stored_firsts(self, table: str, docs: list[str], nodes: set[tuple[str, str]]) -> list[tuple[int, str]]:
        """(n, sort_key) of the stored groups whose first member is one of ``nodes``."""
        return [(n, k) for n, d, i, k in self._rows_in(
            f"SELECT n, doc_id, item, sort_key FROM {table} WHERE doc_id IN ({{}})", docs) if (d, i) in nodes]

    def _moved_days(self, rows: list[tuple[str, str, str, str]], stale: set[str]) -> list[tuple[str, str]]:
        """The ranges [from, to) of deadline days whose deciding article or passing the stale articles' publication
        dates (old and new) and the change of the date claims are decided as of can move."""
        out = []
        for _doc, item, k, _d in rows:
            if item == "" and k.startswith("P|") and interval(k[2:]):
                day = interval(k[2:])[0]
                out.append((self._day_before(day, stale), day.isoformat()))
        prev = self._rows("SELECT as_of FROM ledger_track_state WHERE id = 1")  # type: ignore[attr-defined]
        a, b = interval(prev[0][0] if prev else None), interval(self._as_of())  # type: ignore[attr-defined]
        if a and b:
            lo, hi = sorted((a[0], b[0]))
            if lo < hi:
                out.append((lo.isoformat(), hi.isoformat()))
        elif (a is None) != (b is None):
            out.append(("", "\uffff"))
        return out


def _claim_json(row: Any, n: int) -> dict:
    js = row.claim.to_json()
    js["id"] = f"C{n}"
    return js
