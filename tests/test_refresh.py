"""The incremental refresh of the stored claims and groups (issue 13) stores what a full recompute stores.

Random sequences of invented articles (claims with deadlines, releases and charges that fulfil them, reports that
they were not kept, copies of one statement in several outlets, undated and dated reports of one act, requests by
a body) are stored one ingest at a time, some replaced or deleted, with publication dates out of order; after each
ingest the incremental refresh runs and the stored claims and groups must equal the pure functions over every
record; at the end a full refresh must leave every stored row as it was. On SQLite and on PostgreSQL. No model.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from linearity import calls
from newsledger.ledger import open_store, track
from newsledger.ledger import track_groups
from test_track import record

PEOPLE = ["Orla Venske", "Tamsin Quarrel", "Bodo Lintvelt"]
SPEAKERS = ["Ciaran Dussel", "Wenna Trask"]
BODY = "Harbour Council"
DAYS = ["2033-05-02", "2033-05-20", "2033-06-03", "2033-06-18", "2033-07-04", "2033-07-21"]
ENDS = {"May": "2033-05-31", "June": "2033-06-30"}


def _article(doc: str, published: str, parts: list[tuple]) -> object:
    """An invented article of ``parts``: (kind, person index, speaker index, month or day index)."""
    sentences, ents, sts, evs = [], {}, [], []

    def ent(name: str, kind: str = "PERSON") -> str:
        for eid, (_k, forms) in ents.items():
            if forms[0] == name:
                return eid
        eid = f"e{len(ents) + 1}"
        ents[eid] = (kind, [name])
        return eid

    for n, (kind, p, s, when) in enumerate(dict.fromkeys(parts), 1):
        who, spk = PEOPLE[p], SPEAKERS[s]
        month = ("May", "June")[when % 2]
        day = DAYS[when % len(DAYS)]
        if kind in ("claim", "unkept"):
            content = f"{who} will be released before the end of {month}"
            if content in " ".join(sentences):
                continue
            sentences.append(f"{spk} said {content}." + (" She was not." if kind == "unkept" else ""))
            sts.append({"id": f"s{n}", "speaker": ent(spk), "content": content, "about": [ent(who)],
                        "kind": "prediction", "date": "2033-05-01", "horizon": ENDS[month]})
        elif kind == "charge":
            content = f"prosecutors would charge {who} soon"
            if content in " ".join(sentences):
                continue
            sentences.append(f"{spk} said {content}.")
            sts.append({"id": f"s{n}", "speaker": ent(spk), "content": content, "about": [ent(who)],
                        "kind": "commitment", "date": "2033-05-01"})
        elif kind == "release":
            trig = f"freed{n}"
            sentences.append(f"{who} was {trig} on the day.")
            evs.append({"id": f"v{n}", "type": "RETREAT", "mode": "release", "trigger": trig, "target": [ent(who)],
                        "date": day if when % 3 else None})
        elif kind == "charged":
            trig = f"charged{n}"
            sentences.append(f"{who} was {trig} by the court.")
            evs.append({"id": f"v{n}", "type": "ACCUSE", "trigger": trig, "target": [ent(who)],
                        "date": day if when % 2 else None})
        elif kind == "request":
            trig = f"urged{n}"
            sentences.append(f"The {BODY} {trig} calm.")
            evs.append({"id": f"v{n}", "type": "REQUEST", "trigger": trig, "source": [ent(BODY, "ORG")]})
    text = " ".join([*sentences, f"Filed as {doc}."])  # distinct texts: a store keeps one copy of a text
    return record(doc, published, text, ents, sts, evs)


part = hs.tuples(hs.sampled_from(("claim", "claim", "unkept", "charge", "release", "release", "charged", "charged",
                                  "request")),
                 hs.integers(0, len(PEOPLE) - 1), hs.integers(0, len(SPEAKERS) - 1), hs.integers(0, 5))
article = hs.tuples(hs.integers(0, len(DAYS) - 1), hs.lists(part, min_size=1, max_size=4))
op = hs.one_of(hs.tuples(hs.just("add"), hs.integers(0, 99), article),
               hs.tuples(hs.just("replace"), hs.integers(0, 99), article),
               hs.tuples(hs.just("remove"), hs.integers(0, 99), article))


def _computed(s) -> tuple[list, list]:
    records = list(s.iter_records())
    mapping = s._mapping_for([r.id for r in records])
    if not records:
        return [], []
    return ([c.to_json() for c in track.claims(records, mapping, s._as_of())],
            [g.to_json() for g in track.groups(records, mapping)])


def _computed_timelines(s) -> dict[str, list]:
    records = list(s.iter_records())
    tl = track.timelines(records, s._mapping_for([r.id for r in records])) if records else {}
    return {lid: [x.to_json() for x in entries] for lid, entries in tl.items()}


def _stored(s) -> dict[str, list]:
    return {
        "claims": s._rows("SELECT n, doc_id, st_id, speaker, outcome, claim, sort_key, horizon_end FROM ledger_claims "
                          "ORDER BY n"),
        "groups": s._rows("SELECT n, group_, doc_id, item, sort_key FROM ledger_groups ORDER BY n"),
        "timelines": s._rows("SELECT lid, entries FROM ledger_timelines ORDER BY lid"),
        "lids": s._rows("SELECT lid, doc_id, st_id FROM ledger_claim_lids ORDER BY lid, doc_id, st_id"),
        "keys": s._rows("SELECT key, dir, doc_id, item FROM ledger_track_keys ORDER BY key, dir, doc_id, item"),
        "old": s._rows("SELECT doc_id, event_id FROM ledger_old_events ORDER BY doc_id, event_id"),
        "state": s._rows("SELECT as_of FROM ledger_track_state"),
    }


def _run(location: str, ops: list) -> None:
    with open_store(location) as s:
        s.refresh_ledger()
        ids: list[str] = []
        for k, (what, pick, (day, parts)) in enumerate(ops):
            if what == "add" or not ids:
                doc = f"a{k}"
                s.add(_article(doc, DAYS[day], parts))
                ids.append(doc)
            elif what == "replace":
                doc = ids[pick % len(ids)]
                s.add(_article(doc, DAYS[day], parts), replace=True)
            else:
                s.remove(ids.pop(pick % len(ids)))
            s.refresh_ledger()
            claims, groups = _computed(s)
            assert [json.loads(r[0]) for r in s._rows("SELECT claim FROM ledger_claims ORDER BY n")] == claims
            assert [json.loads(r[0]) for r in s._rows("SELECT group_ FROM ledger_groups ORDER BY n")] == groups
            assert {lid: json.loads(e) for lid, e in s._rows("SELECT lid, entries FROM ledger_timelines")} == \
                _computed_timelines(s)
        incremental = _stored(s)
        s.refresh_ledger(full=True)
        assert _stored(s) == incremental


ops_st = hs.lists(op, min_size=1, max_size=12)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                            HealthCheck.too_slow])


@SETTINGS
@given(ops_st)
def test_incremental_refresh_on_sqlite_stores_what_a_full_refresh_stores(tmp_path_factory, ops):
    _run(str(tmp_path_factory.mktemp("refresh") / "ledger.db"), ops)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(ops_st)
def test_incremental_refresh_on_postgresql_stores_what_a_full_refresh_stores(pg_cluster, ops):
    _run(pg_cluster.new_database(), ops)


def test_an_ingest_reads_only_what_its_articles_touch(tmp_path: Path):
    """Two unrelated stories: refreshing after a new article of one reads none of the other's articles, unless its
    date passes the other's deadline (then the claim is decided again, as a full refresh decides it)."""
    with open_store(str(tmp_path / "l.db")) as s:
        for i in range(12):
            s.add(_article(f"x{i}", DAYS[i % 3], [("claim", 0, 0, 1), ("request", 0, 0, 1)]))
        s.refresh_ledger()
        assert [r[0] for r in s._rows("SELECT outcome FROM ledger_claims")] == ["pending"]  # by the end of June
        read: list[str] = []
        get_many = s.get_many
        s.get_many = lambda ids: (read.extend(ids), get_many(ids))[1]  # type: ignore[method-assign]
        s.add(_article("y1", DAYS[1], [("charged", 2, 1, 1)]))  # a date inside the others': no deadline moves
        s.refresh_ledger()
        assert set(read) == {"y1"}
        s.add(_article("y2", DAYS[4], [("charged", 1, 1, 1)]))  # July: the claim's deadline has passed
        read.clear()
        s.refresh_ledger()
        assert "y2" in read and "x0" in read
        assert [r[0] for r in s._rows("SELECT outcome FROM ledger_claims")] == ["failed"]
        claims, groups = _computed(s)
        assert [json.loads(r[0]) for r in s._rows("SELECT claim FROM ledger_claims ORDER BY n")] == claims
        assert [json.loads(r[0]) for r in s._rows("SELECT group_ FROM ledger_groups ORDER BY n")] == groups


def test_a_statement_copied_many_times_is_clustered_in_linear_work():
    """cluster_statements compares a new copy with each distinct reading of a cluster, not with every copy."""
    def story(n: int) -> list:
        return [_article(f"c{i}", DAYS[i % len(DAYS)], [("claim", 0, 0, 0)]) for i in range(n)]

    def run(recs: list) -> list:
        member_of = {(r.id, e.id): e.name for r in recs for e in r.entities}
        return track_groups.cluster_statements(track_groups.statement_items(recs, member_of))

    small, big = story(50), story(200)
    run(small)
    a, n_small = calls(run, small)
    b, n_big = calls(run, big)
    assert len(a) == 1 and len(b) == 1 and len(b[0]) == 200  # one utterance, every copy a report of it
    assert n_big <= 1.5 * 4 * n_small, f"{n_big} calls for 4x the copies vs {n_small}: not linear"


def test_an_ingest_marks_only_the_timelines_its_article_reports_a_status_of(tmp_path: Path):
    """A timeline is built from the status reports about its entity only: an article that reports no status (a
    claim, a request) leaves every timeline as stored; one that reports a release marks the freed person's alone,
    and the refreshed timelines are what a recompute over every article gives."""
    def marked(s) -> set[str]:
        return {k for w, k in s._rows("SELECT what, key FROM ledger_stale") if w == "timeline"}

    with open_store(str(tmp_path / "t.db")) as s:
        s.add(_article("p1", DAYS[0], [("release", 0, 0, 1)]))
        s.refresh_ledger()
        s.add(_article("p2", DAYS[1], [("claim", 0, 0, 1), ("request", 0, 0, 1)]))
        assert marked(s) == set()
        s.refresh_ledger()
        s.add(_article("p3", DAYS[2], [("release", 1, 1, 1), ("claim", 0, 0, 1)]))
        person = s._mapping_for(["p3"])[("p3", "e1")]
        assert marked(s) == {person}  # not the speaker's nor the first person's, both named there too
        s.refresh_ledger()
        stored = {lid: json.loads(e) for lid, e in s._rows("SELECT lid, entries FROM ledger_timelines")}
        assert stored == _computed_timelines(s) and person in stored
        first = s._mapping_for(["p1"])[("p1", "e1")]
        s.remove("p1")  # taking an article out still marks every entity it named
        assert first in marked(s)
        s.refresh_ledger()
        assert {lid: json.loads(e) for lid, e in s._rows("SELECT lid, entries FROM ledger_timelines")} == \
            _computed_timelines(s)
