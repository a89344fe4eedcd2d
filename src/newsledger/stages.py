"""What a stage is: a function ``(doc, found) -> dict`` with the record fields it reads and writes.

:class:`Found` is what a stage sees (the article and what earlier stages produced); :class:`Stage` wraps
a stage function with its declaration and checks that what it returns is exactly what it declared
(spaCy's habit of checking what a component gives back). The default stages are listed in one table,
:mod:`newsledger.extract.factories`; :func:`newsledger.stage` registers more.

This module imports no stage and no pipeline: stage modules import :class:`Found` from here, so the
pipeline -> stages -> pipeline import cycle is gone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable

from .errors import StageError
from .records import Article, Entity, Event, Record, Relation, Span, Statement, Time

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["RECORD_FIELDS", "Found", "Stage"]

RECORD_FIELDS = ("entities", "relations", "unresolved", "times", "statements", "events")
_FIELD_TYPES = {"entities": Entity, "relations": Relation, "unresolved": Span, "times": Time,
                "statements": Statement, "events": Event}


@dataclass(frozen=True)
class Found:
    """What a stage sees: the article and what earlier stages found (empty where none ran)."""

    article: Article
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    unresolved: tuple[Span, ...] = ()
    times: tuple[Time, ...] = ()
    statements: tuple[Statement, ...] = ()
    events: tuple[Event, ...] = ()

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def published(self) -> dt.date | None:
        """The publication date (the date part of a datetime), or None."""
        p = self.article.published
        return dt.date.fromisoformat(p[:10]) if p else None

    def to_record(self) -> Record:
        a = self.article
        return Record(id=a.doc_id, text=a.text, url=a.url, title=a.title, outlet=a.outlet, published=a.published,
                      entities=self.entities, relations=self.relations, statements=self.statements,
                      events=self.events, times=self.times, unresolved=self.unresolved)


@dataclass(frozen=True)
class Stage:
    name: str
    func: Callable[["Doc", Found], dict]
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, doc: "Doc", found: Found) -> Found:
        out = self.func(doc, found)
        if not isinstance(out, dict) or set(out) != set(self.provides):
            got = sorted(out) if isinstance(out, dict) else type(out).__name__
            raise StageError(f"[stage {self.name}] returned {got}, but declares it provides {list(self.provides)}; "
                             "a stage returns a dict with exactly the fields it provides")
        clean: dict[str, Any] = {}
        for key, items in out.items():
            want = _FIELD_TYPES[key]
            items = tuple(items)
            bad = next((x for x in items if not isinstance(x, want)), None)
            if bad is not None:
                raise StageError(f"[stage {self.name}] put a {type(bad).__name__} in {key!r}; it must hold "
                                 f"{want.__name__} records")
            clean[key] = items
        return replace(found, **clean)


