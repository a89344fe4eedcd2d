"""Looking up which entity a stretch of text refers to, from the entities' mention spans.

Shared by the stages after ``entities``: a speaker, a channel, an event actor is the entity whose
mention covers its words (pronouns included, when the entities stage resolved them).
"""

from __future__ import annotations

import bisect
from typing import Iterable

from ..records import Entity

__all__ = ["EntityIndex"]


class EntityIndex:
    """Mention spans of all entities, sorted, for lookups by character offsets."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities = {e.id: e for e in entities}
        rows = sorted((m.start, m.end, e.id) for e in self.entities.values() for m in e.mentions)
        self._rows = rows
        self._starts = [r[0] for r in rows]

    def __bool__(self) -> bool:
        return bool(self._rows)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, entity id) of every mention overlapping ``start:end``, in text order."""
        i = bisect.bisect_left(self._starts, start)
        # step back over mentions that start before `start` but may still reach into it
        j = i
        while j > 0 and self._starts[j - 1] > start - 200:
            j -= 1
        out = []
        for row in self._rows[j:]:
            if row[0] >= end:
                break
            if row[1] > start and row[0] < end:
                out.append(row)
        return out

    def at(self, start: int, end: int) -> str | None:
        """The entity best covering ``start:end``: an exact mention, else the mention that overlaps the
        most (ties: the longer mention), else None."""
        best, best_key = None, None
        for s, e, eid in self.overlapping(start, end):
            overlap = min(e, end) - max(s, start)
            key = (s == start and e == end, overlap, e - s)
            if best_key is None or key > best_key:
                best, best_key = eid, key
        return best

    def within(self, start: int, end: int) -> list[str]:
        """Ids of entities with a mention inside ``start:end``, in order of first mention, no repeats."""
        seen: list[str] = []
        for s, e, eid in self.overlapping(start, end):
            if s >= start and e <= end and eid not in seen:
                seen.append(eid)
        return seen

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)
