"""The parts of the PostgreSQL ledger (:mod:`.postgres`) outside its class: the versioned migrations
(``ledger/migrations_pg``), the advisory lock keys, SQLite-style placeholders translated, passwords
masked in URLs, and the guard that turns a driver error into a :class:`~newsledger.errors.StoreError`."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, wraps
from importlib import resources
from typing import Any, Callable, TYPE_CHECKING, TypeVar

from ..errors import MigrationError, RecordError, StoreError
from ..records import Record

if TYPE_CHECKING:
    from .postgres import PostgresLedger


#: the advisory lock key held while migrating (any fixed 64-bit number; "newsledger" in ASCII, cut)
_MIGRATION_LOCK = 0x6E6577736C6564
#: held while an article is linked into the cross-article ledger: new ledger ids are numbered in turn
_LINK_LOCK = _MIGRATION_LOCK + 1
_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
_TS_CONFIG = "newsledger_english"


def mask_url(url: str) -> str:
    """``url`` with any password replaced by ``***`` (in the user part and in a ``password=`` parameter)."""
    url = re.sub(r"(://[^:/@?#]*:)[^@/?#]*@", r"\1***@", url)
    return re.sub(r"(?i)(password=)[^&\s]*", r"\1***", url)


def translate_placeholders(sql: str) -> str:
    """Portable SQL (``?`` placeholders) for psycopg: ``?`` outside quotes becomes ``%s`` and every
    ``%`` is doubled (psycopg reads ``%`` as the start of a placeholder)."""
    out: list[str] = []
    quote: str | None = None
    for ch in sql:
        if quote:
            if ch == quote:
                quote = None
            out.append("%%" if ch == "%" else ch)
        elif ch in ("'", '"'):
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append("%s")
        elif ch == "%":
            out.append("%%")
        else:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True)
class _Migration:
    version: int
    name: str
    sql: str


@cache
def pg_migrations() -> tuple[_Migration, ...]:
    """The PostgreSQL migrations shipped, by version (1, 2, ... without gaps)."""
    folder = resources.files("newsledger.ledger") / "migrations_pg"
    found = sorted((_Migration(int(m.group(1)), m.group(2), e.read_text(encoding="utf-8"))
                    for e in folder.iterdir() if (m := _FILE.match(e.name))), key=lambda x: x.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise MigrationError(f"the PostgreSQL ledger migrations shipped with newsledger are numbered "
                             f"{[m.version for m in found]}, not 1..N; reinstall newsledger")
    return tuple(found)


def latest_pg_version() -> int:
    """The PostgreSQL schema version this code writes."""
    return pg_migrations()[-1].version


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _short(exc: BaseException) -> str:
    s = " ".join(str(exc).split())
    return s if len(s) <= 200 else s[:200] + "…"


_F = TypeVar("_F", bound=Callable[..., Any])


def _guarded(func: _F) -> _F:
    """A driver error inside a method becomes a StoreError that says what to do."""

    @wraps(func)
    def wrapper(self: "PostgresLedger", *args: Any, **kwargs: Any) -> Any:
        import psycopg

        try:
            return func(self, *args, **kwargs)
        except psycopg.Error as exc:
            raise self._error(exc, func.__name__) from None

    return wrapper  # type: ignore[return-value]


def _short_masked(exc: BaseException, url: str) -> str:
    s = _short(exc)
    m = re.search(r"://[^:/@?#]*:([^@/?#]*)@", url)
    if m and m.group(1):
        s = s.replace(m.group(1), "***")
    return mask_url(s)


def _load(js: str, doc_id: str) -> Record:
    try:
        return Record.loads(js)
    except RecordError as exc:
        raise StoreError(f"the stored record of {doc_id!r} is damaged ({exc.message}); re-ingest the article "
                         "after removing it") from None
