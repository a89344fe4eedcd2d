"""The SQLite ledger: stored document records, full-text search and exports.

>>> from newsledger.ledger import Ledger          # doctest: +SKIP
>>> with Ledger("news.db") as ledger:
...     ledger.add(record)                        # False when the same text is stored already
...     ledger.search('"peace talks"', scope="statements")

See :mod:`newsledger.ledger.store` (the store), :mod:`newsledger.ledger.migrations` (the versioned
schema) and :mod:`newsledger.ledger.export` (JSONL, CSV and Parquet exports).
"""

from __future__ import annotations

from .export import FORMATS, TABLES
from .migrations import latest_version
from .base import Store, is_postgres_url, open_store
from .store import SCOPES, Ledger, SearchHit

__all__ = ["Store", "open_store", "is_postgres_url", "Ledger", "SearchHit", "SCOPES", "TABLES", "FORMATS", "latest_version"]
