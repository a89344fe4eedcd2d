"""WARC files (as in CC-NEWS) with warcio: each HTML response becomes an article."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import InputError, WarcError

__all__ = ["read_warc"]


def read_warc(path: Path, source: str, published: str | None = None) -> Iterator:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from .html import article_from_html

    found = 0
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{source}#{url}"
                http = record.http_headers
                ctype = (http.get_header("Content-Type") if http else "") or ""
                status = http.get_statuscode() if http else None
                if "html" not in ctype.lower() or (status and not str(status).startswith("2")):
                    continue
                found += 1
                body = record.content_stream().read()
                try:
                    yield article_from_html(body, where, url=url, published=published, doc_id=url)
                except InputError as exc:
                    yield exc
    except ArchiveLoadFailed as exc:
        raise WarcError(f"not a readable WARC file ({exc}); give a .warc or .warc.gz file", source) from None
    if not found:
        yield WarcError("the WARC file holds no HTML responses", source)
