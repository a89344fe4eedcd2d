"""HTML pages: main text, title, site name and publication date, with trafilatura and htmldate."""

from __future__ import annotations

from ..errors import NoArticleError
from ..records import Article

__all__ = ["article_from_html"]


def article_from_html(html: bytes | str, source: str, *, url: str | None = None, published: str | None = None,
                      doc_id: str | None = None, fallback_date: str | None = None) -> Article:
    """The article in a page. ``published`` (given by the caller) wins over the page's own date."""
    import trafilatura
    from htmldate import find_date

    from ..records import normalize_published

    found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                        include_tables=False)
    doc = found.as_dict() if found is not None else {}
    text = doc.get("text") or ""
    if not text.strip():
        raise NoArticleError("no article text found in the page (scripts, navigation or an empty body only); "
                             "give the page of an article, or its plain text as .txt", source)
    date = published
    if not date:
        try:
            date = find_date(html, original_date=True, url=url, extensive_search=False)
        except Exception:  # htmldate raises on pathological markup; the date is then unknown, not guessed
            date = None
        date = date or fallback_date
    return Article(
        text=text,
        id=doc_id,
        published=normalize_published(date, source),
        outlet=doc.get("sitename") or None,
        title=doc.get("title") or None,
        url=url or doc.get("url") or None,
        source=source,
    )
