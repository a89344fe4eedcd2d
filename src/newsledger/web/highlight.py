"""The article view's highlighted text: a record's text cut into blocks and marked parts.

Two layers, so that the HTML nests properly (no link inside a link, no element crossing another):

- **statements** — the content of each statement (the outer layer: a ``<mark>`` per statement;
  where two overlap, the first one kept);
- **marks** — short spans inside or between them, each a link to what it resolved to: event
  triggers (PLOVER type, to the event), time expressions (their normalized value, to the times
  table), and entity mentions (the entity, to its profile; a mention of a statement's speaker
  inside that statement's evidence is marked as the speaker). Where marks overlap, the one of the
  higher rank in that order wins; a mark that would cross a statement's edge is left out.

Offsets are the record's own (``text[start:end] == span.text``, checked by ``Record.validate``). The
result is plain data (strings, dicts); the template escapes every piece of text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from urllib.parse import quote

from ..records import Record

__all__ = ["Block", "Part", "highlight", "entity_href"]


def entity_href(name: str) -> str:
    """The web UI's address of an entity's profile (by name; the query part percent-encoded)."""
    return "/entity?name=" + quote(name, safe="")


@dataclass
class Part:
    text: str
    kind: str | None = None          # None (plain), "trigger", "time", "speaker", "entity"
    href: str | None = None
    info: str | None = None          # what it resolved to, in words


@dataclass
class Block:
    parts: list[Part] = field(default_factory=list)
    statement: dict | None = None    # id, kind, speaker, info (None: text outside statements)


def highlight(rec: Record, hrefs: dict[str, str] | None = None) -> list[Block]:
    """``rec``'s text as blocks; ``hrefs`` maps entity ids to their page (default: by name)."""
    hrefs = hrefs or {}
    text = rec.text
    names = {e.id: e for e in rec.entities}

    outer: list[tuple[int, int, dict]] = []
    for s in sorted(rec.statements, key=lambda s: (s.content.start, -s.content.end)):
        a, b = s.content.start, s.content.end
        if b <= a or (outer and a < outer[-1][1]):
            continue
        who = names[s.speaker].name if s.speaker in names else (s.speaker_text or "unknown speaker")
        when = f", {s.date.value or s.date.text}" if s.date else ""
        outer.append((a, b, {"id": s.id, "kind": s.kind, "speaker": who,
                             "info": f"{s.id}: {s.kind} by {who}{when}" + (" (quoted)" if s.direct else "")}))
    starts = [o[0] for o in outer]

    def crosses(a: int, b: int) -> bool:
        i = bisect.bisect_right(starts, a) - 1
        inside = i >= 0 and a < outer[i][1]
        if inside:
            return b > outer[i][1]
        j = bisect.bisect_left(starts, a)
        return j < len(outer) and outer[j][0] < b

    speaker_spans: dict[str, list[tuple[int, int]]] = {}
    for s in rec.statements:
        if s.speaker:
            speaker_spans.setdefault(s.speaker, []).append((s.evidence.start, s.evidence.end))

    cands: list[tuple[int, int, int, Part]] = []  # rank, start, end, part
    for v in rec.events:
        sp, mode = v.trigger, f"/{v.mode}" if v.mode else ""
        cands.append((0, sp.start, sp.end, Part(sp.text, "trigger", f"#{v.id}",
                                                f"event {v.id}: {v.type}{mode}, {v.status}")))
    for i, t in enumerate(rec.times):
        cands.append((1, t.start, t.end, Part(t.text, "time", f"#t{i}",
                                              f"{t.type} {t.value if t.value is not None else '(unresolved)'}")))
    for e in rec.entities:
        for m in e.mentions:
            said = any(a <= m.start and m.end <= b for a, b in speaker_spans.get(e.id, ()))
            info = f"{e.name} ({e.type})" + (", speaker" if said else "")
            cands.append((2 if said else 3, m.start, m.end,
                          Part(m.text, "speaker" if said else "entity", hrefs.get(e.id) or entity_href(e.name),
                               info)))

    taken: list[tuple[int, int, Part]] = []
    occupied: list[tuple[int, int]] = []
    for _rank, a, b, part in sorted(cands, key=lambda c: (c[0], c[1])):
        if b <= a or crosses(a, b):
            continue
        k = bisect.bisect_left(occupied, (a, a))
        if (k > 0 and occupied[k - 1][1] > a) or (k < len(occupied) and occupied[k][0] < b):
            continue
        occupied.insert(k, (a, b))
        taken.append((a, b, part))
    taken.sort(key=lambda x: x[0])

    blocks: list[Block] = []
    pos, mi = 0, 0

    def fill(block: Block, upto: int) -> None:
        nonlocal pos, mi
        while mi < len(taken) and taken[mi][1] <= upto:
            a, b, part = taken[mi]
            if a > pos:
                block.parts.append(Part(text[pos:a]))
            block.parts.append(part)
            pos = b
            mi += 1
        if upto > pos:
            block.parts.append(Part(text[pos:upto]))
            pos = upto

    for a, b, info in outer:
        if a > pos:
            plain = Block()
            fill(plain, a)
            blocks.append(plain)
        blk = Block(statement=info)
        fill(blk, b)
        blocks.append(blk)
    if pos < len(text):
        tail = Block()
        fill(tail, len(text))
        blocks.append(tail)
    return blocks
