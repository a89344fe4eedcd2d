"""The ledger never damages what it is given: reads never write, exports write regular files only,
a newer or foreign database is refused untouched, a damaged stored record is never passed on.

Fast: records built by hand (test_ledger's invented articles), no model.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsledger.errors import MigrationError, StoreError
from newsledger.ledger import Ledger, latest_version

from test_ledger import record_a, record_b


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def full(tmp_path: Path) -> Path:
    db = tmp_path / "ledger.db"
    with Ledger(db) as led:
        led.add(record_a())
        led.add(record_b())
    return db


# ---------------------------------------------------------------------------- reads never write
def test_a_readonly_open_of_another_programs_file_changes_nothing(tmp_path: Path):
    p = tmp_path / "other.db"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.commit()
    con.close()
    before = digest(p)
    for readonly in (True, False):
        with pytest.raises(StoreError, match="not a newsledger ledger"):
            Ledger(p, readonly=readonly)
        assert digest(p) == before
        con = sqlite3.connect(p)
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # never switched to WAL
        con.close()
    assert sorted(os.listdir(tmp_path)) == ["other.db"]


def test_a_readonly_open_of_an_empty_file_writes_no_schema(tmp_path: Path):
    p = tmp_path / "empty.db"
    p.write_bytes(b"")
    with pytest.raises(StoreError, match="empty file, not a newsledger ledger"):
        Ledger(p, readonly=True)
    assert p.read_bytes() == b""
    assert sorted(os.listdir(tmp_path)) == ["empty.db"]


def test_a_readonly_ledger_reads_and_refuses_writes(full: Path):
    before = digest(full)
    with Ledger(full, readonly=True) as led:
        assert led.count() == 2
        assert led.search("ferry")
        with pytest.raises(StoreError, match="read-only"):
            led.add(record_a("another"))
    assert digest(full) == before


def test_a_newer_user_version_is_refused_naming_both_versions(full: Path):
    con = sqlite3.connect(full)
    con.execute(f"PRAGMA user_version = {latest_version() + 3}")
    con.commit()
    con.close()
    before = digest(full)
    for readonly in (True, False):
        with pytest.raises(MigrationError, match=rf"schema version {latest_version() + 3}.*version {latest_version()}"):
            Ledger(full, readonly=readonly)
    assert digest(full) == before


def _run_as_nobody(code: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c", code],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=60)


def test_read_commands_work_in_a_folder_that_cannot_be_written(full: Path, tmp_path: Path):
    """A WAL ledger in a read-only folder (where SQLite cannot make the -shm index) is still read."""
    import tempfile

    ro = Path(tempfile.mkdtemp(prefix="newsledger-ro-"))  # under /tmp: reachable by another user
    try:
        _read_in_readonly_folder(full, ro)
    finally:
        ro.chmod(0o755)
        shutil.rmtree(ro)


def _read_in_readonly_folder(full: Path, ro: Path) -> None:
    shutil.copy(full, ro / "l.db")
    code = ("from newsledger.ledger import Ledger\n"
            "with Ledger('l.db', readonly=True) as led:\n"
            "    print(led.count(), len(led.search('ferry')))\n")
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: cannot make a folder read-only for this process")
        probe = _run_as_nobody("import newsledger", ro)
        if probe.returncode != 0:
            pytest.skip(f"user nobody cannot import newsledger here: {probe.stderr.strip()[-200:]}")
        ro.chmod(0o555)
        (ro / "l.db").chmod(0o444)
        out = _run_as_nobody(code, ro)
    else:
        ro.chmod(0o555)
        out = subprocess.run([sys.executable, "-c", code], cwd=ro, capture_output=True, text=True, timeout=60)
    ro.chmod(0o755)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["2", "2"]  # two documents; "ferry" in an article and a statement
    assert sorted(os.listdir(ro)) == ["l.db"]


# ---------------------------------------------------------------------------- exports
@pytest.mark.parametrize("kind", ["symlink", "fifo", "device"])
def test_export_never_replaces_what_is_not_a_regular_file(full: Path, tmp_path: Path, kind: str):
    target = tmp_path / "out.jsonl"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    if kind == "symlink":
        target.symlink_to(victim)
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target = Path("/dev/null")
    before = target.lstat()
    with Ledger(full, readonly=True) as led:
        for fmt, table in (("jsonl", None), ("csv", "documents"), ("parquet", "documents")):
            with pytest.raises(StoreError, match="regular files only"):
                led.export(fmt, output=target, table=table)
    after = target.lstat()
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    assert victim.read_text() == "keep me\n"
    assert not [p for p in tmp_path.iterdir() if ".tmp" in p.name]


def test_export_of_every_table_refuses_a_symlink_inside_the_folder(full: Path, tmp_path: Path):
    out = tmp_path / "tables"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    (out / "entities.csv").symlink_to(victim)
    with Ledger(full, readonly=True) as led:
        with pytest.raises(StoreError, match="symbolic link"):
            led.export("csv", output=out)
    assert victim.read_text() == "keep me\n"


def test_a_damaged_stored_record_is_reported_not_exported(full: Path, tmp_path: Path):
    con = sqlite3.connect(full)
    con.execute("UPDATE documents SET record_json = replace(record_json, '\"start\": 0', '\"start\": 5') "
                "WHERE id = 'quell-1'")
    con.execute("UPDATE documents SET record_json = '{\"id\": 3' WHERE id = 'lind-1'")
    con.commit()
    con.close()
    with Ledger(full, readonly=True) as led:
        buf = io.StringIO()
        with pytest.raises(StoreError, match=r"2 stored record\(s\) left out.*damaged"):
            led.export("jsonl", stream=buf)
        assert buf.getvalue() == ""
        with pytest.raises(StoreError, match="damaged"):
            led.get("lind-1")


def test_a_fixed_input_clears_its_failure(tmp_path: Path):
    """A failure recorded under an input's source goes when that input is stored later."""
    from newsledger.pipeline import Failure

    with Ledger(tmp_path / "l.db") as led:
        led.add_failure(Failure("inbox/a.jsonl:1", "not JSON", "N106"))
        led.add_failure(Failure("inbox/b.txt", "the file is empty", "N101"))
        assert led.add(record_a(), source="inbox/a.jsonl:1")
        assert [f["source"] for f in led.failures()] == ["inbox/b.txt"]


def test_a_ledger_in_a_folder_that_cannot_be_entered_is_a_store_error(tmp_path: Path):
    import tempfile

    locked = Path(tempfile.mkdtemp(prefix="newsledger-locked-"))
    try:
        (locked / "inner").mkdir()
        code = ("from newsledger.ledger import Ledger\n"
                "from newsledger.errors import StoreError\n"
                "for ro in (True, False):\n"
                "    try:\n"
                f"        Ledger({str(locked / 'inner' / 'l.db')!r}, readonly=ro)\n"
                "    except StoreError as exc:\n"
                "        print(exc)\n")
        if os.geteuid() == 0:
            if shutil.which("setpriv") is None:
                pytest.skip("running as root without setpriv: cannot lock a folder for this process")
            probe = _run_as_nobody("import newsledger", Path("/"))
            if probe.returncode != 0:
                pytest.skip(f"user nobody cannot run newsledger here: {probe.stderr.strip()[-200:]}")
            locked.chmod(0o700)  # root's own: user nobody may not enter
            out = _run_as_nobody(code, Path("/"))
        else:
            locked.chmod(0o000)
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        lines = out.stdout.splitlines()
        assert len(lines) == 2 and all("[N500]" in ln and "permission denied" in ln for ln in lines)
    finally:
        locked.chmod(0o755)
        shutil.rmtree(locked)


def test_a_postgresql_url_is_not_taken_for_a_file(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError, match="PostgreSQL URL"):
        Ledger("postgresql://user@localhost/news")
    assert list(tmp_path.iterdir()) == []
