"""Parquet shards of results: what ``newsledger extract --dask ... --output DIR`` writes and
``newsledger load DIR`` brings into a store.

A shard is one Parquet file per partition of the input, ``part-NNNNNN.parquet``, one row per input
item in input order:

=========  ========================================================================
column     meaning
=========  ========================================================================
kind       ``record`` or ``failure``
doc_id     the document id (a failure's may be null: an input that never became an article)
source     where the article came from (a path, ``path:line``, a URL); not part of the record
record     the document record as its SPEC JSON (``Record.dumps()``), exactly; null for a failure
code       a failure's error code (``N107``); null for a record
reason     a failure's reason; null for a record
=========  ========================================================================

The record travels as its JSON text, so loading a shard gives back the very record a single-process
run gives. A shard is written to a temporary name and renamed into place, so a shard that exists is
whole: a worker killed while writing leaves nothing that :func:`read_shards` would take.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from .errors import RecordError, StoreError
from .records import Record

if TYPE_CHECKING:
    from .pipeline import Failure, Result

__all__ = ["write_shard", "read_shards", "shard_paths", "SHARD_GLOB"]

SHARD_GLOB = "part-*.parquet"
_COLUMNS = ("kind", "doc_id", "source", "record", "code", "reason")


def _schema():
    import pyarrow as pa

    return pa.schema([(c, pa.string()) for c in _COLUMNS])


def write_shard(directory: str | os.PathLike, index: int, results: Iterable[tuple["Result", str | None]]) -> Path:
    """Write ``(result, source)`` pairs as shard ``index`` of ``directory``; its path."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .pipeline import Failure

    cols: dict[str, list] = {c: [] for c in _COLUMNS}
    for res, source in results:
        if isinstance(res, Failure):
            row = ("failure", res.doc_id, res.source or source, None, res.code, res.reason)
        else:
            row = ("record", res.id, source, res.dumps(), None, None)
        for c, v in zip(_COLUMNS, row):
            cols[c].append(v)
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"part-{index:06d}.parquet"
    tmp = out / f".{path.name}.{os.getpid()}.tmp"
    pq.write_table(pa.table(cols, schema=_schema()), tmp, compression="zstd")
    os.replace(tmp, path)
    return path


def shard_paths(directory: str | os.PathLike) -> list[Path]:
    """The shards of ``directory`` in partition order; StoreError when there are none."""
    d = Path(directory)
    if not d.is_dir():
        raise StoreError(f"{d} is not a directory of shards; give the --output directory of "
                         "`newsledger extract --dask ... --output DIR`")
    paths = sorted(d.glob(SHARD_GLOB))
    if not paths:
        raise StoreError(f"no shards ({SHARD_GLOB}) in {d}; was it written by `newsledger extract --output`?")
    return paths


def read_shards(directory: str | os.PathLike) -> Iterator[tuple["Result", str | None]]:
    """``(Record or Failure, source)`` for every row of every shard in ``directory``, in order."""
    import pyarrow.parquet as pq

    from .pipeline import Failure

    for path in shard_paths(directory):
        try:
            table = pq.read_table(path, columns=list(_COLUMNS))
        except Exception as exc:  # pyarrow raises several kinds for a damaged file
            raise StoreError(f"cannot read the shard {path}: {exc}; re-run the extraction that wrote it") from None
        for row in table.to_pylist():
            if row["kind"] == "record":
                try:
                    rec = Record.loads(row["record"] or "")
                except RecordError as exc:
                    raise RecordError(f"{path}: the record {row['doc_id']!r} is not a valid record ({exc}); "
                                      "re-run the extraction that wrote the shard") from None
                yield rec, row["source"]
            else:
                yield Failure(row["source"] or "?", row["reason"] or "", row["code"] or "N000", row["doc_id"]), \
                    row["source"]
