"""Names spelled two ways in one article (issue 11, pattern 6: "one person is one entity"): a long word of
a name one slip of the keyboard from the word written before ("Radhakrishnan" / "Radhakirshnan",
"Velmar University" / "Valmar University"): a letter changed, added, dropped or two swapped, the first
letter the same. Looked up through the words' one-letter deletions, so each lookup reads one word."""

from __future__ import annotations

from collections import defaultdict
from typing import Generic, TypeVar

T = TypeVar("T")

# a word this long or longer may be misspelled into another (short words differ by one letter too often:
# "Hansen" / "Jansen" are two names)
MIN_LETTERS = 6


def one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by exactly one changed, added, dropped or swapped pair of letters."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    k = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[k:] == long[k + 1:]


def _deletions(w: str) -> set[str]:
    return {w} | {w[:k] + w[k + 1:] for k in range(len(w))}


class SpellIndex(Generic[T]):
    """Names (tuples of folded words) to values; ``near(words)`` is the one value whose name differs from
    ``words`` in one long word by :func:`one_edit`, the first letters the same, or None (none or several)."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[int, tuple[str, ...]], list[tuple[tuple[str, ...], T]]] = defaultdict(list)

    def _keys(self, words: tuple[str, ...]) -> set[tuple[int, tuple[str, ...]]]:
        out: set[tuple[int, tuple[str, ...]]] = set()
        for k, w in enumerate(words):
            if len(w) >= MIN_LETTERS - 1 and w.isalpha():
                for d in _deletions(w):
                    out.add((k, words[:k] + (d,) + words[k + 1:]))
        return out

    def add(self, words: tuple[str, ...], value: T) -> None:
        for key in self._keys(words):
            self._by_key[key].append((words, value))

    def near(self, words: tuple[str, ...]) -> T | None:
        hits: list[T] = []
        for key in self._keys(words):
            for name, value in self._by_key.get(key, ()):
                if len(name) != len(words) or any(v is value for v in hits):
                    continue
                diff = [k for k in range(len(words)) if name[k] != words[k]]
                if (len(diff) == 1 and min(len(name[diff[0]]), len(words[diff[0]])) >= MIN_LETTERS
                        and name[diff[0]][0] == words[diff[0]][0] and one_edit(name[diff[0]], words[diff[0]])):
                    hits.append(value)
        return hits[0] if len(hits) == 1 else None
