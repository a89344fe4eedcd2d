"""The input side of :mod:`newsledger.records`: an article as given (:class:`Article`), an article that
could not be processed and why (:class:`Failure`), the publication date normalized
(:func:`normalize_published`) and the content hash a document is known by (:func:`text_hash`).
All are importable from :mod:`newsledger.records` too."""

from __future__ import annotations

import datetime as dt
import hashlib
import traceback
from dataclasses import dataclass, field
from typing import Any

from .errors import DateFormatError, NewsledgerError


def text_hash(text: str) -> str:
    """The content hash of an article's text: the default id and the store's duplicate key."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    """One input article (a line of an input JSONL file, or what came out of a file, page, feed or WARC).

    ``source`` names where it came from (``path``, ``path:line``, a URL) for messages; it is not part
    of the record.
    """

    text: str
    id: str | None = None
    published: str | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = field(default=None, compare=False)

    @property
    def doc_id(self) -> str:
        """The article's id, or a hash of its text where none was given."""
        return self.id or text_hash(self.text)[:16]

    def to_json(self) -> dict:
        return {"id": self.doc_id, "text": self.text, "published": self.published, "outlet": self.outlet,
                "title": self.title, "url": self.url}


# ---------------------------------------------------------------------------- failures and dates
@dataclass(frozen=True)
class Failure:
    """An article that could not be processed, with the reason (never a silent None)."""

    source: str
    reason: str
    code: str = "N000"
    doc_id: str | None = None
    detail: str | None = field(default=None, compare=False)

    @classmethod
    def from_error(cls, err: BaseException, source: str | None = None, doc_id: str | None = None) -> "Failure":
        if isinstance(err, NewsledgerError):
            src = getattr(err, "source", None) or source or "?"
            msg = err.message
            if src and msg.startswith(f"{src}: "):
                msg = msg[len(src) + 2:]
            return cls(src, " ".join(str(msg).split()), err.code, doc_id)
        detail = "".join(traceback.format_exception(err))
        why = " ".join(f"internal error: {type(err).__name__}: {err} (please report it with the input)".split())
        return cls(source or "?", why, "N999", doc_id, detail)

    def __str__(self) -> str:
        return f"{self.source}: [{self.code}] {self.reason}"


def normalize_published(value: Any, source: str | None = None) -> str | None:
    """An ISO date (``2025-02-03``) or datetime (``2025-02-03T09:30:00+00:00``) string, or None.

    Accepts ``date``/``datetime`` objects and ISO 8601 strings; anything else raises DateFormatError.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value).strip()
    where = f"{source}: " if source else ""
    try:
        if len(s) == 10:
            return dt.date.fromisoformat(s).isoformat()
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).isoformat()
    except ValueError:
        raise DateFormatError(
            f"{where}cannot read the publication date {s!r}; give it as an ISO 8601 date such as "
            "2025-02-03 (or a datetime such as 2025-02-03T09:30:00Z)") from None
