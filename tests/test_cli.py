"""The command line end to end, as a user runs it: stdout carries records only, stderr the rest,
and the exit code tells whether anything failed."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import newsledger
from newsledger.records import Record

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = ("Harbour Minister Ines Darrow said on Tuesday that the north pier in Kelmar would reopen within two "
           "weeks. \"We will have the cranes working again by the end of the month,\" Darrow told Coastline Radio. "
           "The fishermen's union accused the ministry of ignoring warnings about the breakwater, and its chairman, "
           "Tomas Reyes, 58, urged the government to pay compensation to the crews that could not sail.")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsledger", *args], capture_output=True, text=True, input=stdin,
                          cwd=ROOT)


def records(stdout: str) -> list[Record]:
    return [Record.loads(line).validate() for line in stdout.splitlines() if line.strip()]


@pytest.mark.slow
def test_extract_jsonl_from_files_and_stdin(tmp_path):
    f = tmp_path / "kelmar.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    p = run("extract", str(f), "--published", "2025-03-04")
    assert p.returncode == 0, p.stderr
    (rec,) = records(p.stdout)
    assert rec.id == "kelmar" and rec.published == "2025-03-04" and rec.text == ARTICLE
    line = json.dumps({"id": "k2", "text": ARTICLE, "published": "2025-03-04"})
    p = run("extract", "-", stdin=line + "\n")
    assert p.returncode == 0, p.stderr
    assert [r.id for r in records(p.stdout)] == ["k2"]


@pytest.mark.slow
def test_extract_json_and_pretty_formats(tmp_path):
    f = tmp_path / "kelmar.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    p = run("extract", str(f), str(f), "--format", "json")
    assert p.returncode == 0, p.stderr
    arr = json.loads(p.stdout)
    assert isinstance(arr, list) and len(arr) == 2 and Record.from_json(arr[0]).text == ARTICLE
    p = run("extract", str(f), "-f", "pretty")
    assert p.returncode == 0 and p.stdout.startswith("== kelmar")


@pytest.mark.slow
def test_a_batch_with_bad_inputs_processes_the_rest_and_exits_1(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join([json.dumps({"id": "j1", "text": ARTICLE}), "{broken", json.dumps({"id": "j3"}),
                                json.dumps({"id": "fr", "text": "Le ministre a déclaré mardi que la jetée nord de "
                                            "Kelmar rouvrirait dans deux semaines, et le syndicat a accusé le "
                                            "ministère d'avoir ignoré les avertissements sur la digue."})]) + "\n",
                     encoding="utf-8")
    p = run("extract", str(good), str(tmp_path / "empty.txt"), str(tmp_path / "bin.txt"), str(batch),
            str(tmp_path / "missing.txt"))
    assert p.returncode == 1
    assert [r.id for r in records(p.stdout)] == ["good", "j1"]  # stdout: records and nothing else
    err = p.stderr
    for needle in ("empty.txt", "bin.txt", "batch.jsonl:2", "batch.jsonl:3", "batch.jsonl:4", "missing.txt",
                   "not look like English", "binary", "not JSON", '"text"'):
        assert needle in err, (needle, err)
    assert "2 article(s) extracted, 6 failed" in err


@pytest.mark.slow
def test_no_language_check_lets_a_non_english_article_through(tmp_path):
    f = tmp_path / "fr.txt"
    f.write_text("Le ministre a déclaré mardi que la jetée nord de Kelmar rouvrirait dans deux semaines, et le "
                 "syndicat a accusé le ministère d'avoir ignoré les avertissements sur la digue.", encoding="utf-8")
    assert run("extract", str(f)).returncode == 1
    assert run("extract", str(f), "--no-language-check").returncode == 0


def test_an_unknown_published_format_is_one_clear_line(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    p = run("extract", str(f), "--published", "last Tuesday")
    assert p.returncode == 2 and p.stdout == ""
    assert re.fullmatch(r"error: \[N200\] .*ISO 8601.*\n", p.stderr)


def test_a_ten_megabyte_article_is_refused_quickly(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_text(("The council said the pier would reopen soon. " * 40 + "\n\n") * 5800, encoding="utf-8")
    assert f.stat().st_size > 10_000_000
    p = run("extract", str(f), "--stages", "")
    assert p.returncode == 1 and p.stdout == ""
    assert "huge.txt" in p.stderr and "--max-bytes" in p.stderr  # refused by its size, before it is read whole


def test_help_and_version():
    p = run("--help")
    assert p.returncode == 0
    for cmd in ("extract", "ingest", "show", "search", "export", "bench", "demo"):
        assert cmd in p.stdout
    assert run("--version").stdout.strip() == f"newsledger {newsledger.__version__}"


def test_every_command_and_option_is_documented_in_the_readme():
    from typer.main import get_command

    from newsledger.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    group = get_command(app)
    for name, cmd in group.commands.items():
        assert f"newsledger {name}" in readme, f"README does not document `newsledger {name}`"
        for param in cmd.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert opt in readme, f"README does not document {opt} of `newsledger {name}`"


def test_the_public_surface_is_what_all_lists():
    public = {n for n in dir(newsledger) if not n.startswith("_")}
    modules = {"errors", "records", "pipeline", "checks", "nlp", "ingest", "ledger", "render", "sample",
               "cli", "cli_ledger", "bench", "serve", "api", "web", "stages", "inputs", "analysis", "trace", "distributed", "shards", "hostile", "data", "annotations", "TYPE_CHECKING"}  # submodules and plumbing
    assert public - modules == set(newsledger.__all__) - {"__version__"}
    for name in newsledger.__all__:
        assert getattr(newsledger, name) is not None


def test_extract_stays_the_function_after_the_stage_modules_load():
    from newsledger.pipeline import registered_stages

    registered_stages()
    import newsledger.extract._index  # noqa: F401  (a submodule, imported the plain way)

    assert callable(newsledger.extract) and newsledger.extract.__doc__.startswith("The document record")


def test_importing_newsledger_does_not_import_spacy():
    code = "import sys, newsledger; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr


@pytest.mark.slow
def test_several_processes_give_the_same_records_in_order(tmp_path):
    batch = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": f"k{i}", "text": ARTICLE.replace("58", str(40 + i)), "published": "2025-03-04"})
             for i in range(6)]
    batch.write_text("\n".join(lines[:3] + ["{broken"] + lines[3:]) + "\n", encoding="utf-8")
    one = run("extract", str(batch), "-q")
    two = run("extract", str(batch), "-q", "--processes", "2")
    assert one.returncode == two.returncode == 1
    assert [r.id for r in records(two.stdout)] == [f"k{i}" for i in range(6)]
    assert one.stdout == two.stdout


@pytest.mark.slow
def test_bench_compares_with_bare_spacy_in_the_same_run():
    p = run("bench", "--n", "8", "--json")
    assert p.returncode == 0, p.stderr
    rep = json.loads(p.stdout)
    assert set(rep["phases"]) == {"spacy", "extract", "store"}
    for kind in ("extract", "store"):
        ph = rep["phases"][kind]
        assert ph["articles"] == 8 and ph["words_per_s"] > 0 and ph["peak_rss_mb"] > 0
        assert ph["time_ratio_vs_spacy"] > 0 and ph["rss_ratio_vs_spacy"] > 0
    assert rep["phases"]["store"]["refresh_seconds"] > 0 and "refresh_seconds" not in rep["phases"]["extract"]
    text = run("bench", "--n", "4", "--no-store")
    assert "spacy" in text.stdout and "extract" in text.stdout and "store" not in text.stdout


@pytest.mark.slow
def test_demo_runs_on_a_sample(tmp_path):
    p = subprocess.run([sys.executable, "-m", "newsledger", "demo", "--format", "jsonl"], capture_output=True,
                       text=True, cwd=tmp_path)  # no ../shared beside tmp_path: the bundled sample
    assert p.returncode == 0, p.stderr
    rec = Record.loads(p.stdout).validate()
    assert rec.id == "sample-harlow-bay" and rec.published == "2025-10-16"
    # all four stages, integrated, on an article of our own (not the evaluation data)
    names = {e.id: e.name for e in rec.entities}
    reyes = next(e for e in rec.entities if e.name == "Tomas Reyes")
    assert reyes.attributes.age == 58 and "chairman" in reyes.attributes.titles
    assert ("father", "Daniel", "Tomas Reyes") in {(r.type, names[r.subject], names[r.object]) for r in rec.relations}
    cranes = next(s for s in rec.statements if "cranes" in s.content.text)
    assert names[cranes.speaker] == "Lena Ortiz" and cranes.direct and names[cranes.channel] == "Coastline Radio"
    assert cranes.date.value == "2025-10-14" and cranes.kind == "commitment"
    assert next(s for s in rec.statements if s.cue == "denied").kind == "denial"
    visit = next(v for v in rec.events if v.trigger.text == "visited")
    assert visit.type == "CONSULT" and visit.mode == "visit" and [names[x] for x in visit.source] == ["Oskar Lind"]
    assert visit.date.value == "2025-10-15"
    assert {t.text: t.value for t in rec.times}["three days earlier"] == "2025-10-11"
