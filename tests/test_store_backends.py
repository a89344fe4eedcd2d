"""The same store cases on every backend: SQLite and PostgreSQL (a throwaway cluster, tests/pg_cluster.py;
the PostgreSQL cases skip where its binaries are absent). Adding, duplicates, replacing, bulk adds,
failures, search, exports (identical output from both), read-only opens, concurrent writers; then what is
PostgreSQL's own: migrations under a lock, portable SQL, masked passwords, an unreachable server.

Fast: records are built by hand (no model). Articles and names here are invented.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsledger.errors import MigrationError, StoreError
from newsledger.ledger import TABLES, open_store
from newsledger.ledger.export import PLOVER_TSV_COLUMNS, VIEWS
from newsledger.pipeline import Failure
from newsledger.records import Record, text_hash
from test_ledger import TEXT_B, record_a, record_b

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(params=["sqlite", "postgres"])
def location(request, tmp_path: Path) -> str:
    """Where a new, empty ledger goes: an SQLite file or a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "ledger.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(location: str):
    with open_store(location) as s:
        yield s


@pytest.fixture
def full(store):
    store.add(record_a())
    store.add(record_b())
    return store


def other(i: int) -> Record:
    return Record(id=f"o{i}", text=f"{TEXT_B} Report number {i} from the valley.", published="2025-03-09")


# ---------------------------------------------------------------------------- writing
def test_add_get_and_duplicates(store):
    assert store.add(record_a()) is True
    assert store.add(record_a()) is False                     # the same text: nothing changes
    assert store.add(record_a("another-id")) is False          # the same text under another id too
    assert store.get("quell-1") == record_a()
    assert store.has_hash(text_hash(record_a().text)) and store.has_id("quell-1") and not store.has_id("nope")
    assert store.stats() == {"documents": 1, "entities": 5, "statements": 3, "events": 1, "failures": 0}
    with pytest.raises(StoreError, match="no document with id 'nope'"):
        store.get("nope")


def test_a_taken_id_with_another_text_gets_a_suffix(store):
    store.add(record_a("same"))
    b = record_b("same")
    assert store.add(b) is True
    new = f"same~{text_hash(b.text)[:8]}"
    assert store.ids() == ["same", new] and store.get(new) == b.replace(id=new)


def test_replace_overwrites_the_same_id_or_text(store):
    store.add(record_a())
    fixed = record_a().replace(published="2025-03-06", outlet="Vessen Daily")
    assert store.add(fixed, replace=True) is True
    assert store.count() == 1 and store.get("quell-1").outlet == "Vessen Daily"
    assert store.stats()["entities"] == 5                       # the old parts went with the old row


def test_add_many_stores_a_batch_once(store):
    store.add(other(0))
    batch = [other(0), other(1), other(2), other(1).replace(id="again"), record_a("o2")]
    assert store.add_many(batch) == [False, True, True, False, True]
    assert store.count() == 4
    assert sorted(r.text for r in store.iter_records()) == sorted({r.text for r in batch})
    assert store.get("o1") == other(1)
    taken = [i for i in store.ids() if i.startswith("o2~")]
    assert len(taken) == 1 and store.get(taken[0]).text == record_a().text
    assert store.add_many([]) == []


def test_remove_and_iterate(full):
    assert [r.id for r in full.iter_records()] == ["quell-1", "lind-1"]
    assert full.get_many(["lind-1", "nope", "quell-1"]) == [record_b(), record_a()]
    assert full.remove("quell-1") is True and full.remove("quell-1") is False
    assert full.stats()["entities"] == 2


def test_failures_are_kept_and_cleared(store):
    f = Failure("inbox/empty.txt", "the file is empty; give an article with text", "N101")
    store.add_failure(f)
    store.add_failure(f)
    store.add_failure(Failure("inbox/quell.txt", "stage 'events' failed", "N400", doc_id="quell-1"))
    rows = {r["source"]: r for r in store.failures()}
    assert rows["inbox/empty.txt"]["attempts"] == 2 and rows["inbox/empty.txt"]["code"] == "N101"
    assert store.add(record_a())
    assert [r["source"] for r in store.failures()] == ["inbox/empty.txt"]


# ---------------------------------------------------------------------------- search
def test_search_words_phrases_scopes(full):
    hits = full.search("grain")
    assert {(h.doc_id, h.kind, h.ref) for h in hits} == {("lind-1", "article", None), ("lind-1", "statement", "s2")}
    assert all("[grain]" in h.snippet for h in hits) and hits == sorted(hits, key=lambda h: h.rank)
    assert [h.doc_id for h in full.search('"northern highway"')] == ["lind-1"]
    assert full.search('"highway northern"') == []
    assert {h.doc_id for h in full.search("Quellmouth OR Lindqvist", scope="articles")} == {"quell-1", "lind-1"}
    assert [h.doc_id for h in full.search("Brenn*", scope="articles")] == ["quell-1"]
    assert {h.ref for h in full.search("authority", scope="statements")} == {"s2", "s3"}
    assert full.search("Farmers", scope="statements") == []
    assert len(full.search("ferry OR grain OR authority", limit=2)) == 2
    with pytest.raises(StoreError, match="empty search query"):
        full.search("  ")
    with pytest.raises(StoreError, match="all, articles, statements"):
        full.search("x", scope="everything")


def test_search_ignores_accents_and_case(store):
    store.add(Record(id="cafe", text="The Café Müller in Ostrava reopened, owner Zdeňka Horáková said."))
    assert [h.doc_id for h in store.search("cafe muller")] == ["cafe"]
    assert [h.doc_id for h in store.search("ZDENKA")] == ["cafe"]


# ---------------------------------------------------------------------------- exports
def _export(store, fmt: str, table: str | None = None) -> str:
    buf = io.StringIO()
    store.export(fmt, table=table, stream=buf)
    return buf.getvalue()


@pytest.fixture
def both(tmp_path: Path, request):
    """The same two records in an SQLite and a PostgreSQL ledger."""
    stores = []
    for loc in (str(tmp_path / "same.db"), request.getfixturevalue("pg_url")):
        s = open_store(loc)
        s.add(record_a())
        s.add(record_b())
        stores.append(s)
    yield stores
    for s in stores:
        s.close()


def test_every_export_is_the_same_from_both_backends(both, tmp_path: Path):
    lite, pg = both
    for fmt in ("jsonl", "plover", "plover-tsv"):
        assert _export(lite, fmt) == _export(pg, fmt), fmt
    for view in VIEWS:
        assert _export(lite, "csv", view) == _export(pg, "csv", view), view
    clock = {"ingested_at", "at", "first_at"}  # when each was written: not the same moment
    for table in TABLES:
        a, b = (list(csv.DictReader(io.StringIO(_export(s, "csv", table)))) for s in both)
        a, b = ([sorted((k, v) for k, v in row.items() if k not in clock) for row in rows] for rows in (a, b))
        assert sorted(a) == sorted(b), table
    pq = pytest.importorskip("pyarrow.parquet")
    for s, name in ((lite, "lite"), (pg, "pg")):
        s.export("parquet", output=tmp_path / name)
    for table in TABLES:
        a, b = (pq.read_table(tmp_path / n / f"{table}.parquet") for n in ("lite", "pg"))
        assert a.schema == b.schema, table
        a, b = ([{k: v for k, v in row.items() if k not in clock} for row in t.to_pylist()] for t in (a, b))
        key = lambda r: json.dumps(r, sort_keys=True)  # noqa: E731
        assert sorted(a, key=key) == sorted(b, key=key), table


def test_parquet_has_real_lists_and_booleans(full, tmp_path: Path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    full.export("parquet", output=tmp_path / "ents.parquet", table="entities")
    ents = pq.read_table(tmp_path / "ents.parquet")
    assert pa.types.is_list(ents.schema.field("titles").type)
    assert ents.to_pylist()[0]["titles"] == ["Harbour master"] and ents.to_pylist()[0]["aliases"] == ["Brennick"]
    full.export("parquet", output=tmp_path / "st.parquet", table="statements")
    st = pq.read_table(tmp_path / "st.parquet")
    assert pa.types.is_boolean(st.schema.field("direct").type)
    assert st.column("direct").to_pylist() == [True, False, False, False, True]
    full.export("parquet", output=tmp_path / "ev.parquet", table="event_view")
    ev = {r["event_id"] + r["doc_id"]: r for r in pq.read_table(tmp_path / "ev.parquet").to_pylist()}
    assert ev["v1quell-1"]["sources"] == ["Tomas Ferrant"] and ev["v1quell-1"]["target_types"] == ["ORG"]
    assert ev["v1lind-1"]["sources"] == [] and ev["v1lind-1"]["location"] == "Lindqvist Valley"


def test_the_joined_views_name_speakers_and_actors(full):
    rows = list(csv.DictReader(io.StringIO(_export(full, "csv", "statement_view"))))
    got = [(r["doc_id"], r["statement_id"], r["speaker"], r["channel"], r["direct"]) for r in rows]
    assert got[:3] == [("quell-1", "s1", "Odile Brennick", "", "1"), ("quell-1", "s2", "Odile Brennick", "Radio Vessen", "0"),
                       ("quell-1", "s3", "Tomas Ferrant", "", "0")]
    assert json.loads(rows[1]["about"]) == ["Port Authority of Quellmouth"]
    ev = list(csv.DictReader(io.StringIO(_export(full, "csv", "event_view"))))
    assert (ev[0]["type"], json.loads(ev[0]["sources"]), json.loads(ev[0]["targets"]), ev[0]["location"]) == (
        "REQUEST", ["Tomas Ferrant"], ["Port Authority of Quellmouth"], "Quellmouth")


def test_plover_json_and_tsv(full, tmp_path: Path):
    events = [json.loads(x) for x in _export(full, "plover").splitlines()]
    assert [e["event_id"] for e in events] == ["quell-1:v1", "lind-1:v1"]
    q, lind = events
    assert q["event_type"] == "REQUEST" and q["event_mode"] == "assist" and q["context"] == []
    assert q["actors"]["source"] == [{"entity_id": "e5", "name": "Tomas Ferrant", "type": "PERSON"}]
    assert q["location"] == {"entity_id": "e4", "name": "Quellmouth", "type": "GPE"}
    sent = q["source_sentence"]
    assert record_a().text[sent["start"]:sent["end"]] == sent["text"]
    assert q["story"] == {"id": "quell-1", "url": "https://example.org/quell", "title": "Ferry to resume",
                          "outlet": "Vessen Post", "published": "2025-03-05"}
    assert lind["event_date"] == "2025-03-07" and lind["actors"]["source"] == []
    rows = list(csv.DictReader(io.StringIO(_export(full, "plover-tsv")), delimiter="\t"))
    assert tuple(rows[0]) == PLOVER_TSV_COLUMNS
    assert (rows[0]["source_actor"], rows[0]["target_actor_type"], rows[1]["location"]) == (
        "Tomas Ferrant", "ORG", "Lindqvist Valley")
    out = tmp_path / "events.tsv"
    assert full.export("plover-tsv", output=out) == [out] and out.read_text(encoding="utf-8") == _export(full, "plover-tsv")
    with pytest.raises(StoreError, match="--table is for csv and parquet"):
        full.export("plover", table="events")


# ---------------------------------------------------------------------------- reading modes
def test_readonly_reads_and_refuses_writes(location: str):
    with open_store(location) as s:
        s.add(record_a())
    with open_store(location, readonly=True) as ro:
        assert ro.readonly and ro.get("quell-1") == record_a() and ro.search("ferry")
        with pytest.raises(StoreError, match="read-only"):
            ro.add(record_b())
        with pytest.raises(StoreError, match="read-only"):
            ro.add_failure(Failure("x.txt", "empty", "N101"))
    with open_store(location) as s:
        assert s.count() == 1


def test_a_missing_ledger_is_not_created_by_a_reader(tmp_path: Path, request):
    for loc in (str(tmp_path / "none.db"), request.getfixturevalue("pg_url")):
        with pytest.raises(StoreError, match=r"no ledger (at|in) .*newsledger ingest FILE --db"):
            open_store(loc, create=False, readonly=True)
    assert not (tmp_path / "none.db").exists()


# ---------------------------------------------------------------------------- concurrent writers
_WRITER = """
import json, random, sys
from newsledger.ledger import open_store
from newsledger.records import Record
from newsledger.ledger.writer import StoreWriter
loc, path, seed, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
recs = [Record.from_json(json.loads(x)) for x in open(path, encoding="utf-8")]
random.Random(seed).shuffle(recs)
if mode == "writer":  # as ingest stores: batches of 5 on a writer thread
    with StoreWriter(loc, batch_size=5, batch_seconds=60) as w:
        for r in recs:
            w.put(r)
    sys.exit(0)
with open_store(loc) as s:
    if mode == "bulk":
        for i in range(0, len(recs), 7):
            s.add_many(recs[i:i + 7])
    else:
        for r in recs:
            s.add(r)
"""


def test_four_writers_at_once_lose_and_duplicate_nothing(location: str, tmp_path: Path):
    """Four processes open a new ledger at the same moment (so they migrate at once too) and write
    overlapping batches (one by one, with add_many, and two as ingest's writer does: one transaction for 5
    articles): every text is stored exactly once."""
    texts = [f"{record_a().text} Report number {i} from the harbour." for i in range(16)]
    # every writer has the same records, in its own order; ids clash between different texts
    path = tmp_path / "recs.jsonl"
    recs = [record_a(f"r{i % 10}").replace(text=t) for i, t in enumerate(texts)]
    path.write_text("".join(json.dumps(r.to_json()) + "\n" for r in recs), encoding="utf-8")
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, location, str(path), str(k), ("one", "bulk", "writer", "writer")[k]],
                              cwd=ROOT, stderr=subprocess.PIPE, text=True) for k in range(4)]
    errs = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errs
    with open_store(location, readonly=True) as s:
        stored = list(s.iter_records())
        assert s.schema_version >= 1
        linked = s._rows("SELECT COUNT(*) FROM ledger_members")[0][0]
    assert sorted(r.text for r in stored) == sorted(texts)
    assert len({r.id for r in stored}) == len(texts)
    assert linked == 5 * len(texts)  # every entity of every article is in the cross-article ledger
    assert not any("could not be linked" in e for e in errs), errs


# ---------------------------------------------------------------------------- PostgreSQL's own
def test_pg_migrations_are_recorded_once(pg_url: str):
    from newsledger.ledger.postgres import latest_pg_version

    with open_store(pg_url) as s:
        assert s.schema_version == latest_pg_version()
        assert s._rows("SELECT version FROM schema_migrations ORDER BY version") == [
            (v,) for v in range(1, latest_pg_version() + 1)]
    with open_store(pg_url) as s:  # reopening applies nothing
        assert s._migrate() == []


def test_pg_portable_sql_primitives(pg_url: str):
    with open_store(pg_url) as s:
        s.add(record_a())
        assert s._rows("SELECT name FROM entities WHERE doc_id = ? AND type = ? ORDER BY position",
                       ("quell-1", "ORG")) == [("Radio Vessen",), ("Port Authority of Quellmouth",)]
        assert s._rows("SELECT COUNT(*) FROM entities WHERE name LIKE '%Q%' AND doc_id = ?", ("quell-1",)) == [(2,)]
        assert s._rows("SELECT '?' || name FROM entities WHERE id = ?", ("e2",)) == [("?Radio Vessen",)]
        with s._transaction("a test"):
            assert s._exec("UPDATE entities SET name = ? WHERE id = ?", ("Radio V.", "e2")) == 1
        with pytest.raises(RuntimeError):
            with s._transaction("a test"):
                s._exec("DELETE FROM entities WHERE id = ?", ("e2",))
                raise RuntimeError("rolled back")
        assert s._rows("SELECT name FROM entities WHERE id = ?", ("e2",)) == [("Radio V.",)]


def test_translate_placeholders():
    from newsledger.ledger.postgres import translate_placeholders as t

    assert t("SELECT a FROM b WHERE c = ? AND d LIKE 'x%?' AND \"e?\" = ?") == \
        "SELECT a FROM b WHERE c = %s AND d LIKE 'x%%?' AND \"e?\" = %s"
    assert t("SELECT 100 % 7") == "SELECT 100 %% 7"


def test_pg_search_stems_english(pg_url: str):
    with open_store(pg_url) as s:
        s.add(Record(id="h", text="Three hostages were freed on Monday after talks in Varnholt."))
        assert [h.doc_id for h in s.search("hostage")] == ["h"]
        assert [h.doc_id for h in s.search("talking -Kelmar")] == ["h"]
        assert s.search("talks -Varnholt") == []
        assert s.search("the") == []  # only a stop word: nothing to look for


def test_pg_passwords_are_masked_and_an_unreachable_server_is_a_store_error(pg_cluster):
    import socket

    from newsledger.ledger.postgres import mask_url

    assert mask_url("postgresql://ann:s3cret@db.example:5432/news") == "postgresql://ann:***@db.example:5432/news"
    assert mask_url("postgresql://db.example/news?password=s3cret&sslmode=require") == \
        "postgresql://db.example/news?password=***&sslmode=require"
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens there
    with pytest.raises(StoreError) as err:
        open_store(f"postgresql://ann:s3cret@127.0.0.1:{port}/news")
    msg = str(err.value)
    assert "cannot connect to the PostgreSQL ledger" in msg and "server is running" in msg and "s3cret" not in msg
    assert "postgresql://ann:***@127.0.0.1" in msg
    with pytest.raises(StoreError, match="does not exist.*createdb"):
        open_store(pg_cluster.url("no_such_db"))


def test_pg_refuses_another_programs_database_and_a_newer_schema(pg_cluster):
    import psycopg

    url = pg_cluster.new_database()
    with psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE invoices (n INTEGER)")
    with pytest.raises(StoreError, match=r"other tables \(\[.invoices.\]\)"):
        open_store(url)
    url = pg_cluster.new_database()
    open_store(url).close()
    with psycopg.connect(url, autocommit=True) as con:
        con.execute("INSERT INTO schema_migrations VALUES (99, 'future', 'x')")
    with pytest.raises(MigrationError, match="newer than this newsledger"):
        open_store(url)


# ---------------------------------------------------------------------------- through the command line
def _cli(*args: str):
    """The command run in this process (typer's runner): ``returncode``, ``stdout``, ``stderr``."""
    from types import SimpleNamespace

    from typer.testing import CliRunner

    from newsledger.cli import app

    res = CliRunner().invoke(app, list(args))
    return SimpleNamespace(returncode=res.exit_code, stdout=res.stdout, stderr=res.stderr)


def test_the_read_commands_take_a_url_or_a_file(location: str, tmp_path: Path):
    with open_store(location) as s:
        s.add(record_a())
        s.add(record_b())
    p = _cli("show", "lind-1", "--db", location, "--format", "jsonl")
    assert p.returncode == 0 and Record.loads(p.stdout) == record_b()
    p = _cli("search", "grain", "--db", location, "--in", "statements")
    assert p.returncode == 0 and p.stdout.split("\t")[:3] == ["lind-1", "statement", "s2"]
    p = _cli("export", "--db", location, "--format", "plover-tsv")
    assert p.returncode == 0 and p.stdout.splitlines()[1].startswith("quell-1:v1\t")
    p = _cli("export", "--db", location, "--format", "csv", "--table", "event_view")
    assert p.returncode == 0 and "Tomas Ferrant" in p.stdout
    p = _cli("entity", "Odile Brennick", "--db", location, "--json")
    assert p.returncode == 0 and json.loads(p.stdout)["name"] == "Odile Brennick", p.stderr
    p = _cli("ledger", "--db", location)
    assert p.returncode == 0 and json.loads(p.stdout), p.stderr
    p = _cli("show", "nope", "--db", location)
    assert p.returncode == 2 and p.stderr.startswith("error: ") and "no document with id 'nope'" in p.stderr
    assert len(p.stderr.splitlines()) == 1


def test_the_cli_says_what_is_wrong_with_a_db(tmp_path: Path):
    p = _cli("search", "x", "--db", str(tmp_path))
    assert p.returncode == 2 and "is a directory" in p.stderr
    p = _cli("show", "x", "--db", "postgresql://ann:s3cret@127.0.0.1:1/news")
    assert p.returncode == 2 and "cannot connect" in p.stderr and "s3cret" not in p.stderr
    assert not list(tmp_path.iterdir())  # nothing was created on the way


# ---------------------------------------------------------------------------- the cross-article ledger
def _ledger_state(s) -> dict:
    """What the cross-article ledger holds, without its generated ids."""
    lj = s.ledger_json()
    by_lid = {e["id"]: e for e in lj.get("entities", [])} if isinstance(lj, dict) else {}
    members = sorted((d, e, s._rows("SELECT name FROM ledger_entities WHERE id = ?", (lid,))[0][0])
                     for d, e, lid in s._rows("SELECT doc_id, entity_id, lid FROM ledger_members"))
    return {"members": members, "n_entities": s._rows("SELECT COUNT(*) FROM ledger_entities")[0][0],
            "json_entities": len(by_lid)}


def test_the_cross_article_ledger_is_the_same_on_both_backends(both):
    """Two articles naming the same harbour master and port: linked alike by SQLite and PostgreSQL,
    found by name, kept through a replace, a relink and a removal."""
    lite, pg = both
    follow = record_a("quell-2").replace(text=record_a().text + " Officials met again on Wednesday.",
                                         published="2025-03-06")
    for s in both:
        s.add(follow)
    states = [_ledger_state(s) for s in both]
    assert states[0] == states[1]
    assert states[0]["n_entities"] >= 1 and len(states[0]["members"]) == 5 + 2 + 5
    for s in both:
        lid = s.resolve("Odile Brennick")
        docs = {d for d, _e, who in _ledger_state(s)["members"] if who == s._rows(
            "SELECT name FROM ledger_entities WHERE id = ?", (lid,))[0][0]}
        assert {"quell-1", "quell-2"} <= docs
        assert [h.ref for h in s.search("Brennick", scope="speakers")][:2] == ["s1", "s2"]
    for s in both:
        s.add(follow.replace(outlet="Vessen Daily"), replace=True)
        s.relink()
        s.remove("lind-1")
    assert _ledger_state(lite) == _ledger_state(pg)


@pytest.mark.parametrize("fault", ["python", "sql"])
def test_a_linking_fault_keeps_the_article_stored_and_unlinked(store, monkeypatch, fault: str, caplog):
    from newsledger.ledger import link as lk

    def broken(st, record):
        st._exec("INSERT INTO ledger_decisions (kind, a_doc, a_entity, b_doc, b_entity, made_at) "
                 "VALUES (?, ?, ?, ?, ?, ?)", ("merge", "a", "e1", "b", "e1", "now"))  # half done, then:
        if fault == "python":
            raise RuntimeError("a bug in linking")
        st._exec("INSERT INTO no_such_table VALUES (?)", (1,))
        st._rows("SELECT 1")

    monkeypatch.setattr(lk, "link_record", broken)
    assert store.add(record_a()) is True
    assert store.get("quell-1") == record_a() and store.stats()["entities"] == 5
    assert store._rows("SELECT COUNT(*) FROM ledger_decisions")[0][0] == 0  # the half-done link rolled back
    assert "could not be linked" in caplog.text
    monkeypatch.undo()
    assert store.add(record_b()) is True and store._rows("SELECT COUNT(*) FROM ledger_members")[0][0] == 2


def test_the_writer_thread_stores_in_order_and_reports_errors(location: str):
    from newsledger.ledger.writer import StoreWriter

    with StoreWriter(location) as w:
        for r in (record_a(), record_b(), record_a("again")):
            w.put(r, source="inbox")
    assert (w.stored, w.duplicates) == (2, 1)
    with open_store(location, readonly=True) as s:
        assert s.ids() == ["quell-1", "lind-1"] and s.get("lind-1") == record_b()
    w = StoreWriter(location)
    w.put("not a record")  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="Record"):
        w.close()


def test_both_backends_have_the_same_schema_versions():
    from newsledger.ledger.migrations import migrations
    from newsledger.ledger.postgres import pg_migrations

    assert [(m.version, m.name) for m in pg_migrations()] == [(m.version, m.name) for m in migrations()]


def test_search_ranks_only_the_newest_matches(store, monkeypatch):
    """A word found in most of a large archive is ranked over its newest matches only (a bound on the
    answer time); here the bound is 2."""
    from newsledger.ledger import postgres as pg_mod
    from newsledger.ledger import store as lite_mod

    monkeypatch.setattr(lite_mod, "_CANDIDATES", 2)
    monkeypatch.setattr(pg_mod, "_CANDIDATES", 2)
    store.add(Record(id="old", text="Harbour harbour harbour: the harbour report, all about the harbour."))
    for i in range(3):
        store.add(Record(id=f"new{i}", text=f"Notes number {i} on the town, and once on the harbour."))
    assert {h.doc_id for h in store.search("harbour", scope="articles")} == {"new1", "new2"}
    assert {h.doc_id for h in store.search("report", scope="articles")} == {"old"}  # few matches: all ranked


def test_a_batch_commits_its_writes_together_and_each_write_whole(location: str):
    """Store.batch: one transaction for many writes; other connections see them when the block ends; a
    write that raises inside is rolled back alone; an exception leaving the block rolls back all of it."""
    with open_store(location) as s, open_store(location) as reader:
        with s.batch():
            assert s.add(record_a()) is True
            with pytest.raises(StoreError):
                s.add("not a record")  # type: ignore[arg-type]
            with pytest.raises(StoreError):  # fails inside the database, after a first row went in
                with s._transaction("a write that fails"):
                    s._exec("DELETE FROM failures")
                    s._exec("INSERT INTO documents (id, content_hash, text, record_json, ingested_at) "
                            "VALUES ('quell-1', 'x', 'x', '{}', 'now')")
            assert s.add(record_a("twice")) is False  # its own uncommitted write counts as stored
            assert reader.count() == 0                # not committed yet
        assert reader.count() == 1 and reader.get("quell-1") == record_a()
        with pytest.raises(RuntimeError):
            with s.batch():
                s.add(record_b())
                raise RuntimeError("the caller failed")
        assert not s.has_hash(text_hash(TEXT_B)) and reader.ids() == ["quell-1"]


def test_the_writer_commits_in_batches_and_keeps_what_came_before_an_error(location: str):
    from newsledger.ledger.writer import StoreWriter

    w = StoreWriter(location, batch_size=100, batch_seconds=60)
    for r in (record_a(), "not a record", record_b()):
        w.put(r)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="Record"):
        w.close()
    with open_store(location, readonly=True) as s:
        assert s.ids() == ["quell-1"]  # before the bad record: committed; after it: never stored
    with StoreWriter(location, batch_size=2, batch_seconds=60) as w:
        for i in range(5):
            w.put(other(i))
    assert (w.stored, w.duplicates) == (5, 0)
    with open_store(location, readonly=True) as s:
        assert s.ids() == ["quell-1"] + [f"o{i}" for i in range(5)]
    with pytest.raises(StoreError, match="batch_size"):
        StoreWriter(location, batch_size=0)


def test_reads_and_writes_sent_together_match_one_by_one(full):
    """_rows_many answers each query as _rows does (one pipeline on PostgreSQL); _exec_many writes every row."""
    queries = [("SELECT id FROM entities WHERE doc_id = ? ORDER BY id", ("quell-1",)),
               ("SELECT COUNT(*) FROM documents", ()),
               ("SELECT id FROM documents WHERE id = ?", ("nobody",))]
    assert full._rows_many(queries) == [full._rows(q, p) for q, p in queries]
    with full._transaction("marks"):
        full._exec_many("INSERT INTO ledger_stale (what, key) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        [("doc", "x1"), ("doc", "x2"), ("doc", "x1")])
        full._exec_many("INSERT INTO ledger_stale (what, key) VALUES (?, ?)", [])
    assert full._rows("SELECT key FROM ledger_stale WHERE key LIKE 'x%' ORDER BY key") == [("x1",), ("x2",)]
    with pytest.raises(StoreError):
        full._rows_many([("SELECT 1", ()), ("SELECT * FROM no_such_table WHERE x = ?", (1,))])


def _every_row(s) -> dict[str, list]:
    """Every table's rows (sorted), without the columns that hold when a row was written or its serial number."""
    out = {}
    for table in sorted(s._tables() - {"schema_migrations"}):
        cols = [c for c, _ in s._table_columns(table) if c not in ("pk", "ingested_at", "at", "first_at", "made_at",
                                                                   "computed_at", "applied_at")]
        out[table] = sorted(map(repr, s._rows(f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {table}")))
    return out


def test_a_postgresql_batch_waits_twice_an_article_and_stores_what_single_writes_store(pg_cluster, monkeypatch):
    """Issue 13: in a batch (as the ingest writer stores), an article's insert goes out with the link lock and
    linking's reads, and its other rows with linking's writes and its savepoint's release: the client waits on
    the server twice an article (nine times before), and every table holds what storing one by one holds."""
    from psycopg import waiting
    from psycopg.waiting import Wait

    records = [record_a(), record_b(), *(other(i) for i in range(4)), record_a("quell-2")]  # the last: a duplicate
    one_by_one = pg_cluster.new_database()
    with open_store(one_by_one) as s:
        s.add(record_b("warm-up"))  # as below
        s.remove("warm-up")
        assert [s.add(r) for r in records] == [True] * 6 + [False]
        expected = _every_row(s)
    real, waits = waiting.wait, []

    def counting(gen, *args, **kwargs):
        blocked = []

        def watched():  # a wait that reads before it can write again is one round trip
            try:
                x = next(gen)
                while True:
                    blocked.append(x == Wait.R)
                    x = gen.send((yield x))
            except StopIteration as stop:
                return stop.value

        try:
            return real(watched(), *args, **kwargs)
        finally:
            waits.append(any(blocked))

    batched = pg_cluster.new_database()
    with open_store(batched) as s:
        with s.batch():  # the schema version, tracking rules and column types, read once a connection
            s.add(record_b("warm-up"))
        s.remove("warm-up")
        monkeypatch.setattr(waiting, "wait", counting)
        with s.batch():
            assert [s.add(r) for r in records] == [True] * 6 + [False]
        monkeypatch.setattr(waiting, "wait", real)
        # two an article, one more to find the duplicate stored, and four for the batch's transaction
        assert sum(waits) <= 2 * 6 + 3 + 4
        got = _every_row(s)
    assert got.keys() == expected.keys() and got == expected
