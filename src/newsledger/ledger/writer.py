"""Storing on a thread of its own: the database's round trips overlap the next article's parse.

:class:`StoreWriter` opens its own connection to the ledger (an SQLite connection belongs to the thread
that made it) and stores the records handed to :meth:`StoreWriter.put` in order, one transaction
each, exactly as :meth:`~newsledger.ledger.base.Store.add` does. The queue is short (a slow database
slows the producer instead of filling memory). A store error stops the writer; the next ``put`` or
:meth:`close` raises it in the caller's thread, so a failure is never silent.
"""

from __future__ import annotations

import queue
import threading
from typing import TYPE_CHECKING

from ..errors import StoreError

if TYPE_CHECKING:
    from ..records import Record

__all__ = ["StoreWriter"]

_DONE = object()


class StoreWriter:
    """``with StoreWriter(location) as w: w.put(record, source)``; then ``w.stored``, ``w.duplicates``."""

    def __init__(self, location: str, *, replace: bool = False, maxsize: int = 32) -> None:
        self.location = str(location)
        self.replace = replace
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
                record, source = item
                try:
                    if store.add(record, source, replace=self.replace):
                        self.stored += 1
                    else:
                        self.duplicates += 1
                except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
                    self._error = exc

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
