"""The writing half of the PostgreSQL ledger (:class:`~newsledger.ledger.postgres.PostgresLedger`): write
transactions, batches in psycopg's pipeline mode, ``add`` (one article, its linking's reads sent with its own
insert) and ``add_many`` (``COPY``). See :mod:`.postgres` for what the writes promise to concurrent writers."""

from __future__ import annotations

import logging
from contextlib import contextmanager, nullcontext
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from ..errors import RecordError, StoreError
from ..records import Record, text_hash
from .tables import COLUMNS, quoted, record_rows
from .postgres_base import _guarded, _LINK_LOCK, _now, _short_masked, translate_placeholders

if TYPE_CHECKING:
    import psycopg

__all__ = ["PostgresWriteMixin"]

log = logging.getLogger("newsledger")


class PostgresWriteMixin:
    """Writes of :class:`~newsledger.ledger.postgres.PostgresLedger` (it provides ``con``, ``url``, ``location``,
    ``readonly``, ``_error``; ``_pipe`` is the open batch's pipeline, ``_depth`` the savepoints open in it)."""

    con: "psycopg.Connection"
    url: str
    location: str
    readonly: bool
    _pipe: "psycopg.Pipeline | None"
    _depth: int
    _pipelined_link: bool

    @contextmanager
    def _write(self, what: str) -> Iterator["psycopg.Connection"]:
        """One write transaction: committed whole or rolled back whole (inside a batch: a savepoint of it)."""
        import psycopg

        if self.readonly:
            raise StoreError(f"the ledger {self.location} is open read-only; cannot write {what}")
        try:
            if self._pipe is not None:
                with self._savepoint():
                    yield self.con
                return
            with self.con.transaction():
                yield self.con
        except psycopg.Error as exc:
            raise StoreError(f"could not write {what} to the ledger {self.location}: {_short_masked(exc, self.url)}; "
                             "nothing of it was stored") from None

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        """A write inside a batch's pipeline: a savepoint, released in the same round trip that sends the write's
        last statements and waits for their answers (so an error is known before the next write, and the release,
        skipped after an error, leaves the savepoint to roll back to). psycopg's own nested transaction would wait
        on the server three times more in a pipeline (it syncs as it enters and twice as it leaves)."""
        import psycopg

        assert self._pipe is not None
        self._depth += 1
        name = f"newsledger_write_{self._depth}"
        con = self.con
        try:
            con.execute(f"SAVEPOINT {name}")
            yield
            con.execute(f"RELEASE SAVEPOINT {name}")
            self._pipe.sync()
        except BaseException:
            try:  # what was queued is answered first (an error there is the one raised)
                self._pipe.sync()
            except psycopg.Error:
                pass
            con.execute(f"ROLLBACK TO SAVEPOINT {name}")
            con.execute(f"RELEASE SAVEPOINT {name}")
            self._pipe.sync()
            raise
        finally:
            self._depth -= 1

    @contextmanager
    def batch(self, what: str = "a batch of records") -> Iterator["PostgresWriteMixin"]:
        """One transaction for many writes (see :meth:`Store.batch`); each write inside is a savepoint of it.
        The link lock an article takes is held to the end of the batch.

        The batch runs in psycopg's pipeline mode (issue 13): statements go out without waiting for each answer,
        and the client waits only where it reads (an article's insert and linking's reads: one round trip) and
        where a write ends (one more: its errors are known inside its savepoint). ``add_many`` inside a batch
        stores one by one (``COPY`` cannot run in a pipeline), and reads that stream read their rows at once."""
        import psycopg

        if self._pipe is not None:  # a batch inside a batch: part of it
            with self._write(what):
                yield self
            return
        if self.readonly:
            raise StoreError(f"the ledger {self.location} is open read-only; cannot write {what}")
        try:
            with self.con.pipeline() as pipe, self.con.transaction():
                self._pipe = pipe
                try:
                    yield self
                finally:
                    self._pipe = None
        except psycopg.Error as exc:
            raise StoreError(f"could not write {what} to the ledger {self.location}: {_short_masked(exc, self.url)}; "
                             "nothing of it was stored") from None

    # ------------------------------------------------------------------ writing
    @_guarded
    def has_hash(self, content_hash: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE content_hash = %s", (content_hash,)).fetchone() is not None

    @_guarded
    def has_id(self, doc_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE id = %s", (doc_id,)).fetchone() is not None

    def add(self, record: Record, source: str | None = None, *, replace: bool = False) -> bool:
        """Store one record in one transaction; False when its text is stored already (see the module
        docstring for concurrent writers). Inside a batch (a pipeline), the document's insert goes out with the
        link lock and linking's reads, and the article's other rows with linking's writes: two round trips."""
        if not isinstance(record, Record):
            raise StoreError(f"add takes a newsledger.records.Record, not {type(record).__name__}")
        record.validate()
        h = text_hash(record.text)
        with self._write(f"the record {record.id!r}") as con:
            # the link lock before any row of the article: a writer that inserted a document and then waited for
            # the lock could deadlock with the lock's holder inserting the same text (it waits on the unique key)
            con.execute("SELECT pg_advisory_xact_lock(%s)", (_LINK_LOCK,))
            if replace:
                self._ledger_unlink(r[0] for r in con.execute("SELECT id FROM documents WHERE id = %s OR "
                                                              "content_hash = %s", (record.id, h)).fetchall())
                con.execute("DELETE FROM documents WHERE id = %s OR content_hash = %s", (record.id, h))
            rows = record_rows(record, h, source, _now())
            doc = list(rows["documents"][0])
            insert = (f"INSERT INTO documents ({quoted(COLUMNS['documents'])}) VALUES "
                      f"({', '.join(['%s'] * len(doc))}) ON CONFLICT DO NOTHING RETURNING pk")
            early: tuple[Any, list] | None = None
            if self._pipe is not None and self._pipelined_link:
                # sent together, answered in one round trip: the link lock (linking's reads read under it), the
                # document, linking's reads (they read nothing the document changes)
                reads = self._link_reads(record)
                first = con.execute(insert, doc)
                if reads is not None:
                    early = (reads, [con.execute(translate_placeholders(sql) if params else sql, params or None)
                                     for sql, params in reads.queries])
                got = first.fetchone()
            else:
                got = con.execute(insert, doc).fetchone()
            n = 1
            while got is None:
                early = None
                if con.execute("SELECT 1 FROM documents WHERE content_hash = %s", (h,)).fetchone():
                    return False  # the same text is stored (perhaps by another process a moment ago)
                # the id is taken by another text: store this one as ID~HASH8 (-2, -3, ...)
                new = f"{record.id}~{h[:8]}" + (f"-{n}" if n > 1 else "")
                n += 1
                if n > 1000:
                    raise StoreError(f"cannot find a free id for {record.id!r} in {self.location}")
                if new == doc[0] or con.execute("SELECT 1 FROM documents WHERE id = %s", (new,)).fetchone():
                    continue
                log.warning("the id %r is taken by another text in %s; storing this article as %r", record.id,
                            self.location, new)
                record = record.replace(id=new)
                rows = record_rows(record, h, source, _now())
                doc = list(rows["documents"][0])
                got = con.execute(insert, doc).fetchone()
            answers = [cur.fetchall() for cur in early[1]] if early is not None else None
            with (nullcontext() if self._pipe is not None else con.pipeline()), con.cursor() as cur:
                # one round trip for all the parts (in a batch: with linking's writes, at the write's end)
                cur.execute("DELETE FROM failures WHERE doc_id = %s", (record.id,))
                types = self._column_types() if self._pipe is not None else {}
                for table, trows in rows.items():
                    if table != "documents" and trows:
                        cols = COLUMNS[table]
                        if types:  # one statement a table: the server runs one insert, not one a row
                            cur.execute(f"INSERT INTO {table} ({quoted(cols)}) SELECT * FROM unnest("
                                        + ", ".join(f"%s::{types[table][c]}[]" for c in cols) + ")",
                                        [list(col) for col in zip(*trows)])
                        else:
                            cur.executemany(f"INSERT INTO {table} ({quoted(cols)}) VALUES "
                                            f"({', '.join(['%s'] * len(cols))})", trows)
            self._ledger_link(record, early[0] if early is not None else None, answers)
        return True

    def _column_types(self) -> dict[str, dict[str, str]]:
        """The SQL type of each column an article's rows are written to (read once a connection), for inserts that
        send a table's rows as one array a column (``unnest``)."""
        types = getattr(self, "_types", None)
        if types is None:
            rows = self.con.execute(
                "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                "JOIN pg_class c ON c.oid = a.attrelid WHERE a.attrelid = ANY(%s::regclass[]) AND a.attnum > 0 "
                "AND NOT a.attisdropped", ([t for t in COLUMNS],)).fetchall()
            types = {}
            for table, col, kind in rows:
                types.setdefault(table, {})[col] = kind
            self._types = types
        return types

    def _link_reads(self, record: Record):
        """Linking's reads for ``record`` (:func:`.link.link_reads`), or None where linking would not read them."""
        from . import link as lk

        return lk.link_reads(record)

    def _ledger_link(self, record: Record, reads: Any = None, answers: list[list[tuple]] | None = None) -> None:
        """Link into the cross-article ledger (:mod:`newsledger.ledger.rows`) one writer at a time: the
        lock, held to the end of the article's transaction, keeps racing writers from numbering two
        new ledger entities alike. Inside a batch (a pipeline) the writes go out with the article's last round
        trip; ``answers``: linking's reads, sent by :meth:`add` under the lock already."""
        if self._pipe is not None:
            if answers is None:
                self.con.execute("SELECT pg_advisory_xact_lock(%s)", (_LINK_LOCK,))  # sent with the first read
            super()._ledger_link(record, reads, answers)
            return
        if self._pipelined_link:
            try:  # writes go out without waiting for each answer: a round trip per read, not per statement
                with self.con.pipeline():
                    self.con.execute("SELECT pg_advisory_xact_lock(%s)", (_LINK_LOCK,))  # sent with the first read
                    super()._ledger_link(record)
                return
            except Exception as exc:  # noqa: BLE001 - an error inside the pipeline: link again, one by one
                log.info("pipelined linking of %r failed (%s); linking again statement by statement", record.id, exc)
                self.con.execute("ROLLBACK TO SAVEPOINT ledger_link")
                self.con.execute("RELEASE SAVEPOINT ledger_link")
        self.con.execute("SELECT pg_advisory_xact_lock(%s)", (_LINK_LOCK,))  # held already: locks stack
        super()._ledger_link(record)

    def add_many(self, records: Iterable[Record], source: str | None = None, *, replace: bool = False) -> list[bool]:
        """Store many records: one transaction and ``COPY`` for the batch; each article whose id needs a new
        name, or all of them when the batch fails, go through :meth:`add` one by one."""
        records = list(records)
        if not records:
            return []
        if replace or self._pipe is not None:  # COPY cannot run in a batch's pipeline
            return [self.add(r, source, replace=replace) for r in records]
        for r in records:
            if not isinstance(r, Record):
                raise StoreError(f"add_many takes newsledger.records.Record objects, not {type(r).__name__}")
        hashes = [text_hash(r.text) for r in records]
        out: list[bool | None] = [None] * len(records)
        try:
            self._copy_batch(records, hashes, source, out)
        except (StoreError, RecordError) as exc:
            log.info("the batch of %d records could not be copied whole (%s); storing them one by one",
                     len(records), exc)
            out = [None] * len(records)
        for i, r in enumerate(records):
            if out[i] is None:
                out[i] = self.add(r, source)
        return [bool(x) for x in out]

    def _copy_batch(self, records: list[Record], hashes: list[str], source: str | None,
                    out: list[bool | None]) -> None:
        import psycopg

        if self.readonly:
            raise StoreError(f"the ledger {self.location} is open read-only; cannot write records")
        for r in records:
            r.validate()
        now = _now()
        try:
            with self.con.transaction():
                con = self.con
                con.execute("SELECT pg_advisory_xact_lock(%s)", (_LINK_LOCK,))  # first: see add()
                ids = [r.id for r in records]
                taken_ids = {x for (x,) in con.execute("SELECT id FROM documents WHERE id = ANY(%s)", (ids,))}
                stored = {x for (x,) in con.execute("SELECT content_hash FROM documents WHERE content_hash = ANY(%s)",
                                                    (hashes,))}
                batch: dict[str, int] = {}  # id -> index of the record that goes in with the batch
                seen_hash: set[str] = set()
                for i, (r, h) in enumerate(zip(records, hashes)):
                    if h in stored or h in seen_hash:
                        out[i] = False if h in stored else None  # a repeat within the batch: decided later
                        continue
                    if r.id in taken_ids or r.id in batch:
                        continue  # needs a new id: add() one by one
                    batch[r.id] = i
                    seen_hash.add(h)
                if not batch:
                    return
                rows = {i: record_rows(records[i], hashes[i], source, now) for i in batch.values()}
                doc_cols = quoted(COLUMNS["documents"])
                con.execute("CREATE TEMPORARY TABLE IF NOT EXISTS newsledger_incoming (seq BIGINT GENERATED BY "
                            "DEFAULT AS IDENTITY, " + ", ".join(f'"{c}" TEXT' for c in COLUMNS["documents"]) +
                            ") ON COMMIT DELETE ROWS")
                with con.cursor() as cur:
                    with cur.copy(f"COPY newsledger_incoming ({doc_cols}) FROM STDIN") as cp:
                        for i in batch.values():
                            cp.write_row(rows[i]["documents"][0])
                    inserted = {x for (x,) in cur.execute(
                        f"INSERT INTO documents ({doc_cols}) SELECT {doc_cols} FROM newsledger_incoming "
                        "ORDER BY seq ON CONFLICT DO NOTHING RETURNING id")}
                    con.execute("DELETE FROM failures WHERE doc_id = ANY(%s)", (list(inserted),))
                    for table, cols in COLUMNS.items():
                        if table == "documents":
                            continue
                        with cur.copy(f"COPY {table} ({quoted(cols)}) FROM STDIN") as cp:
                            for doc_id, i in batch.items():
                                for row in (rows[i][table] if doc_id in inserted else ()):
                                    cp.write_row(row)
                for doc_id, i in batch.items():
                    if doc_id in inserted:
                        self._ledger_link(records[i])
                for doc_id, i in batch.items():
                    # not inserted: another process stored the same text or took the id a moment ago
                    out[i] = True if doc_id in inserted else None
        except psycopg.Error as exc:
            raise self._error(exc, "copy a batch of records") from None
