"""What ``newsledger.ledger.track`` reads records with: its lexicons, time intervals and content words.

Hand-written here because no library does it on our records: turning a SPEC ``TimeValue`` (a day, an
ISO week, a month, a year, a range) into the interval of days it covers, and reading a statement's
content as a bag of word stems in which every entity mention is replaced by its ledger entity (so
"Alena", "Zhukouskaya" and "she" become one token). Words are lemmatized by simplemma and stemmed by
snowballstemmer; the similarity of two bags is rapidfuzz's token-set ratio next to a word Dice.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping

import simplemma
import snowballstemmer
from rapidfuzz import fuzz

from ..errors import TrackError
from ..records import Record, Statement, TimeValue

__all__ = ["Interval", "interval", "compatible", "precision", "stems", "stem_phrases", "content_tokens",
           "content_words", "similarity", "lexicon", "MemberOf", "ledger_id"]

MemberOf = Mapping[tuple[str, str], str]

# ------------------------------------------------------------------ time values

Interval = tuple[dt.date, dt.date]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


@lru_cache(maxsize=100_000)
def interval(value: str | None) -> Interval | None:
    """The first and last day a SPEC time value covers; None for what is no date (a duration, null)."""
    v = (value or "").strip()
    if not v:
        return None
    if "/" in v:
        a, b = (interval(x) for x in v.split("/", 1))
        return (a[0], b[1]) if a and b and a[0] <= b[1] else None
    try:
        if m := _DAY.match(v):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _WEEK.match(v):
            start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + dt.timedelta(days=6)
        if m := _MONTH.match(v):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
        if m := _YEAR.match(v):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def precision(value: str | None) -> int:
    """How precise a time value is: the fewer days it covers the higher (a day beats a month beats a year)."""
    iv = interval(value)
    return -((iv[1] - iv[0]).days) if iv else -10**6


def compatible(a: str | None, b: str | None, slack_days: int = 0) -> bool:
    """Whether two time values may name one time: their intervals overlap (within ``slack_days``); an unknown one fits."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return True
    slack = dt.timedelta(days=slack_days)
    return ia[0] - slack <= ib[1] and ib[0] - slack <= ia[1]


def tv(t: TimeValue | None) -> str | None:
    return t.value if t is not None else None


# ------------------------------------------------------------------ words

_STEMMER = snowballstemmer.stemmer("english")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?|n't", re.UNICODE)


def fold(text: str) -> str:
    """Lower case, accents off, curly apostrophes straight."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    """A word's Snowball stem, taken from its dictionary lemma (simplemma) so that irregular forms meet their
    verb: spoke -> speak, held -> hold, freed -> free."""
    return _STEMMER.stemWord(simplemma.lemmatize(word, lang="en").lower())


def stems(text: str) -> list[str]:
    """The Snowball stems of the words of ``text``, in order ("it's" keeps its "'s" off). Each word is stemmed
    once per process (the pure-Python stemmer is the costly part of reading a text)."""
    return [_stem(w[:-2] if w.endswith("'s") else w) for w in _WORD.findall(fold(text))]


def stem_phrases(words: list[str] | tuple[str, ...]) -> list[tuple[str, ...]]:
    """Lexicon words and phrases as stem tuples ("step down" -> ("step", "down"))."""
    return [tuple(stems(w)) for w in words if stems(w)]


def find_phrase(tokens: list[str], phrase: tuple[str, ...]) -> int:
    """The index where ``phrase`` starts in ``tokens``, or -1."""
    n = len(phrase)
    for i in range(len(tokens) - n + 1):
        if tuple(tokens[i:i + n]) == phrase:
            return i
    return -1


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # a word list only; no model is loaded

    keep = {w for w in lexicon("claims")["negations"]}
    return frozenset(_stem(w) for w in STOP_WORDS if w not in keep)


def ledger_id(member_of: MemberOf, doc: str, entity: str | None) -> str | None:
    """The ledger entity of a document entity, or None where the linker placed it nowhere."""
    return member_of.get((doc, entity)) if entity else None


def content_words(rec: Record, st: Statement, member_of: MemberOf,
                  skip_times: bool = False) -> list[tuple[str, int]]:
    """The content of a statement as (stem, sentence number), each entity mention one token ``@L..``; with
    ``skip_times`` the words of its time expressions ("next week", "by the end of March") left out."""
    start, end = st.content.start, st.content.end
    marks: list[tuple[int, int, str | None]] = []
    for e in rec.entities:
        lid = ledger_id(member_of, rec.id, e.id) or f"?{rec.id}/{e.id}"  # unlinked: matches nothing elsewhere
        for m in e.mentions:
            if start <= m.start and m.end <= end:
                marks.append((m.start, m.end, "@" + lid))
    if skip_times:
        marks += [(t.start, t.end, None) for t in rec.times if start <= t.start and t.end <= end]
    marks.sort(key=lambda m: (m[0], -m[1]))
    out: list[tuple[str, int]] = []
    sent = 0

    def words(a: int, b: int) -> None:
        nonlocal sent
        for i, piece in enumerate(re.split(r"[.;!?]+\s", rec.text[a:b])):
            sent += i > 0
            out.extend((w, sent) for w in stems(piece))

    pos = start
    for s, e, tok in marks:
        if s < pos:
            continue
        words(pos, s)
        if tok is not None:
            out.append((tok, sent))
        pos = e
    words(pos, end)
    return out


def content_tokens(rec: Record, st: Statement, member_of: MemberOf,
                   words: list[tuple[str, int]] | None = None) -> list[str]:
    """The content of a statement as stems, stop words dropped, each entity mention one token ``@L..``."""
    stop = _stop()
    return [w for w, _ in (words if words is not None else content_words(rec, st, member_of)) if w not in stop]


def similarity(a: list[str], b: list[str]) -> float:
    """How much two contents say the same: rapidfuzz's token-set ratio (a partial quote scores as its whole)
    when the shorter one has at least three words, else a word Dice."""
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    dice = 2 * len(sa & sb) / (len(sa) + len(sb))
    if min(len(sa), len(sb)) < 3:
        return dice
    return max(dice, fuzz.token_set_ratio(" ".join(sorted(sa)), " ".join(sorted(sb))) / 100.0
               if len(sa & sb) >= 2 else dice)


# ------------------------------------------------------------------ lexicons

@lru_cache(maxsize=None)
def lexicon(name: str) -> dict[str, Any]:
    """A lexicon of ``data/lexicons/`` (``statuses`` or ``claims``), loaded once."""
    path = resources.files("newsledger") / "data" / "lexicons" / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise TrackError(f"cannot read the lexicon {name}.json ({exc}); reinstall newsledger or fix the file") from None
    if not isinstance(data, dict):
        raise TrackError(f"the lexicon {name}.json must be a JSON object; fix the file")
    return data
