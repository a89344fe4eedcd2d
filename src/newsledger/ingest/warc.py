"""WARC files (as in CC-NEWS) with warcio: each HTML response becomes an article.

A damaged file never passes for a whole one: a record cut short (its body shorter than its
``Content-Length``), or bytes warcio cannot read as a record, end the file with a WarcError item
after the articles read before the damage (so the run exits 1 and says where). Each response body
is read up to the byte limit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..checks import MAX_BYTES
from ..errors import InputError, TooLongError, WarcError

__all__ = ["read_warc"]


def _one_line(exc: BaseException) -> str:
    """warcio's diagnostics span lines and quote raw bytes: squeezed to one short, printable line."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= 160 else text[:160] + "…"


def _drain(stream) -> int:
    """Read ``stream`` (a record's raw body) to its end; the bytes its Content-Length promised but the
    file did not hold (0 for a whole record)."""
    while stream.read(1 << 16):
        pass
    return max(0, int(getattr(stream, "limit", 0) or 0))


def _tail_is_whole(path: Path, last_start: int, last_end: int, packed: bool, skip_first: bool = True) -> bool:
    """Whether nothing but whitespace follows the last record warcio gave (it ends its iteration
    silently on a record cut inside its header). Plain files: the bytes after the record's end;
    gzipped files: every gzip member after the record's own (``skip_first``; without it, from
    ``last_start`` on) is complete and empty."""
    import zlib

    with open(path, "rb") as fh:
        if not packed:
            fh.seek(last_end)
            while chunk := fh.read(1 << 16):
                if chunk.strip():
                    return False
            return True
        fh.seek(last_start)
        member, first, fed = zlib.decompressobj(31), skip_first, False
        try:
            while chunk := fh.read(1 << 16):
                data = chunk
                while data:
                    fed = True
                    out = member.decompress(data, 1 << 16)  # output bounded: a bomb is never held
                    if not first and out.strip():
                        return False  # a record warcio did not give
                    if member.unconsumed_tail:
                        data = member.unconsumed_tail
                    elif member.eof:
                        data = member.unused_data
                        member, first, fed = zlib.decompressobj(31), False, False
                    else:
                        data = b""
        except zlib.error:
            return False
        return member.eof or not fed


def read_warc(path: Path, source: str, published: str | None = None, max_bytes: int = MAX_BYTES) -> Iterator:
    from warcio.archiveiterator import ArchiveIterator

    from .html import article_from_html

    found = n = 0
    last_start = last_end = 0
    try:
        with open(path, "rb") as fh:
            packed = fh.read(2) == b"\x1f\x8b"
            fh.seek(0)
            archive = ArchiveIterator(fh)
            records = iter(archive)
            while True:
                try:
                    record = next(records)
                except StopIteration:
                    if not _tail_is_whole(path, last_start, last_end, packed, skip_first=n > 0):
                        where = f"after record {n} (a partial record follows)" if n else "inside its first record"
                        yield WarcError(f"the WARC file is cut short {where}; the records before it were read: "
                                        "check the download", source)
                        return
                    break
                except Exception as exc:  # ArchiveLoadFailed, and the plain errors warcio lets out on damage
                    where = "at its start" if n == 0 else f"after record {n}"
                    yield WarcError(f"the WARC file is damaged {where} ({_one_line(exc)}); the records before it "
                                    "were read: check the download, or give a whole .warc or .warc.gz file", source)
                    return
                n += 1
                if record.format.startswith("warc") and record.rec_headers.get_header("Content-Length") is None:
                    yield WarcError(f"the WARC file is cut short or damaged in the header of record {n} (it has no "
                                    "Content-Length); the records before it were read: check the download", source)
                    return
                item = None
                try:
                    if record.rec_type == "response":
                        item = _response(record, source, published, max_bytes, article_from_html)
                        if item is not None:
                            found += 1
                    missing = _drain(record.raw_stream)
                except InputError as exc:
                    item, missing = exc, _drain(record.raw_stream)
                last_start, last_end = archive.offset, fh.tell() - archive.reader.rem_length()
                if missing:
                    yield WarcError(f"the WARC file is cut short inside record {n} ({missing:,} bytes of it "
                                    "missing); the records before it were read: check the download", source)
                    return
                if item is not None:
                    yield item
    except OSError as exc:
        yield WarcError(f"cannot read the WARC file ({_one_line(exc)}); check the download", source)
        return
    if not found:
        yield WarcError("the WARC file holds no HTML responses", source)


def _response(record, source: str, published: str | None, max_bytes: int, article_from_html):
    """The article (or InputError) of one HTML response record; None for a record that is no page."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    if url is not None and not isinstance(url, str):
        url = None
    where = f"{source}#{url}"
    http = record.http_headers
    ctype = (http.get_header("Content-Type") if http else "") or ""
    status = http.get_statuscode() if http else None
    if "html" not in ctype.lower() or (status and not str(status).startswith("2")):
        return None
    try:
        body = record.content_stream().read(max_bytes + 1)
    except Exception as exc:  # a damaged chunked or compressed body
        return WarcError(f"the response body cannot be read ({_one_line(exc)})", where)
    if len(body) > max_bytes:
        return TooLongError(f"the page is over {max_bytes:,} bytes; raise the limit with --max-bytes", where)
    try:
        return article_from_html(body, where, url=url, published=published, doc_id=url)
    except InputError as exc:
        return exc
