"""Checks an article passes before it is parsed: not empty, not too long, English."""

from __future__ import annotations

import re

from .errors import EmptyInputError, NotEnglishError, TooLongError
from .records import Article

__all__ = ["check_article", "english_score", "MAX_CHARS"]

# spaCy's own max_length; longer articles are refused unless the caller raises the limit
# (they are still parsed in paragraph-aligned chunks, see nlp.parse).
MAX_CHARS = 1_000_000

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def english_score(text: str, sample_chars: int = 20_000) -> tuple[float, int]:
    """(share of words that are English function words, number of words) over the text's start.

    Hand-written on purpose: no language-ID package installable here ships its model inside a small,
    maintained wheel, and spaCy's English stop-word list tells English prose apart reliably (news
    prose runs 35-55% function words; French, German or Spanish prose stays under 10%).
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    words = _WORD.findall(text[:sample_chars])
    if not words:
        return 0.0, 0
    latin = sum(1 for w in words if w.isascii())
    if latin / len(words) < 0.5:
        return 0.0, len(words)
    hits = sum(1 for w in words if w.lower() in STOP_WORDS)
    return hits / len(words), len(words)


def check_article(article: Article, max_chars: int = MAX_CHARS, check_language: bool = True) -> Article:
    """Return the article when it can be processed; else raise the InputError that says why."""
    src = article.source or article.doc_id
    if not article.text.strip():
        raise EmptyInputError("the article text is empty; give an article with some text in it", src)
    if max_chars and len(article.text) > max_chars:
        raise TooLongError(
            f"the article is {len(article.text):,} characters long, over the limit of {max_chars:,}; "
            "split it into articles, or raise the limit with --max-chars (long texts are parsed in "
            "paragraph-aligned chunks)", src)
    if check_language:
        score, n = english_score(article.text)
        if n >= 25 and score < 0.15:
            raise NotEnglishError(
                f"the article does not look like English ({score:.0%} English function words in {n} words); "
                "newsledger's pipeline reads English only. Pass --no-language-check to process it anyway", src)
    return article
