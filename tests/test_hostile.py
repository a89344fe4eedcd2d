"""The hostile-input suite (newsledger.hostile) through the CLI, fuzzing of the extractor, and the
process-level promises: kill -9 leaves a consistent store, concurrent writers lose nothing, no
worker outlives its parent.

The quick hostile inputs run in one CLI process in the normal test run; the whole suite (each input
in its own process, long texts included) runs with ``pytest -m hostile`` or
``python -m newsledger.hostile``.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.hostile import MEMORY_BOUND_MB, good_articles, run_batch, run_suite
from newsledger.ledger import TABLES, Ledger, latest_version
from newsledger.pipeline import Failure, Pipeline
from newsledger.records import Article, Record

ROOT = Path(__file__).resolve().parent.parent
SRC = str(ROOT / "src")


# ---------------------------------------------------------------------------- the suite
@pytest.mark.slow
def test_the_quick_hostile_inputs_in_one_batch(tmp_path: Path):
    outcome = run_batch(tmp_path, quick=True, budget_s=400)
    assert outcome.problems == []
    assert outcome.peak_mb < MEMORY_BOUND_MB
    assert outcome.records >= 10 and outcome.failures >= 20


@pytest.mark.hostile
def test_the_whole_hostile_suite_each_input_alone(tmp_path: Path, request):
    if "hostile" not in (request.config.getoption("-m") or ""):
        pytest.skip("the whole hostile suite runs with `pytest -m hostile` (or `python -m newsledger.hostile`)")
    outcomes = run_suite(tmp_path, quick=False)
    bad = [o.to_json() for o in outcomes if o.problems]
    assert bad == []


# ---------------------------------------------------------------------------- fuzzing the extractor
_WORDS = ["Ilse", "Varnholt", "said", "on", "Monday", "the", "council", "of", "Quellmouth", "\"", "'", ",", ".",
          "\u00b2", "\u2074\u2075", "\u0663", "\u200b", "\u00ad", "\u202e", "\ud83d\ude00", "\u2028", "\n\n", "10,000",
          "999-year-old", "years", "ago", "in", "told", "Reuters", "(", ")", "\u201c", "\u201d", "--", "\u2014",
          "U.N.", "O'Brien", "cease-fire", "By", "MARCH", "2025-02-30", "\t", "\u3000", "\ufb01", "\u0130"]


@pytest.fixture(scope="module")
def pipe(nlp):
    return Pipeline(nlp=nlp, check_language=False)


def _assert_clean(results: list) -> None:
    for r in results:
        if isinstance(r, Failure):
            assert r.code not in ("N999", "N400", "N300"), r  # a stage or record bug, not an input problem
        else:
            r.validate()


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(words=st.lists(st.sampled_from(_WORDS) | st.text(max_size=6), min_size=1, max_size=60),
       seps=st.lists(st.sampled_from([" ", "", "\n", " , "]), min_size=1, max_size=60))
def test_no_stage_raises_on_any_unicode_text(pipe, words, seps):
    text = "".join(w + seps[i % len(seps)] for i, w in enumerate(words))
    text = text.encode("utf-8", "replace").decode("utf-8", "replace") if any(
        0xD800 <= ord(c) <= 0xDFFF for c in text) else text
    _assert_clean(list(pipe.process([Article(text=text, published="2025-02-03")])))


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(tags=st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<b>", "<script>", "</script>", "<!--",
                                      "-->", "<br/>", "&amp;", "&#0;", "&#xD800;", "<title>", "</title>", "<<", ">"]),
                     max_size=30),
       words=st.lists(st.sampled_from(_WORDS), max_size=40))
def test_no_stage_raises_on_any_html(pipe, tags, words):
    from newsledger.errors import InputError
    from newsledger.ingest.html import article_from_html

    body = " ".join(t + w for t, w in zip(tags + [""] * len(words), words))
    html = f"<html><body><article>{body} {good_articles(1)[0]}</article></body></html>"
    try:
        art = article_from_html(html.encode("utf-8", "surrogatepass"), "fuzz.html", published="2025-02-03")
    except InputError:
        return
    _assert_clean(list(pipe.process([art])))


@pytest.mark.slow
def test_the_known_crashers_are_records(pipe):
    texts = ["Maria Lopez, \u00b2, said the plan would fail.", "Ana Ruiz, \u2074\u2075, met the envoy.",
             "The dam will stand in 10,000 years, the 999-year-old Ilse Varnholt said on Monday."]
    out = list(pipe.process([Article(text=t, published="2025-02-03") for t in texts]))
    assert [type(r).__name__ for r in out] == ["Record"] * 3
    assert all(e.attributes.age is None for r in out for e in r.entities)
    assert all(t.value != "P0Y" for t in out[2].times)


# ---------------------------------------------------------------------------- kill -9 and concurrency
def _script(code: str) -> list[str]:
    return [sys.executable, "-c", f"import sys; sys.path.insert(0, {SRC!r}); sys.path.insert(0, "
                                  f"{str(ROOT / 'tests')!r})\n" + textwrap.dedent(code)]


def _consistent(db: Path) -> int:
    """Assert the ledger is whole (integrity, foreign keys, FTS, one row set per document); its count."""
    with Ledger(db) as led:
        con = led.con
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        con.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
        con.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
        assert led.schema_version == latest_version()
        n = led.count()
        assert con.execute("SELECT COUNT(DISTINCT content_hash) FROM documents").fetchone()[0] == n
        for rec in led.iter_records():  # each stored record whole: its entity rows are all there
            rows = con.execute("SELECT COUNT(*) FROM entities WHERE doc_id = ?", (rec.id,)).fetchone()[0]
            assert rows == len(rec.entities)
        return n


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kill_9_during_ingest_and_migration_leaves_a_consistent_store(tmp_path: Path, seed: int):
    """A writer killed at random moments (opening new ledgers, so inside migrations, and adding
    records) leaves every ledger consistent, and a re-run completes it without duplicates."""
    code = f"""
    from pathlib import Path
    from newsledger.ledger import Ledger
    from test_ledger import record_a
    folder = Path({str(tmp_path)!r})
    for i in range(1000):
        with Ledger(folder / f"l{{i % 3}}.db") as led:
            for k in range(10):
                r = record_a(f"d{{i}}-{{k}}")
                led.add(r.replace(text=r.text + f" ({{i}}-{{k}})"))
        for j in range(5):  # migrations, over and over: about half the time is spent inside one
            for suffix in ("", "-wal", "-shm"):  # a new file, with no journal of an old one beside it
                (folder / f"fresh{{j}}.db{{suffix}}").unlink(missing_ok=True)
            Ledger(folder / f"fresh{{j}}.db").close()
    """
    rng = random.Random(seed)
    for _ in range(4):
        proc = subprocess.Popen(_script(code), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        started = time.monotonic()  # the random moment counts from the first ledger on disk: on a loaded
        while not any(tmp_path.glob("*.db")) and proc.poll() is None and time.monotonic() - started < 120:
            time.sleep(0.01)  # machine the imports alone can take longer than the whole interval
        time.sleep(rng.uniform(1.0, 3.0))
        proc.kill()
        proc.wait()
    dbs = sorted(tmp_path.glob("*.db"))
    assert dbs
    for db in dbs:
        _consistent(db)


def test_concurrent_writer_processes_lose_nothing(tmp_path: Path):
    db = tmp_path / "l.db"
    code = f"""
    import sys
    from newsledger.ledger import Ledger
    from test_ledger import record_a, record_b
    w = int(sys.argv[1])
    with Ledger({str(db)!r}) as led:
        for k in range(15):
            r = record_a(f"w{{w}}-{{k}}")
            led.add(r.replace(text=r.text + f" (writer {{w}}, {{k}})"))
            led.add(record_b())  # the same text from every writer: stored once
    """
    procs = [subprocess.Popen(_script(code) + [str(w)], stderr=subprocess.PIPE, text=True) for w in range(4)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, errors
    assert _consistent(db) == 4 * 15 + 1


# ---------------------------------------------------------------------------- no orphan processes
def _children(pid: int) -> set[int]:
    """The child processes of ``pid``, read from /proc (no `ps` needed)."""
    kids = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdecimal():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                kids.add(int(entry.name))
    return kids


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_text(errors="replace")
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] != "Z"
    except OSError:
        return False


def _default_sigint() -> None:
    """A run started from a background job (``cmd &``, nohup, some CI runners) inherits SIGINT ignored,
    and an ignored Ctrl-C is rightly ignored: the run under test starts with the default handling."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to watch processes")
@pytest.mark.parametrize("how", ["kill -9", "Ctrl-C"])
def test_no_worker_outlives_its_parent(tmp_path: Path, how: str):
    """`extract -j 2` with a blank pipeline (fast to load): the parent killed with -9, or the whole
    process group sent SIGINT; no worker may remain, and Ctrl-C ends the run at once without a
    traceback."""
    import spacy

    model = tmp_path / "blank-en"
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")  # sentences without a parser: the articles are extracted, not failed
    blank.to_disk(model)
    text = good_articles(1)[0]
    env = {**os.environ, "PYTHONPATH": SRC}
    # articles fed on stdin for as long as the run reads them: it cannot end before the signal, however fast
    # the machine (a file of 30,000 articles was once all done before it); stderr is read as it comes, as a
    # terminal would, so a full pipe never holds the parent up
    proc = subprocess.Popen([sys.executable, "-m", "newsledger", "extract", "-", "-j", "2", "-q",
                             "--model", str(model), "--no-language-check"], stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True, preexec_fn=_default_sigint)

    def feed() -> None:
        i = 0
        try:
            while True:
                proc.stdin.write(json.dumps({"id": f"a{i}", "text": f"{text} ({i})"}) + "\n")
                i += 1
        except (BrokenPipeError, ValueError, OSError):  # the run has ended
            pass

    threading.Thread(target=feed, daemon=True).start()
    err: list[str] = []
    reader = threading.Thread(target=lambda: err.extend(proc.stderr), daemon=True)
    reader.start()
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        workers = {c for c in _children(proc.pid) if "spawn_main" in _cmdline(c)} if _alive(proc.pid) else set()
        if len(workers) >= 2:
            break
        time.sleep(0.2)
    assert len(workers) >= 2, "the workers did not start"
    time.sleep(1.0)
    start = time.monotonic()
    if how == "kill -9":
        proc.kill()
    else:
        os.killpg(proc.pid, signal.SIGINT)
    try:
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    ended = time.monotonic() - start
    reader.join(timeout=10)
    stderr = "".join(err)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for w in left:  # do not leave them behind even when the test fails
        os.kill(w, signal.SIGKILL)
    assert left == []
    if how == "Ctrl-C":
        assert (proc.returncode, "Traceback" in stderr) == (130, False), stderr[-2000:]
        assert ended < 20  # prompt, even on a loaded machine (no wait for the batches in flight)
