"""Checks an article passes before it is parsed: not empty, not too long, English."""

from __future__ import annotations

import re

from .errors import EmptyInputError, NotEnglishError, TooLongError
from .records import Article

__all__ = ["check_article", "check_max_chars", "english_score", "latin_share", "MAX_CHARS", "MAX_BYTES", "BATCH_CHARS"]

# spaCy's own max_length; longer articles are refused unless the caller raises the limit
# (they are still parsed in paragraph-aligned chunks, see nlp.parse).
MAX_CHARS = 1_000_000
# The most bytes read from one file that holds one article (.txt, .html, a feed; uncompressed size
# for .gz), from one JSONL line, or from one WARC response body: 4 bytes a character at most, so a
# text at the character limit fits, and a 10 GB file or /dev/zero stops here instead of in memory.
MAX_BYTES = 4 * MAX_CHARS + 4096
# The most characters parsed together in one nlp.pipe call (short articles batched, a long one's
# chunks three at a time): the parser's memory follows this and the chunk size, not the length of
# an article (300 MB peak at 30,000, 500 MB at 100,000, measured on a 300,000-character article).
BATCH_CHARS = 30_000

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_WORD_CHAR = re.compile(r"[^\W_]")  # a letter or digit of any script
# Script check: Chinese and Japanese are written without spaces, so they hold few "words" and
# would slip under the word-based check; their letters are counted instead (a few dozen suffice).
_SCRIPT_MIN_LETTERS = 40


def english_score(text: str, sample_chars: int = 20_000) -> tuple[float, int]:
    """(share of words that are English function words, number of words) over the text's start.

    Hand-written on purpose: no language-ID package installable here ships its model inside a small,
    maintained wheel, and spaCy's English stop-word list tells English prose apart reliably (news
    prose runs 35-55% function words; French, German or Spanish prose stays under 10%).
    """
    return _language_facts(text, sample_chars)[:2]


def latin_share(text: str, sample_chars: int = 20_000) -> float | None:
    """The share of the letters at the text's start that are Latin; None when there are too few
    letters to tell. Script-based, so that Chinese and Japanese (written without spaces, hence with
    few "words") are told apart as surely as the word-based check tells French from English."""
    return _language_facts(text, sample_chars)[2]


def _language_facts(text: str, sample_chars: int = 20_000) -> tuple[float, int, float | None]:
    """:func:`english_score` and :func:`latin_share` from one pass of the word pattern over the sample
    (the check runs on every article: one regex pass over it costs as much as a stage's rule).
    The letters are the characters of the words (the letter class is the word pattern's), the Latin
    ones the ASCII letters (counted by ``bytes.translate``) and those of Latin-1 and Extended-A/B."""
    from spacy.lang.en.stop_words import STOP_WORDS

    sample = text[:sample_chars]
    words = _WORD.findall(sample)
    letters = sum(map(len, words))
    if letters < _SCRIPT_MIN_LETTERS:
        latin = None
    else:
        ascii_letters = len(sample.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS))
        if not sample.isascii():
            ascii_letters += sum(map(len, _LATIN_BEYOND_ASCII.findall(sample)))
        latin = ascii_letters / letters
    if not words:
        return 0.0, 0, latin
    if sum(map(str.isascii, words)) / len(words) < 0.5:
        return 0.0, len(words), latin
    hits = sum(map(STOP_WORDS.__contains__, map(str.lower, words)))
    return hits / len(words), len(words), latin


#: the ASCII bytes that are not letters (deleted to count the letters)
_NOT_ASCII_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
#: the Latin letters beyond ASCII (Latin-1 and Extended-A/B: U+00C0 to U+024F), in runs
_LATIN_BEYOND_ASCII = re.compile(r"[\u00C0-\u024F]+")


def check_max_chars(max_chars: int | None) -> None:
    """Refuse a negative character limit (0 or None: no limit)."""
    if max_chars is not None and max_chars < 0:
        raise TooLongError(f"the character limit must be 0 (no limit) or more, not {max_chars}; give --max-chars "
                           "a positive number")


def check_article(article: Article, max_chars: int = MAX_CHARS, check_language: bool = True) -> Article:
    """Return the article when it can be processed; else raise the InputError that says why."""
    src = article.source or article.doc_id
    if not article.text.strip():
        raise EmptyInputError("the article text is empty; give an article with some text in it", src)
    if not _WORD_CHAR.search(article.text):
        raise EmptyInputError("the article holds no words (only spaces, punctuation, symbols or invisible "
                              "characters such as zero-width spaces); give an article with some text in it", src)
    if max_chars and len(article.text) > max_chars:
        raise TooLongError(
            f"the article is {len(article.text):,} characters long, over the limit of {max_chars:,}; "
            "split it into articles, or raise the limit with --max-chars (long texts are parsed in "
            "paragraph-aligned chunks)", src)
    if check_language:
        score, n, latin = _language_facts(article.text)
        if latin is not None and latin < 0.5:
            raise NotEnglishError(
                f"the article is not written in the Latin alphabet (only {latin:.0%} of its letters are Latin: "
                "Chinese, Japanese, Cyrillic, Arabic, ...); newsledger's pipeline reads English only. Pass "
                "--no-language-check to process it anyway", src)
        if n >= 25 and score < 0.15:
            raise NotEnglishError(
                f"the article does not look like English ({score:.0%} English function words in {n} words); "
                "newsledger's pipeline reads English only. Pass --no-language-check to process it anyway", src)
    return article
