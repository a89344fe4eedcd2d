"""Load benchmark (not a test) for `newsledger serve`: C concurrent clients for S seconds, mixed reads
and searches, over a synthetic ledger of N articles; prints errors and latency percentiles.

    python tools/web_load.py [--articles 1000] [--clients 16] [--seconds 60] [--db PATH] [--json]

The ledger is made of invented records (tests/webdata.py's articles, with varied ids, dates, outlets
and names) stored without the model, so building it takes seconds; it is kept at --db for re-runs.
The server is `newsledger serve` in its own process on a free loopback port; the clients are threads
with one HTTP connection each (httpx), each picking the next request from a fixed mix:
home, article list, one article page, one record JSON, statement and event filters, entity search and
profile, the events page (with its chart), full-text search (API and page).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

GIVEN = ["Elena", "Marta", "Ivo", "Tomas", "Lina", "Pavel", "Sara", "Oren", "Nadia", "Kai"]
FAMILY = ["Varo", "Brell", "Oskan", "Delmer", "Fiore", "Rusk", "Tamsin", "Quell", "Morrow", "Anske"]
OUTLETS = ["Harbor Gazette", "Northern Courier", "Series Post", "Valley Times"]


def build(path: Path, n: int) -> None:
    import datetime as dt

    import webdata
    from newsledger.ledger import open_store
    from newsledger.records import Entity

    d0 = dt.date(2023, 1, 1)
    with open_store(path) as store:
        have = store.count()
        for i in range(have, n):
            rec = webdata.article_a(f"load{i:05d}", (d0 + dt.timedelta(days=i % 800)).isoformat(),
                                    outlet=OUTLETS[i % len(OUTLETS)], suffix=f" Report {i}.")
            name = person(i)
            ents = tuple(Entity(e.id, e.type, name, e.aliases, e.mentions, e.attributes) if e.id == "e1" else e
                         for e in rec.entities)
            store.add(rec.replace(entities=ents), source="load")


def person(i: int) -> str:
    """The invented minister of article ``i`` (100 different names over the ledger)."""
    return f"{GIVEN[i % len(GIVEN)]} {FAMILY[(i // len(GIVEN)) % len(FAMILY)]}"


def requests_mix(rng: random.Random, n: int) -> str:
    i = rng.randrange(n)
    doc, name = f"load{i:05d}", person(i)
    return rng.choice([
        "/", "/articles", f"/articles/{doc}", f"/api/v1/documents/{doc}", "/api/v1/documents?limit=50",
        f"/api/v1/statements?speaker={rng.choice(FAMILY)}&limit=20", "/api/v1/events?type=CONSULT&limit=20",
        f"/api/v1/entities?q={rng.choice(FAMILY)}", f"/entity?name={name}", "/events?type=ACCUSE",
        f"/api/v1/search?q=talks+{rng.choice(['council', 'vote', 'Report'])}", "/search?q=council",
        f"/statements?kind=commitment&since=2024-0{rng.randrange(1, 10)}-01",
    ])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--db", type=Path, default=Path("/tmp/newsledger-load.db"))
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    import httpx

    t0 = time.monotonic()
    build(a.db, a.articles)
    built = time.monotonic() - t0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NEWSLEDGER_TOKEN": ""}
    server = subprocess.Popen([sys.executable, "-m", "newsledger", "serve", "--db", str(a.db), "--port", str(port)],
                              env=env, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                httpx.get(base + "/api/v1/documents?limit=1", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        lat: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        stop = time.monotonic() + a.seconds

        def client(k: int) -> None:
            rng = random.Random(k)
            mine, errs = [], []
            with httpx.Client(base_url=base, timeout=30) as c:
                while time.monotonic() < stop:
                    path = requests_mix(rng, a.articles)
                    t = time.perf_counter()
                    try:
                        r = c.get(path)
                        if r.status_code != 200:
                            errs.append(f"{r.status_code} {path}")
                    except httpx.HTTPError as exc:
                        errs.append(f"{type(exc).__name__} {path}")
                    mine.append(time.perf_counter() - t)
            with lock:
                lat.extend(mine)
                errors.extend(errs)

        threads = [threading.Thread(target=client, args=(k,)) for k in range(a.clients)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
    finally:
        server.terminate()
        server.wait(10)
    q = statistics.quantiles(lat, n=100) if len(lat) > 1 else [0.0] * 99
    report = {"articles": a.articles, "clients": a.clients, "seconds": a.seconds, "requests": len(lat),
              "errors": len(errors), "requests_per_s": round(len(lat) / a.seconds, 1),
              "p50_ms": round(q[49] * 1000, 1), "p95_ms": round(q[94] * 1000, 1),
              "max_ms": round(max(lat, default=0) * 1000, 1), "build_s": round(built, 1),
              "first_errors": errors[:5]}
    if a.json:
        print(json.dumps(report, indent=1))
    else:
        print(f"{report['requests']} requests from {a.clients} clients in {a.seconds:g} s over {a.articles} articles: "
              f"{report['errors']} errors, {report['requests_per_s']} req/s, p50 {report['p50_ms']} ms, "
              f"p95 {report['p95_ms']} ms, max {report['max_ms']} ms")
        for e in errors[:5]:
            print("  error:", e)


if __name__ == "__main__":
    main()
