"""Passes over a sentence's name mentions once they are cut (a part of :mod:`.names`): a nickname joined
to its person, a wildfire's name dropped, a name the bracketed acronym after it spells out made whole, and
acronyms and "known as" aliases marked."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...analysis.words import word_class
from .._doc import folded, texts, tokens
from .mentions import _cap, NameMention, PERSON, _QUOTES
from .title_acronyms import title_acronyms

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _mk(doc: "Doc", i: int, j: int, kind: str = "name") -> NameMention:
    from .names import _mk as mk  # (names cuts the mentions these passes read)

    return mk(doc, i, j, kind)


def _nicknames(doc: "Doc", ms: list[NameMention]) -> list[NameMention]:
    """Join "First (Nick) Last" and 'First "Nick" Last' into one person mention."""
    out: list[NameMention] = []
    k = 0
    while k < len(ms):
        a = ms[k]
        if k + 2 < len(ms) and a.kind == "name":
            b, c = ms[k + 1], ms[k + 2]
            opener = texts(doc)[a.t1:b.t0]  # the texts of the tokens between them (cached per doc)
            closer = texts(doc)[b.t1:c.t0]
            paren = opener == ["("] and closer == [")"]
            quoted = len(opener) == 1 and opener[0] in _QUOTES and len(closer) == 1 and closer[0] in _QUOTES
            if (paren or quoted) and b.kind == "name" and c.kind == "name" and len(c.text.split()) <= 2 \
                    and not (paren and b.text in title_acronyms(doc)):  # "Minister of State (MoS) X" (issue 11)
                s, e = a.start, c.end
                m = NameMention(s, e, doc[a.t0:c.t1].text, a.t0, c.t1, "name")
                m.full = f"{a.text} {c.text}"
                m.aliases = (f"{b.text} {c.text}", b.text, c.text)
                m.pre_title = a.pre_title
                m.votes[PERSON] += 10
                out.append(m)
                k += 3
                continue
        out.append(a)
        k += 1
    return out


_KNOWN_AS = (("known", "as"), ("also", "known", "as"), ("nicknamed",), ("dubbed",), ("better", "known", "as"),
             ("popularly", "known", "as"), ("aka",), ("alias",))


def _fire_names(doc: "Doc", ms: list[NameMention]) -> list[NameMention]:
    """"the Pine Creek fire", "the Valley Fire", "the Marl and Ash fires": a wildfire's name (words/fire_name_words)
    after "the" is an event's, no entity (issue 11). Coordinated names share the noun after the last one."""
    fires, fw = word_class("fire_name_words"), folded(doc)
    drop: set[int] = set()
    for k, m in enumerate(ms):
        head = fw[m.t1] if m.t1 < len(doc) else ""
        last = fw[m.t1 - 1]
        named = last in fires and m.t1 - m.t0 >= 2  # "the Valley Fire"
        if not (named or head in fires or head in ("and", "&") and k + 1 < len(ms) and ms[k + 1].t0 == m.t1 + 1
                and ms[k + 1].t1 < len(doc) and fw[ms[k + 1].t1] in fires and ms[k + 1].t1 - ms[k + 1].t0 == 1):
            continue
        if m.t0 >= 1 and fw[m.t0 - 1] == "the" or k in drop and m.t0 >= 1:
            drop.add(k)
            if head in ("and", "&"):
                drop.add(k + 1)
    return [m for k, m in enumerate(ms) if k not in drop]


_SPELLED_GLUE = frozenset({",", "and", "&", "of", "for", "on", "in", "the"})


def _spelled_out(doc: "Doc", ms: list[NameMention]) -> list[NameMention]:
    """A name with commas or "and" that the "(ACR)" after it spells out is one name: "the Board for Roads,
    Rails and Ports (BRRP)", which the runs cut at the comma into "Board for Roads", "Rails" and "Ports"
    (issue 11: long official names in real copy). The shortest start whose capitals spell the acronym wins;
    nothing changes where the name before the bracket spells it already or no start does."""
    toks, fw = tokens(doc), folded(doc)
    out = list(ms)
    for k in range(len(out) - 1, 0, -1):
        if k >= len(out):
            continue
        a, b = out[k - 1], out[k]
        if (b.kind != "acronym" or a.t1 != b.t0 - 1 or toks[b.t0 - 1].text != "("
                or b.t1 >= len(doc) or toks[b.t1].text != ")"):
            continue
        acr = b.text.rstrip("s") if b.text.endswith("s") and b.text[:-1].isupper() else b.text

        def spells(i: int) -> bool:
            return "".join(toks[t].text[0] for t in range(i, a.t1) if _cap(toks[t])) == acr

        if spells(a.t0):
            continue
        start = None
        for i in range(a.t0 - 1, max(-1, a.t0 - 16), -1):
            if toks[i + 1].is_sent_start or not (_cap(toks[i]) or fw[i] in _SPELLED_GLUE):
                break
            if _cap(toks[i]) and spells(i):
                start = i
                break
        if start is None or not any(fw[t] in (",", "and", "&") for t in range(start, a.t0)):
            continue
        first = next(x for x, m in enumerate(out) if m.t1 > start)
        if out[first].t0 < start:
            continue  # a mention straddles the start: leave it
        out[first:k] = [_mk(doc, start, a.t1)]
    return out


def _acronyms(doc: "Doc", ms: list[NameMention]) -> None:
    """Mark "(ACR)" right after a name as that name's acronym, and "X, known as Y" as an alias."""
    toks, words, fw = tokens(doc), texts(doc), folded(doc)
    for k in range(1, len(ms)):
        a, b = ms[k - 1], ms[k]
        between = tuple(fw[k] for k in range(a.t1, b.t0) if words[k] not in (",", '"', "\u201c", "\u2018", "'"))
        if between in _KNOWN_AS:
            b.alias_of = k - 1
            b.votes[PERSON] += 1
        bracketed = b.t0 >= 1 and toks[b.t0 - 1].text == "(" and b.t1 < len(doc) and toks[b.t1].text == ")" \
            and a.t1 == b.t0 - 1
        if bracketed and b.kind != "acronym" and _MIXED_ACRONYM.match(b.text) \
                and "".join(w[0] for w in a.text.split()).casefold() == b.text.casefold():
            b.kind = "acronym"  # "the Republic of Tumbria (RoT)": initials with the small words' in lower case
        elif bracketed and b.kind != "acronym" and _CLIPPED_ACRONYM.match(b.text) and _initials_then_clip(a.text, b.text):
            b.kind = "acronym"  # "the Velmar Frontier Command (VFCom)": initials, the last word clipped (issue 11)
        if bracketed and b.kind == "acronym":
            b.acronym_of = k - 1


# initials whose last word is clipped rather than cut to its letter ("VFCom" for "Velmar Frontier Command")
_CLIPPED_ACRONYM = re.compile(r"^[A-Z]{2,}[a-z]+$")


def _initials_then_clip(full: str, short: str) -> bool:
    """``short`` is the initials of ``full``'s words but the last, then the last word's first letters (two or more)."""
    words = full.split()
    ini = "".join(w[0] for w in words[:-1]).casefold()
    s = short.casefold()
    return len(words) >= 2 and s.startswith(ini) and len(s) - len(ini) >= 2 and words[-1].casefold().startswith(s[len(ini):])


# initials that keep a small word's letter in lower case ("RoT", "DoJ", "MoH"; issue 11)
_MIXED_ACRONYM = re.compile(r"^[A-Z](?:[a-z]?[A-Z]){1,5}$")


