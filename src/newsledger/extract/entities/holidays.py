"""Days named after a person, a people or a cause ("Founders Day", "Victoria Day"-style holidays) name no
entity (issue 11, real reporting: a given name before "Day" made the holiday a person).

A name of two words or more whose last word is a capitalized "Day" is a holiday's, where a time preposition
(``holiday_prepositions``: "on", "before", "until", ...) comes before it, "the" allowed between, or a
``holiday_followers`` noun in the next two words, all lower case ("the Founders Day weekend", "a Harvest Day
parade", "Founders Day public holiday"). A person whose
surname is Day ("Mira Day said") has neither, and stays a person. Each drop is noted in the trace
(``entities.no-entity.holiday``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...analysis.words import word_class
from ...trace import note, tracing
from .._doc import folded, texts, tokens
from .mentions import NameMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["drop_holidays"]


def _holiday(doc: "Doc", m: NameMention) -> bool:
    if m.kind != "name" or m.t1 - m.t0 < 2 or texts(doc)[m.t1 - 1] != "Day":
        return False
    fw = folded(doc)
    k = m.t0 - 1
    if k >= 0 and fw[k] == "the":
        k -= 1
    before = k >= 0 and tokens(doc)[k].is_lower and fw[k] in word_class("holiday_prepositions")
    toks, followers = tokens(doc), word_class("holiday_followers")
    after = any(k < len(doc) and toks[k].is_lower and fw[k] in followers for k in (m.t1, m.t1 + 1)) \
        and m.t1 < len(doc) and toks[m.t1].is_lower  # "the Founders Day weekend", "Founders Day public holiday"
    return before or after


def drop_holidays(doc: "Doc", ms: list[NameMention]) -> list[NameMention]:
    """The mentions less those of holidays' names ("on Founders Day", "the Harvest Day weekend")."""
    out: list[NameMention] = []
    for m in ms:
        if _holiday(doc, m):
            if tracing(doc):
                note(doc, "entities.no-entity", "entities.no-entity.holiday", "a name ending in 'Day' after a "
                     "time preposition or before a holiday noun is a holiday's, no entity", (m.start, m.end), None)
            continue
        out.append(m)
    return out
