"""Versioned schema migrations for the SQLite ledger.

Each migration is a numbered SQL file in ``ledger/migrations/`` (``0001_initial.sql``,
``0002_...sql``), shipped as package data. :func:`migrate` applies the ones a database lacks, in
order, each in its own ``BEGIN IMMEDIATE`` transaction together with its row in
``schema_migrations`` (version, name, applied_at) and ``PRAGMA user_version``, so a database is
always at exactly one version: a crash mid-migration rolls that migration back whole, and two
processes opening the same new file at once cannot both apply it (the second re-reads the version
under the write lock and finds nothing left to do).

A database whose version is newer than the newest migration this code ships is refused with a
:class:`~newsledger.errors.MigrationError` (an older newsledger must not write to a schema it does
not know); an SQLite file holding other tables but no ``schema_migrations`` is refused with a
:class:`~newsledger.errors.StoreError` (it is some other program's database).

To change the schema, add the next numbered file; never edit one that has shipped.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import MigrationError, StoreError

__all__ = ["Migration", "migrations", "latest_version", "current_version", "check_known", "migrate",
           "split_statements"]

_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

_BOOTSTRAP = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""


@dataclass(frozen=True)
class Migration:
    """One schema step: ``version`` (the file's number), ``name`` and its SQL."""

    version: int
    name: str
    sql: str


@cache
def migrations() -> tuple[Migration, ...]:
    """Every migration the package ships, by version; the versions run 1, 2, ... without gaps."""
    folder = resources.files("newsledger.ledger") / "migrations"
    found = []
    for entry in folder.iterdir():
        m = _FILE.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda x: x.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise MigrationError(f"the ledger migrations shipped with newsledger are numbered {versions}, not 1..N; "
                             "the installation is damaged: reinstall newsledger")
    return tuple(found)


def latest_version() -> int:
    """The schema version this code writes."""
    return migrations()[-1].version


def split_statements(sql: str) -> list[str]:
    """The SQL statements of a script, whole (trigger bodies with their inner ``;`` included)."""
    out: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if _has_code(buf):
                out.append(buf.strip())
            buf = ""
    if _has_code(buf):
        raise MigrationError(f"unterminated SQL statement in a ledger migration: {buf.strip()[:80]!r}")
    return out


def _has_code(sql: str) -> bool:
    return any(line.strip() and not line.strip().startswith("--") for line in sql.splitlines())


def _tables(con: sqlite3.Connection) -> set[str]:
    return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def current_version(con: sqlite3.Connection) -> int:
    """The highest migration applied to ``con``'s database (0 for an empty database)."""
    if "schema_migrations" not in _tables(con):
        return 0
    row = con.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0)


def check_known(con: sqlite3.Connection, path: Path | str) -> None:
    """Refuse (without writing anything) another program's SQLite file, or a ledger newer than this code.

    The version is read from ``schema_migrations`` and from ``PRAGMA user_version`` (kept equal by
    :func:`migrate`); the higher one counts, so a ledger a newer newsledger wrote is refused either way.
    """
    tables = _tables(con)
    if "schema_migrations" not in tables:
        own = {t for t in tables if not t.startswith("sqlite_")}
        if own:
            raise StoreError(f"{path} is an SQLite database but not a newsledger ledger (it has the tables "
                             f"{sorted(own)[:8]} and no schema_migrations); give --db a new file name")
    user_version = int(con.execute("PRAGMA user_version").fetchone()[0])
    version = max(current_version(con), user_version)
    if version > latest_version():
        raise MigrationError(f"the ledger {path} has schema version {version}, newer than this newsledger knows "
                             f"(version {latest_version()}); upgrade newsledger (pip install -U newsledger) "
                             "to open it")


def migrate(con: sqlite3.Connection, path: Path | str = "the ledger") -> list[int]:
    """Bring ``con``'s database to the latest schema; the versions applied (none when up to date).

    ``con`` must be in autocommit mode (``isolation_level=None``); each migration runs in its own
    transaction.
    """
    check_known(con, path)
    applied: list[int] = []
    for m in migrations():
        if current_version(con) >= m.version:
            continue
        if _apply(con, m, path):
            applied.append(m.version)
    return applied


def _apply(con: sqlite3.Connection, m: Migration, path: Path | str) -> bool:
    con.execute("BEGIN IMMEDIATE")
    try:
        check_known(con, path)  # re-read under the write lock: another process may have migrated
        con.execute(_BOOTSTRAP)
        if current_version(con) >= m.version:
            con.execute("COMMIT")
            return False
        for statement in split_statements(m.sql):
            con.execute(statement)
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        con.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (m.version, m.name, now))
        con.execute(f"PRAGMA user_version = {int(m.version)}")
        con.execute("COMMIT")
        return True
    except BaseException as exc:
        if con.in_transaction:
            con.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise MigrationError(f"could not apply ledger migration {m.version:04d}_{m.name} to {path}: {exc}; "
                                 "the database was left at its previous version") from exc
        raise
