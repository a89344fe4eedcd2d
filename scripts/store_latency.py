"""How fast a large ledger answers: `show`, `search`, `entity` and `timeline` latency (p50, p95) and the
store's size per article, on SQLite and PostgreSQL, with N synthetic articles.

    python scripts/store_latency.py --n 10000                      # SQLite only (a temporary file)
    python scripts/store_latency.py --n 10000 --pg postgresql://... # and PostgreSQL (a temporary schema)
    python scripts/store_latency.py --n 10000 --pg cluster          # PostgreSQL in a throwaway cluster
    python scripts/store_latency.py --n 100000 --sqlite /tmp/l.db --pg URL --schema big  # build once, reuse

With ``--sqlite PATH`` (and ``--schema NAME`` for PostgreSQL) the store is kept: a later run finds it
filled and times the queries without loading again (opening it applies any newer migration first). After
loading, the ledger is refreshed as an ingest does at its end (its stored timelines, claims and groups), timed.

The articles are invented from templates (made-up people, places and bodies; no model runs), each with
entities, statements, events and times, and distinct texts; they are stored in batches through
``add_many`` (COPY on PostgreSQL), linked into the cross-article ledger unless ``--no-link``. Then, on
the open store (in process: no command start-up), ``--queries`` random calls of each kind are timed:
``get`` (what `show` reads), ``search`` of a word or a name, ``entity`` and ``timeline`` of a person.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsledger.ledger import open_store  # noqa: E402
from newsledger.records import Attributes, Entity, Event, Record, Span, Statement, Time, TimeValue  # noqa: E402

_SYL = ["ka", "lo", "ven", "mar", "ti", "sa", "dor", "el", "ru", "bin", "os", "ta", "ner", "vi", "quo", "zel", "an",
        "pra", "hu", "mek"]
_TOPICS = ["the water plant", "the grain terminal", "the railway bridge", "the ferry line", "the customs post",
           "the power station", "the city hospital", "the north pier", "the border crossing", "the fuel depot"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_SYL) for _ in range(n)).capitalize()


def _sp(text: str, s: str, after: int = 0) -> Span:
    i = text.index(s, after)
    return Span(i, i + len(s), s)


def make_people(rng: random.Random, n: int) -> list[str]:
    return sorted({f"{_word(rng, 2)} {_word(rng, 3)}" for _ in range(n)})


def synthetic(i: int, rng: random.Random, people: list[str], places: list[str], bodies: list[str]) -> Record:
    who, other = rng.sample(people, 2)
    where, body, topic, day = rng.choice(places), rng.choice(bodies), rng.choice(_TOPICS), rng.choice(_DAYS)
    last = who.split()[1]
    text = (f"{who}, the mayor of {where}, said on {day} that {topic} would reopen within {i % 30 + 2} days. "
            f"\"We will have the crews working again by the end of the month,\" {last} told reporters. "
            f"The {body} accused {other} of ignoring warnings about {topic} and urged the council to pay the "
            f"{i % 90 + 10} workers. Report {i}.")
    e1 = Entity("e1", "PERSON", who, (last,), (_sp(text, who), _sp(text, last, text.index("\""))),
                Attributes(titles=("mayor",), affiliation=("e2",)))
    e2 = Entity("e2", "GPE", where, (), (_sp(text, where),))
    e3 = Entity("e3", "ORG", body, (), (_sp(text, body),))
    e4 = Entity("e4", "PERSON", other, (), (_sp(text, other),))
    quote = "We will have the crews working again by the end of the month,"
    s1 = Statement("s1", "e1", who, "said", None, None, False, _sp(text, f"{topic} would reopen within"),
                   _sp(text, text[:text.index(". ") + 1]), about=("e2",), kind="prediction",
                   date=TimeValue(f"2025-03-{_DAYS.index(day) + 3:02d}", f"on {day}"))
    s2 = Statement("s2", "e1", last, "told", None, None, True, _sp(text, quote), _sp(text, quote), kind="commitment")
    sent3 = text[text.index(f"The {body}"):text.index(" Report")]
    v1 = Event("v1", "ACCUSE", _sp(text, "accused"), _sp(text, sent3), mode="disapprove", source=("e3",),
               target=("e4",), location="e2")
    v2 = Event("v2", "REQUEST", _sp(text, "urged"), _sp(text, sent3), source=("e3",))
    t1 = Time(*(lambda s: (s.start, s.end))(_sp(text, day)), day, "DATE", f"2025-03-{_DAYS.index(day) + 3:02d}",
              "published")
    return Record(id=f"syn-{i}", text=text, published=f"2025-03-{i % 28 + 1:02d}", outlet=rng.choice(bodies),
                  title=f"{topic.capitalize()} to reopen in {where}", entities=(e1, e2, e3, e4),
                  statements=(s1, s2), events=(v1, v2), times=(t1,))


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def size_bytes(store, location: str) -> int:
    if location.startswith("postgres"):
        return int(store._rows("SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                               "JOIN pg_namespace n ON n.oid = c.relnamespace "
                               "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm')")[0][0])
    store.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(p.stat().st_size for p in Path(location).parent.glob(Path(location).name + "*"))


def measure(location: str, n: int, queries: int, link: bool, seed: int = 7, refresh: bool = True) -> dict:
    """Load ``n`` synthetic articles into the store at ``location`` (unless it holds them already) and
    time ``queries`` calls of each kind; the figures as a dict."""
    rng = random.Random(seed)
    people = make_people(rng, max(50, n // 20))
    places = [_word(rng, 3) for _ in range(max(20, n // 100))]
    bodies = [f"{_word(rng, 2)} {w}" for w in ("Union", "Council", "Authority", "Party") for _ in range(10)]
    out: dict = {"location": location.split("?")[0].split("@")[-1], "articles": n, "linked": link}
    with open_store(location) as store:
        reused = store.count() >= n
        if not link:
            store._ledger_link = lambda r: None  # type: ignore[method-assign]
        t0 = time.perf_counter()
        batch = []
        for i in range(0 if reused else n):
            batch.append(synthetic(i, rng, people, places, bodies))
            if len(batch) == 500 or i == n - 1:
                store.add_many(batch)
                batch = []
        out["load_s"] = None if reused else round(time.perf_counter() - t0, 1)
        print(f"{out['location']}: loaded in {out['load_s']} s", file=sys.stderr, flush=True)  # a long run's progress
        if link and refresh and hasattr(store, "refresh_ledger"):
            # as at the end of an ingest: the stored timelines, claims and groups (all of them on a store made
            # before migration 0004, none when nothing is stale)
            t0, c0 = time.perf_counter(), time.process_time()
            out["refresh"] = store.refresh_ledger()
            out["refresh_s"] = round(time.perf_counter() - t0, 1)
            out["refresh_cpu_s"] = round(time.process_time() - c0, 1)
            print(f"{out['location']}: refreshed in {out['refresh_s']} s ({out['refresh_cpu_s']} s CPU): {out['refresh']}",
                  file=sys.stderr, flush=True)
        out["stored"] = store.count()
        out["bytes_per_article"] = round(size_bytes(store, location) / max(1, out["stored"]))
        rng = random.Random(seed + 1)  # the same queries whether the store was loaded now or before
        ids = [f"syn-{rng.randrange(n)}" for _ in range(queries)]
        words = [rng.choice([rng.choice(_TOPICS).split()[-1], rng.choice(people).split()[1], rng.choice(places),
                             "crews", '"reopen within"']) for _ in range(queries)]
        names = [rng.choice(people) for _ in range(queries)]
        calls = {"show": lambda k: store.get(ids[k]), "search": lambda k: store.search(words[k], limit=20)}
        if link:
            calls["entity"] = lambda k: store.entity(names[k])
            calls["timeline"] = lambda k: store.timeline(names[k])
        for name, call in calls.items():
            try:
                call(0)  # warm
            except Exception:  # noqa: BLE001 - counted below
                pass
            times, cpu, errors = [], [], 0
            for k in range(queries):
                t, c = time.perf_counter(), time.process_time()
                try:
                    call(k)
                except Exception:  # noqa: BLE001 - e.g. a name nobody in the sample carries
                    errors += 1
                times.append((time.perf_counter() - t) * 1000)
                cpu.append((time.process_time() - c) * 1000)
            # cpu_*: this process's CPU time per call, what the wall time would be on an idle core (on a
            # busy machine the wall time also counts the waits for a core); PostgreSQL's own work is not in it
            out[name] = {"p50_ms": round(pct(times, 50), 2), "p95_ms": round(pct(times, 95), 2),
                         "max_ms": round(max(times), 2), "cpu_p50_ms": round(pct(cpu, 50), 2),
                         "cpu_p95_ms": round(pct(cpu, 95), 2), "errors": errors}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--pg", default=None, help="a postgresql:// database (a temporary schema is used), or 'cluster'")
    ap.add_argument("--no-sqlite", action="store_true")
    ap.add_argument("--no-link", action="store_true", help="store without linking (show/search only)")
    ap.add_argument("--no-refresh", action="store_true",
                    help="time the queries without refreshing the ledger first (as the store is)")
    ap.add_argument("--sqlite", default=None, help="keep the SQLite store in this file (reused when filled)")
    ap.add_argument("--schema", default=None, help="keep the PostgreSQL store in this schema (reused when filled)")
    args = ap.parse_args()
    results = []
    if not args.no_sqlite:
        if args.sqlite:
            results.append(measure(args.sqlite, args.n, args.queries, not args.no_link,
                                   refresh=not args.no_refresh))
            print(json.dumps(results[-1]), flush=True)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                results.append(measure(str(Path(tmp) / "latency.db"), args.n, args.queries, not args.no_link,
                                       refresh=not args.no_refresh))
                print(json.dumps(results[-1]), flush=True)
    if args.pg:
        cluster = None
        url = args.pg
        if url == "cluster":
            sys.path.insert(0, str(ROOT / "tests"))
            from pg_cluster import start_cluster

            cluster = start_cluster(durable=True)
            url = cluster.url()
        import psycopg

        schema = args.schema or f"newsledger_latency_{os.getpid()}"
        try:
            with psycopg.connect(url, autocommit=True) as con:
                con.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
            results.append(measure(f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}", args.n,
                                   args.queries, not args.no_link, refresh=not args.no_refresh))
            print(json.dumps(results[-1]), flush=True)
        finally:
            try:
                if not args.schema:
                    with psycopg.connect(url, autocommit=True) as con:
                        con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            finally:
                if cluster is not None:
                    cluster.stop()


if __name__ == "__main__":
    main()
