"""The SQLite ledger: migrations, duplicates, round trips, search, exports, integrity, failures.

Fast: records are built by hand (no model). Articles and names here are invented.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.errors import MigrationError, RecordError, StoreError
from newsledger.ledger import TABLES, Ledger, SearchHit, latest_version
from newsledger.ledger import migrations as mig
from newsledger.ledger import store as store_mod
from newsledger.pipeline import Failure
from newsledger.records import (
    EVENT_STATUSES,
    EVENT_TYPES,
    RELATION_TYPES,
    STATEMENT_KINDS,
    Attributes,
    Entity,
    Event,
    Record,
    Relation,
    Span,
    Statement,
    Time,
    TimeValue,
    text_hash,
)

# ---------------------------------------------------------------------------- a hand-made record
TEXT_A = ('Harbour master Odile Brennick, 52, said on Tuesday that "the Quellmouth ferry will resume by March." '
          'She told Radio Vessen that the Port Authority of Quellmouth had no choice. '
          'The mayor, Tomas Ferrant, urged the authority to pay the crews.')
TEXT_B = ('Farmers in Lindqvist Valley blocked the northern highway on Friday. Union leader Mirela Sandgren '
          'denied that the protest was violent and vowed to "stay until the grain price is fixed."')


def sp(text: str, s: str, nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = text.index(s, i + 1)
    return Span(i, i + len(s), s)


def record_a(doc_id: str = "quell-1") -> Record:
    t = TEXT_A
    e1 = Entity("e1", "PERSON", "Odile Brennick", ("Brennick",), (sp(t, "Odile Brennick"), sp(t, "She")),
                Attributes(age=52, titles=("Harbour master",), affiliation=("e3",)))
    e2 = Entity("e2", "ORG", "Radio Vessen", (), (sp(t, "Radio Vessen"),))
    e3 = Entity("e3", "ORG", "Port Authority of Quellmouth", ("the authority",),
                (sp(t, "Port Authority of Quellmouth"), sp(t, "the authority")))
    e4 = Entity("e4", "GPE", "Quellmouth", (), (sp(t, "Quellmouth"),))
    e5 = Entity("e5", "PERSON", "Tomas Ferrant", (), (sp(t, "Tomas Ferrant"),), Attributes(titles=("mayor",)))
    s1 = Statement("s1", "e1", "Odile Brennick", "said", None, None, True,
                   sp(t, "the Quellmouth ferry will resume by March."),
                   sp(t, t[:t.index("She")].rstrip()), about=("e4",), kind="prediction",
                   date=TimeValue("2025-03-04", "on Tuesday"), horizon=TimeValue("2025-03", "by March"),
                   parts=(sp(t, "the Quellmouth ferry will resume by March."),))
    s2 = Statement("s2", "e1", "She", "told", "e2", "Radio Vessen", False,
                   sp(t, "the Port Authority of Quellmouth had no choice"),
                   sp(t, "She told Radio Vessen that the Port Authority of Quellmouth had no choice."), about=("e3",))
    s3 = Statement("s3", "e5", "Tomas Ferrant", "urged", None, None, False, sp(t, "the authority to pay the crews"),
                   sp(t, "The mayor, Tomas Ferrant, urged the authority to pay the crews."), about=("e3",),
                   kind="demand")
    v1 = Event("v1", "REQUEST", sp(t, "urged"), sp(t, "The mayor, Tomas Ferrant, urged the authority to pay the crews."),
               mode="assist", source=("e5",), target=("e3",), location="e4", mentions=(sp(t, "urged"),), cameo="0234")
    r1 = Relation("member_of", "e1", "e3", sp(t, t[:t.index(",")]))
    times = (Time(*_se(t, "Tuesday"), "Tuesday", "DATE", "2025-03-04", "published"),
             Time(*_se(t, "March"), "March", "DATE", "2025-03", "published"))
    return Record(id=doc_id, text=t, published="2025-03-05", outlet="Vessen Post", title="Ferry to resume",
                  url="https://example.org/quell", entities=(e1, e2, e3, e4, e5), relations=(r1,),
                  statements=(s1, s2, s3), events=(v1,), times=times, unresolved=(sp(t, "The mayor"),))


def record_b(doc_id: str = "lind-1") -> Record:
    t = TEXT_B
    e1 = Entity("e1", "PERSON", "Mirela Sandgren", (), (sp(t, "Mirela Sandgren"),), Attributes(titles=("Union leader",)))
    e2 = Entity("e2", "LOC", "Lindqvist Valley", (), (sp(t, "Lindqvist Valley"),))
    s1 = Statement("s1", "e1", "Mirela Sandgren", "denied", None, None, False, sp(t, "the protest was violent"),
                   sp(t, t[t.index("Union"):]), kind="denial")
    s2 = Statement("s2", "e1", "Mirela Sandgren", "vowed", None, None, True, sp(t, "stay until the grain price is fixed."),
                   sp(t, t[t.index("Union"):]), kind="commitment")
    v1 = Event("v1", "PROTEST", sp(t, "blocked"), sp(t, t[:t.index("Friday") + 7]), mode="obstruct", location="e2",
               date=TimeValue("2025-03-07", "on Friday"))
    return Record(id=doc_id, text=t, published="2025-03-08", entities=(e1, e2), statements=(s1, s2), events=(v1,))


def _se(text: str, s: str) -> tuple[int, int]:
    i = text.index(s)
    return i, i + len(s)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"


@pytest.fixture
def ledger(db: Path):
    with Ledger(db) as led:
        yield led


def fk_problems(led: Ledger) -> list:
    return led.con.execute("PRAGMA foreign_key_check").fetchall()


def dump(path: Path) -> list[str]:
    """Every row of the user tables, for comparing two states of a ledger (timestamps dropped)."""
    con = sqlite3.connect(path)
    try:
        out = []
        for t in TABLES:
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({t})") if r[1] not in ("ingested_at", "at", "first_at")]
            out += [f"{t}: {row}" for row in con.execute(f"SELECT {', '.join(cols)} FROM {t} ORDER BY rowid")]
        return out
    finally:
        con.close()


# ---------------------------------------------------------------------------- opening and migrations
def test_a_new_file_is_migrated_to_the_latest_schema(db: Path):
    with Ledger(db) as led:
        assert led.schema_version == latest_version()
        rows = led.con.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
        assert [r[0] for r in rows] == list(range(1, latest_version() + 1))
        assert led.con.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        assert led.con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert led.con.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        names = {r[0] for r in led.con.execute("SELECT name FROM sqlite_master")}
        assert set(TABLES) | {"documents_fts", "statements_fts", "schema_migrations"} <= names
        assert led.count() == 0
        assert led.stats() == {"documents": 0, "entities": 0, "statements": 0, "events": 0, "failures": 0}


def test_reopening_is_idempotent_and_keeps_the_data(db: Path):
    with Ledger(db) as led:
        led.add(record_a())
    with Ledger(db) as led:
        assert mig.migrate(led.con, db) == []
        assert led.con.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0] == latest_version()
        assert led.get("quell-1") == record_a()
    with Ledger(db, create=False) as led:
        assert led.count() == 1


def test_migration_files_split_into_whole_statements():
    sql = mig.migrations()[0].sql
    stmts = mig.split_statements(sql)
    assert all(sqlite3.complete_statement(s + ("" if s.endswith(";") else ";")) for s in stmts)
    assert any(s.startswith("CREATE TRIGGER") and s.rstrip().endswith("END;") for s in stmts)


def test_a_later_migration_upgrades_an_old_ledger_in_place(db: Path, monkeypatch):
    with Ledger(db) as led:
        led.add(record_a())
    extra = mig.Migration(latest_version() + 1, "add_note", "ALTER TABLE documents ADD COLUMN note TEXT;\n"
                                                            "UPDATE documents SET note = 'old';\n")
    shipped = mig.migrations()
    monkeypatch.setattr(mig, "migrations", lambda: (*shipped, extra))
    with Ledger(db) as led:
        assert led.schema_version == extra.version
        assert led.con.execute("SELECT note FROM documents").fetchall() == [("old",)]
        assert led.con.execute("PRAGMA user_version").fetchone()[0] == extra.version
        assert led.get("quell-1") == record_a()


def test_a_failing_migration_rolls_back_whole(db: Path, monkeypatch):
    Ledger(db).close()
    bad = mig.Migration(latest_version() + 1, "broken", "CREATE TABLE half (x INTEGER);\nSELECT * FROM nowhere;\n")
    shipped = mig.migrations()
    monkeypatch.setattr(mig, "migrations", lambda: (*shipped, bad))
    with pytest.raises(MigrationError, match="broken.*previous version"):
        Ledger(db)
    monkeypatch.setattr(mig, "migrations", lambda: shipped)
    with Ledger(db) as led:
        assert led.schema_version == latest_version()
        assert "half" not in {r[0] for r in led.con.execute("SELECT name FROM sqlite_master")}


def test_a_newer_schema_is_refused(db: Path):
    Ledger(db).close()
    con = sqlite3.connect(db)
    con.execute("INSERT INTO schema_migrations VALUES (?, 'from_the_future', '2030-01-01')", (latest_version() + 5,))
    con.commit()
    con.close()
    with pytest.raises(MigrationError, match="upgrade newsledger"):
        Ledger(db)


def test_a_missing_ledger_is_not_created_when_create_is_false(db: Path):
    with pytest.raises(StoreError, match=r"no ledger at .*newsledger ingest FILE --db"):
        Ledger(db, create=False)
    assert not db.exists()


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path):
    p = tmp_path / "notes.db"
    p.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError, match="not an SQLite database"):
        Ledger(p)
    assert p.read_text().startswith("these are my notes")


def test_another_programs_database_is_refused(tmp_path: Path):
    p = tmp_path / "other.db"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not a newsledger ledger"):
        Ledger(p)


def test_a_directory_is_refused(tmp_path: Path):
    with pytest.raises(StoreError, match="is a directory"):
        Ledger(tmp_path)


def test_missing_parent_folders_are_created(tmp_path: Path):
    with Ledger(tmp_path / "a" / "b" / "l.db") as led:
        assert led.add(record_a())


def test_a_closed_ledger_says_so(db: Path):
    led = Ledger(db)
    led.close()
    led.close()
    with pytest.raises(StoreError, match="closed"):
        led.count()


# ---------------------------------------------------------------------------- adding and getting
def test_add_stores_every_part(ledger: Ledger):
    assert ledger.add(record_a(), source="feeds/quell.txt")
    con = ledger.con
    assert ledger.has_hash(text_hash(TEXT_A)) and not ledger.has_hash(text_hash(TEXT_B))
    assert ledger.stats() == {"documents": 1, "entities": 5, "statements": 3, "events": 1, "failures": 0}
    assert con.execute("SELECT source, outlet, title FROM documents").fetchone() == ("feeds/quell.txt", "Vessen Post",
                                                                                     "Ferry to resume")
    assert con.execute("SELECT COUNT(*) FROM mentions").fetchone()[0] == 7
    assert con.execute("SELECT age, titles, affiliation FROM entities WHERE id = 'e1'").fetchone() == (
        52, '["Harbour master"]', '["e3"]')
    row = con.execute("SELECT speaker, channel, direct, kind, content, date_value, horizon_value, horizon_text "
                      "FROM statements WHERE id = 's1'").fetchone()
    assert row == ("e1", None, 1, "prediction", "the Quellmouth ferry will resume by March.", "2025-03-04", "2025-03",
                   "by March")
    assert con.execute("SELECT entity_id FROM statement_about WHERE statement_id = 's2'").fetchall() == [("e3",)]
    assert con.execute("SELECT COUNT(*) FROM statement_parts").fetchone()[0] == 1
    assert con.execute("SELECT role, entity_id FROM event_participants ORDER BY role").fetchall() == [
        ("source", "e5"), ("target", "e3")]
    assert con.execute("SELECT type, mode, location, cameo FROM events").fetchone() == ("REQUEST", "assist", "e4", "0234")
    assert con.execute("SELECT type, subject, object FROM relations").fetchone() == ("member_of", "e1", "e3")
    assert con.execute("SELECT text, value FROM times ORDER BY position").fetchall() == [
        ("Tuesday", "2025-03-04"), ("March", "2025-03")]
    assert con.execute("SELECT text FROM unresolved").fetchall() == [("The mayor",)]
    # every stored span is the text at its offsets
    for table, s, e, col in (("mentions", "start", "end", "text"), ("statements", "content_start", "content_end", "content"),
                             ("events", "trigger_start", "trigger_end", "trigger")):
        for start, end, text in con.execute(f"SELECT {s}, {e}, {col} FROM {table}"):
            assert TEXT_A[start:end] == text
    assert fk_problems(ledger) == []


def test_the_same_text_is_skipped_and_nothing_changes(ledger: Ledger, db: Path):
    assert ledger.add(record_a())
    before = dump(db)
    assert not ledger.add(record_a())
    assert not ledger.add(record_a("another-id"))  # the same text under another id is the same article
    assert dump(db) == before
    assert ledger.count() == 1


def test_a_taken_id_with_another_text_gets_a_suffix(ledger: Ledger):
    a, b = record_a("story"), record_b("story")
    assert ledger.add(a) and ledger.add(b)
    new_id = f"story~{text_hash(TEXT_B)[:8]}"
    assert ledger.ids() == ["story", new_id]
    assert ledger.get("story") == a
    assert ledger.get(new_id) == b.replace(id=new_id)
    assert fk_problems(ledger) == []


def test_get_a_missing_id_suggests_search(ledger: Ledger):
    with pytest.raises(StoreError, match=r"no document with id 'nope'.*newsledger search"):
        ledger.get("nope")


def test_an_invalid_record_is_refused_and_nothing_stored(ledger: Ledger):
    rec = record_a()
    broken = rec.replace(statements=(rec.statements[0].__class__(**{**_fields(rec.statements[0]), "speaker": "e99"}),))
    with pytest.raises(RecordError, match="e99"):
        ledger.add(broken)
    assert ledger.count() == 0
    with pytest.raises(StoreError, match="Record"):
        ledger.add(rec.to_json())  # type: ignore[arg-type]


def _fields(obj) -> dict:
    return {k: getattr(obj, k) for k in obj.__slots__}


def test_a_crash_inside_add_leaves_nothing_half_stored(ledger: Ledger, monkeypatch):
    ledger.add(record_b())
    real = store_mod._insert_rows

    def boom(con, table, rows):
        if table == "events":
            raise RuntimeError("power cut")
        real(con, table, rows)
    monkeypatch.setattr(store_mod, "_insert_rows", boom)
    with pytest.raises(RuntimeError):
        ledger.add(record_a())
    assert ledger.ids() == ["lind-1"]
    assert ledger.con.execute("SELECT COUNT(*) FROM entities WHERE doc_id = 'quell-1'").fetchone()[0] == 0
    assert ledger.search("Quellmouth") == []
    monkeypatch.undo()
    assert ledger.add(record_a())
    assert ledger.ids() == ["lind-1", "quell-1"]


def test_an_sqlite_error_inside_add_is_a_store_error(ledger: Ledger, monkeypatch):
    real = store_mod._insert_rows

    def boom(con, table, rows):
        if table == "events":
            con.execute("INSERT INTO nowhere VALUES (1)")
        real(con, table, rows)
    monkeypatch.setattr(store_mod, "_insert_rows", boom)
    with pytest.raises(StoreError, match="nothing of it was stored"):
        ledger.add(record_a())
    assert ledger.count() == 0


def test_iter_records_and_remove(ledger: Ledger):
    ledger.add(record_a())
    ledger.add(record_b())
    assert list(ledger.iter_records()) == [record_a(), record_b()]
    assert ledger.remove("quell-1") and not ledger.remove("quell-1")
    assert ledger.stats() == {"documents": 1, "entities": 2, "statements": 2, "events": 1, "failures": 0}
    assert ledger.con.execute("SELECT COUNT(*) FROM mentions WHERE doc_id = 'quell-1'").fetchone()[0] == 0
    assert ledger.search("ferry") == []
    assert fk_problems(ledger) == []


def test_two_connections_share_one_ledger(db: Path):
    with Ledger(db) as one, Ledger(db) as two:
        assert one.add(record_a())
        assert not two.add(record_a())
        assert two.add(record_b())
        assert one.count() == 2


# ---------------------------------------------------------------------------- round trip (hypothesis)
WORDS = st.text(max_size=12)


@st.composite
def records(draw) -> Record:
    text = draw(st.text(min_size=1, max_size=300))
    n = len(text)

    def span() -> Span:
        a = draw(st.integers(0, n))
        return Span.of(text, a, draw(st.integers(a, n)))

    ents = []
    for i in range(draw(st.integers(0, 4))):
        ents.append(Entity(
            id=f"e{i + 1}", type=draw(st.sampled_from(["PERSON", "ORG", "GPE", "LOC", "NORP"])), name=draw(WORDS),
            aliases=tuple(draw(st.lists(WORDS, max_size=3))), mentions=tuple(span() for _ in range(draw(st.integers(0, 3)))),
            attributes=Attributes(age=draw(st.none() | st.integers(0, 120)), titles=tuple(draw(st.lists(WORDS, max_size=2))),
                                  citizenship=tuple(draw(st.lists(WORDS, max_size=1))),
                                  origin=tuple(draw(st.lists(WORDS, max_size=1))))))
    ids = [e.id for e in ents]
    ref = (st.none() | st.sampled_from(ids)) if ids else st.none()
    some = st.lists(st.sampled_from(ids), max_size=3).map(tuple) if ids else st.just(())
    tv = st.none() | st.builds(TimeValue, st.none() | WORDS, WORDS)
    rels = tuple(Relation(draw(st.sampled_from(RELATION_TYPES)), draw(st.sampled_from(ids)), draw(st.sampled_from(ids)),
                          span()) for _ in range(draw(st.integers(0, 3)))) if ids else ()
    stms = tuple(Statement(f"s{i + 1}", draw(ref), draw(st.none() | WORDS), draw(st.none() | WORDS), draw(ref),
                           draw(st.none() | WORDS), draw(st.booleans()), span(), span(),
                           parts=tuple(span() for _ in range(draw(st.integers(0, 2)))), about=draw(some),
                           kind=draw(st.sampled_from(STATEMENT_KINDS)), date=draw(tv), horizon=draw(tv))
                 for i in range(draw(st.integers(0, 3))))
    evs = tuple(Event(f"v{i + 1}", draw(st.sampled_from(EVENT_TYPES)), span(), span(), mode=draw(st.none() | WORDS),
                      source=draw(some), target=draw(some), location=draw(ref), date=draw(tv),
                      status=draw(st.sampled_from(EVENT_STATUSES)), mentions=tuple(span() for _ in range(draw(st.integers(0, 2)))),
                      cameo=draw(st.none() | WORDS))
                for i in range(draw(st.integers(0, 3))))
    times = []
    for _ in range(draw(st.integers(0, 3))):
        s = span()
        times.append(Time(s.start, s.end, s.text, draw(st.sampled_from(["DATE", "TIME", "DURATION", "SET"])),
                          draw(st.none() | WORDS), draw(st.none() | WORDS)))
    opt = st.none() | WORDS
    return Record(id=draw(st.text(min_size=1, max_size=10)), text=text, url=draw(opt), title=draw(opt),
                  outlet=draw(opt), published=draw(st.none() | st.just("2025-02-03")), entities=tuple(ents),
                  relations=rels, statements=stms, events=evs, times=tuple(times),
                  unresolved=tuple(span() for _ in range(draw(st.integers(0, 2)))))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(recs=st.lists(records(), min_size=1, max_size=3))
def test_records_round_trip_exactly(tmp_path: Path, recs: list[Record]):
    path = tmp_path / f"rt{abs(hash(tuple(recs)))}.db"
    path.unlink(missing_ok=True)
    with Ledger(path) as led:
        stored: dict[str, Record] = {}
        for rec in recs:
            before = set(led.ids())
            if led.add(rec):
                (new,) = set(led.ids()) - before
                assert new == rec.id or new.startswith(f"{rec.id}~")
                stored[new] = rec.replace(id=new)
            else:
                assert any(r.text == rec.text for r in stored.values())
        for doc_id, rec in stored.items():
            assert led.get(doc_id) == rec
            assert led.get(doc_id).to_json() == rec.to_json()
        assert list(led.iter_records()) == list(stored.values())
        assert fk_problems(led) == []
        n_ents = sum(len(r.entities) for r in stored.values())
        assert led.stats()["entities"] == n_ents
    path.unlink()


# ---------------------------------------------------------------------------- search
@pytest.fixture
def full(ledger: Ledger) -> Ledger:
    ledger.add(record_a())
    ledger.add(record_b())
    return ledger


def test_search_words_finds_articles_and_statements(full: Ledger):
    hits = full.search("grain")
    assert {(h.doc_id, h.kind, h.ref) for h in hits} == {("lind-1", "article", None), ("lind-1", "statement", "s2")}
    assert all(isinstance(h, SearchHit) and "[grain]" in h.snippet for h in hits)
    assert hits == sorted(hits, key=lambda h: h.rank)


def test_search_phrases_and_titles(full: Ledger):
    assert [h.doc_id for h in full.search('"northern highway"')] == ["lind-1"]
    assert full.search('"highway northern"') == []
    assert [h.doc_id for h in full.search("resume", scope="articles")] == ["quell-1"]
    assert [h.doc_id for h in full.search("title:ferry")] == ["quell-1"]  # a column filter
    assert {h.doc_id for h in full.search("Quellmouth OR Lindqvist", scope="articles")} == {"quell-1", "lind-1"}
    assert [h.doc_id for h in full.search("Brenn*", scope="articles")] == ["quell-1"]


def test_search_scopes(full: Ledger):
    assert {h.kind for h in full.search("authority", scope="statements")} == {"statement"}
    assert {h.ref for h in full.search("authority", scope="statements")} == {"s2", "s3"}
    assert {h.kind for h in full.search("authority", scope="articles")} == {"article"}
    assert full.search("Farmers", scope="statements") == []  # not inside any statement's content
    with pytest.raises(StoreError, match="all, articles, statements"):
        full.search("x", scope="everything")


def test_search_limit_and_json(full: Ledger):
    assert len(full.search("the", limit=2)) == 2
    h = full.search("crews", scope="statements")[0]
    assert h.to_json() == {"doc_id": "quell-1", "kind": "statement", "ref": "s3", "snippet": h.snippet, "rank": h.rank}
    json.dumps(h.to_json())


def test_search_ignores_accents_and_case(ledger: Ledger):
    t = "The Café Müller in Ostrava reopened, owner Zdeňka Horáková said."
    ledger.add(Record(id="cafe", text=t))
    assert [h.doc_id for h in ledger.search("cafe muller")] == ["cafe"]
    assert [h.doc_id for h in ledger.search("ZDENKA")] == ["cafe"]


@pytest.mark.parametrize("query", ['"unclosed phrase', "ferry:", "(ferry", "NEAR(a b", "cease-fire", "U.N.", "O'Brien",
                                   "ferry OR", "NOT ferry", "a AND AND b", "*", "title:", 'x"y', "^ferry"])
def test_punctuation_in_a_query_is_never_query_syntax(full: Ledger, query: str):
    """Whatever a user types is searched as words: no FTS5 syntax error ever reaches them."""
    try:
        assert isinstance(full.search(query), list)
    except StoreError as exc:
        assert "holds no words" in str(exc)


def test_words_with_punctuation_are_found(ledger: Ledger):
    ledger.add(Record(id="p1", text="The U.N. envoy met Ms. O'Brien to discuss a cease-fire in Arvel."))
    for query in ("U.N.", "O'Brien", "cease-fire", '"cease-fire in Arvel"', "cease*", "envoy OR nothing"):
        assert [h.doc_id for h in ledger.search(query, scope="articles")] == ["p1"], query
    assert ledger.search("envoy AND nothing", scope="articles") == []


def test_a_huge_limit_means_all_hits(full: Ledger):
    assert full.search("ferry", limit=10**20)


def test_a_query_of_operators_only_is_refused(full: Ledger):
    for query in ("AND", "OR NOT", '""', "..."):
        with pytest.raises(StoreError, match="holds no words"):
            full.search(query)


def test_an_empty_query_is_refused(full: Ledger):
    with pytest.raises(StoreError, match="empty search query"):
        full.search("   ")


# ---------------------------------------------------------------------------- export
def test_export_jsonl_to_a_stream_and_a_file(full: Ledger, tmp_path: Path):
    buf = io.StringIO()
    assert full.export("jsonl", stream=buf) == []
    lines = buf.getvalue().splitlines()
    assert [Record.loads(x) for x in lines] == [record_a(), record_b()]
    out = tmp_path / "sub" / "records.jsonl"
    assert full.export("jsonl", output=out) == [out]
    assert out.read_text(encoding="utf-8") == buf.getvalue()
    with pytest.raises(StoreError, match="csv"):
        full.export("jsonl", table="entities")


def _read_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_export_one_csv_table_to_a_stream_and_a_file(full: Ledger, tmp_path: Path):
    buf = io.StringIO()
    assert full.export("csv", table="statements", stream=buf) == []
    rows = _read_csv(buf.getvalue())
    assert [(r["doc_id"], r["id"], r["kind"]) for r in rows] == [
        ("quell-1", "s1", "prediction"), ("quell-1", "s2", "claim"), ("quell-1", "s3", "demand"),
        ("lind-1", "s1", "denial"), ("lind-1", "s2", "commitment")]
    assert "pk" not in rows[0]
    out = tmp_path / "ents.csv"
    assert full.export("csv", output=out, table="entities") == [out]
    ents = _read_csv(out.read_text(encoding="utf-8"))
    assert len(ents) == 7 and json.loads(ents[0]["titles"]) == ["Harbour master"]
    # a directory given with a table: TABLE.csv inside it
    assert full.export("csv", output=tmp_path, table="events") == [tmp_path / "events.csv"]


def test_export_all_csv_tables_to_a_directory(full: Ledger, tmp_path: Path):
    out = tmp_path / "csv"
    written = full.export("csv", output=out)
    assert written == [out / f"{t}.csv" for t in TABLES]
    docs = _read_csv((out / "documents.csv").read_text(encoding="utf-8"))
    assert [d["id"] for d in docs] == ["quell-1", "lind-1"] and docs[0]["text"] == TEXT_A
    assert "record_json" not in docs[0]
    mentions = _read_csv((out / "mentions.csv").read_text(encoding="utf-8"))
    texts = {"quell-1": TEXT_A, "lind-1": TEXT_B}
    assert all(texts[m["doc_id"]][int(m["start"]):int(m["end"])] == m["text"] for m in mentions)
    assert not list(out.glob(".*tmp*"))


def test_export_csv_errors(full: Ledger, tmp_path: Path):
    with pytest.raises(StoreError, match="--output DIR"):
        full.export("csv")
    f = tmp_path / "x.csv"
    f.write_text("")
    with pytest.raises(StoreError, match="is a file"):
        full.export("csv", output=f)
    with pytest.raises(StoreError, match="--table NAME"):
        full.export("csv", output=tmp_path / "new.csv")
    assert not (tmp_path / "new.csv").exists()
    with pytest.raises(StoreError, match=r"unknown table 'people'.*documents, entities"):
        full.export("csv", table="people")
    with pytest.raises(StoreError, match="unknown export format"):
        full.export("xlsx", output=tmp_path)


def test_export_parquet_one_table_and_all(full: Ledger, tmp_path: Path):
    pq = pytest.importorskip("pyarrow.parquet")
    one = tmp_path / "statements.parquet"
    assert full.export("parquet", output=one, table="statements") == [one]
    t = pq.read_table(one)
    assert t.num_rows == 5
    assert t.column("content").to_pylist()[0] == "the Quellmouth ferry will resume by March."
    assert str(t.schema.field("content_start").type) == "int64"
    rows = t.to_pylist()
    assert rows[0]["date_value"] == "2025-03-04" and rows[1]["date_value"] is None
    out = tmp_path / "pq"
    written = full.export("parquet", output=out)
    assert written == [out / f"{n}.parquet" for n in TABLES]
    assert pq.read_table(out / "entities.parquet").num_rows == 7
    assert pq.read_table(out / "failures.parquet").num_rows == 0  # an empty table keeps its columns
    assert "reason" in pq.read_table(out / "failures.parquet").column_names
    # csv and parquet agree
    buf = io.StringIO()
    full.export("csv", table="mentions", stream=buf)
    as_csv = _read_csv(buf.getvalue())
    as_pq = pq.read_table(out / "mentions.parquet").to_pylist()
    assert [{k: str(v) for k, v in r.items()} for r in as_pq] == as_csv
    with pytest.raises(StoreError, match="--output"):
        full.export("parquet", table="events")
    with pytest.raises(StoreError, match="--output DIR"):
        full.export("parquet")


# ---------------------------------------------------------------------------- failures and integrity
def test_failures_are_recorded_with_their_reason(ledger: Ledger):
    f = Failure("inbox/empty.txt", "the file is empty; give an article with text", "N101")
    ledger.add_failure(f)
    ledger.add_failure(Failure("inbox/feed.jsonl:3", "line 3 is not JSON", "N106", doc_id=None, detail="trace"))
    ledger.add_failure(f)  # seen again: one row, two attempts
    rows = ledger.failures()
    assert len(rows) == 2 and ledger.stats()["failures"] == 2
    again = next(r for r in rows if r["source"] == "inbox/empty.txt")
    assert again["code"] == "N101" and again["reason"].startswith("the file is empty") and again["attempts"] == 2
    assert again["at"] >= again["first_at"]


def test_foreign_keys_are_declared_and_enforced(full: Ledger):
    con = full.con
    assert fk_problems(full) == []
    fks = {(r[2], r[3]) for t in ("statements", "events", "relations", "mentions", "event_participants")
           for r in con.execute(f"PRAGMA foreign_key_list({t})")}
    assert ("entities", "doc_id") in fks and ("documents", "doc_id") in fks
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("INSERT INTO mentions (doc_id, entity_id, position, start, end, text) "
                    "VALUES ('quell-1', 'e42', 9, 0, 1, 'H')")
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_readable_views_work(full: Ledger):
    rows = full.con.execute("SELECT doc_id, statement_id, speaker, channel FROM statement_view "
                            "WHERE doc_id = 'quell-1' ORDER BY statement_id").fetchall()
    assert rows == [("quell-1", "s1", "Odile Brennick", None), ("quell-1", "s2", "Odile Brennick", "Radio Vessen"),
                    ("quell-1", "s3", "Tomas Ferrant", None)]
    ev = full.con.execute("SELECT type, sources, targets, location FROM event_view WHERE doc_id = 'quell-1'").fetchone()
    assert ev == ("REQUEST", "Tomas Ferrant", "Port Authority of Quellmouth", "Quellmouth")


def test_many_writers_opening_a_new_ledger_at_once(db: Path):
    """Concurrent first opens migrate once; concurrent adds all land (SQLite's write lock, busy timeout)."""
    import threading

    errors: list[BaseException] = []
    texts = [f"{TEXT_B} Report number {i} from the valley." for i in range(8)]

    def work(i: int) -> None:
        try:
            with Ledger(db) as led:
                led.add(Record(id=f"w{i}", text=texts[i]))
                led.add(Record(id=f"dup{i}", text=texts[0]))  # the same text from every writer: stored once
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Ledger(db) as led:
        assert led.con.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0] == latest_version()
        assert led.count() == 8
        assert sorted(r.text for r in led.iter_records()) == sorted(texts)


def test_a_failure_is_cleared_when_its_article_goes_through_later(ledger: Ledger):
    ledger.add_failure(Failure("inbox/quell.txt", "stage 'events' failed: a bug", "N400", doc_id="quell-1"))
    ledger.add_failure(Failure("inbox/other.txt", "the file is empty", "N101", doc_id="other"))
    assert ledger.add(record_a("quell-1"))
    assert [f["doc_id"] for f in ledger.failures()] == ["other"]


def test_a_damaged_ledger_gives_store_errors_not_tracebacks(db: Path, tmp_path: Path):
    import random

    with Ledger(db) as led:
        rec = record_a()
        for i in range(200):
            led.add(rec.replace(id=f"x{i}", text=f"{rec.text} ({i})"))
        led.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = db.stat().st_size
    with open(db, "r+b") as fh:
        fh.seek(size // 2)
        fh.write(random.Random(7).randbytes(size // 4))
    attempts = [lambda led: led.count(), lambda led: led.search("ferry"), lambda led: list(led.iter_records()),
                lambda led: led.get("x150"), lambda led: led.export("csv", output=tmp_path / "out"),
                lambda led: led.add(record_b())]
    try:
        led = Ledger(db)
    except StoreError:
        return
    with led:
        for attempt in attempts:
            try:
                attempt(led)
            except (StoreError, RecordError) as exc:
                assert len(str(exc)) < 600


def test_tools_find_the_full_text_indexes(ledger: Ledger):
    """Datasette finds an FTS table by `content="TABLE"` in its SQL and then offers a search box."""
    for table in ("documents", "statements"):
        found = ledger.con.execute(
            "SELECT name FROM sqlite_master WHERE rootpage = 0 AND sql LIKE ?",
            (f'%VIRTUAL TABLE%USING FTS%content="{table}"%',)).fetchall()
        assert found == [(f"{table}_fts",)]


def test_a_ledger_missing_tables_is_reported_damaged(db: Path):
    Ledger(db).close()
    con = sqlite3.connect(db)
    con.execute("DROP TABLE event_mentions")
    con.commit()
    con.close()
    with pytest.raises(MigrationError, match=r"damaged.*event_mentions"):
        Ledger(db)
