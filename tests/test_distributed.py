"""Extraction on Dask (newsledger.distributed) and Parquet shards (newsledger.shards).

The cluster tests run a real LocalCluster: records must be the very records a single-process run
gives, and a worker killed mid-run must lose no article. Articles are invented.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from newsledger.distributed import _drive, connect, run_on_dask  # noqa: E402
from newsledger.errors import ClusterError, EmptyInputError  # noqa: E402
from newsledger.pipeline import Failure, Pipeline  # noqa: E402
from newsledger.records import Article, Entity, Record, Span  # noqa: E402
from newsledger.shards import read_shards, write_shard  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["Orla Penhallow", "Dario Quennel", "Ysolde Marrick", "Bram Tolliver", "Petra Venn", "Kasimir Loeb"]
TOWNS = ["Frennick", "Ashmere", "Colbury Vale", "Ortega Point"]


def article(i: int) -> Article:
    who, other, town = NAMES[i % 6], NAMES[(i + 3) % 6], TOWNS[i % 4]
    text = (f"{who}, the governor of {town}, said on Monday that the harbour would reopen within {i + 3} days. "
            f"\"We will not wait any longer,\" {who.split()[1]} told reporters in {town}. {other} accused the "
            f"council of hiding the costs and warned that dockers would strike next week.")
    return Article(text=text, id=f"d{i:03d}", published="2025-03-10", outlet="The Invented Courier",
                   source=f"invented.jsonl:{i + 1}")


def corpus(n: int) -> list:
    items: list = [article(i) for i in range(n)]
    items.insert(3, Article(text="", id="blank", source="invented.jsonl:blank"))  # fails the checks
    items.insert(5, EmptyInputError("the file is empty", "empty.txt"))            # failed while reading
    return items


def key(res) -> str:
    return res.dumps() if isinstance(res, Record) else f"FAIL {res}"


@pytest.fixture(scope="module")
def single(nlp):
    """The records of a single-process run."""
    return [key(r) for r in Pipeline(nlp=nlp).process(corpus(10))]


# ---------------------------------------------------------------------------- shards (no model)
def test_shards_round_trip_records_failures_and_sources(tmp_path):
    text = "Mira Sol met the board."
    rec = Record(id="x1", text=text, published="2025-01-02",
                 entities=(Entity(id="e1", type="PERSON", name="Mira Sol", mentions=(Span.of(text, 0, 8),)),))
    fail = Failure("feed.xml:3", "no article text in the entry", "N104", "x2")
    write_shard(tmp_path, 1, [(rec, "a.jsonl:1"), (fail, None)])
    write_shard(tmp_path, 0, [(rec.replace(id="x0"), None)])
    got = list(read_shards(tmp_path))
    assert [(r.id if isinstance(r, Record) else r.doc_id) for r, _ in got] == ["x0", "x1", "x2"]  # partition order
    assert got[1] == (rec, "a.jsonl:1")
    assert got[2][0] == fail and got[2][0].code == "N104"
    assert not list(tmp_path.glob(".*tmp"))  # written under a temporary name, renamed into place


def test_reading_a_directory_without_shards_says_what_to_give(tmp_path):
    from newsledger.errors import StoreError

    with pytest.raises(StoreError, match="no shards"):
        list(read_shards(tmp_path))


# ---------------------------------------------------------------------------- the client side (no cluster)
class _Gone:
    """A future whose task was lost for good (as KilledWorker)."""

    key = "k"

    def result(self):
        raise RuntimeError("the worker died 3 times")

    def release(self):
        pass


class _DeadCluster:
    """Just enough of a distributed.Client: every task it runs is lost."""

    scheduler = type("S", (), {"address": "tcp://nowhere:8786"})()

    def register_plugin(self, plugin):
        self.plugin = plugin

    def scheduler_info(self):
        return {"workers": {"w1": {}}}

    def submit(self, *args, **kwargs):
        return _Gone()


def test_a_partition_lost_for_good_comes_back_as_one_failure_per_article():
    items = corpus(4)
    pipe = Pipeline(model="unused-model-name")  # the model is loaded on workers only
    got = list(_drive(_DeadCluster(), pipe, items, partition_size=3, window=2, retries=1, output=None, progress=None))
    assert len(got) == len(items) and all(isinstance(f, Failure) for f in got)
    assert [f.doc_id for f in got if f.code == "N700"] == [a.doc_id for a in items if isinstance(a, Article)]
    assert "lost on the Dask cluster" in got[0].reason and "worker died" in got[0].reason
    assert got[5].code == "N101"  # an input that failed while reading keeps its own reason


def test_bad_addresses_are_cluster_errors():
    with pytest.raises(ClusterError, match="local:N"):
        connect("local:zero")
    with pytest.raises(ClusterError, match="Dask scheduler"):
        connect("tcp://127.0.0.1:9", timeout="1s")


# ---------------------------------------------------------------------------- on a real LocalCluster
@pytest.mark.slow
def test_in_process_cluster_gives_the_single_process_records(single):
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        got = [key(r) for r in run_on_dask(Pipeline(), corpus(10), client=client, partition_size=3)]
        assert got == single
        # the pipeline was built once on the worker, by the plugin, not per task
        states = client.run(lambda dask_worker: len(getattr(dask_worker, "_newsledger_pipelines", {})))
        assert list(states.values()) == [1]


@pytest.mark.slow
def test_two_workers_one_killed_mid_run_lose_no_article(single):
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        killed = []
        got = []
        for res in run_on_dask(Pipeline(), corpus(10), client=client, partition_size=2, window=6):
            got.append(key(res))
            if not killed:  # work is in flight on both workers: kill one the hard way
                pid = next(iter(client.run(os.getpid).values()))
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
        assert killed
        assert got == single


@pytest.mark.slow
def test_cli_shards_then_load_store_what_ingest_stores(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(article(i).to_json()) + "\n" for i in range(5)) + "not json\n")

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "newsledger", *args], capture_output=True, text=True, cwd=ROOT)

    out = cli("extract", str(src), "--dask", "local:1", "--partition-size", "2", "--output", str(tmp_path / "shards"))
    assert out.returncode == 1, out.stderr  # the bad line is a failure, the rest went through
    assert "5 article(s) extracted, 1 failed" in out.stderr and "dask: 1 worker(s)" in out.stderr
    assert len(list((tmp_path / "shards").glob("part-*.parquet"))) == 3
    load = cli("load", str(tmp_path / "shards"), "--db", str(tmp_path / "a.db"))
    assert load.returncode == 1 and "5 article(s) stored" in load.stderr, load.stderr
    plain = cli("ingest", str(src), "--db", str(tmp_path / "b.db"), "-q")
    assert plain.returncode == 1

    def rows(db, sql):
        con = sqlite3.connect(db)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()

    for sql in ("SELECT id, source, record_json FROM documents ORDER BY id",
                "SELECT source, code, reason FROM failures ORDER BY source"):
        assert rows(tmp_path / "a.db", sql) == rows(tmp_path / "b.db", sql)
    assert len(rows(tmp_path / "a.db", "SELECT id FROM documents")) == 5
    # loading again stores nothing twice
    again = cli("load", str(tmp_path / "shards"), "--db", str(tmp_path / "a.db"))
    assert "0 article(s) stored, 5 skipped as duplicates" in again.stderr


def test_output_without_dask_is_refused(tmp_path):
    out = subprocess.run([sys.executable, "-m", "newsledger", "extract", "x.txt", "--output", str(tmp_path)],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 2 and "--dask" in out.stderr
