"""The ledger through the command line, as a user runs it: ingest, show, search, export, and an
ingest killed half way that a re-run completes without duplicates. Articles are invented."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsledger.ledger import TABLES
from newsledger.records import Record, text_hash

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent

PLACES = ["Kelmar", "Ostravia", "Lunde", "Port Sabine", "Varnholt", "Teskow", "Brindmoor", "Alcora"]
PEOPLE = ["Ines Darrow", "Tomas Reyes", "Marta Kovalenko", "Jonah Whitcombe", "Selin Arvas", "Piet Hollander",
          "Amara Quist", "Rafael Montero"]
TOPICS = ["the north pier", "the water plant", "the railway bridge", "the grain terminal", "the power station",
          "the ferry line", "the city hospital", "the customs post"]


def article(i: int) -> str:
    """A short invented news article, different for every ``i``."""
    who, where, what = PEOPLE[i % 8], PLACES[(i // 8) % 8], TOPICS[(i * 3) % 8]
    return (f"{who}, the mayor of {where}, said on Tuesday that {what} would reopen within {i + 2} days. "
            f"\"We will have the crews working again by the end of the month,\" {who.split()[1]} told reporters "
            f"at a meeting with the regional council. The union accused the council of ignoring warnings about "
            f"{what} and urged the government to pay the {i + 10} workers who could not work.")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsledger", *args], capture_output=True, text=True, input=stdin,
                          cwd=ROOT)


def dump(db: Path) -> list[str]:
    """Every row of every table (ingest and failure timestamps left out)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        out = []
        for t in TABLES:
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({t})") if r[1] not in ("ingested_at", "at", "first_at")]
            out += [f"{t}: {row}" for row in con.execute(f"SELECT {', '.join(cols)} FROM {t} ORDER BY rowid")]
        return out
    finally:
        con.close()


def scalar(db: Path, sql: str):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def two(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "kelmar.txt", tmp_path / "lunde.txt"
    a.write_text(article(0), encoding="utf-8")
    b.write_text(article(17), encoding="utf-8")
    return a, b


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "news.db"


def test_ingest_twice_stores_once(two, db: Path):
    p = run("ingest", *map(str, two), "--db", str(db), "--published", "2025-03-04")
    assert p.returncode == 0, p.stderr
    assert p.stdout == ""
    assert "2 article(s) stored, 0 skipped as duplicates, 0 failed" in p.stderr
    before = dump(db)
    assert scalar(db, "SELECT COUNT(*) FROM documents") == 2
    p = run("ingest", *map(str, two), "--db", str(db), "--published", "2025-03-04")
    assert p.returncode == 0, p.stderr
    assert "0 article(s) stored, 2 skipped as duplicates, 0 failed" in p.stderr
    assert dump(db) == before
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()


def test_a_batch_with_bad_inputs_stores_the_rest_and_records_the_failures(tmp_path: Path, db: Path):
    good = tmp_path / "good.txt"
    good.write_text(article(3), encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    lines = tmp_path / "batch.jsonl"
    lines.write_text(json.dumps({"id": "j1", "text": article(4), "published": "2025-03-04"}) + "\n"
                     + "this line is not JSON\n"
                     + json.dumps({"id": "j3", "text": article(5), "published": "2025-03-04"}) + "\n", encoding="utf-8")
    p = run("ingest", str(good), str(empty), str(lines), "--db", str(db), "--published", "2025-03-04")
    assert p.returncode == 1, p.stderr
    assert "3 article(s) stored, 0 skipped as duplicates, 2 failed" in p.stderr
    assert "empty.txt" in p.stderr and "batch.jsonl:2" in p.stderr
    con = sqlite3.connect(db)
    assert sorted(r[0] for r in con.execute("SELECT id FROM documents")) == ["good", "j1", "j3"]
    fails = con.execute("SELECT source, code, reason FROM failures ORDER BY source").fetchall()
    con.close()
    assert len(fails) == 2
    assert fails[0][0].endswith("batch.jsonl:2") and fails[0][1] == "N106" and fails[0][2]
    assert fails[1][0].endswith("empty.txt") and fails[1][1] == "N101" and "empty" in fails[1][2]


def test_show_search_and_export(two, db: Path, tmp_path: Path):
    assert run("ingest", *map(str, two), "--db", str(db), "--published", "2025-03-04", "-q").returncode == 0
    # show
    p = run("show", "kelmar", "--db", str(db), "--format", "jsonl")
    assert p.returncode == 0, p.stderr
    rec = Record.loads(p.stdout).validate()
    assert rec.id == "kelmar" and rec.text == article(0) and rec.published == "2025-03-04"
    p = run("show", "kelmar", "--db", str(db))
    assert p.returncode == 0 and "kelmar" in p.stdout
    p = run("show", "nowhere", "--db", str(db))
    assert p.returncode == 2 and "no document with id 'nowhere'" in p.stderr and "newsledger search" in p.stderr
    # search
    p = run("search", '"north pier"', "--db", str(db))
    assert p.returncode == 0, p.stderr
    rows = [line.split("\t") for line in p.stdout.splitlines()]
    assert rows and {r[0] for r in rows} == {"kelmar"} and any(r[1] == "article" for r in rows)
    assert all("[north pier]" in r[3] for r in rows if r[1] == "article")
    p = run("search", "Lunde", "--db", str(db), "--json", "--in", "articles")
    hits = [json.loads(x) for x in p.stdout.splitlines()]
    assert [h["doc_id"] for h in hits] == ["lunde"] and hits[0]["kind"] == "article"
    p = run("search", "zeppelin", "--db", str(db))
    assert p.returncode == 0 and p.stdout == "" and "no matches" in p.stderr
    p = run("search", '"unclosed', "--db", str(db))  # punctuation is searched as words, never query syntax
    assert p.returncode == 0 and "no matches" in p.stderr and "error" not in p.stderr
    p = run("search", "AND", "--db", str(db))
    assert p.returncode == 2 and p.stderr.startswith("error: [N500]") and "holds no words" in p.stderr
    # export
    p = run("export", "--db", str(db))
    assert p.returncode == 0, p.stderr
    assert [Record.loads(x).id for x in p.stdout.splitlines()] == ["kelmar", "lunde"]
    p = run("export", "--db", str(db), "--format", "csv", "--table", "documents")
    assert [r["id"] for r in csv.DictReader(io.StringIO(p.stdout))] == ["kelmar", "lunde"]
    out = tmp_path / "tables"
    p = run("export", "--db", str(db), "--format", "csv", "--output", str(out))
    assert p.returncode == 0, p.stderr
    assert sorted(x.name for x in out.iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    assert "wrote" in p.stderr
    pq = pytest.importorskip("pyarrow.parquet")
    pfile = tmp_path / "docs.parquet"
    p = run("export", "--db", str(db), "--format", "parquet", "--table", "documents", "--output", str(pfile))
    assert p.returncode == 0, p.stderr
    assert pq.read_table(pfile).column("id").to_pylist() == ["kelmar", "lunde"]
    p = run("export", "--db", str(db), "--format", "csv", "--table", "people")
    assert p.returncode == 2 and "unknown table 'people'" in p.stderr


def test_commands_on_a_missing_ledger_say_how_to_make_one(tmp_path: Path):
    missing = tmp_path / "none.db"
    for args in (("show", "x"), ("search", "x"), ("export",)):
        p = run(*args, "--db", str(missing))
        assert p.returncode == 2 and "no ledger at" in p.stderr and "newsledger ingest FILE --db" in p.stderr
    assert not missing.exists()


def test_an_ingest_killed_half_way_is_completed_by_a_rerun(tmp_path: Path, db: Path):
    # more than two of the writer's batches (64 records at most): a kill after the first commit always
    # leaves articles to store, however fast the machine parses
    n = 130
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({"id": f"a{i:02d}", "text": article(i), "published": "2025-03-04"}) + "\n"
                           for i in range(n)), encoding="utf-8")
    with open(tmp_path / "err.txt", "w") as err:
        proc = subprocess.Popen([sys.executable, "-m", "newsledger", "ingest", str(src), "--db", str(db)],
                                stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT)
        deadline = time.monotonic() + 300
        stored = 0
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    stored = scalar(db, "SELECT COUNT(*) FROM documents")
                except sqlite3.OperationalError:  # not migrated yet
                    stored = 0
                if stored >= 3:
                    break
            time.sleep(0.005)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, (tmp_path / "err.txt").read_text()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    partial = con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    con.close()
    assert 3 <= partial < n
    p = run("ingest", str(src), "--db", str(db))
    assert p.returncode == 0, p.stderr
    assert f"{n - partial} article(s) stored, {partial} skipped as duplicates, 0 failed" in p.stderr
    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("SELECT id FROM documents")]
    hashes = {r[0] for r in con.execute("SELECT content_hash FROM documents")}
    orphans = con.execute("SELECT COUNT(*) FROM entities WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0]
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    fts = con.execute("SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH 'council'").fetchone()[0]
    con.close()
    assert sorted(ids) == sorted(f"a{i:02d}" for i in range(n))
    assert hashes == {text_hash(article(i)) for i in range(n)}
    assert orphans == 0 and fts == n
