"""newsledger: who said and did what, to whom, when and where, in news articles.

    >>> import newsledger
    >>> rec = newsledger.extract("...", published="2025-02-03")   # doctest: +SKIP
    >>> rec.statements[0].speaker, rec.to_json()                    # doctest: +SKIP

The public surface is listed in ``__all__`` (checked by a test); everything else is private.
spaCy and the model load lazily, on the first extraction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# The stage subpackage `newsledger.extract` is imported before the function `extract` below is
# defined: a later first import of the subpackage would otherwise rebind `newsledger.extract` to it.
# (Import stage modules with `from newsledger.extract.times import ...`, never `import ... as`.)
from . import extract as _extract_stages  # noqa: F401
from .errors import (
    DateFormatError,
    InputError,
    MigrationError,
    ModelNotFoundError,
    NewsledgerError,
    RecordError,
    StageError,
    StoreError,
    TrackError,
)
from .pipeline import Failure, Found, Pipeline, stage
from .records import (
    Article,
    Attributes,
    Entity,
    Event,
    Record,
    Relation,
    Span,
    Statement,
    Time,
    TimeValue,
)

if TYPE_CHECKING:
    from typing import Any, Iterable, Iterator

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "extract",
    "extract_many",
    "read_inputs",
    "open_ledger",
    "Pipeline",
    "Found",
    "Failure",
    "stage",
    "Article",
    "Record",
    "Entity",
    "Attributes",
    "Relation",
    "Statement",
    "Event",
    "Time",
    "TimeValue",
    "Span",
    "NewsledgerError",
    "InputError",
    "DateFormatError",
    "ModelNotFoundError",
    "RecordError",
    "StageError",
    "StoreError",
    "MigrationError",
    "TrackError",
]

_default: dict[str | None, Pipeline] = {}


def _pipeline(model: str | None) -> Pipeline:
    if model not in _default:
        _default[model] = Pipeline(model)
    return _default[model]


def extract(text: str, published: Any = None, *, id: str | None = None, outlet: str | None = None,
            title: str | None = None, url: str | None = None, model: str | None = None) -> Record:
    """The document record of one article's text.

    ``published`` (an ISO date string, ``date`` or ``datetime``) anchors "on Sunday" and "two weeks ago".
    Raises an InputError subclass for unusable text (empty, too long, not English).
    """
    return _pipeline(model).extract(text, published, id=id, outlet=outlet, title=title, url=url)


def extract_many(articles: Iterable[Article], *, model: str | None = None, n_process: int = 1) -> Iterator[Record | Failure]:
    """Records (or Failures with their reason) for many articles, streaming, in input order."""
    return _pipeline(model).process(articles, n_process=n_process)


def read_inputs(paths: Iterable[str], published: Any = None):
    """Articles (or InputErrors) from files: .txt, .html, .jsonl, RSS/Atom, WARC; ``-`` for stdin JSONL."""
    from .ingest import read_inputs as _read

    return _read(paths, published)


def open_ledger(path: str = "newsledger.db"):
    """The SQLite ledger at ``path`` (created and migrated as needed)."""
    from .ledger import Ledger

    return Ledger(path)
