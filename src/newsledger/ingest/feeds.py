"""RSS and Atom feeds with feedparser: one article per entry that carries content."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
from typing import Iterator

from ..errors import FeedError, InputError, NoArticleError
from ..records import Article

__all__ = ["read_feed"]

_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</?(p|div|br|li|h[1-6]|blockquote)\b[^>]*>", re.I)


def _entry_text(entry) -> str:
    """Plain text of an entry's fullest content (content:encoded, else summary), paragraphs kept."""
    bodies = [c.get("value", "") for c in entry.get("content") or []]
    bodies.append(entry.get("summary", "") or "")
    body = max(bodies, key=len)
    if "<" in body:
        try:
            import trafilatura

            text = trafilatura.extract(f"<html><body><article>{body}</article></body></html>",
                                       include_comments=False, include_tables=False, favor_recall=True)
        except Exception:
            text = None
        if not text:
            text = _TAG.sub("", _BLOCK.sub("\n", body))
        body = text
    body = htmllib.unescape(body)
    lines = [" ".join(line.split()) for line in body.splitlines()]
    return "\n".join(line for line in lines if line)


def read_feed(data: bytes, source: str, published: str | None = None) -> Iterator[Article | InputError]:
    import feedparser

    try:
        feed = feedparser.parse(data)
    except Exception as exc:  # feedparser raises on some markup, e.g. a character reference to a surrogate
        raise FeedError(f"not a readable RSS or Atom feed ({type(exc).__name__}: {' '.join(str(exc).split())[:120]}); "
                        "check the file is complete and well-formed XML", source) from None
    if not feed.entries:
        why = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        raise FeedError(f"not a readable RSS or Atom feed, or a feed with no entries{why}; check the file "
                        "is the feed itself and not a page about it", source)
    texts = [_entry_text(e) for e in feed.entries]
    if feed.get("bozo") and not any(t.strip() for t in texts):
        raise FeedError(f"not a readable RSS or Atom feed ({feed.bozo_exception}); check the file is complete "
                        "and well-formed XML", source)
    outlet = (feed.feed.get("title") or None) if feed.get("feed") else None
    for n, (entry, text) in enumerate(zip(feed.entries, texts), 1):
        where = f"{source}#{entry.get('id') or entry.get('link') or n}"
        if not text.strip():
            yield NoArticleError("the feed entry has no content or summary text", where)
            continue
        pub = published
        if not pub:
            parsed = entry.get("published_parsed") or entry.get("updated_parsed")
            if parsed:
                pub = dt.datetime(*parsed[:6], tzinfo=dt.timezone.utc).isoformat()
        yield Article(text=text, id=entry.get("id") or entry.get("link") or None, published=pub, outlet=outlet,
                      title=entry.get("title") or None, url=entry.get("link") or None, source=where)
