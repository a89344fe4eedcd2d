"""Reading inputs into articles: ``.txt``, ``.html``, ``.jsonl``, RSS/Atom feeds, WARC files, stdin.

:func:`read_inputs` yields an :class:`~newsledger.records.Article` for every article found, or the
:class:`~newsledger.errors.InputError` that says why an input (or one line, entry or record of it)
could not be read, so a batch goes on past a bad input. It reads lazily: a 10 GB WARC or JSONL file
is never held in memory.
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import stat
import sys
import zlib
from pathlib import Path
from typing import IO, BinaryIO, Iterable, Iterator

from ..errors import (
    BinaryInputError,
    DateFormatError,
    EmptyInputError,
    EncodingError,
    InputError,
    JSONLineError,
    TooLongError,
    UnknownFormatError,
)
from ..checks import MAX_BYTES
from ..records import Article, normalize_published

__all__ = ["read_inputs", "read_path", "read_jsonl", "decode_text", "sniff_kind", "article_from_dict", "open_regular",
           "read_capped", "KINDS"]

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


_TEXT_FIELDS = ("outlet", "title", "url")


def _clean_str(value: str, name: str, source: str) -> str:
    """``value`` when it can be written as UTF-8 (a lone surrogate such as ``"\\ud800"`` cannot)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise JSONLineError(f"the \"{name}\" field holds an unpaired surrogate (\\u{ord(value[exc.start]):04x} at "
                            f"character {exc.start}), which is not text; fix the escape in the JSON", source) from None
    return value


def article_from_dict(d: object, source: str, published: str | None = None) -> Article:
    """An Article from one input JSON object (SPEC: ``text`` required; ``id``, ``published``, ...).

    Fields are typed deliberately: ``text``, ``title``, ``outlet`` and ``url`` must be strings (or
    null), ``id`` a string or an integer (stringified; anything else is refused, never turned into a
    Python repr), ``published`` an ISO 8601 string.
    """
    if not isinstance(d, dict):
        raise JSONLineError(f"expected a JSON object with a \"text\" field, got {_json_type(d)}", source)
    text = d.get("text")
    if not isinstance(text, str):
        raise JSONLineError("the object has no \"text\" string; every input line needs the article text in \"text\"",
                            source)
    _clean_str(text, "text", source)
    meta: dict[str, str | None] = {}
    for name in _TEXT_FIELDS:
        value = d.get(name)
        if value is not None and not isinstance(value, str):
            raise JSONLineError(f"\"{name}\" must be a string or null, not {_json_type(value)}", source)
        meta[name] = _clean_str(value, name, source) if value else None
    ident = d.get("id")
    if isinstance(ident, bool) or not isinstance(ident, (str, int, type(None))):
        raise JSONLineError(f"\"id\" must be a string or an integer, not {_json_type(ident)}", source)
    ident = _clean_str(str(ident), "id", source) if ident not in (None, "") else None
    raw_pub = d.get("published")
    if raw_pub is not None and not isinstance(raw_pub, str):
        raise JSONLineError(f"\"published\" must be an ISO 8601 date string such as \"2025-02-03\", not "
                            f"{_json_type(raw_pub)}", source)
    try:
        pub = normalize_published(_clean_str(raw_pub, "published", source) if raw_pub else published, source)
    except DateFormatError as exc:
        raise JSONLineError(exc.message.removeprefix(f"{source}: "), source) from None
    return Article(text=text, id=ident, published=pub, source=source, **meta)


def _json_type(value: object) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def _capped_lines(stream: Iterable[str | bytes] | BinaryIO, cap: int) -> Iterator[str | bytes | None]:
    """The lines of ``stream``; a line longer than ``cap`` bytes gives None (and is skipped unread)."""
    readline = getattr(stream, "readline", None)
    if readline is None:  # a list or other iterable of lines (tests, callers)
        for line in stream:
            yield None if len(line) > cap else line
        return
    while True:
        line = readline(cap + 1)
        if not line:
            return
        if len(line) > cap and not line.endswith(b"\n" if isinstance(line, bytes) else "\n"):
            while True:  # skip the rest of the over-long line without holding it
                rest = readline(1 << 20)
                if not rest or rest.endswith(b"\n" if isinstance(rest, bytes) else "\n"):
                    break
            yield None
            continue
        yield line


def read_jsonl(lines: Iterable[str | bytes] | BinaryIO, source: str, published: str | None = None,
               max_bytes: int = MAX_BYTES) -> Iterator[Article | InputError]:
    """One Article (or the InputError that says why not) per non-blank line; an input with no
    articles at all gives one EmptyInputError."""
    seen = False
    for n, raw in enumerate(_capped_lines(lines, max_bytes), 1):
        where = f"{source}:{n}"
        if raw is None:
            seen = True
            yield TooLongError(f"the line is over {max_bytes:,} bytes; split the article, or raise the limit with "
                               "--max-bytes", where)
            continue
        if isinstance(raw, bytes):
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError:
                seen = True
                yield EncodingError("this line is not valid UTF-8; re-encode the file as UTF-8", where)
                continue
        if n == 1 and raw.startswith("\ufeff"):
            raw = raw[1:]
        if not raw.strip():
            continue
        seen = True
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield JSONLineError(f"not JSON ({exc.msg} at column {exc.colno}); each line must be one JSON object", where)
            continue
        except RecursionError:
            yield JSONLineError("the JSON is nested too deeply to read; each line must be one flat JSON object "
                                "with a \"text\" field", where)
            continue
        except ValueError as exc:  # e.g. an integer of thousands of digits
            why = " ".join(str(exc).split(":")[0].split())[:120]  # "Exceeds the limit (4300 digits) for ..."
            yield JSONLineError(f"the JSON cannot be read ({why}); each line must be one JSON object with a "
                                "\"text\" field", where)
            continue
        try:
            yield article_from_dict(obj, where, published)
        except InputError as exc:
            yield exc
    if not seen:
        yield EmptyInputError("no articles: the JSONL input is empty; give one JSON object per line, e.g. "
                              "{\"text\": \"...\"}", source)


def open_regular(path: Path, source: str) -> BinaryIO:
    """``path`` opened for reading when it is a regular file (symlinks followed); otherwise the
    InputError that says what it is. Opened non-blocking and checked after opening, so a FIFO never
    blocks and a file swapped for a device between check and open is still refused."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError("no such file (or a symbolic link to nothing); check the path", source) from None
    except PermissionError:
        raise InputError("permission denied; make the file readable", source) from None
    except IsADirectoryError:
        raise UnknownFormatError("is a directory; give the files in it (e.g. DIR/*.txt)", source) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError("a loop of symbolic links; point the link at a real file", source) from None
        raise InputError(f"cannot open it ({exc.strerror}); check the path", source) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = ("a directory" if stat.S_ISDIR(mode) else "a named pipe (FIFO)" if stat.S_ISFIFO(mode)
                else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode)
                else "not a regular file")
        hint = "give the files in it (e.g. DIR/*.txt)" if stat.S_ISDIR(mode) else \
            "newsledger reads regular files; pipe a stream in as JSONL through '-' (stdin)"
        raise (UnknownFormatError if stat.S_ISDIR(mode) else InputError)(f"is {kind}; {hint}", source)
    try:
        os.set_blocking(fd, True)
    except OSError:
        pass
    return os.fdopen(fd, "rb")


def read_capped(fh: BinaryIO, source: str, max_bytes: int = MAX_BYTES) -> bytes:
    """At most ``max_bytes`` of ``fh`` (gzip data decompressed on the way), else TooLongError: a file
    is never read whole before its size is known, and a gzip bomb stops at the cap."""
    head = fh.peek(2)[:2] if hasattr(fh, "peek") else b""
    packed = head == b"\x1f\x8b"
    try:
        reader = gzip.GzipFile(fileobj=fh) if packed else fh
        data = reader.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"a damaged gzip file ({' '.join(str(exc).split())[:120]}); check the download, or give "
                         "the file uncompressed", source) from None
    if len(data) > max_bytes:
        raise TooLongError(f"the file is over {max_bytes:,} bytes{' uncompressed' if packed else ''}, over the limit "
                           "for one article; split it, or raise the limit with --max-bytes", source)
    return data


def read_path(path: str | os.PathLike, published: str | None = None, kind: str | None = None,
              max_bytes: int = MAX_BYTES) -> Iterator[Article | InputError]:
    """Articles (or errors) from one file of any supported kind; only regular files are read, and
    one-article files (.txt, .html, feeds, gzipped or not) at most ``max_bytes`` of them."""
    published = normalize_published(published)
    p = Path(path)
    src = str(p)
    try:
        fh = open_regular(p, src)
    except InputError as exc:
        yield exc
        return
    with fh:
        try:
            head = fh.peek(8192)[:8192]
            kind = kind or sniff_kind(p, head)
            if kind == "jsonl":
                stream = gzip.GzipFile(fileobj=fh) if head.startswith(b"\x1f\x8b") else fh
                try:
                    yield from read_jsonl(stream, src, published, max_bytes)
                except (OSError, EOFError, zlib.error) as exc:
                    yield InputError(f"a damaged gzip file ({' '.join(str(exc).split())[:120]}); the lines before "
                                     "the damage were read", src)
            elif kind == "txt":
                text = decode_text(read_capped(fh, src, max_bytes), src)
                if not text.strip():
                    raise EmptyInputError("the file is empty; give an article with some text in it", src)
                yield Article(text=text, id=_stem(p), published=published, source=src)
            elif kind == "html":
                from .html import article_from_html

                yield article_from_html(read_capped(fh, src, max_bytes), src, published=published, doc_id=_stem(p))
            elif kind == "feed":
                from .feeds import read_feed

                yield from read_feed(read_capped(fh, src, max_bytes), src, published)
            elif kind == "warc":
                from .warc import read_warc

                yield from read_warc(p, src, published, max_bytes)
            else:
                raise UnknownFormatError(f"unknown input kind {kind!r}; known: {', '.join(KINDS)}", src)
        except InputError as exc:
            yield exc
        except Exception as exc:  # a reader library failing on odd input: this file fails, the batch goes on
            why = " ".join(f"{type(exc).__name__}: {exc}".split())[:160]
            yield InputError(f"cannot read it ({why}); check the file, and please report it if it looks valid", src)


def _stem(p: Path) -> str:
    """The file name without its extensions of kind (``a.txt.gz`` -> ``a``)."""
    name = p.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return Path(name).stem or p.name


def read_inputs(paths: Iterable[str], published: str | None = None, stdin: IO[bytes] | None = None,
                kind: str | None = None, max_bytes: int = MAX_BYTES) -> Iterator[Article | InputError]:
    """Articles (or errors) from every path in turn; ``-`` reads JSONL from stdin.

    Raises DateFormatError at once for a ``published`` it cannot read (it would spoil every article).
    """
    published = normalize_published(published)
    if max_bytes < 1:
        raise TooLongError(f"the byte limit must be at least 1, not {max_bytes}; give --max-bytes a positive number")
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            found = read_jsonl(stream, "<stdin>", published, max_bytes)
        else:
            found = read_path(path, published, kind, max_bytes)
        for item in found:
            yield _writable(item) if isinstance(item, Article) else item


def _writable(art: Article) -> Article | InputError:
    """The article, or an EncodingError when a field holds a lone surrogate (from an HTML or XML
    character reference such as ``&#xD800;``): such text cannot be hashed, printed or stored."""
    for name in ("text", "title", "outlet", "url", "id"):
        value = getattr(art, name, None)
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                return EncodingError(f"the {name} holds an unpaired surrogate (\\u{ord(value[exc.start]):04x}), "
                                     "which is not text; fix the character reference in the input",
                                     art.source or art.id)
    return art
