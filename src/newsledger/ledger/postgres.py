"""The PostgreSQL ledger: the same store as SQLite, shared by many people and processes.

``open_store("postgresql://user@host/db")`` (or ``--db postgresql://...`` in the CLI) opens it. The
database must exist; the ledger's tables are created in it (in the first schema of the connection's
``search_path``, ``public`` by default; a URL may choose another with
``?options=-csearch_path%3Dmyschema``).

- **Schema**: the tables, columns and keys of the SQLite ledger, under versioned migrations
  (``ledger/migrations_pg/NNNN_name.sql``, recorded in ``schema_migrations``). Migrating takes a
  transaction-scoped advisory lock, so two processes opening a new database at once apply each
  migration exactly once.
- **Writes**: :meth:`PostgresLedger.add` stores one article in one transaction; the duplicate key is
  the unique ``content_hash`` and documents are inserted with ``ON CONFLICT DO NOTHING``, so several
  ingest processes writing at once neither lose nor duplicate a document (the loser of a race for the
  same text gets False; for the same id with another text, ``ID~HASH8`` as in SQLite). Every write of an
  article takes the link lock before its first row, so writers holding batches open never wait on each
  other's uncommitted documents. A batch (``batch()``, as the ingest writer stores) runs in pipeline mode:
  two round trips an article (:mod:`.postgres_write`).
  :meth:`PostgresLedger.add_many` writes a batch with ``COPY``: documents through a temporary table
  and ``INSERT ... ON CONFLICT DO NOTHING``, their parts straight into the tables; if the batch
  fails, each article is retried alone, so one bad article never takes the others with it.
- **Search**: stored ``tsvector`` columns with GIN indexes, in the text search configuration
  ``newsledger_english`` (english stemming, accents removed). The query is read by
  ``websearch_to_tsquery``: words, ``"a phrase"``, ``OR``, ``-word``; ``word*`` matches a prefix. A
  query matching very many texts ranks the newest 500 matching articles (and statements), so that
  its answer time does not grow with the archive.
- **Reading mode**: ``readonly=True`` opens a session whose transactions are read-only
  (``default_transaction_read_only``) and runs no migration.

Every driver error becomes a :class:`~newsledger.errors.StoreError` saying what to do; passwords are
masked in every message (:func:`mask_url`).
"""

from __future__ import annotations

import itertools
import logging
import re
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Iterator, Sequence

from ..errors import MigrationError, StoreError
from ..records import Record
from .base import Store
from .rows import LedgerRowsMixin
from .postgres_write import PostgresWriteMixin
from .store import SCOPES, SearchHit
from .postgres_base import (
    _guarded, latest_pg_version, _load, mask_url, _MIGRATION_LOCK, _now, pg_migrations, _short_masked,
    translate_placeholders, _TS_CONFIG,
)

if TYPE_CHECKING:
    import psycopg

__all__ = ["PostgresLedger", "mask_url", "translate_placeholders", "pg_migrations", "latest_pg_version"]

log = logging.getLogger("newsledger")

_CURSORS = itertools.count(1)
#: search ranks at most this many matches of each kind, the newest (see PostgresLedger.search)
_CANDIDATES = 500


class PostgresLedger(PostgresWriteMixin, LedgerRowsMixin, Store):
    """A ledger in a PostgreSQL database (see the module docstring).

    >>> with PostgresLedger("postgresql://news@db.example/ledger") as ledger:   # doctest: +SKIP
    ...     ledger.add(record)
    """

    #: text compared byte by byte, as Python and SQLite compare it, whatever the database's locale (the refresh's
    #: reads of publication dates in order)
    _bytewise = ' COLLATE "C"'

    def __init__(self, url: str, create: bool = True, readonly: bool = False, *, connect_timeout: int = 10) -> None:
        try:
            import psycopg
        except ImportError:  # pragma: no cover - a dependency
            raise StoreError("a postgresql:// ledger needs psycopg 3: pip install 'psycopg[binary]'") from None
        self.url = url
        self.location = mask_url(url)
        self.readonly = readonly
        kwargs: dict[str, Any] = {"autocommit": True, "connect_timeout": connect_timeout}
        try:
            if readonly:  # added to the URL's own options (a search_path, say)
                from psycopg.conninfo import conninfo_to_dict

                own = conninfo_to_dict(url).get("options") or ""
                kwargs["options"] = f"{own} -c default_transaction_read_only=on".strip()
            self._con: psycopg.Connection | None = psycopg.connect(url, **kwargs)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to the PostgreSQL ledger {self.location}: {_short_masked(exc, url)}; "
                             "check that the server is running and reachable, and the user, password and "
                             "database name in the URL (the database must exist: createdb NAME)") from None
        except Exception as exc:  # a malformed URL: psycopg raises ProgrammingError or ValueError
            raise StoreError(f"cannot read the PostgreSQL URL {self.location}: {_short_masked(exc, url)}; write it as "
                             "postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE") from None
        self._pipelined_link = True
        self._pipe: "psycopg.Pipeline | None" = None  # the open batch's pipeline
        self._depth = 0  # savepoints open inside it
        try:
            if not readonly and "synchronous_commit" not in url:
                # the durability of SQLite's WAL with synchronous=NORMAL: a crash may lose the last
                # commits, never half an article (an ingest re-run stores them again)
                self.con.execute("SET synchronous_commit = off")
            if not readonly and (create or self._has_ledger()):  # an existing ledger is brought up to date
                self._migrate()
            self._check()
        except psycopg.Error as exc:
            self.close()
            raise self._error(exc, "open it") from None
        except BaseException:
            self.close()
            raise

    # ------------------------------------------------------------------ errors
    def _error(self, exc: BaseException, what: str) -> StoreError:
        import psycopg

        if isinstance(exc, psycopg.errors.ReadOnlySqlTransaction):
            return StoreError(f"the ledger {self.location} is open read-only; cannot {what}")
        if isinstance(exc, psycopg.OperationalError):
            return StoreError(f"lost the connection to the PostgreSQL ledger {self.location} ({what}): "
                              f"{_short_masked(exc, self.url)}; check the server and run the command again")
        return StoreError(f"the PostgreSQL ledger {self.location} failed ({what}): {_short_masked(exc, self.url)}")

    # ------------------------------------------------------------------ schema
    def _tables(self) -> set[str]:
        rows = self.con.execute("SELECT table_name FROM information_schema.tables "
                                "WHERE table_schema = current_schema()").fetchall()
        return {r[0] for r in rows}

    def _version(self) -> int:
        if "schema_migrations" not in self._tables():
            return 0
        return int(self.con.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0])

    def _has_ledger(self) -> bool:
        import psycopg

        try:
            return "schema_migrations" in self._tables()
        except psycopg.Error as exc:
            raise self._error(exc, "read its tables") from None

    def _check_known(self) -> None:
        tables = self._tables()
        if "schema_migrations" not in tables and tables:
            raise StoreError(f"the database {self.location} holds other tables ({sorted(tables)[:8]}) and no "
                             "newsledger ledger; give --db another database (createdb NAME) or a schema of its own "
                             "(?options=-csearch_path%3DNAME)")
        version = self._version()
        if version > latest_pg_version():
            raise MigrationError(f"the ledger {self.location} has schema version {version}, newer than this newsledger "
                                 f"knows (version {latest_pg_version()}); upgrade newsledger to open it")

    def _migrate(self) -> list[int]:
        import psycopg

        applied = []
        try:
            self._check_known()
            if self._version() >= latest_pg_version():
                return []
            with self.con.transaction():
                self.con.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
                self._check_known()  # re-read under the lock: another process may have migrated
                self.con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                                 "name TEXT NOT NULL, applied_at TEXT NOT NULL)")
                for m in pg_migrations():
                    if self._version() >= m.version:
                        continue
                    with self.con.transaction():  # a savepoint: the error names the migration
                        try:
                            self.con.execute(m.sql.encode("utf-8"))
                        except psycopg.Error as exc:
                            raise MigrationError(f"could not apply ledger migration {m.version:04d}_{m.name} to "
                                                 f"{self.location}: {_short_masked(exc, self.url)}; the database was "
                                                 "left at its previous version") from None
                        self.con.execute("INSERT INTO schema_migrations (version, name, applied_at) "
                                         "VALUES (%s, %s, %s)", (m.version, m.name, _now()))
                    applied.append(m.version)
        except psycopg.Error as exc:
            raise StoreError(f"cannot prepare the ledger in {self.location}: {_short_masked(exc, self.url)}; the user "
                             "needs the right to create tables there (and the unaccent extension must be "
                             "installable: Debian's postgresql package ships it)") from None
        return applied

    def _check(self) -> None:
        from .export import TABLES

        import psycopg

        try:
            self._check_known()
            have = self._tables()
        except psycopg.Error as exc:
            raise self._error(exc, "read its tables") from None
        if "schema_migrations" not in have:
            raise StoreError(f"no ledger in {self.location}; create one with `newsledger ingest FILE --db "
                             f"{self.location}`")
        missing = [t for t in TABLES if t not in have]
        if missing:
            raise MigrationError(f"the ledger {self.location} is damaged: it lacks the tables {missing}; ingest into "
                                 "a new database (or restore a copy)")

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        if self._con is not None:
            try:
                self._con.close()
            finally:
                self._con = None

    @property
    def con(self) -> "psycopg.Connection":
        """The psycopg connection (autocommit; transactions are explicit)."""
        if self._con is None:
            raise StoreError(f"the ledger {self.location} is closed; open it again with open_store(url)")
        return self._con

    @property
    @_guarded
    def schema_version(self) -> int:
        return self._version()

    # ------------------------------------------------------------------ reading
    @_guarded
    def get(self, doc_id: str) -> Record:
        row = self.con.execute("SELECT record_json FROM documents WHERE id = %s", (doc_id,)).fetchone()
        if row is None:
            raise StoreError(f"no document with id {doc_id!r} in {self.location}; find ids with "
                             f"`newsledger search WORDS --db {self.location}`")
        return _load(row[0], doc_id)

    @_guarded
    def get_many(self, doc_ids: Sequence[str]) -> list[Record]:
        ids = list(doc_ids)
        found = dict(self.con.execute("SELECT id, record_json FROM documents WHERE id = ANY(%s)", (ids,)).fetchall())
        return [_load(found[i], i) for i in ids if i in found]

    def iter_records(self) -> Iterator[Record]:
        for js, doc_id in self._stream("SELECT record_json, id FROM documents ORDER BY pk"):
            yield _load(js, doc_id)

    # the base's portable reads, with the driver's errors turned into StoreErrors
    ids = _guarded(Store.ids)
    count = _guarded(Store.count)
    stats = _guarded(Store.stats)
    failures = _guarded(Store.failures)

    # ------------------------------------------------------------------ search
    @_guarded
    def search(self, query: str, limit: int = 20, scope: str = "all") -> list[SearchHit]:
        """Full-text search over article titles and text and statement content (see the module
        docstring for the query language); hits best first (``rank``: lower is better)."""
        if scope not in SCOPES:
            raise StoreError(f"unknown search scope {scope!r}; use one of {', '.join(SCOPES)}")
        if not query or not query.strip():
            raise StoreError("empty search query; give words to look for, e.g. `newsledger search ceasefire`")
        if limit < 1:
            raise StoreError(f"the search limit must be at least 1, not {limit}")
        if scope == "speakers":  # statements by a speaker of that name, however spelled (the cross-article ledger)
            return [SearchHit(d, "statement", sid, " ".join(content.split())[:200], 0.0)
                    for d, sid, content in self.speaker_statements(query, limit)]
        tsq = self._tsquery(query)
        if tsq is None:
            return []
        # Rank the newest _CANDIDATES matches of each kind (a word found in most of a large archive would
        # otherwise rank every article), merge, keep the best `limit`, and only then make their snippets.
        ranked: list[tuple[float, str, str, str | None, int]] = []
        for kind in (("article", "statement") if scope == "all" else (scope[:-1],)):
            table, doc, ref = ("documents", "id", "NULL") if kind == "article" else ("statements", "doc_id", "id")
            rows = self.con.execute(
                f"SELECT d, r, pk, ts_rank_cd(tsv, CAST(%s AS tsquery)) AS rank FROM (SELECT {doc} AS d, {ref} AS r, "
                f"pk, tsv FROM {table} WHERE tsv @@ CAST(%s AS tsquery) ORDER BY pk DESC LIMIT %s) m "
                f"ORDER BY rank DESC, pk LIMIT %s",
                # never prepared: a prepared statement soon runs a generic plan, made for no word in
                # particular, that walks the whole table newest first even for a word found in few rows
                (tsq, tsq, _CANDIDATES, int(limit)), prepare=False).fetchall()
            ranked += [(-float(rank), d, kind, r, pk) for d, r, pk, rank in rows]
        ranked.sort(key=lambda h: (h[0], h[1], h[2], h[3] or ""))
        ranked = ranked[:limit]
        snippets: dict[tuple[str, int], str] = {}
        opts = "StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=…"
        for kind, table, body in (("article", "documents", "coalesce(title, '') || ' ' || text"),
                                  ("statement", "statements", "content")):
            pks = [h[4] for h in ranked if h[2] == kind]
            if pks:
                for pk, snip in self.con.execute(f"SELECT pk, ts_headline(%s, {body}, CAST(%s AS tsquery), %s) "
                                                 f"FROM {table} WHERE pk = ANY(%s)", (_TS_CONFIG, tsq, opts, pks)):
                    snippets[(kind, pk)] = " ".join(snip.split())
        return [SearchHit(d, kind, r, snippets.get((kind, pk), ""), rank) for rank, d, kind, r, pk in ranked]

    def _tsquery(self, query: str) -> str | None:
        """The tsquery (as text) of a user query: websearch syntax, and ``word*`` as a prefix; None
        when nothing searchable is left (only stop words)."""
        prefixes = re.findall(r"(\w+)\*", query)
        plain = re.sub(r"(\w+)\*", r"\1", query)
        tsq = self.con.execute("SELECT websearch_to_tsquery(%s, %s)::text", (_TS_CONFIG, plain)).fetchone()[0]
        if not tsq:
            return None
        for word in prefixes:
            lex = self.con.execute("SELECT plainto_tsquery(%s, %s)::text", (_TS_CONFIG, word)).fetchone()[0]
            if lex and "&" not in lex:
                tsq = re.sub(re.escape(lex) + r"(?!:)", lex + ":*", tsq)
        return tsq

    # ------------------------------------------------------------------ export
    def export(self, fmt: str, output: Path | None = None, table: str | None = None,
               stream: IO[str] | None = None) -> list[Path]:
        """Export records or tables, exactly as :meth:`newsledger.ledger.Ledger.export` does."""
        from .export import export

        return export(self, fmt, Path(output) if output is not None else None, table,
                      stream if stream is not None else sys.stdout)

    @_guarded
    def _table_columns(self, table: str) -> list[tuple[str, str]]:
        rows = self.con.execute("SELECT column_name, data_type FROM information_schema.columns "
                                "WHERE table_schema = current_schema() AND table_name = %s ORDER BY ordinal_position",
                                (table,)).fetchall()
        return [(name, "INTEGER" if kind in ("integer", "bigint", "smallint") else
                 "REAL" if kind in ("real", "double precision", "numeric") else "TEXT") for name, kind in rows]

    def _table_rows(self, table: str, columns: list[str], batch: int = 5000) -> Iterator[list[tuple]]:
        """Rows in the order stored: by the document's insertion, then the table's key."""
        keys = [c for c in ("entity_id", "statement_id", "event_id", "role", "position") if c in columns]
        if "pk" in {c for c, _ in self._table_columns(table)}:
            order, join = "t.pk", ""
        else:
            order, join = ", ".join(["d.pk"] + [f't."{k}"' for k in keys]), " JOIN documents d ON d.id = t.doc_id"
        cols = ", ".join(f't."{c}"' for c in columns)
        rows: list[tuple] = []
        for row in self._stream(f"SELECT {cols} FROM {table} t{join} ORDER BY {order}"):
            rows.append(row)
            if len(rows) >= batch:
                yield rows
                rows = []
        if rows:
            yield rows

    def _record_jsons(self) -> Iterator[tuple[str, str]]:
        for doc_id, js in self._stream("SELECT id, record_json FROM documents ORDER BY pk"):
            yield doc_id, js

    def _stream(self, sql: str, params: Sequence[Any] | None = None) -> Iterator[tuple]:
        """Rows of a query through a server-side cursor (memory stays flat on a large ledger)."""
        import psycopg

        try:
            if self._pipe is not None:  # no server-side cursor in a batch's pipeline: the rows at once
                yield from self.con.execute(sql, params).fetchall()
                return
            with self.con.transaction():
                with self.con.cursor(name=f"newsledger_stream_{next(_CURSORS)}") as cur:
                    cur.itersize = 2000
                    cur.execute(sql, params)
                    yield from cur
        except psycopg.Error as exc:
            raise self._error(exc, "read rows") from None

    # ------------------------------------------------------------------ portable SQL (base.Store)
    @_guarded
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        params = tuple(params)
        return self.con.execute(translate_placeholders(sql) if params else sql, params or None).fetchall()

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> int:
        params = tuple(params)
        cur = self.con.execute(translate_placeholders(sql) if params else sql, params or None)
        return cur.rowcount

    @_guarded
    def _rows_many(self, queries: Sequence[tuple[str, Sequence[Any]]]) -> list[list[tuple]]:
        con = self.con
        with con.pipeline():  # all sent, then all read: one round trip (inside a pipeline already: joins it)
            curs = [con.execute(translate_placeholders(sql) if params else sql, tuple(params) or None)
                    for sql, params in queries]
            return [cur.fetchall() for cur in curs]

    def _exec_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.con.cursor() as cur:  # psycopg sends the rows in one pipeline: one round trip
                cur.executemany(translate_placeholders(sql), rows)

    def _transaction(self, what: str):
        return self._write(what)

    def __repr__(self) -> str:
        return f"PostgresLedger({self.location!r})"


