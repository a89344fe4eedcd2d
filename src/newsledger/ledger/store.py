"""The SQLite ledger: document records stored, searched and exported.

:class:`Ledger` keeps each document record twice over, in one transaction: whole, as the JSON
``documents.record_json`` (what :meth:`Ledger.get` and JSONL export give back, exactly as added),
and spread over relational tables (entities, mentions, relations, statements, events, times, ...)
with declared foreign keys, indexes and FTS5 full-text indexes, so that the ledger can be queried
with SQL, browsed in Datasette and exported as CSV or Parquet tables. The schema is versioned
(:mod:`newsledger.ledger.migrations`).

Robustness: the database runs in WAL mode with foreign keys on; every article is written in one
``BEGIN IMMEDIATE`` transaction, so a crash or a kill in the middle of an ingest leaves every
article either fully stored or absent, and a re-run stores the rest. The duplicate key is the
sha256 of the text (:func:`newsledger.records.text_hash`): an article whose text is stored already
is skipped. An article whose *id* is taken by a different text is stored under the id
``ID~HASH8`` (the first 8 hex digits of its text hash), so that neither version is lost; the
stored record carries that id.

Failures (inputs that could not be processed) go to the ``failures`` table with their code and
reason; the same failure seen again bumps its ``attempts``, and a document that is stored later
clears the failures recorded under its id, so the table lists what still fails.

Search runs FTS5 queries over article titles and text (``documents_fts``) and statement content
(``statements_fts``), external-content indexes kept in step by triggers. Every SQLite error is
raised as a :class:`~newsledger.errors.StoreError` saying what to do.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import IO, Any, Callable, Iterator, TypeVar

from ..errors import MigrationError, RecordError, StoreError
from ..records import Record, text_hash
from .base import Store
from .rows import LedgerRowsMixin
from .migrations import check_known, current_version, migrate
from .tables import COLUMNS, quoted, record_rows

__all__ = ["Ledger", "SearchHit", "SCOPES", "fts_query"]

log = logging.getLogger("newsledger")

#: What :meth:`Ledger.search` can search.
SCOPES = ("all", "articles", "statements", "speakers")

_FTS_HINT = ('the query uses SQLite FTS5 syntax: words match words, put a phrase or anything with punctuation '
             'in double quotes ("Lake Ordan", "U.N."), combine with AND, OR, NOT and parentheses, and end a '
             'word with * to match a prefix')


_MAX_LIMIT = 1_000_000
_QUERY_TOKEN = re.compile(r'"[^"]*"|\S+')
_OPERATORS = {"OR", "AND", "NOT"}
_COLUMN = re.compile(r"^(title|text|content):(.+)$", re.IGNORECASE)


def fts_query(query: str) -> str:
    """The FTS5 query for what a user typed: every word and ``"phrase"`` quoted as an FTS5 phrase
    (so ``cease-fire``, ``U.N.`` and ``O'Brien`` are words, never syntax), ``word*`` a prefix,
    ``title:word`` a column filter, and ``OR``/``AND``/``NOT`` (upper case, between two terms) kept
    as operators.

    Hand-written: FTS5 has no function that quotes user input; this is its documented quoting rule
    (a phrase is a double-quoted string, an inner ``"`` doubled).
    """
    parts: list[str] = []
    for tok in _QUERY_TOKEN.findall(query):
        if tok in _OPERATORS:
            if parts and parts[-1] not in _OPERATORS:
                parts.append(tok)
            continue
        column = ""
        m = _COLUMN.match(tok)
        if m:  # a column filter: title:word (articles), text:word, content:word (statements)
            column, tok = f"{m.group(1).lower()}:", m.group(2)
        prefix = ""
        if len(tok) >= 2 and tok.startswith('"') and tok.endswith('"'):
            words = tok[1:-1]
        else:
            prefix = "*" if tok.endswith("*") and tok.strip("*") else ""
            words = tok.strip("*").replace('"', " ")
        if not any(ch.isalnum() for ch in words):
            continue  # punctuation alone matches nothing and would be an empty phrase
        parts.append(column + '"' + " ".join(words.split()).replace('"', '""') + '"' + prefix)
    while parts and parts[-1] in _OPERATORS:
        parts.pop()
    if not parts:
        raise StoreError(f"the search query {query!r} holds no words; give words to look for, e.g. "
                         "`newsledger search ceasefire`")
    return " ".join(parts)


_SEARCH_SQL = {
    "article": "SELECT d.id, NULL, snippet(documents_fts, -1, '[', ']', '…', 16), documents_fts.rank "
               "FROM documents_fts JOIN documents d ON d.pk = documents_fts.rowid "
               "WHERE documents_fts MATCH ? AND documents_fts.rowid >= ? ORDER BY documents_fts.rank LIMIT ?",
    "statement": "SELECT s.doc_id, s.id, snippet(statements_fts, 0, '[', ']', '…', 16), statements_fts.rank "
                 "FROM statements_fts JOIN statements s ON s.pk = statements_fts.rowid "
                 "WHERE statements_fts MATCH ? AND statements_fts.rowid >= ? ORDER BY statements_fts.rank LIMIT ?",
}
#: The newest matches ranked at most, of each kind: the rowid of the last of them bounds the ranked query,
#: so a word found in most of a large archive is not ranked over all of it (the PostgreSQL store does the same).
_CANDIDATES = 500
_OLDEST_CANDIDATE = {
    "article": "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
    "statement": "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
}
#: bm25 needs each phrase's idf, and FTS5 counts it by reading every row that holds the phrase, whatever
#: the bound above: a phrase found in more rows than this makes ranking cost a scan of the archive
#: (about 15 ms for a word, 50 ms for a two-word phrase, in 100,000 articles), so such a query lists its
#: newest matches first, unranked (rank 0.0). FTS5 walks its index newest first and stops at the limit.
_RANK_SCAN_MAX = 5000
_NEWEST_SQL = {
    "article": "SELECT d.id, NULL, snippet(documents_fts, -1, '[', ']', '…', 16), 0.0 "
               "FROM documents_fts JOIN documents d ON d.pk = documents_fts.rowid "
               "WHERE documents_fts MATCH ? ORDER BY documents_fts.rowid DESC LIMIT ?",
    "statement": "SELECT s.doc_id, s.id, snippet(statements_fts, 0, '[', ']', '…', 16), 0.0 "
                 "FROM statements_fts JOIN statements s ON s.pk = statements_fts.rowid "
                 "WHERE statements_fts MATCH ? ORDER BY statements_fts.rowid DESC LIMIT ?",
}
#: the phrases of an FTS5 query made by fts_query: an optional column filter, a quoted phrase, a prefix star
_PHRASE = re.compile(r'(?:[a-z]+:)?"(?:[^"]|"")*"\*?')


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: an article (``kind`` "article", ``ref`` None) or a statement in it
    (``kind`` "statement", ``ref`` its statement id). ``snippet`` shows the matching words in
    [brackets]; ``rank`` is FTS5's bm25 score, lower is better (0.0: listed newest first, unranked)."""

    doc_id: str
    kind: str
    ref: str | None
    snippet: str
    rank: float

    def to_json(self) -> dict:
        return {"doc_id": self.doc_id, "kind": self.kind, "ref": self.ref, "snippet": self.snippet,
                "rank": self.rank}


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), foreign keys on.

    ``readonly``: opened with ``mode=ro``, nothing about the file changed; in a folder this process
    cannot write (where SQLite cannot make the WAL index of a WAL-mode ledger) it falls back to
    ``immutable=1``, which is safe only when no ``-wal`` file holds uncheckpointed writes, so that
    case is refused. The WAL journal is switched on later, by :class:`Ledger`, and only for a file
    known to be a newsledger ledger (never another program's database).
    """
    try:
        if readonly:
            con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30.0, isolation_level=None)
        else:
            con = sqlite3.connect(str(path), timeout=30.0, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the ledger {path}: {exc}; check the path and its permissions") from None
    try:
        try:
            con.execute("PRAGMA schema_version").fetchone()  # reads the header: fails on a non-SQLite file
        except sqlite3.OperationalError:
            # only where the folder is not writable (SQLite cannot make the WAL index there); a locked
            # or busy ledger must never be read immutable, as if no writer could change it
            if not readonly or os.access(path.resolve().parent, os.W_OK):
                raise
            con.close()
            con = _connect_immutable(path)
        con.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        con.close()
        if isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc)):
            raise StoreError(f"the ledger {path} is locked by another process ({exc}); wait for it to finish and "
                             "try again") from None
        if isinstance(exc, sqlite3.OperationalError) and "unable to open" in str(exc):
            raise StoreError(f"cannot open the ledger {path}: {exc}; check that its folder exists and that you may "
                             "read and write there (or give --db another path)") from None
        raise StoreError(f"{path} is not an SQLite database ({exc}); give --db a new file name or an existing "
                         "newsledger ledger") from None
    return con


def _connect_immutable(path: Path) -> sqlite3.Connection:
    """A read-only connection to a WAL ledger in a folder we cannot write (see :func:`_connect`)."""
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise StoreError(f"cannot read the ledger {path} read-only: its write-ahead log {wal} holds writes not yet "
                         "merged into it, and its folder is not writable; open it once where it can be written "
                         "(any newsledger command that writes, or `sqlite3 FILE 'PRAGMA wal_checkpoint'`)")
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, timeout=30.0,
                          isolation_level=None)
    con.execute("PRAGMA schema_version").fetchone()
    return con


def _use_wal(con: sqlite3.Connection) -> None:
    try:
        con.execute("PRAGMA journal_mode = WAL").fetchone()
        con.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.OperationalError:  # a read-only location: keep the rollback journal
        pass


_F = TypeVar("_F", bound=Callable[..., Any])


def _guarded(func: _F) -> _F:
    """Turn an SQLite error inside a reading method into a StoreError that says what to do."""

    @wraps(func)
    def wrapper(self: "Ledger", *args: Any, **kwargs: Any) -> Any:
        try:
            return func(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise _damaged(self.path, exc) from None

    return wrapper  # type: ignore[return-value]


def _damaged(path: Path, exc: Exception) -> StoreError:
    why = str(exc) if len(str(exc)) <= 160 else str(exc)[:160] + "…"
    return StoreError(f"cannot read the ledger {path}: {why}; if the file is damaged, check it with "
                      f"`sqlite3 {path} 'PRAGMA integrity_check'` and restore a copy, or ingest into a new --db")


class Ledger(LedgerRowsMixin, Store):
    """An SQLite ledger of document records (the default :class:`~newsledger.ledger.base.Store`).

    >>> with Ledger("news.db") as ledger:          # doctest: +SKIP
    ...     ledger.add(record)
    ...     hits = ledger.search('"peace talks"')

    ``create=False`` opens an existing ledger only (raising StoreError where there is none). Opening
    migrates an older schema to the current one.
    """

    def __init__(self, path: str | Path, create: bool = True, readonly: bool = False) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        self.readonly = readonly
        self._batching = False  # inside batch(): each write a savepoint of the batch's transaction
        if readonly:
            create = False
        if str(path).startswith(("postgresql:", "postgres:")):
            raise StoreError(f"{path} is a PostgreSQL URL, and this SQLite ledger takes a file path; open it with "
                             "newsledger.ledger.open_store (the PostgreSQL backend), or give --db a file name")
        try:
            self._check_path(create)
        except PermissionError as exc:  # a folder on the way this user may not enter
            raise StoreError(f"cannot reach the ledger {self.path}: permission denied ({exc.filename}); give --db "
                             "a path in a folder you may read (and write, for ingest)") from None
        except OSError as exc:
            raise StoreError(f"cannot reach the ledger {self.path}: {exc.strerror or exc}; check the path") from None
        self._con: sqlite3.Connection | None = _connect(self.path, readonly)
        try:
            check_known(self._con, self.path)  # another program's file, or a newer schema: refused untouched
            if readonly:
                if current_version(self._con) == 0:
                    raise StoreError(f"{self.path} is an empty file, not a newsledger ledger; create one with "
                                     f"`newsledger ingest FILE --db {self.path}` (it was left as it is)")
            else:
                _use_wal(self._con)
                migrate(self._con, self.path)
            self._check_tables()
        except StoreError:  # MigrationError included
            self.close()
            raise
        except sqlite3.DatabaseError as exc:
            self.close()
            raise StoreError(f"cannot read the ledger {self.path}: {exc}") from None

    def _check_path(self, create: bool) -> None:
        """Refuse a directory, or (``create`` off) a missing file; make missing parent folders."""
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a directory; give --db the path of a ledger file, e.g. "
                             f"{self.path / 'newsledger.db'}")
        if not self.path.exists():
            if not create:
                raise StoreError(f"no ledger at {self.path}; create one with `newsledger ingest FILE --db {self.path}`")
            if not self.path.parent.exists():
                try:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StoreError(f"cannot create the folder for the ledger {self.path}: {exc}") from None

    def _check_tables(self) -> None:
        from .export import TABLES

        have = {r[0] for r in self.con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = [t for t in (*TABLES, "documents_fts", "statements_fts") if t not in have]
        if missing:
            raise MigrationError(f"the ledger {self.path} is damaged: it is at schema version "
                                 f"{current_version(self.con)} but lacks the tables {missing}; ingest into a new "
                                 "--db (or restore a copy)")

    # ------------------------------------------------------------------ lifecycle
    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database (idempotent)."""
        if self._con is not None:
            self._con.close()
            self._con = None

    @property
    def con(self) -> sqlite3.Connection:
        """The underlying sqlite3 connection (autocommit mode; for read queries of your own)."""
        if self._con is None:
            raise StoreError(f"the ledger {self.path} is closed; open it again with Ledger(path)")
        return self._con

    @property
    def schema_version(self) -> int:
        """The schema version of the open database (see :mod:`newsledger.ledger.migrations`)."""
        return current_version(self.con)

    @contextmanager
    def _write(self, what: str) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole or rolled back whole (inside :meth:`batch`, a savepoint of
        the batch's transaction: rolled back whole, committed with the batch)."""
        if self.readonly:
            raise StoreError(f"the ledger {self.path} is open read-only; cannot write {what}")
        con = self.con
        if self._batching:
            con.execute("SAVEPOINT newsledger_write")
            try:
                yield con
                con.execute("RELEASE SAVEPOINT newsledger_write")
            except BaseException as exc:
                if con.in_transaction:
                    con.execute("ROLLBACK TO SAVEPOINT newsledger_write")
                    con.execute("RELEASE SAVEPOINT newsledger_write")
                if isinstance(exc, sqlite3.Error):
                    raise StoreError(f"could not write {what} to the ledger {self.path}: {exc}; nothing of it was "
                                     "stored") from exc
                raise
            return
        try:
            con.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to the ledger {self.path} ({what}): {exc}; another process may hold "
                             "it locked, or it is read-only") from None
        try:
            yield con
            con.execute("COMMIT")
        except BaseException as exc:
            if con.in_transaction:
                con.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"could not write {what} to the ledger {self.path}: {exc}; nothing of it was "
                                 "stored") from exc
            raise

    @contextmanager
    def batch(self, what: str = "a batch of records") -> Iterator["Ledger"]:
        """One write transaction for many writes (see :meth:`Store.batch`): ``BEGIN IMMEDIATE`` here, each
        write inside a savepoint, one ``COMMIT`` (and one flush of the full-text indexes) at the end."""
        if self._batching:  # nested: the outer batch commits
            yield self
            return
        with self._write(what):
            self._batching = True
            try:
                yield self
            finally:
                self._batching = False

    # ------------------------------------------------------------------ writing
    @_guarded
    def has_hash(self, content_hash: str) -> bool:
        """Whether an article with this text hash (:func:`newsledger.records.text_hash`) is stored."""
        row = self.con.execute("SELECT 1 FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
        return row is not None

    @_guarded
    def has_id(self, doc_id: str) -> bool:
        """Whether a document with this id is stored."""
        return self.con.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def add(self, record: Record, source: str | None = None, *, replace: bool = False) -> bool:
        """Store one record with all its parts in one transaction.

        Returns False (storing nothing) when an article with the same text is stored already. A
        record whose id is taken by a different text is stored as ``ID~HASH8`` (see the module
        docstring). Failures recorded earlier for the same document id are cleared: the failures
        table lists what still fails. Raises RecordError for a record that breaks the SPEC, StoreError when the
        database cannot be written.
        """
        if not isinstance(record, Record):
            raise StoreError(f"Ledger.add takes a newsledger.records.Record, not {type(record).__name__}")
        record.validate()
        h = text_hash(record.text)
        with self._write(f"the record {record.id!r}") as con:
            if replace:
                self._ledger_unlink(r[0] for r in con.execute("SELECT id FROM documents WHERE id = ? OR content_hash = ?",
                                                              (record.id, h)).fetchall())
                con.execute("DELETE FROM documents WHERE id = ? OR content_hash = ?", (record.id, h))
            elif con.execute("SELECT 1 FROM documents WHERE content_hash = ?", (h,)).fetchone():
                return False
            # it went through this time: failures of this document, or of the input it came from, are over
            con.execute("DELETE FROM failures WHERE doc_id = ? OR source = ?", (record.id, source))
            record = self._free_id(con, record, h)
            _insert_record(con, record, h, source)
            self._ledger_link(record)
        return True

    def _free_id(self, con: sqlite3.Connection, record: Record, h: str) -> Record:
        if not con.execute("SELECT 1 FROM documents WHERE id = ?", (record.id,)).fetchone():
            return record
        base = f"{record.id}~{h[:8]}"
        new, n = base, 1
        while con.execute("SELECT 1 FROM documents WHERE id = ?", (new,)).fetchone():
            n += 1
            new = f"{base}-{n}"
        log.warning("the id %r is taken by another text in %s; storing this article as %r", record.id, self.path, new)
        return record.replace(id=new)

    def add_many(self, records, source: str | None = None, *, replace: bool = False) -> list[bool]:
        """:meth:`add` for each record (each in its own transaction)."""
        return [self.add(r, source, replace=replace) for r in records]

    # ------------------------------------------------------------------ reading
    @_guarded
    def get(self, doc_id: str) -> Record:
        """The stored record of ``doc_id``, exactly as it was added."""
        row = self.con.execute("SELECT record_json FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise StoreError(f"no document with id {doc_id!r} in {self.path}; find ids with "
                             f"`newsledger search WORDS --db {self.path}`")
        return _load(row[0], doc_id)

    @_guarded
    def get_many(self, doc_ids) -> list[Record]:
        """The stored records of ``doc_ids`` (unknown ids skipped), in the order given."""
        ids = list(doc_ids)
        found: dict[str, str] = {}
        for at in range(0, len(ids), 500):  # one query for many: an entity's articles are read at once
            chunk = ids[at:at + 500]
            found.update(self.con.execute(f"SELECT id, record_json FROM documents WHERE id IN "
                                          f"({', '.join('?' * len(chunk))})", chunk).fetchall())
        return [_load(found[i], i) for i in ids if i in found]

    def iter_records(self) -> Iterator[Record]:
        """Every stored record, in the order they were stored (streaming)."""
        try:
            cur = self.con.execute("SELECT id, record_json FROM documents ORDER BY pk")
            for doc_id, js in cur:
                yield _load(js, doc_id)
        except sqlite3.DatabaseError as exc:
            raise _damaged(self.path, exc) from None

    # the base's portable reads, with SQLite's errors turned into StoreErrors
    ids = _guarded(Store.ids)
    count = _guarded(Store.count)
    stats = _guarded(Store.stats)
    failures = _guarded(Store.failures)

    # ------------------------------------------------------------------ search
    @_guarded
    def search(self, query: str, limit: int = 20, scope: str = "all") -> list[SearchHit]:
        """Full-text search over article titles and text and statement content.

        The query is read by :func:`fts_query`: words (punctuation inside them is taken as written:
        ``cease-fire``, ``U.N.``, ``O'Brien``), ``"phrases"``, ``OR``/``AND``/``NOT`` between terms and
        ``prefix*``; no other FTS5 syntax gets through; English words are stemmed. ``scope`` is "all",
        "articles" or "statements"; hits come best first (bm25 over the newest 500 matches of each kind),
        except where a word or phrase of the query is found in more than 5,000 rows: then the newest
        matches come first, unranked (``rank`` 0.0), since ranking would read every one of those rows. "speakers" lists the statements of the speakers
        whose name (any spelling the ledger links) matches ``query``.
        """
        if scope not in SCOPES:
            raise StoreError(f"unknown search scope {scope!r}; use one of {', '.join(SCOPES)}")
        if not query or not query.strip():
            raise StoreError("empty search query; give words to look for, e.g. `newsledger search ceasefire`")
        if limit < 1:
            raise StoreError(f"the search limit must be at least 1, not {limit}")
        limit = min(int(limit), _MAX_LIMIT)  # SQLite integers are 64-bit: a huge --limit means 'all hits'
        if scope == "speakers":  # statements by a speaker of that name, however spelled (the cross-article ledger)
            return [SearchHit(d, "statement", sid, " ".join(content.split())[:200], 0.0)
                    for d, sid, content in self.speaker_statements(query, limit)]
        asked, query = query, fts_query(query)
        phrases = _PHRASE.findall(query)
        found: list[tuple[float, int, SearchHit]] = []  # (rank, place among the newest for unranked hits, hit)
        errors: list[sqlite3.OperationalError] = []
        for kind in (("article", "statement") if scope == "all" else (scope[:-1],)):
            try:
                oldest = self.con.execute(_OLDEST_CANDIDATE[kind], (query, _CANDIDATES - 1)).fetchone()
                # ranking reads every row of each phrase: affordable when the query has few matches and is
                # one phrase, else only when no phrase is found in more than _RANK_SCAN_MAX rows
                few = oldest is None and len(phrases) == 1 and _CANDIDATES <= _RANK_SCAN_MAX
                costly = not few and any(
                    self.con.execute(_OLDEST_CANDIDATE[kind], (p, _RANK_SCAN_MAX - 1)).fetchone() is not None
                    for p in phrases)
                if costly:
                    rows = self.con.execute(_NEWEST_SQL[kind], (query, min(int(limit), _CANDIDATES))).fetchall()
                else:
                    rows = self.con.execute(_SEARCH_SQL[kind], (query, oldest[0] if oldest else 0,
                                                                int(limit))).fetchall()
            except sqlite3.OperationalError as exc:  # e.g. `title:x` names a column only articles have
                errors.append(exc)
                continue
            found += [(float(rank), i if costly else 0, SearchHit(doc_id, kind, ref, " ".join(snip.split()), float(rank)))
                      for i, (doc_id, ref, snip, rank) in enumerate(rows)]
        if errors and (len(errors) == (2 if scope == "all" else 1) or "no such column" not in str(errors[0])):
            raise StoreError(f"cannot search for {asked!r}: {errors[0]}; {_FTS_HINT}") from None
        found.sort(key=lambda f: (f[0], f[1], f[2].doc_id, f[2].kind, f[2].ref or ""))
        return [h for _, _, h in found[:limit]]

    # ------------------------------------------------------------------ export
    @_guarded
    def export(self, fmt: str, output: Path | None = None, table: str | None = None,
               stream: IO[str] | None = None) -> list[Path]:
        """Export records (``jsonl``) or tables (``csv``, ``parquet``); the paths written.

        Output without a file goes to ``stream`` (default: stdout). See
        :mod:`newsledger.ledger.export` for where each format goes.
        """
        from .export import export

        return export(self, fmt, Path(output) if output is not None else None, table,
                      stream if stream is not None else sys.stdout)

    # ------------------------------------------------------------------ portable SQL (base.Store)
    @_guarded
    def _rows(self, sql: str, params=()) -> list[tuple]:
        return self.con.execute(sql, tuple(params)).fetchall()

    def _exec(self, sql: str, params=()) -> int:
        return self.con.execute(sql, tuple(params)).rowcount

    def _exec_many(self, sql: str, rows) -> None:
        if rows:
            self.con.executemany(sql, rows)

    def _transaction(self, what: str):
        return self._write(what)

    def _table_columns(self, table: str) -> list[tuple[str, str]]:
        """(name, declared type) of each column of a table or view (for exports)."""
        return [(r[1], (r[2] or "").upper()) for r in self.con.execute(f"PRAGMA table_info({table})")]

    def _table_rows(self, table: str, columns: list[str], batch: int = 5000) -> Iterator[list[tuple]]:
        """The rows of ``table`` (these columns) in the order stored, in batches (for exports)."""
        cur = self.con.execute(f"SELECT {quoted(columns)} FROM {table} ORDER BY rowid")
        while rows := cur.fetchmany(batch):
            yield rows

    def _record_jsons(self) -> Iterator[tuple[str, str]]:
        """Every stored record's (id, JSON), in the order stored (for exports)."""
        yield from self.con.execute("SELECT id, record_json FROM documents ORDER BY pk")

    def __repr__(self) -> str:
        return f"Ledger({str(self.path)!r})"


def _load(js: str, doc_id: str) -> Record:
    """The stored record, checked against the SPEC (a damaged one is a StoreError, never passed on)."""
    try:
        if not isinstance(js, str):
            raise RecordError(f"the stored JSON is a {type(js).__name__}, not text")
        return Record.loads(js).validate()
    except (RecordError, ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        why = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
        why = " ".join(str(why).split())
        raise StoreError(f"the stored record of {doc_id!r} is damaged ({why[:200]}); re-ingest the article "
                         "after removing it") from None


# ---------------------------------------------------------------------------- rows of a record
def _insert_record(con: sqlite3.Connection, r: Record, h: str, source: str | None) -> None:
    """Insert ``r`` and its parts (inside the caller's transaction): the rows of
    :func:`newsledger.ledger.tables.record_rows`, shared with the PostgreSQL ledger."""
    for table, rows in record_rows(r, h, source, _now()).items():
        if rows:
            _insert_rows(con, table, rows)


def _insert_rows(con: sqlite3.Connection, table: str, rows: list[tuple]) -> None:
    cols = COLUMNS[table]
    con.executemany(f"INSERT INTO {table} ({quoted(cols)}) VALUES ({', '.join('?' * len(cols))})", rows)
