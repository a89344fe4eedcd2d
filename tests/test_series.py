"""Evaluation gate for the cross-article ledger: ``../shared/eval/score_series.py`` on each dev story
series (ingest, export, ``newsledger ledger``) must not fall below ``tests/series_floors.json``.

Floors are pinned with a hash of each series' files, like ``tests/eval_floors.json``; the test skips
where ``../shared`` is absent.

    python tests/test_series.py            # print the current figures next to the floors
    python tests/test_series.py --update   # raise the floors to the current figures (never lowers them)

Issue 9's targets, for reference: linking F1 >= 0.95, timeline F1 >= 0.80, claims_found >= 0.85,
claim_outcome >= 0.80, claim_decided_by >= 0.70, claims_precision >= 0.70, group_recall >= 0.70.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SERIES = SHARED / "eval" / "series"
SCORER = SHARED / "eval" / "score_series.py"
FLOORS = Path(__file__).with_name("series_floors.json")
EPS = 1e-9


def series_names() -> list[str]:
    return sorted(p.name for p in SERIES.iterdir() if (p / "series.gold.json").exists()) if SERIES.is_dir() else []


def series_hash(d: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(d.iterdir()):
        if f.is_file():
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def cli() -> str:
    exe = Path(sys.executable).with_name("newsledger")
    return str(exe) if exe.exists() else "newsledger"


def measure(name: str) -> dict[str, float]:
    p = subprocess.run([sys.executable, str(SCORER), str(SERIES / name), "--cli", cli(), "--json"],
                       capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert p.returncode == 0, p.stderr[-2000:]
    res = json.loads(p.stdout.strip().splitlines()[-1])
    flat = {"linking": res["linking"]["f1"] if isinstance(res["linking"], dict) else res["linking"],
            "timeline": res["timeline"]["f1"] if isinstance(res["timeline"], dict) else res["timeline"]}
    flat.update({k: float(res[k]) for k in ("claims_found", "claim_outcome", "claim_decided_by", "claims_precision",
                                            "group_recall")})
    return {k: round(float(v), 3) for k, v in flat.items()}


def load_floors() -> dict:
    return json.loads(FLOORS.read_text()) if FLOORS.exists() else {"series": {}}


@pytest.mark.skipif(not SCORER.exists(), reason="../shared (the story series and their scorer) is absent")
@pytest.mark.parametrize("name", series_names() or ["(none)"])
def test_series_stay_above_the_floors(name: str) -> None:
    if name == "(none)":
        pytest.skip("no story series in ../shared/eval/series")
    pinned = load_floors()["series"].get(name)
    assert pinned is not None, f"no floors for {name!r}: pin them with `python tests/test_series.py --update`"
    assert pinned["corpus_hash"] == series_hash(SERIES / name), (
        f"the series {name!r} changed; re-pin its floors with `python tests/test_series.py --update`")
    got = measure(name)
    below = {k: (got.get(k, 0.0), f) for k, f in pinned["floors"].items() if got.get(k, 0.0) + EPS < f}
    assert not below, f"{name}: scores fell below their floors: " + ", ".join(
        f"{k} {g:.3f} < {f:.3f}" for k, (g, f) in below.items())


def main(argv: list[str]) -> int:
    data = load_floors()
    for name in series_names():
        got = measure(name)
        old = data["series"].get(name, {}).get("floors", {})
        print(name, "  ".join(f"{k}={v:.3f} (floor {old.get(k, 0):.3f})" for k, v in got.items()))
        if "--update" in argv:
            same = data["series"].get(name, {}).get("corpus_hash") == series_hash(SERIES / name)
            new = {k: max(v, old.get(k, 0.0)) if same else v for k, v in got.items()}
            data["series"][name] = {"corpus_hash": series_hash(SERIES / name), "floors": new}
    if "--update" in argv:
        data["_comment"] = ("Floors of the cross-article ledger per story series (../shared/eval/series); see "
                            "tests/test_series.py. Raise them as scores rise; never lower them silently.")
        FLOORS.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
        print(f"floors written to {FLOORS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
