"""What keeps a large store quick (issue 13, the 100,000-article bar; `scripts/store_latency.py` measures it):
search stops ranking when ranking would read a large part of the archive, a lookup by an exact name reads
no other name, and PostgreSQL plans every search for its own words.

Fast: records are built by hand (no model). Articles and names here are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.ledger import open_store
from newsledger.ledger import store as lite_mod
from newsledger.records import Record
from test_link import rec


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path: Path):
    where = str(tmp_path / "scale.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    with open_store(where) as s:
        yield s


def _archive(store) -> None:
    """Four reports on the harbour, oldest first; only one says 'dredging', twice."""
    store.add(Record(id="h0", text="The harbour dredging report: dredging of the harbour starts in May."))
    for i in range(1, 4):
        store.add(Record(id=f"h{i}", text=f"Notes number {i} on the town council, and once on the harbour."))


def test_a_word_in_too_many_rows_lists_the_newest_matches_unranked(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(lite_mod, "_RANK_SCAN_MAX", 3)  # 'harbour' is in 4 articles: too many to rank
    with open_store(str(tmp_path / "s.db")) as s:
        _archive(s)
        hits = s.search("harbour", scope="articles")
        assert [h.doc_id for h in hits] == ["h3", "h2", "h1", "h0"]
        assert {h.rank for h in hits} == {0.0}
        assert [h.doc_id for h in s.search("harbour", scope="articles", limit=2)] == ["h3", "h2"]
        assert "[harbour]" in hits[0].snippet
        # a query with a common word and a rare one: the common word would be counted in every row
        assert [h.doc_id for h in s.search("harbour dredging", scope="articles")] == ["h0"]
        assert s.search("harbour dredging", scope="articles")[0].rank == 0.0
        # a rare word alone is ranked by bm25 as before (negative: lower is better)
        ranked = s.search("dredging", scope="articles")
        assert [h.doc_id for h in ranked] == ["h0"] and ranked[0].rank < 0


def test_ranking_is_unchanged_where_every_phrase_is_rare_enough(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s.db")) as s:
        _archive(s)
        hits = s.search("harbour", scope="articles")
        assert hits[0].doc_id == "h0"  # three mentions in a short text: bm25's best
        assert all(h.rank < 0 for h in hits)
        assert [h.doc_id for h in s.search("harbour dredging")] == ["h0"]


def test_a_column_filter_still_searches_one_kind_only(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(lite_mod, "_RANK_SCAN_MAX", 1)
    with open_store(str(tmp_path / "s.db")) as s:
        _archive(s)
        s.add(Record(id="t1", text="Nothing here.", title="Harbour notes"))
        assert [h.doc_id for h in s.search("title:harbour")] == ["t1"]


def test_resolving_an_exact_name_reads_no_partial_names(store) -> None:
    store.add(rec("n1", "2024-01-01", [("e1", "PERSON", "Ilse Brandvold"), ("e2", "PERSON", "Ilse Brandvoldsen")]))
    store.add(rec("n2", "2024-01-02", [("e1", "PERSON", "Ilse Brandvold")]))
    seen: list[str] = []
    orig = store._rows
    store._rows = lambda sql, params=(): (seen.append(sql), orig(sql, params))[1]  # type: ignore[method-assign]
    lid = store.resolve("Ilse Brandvold")
    assert not any("LIKE" in q for q in seen) and not any("ledger_keys" in q for q in seen)
    assert store.timeline("ilse brandvold") == store.timeline(lid)
    assert store.entity("Ilse Brandvold")["id"] == lid
    # the list of entities still finds partial names: the longer name holds the shorter
    hits = store.entities("Ilse Brandvold")
    assert [h["match"] for h in hits] == ["name", "part"]
    assert store.entities("Ilse Brandvold", exact_first=True) == hits[:1]
    # a part of a name only is still resolved through the partial matches
    assert store.resolve("Brandvoldsen") != lid


def test_postgres_search_is_planned_for_its_own_words(pg_url: str) -> None:
    """A search repeated with other words must not be served by one generic plan (a plan made for no word
    in particular scans the whole table for a rare word): searches run unprepared."""
    with open_store(pg_url) as s:
        _archive(s)
        for _ in range(8):  # psycopg prepares a statement after 5 runs
            s.search("harbour")
        names = [r[0] for r in s._rows("SELECT statement FROM pg_prepared_statements")]
        assert not any("ts_rank_cd" in n for n in names)
        assert [h.doc_id for h in s.search("dredging")] == ["h0"]


def test_get_many_reads_in_the_order_given_and_skips_unknown_ids(store) -> None:
    _archive(store)
    got = store.get_many(["h2", "nope", "h0", "h2"])
    assert [r.id for r in got] == ["h2", "h0", "h2"]
    assert got[1] == store.get("h0")
    assert store.get_many([]) == []
