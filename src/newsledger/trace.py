"""The trace: why each field of a record has its value.

A stage that decides something calls :func:`note` with the item (``s3.speaker``), the id of the rule
that decided, the route in words and the evidence (character offsets). Decisions are kept with the doc
(``doc.user_data``, gone with it) and the pipeline copies them onto ``Record.trace`` as
:class:`~newsledger.records.Decision` objects. ``newsledger explain FILE --item s3.speaker`` prints them;
``newsledger extract --explain`` adds them to the JSON as ``"trace"``.

Rule ids are ``<stage>.<field>.<rule>``: ``statements.speaker.cue-subject``, ``times.value.anchored``,
``events.sense.<sense id>``, ``entities.type.votes``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import ExplainError
from .records import Decision, Record, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["note", "tracing", "start", "decisions", "explain_text"]

_KEY = "newsledger:trace"
_ON = "newsledger:trace-on"


def start(doc: "Doc") -> None:
    """Turn the trace on for ``doc`` (the pipeline does, when asked to explain: it costs a little)."""
    doc.user_data[_ON] = True


def tracing(doc: "Doc") -> bool:
    """Whether decisions about ``doc`` are being noted; builders skip composing them when not."""
    return bool(doc.user_data.get(_ON))


def note(doc: "Doc", item: str, rule: str, route: str, evidence: tuple[int, int] | None = None,
         value: object = None) -> None:
    """Record one decision about ``item`` on ``doc`` (``evidence``: character offsets into its text);
    nothing when the trace is off."""
    if not doc.user_data.get(_ON):
        return
    doc.user_data.setdefault(_KEY, []).append((item, rule, route, evidence, None if value is None else str(value)))


def decisions(doc: "Doc", text: str) -> tuple[Decision, ...]:
    """The decisions noted on ``doc``, in the order they were taken, with evidence spans of ``text``."""
    out = []
    for item, rule, route, ev, value in doc.user_data.get(_KEY, ()):
        span = Span.of(text, ev[0], ev[1]) if ev is not None and 0 <= ev[0] <= ev[1] <= len(text) else None
        out.append(Decision(item, rule, route, span, value))
    return tuple(out)


def explain_text(rec: Record, item: str | None = None, at: int | None = None) -> str:
    """The chain of decisions behind ``item`` (or every item whose evidence covers offset ``at``, or the
    whole trace), as text for a person; raises ExplainError when the trace has nothing to say."""
    found = rec.explain(item, at)
    if not found:
        items = sorted({d.item.split(".")[0] for d in rec.trace}, key=lambda x: (x[:1], len(x), x))
        what = f"item {item!r}" if item is not None else f"offset {at}"
        if at is not None and item is not None:
            what = f"item {item!r} at offset {at}"
        raise ExplainError(f"{rec.id}: the trace has no decision about {what}; items traced: "
                           f"{', '.join(items) or 'none'} (ask e.g. --item {items[0] if items else 's1'}.speaker)")
    lines: list[str] = []
    current = None
    n = 0
    for d in found:
        if d.item != current:
            current, n = d.item, 0
            lines.append(f"{d.item}")
        n += 1
        lines.append(f"  {n}. [{d.rule}] {d.route}")
        ev = f"{d.evidence.start}:{d.evidence.end} {d.evidence.text!r}" if d.evidence is not None else "-"
        lines.append(f"     evidence {ev}" + (f"  ->  {d.value}" if d.value is not None else "  ->  null"))
    return "\n".join(lines) + "\n"
