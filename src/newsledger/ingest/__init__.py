"""Reading inputs into articles: ``.txt``, ``.html``, ``.jsonl``, RSS/Atom feeds, WARC files, stdin.

:func:`read_inputs` yields an :class:`~newsledger.records.Article` for every article found, or the
:class:`~newsledger.errors.InputError` that says why an input (or one line, entry or record of it)
could not be read, so a batch goes on past a bad input. It reads lazily: a 10 GB WARC or JSONL file
is never held in memory.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator

from ..errors import (
    BinaryInputError,
    DateFormatError,
    EmptyInputError,
    EncodingError,
    InputError,
    JSONLineError,
    UnknownFormatError,
)
from ..records import Article, normalize_published

__all__ = ["read_inputs", "read_path", "read_jsonl", "decode_text", "sniff_kind", "article_from_dict", "KINDS"]

KINDS = ("txt", "html", "jsonl", "feed", "warc")
_EXT = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc",
}


def decode_text(data: bytes, source: str) -> str:
    """UTF-8 text from bytes (a BOM dropped), or the InputError that says what the bytes are."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    head = data[:8192]
    if b"\x00" in head or (head and sum(b < 9 or 13 < b < 32 for b in head) / len(head) > 0.05):
        raise BinaryInputError("this is binary data, not text; give a .txt, .html, .jsonl, RSS/Atom or WARC file",
                               source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-encode the file as UTF-8, "
            "e.g. `iconv -f windows-1252 -t utf-8 FILE > FILE.utf8`", source) from None


def sniff_kind(path: Path, head: bytes) -> str:
    """The kind of a file, by its extension, else by its first bytes."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes[-2:] == [".warc", ".gz"] or (suffixes and suffixes[-1] == ".warc"):
        return "warc"
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    if suffixes and suffixes[-1] in _EXT:
        kind = _EXT[suffixes[-1]]
        if kind == "feed" and b"<html" in head[:2048].lower():
            return "html"
        return kind
    if head.startswith(b"\x1f\x8b"):
        try:
            head = gzip.decompress(head)
        except (OSError, EOFError):
            try:
                with gzip.open(path) as fh:
                    head = fh.read(4096)
            except OSError:
                head = b""
    start = head.lstrip()[:512].lower()
    if start.startswith(b"warc/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
        return "feed"
    if start.startswith(b"<!doctype html") or start.startswith(b"<html") or b"<body" in head[:4096].lower():
        return "html"
    if start.startswith(b"<?xml"):
        return "feed"
    if b"\x00" in head[:4096]:
        raise BinaryInputError("this is binary data, not text; give a .txt, .html, .jsonl, RSS/Atom or WARC file",
                               str(path))
    return "txt"


def article_from_dict(d: object, source: str, published: str | None = None) -> Article:
    """An Article from one input JSON object (SPEC: ``text`` required; ``id``, ``published``, ...)."""
    if not isinstance(d, dict):
        raise JSONLineError(f"expected a JSON object with a \"text\" field, got {type(d).__name__}", source)
    text = d.get("text")
    if not isinstance(text, str):
        raise JSONLineError("the object has no \"text\" string; every input line needs the article text in \"text\"",
                            source)
    try:
        pub = normalize_published(d.get("published") or published, source)
    except DateFormatError as exc:
        raise JSONLineError(exc.message, None) from None
    ident = d.get("id")
    return Article(text=text, id=str(ident) if ident not in (None, "") else None, published=pub,
                   outlet=d.get("outlet"), title=d.get("title"), url=d.get("url"), source=source)


def read_jsonl(lines: Iterable[str | bytes], source: str, published: str | None = None) -> Iterator[Article | InputError]:
    for n, raw in enumerate(lines, 1):
        where = f"{source}:{n}"
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield EncodingError("this line is not valid UTF-8; re-encode the file as UTF-8", where)
                continue
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield JSONLineError(f"not JSON ({exc.msg} at column {exc.colno}); each line must be one JSON object", where)
            continue
        try:
            yield article_from_dict(obj, where, published)
        except InputError as exc:
            yield exc


def read_path(path: str | os.PathLike, published: str | None = None, kind: str | None = None) -> Iterator[Article | InputError]:
    """Articles (or errors) from one file of any supported kind."""
    published = normalize_published(published)
    p = Path(path)
    src = str(p)
    try:
        if p.is_dir():
            raise UnknownFormatError("is a directory; give the files in it (e.g. DIR/*.txt)", src)
        with p.open("rb") as fh:
            head = fh.read(8192)
    except FileNotFoundError:
        yield InputError("no such file; check the path", src)
        return
    except PermissionError:
        yield InputError("permission denied; make the file readable", src)
        return
    except InputError as exc:
        yield exc
        return
    try:
        kind = kind or sniff_kind(p, head)
        if kind == "jsonl":
            opener = gzip.open if head.startswith(b"\x1f\x8b") else open
            with opener(p, "rb") as fh:
                yield from read_jsonl(fh, src, published)
        elif kind == "txt":
            data = p.read_bytes()
            text = decode_text(data, src)
            if not text.strip():
                raise EmptyInputError("the file is empty; give an article with some text in it", src)
            yield Article(text=text, id=p.stem, published=published, source=src)
        elif kind == "html":
            from .html import article_from_html

            yield article_from_html(p.read_bytes(), src, published=published, doc_id=p.stem)
        elif kind == "feed":
            from .feeds import read_feed

            yield from read_feed(p.read_bytes(), src, published)
        elif kind == "warc":
            from .warc import read_warc

            yield from read_warc(p, src, published)
        else:
            raise UnknownFormatError(f"unknown input kind {kind!r}; known: {', '.join(KINDS)}", src)
    except InputError as exc:
        yield exc


def read_inputs(paths: Iterable[str], published: str | None = None, stdin: IO[bytes] | None = None,
                kind: str | None = None) -> Iterator[Article | InputError]:
    """Articles (or errors) from every path in turn; ``-`` reads JSONL from stdin.

    Raises DateFormatError at once for a ``published`` it cannot read (it would spoil every article).
    """
    published = normalize_published(published)
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_jsonl(stream, "<stdin>", published)
        else:
            yield from read_path(path, published, kind)
