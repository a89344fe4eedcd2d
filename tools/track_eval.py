#!/usr/bin/env python3
"""Measure newsledger.ledger.track on a story series WITHOUT the cross-article linker (a development aid).

Usage: python tools/track_eval.py ../shared/eval/series/<series> [--records FILE.jsonl] [--show]

Extracts the series' articles with ``newsledger extract`` (or reads records from --records), builds a
stand-in ``member_of`` from the gold names (series.gold.json, the per-article gold is not read), computes
timelines, claims and groups with newsledger.ledger.track and prints the figures the way
../shared/eval/score_series.py computes them: timeline P/R/F1, claims_found, claim_outcome,
claim_decided_by, claims_precision, group_recall. The gold is read for measuring only.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from itertools import combinations
from pathlib import Path

from newsledger.ledger.track import claims, groups, timelines
from newsledger.records import Record


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("series", type=Path)
    ap.add_argument("--records", type=Path)
    ap.add_argument("--show", action="store_true", help="print each gold item next to what was found")
    ap.add_argument("--cli", help="the newsledger command (default: this Python's `-m newsledger`)")
    a = ap.parse_args()
    sys.path.insert(0, str(a.series.resolve().parent.parent))
    from score import PRF, dice, entity_strings, norm, token_subset_match, value_match  # noqa: E402
    from score_series import status_norm  # noqa: E402

    gold = json.loads((a.series / "series.gold.json").read_text())
    docs = gold["docs"]
    if a.records:
        lines = a.records.read_text().splitlines()
    else:
        with tempfile.TemporaryDirectory() as tmp:
            inp = Path(tmp) / "series.jsonl"
            with inp.open("w") as fh:
                for d in docs:
                    g = json.loads((a.series / f"{d}.gold.json").read_text())["doc"]
                    fh.write(json.dumps({"id": d, "text": (a.series / f"{d}.txt").read_text(),
                                         "published": g.get("published"), "outlet": g.get("outlet"),
                                         "title": g.get("title")}) + "\n")
            cmd = [a.cli] if a.cli else [sys.executable, "-m", "newsledger"]
            lines = subprocess.run([*cmd, "extract", str(inp), "-q"], capture_output=True, text=True,
                                   check=True).stdout.splitlines()
    raw = {r["id"]: r for r in map(json.loads, lines) if r}
    recs = [Record.from_json(r) for r in raw.values()]

    # stand-in linker: a document entity carrying a gold entity's names in that article is that gold entity
    member_of: dict[tuple[str, str], str] = {}
    for rid, r in raw.items():
        for e in r["entities"]:
            hits = [ge["id"] for ge in gold["entities"] if entity_strings(e) & {norm(n) for n in ge["docs"].get(rid, [])}]
            # entities the gold leaves out (places): one ledger entity per exact name, as any linker would give
            member_of[(rid, e["id"])] = Counter(hits).most_common(1)[0][0] if hits else "N:" + norm(e["name"])

    tls = {k: [x.to_json() for x in v] for k, v in timelines(recs, member_of).items()}
    pclaims = [c.to_json() for c in claims(recs, member_of)]
    grps = [g.to_json() for g in groups(recs, member_of)]

    tl = PRF()
    for st in gold.get("statuses", []):
        pred = tls.get(st["entity"], [])
        used = set()
        for entry in st["timeline"]:
            k = next((i for i, p in enumerate(pred) if i not in used and status_norm(p.get("status")) == entry["status"]
                      and value_match(str(p.get("date") or ""), entry["date"], 1)), None)
            if k is None:
                tl.fn += 1
                if a.show:
                    print("TL miss", st["entity"], entry["status"], entry["date"], entry["doc"])
            else:
                tl.tp += 1
                used.add(k)
        tl.fp += len(pred) - len(used)
        if a.show:
            for i, p in enumerate(pred):
                if i not in used:
                    print("TL extra", st["entity"], p)
    if a.show:
        gents = {s["entity"] for s in gold.get("statuses", [])}
        for k, v in tls.items():
            if k not in gents:
                print("TL extra (no gold timeline)", k, v)

    def statement_text(doc: str, sid: str) -> str:
        for s in raw.get(doc, {}).get("statements", []):
            if s.get("id") == sid:
                return s["content"]["text"]
        return ""

    found = outcome_ok = decided_ok = 0
    matched = set()
    for gc in gold.get("claims", []):
        k = next((i for i, pc in enumerate(pclaims) if i not in matched and pc.get("doc") == gc["doc"]
                  and dice(gc["content"], statement_text(pc["doc"], pc.get("statement", ""))) >= 0.5), None)
        if k is None:
            if a.show:
                print("CLAIM miss", gc["doc"], gc["kind"], gc["content"][:70])
            continue
        matched.add(k)
        found += 1
        pc = pclaims[k]
        outcome_ok += norm(pc.get("outcome")) == gc["outcome"]
        db_ = (pc.get("decided_by") or {}).get("doc")
        decided_ok += db_ == gc.get("decided_by")
        if a.show:
            mark = "ok " if norm(pc.get("outcome")) == gc["outcome"] and db_ == gc.get("decided_by") else "BAD"
            print(f"CLAIM {mark} {gc['doc']} {gc['content'][:60]!r}: gold {gc['outcome']} {gc.get('decided_by')} "
                  f"hz {gc.get('horizon')} / got {pc['outcome']} {pc.get('decided_by')} hz {pc.get('horizon')} "
                  f"reports {len(pc['reports'])}")
    if a.show:
        for i, pc in enumerate(pclaims):
            if i not in matched:
                print("CLAIM extra", pc["doc"], pc["statement"], pc["kind"], statement_text(pc["doc"], pc["statement"])[:70],
                      pc["outcome"], pc.get("decided_by"))
    n_claims = len(gold.get("claims", []))

    def gold_names(doc: str, gid: str) -> set[str]:
        g = json.loads((a.series / f"{doc}.gold.json").read_text())
        return {norm(n) for e in g["entities"] if e["id"] == gid for n in e["names"]}

    def local_id(kind: str, doc: str, item: dict) -> str | None:
        rec = raw.get(doc, {})
        text = item["text"]
        if kind == "statement":
            best = max(((dice(text, statement_text(doc, s.get("id", ""))), s.get("id")) for s in rec.get("statements", [])),
                       default=(0, None))
            return best[1] if best[0] >= 0.5 else None
        cands = []
        for e in rec.get("events", []):
            t = e["trigger"]["text"]
            if token_subset_match(str(t or ""), text) and (item.get("type") is None or e.get("type", "").upper() == item["type"]):
                cands.append(e)
        if len(cands) > 1 and item.get("date"):
            cands = [e for e in cands if value_match(str((e.get("date") or {}).get("value") or ""), item["date"], 0)] or cands
        if len(cands) > 1 and item.get("target"):
            names = gold_names(doc, item["target"])
            ents = {x.get("id"): x for x in rec.get("entities", [])}
            cands = [e for e in cands if any(entity_strings(ents.get(t, {})) & names for t in e.get("target") or [])] or cands
        return cands[0].get("id") if cands else None

    group_of = {(it["doc"], it["id"]): i for i, g in enumerate(grps) for it in g["items"]}
    grp_hit = grp_n = 0
    for g in gold.get("duplicates", []):
        ids = [(it["doc"], local_id(g["kind"], it["doc"], it)) for it in g["items"]]
        for x, y in combinations(ids, 2):
            grp_n += 1
            ok = x[1] is not None and y[1] is not None and group_of.get(x) is not None and group_of.get(x) == group_of.get(y)
            grp_hit += ok
            if a.show and not ok:
                print("GROUP miss", g["kind"], x, y, group_of.get(x), group_of.get(y))
    res = {"timeline": tl.as_dict(),
           "claims_found": round(found / n_claims, 3) if n_claims else 0.0,
           "claim_outcome": round(outcome_ok / found, 3) if found else 0.0,
           "claim_decided_by": round(decided_ok / found, 3) if found else 0.0,
           "claims_precision": round(len(matched) / len(pclaims), 3) if pclaims else 0.0,
           "group_recall": round(grp_hit / grp_n, 3) if grp_n else 0.0}
    print(json.dumps(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
