"""Exporting the ledger: whole records as JSONL, or its tables as CSV or Parquet.

Where output goes:

- ``jsonl``: every record, one JSON line each, in the order stored, to the file ``output`` or, when
  none is given, to ``stream`` (stdout in the CLI).
- ``csv``: with ``table``, that table to the file ``output`` or to ``stream``; without, every table
  as ``TABLE.csv`` into the directory ``output`` (required: created where missing).
- ``parquet`` (pyarrow, imported only here): ``output`` is required: a file for one ``table``, a
  directory for all of them.

Tables are exported with every column but the internal ``pk`` keys and ``documents.record_json``
(the JSONL export carries whole records); list-valued columns hold JSON arrays. Files are written
to a temporary name beside the target and renamed into place, so a failed export never leaves a
half-written file under the real name. Rows stream in batches: memory stays flat on a large ledger.
"""

from __future__ import annotations

import csv
import os
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Iterator

from ..errors import StoreError

if TYPE_CHECKING:
    from .store import Ledger

__all__ = ["TABLES", "FORMATS", "export", "table_columns"]

#: The tables an export covers, in dependency order.
TABLES = ("documents", "entities", "mentions", "relations", "statements", "statement_about", "statement_parts",
          "events", "event_participants", "event_mentions", "times", "unresolved", "failures")
FORMATS = ("jsonl", "csv", "parquet")
_HIDDEN = {"pk", "record_json"}
_BATCH = 5000


def export(ledger: "Ledger", fmt: str, output: Path | None, table: str | None, stream: IO[str]) -> list[Path]:
    """Export ``ledger`` as ``fmt`` (see the module docstring); the paths written."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if table is not None and table not in TABLES:
        raise StoreError(f"unknown table {table!r}; the ledger's tables are {', '.join(TABLES)}")
    if fmt == "jsonl":
        if table is not None:
            raise StoreError("--table is for csv and parquet exports; jsonl exports whole records "
                             "(leave --table out, or use --format csv)")
        return _export_jsonl(ledger, output, stream)
    if table is not None:
        if output is not None and output.is_dir():
            output = output / f"{table}.{fmt}"
        if fmt == "csv":
            return _csv_one(ledger, table, output, stream)
        if output is None:
            raise StoreError("a parquet export needs --output FILE (for one --table) or --output DIR (for all tables)")
        _parquet_table(ledger, table, output)
        return [output]
    if output is None:
        raise StoreError(f"exporting every table as {fmt} needs --output DIR (one {fmt} file per table); give "
                         f"--table NAME to export one table" + (" to stdout" if fmt == "csv" else ""))
    if (output.exists() and not output.is_dir()) or (not output.exists() and output.suffix.lower() == f".{fmt}"):
        raise StoreError(f"{output} is a file name; exporting every table needs a directory (--output DIR), or give "
                         "--table NAME to write one table to a file")
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the export directory {output}: {exc}") from None
    written = []
    for name in TABLES:
        path = output / f"{name}.{fmt}"
        if fmt == "csv":
            with _atomic(path) as fh:
                _write_csv(ledger, name, fh)
        else:
            _parquet_table(ledger, name, path)
        written.append(path)
    return written


def table_columns(ledger: "Ledger", table: str) -> list[tuple[str, str]]:
    """The exported columns of ``table``: (name, declared SQLite type)."""
    rows = ledger.con.execute(f"PRAGMA table_info({table})").fetchall()
    return [(r[1], (r[2] or "").upper()) for r in rows if r[1] not in _HIDDEN]


def _rows(ledger: "Ledger", table: str, columns: list[str]) -> Iterator[list[tuple]]:
    cols = ", ".join(f'"{c}"' for c in columns)
    cur = ledger.con.execute(f"SELECT {cols} FROM {table} ORDER BY rowid")
    while batch := cur.fetchmany(_BATCH):
        yield batch


@contextmanager
def _atomic(path: Path, binary: bool = False) -> Iterator[Any]:
    """A file handle whose content replaces ``path`` only when the block completes.

    Only a regular file is ever replaced: a symlink, FIFO, device or socket at ``path`` is refused
    (renaming over ``/dev/null`` as root would replace the system's device node).
    """
    _check_target(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
        fh = open(tmp, "wb") if binary else open(tmp, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc}") from None
    try:
        with fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _check_target(path: Path) -> None:
    """Raise StoreError unless ``path`` is absent or a regular file (symlinks are not followed)."""
    import stat

    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc}") from None
    if stat.S_ISREG(mode):
        return
    kind = ("a symbolic link" if stat.S_ISLNK(mode) else "a directory" if stat.S_ISDIR(mode)
            else "a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
    raise StoreError(f"{path} is {kind}; export writes regular files only: give --output a new file name "
                     "(or leave --output out to write to stdout)")


def _export_jsonl(ledger: "Ledger", output: Path | None, stream: IO[str]) -> list[Path]:
    """Every stored record that passes the SPEC checks; a damaged one is left out and, once the rest
    is written, reported as a StoreError naming it (so the export never ends in success over it)."""
    from .store import _load

    damaged: list[str] = []

    def write(fh: IO[str]) -> None:
        for doc_id, js in ledger.con.execute("SELECT id, record_json FROM documents ORDER BY pk"):
            try:
                _load(js, doc_id)
            except StoreError as exc:
                damaged.append(exc.message)
                continue
            fh.write(js + "\n")

    if output is None:
        write(stream)
        stream.flush()
        written = []
    else:
        if output.is_dir():
            raise StoreError(f"{output} is a directory; give --output the path of a .jsonl file")
        with _atomic(output) as fh:
            write(fh)
        written = [output]
    if damaged:
        more = f" (and {len(damaged) - 1} more)" if len(damaged) > 1 else ""
        raise StoreError(f"{len(damaged)} stored record(s) left out of the export, the rest written: "
                         f"{damaged[0]}{more}")
    return written


def _write_csv(ledger: "Ledger", table: str, fh: IO[str]) -> None:
    columns = [c for c, _ in table_columns(ledger, table)]
    w = csv.writer(fh)
    w.writerow(columns)
    for batch in _rows(ledger, table, columns):
        w.writerows(batch)


def _csv_one(ledger: "Ledger", table: str, output: Path | None, stream: IO[str]) -> list[Path]:
    if output is None:
        _write_csv(ledger, table, stream)
        stream.flush()
        return []
    with _atomic(output) as fh:
        _write_csv(ledger, table, fh)
    return [output]


def _parquet_table(ledger: "Ledger", table: str, path: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise StoreError("parquet export needs pyarrow: pip install pyarrow (or export as csv)") from None
    cols = table_columns(ledger, table)
    schema = pa.schema([(name, pa.int64() if "INT" in decl else pa.float64() if "REAL" in decl else pa.string())
                        for name, decl in cols])
    names = [c for c, _ in cols]
    with _atomic(path, binary=True) as fh:
        with pq.ParquetWriter(fh, schema) as writer:
            for batch in _rows(ledger, table, names):
                arrays = [pa.array([row[i] for row in batch], type=schema.field(i).type) for i in range(len(names))]
                writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
