"""The rows a document record becomes: one list of tuples per table, for every backend.

Both the SQLite ledger (``executemany``) and the PostgreSQL ledger (``executemany`` for one article,
``COPY`` for a batch) write exactly these rows, so the two schemas hold the same data. The tables
come in dependency order (a row's foreign keys point at rows of tables before it).
"""

from __future__ import annotations

import json
from typing import Any

from ..records import Record, Span, TimeValue

__all__ = ["COLUMNS", "record_rows", "quoted"]

#: Each table a record is written to, with the columns written, in dependency order.
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("id", "content_hash", "url", "title", "outlet", "published", "text", "source", "ingested_at",
                  "record_json"),
    "entities": ("doc_id", "id", "type", "name", "age", "titles", "affiliation", "citizenship", "residence", "origin",
                 "aliases", "position"),
    "mentions": ("doc_id", "entity_id", "position", "start", "end", "text"),
    "relations": ("doc_id", "position", "type", "subject", "object", "evidence_start", "evidence_end", "evidence"),
    "statements": ("doc_id", "id", "position", "speaker", "speaker_text", "cue", "channel", "channel_text", "direct",
                   "kind", "content_start", "content_end", "content", "date_value", "date_text", "horizon_value",
                   "horizon_text", "evidence_start", "evidence_end", "evidence"),
    "statement_about": ("doc_id", "statement_id", "entity_id", "position"),
    "statement_parts": ("doc_id", "statement_id", "position", "start", "end", "text"),
    "events": ("doc_id", "id", "position", "type", "mode", "cameo", "status", "trigger_start", "trigger_end", "trigger",
               "location", "date_value", "date_text", "evidence_start", "evidence_end", "evidence"),
    "event_participants": ("doc_id", "event_id", "role", "entity_id", "position"),
    "event_mentions": ("doc_id", "event_id", "position", "start", "end", "text"),
    "times": ("doc_id", "position", "start", "end", "text", "type", "value", "anchor"),
    "unresolved": ("doc_id", "position", "start", "end", "text"),
}


def quoted(columns: tuple[str, ...] | list[str]) -> str:
    """A column list with every name double-quoted (``end`` is reserved in PostgreSQL)."""
    return ", ".join(f'"{c}"' for c in columns)


def _j(items: Any) -> str:
    items = list(items)
    return json.dumps(items, ensure_ascii=False) if items else "[]"  # most attribute lists are empty


def _tv(t: TimeValue | None) -> tuple[str | None, str | None]:
    return (t.value, t.text) if t is not None else (None, None)


def _span(s: Span) -> tuple[int, int, str]:
    return (s.start, s.end, s.text)


def record_rows(r: Record, content_hash: str, source: str | None, now: str) -> dict[str, list[tuple]]:
    """The rows of ``r`` for each table of :data:`COLUMNS` (empty lists included), ``now`` the
    ingestion time (ISO 8601 UTC)."""
    out: dict[str, list[tuple]] = {t: [] for t in COLUMNS}
    out["documents"].append((r.id, content_hash, r.url, r.title, r.outlet, r.published, r.text, source, now,
                             r.dumps()))
    for i, e in enumerate(r.entities):
        a = e.attributes
        out["entities"].append((r.id, e.id, e.type, e.name, a.age, _j(a.titles), _j(a.affiliation),
                                _j(a.citizenship), _j(a.residence), _j(a.origin), _j(e.aliases), i))
        out["mentions"].extend((r.id, e.id, k, *_span(m)) for k, m in enumerate(e.mentions))
    out["relations"] = [(r.id, i, x.type, x.subject, x.object, *_span(x.evidence)) for i, x in enumerate(r.relations)]
    for i, s in enumerate(r.statements):
        out["statements"].append((r.id, s.id, i, s.speaker, s.speaker_text, s.cue, s.channel, s.channel_text,
                                  int(s.direct), s.kind, *_span(s.content), *_tv(s.date), *_tv(s.horizon),
                                  *_span(s.evidence)))
        out["statement_about"].extend((r.id, s.id, e, k) for k, e in enumerate(s.about))
        out["statement_parts"].extend((r.id, s.id, k, *_span(p)) for k, p in enumerate(s.parts))
    for i, v in enumerate(r.events):
        out["events"].append((r.id, v.id, i, v.type, v.mode, v.cameo, v.status, *_span(v.trigger), v.location,
                              *_tv(v.date), *_span(v.evidence)))
        out["event_participants"].extend((r.id, v.id, "source", e, k) for k, e in enumerate(v.source))
        out["event_participants"].extend((r.id, v.id, "target", e, k) for k, e in enumerate(v.target))
        out["event_mentions"].extend((r.id, v.id, k, *_span(m)) for k, m in enumerate(v.mentions))
    out["times"] = [(r.id, i, t.start, t.end, t.text, t.type, t.value, t.anchor) for i, t in enumerate(r.times)]
    out["unresolved"] = [(r.id, i, *_span(s)) for i, s in enumerate(r.unresolved)]
    return out
