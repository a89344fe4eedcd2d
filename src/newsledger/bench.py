"""``newsledger bench``: bare spaCy against the full extraction (and extraction + store), same texts, same run.

Each phase runs in a fresh process (so its peak RSS is its own), loads the model and runs one
warm-up article of its own (lexicons and rule tables load on first use; a store phase stores it too) before
the clock starts, and reports articles/s, words/s, CPU seconds and peak RSS; the report gives the ratios to
bare spaCy (the CPU-time ratio holds on a busy machine, where wall-clock ratios wander).
The extraction phase also notes its peak RSS after the first tenth of the articles, so one long run
(``--n 10000``) shows whether memory stays flat. ``--db postgresql://...`` adds a phase storing into
PostgreSQL, reported against the SQLite store phase of the same run (the ratio of the two phases' whole
times, extraction included, as ingest runs them). A store phase stores as ``ingest`` does (a writer thread,
batched commits); the ledger refresh that ends an ingest is timed after the phase, on its own
(``refresh_seconds``): it is paid once per ingest, not per article.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import platform
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from .errors import InputError, NewsledgerError
from .records import Article

__all__ = ["run_bench", "format_report"]


def _peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS)
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / (1024 * 1024) if platform.system() == "Darwin" else r / 1024


def _load_articles(files: list[str], n: int) -> list[Article]:
    if files:
        from .ingest import read_inputs

        base = [a for a in read_inputs(files) if isinstance(a, Article)]
        if not base:
            raise InputError("none of the benchmark inputs could be read as articles")
    else:
        from .sample import bundled_sample

        base = [bundled_sample()]
    out = []
    for i in range(n):
        a = base[i % len(base)]
        # each copy ends with its own number: distinct texts, so the store keeps every one and the
        # string store sees new strings as a real corpus would
        out.append(Article(text=f"{a.text}\n(Copy {i}.)", id=f"bench-{i}", published=a.published or "2025-01-01",
                           source=a.source))
    return out


def _bench_schema_url(url: str) -> tuple[str, str]:
    """A new schema of its own in the PostgreSQL database at ``url`` (so every run stores into an
    empty ledger, whatever the database holds): (its name, a URL selecting it)."""
    import psycopg

    name = f"newsledger_bench_{os.getpid()}_{int(time.time())}"
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=10) as con:
            con.execute(f'CREATE SCHEMA "{name}"')
    except psycopg.Error as exc:
        from .ledger.postgres import mask_url

        raise NewsledgerError(f"cannot prepare a benchmark schema in {mask_url(url)}: {mask_url(str(exc))}") from None
    return name, f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{name}"


def _drop_schema(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True, connect_timeout=10) as con:
        con.execute(f'DROP SCHEMA "{name}" CASCADE')


def _phase(kind: str, articles: list[Article], model: str | None, queue: Any, pg_url: str | None = None) -> None:
    try:
        from .nlp import load_model
        from .pipeline import Pipeline

        nlp = load_model(model)
        texts = [a.text for a in articles]
        words = sum(len(t.split()) for t in texts)
        tenth = max(1, len(articles) // 10)
        rss_tenth = None
        refresh_s = None
        # one article of its own before the clock: lexicons, rule tables and caches load on first use
        warm = Article(text=articles[0].text + "\n(Warm-up.)", id="bench-warm-up", published=articles[0].published)
        if kind == "spacy":
            list(nlp.pipe([warm.text]))
            t0, c0 = time.perf_counter(), time.process_time()
            for i, _doc in enumerate(nlp.pipe(texts, batch_size=32), 1):
                if i == tenth:
                    rss_tenth = _peak_rss_mb()
            elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        else:
            pipe = Pipeline(model, nlp=nlp)
            ledger = None
            tmp = None
            schema = None
            if kind in ("store", "store_pg"):  # stored as `ingest` stores: on a writer thread
                from .ledger.writer import StoreWriter

                if kind == "store":
                    tmp = tempfile.TemporaryDirectory()
                    url = str(Path(tmp.name) / "bench.db")
                else:
                    schema, url = _bench_schema_url(pg_url or "")
            warmed = list(pipe.process([warm]))
            if kind in ("store", "store_pg"):
                # the warm-up article is stored too, before the clock: the store's first article loads what
                # linking and tracking read (the stemmer's dictionary, the tracking rules: about 0.15 s, once
                # per ingest), which the other phases' warm-up keeps out of their time as well
                from .ledger.base import open_store

                with open_store(url) as st:
                    for res in warmed:
                        if hasattr(res, "entities"):
                            st.add(res)
                ledger = StoreWriter(url)
            t0, c0 = time.perf_counter(), time.process_time()
            failed = 0
            for i, res in enumerate(pipe.process(articles), 1):
                if not hasattr(res, "entities"):
                    failed += 1
                elif ledger is not None:
                    ledger.put(res)
                if i == tenth:
                    rss_tenth = _peak_rss_mb()
            if ledger is not None:
                ledger.close()  # everything stored before the clock stops
            elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
            if ledger is not None:  # what ingest does once at its end, timed on its own (not in the phase's time)
                from .ledger.base import open_store

                r0 = time.perf_counter()
                with open_store(url) as st:
                    st.refresh_ledger()
                refresh_s = time.perf_counter() - r0
            if tmp is not None:
                tmp.cleanup()
            if schema is not None:
                _drop_schema(pg_url or "", schema)
            if failed:
                raise NewsledgerError(f"{failed} benchmark article(s) failed; run `newsledger extract` on them")
        queue.put({"phase": kind, "articles": len(texts), "words": words, "seconds": elapsed, "cpu_seconds": cpu,
                   "articles_per_s": len(texts) / elapsed if elapsed else None,
                   "words_per_s": words / elapsed if elapsed else None,
                   "peak_rss_mb": _peak_rss_mb(), "peak_rss_mb_after_tenth": rss_tenth,
                   **({"refresh_seconds": refresh_s} if refresh_s is not None else {})})
    except Exception as exc:  # reported back to the parent, which raises it
        queue.put({"phase": kind, "error": f"{type(exc).__name__}: {exc}"})


def run_bench(files: list[str], n: int = 200, model: str | None = None, store: bool = True,
              pg_url: str | None = None) -> dict:
    """Run the phases and return the figures (see the module docstring). With ``pg_url`` (a
    ``postgresql://`` database), a fourth phase stores into PostgreSQL (a fresh schema there, dropped
    afterwards), and the report gives its time against the SQLite store phase."""
    from .nlp import resolve_model_name

    articles = _load_articles(files, n)
    ctx = mp.get_context("spawn")
    phases = ["spacy", "extract"] + (["store"] if store or pg_url else []) + (["store_pg"] if pg_url else [])
    results = {}
    for kind in phases:
        q = ctx.Queue()
        p = ctx.Process(target=_phase, args=(kind, articles, model, q, pg_url))
        p.start()
        res = q.get()
        p.join()
        if "error" in res:
            raise NewsledgerError(f"benchmark phase {kind!r} failed: {res['error']}")
        results[kind] = res
    base = results["spacy"]
    for kind in phases[1:]:
        r = results[kind]
        r["time_ratio_vs_spacy"] = r["seconds"] / base["seconds"] if base["seconds"] else None
        r["cpu_ratio_vs_spacy"] = r["cpu_seconds"] / base["cpu_seconds"] if base["cpu_seconds"] else None
        r["rss_ratio_vs_spacy"] = r["peak_rss_mb"] / base["peak_rss_mb"] if base["peak_rss_mb"] else None
    if "store_pg" in results and results["store"]["seconds"]:
        results["store_pg"]["time_ratio_vs_sqlite_store"] = results["store_pg"]["seconds"] / results["store"]["seconds"]
    return {
        "model": resolve_model_name(model),
        "articles": n,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
                   f"{platform.system()} {platform.release()}",
        "phases": results,
    }


def format_report(report: dict) -> str:
    lines = [f"newsledger bench: {report['articles']} articles, model {report['model']}",
             f"machine: {report['machine']}",
             f"{'phase':<10}{'art/s':>9}{'words/s':>10}{'seconds':>9}{'peak RSS MB':>13}{'at 1/10':>9}"
             f"{'time x':>8}{'CPU x':>7}{'RSS x':>7}"]
    for kind, r in report["phases"].items():
        tr = r.get("time_ratio_vs_spacy")
        rr = r.get("rss_ratio_vs_spacy")
        cr = r.get("cpu_ratio_vs_spacy")
        lines.append(f"{kind:<10}{r['articles_per_s']:>9.1f}{r['words_per_s']:>10.0f}{r['seconds']:>9.2f}"
                     f"{r['peak_rss_mb']:>13.0f}{(r['peak_rss_mb_after_tenth'] or 0):>9.0f}"
                     f"{(f'{tr:.2f}' if tr else '1.00'):>8}{(f'{cr:.2f}' if cr else '1.00'):>7}"
                     f"{(f'{rr:.2f}' if rr else '1.00'):>7}")
    pg = report["phases"].get("store_pg", {}).get("time_ratio_vs_sqlite_store")
    if pg:
        lines.append(f"store into PostgreSQL / store into SQLite (time of the whole phase): {pg:.2f}")
    for kind, r in report["phases"].items():
        if r.get("refresh_seconds") is not None:
            lines.append(f"{kind}: then the ledger refresh that ends an ingest (timelines, claims, groups; not in the "
                         f"phase's time): {r['refresh_seconds']:.2f} s")
    return "\n".join(lines)
