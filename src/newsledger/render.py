"""A readable report of a record for a person (``--format pretty``)."""

from __future__ import annotations

from .records import Record

__all__ = ["pretty"]


def pretty(rec: Record) -> str:
    """Entities, relations, statements (speaker -> content), events and times as plain text."""
    names = {e.id: e.name for e in rec.entities}

    def nm(ref: str | None) -> str:
        return names.get(ref, ref) if ref else "?"

    out: list[str] = []
    head = rec.title or rec.id
    meta = ", ".join(x for x in (rec.outlet, rec.published, rec.url) if x)
    out.append(f"== {head}" + (f"  ({meta})" if meta else ""))
    if rec.entities:
        out.append("\nEntities")
        for e in rec.entities:
            a = e.attributes
            bits = []
            if a.age is not None:
                bits.append(f"age {a.age}")
            for key in ("titles", "affiliation", "citizenship", "residence", "origin"):
                vals = [names.get(v, v) for v in getattr(a, key)]
                if vals:
                    bits.append(f"{key}: {', '.join(vals)}")
            aka = f" (also {', '.join(e.aliases)})" if e.aliases else ""
            extra = f" — {'; '.join(bits)}" if bits else ""
            out.append(f"  {e.id:<4} {e.type:<7} {e.name}{aka}{extra}  [{len(e.mentions)} mentions]")
    if rec.relations:
        out.append("\nRelations")
        for r in rec.relations:
            out.append(f"  {nm(r.subject)} —{r.type}→ {nm(r.object)}")
    if rec.statements:
        out.append("\nStatements")
        for s in rec.statements:
            who = nm(s.speaker) if s.speaker else (s.speaker_text or "?")
            q = f"\u201c{s.content.text}\u201d" if s.direct else s.content.text
            tail = []
            if s.channel or s.channel_text:
                tail.append(f"to {nm(s.channel) if s.channel else s.channel_text}")
            if s.date:
                tail.append(f"on {s.date.value or '?'} ({s.date.text})")
            if s.horizon:
                tail.append(f"by {s.horizon.value or '?'} ({s.horizon.text})")
            if s.about:
                tail.append("about " + ", ".join(nm(a) for a in s.about))
            out.append(f"  {s.id:<4} {who} {s.cue or 'said'} [{s.kind}]: {q}")
            if tail:
                out.append(f"       {'; '.join(tail)}")
    if rec.events:
        out.append("\nEvents")
        for v in rec.events:
            typ = v.type + (f"/{v.mode}" if v.mode else "")
            src = ", ".join(map(nm, v.source)) or "—"
            tgt = ", ".join(map(nm, v.target)) or "—"
            when = f" on {v.date.value or '?'} ({v.date.text})" if v.date else ""
            where = f" at {nm(v.location)}" if v.location else ""
            status = "" if v.status == "asserted" else f" [{v.status}]"
            out.append(f"  {v.id:<4} {typ:<18} {src} → {tgt}  \u00ab{v.trigger.text}\u00bb{when}{where}{status}")
    if rec.times:
        out.append("\nTimes")
        for t in rec.times:
            anchor = f"  (from {t.anchor})" if t.anchor else ""
            out.append(f"  {t.text!r:<32} {t.type:<9} {t.value or '—'}{anchor}")
    if rec.unresolved:
        out.append("\nUnresolved (ambiguous) mentions: " + ", ".join(repr(u.text) for u in rec.unresolved))
    if len(out) == 1:
        out.append("  (nothing found)")
    return "\n".join(out) + "\n"
