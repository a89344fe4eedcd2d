"""Timelines, claims and duplicate groups stored in the ledger (migration 0004), on both backends: kept up to
date as articles are stored (only what an article touches is computed again), rebuilt by relink, and read
back exactly as they were computed. Invented stories (tests/test_track.py's builders), no model."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.ledger import latest_version, open_store
from test_track import D1, D2, D3, H1, H2, H3, record


@pytest.fixture(params=["sqlite", "postgres"])
def location(request, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "ledger.db")
    return request.getfixturevalue("pg_url")


def _stale(s) -> set[tuple[str, str]]:
    return {(w, k) for w, k in s._rows("SELECT what, key FROM ledger_stale")}


def _read_all(location: str) -> tuple[dict, list, list, list]:
    """What a read-only reader sees: the whole ledger, every claim, every timeline, one entity."""
    with open_store(location, create=False, readonly=True) as r:
        lj = r.ledger_json()
        return (lj, r.claims(), [r.timeline(e["id"]) for e in lj["entities"]],
                [r.entity(e["id"])["timeline"] for e in lj["entities"]])


def test_stored_tracks_read_back_exactly_what_is_computed(location: str):
    with open_store(location) as s:
        assert s.schema_version == latest_version() >= 4
        for r in (D1, D2, D3, H1, H2, H3):
            s.add(r)
        assert {("doc", r.id) for r in (D1, D2, D3, H1, H2, H3)} <= _stale(s)
        computed = _read_all(location)  # read-only, with everything stale: computed on the fly, nothing stored
        assert s._rows("SELECT COUNT(*) FROM ledger_claims")[0][0] == 0
        done = s.refresh_ledger()
        assert _stale(s) == set()
        assert done["claims"] == len(computed[1]) >= 3 and done["groups"] >= 1 and done["timelines"] >= 2
        stored = _read_all(location)  # read-only, fresh: read from the tables
        assert stored == computed
        assert s.refresh_ledger() == {"timelines": 0, "claims": 0, "groups": 0}  # nothing stale: nothing done
        halloran = s.resolve("Ines Halloran")
        assert [t["status"] for t in s.timeline(halloran)] == ["detained", "charged"]
        assert [c["outcome"] for c in s.claims(outcome="failed")] == ["failed"]


def test_storing_an_article_marks_only_the_entities_it_names(location: str):
    with open_store(location) as s:
        for r in (D1, D2, H1, H2):
            s.add(r)
        s.refresh_ledger()
        dunca = s.resolve("Mirela Dunca")
        before = s._rows("SELECT lid, entries FROM ledger_timelines ORDER BY lid")
        s.add(H3)  # names Mirela Dunca only, and reports no status of hers: her timeline cannot change (issue 13)
        assert _stale(s) == {("doc", "h3")}
        assert s.refresh_ledger()["timelines"] == 0
        after = s._rows("SELECT lid, entries FROM ledger_timelines ORDER BY lid")
        assert [r for r in after if r[0] != dunca] == [r for r in before if r[0] != dunca]
        (claim,) = [c for c in s.claims() if c["doc"] == "h1"]
        assert claim["outcome"] == "partly"  # h3 passed the horizon: decided now, read from the table
        s.remove("h3")  # deleting marks what it touched too
        assert ("timeline", dunca) in _stale(s)
        assert next(c for c in s.claims() if c["doc"] == "h1")["outcome"] == "pending"


def test_relink_and_decisions_by_hand_rebuild_what_they_change(location: str):
    with open_store(location) as s:
        for r in (D1, D2, D3):
            s.add(r)
        s.refresh_ledger()
        s._exec("DELETE FROM ledger_timelines")  # lost, or made by an older newsledger
        s.relink()
        assert _stale(s) == set()
        assert [t["status"] for t in s.timeline("Ines Halloran")] == ["detained", "charged"]
        a, b = s.resolve("Ines Halloran"), s.resolve("Piet Oosterbaan")
        kept = s.merge_entities(a, b)
        assert {("timeline", a), ("timeline", b)} <= _stale(s)
        assert s.ledger_json()["entities"]  # a writable read refreshes first
        assert _stale(s) == set()
        assert [t["status"] for t in s.timeline(kept)] == ["detained", "charged"]


def test_a_reader_of_an_unrefreshed_ledger_gets_the_computed_answer(tmp_path: Path):
    loc = str(tmp_path / "ledger.db")
    with open_store(loc) as s:
        s.add(D1)
        s.refresh_ledger()
        s.add(D2)
        s.add(record("d9", "2031-03-11", "Nothing about anyone here.", {}))
    _, claims, timelines, _ = _read_all(loc)
    assert [t["status"] for tl in timelines for t in tl] == ["detained", "charged"]  # d2's charge, not stored yet
    assert any(c["outcome"] == "fulfilled" for c in claims)


def test_rows_computed_by_other_rules_are_computed_again(location: str, monkeypatch):
    from newsledger.ledger import rows

    with open_store(location) as s:
        for r in (D1, D2, D3):
            s.add(r)
        s.refresh_ledger()
        assert s._all_fresh()
        s._exec("UPDATE ledger_claims SET claim = '{}', outcome = 'pending'")  # as an older rule decided them
        rows.track_version.cache_clear()
        monkeypatch.setattr(rows, "track_version", lambda: "another-release")  # an upgrade changed the rules
        assert not s._all_fresh() and s._stale("claims")
        assert {c["outcome"] for c in s.claims()} >= {"failed", "fulfilled"}  # recomputed, not the stored '{}'
        assert s._rows("SELECT version FROM ledger_track_version") == [("another-release",)]


def test_storing_an_article_costs_the_same_in_a_store_four_times_larger(tmp_path: Path):
    """Linking and marking what an article touches, counted in calls (tests/linearity.py): storing the same
    kind of articles into 400 stored costs at most 1.5x what it costs into 100 (the refresh is not in it)."""
    import random

    from linearity import calls
    from newsledger.ledger.bench_link import _article, _people

    rnd = random.Random(3)
    people = _people(200, rnd)
    arts = [_article(i, people, rnd) for i in range(420)]
    counts = []
    with open_store(str(tmp_path / "ledger.db")) as s:
        for size in (100, 400):
            while s.count() < size:
                s.add(arts[s.count()])
            batch = arts[size:size + 20]
            _, n = calls(lambda: [s.add(r) for r in batch])
            counts.append(n)
        assert s._rows("SELECT COUNT(*) FROM ledger_stale WHERE what = 'doc'")[0][0] == 420
    assert counts[1] <= 1.5 * counts[0], counts  # measured: about 1.0x
