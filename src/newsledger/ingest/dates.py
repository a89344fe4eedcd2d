"""A publication date written in an article that came without one: its dateline, or a "Published" line.

Only dates written whole (day, month and year) count, and only where a publication date is written:
the dateline at the top ("VILNIUS, March 3, 2025 (Agency) -", "3 March 2025 —", "2025-03-03") or a
line that says so ("Published: ...", "Updated ..."). A date told anywhere else in the story is the date of
something that happened, not of the report, so it is never taken. Hand-written: the dateline
positions; month names come from the standard library's calendar module.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

__all__ = ["date_from_text"]

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_M = "|".join(sorted(_MONTHS, key=len, reverse=True))
_PATTERNS = [
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    re.compile(rf"\b(?P<mon>{_M})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_M})\.?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
]
_PUBLISHED_LINE = re.compile(r"^\s*(?:published|posted|updated|last updated|date)\b[^\n]{0,80}", re.I | re.M)
_DASH = re.compile(r"\s[\u2014\u2013-]{1,2}\s")
#: how far into the text a dateline may start
DATELINE_CHARS = 200


def _parse(m: re.Match) -> str | None:
    g = m.groupdict()
    month = int(g["m"]) if g.get("m") else _MONTHS.get(g["mon"].lower().rstrip("."))
    try:
        return dt.date(int(g["y"]), int(month or 0), int(g["d"])).isoformat()
    except (ValueError, TypeError):
        return None


def _first(text: str) -> tuple[str, str] | None:
    best: tuple[int, str, str] | None = None
    for pat in _PATTERNS:
        for m in pat.finditer(text):
            value = _parse(m)
            if value and (best is None or m.start() < best[0]):
                best = (m.start(), value, m.group(0))
            break
    return (best[1], best[2]) if best else None


def date_from_text(text: str) -> tuple[str, str, str] | None:
    """(ISO date, the words it was read from, where: "dateline" or "published line"), or None."""
    head = text.lstrip()[:DATELINE_CHARS]
    first_line = head.split("\n", 1)[0]
    # a short line of its own above the story: a dateline or byline
    regions = [first_line] if len(first_line) <= 100 and "\n" in text.strip() else []
    lead = _DASH.split(head, 1)
    if len(lead) == 2:  # "PLACE, March 3, 2025 (Agency) — the story"
        regions.append(lead[0])
    for region in regions:
        hit = _first(region)
        if hit:
            return hit[0], hit[1], "dateline"
    for m in _PUBLISHED_LINE.finditer(text):
        hit = _first(m.group(0))
        if hit:
            return hit[0], hit[1], "published line"
    return None
