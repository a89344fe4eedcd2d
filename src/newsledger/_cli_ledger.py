"""The cross-article ledger's commands: ``ledger``, ``entity`` (and ``entity merge|split``), ``relink``,
``claims``, ``timeline``. A thin layer over the store's ledger methods
(:class:`newsledger.ledger.rows.LedgerRowsMixin`); registered on the main Typer app by
:func:`register`. Read commands open the store read-only.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Any, List, Optional

import typer

from .errors import NewsledgerError, StoreError

__all__ = ["register", "pretty_ledger", "pretty_entity"]


class LedgerFormat(str, Enum):
    json = "json"
    pretty = "pretty"


class Outcome(str, Enum):
    fulfilled = "fulfilled"
    failed = "failed"
    partly = "partly"
    pending = "pending"


DbOpt = typer.Option("newsledger.db", "--db", envvar="NEWSLEDGER_DB", help="The ledger: an SQLite file or a postgresql:// URL.")


def _err(msg: str) -> None:
    sys.stderr.write(msg.rstrip("\n") + "\n")
    sys.stderr.flush()


def _fatal(exc: Exception) -> typer.Exit:
    _err(f"error: {exc}")
    return typer.Exit(2)


def _open(db: Path | str, readonly: bool):
    from .ledger.base import open_store
    from .ledger.migrations import latest_version

    location = str(db)
    store = open_store(location, create=False, readonly=readonly)
    version = store.schema_version
    if readonly and version < latest_version():
        store.close()
        raise StoreError(f"the ledger {location} is at schema version {version}, older than this "
                         f"newsledger's {latest_version()}; bring it up to date and link its articles once with "
                         f"`newsledger relink --db {location}`")
    return store


def _out(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


# ---------------------------------------------------------------------------- pretty printing
def _tl_line(t: dict) -> str:
    where = f"{t.get('doc')}" + (f"/{t['event']}" if t.get("event") else "") + \
        (f"/{t['statement']}" if t.get("statement") else "")
    return f"{t.get('date') or '????'}  {t.get('status')}  [{where}]"


def pretty_ledger(lj: dict[str, Any]) -> str:
    names = {e["id"]: e["name"] for e in lj["entities"]}
    out = [f"ledger as of {lj.get('as_of') or '(no dates)'}: {len(lj['entities'])} entities, "
           f"{len(lj['claims'])} claims, {len(lj['groups'])} duplicate groups", ""]
    for e in lj["entities"]:
        docs = sorted({m["doc"] for m in e["members"]})
        out.append(f"{e['id']}  {e['name']}  ({e['type']}, {len(docs)} article(s))")
        if e["aliases"]:
            out.append("    also: " + "; ".join(e["aliases"]))
        if e["why"]:
            out.append("    why: " + "; ".join(e["why"]))
        for t in e["timeline"]:
            out.append("    " + _tl_line(t))
    if lj["claims"]:
        out += ["", "claims:"]
        for c in lj["claims"]:
            who = names.get(c.get("speaker") or "", c.get("speaker") or "?")
            h = (c.get("horizon") or {}).get("value") if isinstance(c.get("horizon"), dict) else c.get("horizon")
            dec = c.get("decided_by") or {}
            out.append(f"  {c['id']}  {c.get('outcome')}  {who} ({c.get('kind')}) [{c['doc']}/{c['statement']}]"
                       + (f" horizon {h}" if h else "") + (f" decided by {dec.get('doc')}" if dec else ""))
    if lj["groups"]:
        out += ["", "duplicate groups:"]
        for g in lj["groups"]:
            out.append(f"  {g['kind']}: " + ", ".join(f"{i['doc']}/{i['id']}" for i in g["items"]))
    return "\n".join(out) + "\n"


def pretty_entity(p: dict[str, Any]) -> str:
    out = [f"{p['id']}  {p['name']}  ({p['type']})"]
    for outlet, names in p["names_by_outlet"].items():
        out.append(f"  {outlet}: " + "; ".join(names))
    if p["why"]:
        out.append("  linked because: " + "; ".join(p["why"]))
    for k, vals in p["attributes"].items():
        if vals:
            seen: dict[str, list[str]] = {}
            for v in vals:
                seen.setdefault(str(v["value"]), []).append(v["doc"])
            out.append(f"  {k}: " + "; ".join(f"{v} [{', '.join(ds)}]" for v, ds in seen.items()))
    if p["timeline"]:
        out.append("  timeline:")
        out += ["    " + _tl_line(t) for t in p["timeline"]]
    if p["statements_by"]:
        out.append("  said:")
        out += [f"    [{s['doc']}/{s['statement']}] ({s['kind']}) {s['content']}" for s in p["statements_by"]]
    if p["statements_about"]:
        out.append("  said about them:")
        out += [f"    [{s['doc']}/{s['statement']}] {s.get('speaker') or '?'}: {s['content']}"
                for s in p["statements_about"]]
    if p["events"]:
        out.append("  events:")
        out += [f"    [{v['doc']}/{v['event']}] {v['date'] or '????'} {v['type']} '{v['trigger']}' as {v['role']}"
                + ("" if v["status"] == "asserted" else f" ({v['status']})") for v in p["events"]]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------- commands
def ledger_cmd(
    db: str = DbOpt,
    fmt: LedgerFormat = typer.Option(LedgerFormat.json, "--format", "-f", help="json (the SPEC ledger JSON) or pretty."),
) -> None:
    """Print the cross-article ledger: entities across articles, timelines, claims, duplicate groups."""
    try:
        with _open(db, readonly=True) as store:
            lj = store.ledger_json()
    except NewsledgerError as exc:
        raise _fatal(exc)
    _out(json.dumps(lj, ensure_ascii=False, indent=1) if fmt is LedgerFormat.json else pretty_ledger(lj))


def entity_cmd(
    words: List[str] = typer.Argument(..., help="A name or id (L7); or `merge A B`; or `split L7 DOC ENTITY`."),
    db: str = DbOpt,
    as_json: bool = typer.Option(False, "--json", help="Print the profile as JSON."),
) -> None:
    """Show one entity across articles (names by outlet, attributes, timeline, statements, events);
    `entity merge A B` and `entity split L7 DOC ENTITY` correct the linking by hand."""
    try:
        if words[0] == "merge" and len(words) == 3:
            with _open(db, readonly=False) as store:
                kept = store.merge_entities(words[1], words[2])
            _err(f"merged into {kept}; the decision is kept and survives `newsledger relink`")
            return
        if words[0] == "split" and len(words) in (3, 4):
            lid, rest = words[1], words[2:]
            doc, ent = (rest[0], rest[1]) if len(rest) == 2 else (rest[0].rsplit("/", 1) + [""])[:2]
            if not ent:
                raise StoreError("say which member to split off: `newsledger entity split L7 DOC ENTITY` "
                                 "(or DOC/ENTITY), e.g. `newsledger entity split L7 d03 e2`")
            with _open(db, readonly=False) as store:
                new = store.split_entity(lid, doc, ent)
            _err(f"{doc}/{ent} is now {new}; the decision is kept and survives `newsledger relink`")
            return
        if words[0] in ("merge", "split"):
            raise StoreError(f"usage: `newsledger entity merge A B` or `newsledger entity split L7 DOC ENTITY`; "
                             f"to look up an entity named {words[0]!r} give its id")
        with _open(db, readonly=True) as store:
            prof = store.entity(" ".join(words))
    except NewsledgerError as exc:
        raise _fatal(exc)
    _out(json.dumps(prof, ensure_ascii=False, indent=1) if as_json else pretty_entity(prof))


def relink_cmd(db: str = DbOpt) -> None:
    """Link every stored article again from scratch, keeping the merges and splits made by hand."""
    try:
        with _open(db, readonly=False) as store:
            n = store.relink()
    except NewsledgerError as exc:
        raise _fatal(exc)
    _err(f"{n} ledger entities  ({db})")


def claims_cmd(
    db: str = DbOpt,
    outcome: Optional[Outcome] = typer.Option(None, "--outcome", help="Only claims with this outcome."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only claims by this person (a name or id)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per claim."),
) -> None:
    """List predictions and commitments with their outcome as of the newest article."""
    try:
        with _open(db, readonly=True) as store:
            cs = store.claims(outcome=outcome.value if outcome else None, speaker=speaker)
            names, said = {}, {}
            for c in cs:
                if c.get("speaker") and c["speaker"] not in names:
                    r = store._rows("SELECT name FROM ledger_entities WHERE id = ?", (c["speaker"],))
                    names[c["speaker"]] = r[0][0] if r else c["speaker"]
                r = store._rows("SELECT content FROM statements WHERE doc_id = ? AND id = ?", (c["doc"], c["statement"]))
                said[c["id"]] = " ".join(r[0][0].split()) if r else ""
    except NewsledgerError as exc:
        raise _fatal(exc)
    for c in cs:
        if as_json:
            _out(json.dumps(c, ensure_ascii=False))
        else:
            h = c.get("horizon")
            h = h.get("value") if isinstance(h, dict) else h
            dec = c.get("decided_by") or {}
            _out(f"{c['id']}\t{c.get('outcome')}\t{names.get(c.get('speaker'), '?')}\t{c.get('kind')}\t"
                 f"{c['doc']}/{c['statement']}\t{h or ''}\t{dec.get('doc') or ''}\t{said.get(c['id'], '')}")
    if not cs:
        _err("no claims")


def timeline_cmd(
    words: List[str] = typer.Argument(..., help="A name or id (L7)."),
    db: str = DbOpt,
    as_json: bool = typer.Option(False, "--json", help="Print the timeline as JSON."),
) -> None:
    """Show one person's status timeline (abducted, held, released, ...) with the report each rests on."""
    try:
        with _open(db, readonly=True) as store:
            lid = store.resolve(" ".join(words))
            tl = store.timeline(lid)
    except NewsledgerError as exc:
        raise _fatal(exc)
    if as_json:
        _out(json.dumps(tl, ensure_ascii=False, indent=1))
        return
    for t in tl:
        _out(_tl_line(t))
    if not tl:
        _err(f"no status reported for {lid}")


def register(app: typer.Typer) -> None:
    """Add the ledger commands to the ``newsledger`` app."""
    app.command("ledger")(ledger_cmd)
    app.command("entity")(entity_cmd)
    app.command("relink")(relink_cmd)
    app.command("claims")(claims_cmd)
    app.command("timeline")(timeline_cmd)
