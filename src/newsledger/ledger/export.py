"""Exporting the ledger: whole records as JSONL, tables and joined views as CSV or Parquet, and events
in the PLOVER/POLECAT layout event-data people load directly.

Where output goes:

- ``jsonl``: every record, one JSON line each, in the order stored, to the file ``output`` or, when
  none is given, to ``stream`` (stdout in the CLI).
- ``csv``: with ``table``, that table (or view) to the file ``output`` or to ``stream``; without,
  every table as ``TABLE.csv`` into the directory ``output`` (required: created where missing).
- ``parquet`` (pyarrow, imported only here): ``output`` is required: a file for one ``table``, a
  directory for all of them. Parquet columns are typed: integers, booleans (``statements.direct``)
  and lists of strings (``entities.titles``, ``aliases``, ...; the views' name lists).
- ``plover`` (JSON lines) and ``plover-tsv``: one line per event, PLOVER/POLECAT style (see
  :func:`plover_event`), to ``output`` or ``stream``.

Tables are exported with every column but the internal ``pk`` keys, ``documents.record_json`` (the
JSONL export carries whole records) and PostgreSQL's ``tsv`` search columns. CSV keeps list-valued
columns as JSON arrays. Besides the tables, two joined views (:data:`VIEWS`) are exportable by name:
``statement_view`` (statements with the speaker's and channel's names) and ``event_view`` (events with
their actors' names and types and the place's name); they are built from the stored records, so they
come out the same from every backend. Files are written to a temporary name beside the target and
renamed into place, so a failed export never leaves a half-written file under the real name. Rows
stream in batches: memory stays flat on a large ledger.

Every backend offers the three reading primitives used here: ``_table_columns(table)``,
``_table_rows(table, columns)`` (batches, in the order stored) and ``_record_jsons()``.
"""

from __future__ import annotations

import csv
import json
import os
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Callable, Iterator

from ..errors import StoreError
from ..records import Record

if TYPE_CHECKING:
    from .base import Store

__all__ = ["TABLES", "VIEWS", "FORMATS", "export", "table_columns", "plover_event", "PLOVER_TSV_COLUMNS"]

#: The tables an export covers, in dependency order.
TABLES = ("documents", "entities", "mentions", "relations", "statements", "statement_about", "statement_parts",
          "events", "event_participants", "event_mentions", "times", "unresolved", "failures")
FORMATS = ("jsonl", "csv", "parquet", "plover", "plover-tsv")
_HIDDEN = {"pk", "record_json", "tsv"}
#: Columns holding JSON arrays of strings (lists in Parquet), and 0/1 columns (booleans in Parquet).
LIST_COLUMNS = {"entities": {"titles", "affiliation", "citizenship", "residence", "origin", "aliases"}}
BOOL_COLUMNS = {"statements": {"direct"}}


# ---------------------------------------------------------------------------- joined views
def _statement_rows(r: Record) -> Iterator[tuple]:
    ents = {e.id: e for e in r.entities}

    def name(eid: str | None, fallback: str | None) -> str | None:
        return ents[eid].name if eid in ents else fallback

    for s in r.statements:
        yield (r.id, r.published, r.outlet, s.id, s.kind, s.direct, name(s.speaker, s.speaker_text),
               ents[s.speaker].type if s.speaker in ents else None, s.cue, name(s.channel, s.channel_text),
               s.content.text, [ents[e].name for e in s.about if e in ents],
               s.date.value if s.date else None, s.horizon.value if s.horizon else None, s.evidence.text)


def _event_rows(r: Record) -> Iterator[tuple]:
    ents = {e.id: e for e in r.entities}
    for v in r.events:
        loc = ents.get(v.location) if v.location else None
        yield (r.id, r.published, r.outlet, v.id, v.type, v.mode, v.cameo, v.status, v.trigger.text,
               [ents[e].name for e in v.source if e in ents], [ents[e].type for e in v.source if e in ents],
               [ents[e].name for e in v.target if e in ents], [ents[e].type for e in v.target if e in ents],
               loc.name if loc else None, loc.type if loc else None, v.date.value if v.date else None,
               v.date.text if v.date else None, v.evidence.text)


#: Joined views exportable like tables: name -> ((column, type), ...), rows of one record.
#: Types: TEXT, INTEGER, BOOL, LIST (a list of strings).
VIEWS: dict[str, tuple[tuple[tuple[str, str], ...], Callable[[Record], Iterator[tuple]]]] = {
    "statement_view": ((("doc_id", "TEXT"), ("published", "TEXT"), ("outlet", "TEXT"), ("statement_id", "TEXT"),
                        ("kind", "TEXT"), ("direct", "BOOL"), ("speaker", "TEXT"), ("speaker_type", "TEXT"),
                        ("cue", "TEXT"), ("channel", "TEXT"), ("content", "TEXT"), ("about", "LIST"),
                        ("date_value", "TEXT"), ("horizon_value", "TEXT"), ("evidence", "TEXT")), _statement_rows),
    "event_view": ((("doc_id", "TEXT"), ("published", "TEXT"), ("outlet", "TEXT"), ("event_id", "TEXT"),
                    ("type", "TEXT"), ("mode", "TEXT"), ("cameo", "TEXT"), ("status", "TEXT"), ("trigger", "TEXT"),
                    ("sources", "LIST"), ("source_types", "LIST"), ("targets", "LIST"), ("target_types", "LIST"),
                    ("location", "TEXT"), ("location_type", "TEXT"), ("date_value", "TEXT"), ("date_text", "TEXT"),
                    ("evidence", "TEXT")), _event_rows),
}


# ---------------------------------------------------------------------------- PLOVER / POLECAT
def _actor(r_ents: dict, eid: str) -> dict:
    e = r_ents.get(eid)
    return {"entity_id": eid, "name": e.name if e else None, "type": e.type if e else None}


def plover_event(r: Record, v) -> dict:
    """One event of ``r`` in a PLOVER/POLECAT-style JSON object: ``event_id`` (DOC:ID), ``event_date``,
    ``event_type`` (PLOVER), ``event_mode``, ``context`` (the PLOVER contexts the coding sense names in
    plover_triggers.json, :func:`newsledger.extract.events.lexicon.event_contexts`; empty where it names none), ``status``, ``cameo``, ``actors`` (``source`` and ``target``
    lists of ``{entity_id, name, type}``), ``location`` (``{entity_id, name, type}`` or null),
    ``trigger``, ``source_sentence`` (the evidence text with its character offsets) and ``story``
    (the source document: id, url, title, outlet, published)."""
    from ..extract.events.lexicon import event_contexts  # the senses' data; imported late (no cycle via extract)

    ents = {e.id: e for e in r.entities}
    return {
        "event_id": f"{r.id}:{v.id}",
        "event_date": v.date.value if v.date else None,
        "event_date_text": v.date.text if v.date else None,
        "event_type": v.type,
        "event_mode": v.mode,
        "context": list(event_contexts(v.type, v.mode, v.cameo, v.trigger.text)),
        "status": v.status,
        "cameo": v.cameo,
        "actors": {"source": [_actor(ents, e) for e in v.source], "target": [_actor(ents, e) for e in v.target]},
        "location": _actor(ents, v.location) if v.location else None,
        "trigger": v.trigger.text,
        "source_sentence": {"text": v.evidence.text, "start": v.evidence.start, "end": v.evidence.end},
        "story": {"id": r.id, "url": r.url, "title": r.title, "outlet": r.outlet, "published": r.published},
    }


#: The columns of ``plover-tsv`` (several actors are joined with "; " in their name and type columns).
PLOVER_TSV_COLUMNS = ("event_id", "event_date", "event_type", "event_mode", "context", "status", "cameo",
                      "source_actor", "source_actor_type", "target_actor", "target_actor_type", "location",
                      "location_type", "trigger", "source_sentence", "story_id", "story_date", "story_url",
                      "story_title", "story_outlet")


def _tsv_cell(x: Any) -> str:
    if x is None:
        return ""
    return " ".join(str(x).split())  # no tab or newline can break a row


def _plover_tsv_row(p: dict) -> list[str]:
    src, tgt, loc, story = p["actors"]["source"], p["actors"]["target"], p["location"] or {}, p["story"]
    cells = [p["event_id"], p["event_date"], p["event_type"], p["event_mode"], "; ".join(p["context"]), p["status"],
             p["cameo"], "; ".join(a["name"] or "" for a in src), "; ".join(a["type"] or "" for a in src),
             "; ".join(a["name"] or "" for a in tgt), "; ".join(a["type"] or "" for a in tgt), loc.get("name"),
             loc.get("type"), p["trigger"], p["source_sentence"]["text"], story["id"], story["published"],
             story["url"], story["title"], story["outlet"]]
    return [_tsv_cell(c) for c in cells]


def _records(ledger: "Store") -> Iterator[Record]:
    from .store import _load

    for doc_id, js in ledger._record_jsons():
        yield _load(js, doc_id)


def _export_plover(ledger: "Store", fmt: str, output: Path | None, stream: IO[str]) -> list[Path]:
    def write(fh: IO[str]) -> None:
        if fmt == "plover-tsv":
            fh.write("\t".join(PLOVER_TSV_COLUMNS) + "\n")
        for r in _records(ledger):
            for v in r.events:
                p = plover_event(r, v)
                fh.write(("\t".join(_plover_tsv_row(p)) if fmt == "plover-tsv"
                          else json.dumps(p, ensure_ascii=False)) + "\n")

    if output is None:
        write(stream)
        stream.flush()
        return []
    if output.is_dir():
        raise StoreError(f"{output} is a directory; give --output the path of a file for the {fmt} export")
    with _atomic(output) as fh:
        write(fh)
    return [output]


# ---------------------------------------------------------------------------- the export
def export(ledger: "Store", fmt: str, output: Path | None, table: str | None, stream: IO[str]) -> list[Path]:
    """Export ``ledger`` as ``fmt`` (see the module docstring); the paths written."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if table is not None and table not in TABLES and table not in VIEWS:
        raise StoreError(f"unknown table {table!r}; the ledger's tables are {', '.join(TABLES)}, and its views "
                         f"{', '.join(VIEWS)}")
    if fmt in ("jsonl", "plover", "plover-tsv"):
        if table is not None:
            raise StoreError(f"--table is for csv and parquet exports; {fmt} exports "
                             f"{'whole records' if fmt == 'jsonl' else 'every event'} "
                             "(leave --table out, or use --format csv)")
        if fmt != "jsonl":
            return _export_plover(ledger, fmt, output, stream)
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


def table_columns(ledger: "Store", table: str) -> list[tuple[str, str]]:
    """The exported columns of a table or view: (name, type), the type one of TEXT, INTEGER, REAL,
    BOOL, LIST."""
    if table in VIEWS:
        return list(VIEWS[table][0])
    lists, bools = LIST_COLUMNS.get(table, set()), BOOL_COLUMNS.get(table, set())
    out = []
    for name, decl in ledger._table_columns(table):
        if name in _HIDDEN:
            continue
        kind = ("LIST" if name in lists else "BOOL" if name in bools else "INTEGER" if "INT" in decl
                else "REAL" if ("REAL" in decl or "DOUBLE" in decl or "FLOAT" in decl) else "TEXT")
        out.append((name, kind))
    return out


def _rows(ledger: "Store", table: str, columns: list[str]) -> Iterator[list[tuple]]:
    """Batches of rows; for a view, list cells are Python lists, for a table, JSON strings."""
    if table in VIEWS:
        rows_of = VIEWS[table][1]
        batch: list[tuple] = []
        for r in _records(ledger):
            batch.extend(rows_of(r))
            if len(batch) >= 5000:
                yield batch
                batch = []
        if batch:
            yield batch
        return
    yield from ledger._table_rows(table, columns)


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


def _export_jsonl(ledger: "Store", output: Path | None, stream: IO[str]) -> list[Path]:
    """Every stored record that passes the SPEC checks; a damaged one is left out and, once the rest
    is written, reported as a StoreError naming it (so the export never ends in success over it)."""
    from .store import _load

    damaged: list[str] = []

    def write(fh: IO[str]) -> None:
        for doc_id, js in ledger._record_jsons():
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


def _csv_cell(x: Any) -> Any:
    if isinstance(x, list):
        return json.dumps(x, ensure_ascii=False)
    if isinstance(x, bool):
        return int(x)
    return x


def _write_csv(ledger: "Store", table: str, fh: IO[str]) -> None:
    columns = [c for c, _ in table_columns(ledger, table)]
    w = csv.writer(fh)
    w.writerow(columns)
    for batch in _rows(ledger, table, columns):
        w.writerows([_csv_cell(x) for x in row] for row in batch)


def _csv_one(ledger: "Store", table: str, output: Path | None, stream: IO[str]) -> list[Path]:
    if output is None:
        _write_csv(ledger, table, stream)
        stream.flush()
        return []
    with _atomic(output) as fh:
        _write_csv(ledger, table, fh)
    return [output]


def _parquet_table(ledger: "Store", table: str, path: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise StoreError("parquet export needs pyarrow: pip install pyarrow (or export as csv)") from None
    cols = table_columns(ledger, table)
    types = {"INTEGER": pa.int64(), "REAL": pa.float64(), "BOOL": pa.bool_(), "LIST": pa.list_(pa.string()),
             "TEXT": pa.string()}
    schema = pa.schema([(name, types[kind]) for name, kind in cols])
    names = [c for c, _ in cols]
    view = table in VIEWS

    def cell(x: Any, kind: str) -> Any:
        if x is None or view:
            return x
        if kind == "LIST":
            return json.loads(x)
        if kind == "BOOL":
            return bool(x)
        return x

    with _atomic(path, binary=True) as fh:
        with pq.ParquetWriter(fh, schema) as writer:
            for batch in _rows(ledger, table, names):
                arrays = [pa.array([cell(row[i], cols[i][1]) for row in batch], type=schema.field(i).type)
                          for i in range(len(names))]
                writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
