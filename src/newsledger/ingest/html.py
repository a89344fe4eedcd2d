"""HTML pages: main text, title, site name and publication date, with trafilatura and htmldate."""

from __future__ import annotations

from ..errors import NoArticleError
from ..records import Article

__all__ = ["article_from_html"]

_LXML_DEPTH = 255  # libxml2's nesting limit without XML_PARSE_HUGE


def _extract(trafilatura, html, options: dict) -> dict:
    """trafilatura's main text and metadata as a dict ({} where it finds none, or fails on the markup)."""
    try:
        found = trafilatura.bare_extraction(html, **options)
    except RecursionError:
        return {}
    return found.as_dict() if found is not None else {}


def _deep_tree(html: bytes | str):
    """(nesting depth, lxml tree parsed without libxml2's depth cap); (0, None) when it does not parse."""
    import lxml.html
    from lxml import etree

    try:
        parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True)
        tree = lxml.html.fromstring(html.encode("utf-8") if isinstance(html, str) else html, parser=parser)
    except (etree.LxmlError, ValueError):
        return 0, None
    depth = deepest = 0
    for event, _el in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest, tree


def article_from_html(html: bytes | str, source: str, *, url: str | None = None, published: str | None = None,
                      doc_id: str | None = None, fallback_date: str | None = None) -> Article:
    """The article in a page. ``published`` (given by the caller) wins over the page's own date."""
    import trafilatura
    from htmldate import find_date

    from ..records import normalize_published

    options = dict(url=url, with_metadata=True, include_comments=False, include_tables=False)
    doc = _extract(trafilatura, html, options)
    text = doc.get("text") or ""
    if not text.strip():
        depth, tree = _deep_tree(html)
        if depth > _LXML_DEPTH:  # lxml's default parser stops at 255 levels: parse again without the cap
            doc = _extract(trafilatura, tree, options)
            text = doc.get("text") or ""
            if not text.strip():
                raise NoArticleError(f"the page is nested {depth:,} elements deep and no article text was found in "
                                     "it; give the article's plain text as .txt", source)
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
