"""The one loader of word classes: ``data/words/<class>.json``, one class per file.

Each file is a small JSON object, checked when it is loaded::

    {"class": "future_auxiliaries",            # the file's own name, without .json
     "about": "what the words have in common and what the code does with them",
     "source": "where the entries come from (a grammar, a list, general English)",
     "words": ["will", "shall", ...]}          # lower-case, no duplicates, no empty strings

A word list is changed in exactly one file; code asks for it by name (``word_class("deadline_words")``)
and never writes English words inline. A missing or malformed file raises
:class:`~newsledger.errors.LanguageDataError` naming the file and what to fix.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from ..errors import LanguageDataError

__all__ = ["WORDS_DIR", "word_class", "word_classes", "check_word_class"]

WORDS_DIR = Path(__file__).resolve().parent.parent / "data" / "words"
_KEYS = {"class", "about", "source", "words"}


def check_word_class(data: object, name: str) -> frozenset[str]:
    """The words of one parsed word-class file, after checking its schema; raises LanguageDataError."""
    where = f"data/words/{name}.json"
    if not isinstance(data, dict):
        raise LanguageDataError(f"{where} is not a JSON object; write {{\"class\", \"about\", \"source\", \"words\"}}")
    if set(data) != _KEYS:
        raise LanguageDataError(f"{where} has keys {sorted(data)}; a word class has exactly {sorted(_KEYS)}")
    if data["class"] != name:
        raise LanguageDataError(f"{where} declares class {data['class']!r}; the class must be named as its file")
    for key in ("about", "source"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise LanguageDataError(f"{where}: {key!r} must say, in a sentence, {'what the words are for' if key == 'about' else 'where they come from'}")
    words = data["words"]
    if not isinstance(words, list) or not words:
        raise LanguageDataError(f"{where}: 'words' must be a non-empty list of strings")
    seen: set[str] = set()
    for w in words:
        if not isinstance(w, str) or not w.strip() or w != w.lower():
            raise LanguageDataError(f"{where}: {w!r} is not a lower-case word; write entries in lower case")
        if w in seen:
            raise LanguageDataError(f"{where}: {w!r} is listed twice; keep one")
        seen.add(w)
    return frozenset(words)


@functools.cache
def word_class(name: str) -> frozenset[str]:
    """The words of the class ``name`` (``data/words/<name>.json``), loaded and checked once per process."""
    path = WORDS_DIR / f"{name}.json"
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LanguageDataError(f"no word class {name!r}: data/words/{name}.json is missing; "
                                "reinstall newsledger or add the file") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise LanguageDataError(f"data/words/{name}.json is not valid JSON ({exc}); fix the file") from None
    return check_word_class(data, name)


def word_classes() -> list[str]:
    """Names of every word class shipped, sorted."""
    return sorted(p.stem for p in WORDS_DIR.glob("*.json"))
