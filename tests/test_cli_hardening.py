"""The hardening as a user meets it on the command line: one-line errors and honest exit codes,
read commands that never write, exports that never replace a special file, `extract | head`.
Articles are invented."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsledger.hostile import good_articles
from newsledger.ledger import Ledger

from test_ledger import record_a, record_b

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "newsledger", *args], input=stdin, capture_output=True,
                          env=env, cwd=cwd, timeout=300)


def one_error_line(p: subprocess.CompletedProcess, code: str) -> str:
    err = p.stderr.decode()
    assert p.returncode == 2 and "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: [{code}]"), err
    return lines[0]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "l.db"
    with Ledger(path) as led:
        led.add(record_a())
        led.add(record_b())
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_read_commands_leave_the_ledger_as_it_was(db: Path, tmp_path: Path):
    before = digest(db)
    assert run("show", "quell-1", "--db", str(db), "-f", "json").returncode == 0
    assert run("search", "ferry", "--db", str(db)).returncode == 0
    assert run("export", "--db", str(db)).returncode == 0
    assert digest(db) == before
    # (a reader of a WAL database may leave SQLite's own empty -wal/-shm index files, nothing else)
    assert {p.name for p in tmp_path.iterdir()} <= {"l.db", "l.db-wal", "l.db-shm"}
    assert not (tmp_path / "l.db-wal").exists() or (tmp_path / "l.db-wal").stat().st_size == 0


def test_read_commands_on_another_programs_file_or_an_empty_one_change_nothing(tmp_path: Path):
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE notes (t TEXT)")
    con.commit()
    con.close()
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for path, why in ((other, "not a newsledger ledger"), (empty, "empty file")):
        before = digest(path)
        for cmd in (["search", "x"], ["show", "a"], ["export"]):
            assert why in one_error_line(run(*cmd, "--db", str(path)), "N500")
        assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db", "other.db"]


def test_export_to_dev_null_or_a_symlink_is_refused(db: Path, tmp_path: Path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep\n")
    link = tmp_path / "out.jsonl"
    link.symlink_to(victim)
    for target in ("/dev/null", str(link)):
        line = one_error_line(run("export", "--db", str(db), "--output", target), "N500")
        assert "regular files only" in line
    assert Path("/dev/null").is_char_device() and victim.read_text() == "keep\n"


def test_search_takes_punctuation_as_words_and_any_limit(db: Path):
    for query in ("cease-fire", "U.N.", "O'Brien", '"unclosed', "NEAR(", "title:"):
        p = run("search", query, "--db", str(db))
        assert p.returncode == 0 and b"Traceback" not in p.stderr and not p.stderr.startswith(b"error"), query
    p = run("search", "ferry", "--db", str(db), "--limit", "99999999999999999999", "--json")
    assert p.returncode == 0 and len(p.stdout.splitlines()) >= 1


def test_empty_stdin_and_an_empty_jsonl_fail_with_a_message(tmp_path: Path):
    p = run("extract", "-", stdin=b"")
    assert p.returncode == 1 and b"JSONL input is empty" in p.stderr
    (tmp_path / "e.jsonl").write_bytes(b"")
    p = run("extract", str(tmp_path / "e.jsonl"))
    assert p.returncode == 1 and b"e.jsonl: [N101]" in p.stderr


def test_bad_limits_are_refused_at_once(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(good_articles(1)[0])
    assert "--max-chars" in one_error_line(run("extract", str(f), "--max-chars", "-5"), "N107")
    assert "--timeout" in one_error_line(run("extract", str(f), "--timeout", "0"), "N111")
    assert "--max-bytes" in one_error_line(run("extract", str(f), "--max-bytes", "0"), "N107")


@pytest.mark.slow
def test_extract_into_head_exits_quietly(tmp_path: Path):
    f = tmp_path / "many.jsonl"
    f.write_text("".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(good_articles(60))))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    p = subprocess.run(f"{sys.executable} -m newsledger extract {f} -q | head -c 100 >/dev/null; "
                       "echo \"rc=${PIPESTATUS[0]}\"", shell=True, executable="/bin/bash", capture_output=True,
                       text=True, env=env, timeout=300)
    assert p.stdout.strip() == "rc=0" and p.stderr == ""


@pytest.mark.slow
def test_a_batch_with_hostile_items_stores_the_good_ones(tmp_path: Path):
    good = good_articles(2, seed=9)
    lines = [json.dumps({"text": good[0], "id": "g1"}), '{"text": "\\ud800"}', '{"text": "x", "title": 5}',
             '{"text": ' + "[" * 3000 + "]" * 3000 + "}", json.dumps({"text": good[1], "id": 7})]
    f = tmp_path / "in.jsonl"
    f.write_text("\ufeff" + "\n".join(lines) + "\n")
    db = tmp_path / "l.db"
    p = run("ingest", str(f), "--db", str(db), "--timeout", "120")
    err = p.stderr.decode()
    assert p.returncode == 1 and "Traceback" not in err and "internal error" not in err
    assert "2 article(s) stored" in err and "3 failed" in err
    with Ledger(db, readonly=True) as led:
        assert sorted(led.ids()) == ["7", "g1"]
        assert len(led.failures()) == 3
    # the bad lines fixed and ingested again: their failures are cleared
    f.write_text("\n".join([lines[0], json.dumps({"text": good[0] + " More."}), json.dumps({"text": good[1] + " Also."}),
                            json.dumps({"text": good[1] + " And."}), lines[4]]) + "\n")
    p = run("ingest", str(f), "--db", str(db), "--timeout", "120")
    assert p.returncode == 0, p.stderr.decode()
    with Ledger(db, readonly=True) as led:
        assert led.failures() == []
