"""The store interface: what every ledger backend (SQLite, PostgreSQL) offers, agreed once.

Everything above the store — the CLI, the REST API and web UI, the cross-article ledger
(:mod:`newsledger.ledger.link`, :mod:`newsledger.ledger.track`), Dask loading — talks to a
:class:`Store` and never to a backend's connection. :func:`open_store` picks the backend from the
location: ``postgresql://...`` (or ``postgres://``) is PostgreSQL, anything else an SQLite file.

Three layers, each an abstract method group below:

1. **Documents** — the document records, whole and spread over relational tables; duplicates by text
   hash; ``replace=True`` overwrites a stored article with the same id or text (a corrected date or
   outlet); failures kept with their reason; full-text search; exports.
2. **Cross-article ledger rows** — ledger entities (``L1``, ``L2``, ...) with their members
   ``(doc, entity)``, the ``why`` of each merge, blocking keys, and manual merge/split decisions
   that survive every relink. Written in portable SQL through :meth:`Store._rows` / :meth:`Store._exec`
   (``?`` placeholders; the PostgreSQL backend rewrites them) so both backends share one
   implementation (:class:`LedgerRowsMixin` in :mod:`newsledger.ledger.rows`).
3. **Reading modes** — ``readonly=True`` opens without writing anything (no WAL switch, no schema
   written, no migration); every read command opens that way.

Errors: every backend raises :class:`~newsledger.errors.StoreError` (or a subclass) with a message
that says what to do; never a driver's own exception.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Iterable, Iterator, Sequence

if TYPE_CHECKING:
    from ..records import Failure, Record
    from .store import SearchHit

__all__ = ["Store", "open_store", "is_postgres_url"]


def is_postgres_url(location: str | Path) -> bool:
    """Whether ``location`` names a PostgreSQL database rather than an SQLite file."""
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


class Store(ABC):
    """One ledger database. Use as a context manager; every method may raise StoreError."""

    #: the path or URL it was opened from (passwords masked in messages)
    location: str
    #: opened for reading only
    readonly: bool

    # ------------------------------------------------------------------ lifecycle
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def close(self) -> None: ...

    @property
    @abstractmethod
    def schema_version(self) -> int: ...

    # ------------------------------------------------------------------ documents: writing
    @abstractmethod
    def add(self, record: "Record", source: str | None = None, *, replace: bool = False) -> bool:
        """Store one record in one transaction. False when the same text is stored already (and
        ``replace`` is off). With ``replace``, a stored article of the same id or text is replaced
        (its ledger links are redone). Clears earlier failures of the same document id."""

    @abstractmethod
    def add_many(self, records: Iterable["Record"], source: str | None = None, *,
                 replace: bool = False) -> list[bool]:
        """Bulk :meth:`add` (COPY on PostgreSQL); each article still all-or-nothing."""

    def batch(self, what: str = "a batch of records"):
        """Context manager: the writes made inside (``add``, ``add_failure``, ...) go in one transaction,
        committed at the end of the block, each still all-or-nothing (a savepoint of it: a write that raises
        is rolled back alone, and the block may go on). Fewer commits, so a faster ingest; a crash loses at
        most the writes of the open block, which a re-run stores again. Readers on other connections see
        the block's writes when it ends. This default runs each write in its own transaction."""
        from contextlib import nullcontext

        return nullcontext(self)

    def add_failure(self, failure: "Failure") -> None:
        """Record an input that failed, with its reason; the same failure again bumps ``attempts``.
        (Portable SQL: every backend shares it.)"""
        import datetime as dt

        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with self._transaction(f"the failure of {failure.source}"):
            self._exec(
                "INSERT INTO failures (source, code, reason, doc_id, detail, first_at, at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (source, code, reason) DO UPDATE SET attempts = failures.attempts + 1, at = excluded.at, "
                "doc_id = COALESCE(excluded.doc_id, failures.doc_id), detail = COALESCE(excluded.detail, failures.detail)",
                (failure.source, failure.code, failure.reason, failure.doc_id, failure.detail, now, now))

    def remove(self, doc_id: str) -> bool:
        """Delete a document, everything extracted from it and its ledger links; False when there was none."""
        with self._transaction(f"the removal of {doc_id!r}"):
            self._ledger_unlink([doc_id])  # type: ignore[attr-defined]  (LedgerRowsMixin, on every backend)
            return self._exec("DELETE FROM documents WHERE id = ?", (doc_id,)) > 0

    # ------------------------------------------------------------------ documents: reading
    @abstractmethod
    def has_hash(self, content_hash: str) -> bool: ...

    @abstractmethod
    def has_id(self, doc_id: str) -> bool: ...

    @abstractmethod
    def get(self, doc_id: str) -> "Record": ...

    @abstractmethod
    def get_many(self, doc_ids: Sequence[str]) -> list["Record"]:
        """The records of these ids (missing ids skipped), in the order given."""

    @abstractmethod
    def iter_records(self) -> Iterator["Record"]: ...

    # (Portable SQL: every backend shares these; its ``_rows`` turns a driver error into a StoreError.)
    def ids(self) -> list[str]:
        """Every stored document id, in the order they were stored."""
        return [r[0] for r in self._rows("SELECT id FROM documents ORDER BY pk")]

    def count(self) -> int:
        """How many documents are stored."""
        return int(self._rows("SELECT COUNT(*) FROM documents")[0][0])

    def stats(self) -> dict[str, int]:
        """Row counts: documents, entities, statements, events, failures."""
        return {t: int(self._rows(f"SELECT COUNT(*) FROM {t}")[0][0])
                for t in ("documents", "entities", "statements", "events", "failures")}

    _FAILURE_COLUMNS = ("source", "code", "reason", "doc_id", "attempts", "first_at", "at")

    def failures(self) -> list[dict[str, Any]]:
        """The recorded failures, latest first."""
        rows = self._rows(f"SELECT {', '.join(self._FAILURE_COLUMNS)} FROM failures ORDER BY at DESC, pk DESC")
        return [dict(zip(self._FAILURE_COLUMNS, row)) for row in rows]

    @abstractmethod
    def search(self, query: str, limit: int = 20, scope: str = "all") -> list["SearchHit"]:
        """Full-text search; user words are taken as words (punctuation never leaks query syntax),
        stemmed ("hostage" finds "hostages"); scope "all" | "articles" | "statements" | "speakers"."""

    @abstractmethod
    def export(self, fmt: str, output: Path | None = None, table: str | None = None,
               stream: IO[str] | None = None) -> list[Path]: ...

    # ------------------------------------------------------------------ portable SQL primitives
    @abstractmethod
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Run a read query written with ``?`` placeholders; all rows."""

    @abstractmethod
    def _exec(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one write statement (``?`` placeholders) inside the current transaction; rowcount."""

    def _rows_many(self, queries: Sequence[tuple[str, Sequence[Any]]]) -> list[list[tuple]]:
        """Run several read queries (``?`` placeholders) that do not depend on each other; the rows of each.
        A backend may send them at once (PostgreSQL: one pipeline, one round trip)."""
        return [self._rows(sql, params) for sql, params in queries]

    def _exec_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one write statement (``?`` placeholders) once for each of ``rows``, inside the current
        transaction; a backend sends them together (SQLite ``executemany``, PostgreSQL one pipelined batch)."""
        for row in rows:
            self._exec(sql, row)

    @abstractmethod
    def _transaction(self, what: str):
        """Context manager: one write transaction, committed whole or rolled back whole."""


def open_store(location: str | Path = "newsledger.db", *, create: bool = True, readonly: bool = False) -> Store:
    """Open the ledger at ``location``: an SQLite file path, or a ``postgresql://`` URL."""
    if is_postgres_url(location):
        from .postgres import PostgresLedger

        return PostgresLedger(str(location), create=create, readonly=readonly)
    from .store import Ledger

    return Ledger(location, create=create, readonly=readonly)  # type: ignore[call-arg]
