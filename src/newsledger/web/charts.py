"""Charts drawn on the server as SVG geometry (plain data the templates turn into ``<svg>`` elements),
so they read without JavaScript and need no inline style (the Content-Security-Policy forbids it).

- :func:`events_chart` — events over time, one stacked bar per month, a colour per PLOVER type;
- :func:`status_timeline` — a person's statuses over time as labelled points on one axis.

Hand-written: a few rectangles and labels do not warrant a plotting library (and none renders SVG
without inline style or script).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import EVENT_TYPES

__all__ = ["events_chart", "status_timeline", "TYPE_COLOURS"]

# One colour per PLOVER type (Okabe-Ito and Tableau hues, told apart by people with colour-blindness
# where the types are neighbours in the legend).
_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
            "#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#76B7B2", "#E15759", "#9C755F", "#BAB0AC")
TYPE_COLOURS = dict(zip(EVENT_TYPES, _PALETTE))


@dataclass
class Chart:
    width: int
    height: int
    bars: list[dict] = field(default_factory=list)     # x, y, w, h, fill, label
    xlabels: list[dict] = field(default_factory=list)  # x, y, text
    ylabels: list[dict] = field(default_factory=list)  # y, text
    legend: list[dict] = field(default_factory=list)   # type, fill, count
    total: int = 0
    summary: str = ""


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    ly, lm = int(last[:4]), int(last[5:7])
    out = []
    while (y, m) <= (ly, lm) and len(out) < 240:
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def events_chart(rows: list[tuple[str, str, int]], width: int = 720, height: int = 260) -> Chart:
    """A stacked bar chart of ``(month, type, count)`` rows (see ``Queries.event_histogram``)."""
    chart = Chart(width, height)
    if not rows:
        chart.summary = "No dated events match."
        return chart
    months = _months(min(r[0] for r in rows), max(r[0] for r in rows))
    per: dict[str, dict[str, int]] = {m: {} for m in months}
    totals: dict[str, int] = {}
    for m, t, n in rows:
        if m in per:
            per[m][t] = per[m].get(t, 0) + n
            totals[t] = totals.get(t, 0) + n
    top = max(sum(v.values()) for v in per.values()) or 1
    left, bottom, top_pad = 40, 40, 10
    plot_w, plot_h = width - left - 10, height - bottom - top_pad
    step = plot_w / len(months)
    bar_w = max(2.0, step * 0.7)
    for i, m in enumerate(months):
        x = left + i * step + (step - bar_w) / 2
        y = top_pad + plot_h
        for t in EVENT_TYPES:
            n = per[m].get(t, 0)
            if not n:
                continue
            h = plot_h * n / top
            y -= h
            chart.bars.append({"x": round(x, 1), "y": round(y, 1), "w": round(bar_w, 1), "h": round(h, 1),
                               "fill": TYPE_COLOURS.get(t, "#777777"), "label": f"{m}: {n} {t}"})
        every = max(1, len(months) // 8)
        if i % every == 0:
            chart.xlabels.append({"x": round(left + i * step + step / 2, 1), "y": height - bottom + 16, "text": m})
    for frac in (0, 0.5, 1):
        chart.ylabels.append({"y": round(top_pad + plot_h * (1 - frac), 1), "text": str(round(top * frac))})
    chart.legend = [{"type": t, "fill": TYPE_COLOURS.get(t, "#777777"), "count": totals[t]}
                    for t in EVENT_TYPES if t in totals]
    chart.total = sum(totals.values())
    chart.summary = (f"{chart.total} events from {months[0]} to {months[-1]}; most: "
                     + ", ".join(f"{d['type']} {d['count']}" for d in sorted(chart.legend, key=lambda d: -d["count"])[:3]))
    return chart


def _day_number(value: str) -> float | None:
    """A date value (day, month or year) as a fractional year, for placing it on an axis."""
    try:
        y = int(value[:4])
    except (TypeError, ValueError):
        return None
    m = int(value[5:7]) if len(value) >= 7 and value[5:7].isdigit() else 6
    d = int(value[8:10]) if len(value) >= 10 and value[8:10].isdigit() else 15
    return y + (m - 1) / 12 + (d - 1) / 365


def status_timeline(entries: list[dict], width: int = 720) -> dict:
    """Points on one horizontal axis for ``[{"status", "date", ...}]`` (undated entries listed apart)."""
    dated = [(e, _day_number(str(e.get("date") or ""))) for e in entries]
    placed = [(e, x) for e, x in dated if x is not None]
    undated = [e for e, x in dated if x is None]
    if not placed:
        return {"width": width, "height": 0, "points": [], "undated": undated}
    lo, hi = min(x for _, x in placed), max(x for _, x in placed)
    span = (hi - lo) or 1.0
    points = []
    for i, (e, x) in enumerate(sorted(placed, key=lambda p: p[1])):
        px = 30 + (width - 60) * ((x - lo) / span if hi > lo else 0.5)
        points.append({"x": round(px, 1), "label_y": 20 if i % 2 == 0 else 86, "status": e.get("status"),
                       "date": e.get("date"), "doc": e.get("doc"), "event": e.get("event"),
                       "statement": e.get("statement")})
    return {"width": width, "height": 110, "points": points, "undated": undated}
