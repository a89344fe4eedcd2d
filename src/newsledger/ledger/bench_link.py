"""Benchmark of the cross-article ledger: linking cost per article as the store grows, and the latency of
``entity`` and ``timeline``. A measurement to run by hand, not a timed test::

    python -m newsledger.ledger.bench_link [--sizes 1000,10000] [--probe 200] [--db PATH] [--json]

Synthetic stories with overlapping names (invented syllable surnames spelled in two transliterations,
given names and their variants, shared bodies and places; one detention or release each) are stored one by
one, each linked as it is stored. At each size, ``--probe`` more articles are added and only the linking of each is timed
(:func:`newsledger.ledger.link.link_record`); the report gives the mean per article at each size and the
ratio of the largest to the smallest. Then the ledger is refreshed as at the end of an ingest (the timelines,
claims and groups stored, timed) and ``entity`` and ``timeline`` are asked about 100 people at random (p50
and p95 in milliseconds).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from ..records import Record
from . import link as lk
from .store import Ledger

_SYL = ["ka", "lo", "vi", "ran", "mo", "sen", "tu", "dre", "pa", "li", "nor", "ze", "ba", "kov", "mir", "sta", "gu",
        "le", "tan", "ro", "vel", "do", "ny", "shi"]
_ENDS = [("ski", "sky"), ("enka", "enko"), ("ouski", "ovsky"), ("ovich", "owicz"), ("", ""), ("an", "an")]
_GIVEN = [("Aliaksandr", "Alexander"), ("Volha", "Olga"), ("Dzianis", "Denis"), ("Siarhei", "Sergei"),
          ("Mikalai", "Nikolai"), ("Alena", "Yelena"), ("Pavel", "Pawel"), ("Iryna", "Irina"), ("Tomas", "Tomas"),
          ("Marta", "Marta"), ("Yusuf", "Youssef"), ("Hanna", "Anna")]
_ORGS = ["Union of {} Workers", "{} Press Agency", "Ministry of {} Affairs", "{} Party"]
_PLACES = ["Belarus", "Poland", "Peru", "Lithuania", "Ukraine", "Chile", "Morocco", "Jordan"]


def _people(n: int, rnd: random.Random) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    out = []
    for _ in range(n):
        stem = "".join(rnd.choice(_SYL) for _ in range(rnd.randint(2, 3))).capitalize()
        end = rnd.choice(_ENDS)
        out.append((rnd.choice(_GIVEN), (stem + end[0], stem + end[1])))
    return out


def _article(i: int, people: list, rnd: random.Random) -> Record:
    ents, parts, pos = [], [], 0

    def add(typ: str, name: str, attrs: dict | None = None) -> None:
        nonlocal pos
        ents.append({"id": f"e{len(ents) + 1}", "type": typ, "name": name, "aliases": [],
                     "mentions": [{"start": pos, "end": pos + len(name), "text": name}], "attributes": attrs or {}})
        parts.append(name)
        pos += len(name) + 2

    story = rnd.randrange(len(people) // 4)  # stories of four people each, reported again and again
    for k in range(4):
        (g, s) = people[(story * 4 + k) % len(people)]
        v = rnd.randrange(2)
        add("PERSON", f"{g[v]} {s[v]}" if rnd.random() < 0.8 else s[v])
    add("ORG", rnd.choice(_ORGS).format(people[story][1][0][:6]))
    add("GPE", _PLACES[story % len(_PLACES)])
    text = ", ".join(parts) + f". Report {i}: "
    # one status report in each article (the first person detained or released), so timelines have entries
    trig, mode = ("detained", "arrest") if rnd.random() < 0.7 else ("released", "release")
    span = {"start": len(text), "end": len(text) + len(trig), "text": trig}
    text += trig + "."
    published = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
    event = {"id": "v1", "type": "COERCE" if mode == "arrest" else "RETREAT", "mode": mode, "trigger": span,
             "evidence": span, "source": [], "target": ["e1"], "date": {"value": published, "text": "then"},
             "status": "asserted"}
    return Record.from_json({"id": f"b{i}", "text": text, "published": published,
                             "outlet": f"Outlet {i % 5}", "entities": ents, "events": [event]})


def run(sizes: list[int], probe: int, db: Path | None = None, seed: int = 7) -> dict:
    rnd = random.Random(seed)
    people = _people(max(sizes) // 2, rnd)
    tmp = tempfile.TemporaryDirectory() if db is None else None
    path = Path(tmp.name) / "bench.db" if tmp else Path(db)  # type: ignore[arg-type]
    timings: list[float] = []
    real = lk.link_record

    def timed(store, record, *args):
        t0 = time.perf_counter()
        try:
            return real(store, record, *args)
        finally:
            timings.append(time.perf_counter() - t0)

    report: dict = {"sizes": {}, "probe": probe}
    i = 0
    with Ledger(path) as ledger:
        for size in sorted(sizes):
            while ledger.count() < size:
                ledger.add(_article(i, people, rnd))
                i += 1
            timings.clear()
            lk.link_record = timed  # type: ignore[assignment]
            try:
                for _ in range(probe):
                    ledger.add(_article(i, people, rnd))
                    i += 1
            finally:
                lk.link_record = real  # type: ignore[assignment]
            report["sizes"][size] = {"link_ms_mean": round(1000 * statistics.mean(timings), 3),
                                     "link_ms_p95": round(1000 * sorted(timings)[int(0.95 * len(timings)) - 1], 3),
                                     "entities": int(ledger._rows("SELECT COUNT(*) FROM ledger_entities")[0][0])}
        small, big = min(sizes), max(sizes)
        report["ratio"] = round(report["sizes"][big]["link_ms_mean"] / report["sizes"][small]["link_ms_mean"], 3)
        t0 = time.perf_counter()
        report["refresh"] = ledger.refresh_ledger()  # as at the end of an ingest: the stored timelines are read
        report["refresh"]["seconds"] = round(time.perf_counter() - t0, 2)
        lids = [r[0] for r in ledger._rows("SELECT id FROM ledger_entities WHERE kind = 'person' ORDER BY n")]
        sample = rnd.sample(lids, min(100, len(lids)))
        for what, fn in (("entity", ledger.entity), ("timeline", ledger.timeline)):
            ts = []
            for lid in sample:
                t0 = time.perf_counter()
                fn(lid)
                ts.append(1000 * (time.perf_counter() - t0))
            ts.sort()
            report[what] = {"p50_ms": round(statistics.median(ts), 2), "p95_ms": round(ts[int(0.95 * len(ts)) - 1], 2)}
        report["articles"] = ledger.count()
    if tmp:
        tmp.cleanup()
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--probe", type=int, default=200)
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    rep = run([int(x) for x in a.sizes.split(",")], a.probe, a.db)
    if a.json:
        print(json.dumps(rep))
    else:
        for size, r in rep["sizes"].items():
            print(f"{size:>7} stored: linking {r['link_ms_mean']:.2f} ms/article (p95 {r['link_ms_p95']:.2f}), "
                  f"{r['entities']} ledger entities")
        print(f"ratio {max(rep['sizes'])} / {min(rep['sizes'])}: {rep['ratio']:.2f}")
        f = rep["refresh"]
        print(f"refresh (timelines, claims, groups stored): {f['seconds']:.1f} s, {f['timelines']} timelines, "
              f"{f['claims']} claims, {f['groups']} groups")
        print(f"entity   p50 {rep['entity']['p50_ms']:.1f} ms  p95 {rep['entity']['p95_ms']:.1f} ms")
        print(f"timeline p50 {rep['timeline']['p50_ms']:.1f} ms  p95 {rep['timeline']['p95_ms']:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
