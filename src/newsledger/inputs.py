"""The input side of :mod:`newsledger.records`: an article as given (:class:`Article`) and the content
hash a document is known by (:func:`text_hash`). Both are importable from :mod:`newsledger.records` too
(where :class:`~newsledger.records.Failure` and :func:`~newsledger.records.normalize_published` live)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


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
