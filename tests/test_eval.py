"""Evaluation gate: the extraction scores must not fall below the floors.

Two gold sets: ``shared`` (../shared seed + dev, together) and ``own`` (tests/gold: articles we
wrote and annotated ourselves, never tuned on by the stage that is measured). For each, runs
``newsledger extract`` (the CLI, as a user would) on the articles, checks that every article gave a
valid record, scores the records with ../shared/eval/score.py, and compares each figure with
``tests/eval_floors.json``. Floors are pinned together with a hash of their gold corpus (a changed
corpus needs re-pinning). Skips where ../shared (and so the scorer) is absent.

    python tests/test_eval.py            # print the current figures next to the floors
    python tests/test_eval.py --update   # raise the floors to the current figures (never lowers them)
    python tests/test_eval.py --update --allow-lower   # re-pin, lowering where needed (say why in the commit)
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FLOORS = Path(__file__).with_name("eval_floors.json")
OWN = Path(__file__).with_name("gold")
SETS = {"shared": lambda shared: [shared / "seed", shared / "eval" / "dev"], "own": lambda shared: [OWN]}
# a small slack so that float rounding in the scorer never flips the gate
EPS = 1e-9


def corpus_files(dirs: list[Path]) -> list[Path]:
    files = []
    for d in dirs:
        files += sorted(d.glob("*.gold.json")) + sorted(d.glob("*.txt"))
    return files


def corpus_hash(dirs: list[Path]) -> str:
    h = hashlib.sha256()
    for f in corpus_files(dirs):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def measure(shared: Path, dirs: list[Path]) -> dict[str, float]:
    """Run the CLI on the gold articles of ``dirs`` together and return {metric: figure} (F1 for
    P/R metrics, else accuracy)."""
    sys.path.insert(0, str(shared / "eval"))
    try:
        import score  # the shared scorer, standard library only
    finally:
        sys.path.pop(0)
    from newsledger.records import Record

    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "gold"
        gold.mkdir()
        for f in corpus_files(dirs):
            shutil.copy(f, gold / f.name)
        golds = score.load_gold(gold)
        inp = Path(tmp) / "articles.jsonl"
        with inp.open("w", encoding="utf-8") as fh:
            for doc_id, (g, text) in golds.items():
                d = g.get("doc", {})
                fh.write(json.dumps({"id": doc_id, "text": text, "published": d.get("published"),
                                     "outlet": d.get("outlet"), "title": d.get("title"), "url": d.get("url")}) + "\n")
        proc = subprocess.run([sys.executable, "-m", "newsledger", "extract", str(inp), "--format", "jsonl", "-q"],
                              capture_output=True, text=True)
        assert proc.returncode == 0, f"extract failed on the gold articles:\n{proc.stderr[-3000:]}"
        lines = [x for x in proc.stdout.splitlines() if x.strip()]
        records = [Record.loads(x).validate() for x in lines]  # an invalid record fails here
        assert sorted(r.id for r in records) == sorted(golds), "every gold article must give exactly one record"
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text("\n".join(lines) + "\n", encoding="utf-8")
        out = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gold), str(pred), "--json"],
                             capture_output=True, text=True)
        assert out.returncode == 0, f"the scorer failed:\n{out.stderr[-3000:]}"
        total = json.loads(out.stdout)["total"]
    return {k: (v["f1"] if "f1" in v else v["acc"]) for k, v in total.items()}


def load_floors() -> dict:
    return json.loads(FLOORS.read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SETS))
def test_scores_stay_above_the_floors(shared_dir, name):
    dirs = SETS[name](shared_dir)
    if not corpus_files(dirs):
        pytest.skip(f"no gold articles for {name!r}")
    pinned = load_floors()["sets"].get(name)
    assert pinned is not None, f"no floors for {name!r}: pin them with `python tests/test_eval.py --update`"
    assert pinned["corpus_hash"] == corpus_hash(dirs), (
        f"the {name!r} gold corpus changed (hash {corpus_hash(dirs)}, floors pinned on {pinned['corpus_hash']}); "
        "re-pin with `python tests/test_eval.py --update --allow-lower` and say why in the commit")
    got = measure(shared_dir, dirs)
    below = {k: (got.get(k, 0.0), f) for k, f in pinned["floors"].items() if got.get(k, 0.0) + EPS < f}
    assert not below, f"{name}: scores fell below their floors: " + ", ".join(
        f"{k} {g:.3f} < {f:.3f}" for k, (g, f) in below.items())


def main(argv: list[str]) -> int:
    if not (SHARED / "eval" / "score.py").is_file():
        print("../shared is absent: nothing to measure")
        return 1
    data = load_floors() if FLOORS.exists() else {"sets": {}}
    data.setdefault("sets", {})
    below = 0
    for name, dirs_of in SETS.items():
        dirs = dirs_of(SHARED)
        if not corpus_files(dirs):
            continue
        got = measure(SHARED, dirs)
        old = data["sets"].get(name, {}).get("floors", {})
        print(f"== {name}")
        for k in sorted(got):
            low = got[k] + 1e-9 < old.get(k, 0.0)
            below += low
            print(f"{k:<16} {got[k]:.3f}   floor {old.get(k, 0.0):.3f}{'   BELOW THE FLOOR' if low else ''}")
        if "--update" in argv:
            allow_lower = "--allow-lower" in argv or data["sets"].get(name, {}).get("corpus_hash") != corpus_hash(dirs)
            new = {k: round(got[k] if allow_lower else max(got[k], old.get(k, 0.0)), 3) for k in got}
            data["sets"][name] = {"corpus_hash": corpus_hash(dirs), "floors": new}
    if "--update" in argv:
        data["_comment"] = ("Evaluation floors per gold set (shared: ../shared seed + dev together; own: tests/gold); "
                            "see tests/test_eval.py. Raise them as scores rise; never lower them silently.")
        FLOORS.write_text(json.dumps({"_comment": data["_comment"], "sets": data["sets"]}, indent=1) + "\n",
                          encoding="utf-8")
        print(f"floors written to {FLOORS}")
    if below and "--update" not in argv:
        print(f"{below} figure(s) below their floors")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
