"""Storing on a thread of its own: the database's round trips overlap the next article's parse.

:class:`StoreWriter` opens its own connection to the ledger (an SQLite connection belongs to the thread
that made it) and stores the records handed to :meth:`StoreWriter.put` in order, each all-or-nothing as
:meth:`~newsledger.ledger.base.Store.add` stores it. The records are committed in batches
(:meth:`~newsledger.ledger.base.Store.batch`): one transaction holds the records that arrive within
``batch_seconds`` of the first of them, at most ``batch_size``; a commit per article cost about a fifth of
the store's time (and, on SQLite, a flush of the full-text indexes each). So a crash loses at most the
records of the open batch (the last ``batch_seconds``), which a re-run of the ingest stores again (it skips
what is stored); other connections see a batch's records when it commits. The queue is short (a slow
database slows the producer instead of filling memory). A store error stops the writer (the records before
it in its batch are committed); the next ``put`` or :meth:`close` raises it in the caller's thread, so a
failure is never silent.
"""

from __future__ import annotations

import queue
import threading
import time
from typing import TYPE_CHECKING

from ..errors import StoreError

if TYPE_CHECKING:
    from ..records import Record

__all__ = ["StoreWriter"]

_DONE = object()


class StoreWriter:
    """``with StoreWriter(location) as w: w.put(record, source)``; then ``w.stored``, ``w.duplicates``.

    ``batch_size=1`` commits every record on its own (as before batches)."""

    def __init__(self, location: str, *, replace: bool = False, maxsize: int = 32, batch_size: int = 64,
                 batch_seconds: float = 1.0) -> None:
        if batch_size < 1 or batch_seconds < 0:
            raise StoreError(f"a writer's batch_size must be at least 1 and batch_seconds at least 0 (got "
                             f"{batch_size} and {batch_seconds})")
        self.location = str(location)
        self.replace = replace
        self.batch_size = batch_size
        self.batch_seconds = batch_seconds
        self.stored = 0
        self.duplicates = 0
        self._q: queue.Queue = queue.Queue(maxsize)
        self._error: BaseException | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="newsledger-writer", daemon=True)
        self._thread.start()
        self._ready.wait()
        self._raise()

    def _run(self) -> None:
        from .base import open_store

        try:
            store = open_store(self.location)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        with store:
            while True:
                item = self._q.get()
                if item is _DONE:
                    return
                if self._error is not None:
                    continue  # drain after an error: the caller is told on its next call
                if self._store_batch(store, item):
                    return

    def _store_batch(self, store, item) -> bool:
        """Store ``item`` and the records that follow it within the batch's time and size, in one transaction;
        True when the caller's close() came in the meantime."""
        done = False
        stored = duplicates = 0
        try:
            with store.batch(f"a batch of records from {self.location}"):
                deadline = time.monotonic() + self.batch_seconds
                n = 0
                while True:
                    record, source = item
                    try:
                        if store.add(record, source, replace=self.replace):
                            stored += 1
                        else:
                            duplicates += 1
                    except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
                        self._error = exc  # this record was rolled back alone; the ones before it are committed
                        break
                    n += 1
                    if n >= self.batch_size:
                        break
                    try:
                        item = self._q.get(timeout=max(0.0, deadline - time.monotonic()))
                    except queue.Empty:
                        break
                    if item is _DONE:
                        done = True
                        break
        except BaseException as exc:  # noqa: BLE001 - the commit failed: nothing of the batch is stored
            self._error = self._error or exc
            return done
        self.stored += stored
        self.duplicates += duplicates
        return done

    def _raise(self) -> None:
        if self._error is not None:
            err, self._error = self._error, None
            if isinstance(err, StoreError):
                raise err
            raise StoreError(f"storing into {self.location} failed: {type(err).__name__}: {err}") from err

    def put(self, record: "Record", source: str | None = None) -> None:
        """Queue ``record`` for storing (blocks while the queue is full)."""
        self._raise()
        if not self._thread.is_alive():
            raise StoreError(f"the writer to {self.location} has stopped; run the command again")
        self._q.put((record, source))

    def close(self) -> None:
        """Store everything queued, stop the thread; raises what went wrong, if anything did."""
        if self._thread.is_alive():
            self._q.put(_DONE)
            self._thread.join()
        self._raise()

    def __enter__(self) -> "StoreWriter":
        return self

    def __exit__(self, exc_type, *exc: object) -> None:
        if exc_type is None:
            self.close()
        else:  # the caller failed: stop quietly, keeping its exception
            try:
                self.close()
            except StoreError:
                pass
