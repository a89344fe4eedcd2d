"""What the ledger refresh at the end of an ingest costs on a large store (issue 13).

    python scripts/store_latency.py --n 20000 --sqlite /tmp/refresh20k.db   # build (and keep) the store once
    cp /tmp/refresh20k.db /tmp/copy.db                                        # time on a copy
    python scripts/refresh_latency.py --sqlite /tmp/copy.db --k 10 --full

First whatever is stale already is refreshed and timed (``pending``: on a store of an older schema, the full
recompute its migration asks for), then ``--k`` new synthetic articles (the same invented people, places and bodies
as the store's, publication dates among theirs) are stored with ``add_many`` and the refresh an ingest runs after
them is timed (``refresh``); with ``--full`` a full recompute (``refresh_ledger(full=True)``, what every ingest paid
before the refresh was incremental) is timed last. Wall and CPU seconds, as JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_latency import make_people, synthetic, _word  # noqa: E402  (puts this tree's src first on sys.path)

from newsledger.ledger import open_store  # noqa: E402


def timed(fn) -> tuple[object, float, float]:
    t, c = time.perf_counter(), time.process_time()
    out = fn()
    return out, round(time.perf_counter() - t, 2), round(time.process_time() - c, 2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sqlite", required=True, help="a store built by scripts/store_latency.py --sqlite PATH")
    ap.add_argument("--k", type=int, default=10, help="articles in the ingest")
    ap.add_argument("--full", action="store_true", help="also time a full recompute")
    ap.add_argument("--seed", type=int, default=7, help="the seed the store was built with")
    args = ap.parse_args()
    out: dict = {}
    with open_store(args.sqlite) as s:
        n = s.count()
        rng = random.Random(args.seed)  # the people, places and bodies store_latency made for a store of n
        people = make_people(rng, max(50, n // 20))
        places = [_word(rng, 3) for _ in range(max(20, n // 100))]
        bodies = [f"{_word(rng, 2)} {w}" for w in ("Union", "Council", "Authority", "Party") for _ in range(10)]
        out["articles"] = n
        out["pending"], out["pending_s"], out["pending_cpu_s"] = timed(s.refresh_ledger)
        start = n
        while s.has_id(f"syn-{start}"):
            start += 1000
        recs = [synthetic(start + j, rng, people, places, bodies) for j in range(args.k)]
        _, out["store_s"], out["store_cpu_s"] = timed(lambda: s.add_many(recs))
        out["refresh"], out["refresh_s"], out["refresh_cpu_s"] = timed(s.refresh_ledger)
        if args.full:
            try:
                out["full"], out["full_s"], out["full_cpu_s"] = timed(lambda: s.refresh_ledger(full=True))
            except TypeError:  # a newsledger before issue 13: its refresh after an ingest is the full one
                out["full"] = None
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
