"""newsledger.ledger.track on the story series of ../shared/eval/series, with a stand-in linker.

Runs tools/track_eval.py (extraction through the CLI, member_of from the series' gold names, the figures
computed as ../shared/eval/score_series.py computes them) and fails when a figure drops below its floor.
The floors sit a little under what this branch measured with the extraction it was built on; the
linker's own evaluation (score_series.py through `newsledger ledger`) is the real gate. Skips where
../shared is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOORS = {
    "s2_journalist_swap": {"timeline_f1": 0.65, "claims_found": 0.8, "claim_outcome": 0.7, "claim_decided_by": 0.8,
                           "claims_precision": 0.8, "group_recall": 0.7},
    "s4_port_strike": {"timeline_f1": 0.65, "claims_found": 0.85, "claim_outcome": 0.35, "claim_decided_by": 0.45,
                       "claims_precision": 0.85, "group_recall": 0.2},
}


@pytest.mark.slow
@pytest.mark.parametrize("series", sorted(FLOORS))
def test_track_figures_stay_above_the_floors(shared_dir, series):
    path = shared_dir / "eval" / "series" / series
    if not (path / "series.gold.json").is_file():
        pytest.skip(f"no series {series} under ../shared")
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "track_eval.py"), str(path)],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    got["timeline_f1"] = got["timeline"]["f1"]
    low = {k: (got[k], floor) for k, floor in FLOORS[series].items() if got[k] < floor}
    assert not low, f"below the floor (got, floor): {low}"
