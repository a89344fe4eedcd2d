"""The hostile-input suite: inputs made to hang, exhaust or crash newsledger, and the promises it keeps.

Every input is generated here (nothing third-party): empty, binary and mis-encoded files, invisible
and exotic Unicode, floods of punctuation, long and deep texts and pages, broken feeds, JSONL and WARC
files, special files (FIFO, a link to ``/dev/zero``, a symlink loop, a directory), gzip bombs. Each
is run through ``newsledger extract`` beside invented good articles, and the run must show:

- no traceback and no internal error (``[N999]``) on stderr; every failure one line;
- an exit code of 0 or 1 (never a crash), within the input's time budget;
- peak memory (RSS of the process) under :data:`MEMORY_BOUND_MB`;
- every record on stdout valid (``Record.validate``: every span matches the text);
- the good articles of the batch all extracted.

``python -m newsledger.hostile`` runs the whole suite, each input in its own process with its own
budget (``--quick``: the small sizes; ``--json``: the figures). The test suite runs the quick inputs
in one process (``tests/test_hostile.py``) and the whole suite under ``pytest -m hostile``.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Case", "Outcome", "generate", "good_articles", "run_batch", "run_case", "run_suite", "MEMORY_BOUND_MB"]

#: Peak RSS a run may reach (the model takes ~150-250 MB; chunked parsing keeps the rest bounded).
MEMORY_BOUND_MB = 1024
#: The per-article time limit the suite runs with (``--timeout``).
ARTICLE_TIMEOUT_S = 60

# Invented words only: the good articles and the tricky texts are built from these.
_PEOPLE = ["Ilse Varnholt", "Tomas Quellin", "Anouk Berendt", "Piet Marovic", "Selma Ostrander"]
_PLACES = ["Varnholm", "Quellmouth", "Ostrava Bay", "Lindqvist Valley"]
_BODIES = ["the Harbour Council", "the Varnholm Water Board", "the Union of Ferry Crews"]


def good_articles(n: int = 2, seed: int = 1) -> list[str]:
    """Plain invented news paragraphs that must always come through."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        who, where, body = rng.choice(_PEOPLE), rng.choice(_PLACES), rng.choice(_BODIES)
        out.append(f"{who}, a spokeswoman for {body}, said on Monday that the ferry to {where} would resume by "
                   f"March. \"We have no choice,\" {who.split()[1]} told reporters in {where}. "
                   f"{body[0].upper() + body[1:]} met on Tuesday and urged the mayor to pay the crews.")
    return out


@dataclass(frozen=True)
class Case:
    """One hostile input: ``name``, how to make it (``make(dir) -> path``), its time budget."""

    name: str
    make: object  # Callable[[Path], str]
    budget_s: float = 60.0
    quick: bool = True


@dataclass
class Outcome:
    name: str
    seconds: float
    peak_mb: float
    exit_code: int | None
    records: int
    failures: int
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"name": self.name, "seconds": round(self.seconds, 2), "peak_mb": round(self.peak_mb),
                "exit_code": self.exit_code, "records": self.records, "failures": self.failures,
                "problems": self.problems}


# ---------------------------------------------------------------------------- the inputs
def _write(d: Path, name: str, data: bytes | str) -> str:
    p = d / name
    p.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    return str(p)


def _warc(n: int = 3, packed: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=packed)
    for i, text in enumerate(good_articles(n, seed=7)):
        body = f"<html><head><title>Story {i}</title></head><body><article><p>{text}</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.org/story-{i}", "response",
                                                      payload=io.BytesIO(body.encode()), http_headers=headers))
    return buf.getvalue()


def _unicode_soup(n: int, seed: int) -> str:
    """Characters from every corner of Unicode: marks, format characters, digits of other scripts,
    superscripts, emoji, private use, line and paragraph separators, between invented words."""
    rng = random.Random(seed)
    pool = ("\u00b2\u00b3\u00b9\u2070\u2074\u2075\u2079\u2080\u2089\u00bd\u2153\u0663\u0967\u0e53\uff13"
            "\u200b\u200c\u200d\u2060\ufeff\u00ad\u202e\u202d\u2028\u2029\u0085\u000b\u000c"
            "\u0301\u0308\u20dd\U0001f600\U0001f1fa\U0001f1f8\ue000\U000f0000\ufffd\u3000"
            "\u201c\u201d\u2018\u2019\u00ab\u00bb\u2014\u2013\u2026\u00a0\u2009\u00df\u0130\u0131\ufb01")
    words = " ".join(_PEOPLE + _PLACES).split()
    out = []
    for _ in range(n):
        r = rng.random()
        out.append(rng.choice(pool) if r < 0.5 else rng.choice(words) if r < 0.9 else rng.choice(" .,;\"'\n"))
    return "".join(out)


def _cases() -> list[Case]:
    good = good_articles(1, seed=3)[0]

    def txt(name: str, data, budget: float = 60.0, quick: bool = True) -> Case:
        return Case(name, lambda d, n=name, x=data: _write(d, n, x() if callable(x) else x), budget, quick)

    def jsonl_lines() -> str:
        lines = [
            '{"text": "\\ud800 a lone surrogate"}',
            '{"text": ' + "[" * 1000 + "]" * 1000 + "}",
            '{"text": "x", "id": ' + "9" * 4400 + "}",
            json.dumps({"text": good, "title": ["not", "a", "string"]}),
            json.dumps({"text": good, "outlet": {"name": "x"}}),
            json.dumps({"text": good, "id": [1, 2]}),
            json.dumps({"text": good, "published": 20250203}),
            json.dumps({"text": good, "published": "next Tuesday"}),
            "[1, 2, 3]",
            "{not json",
            json.dumps({"text": ""}),
            json.dumps({"no_text": good}),
            json.dumps({"text": good.replace("Monday", "Friday"), "id": 12}),  # a good line: must come through
        ]
        return "\ufeff" + "\n".join(lines) + "\n"

    def symlink(name: str, target: str) -> Case:
        def make(d: Path) -> str:
            p = d / name
            p.symlink_to(target)
            return str(p)
        return Case(name, make, 10.0)

    def loop(d: Path) -> str:
        (d / "loop-a").symlink_to(d / "loop-b")
        (d / "loop-b").symlink_to(d / "loop-a")
        return str(d / "loop-a")

    def fifo(d: Path) -> str:
        p = d / "pipe.txt"
        os.mkfifo(p)
        return str(p)

    def folder(d: Path) -> str:
        (d / "folder.txt").mkdir()
        return str(d / "folder.txt")

    def bomb(d: Path) -> str:
        p = d / "bomb.txt.gz"
        with gzip.open(p, "wb", compresslevel=9) as fh:
            block = b"a " * (1 << 19)
            for _ in range(64):  # 64 MiB of text in ~64 KB
                fh.write(block)
        return str(p)

    def deep_html(depth: int):
        return lambda: ("<html><body>" + "<div>" * depth + f"<p>{good}</p>" + "</div>" * depth + "</body></html>")

    cases = [
        txt("empty.txt", b""),
        txt("spaces.txt", " \n\t\n " * 100),
        txt("binary.txt", bytes(random.Random(5).randbytes(20_000))),
        txt("latin1.txt", ("Caf\xe9 " + good).encode("latin-1", "replace")),
        txt("zero-width.txt", "\u200b\u200c\u200d\u2060\ufeff" * 2000),
        txt("only-punctuation.txt", "!?.,;:-\"'()[]{}" * 2000),
        txt("superscripts.txt", "Maria Lopez, \u00b2, said the plan would fail. Ana Ruiz, \u2074\u2075, and the "
                                "\u0663\u0664-year-old envoy met in Varnholm on \u00b3 Monday. " + good),
        txt("guessed-values.txt", "The minister said on Monday that the dam would stand in 10,000 years. The "
                                  "999-year-old Ilse Varnholt agreed, and Tomas Quellin, 999, said so too. " + good),
        txt("unicode-soup.txt", lambda: _unicode_soup(5_000, 11)),
        txt("unicode-soup-50k.txt", lambda: _unicode_soup(50_000, 12), budget=240.0, quick=False),
        txt("cjk.txt", lambda: "".join(chr(0x4E00 + random.Random(i).randrange(20000)) + ("\u3002" if i % 17 == 0
                                                                                            else "") for i in range(3000))),
        txt("kana.txt", lambda: "".join(chr(0x3041 + i % 86) + ("\u3001" if i % 9 == 0 else "") for i in range(3000))),
        txt("quotes-5k.txt", good + " " + '"' * 5_000 + " " + good),
        txt("quotes-50k.txt", good + " " + '"' * 50_000 + " " + good, budget=240.0, quick=False),
        txt("punct-run.txt", good + " " + "!?.,;:" * 3_000 + " " + good),
        txt("long-url.txt", good + " https://example.org/" + "abcdefgh" * 2_000 + " " + good),
        txt("a-paragraphs-3k.txt", "a\n\n" * 3_000),
        txt("a-paragraphs-100k.txt", "a\n\n" * 100_000, budget=300.0, quick=False),
        txt("newlines.txt", "\n" * 200_000 + good),
        txt("long-30k.txt", lambda: "\n\n".join(good_articles(120, seed=4))),
        txt("long-990k.txt", lambda: "\n\n".join(good_articles(4000, seed=5))[:990_000], budget=600.0, quick=False),
        txt("over-bytes.txt", good + " " + "word " * 900_000),
        Case("bomb.txt.gz", bomb, 20.0),
        txt("packed.txt.gz", gzip.compress(good.encode())),
        txt("deep-300.html", deep_html(300)),
        txt("deep-5000.html", deep_html(5000), budget=120.0, quick=False),
        txt("script-only.html", "<html><body><script>" + "var a = 1;" * 1000 + "</script></body></html>"),
        txt("unclosed.html", "<html><body>" + "<p><b><i>" * 500 + good),
        txt("broken-feed.xml", "<?xml version='1.0'?><rss><channel><item><title>x</title><description>" + good),
        txt("empty-feed.xml", "<?xml version='1.0'?><rss version='2.0'><channel></channel></rss>"),
        txt("laughs-feed.xml", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
                               + "".join(f'<!ENTITY {c} "&{p};&{p};&{p};&{p};&{p};&{p};&{p};&{p};&{p};&{p};">'
                                         for p, c in zip("abcdefgh", "bcdefghi"))
                               + "]><rss><channel><item><description>&i;</description></item></channel></rss>"),
        txt("bad-lines.jsonl", jsonl_lines),
        txt("empty.jsonl", b""),
        txt("cut.warc.gz", lambda: _warc(3)[:-40]),
        txt("cut-header.warc", lambda: _warc(2, packed=False)[:25]),
        txt("garbage.warc", b"WARC/1.0\r\n" + random.Random(9).randbytes(5_000)),
        txt("whole.warc.gz", lambda: _warc(2)),
        symlink("zero.txt", "/dev/zero"),
        symlink("dangling.txt", "/nonexistent/newsledger/file.txt"),
        Case("loop-a", loop, 10.0),
        Case("folder.txt", folder, 10.0),
        Case("missing.txt", lambda d: str(d / "no-such-file.txt"), 10.0),
    ]
    if hasattr(os, "mkfifo"):
        cases.append(Case("pipe.txt", fifo, 10.0))
    return cases


def generate(folder: Path, quick: bool = True) -> list[tuple[Case, str]]:
    """Make every input (the quick ones only with ``quick``) in ``folder``; (case, path) pairs."""
    folder.mkdir(parents=True, exist_ok=True)
    return [(c, c.make(folder)) for c in _cases() if c.quick or not quick]


# ---------------------------------------------------------------------------- running
def _run(args: list[str], budget: float) -> tuple[int | None, str, str, float, float]:
    """(exit code or None when over budget, stdout, stderr, seconds, peak RSS MB) of one CLI run."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, "-m", "newsledger", *args], stdout=out, stderr=err,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        code: int | None = None
        peak = 0.0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                peak = usage.ru_maxrss / 1024
                proc.returncode = code
                break
            if time.monotonic() - start > budget:
                os.killpg(proc.pid, 9)
                _, status, usage = os.wait4(proc.pid, 0)
                peak = usage.ru_maxrss / 1024
                proc.returncode = -9
                break
            time.sleep(0.05)
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        return code, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"), seconds, peak


def _judge(name: str, code, stdout: str, stderr: str, seconds: float, peak: float, budget: float,
           goods: list[str]) -> Outcome:
    from .records import Record

    problems: list[str] = []
    if code is None:
        problems.append(f"over its time budget of {budget:g} s")
    elif code not in (0, 1):
        problems.append(f"exit code {code}")
    if "Traceback" in stderr:
        problems.append("a traceback on stderr")
    if "[N999]" in stderr or "internal error" in stderr:
        problems.append("an internal error: " + next(ln for ln in stderr.splitlines() if "internal error" in ln
                                                      or "[N999]" in ln)[:200])
    if peak > MEMORY_BOUND_MB:
        problems.append(f"peak memory {peak:.0f} MB over {MEMORY_BOUND_MB} MB")
    texts = []
    for line in stdout.splitlines():
        try:
            rec = Record.loads(line).validate()
            texts.append(rec.text)
        except Exception as exc:  # noqa: BLE001 - any bad record is a finding
            problems.append(f"an invalid record on stdout: {' '.join(str(exc).split())[:200]}")
    if code is not None:
        missing = [g for g in goods if g not in texts]
        if missing:
            problems.append(f"{len(missing)} good article(s) of the batch lost")
    fails = [ln for ln in stderr.splitlines() if ln.startswith("failed: ")]
    nameless = [ln for ln in fails if ln.startswith("failed: ?:")]
    if nameless:
        problems.append(f"a failure that does not say which input: {nameless[0][:200]}")
    for ln in stderr.splitlines():
        if ln and not (ln.startswith("failed: ") or ln.startswith("  - ") or " extracted, " in ln
                       or "resource_tracker" in ln):
            problems.append(f"an unexpected line on stderr: {ln[:200]}")
            break
    return Outcome(name, seconds, peak, code, len(texts), len(fails), problems)


def _goods(folder: Path, n: int) -> tuple[list[str], list[str]]:
    texts = good_articles(n, seed=21)
    paths = [_write(folder, f"good-{i}.txt", t) for i, t in enumerate(texts)]
    return texts, paths


def run_case(case: Case, path: str, folder: Path) -> Outcome:
    """One hostile input between two good articles, in its own process, within its budget."""
    texts, goods = _goods(folder, 2)
    limit = max(ARTICLE_TIMEOUT_S, int(case.budget_s * 0.8))  # a long input may use most of its budget
    code, out, err, secs, peak = _run(["extract", goods[0], path, goods[1], "-q", "--timeout", str(limit)],
                                      case.budget_s)
    return _judge(case.name, code, out, err, secs, peak, case.budget_s, texts)


def run_batch(folder: Path, quick: bool = True, budget_s: float = 300.0) -> Outcome:
    """Every (quick) hostile input in one run, good articles between them, within ``budget_s``."""
    cases = generate(folder / "inputs", quick)
    texts, goods = _goods(folder, len(cases) + 1)
    args = ["extract", "-q", "--timeout", str(ARTICLE_TIMEOUT_S)]
    for (case, path), good in zip(cases, goods):
        args += [good, path]
    args.append(goods[-1])
    code, out, err, secs, peak = _run(args, budget_s)
    outcome = _judge(f"batch of {len(cases)} hostile inputs", code, out, err, secs, peak, budget_s, texts)
    if code != 1:
        outcome.problems.append(f"exit code {code}, not 1 (some inputs must fail)")
    return outcome


def run_suite(folder: Path, quick: bool = False) -> list[Outcome]:
    """Each hostile input in its own process (see :func:`run_case`)."""
    return [run_case(case, path, folder) for case, path in generate(folder / "inputs", quick)]


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m newsledger.hostile", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="only the small inputs")
    ap.add_argument("--json", action="store_true", help="print the outcomes as JSON")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsledger-hostile-") as tmp:
        outcomes = []
        for case, path in generate(Path(tmp) / "inputs", args.quick):
            o = run_case(case, path, Path(tmp))
            outcomes.append(o)
            if not args.json:
                flag = "ok " if not o.problems else "BAD"
                print(f"{flag} {o.name:24} {o.seconds:7.1f} s {o.peak_mb:6.0f} MB  exit {o.exit_code}  "
                      f"{o.records} record(s), {o.failures} failure(s)  {'; '.join(o.problems)}", flush=True)
    bad = [o for o in outcomes if o.problems]
    if args.json:
        print(json.dumps([o.to_json() for o in outcomes], indent=1))
    else:
        print(f"{len(outcomes)} hostile inputs, {len(bad)} with problems; peak memory "
              f"{max(o.peak_mb for o in outcomes):.0f} MB (bound {MEMORY_BOUND_MB} MB)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
