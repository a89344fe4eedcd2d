"""Dask scaling: the same articles on a local cluster of 1 worker, then of 2 (a benchmark, not a test).

    python benchmarks/dask_scaling.py [--n 2000] [--workers 1,2] [--partition-size 32] [--json]

Each cluster is started and its workers' pipelines built (a warm-up partition) before the clock
starts, so the figures are the steady throughput, model loading left out. The articles are short
invented ones (about 90 words), varied so that no two are alike; the records of every run are
compared and must be identical. Measure on a quiet machine: on N cores, N workers can at best give
N times one worker's throughput; ``core_share`` (worker CPU seconds over wall seconds per worker)
says how much of a core each worker got.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

FIRST = ["Orla", "Dario", "Ysolde", "Bram", "Petra", "Kasimir", "Lenka", "Tobin", "Mireille", "Anselm"]
LAST = ["Penhallow", "Quennel", "Marrick", "Tolliver", "Venn", "Loeb", "Arkwright", "Solberg", "Ferrant", "Okafor"]
TOWNS = ["Frennick", "Ashmere", "Colbury Vale", "Ortega Point", "Hollin Bay", "Marrowgate", "Stenby"]
WHAT = ["the harbour", "the grain terminal", "the ferry line", "the north bridge", "the water plant"]


def articles(n: int):
    from newsledger.records import Article

    for i in range(n):
        who = f"{FIRST[i % 10]} {LAST[(i // 10) % 10]}"
        other = f"{FIRST[(i + 3) % 10]} {LAST[(i // 7) % 10]}"
        town, what = TOWNS[i % 7], WHAT[(i // 3) % 5]
        text = (f"{who}, the governor of {town}, said on Monday that {what} would reopen within {i % 20 + 2} days. "
                f"\"We will not wait any longer,\" {who.split()[1]} told reporters in {town}. {other} accused the "
                f"council of hiding the costs and warned that {i % 50 + 10} dockers would strike next week. Police "
                f"detained two protesters outside the town hall on Sunday, officials said.")
        yield Article(text=text, id=f"b{i:05d}", published="2025-03-10", source=f"bench:{i}")


def _cpu() -> float:
    return time.process_time()


def run(workers: int, n: int, partition_size: int) -> tuple[float, float, list[str]]:
    from distributed import Client, LocalCluster

    from newsledger.distributed import run_on_dask
    from newsledger.pipeline import Pipeline

    pipe = Pipeline()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster, Client(cluster) as client:
        list(run_on_dask(pipe, articles(2 * workers), client=client, partition_size=1))  # build the pipelines
        cpu0 = sum(client.run(_cpu).values())
        t0 = time.perf_counter()
        out = [r.dumps() for r in run_on_dask(pipe, articles(n), client=client, partition_size=partition_size)]
        secs = time.perf_counter() - t0
        return secs, sum(client.run(_cpu).values()) - cpu0, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--partition-size", type=int, default=32)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    report, first = {"articles": a.n, "partition_size": a.partition_size, "runs": []}, None
    for w in (int(x) for x in a.workers.split(",")):
        secs, cpu, out = run(w, a.n, a.partition_size)
        first = first if first is not None else out
        # the share of a core each worker got: near 1.0 on a quiet machine, lower where other work competes
        report["runs"].append({"workers": w, "seconds": round(secs, 2), "articles_per_s": round(a.n / secs, 1),
                               "worker_cpu_seconds": round(cpu, 2), "core_share": round(cpu / (secs * w), 2),
                               "identical_records": out == first})
        print(f"{w} worker(s): {a.n / secs:.1f} articles/s ({secs:.1f} s)", file=sys.stderr)
    base = report["runs"][0]["articles_per_s"]
    for r in report["runs"]:
        r["vs_first"] = round(r["articles_per_s"] / base, 2)
    if a.json:
        print(json.dumps(report, indent=1))
    else:
        for r in report["runs"]:
            print(f"{r['workers']} worker(s)\t{r['articles_per_s']} articles/s\t{r['vs_first']}x\t"
                  f"core share {r['core_share']}\tidentical: {r['identical_records']}")


if __name__ == "__main__":
    main()
