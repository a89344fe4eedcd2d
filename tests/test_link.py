"""The cross-article ledger: name evidence, linking as articles arrive, decisions by hand that survive a
relink, re-ingest and replace, lookups, stemmed search and dated ingest. Records are built by hand (no
model); every story and name is invented."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.errors import LedgerLookupError, StoreError
from newsledger.ingest.dates import date_from_text
from newsledger.ledger import Ledger
from newsledger.ledger import link as lk
from newsledger.ledger import names as nm
from newsledger.records import Record

ROOT = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------------------- helpers
def rec(doc: str, published: str | None, ents: list[tuple], outlet: str | None = None, statements=(),
        text: str | None = None) -> Record:
    """A record with these entities ``(id, type, name[, attributes[, aliases]])``; each name is written once
    in the text, so every entity has a real mention."""
    parts, es, pos = [], [], 0
    for t in ents:
        eid, typ, name = t[:3]
        start = pos
        parts.append(name)
        pos += len(name) + 2
        es.append({"id": eid, "type": typ, "name": name, "aliases": list(t[4]) if len(t) > 4 else [],
                   "mentions": [{"start": start, "end": start + len(name), "text": name}],
                   "attributes": t[3] if len(t) > 3 else {}})
    body = ", ".join(parts) + f". ({doc})"
    return Record.from_json({"id": doc, "text": text or body, "published": published, "outlet": outlet,
                             "entities": es if text is None else [], "statements": list(statements)})


def members(ledger: Ledger) -> dict[tuple[str, str], str]:
    return {(d, e): lid for d, e, lid in ledger._rows("SELECT doc_id, entity_id, lid FROM ledger_members")}


@pytest.fixture(params=["sqlite", "postgres"])
def ledger(request, tmp_path: Path):
    """A new ledger on each backend (PostgreSQL: a throwaway cluster, skipped where its binaries are absent)."""
    from newsledger.ledger import open_store

    where = str(tmp_path / "news.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    with open_store(where) as led:
        yield led


# ---------------------------------------------------------------------------- names
@pytest.mark.parametrize("a,b,level", [
    ("Havrylenka", "Gavrilenko", "translit"),      # Belarusian h / Russian g, -enka / -enko
    ("Zhdanouski", "Zhdanovsky", "translit"),      # -ouski / -ovsky
    ("Wróblewska", "Vrublevskaya", "translit"),    # Polish w, ó / Russian v, -skaya
    ("Chrzanowski", "Chrzanowski", "exact"),
    ("Szostakowicz", "Shostakovich", "translit"),  # sz / sh, -owicz / -ovich
    ("Haddoush", "Haddouch", "translit"),          # French / English Arabic romanizations
    ("Belousova", "Belousov", "differ"),           # a wife and a husband
    ("Petrenko", "Pavlenko", "differ"),
    ("Orlov", "Popov", "differ"),
])
def test_surname_levels(a: str, b: str, level: str) -> None:
    assert nm.surname_match(a, b) == level


@pytest.mark.parametrize("a,b,level", [
    ("Aliaksandr", "Sasha", "variant"), ("Volha", "Olga", "variant"), ("Mikalai", "Nikolay", "variant"),
    ("Yelena", "Alena", "variant"), ("Siarhei", "Sergey", "variant"), ("Dzianis", "Denys", "variant"),
    ("A.", "Anatoly", "initial"), ("Olga", "Irina", "differ"), ("Pavel", "Piotr", "differ"),
])
def test_given_levels(a: str, b: str, level: str) -> None:
    assert nm.given_match(a, b) == level


def test_fold_and_parse() -> None:
    assert nm.fold("Łukasz Wołoszyn-Ørsted") == "lukasz woloszyn orsted"
    assert nm.parse_person("Nadzeya (Nadia) Havrylenka") == nm.PersonName(("nadzeya", "nadia"), ("havrylenka",), "")
    p = nm.parse_person("María Elena Sotomayor Ibarra")
    assert p.given == ("maria",) and p.middle == ("elena",) and p.surnames == ("sotomayor", "ibarra")
    assert nm.parse_person("the deputy minister").only == "title"
    assert nm.parse_person("Haddoush").only == "surname"
    assert nm.parse_person("Tamara").only == "given"
    assert nm.abbreviates("FETRAMAR", "Federacion de Trabajadores Maritimos del Sur")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20), st.text(max_size=20))
def test_fold_is_ascii_idempotent_and_matching_symmetric(a: str, b: str) -> None:
    assert nm.fold(nm.fold(a)) == nm.fold(a)
    assert nm.fold(a).isascii()
    assert nm.surname_match(a, b) == nm.surname_match(b, a)
    assert nm.given_match(a, b) == nm.given_match(b, a)


def test_weights_live_in_one_data_file() -> None:
    m = lk.model()
    assert m["threshold"] > 0 and m["person"]["surname"]["exact"] > m["person"]["surname"]["translit"]
    assert m["person"]["given"]["differ"] < 0


# ---------------------------------------------------------------------------- linking
def test_transliterations_link_with_why(ledger: Ledger) -> None:
    ledger.add(rec("a1", "2024-03-01", [("e1", "PERSON", "Nadzeya Havrylenka", {"age": 33}),
                                        ("e2", "GPE", "Belarus"), ("e3", "ORG", "Free Press Union")], "Outlet A"))
    ledger.add(rec("a2", "2024-05-10", [("e1", "PERSON", "Nadezhda Gavrilenko", {"age": 33}),
                                        ("e2", "GPE", "Belarus")], "Outlet B"))
    ledger.add(rec("a3", "2025-04-02", [("e1", "GPE", "Belarus"), ("e2", "PERSON", "Havrylenka", {"age": 34})],
                   "Outlet C"))
    m = members(ledger)
    assert m[("a1", "e1")] == m[("a2", "e1")] == m[("a3", "e2")]
    assert m[("a1", "e2")] == m[("a2", "e2")] == m[("a3", "e1")]
    lj = ledger.ledger_json()
    person = next(e for e in lj["entities"] if e["id"] == m[("a1", "e1")])
    assert person["type"] == "PERSON" and person["name"] in ("Nadzeya Havrylenka", "Nadezhda Gavrilenko")
    assert "surname transliteration Gavrilenko~Havrylenka" in person["why"]
    assert "same age 33" in person["why"] and "age 34 consistent with the dates" in person["why"]
    assert any(w.startswith("co-mentioned with ") for w in person["why"])
    assert lj["as_of"] == "2025-04-02"
    assert sum(len(e["members"]) for e in lj["entities"]) == 7  # every document entity in exactly one


def test_two_people_one_article_never_merge(ledger: Ledger) -> None:
    ledger.add(rec("b1", "2024-01-01", [("e1", "PERSON", "Tomas Ardelean"), ("e2", "PERSON", "Tomas Ardeleanu")]))
    ledger.add(rec("b2", "2024-01-05", [("e1", "PERSON", "Tomas Ardelean")]))
    m = members(ledger)
    assert m[("b1", "e1")] != m[("b1", "e2")]
    assert m[("b2", "e1")] == m[("b1", "e1")]  # the exact spelling wins over the near one


def test_same_surname_different_given_names_stay_apart(ledger: Ledger) -> None:
    ledger.add(rec("c1", "2024-01-01", [("e1", "PERSON", "Irina Belousova"), ("e2", "PERSON", "Oleg Belousov")]))
    ledger.add(rec("c2", "2024-02-01", [("e1", "PERSON", "Marta Belousova")]))
    m = members(ledger)
    assert len({m[("c1", "e1")], m[("c1", "e2")], m[("c2", "e1")]}) == 3


def test_common_given_name_alone_never_links(ledger: Ledger) -> None:
    ledger.add(rec("g1", "2024-01-01", [("e1", "PERSON", "Maria"), ("e2", "GPE", "Moldova")]))
    ledger.add(rec("g2", "2024-01-02", [("e1", "PERSON", "Maria"), ("e2", "GPE", "Moldova")]))
    m = members(ledger)
    assert m[("g1", "e1")] != m[("g2", "e1")]
    assert m[("g1", "e2")] == m[("g2", "e2")]


def test_lone_given_name_joins_its_own_articles_person(ledger: Ledger) -> None:
    ledger.add(rec("h1", "2024-01-01", [("e1", "PERSON", "Aliaksandr Zhdanouski"), ("e2", "PERSON", "Sasha")]))
    m = members(ledger)
    assert m[("h1", "e1")] == m[("h1", "e2")]


def test_types_must_agree_and_ages_must_fit(ledger: Ledger) -> None:
    ledger.add(rec("t1", "2020-01-01", [("e1", "PERSON", "Jordan Vell", {"age": 30}), ("e2", "ORG", "Vell")]))
    ledger.add(rec("t2", "2024-01-01", [("e1", "PERSON", "Jordan Vell", {"age": 70})]))
    ledger.add(rec("t3", "2024-01-01", [("e1", "GPE", "Vell")]))
    m = members(ledger)
    assert m[("t1", "e1")] != m[("t2", "e1")]  # 30 in 2020 cannot be 70 in 2024
    assert len({m[("t1", "e1")], m[("t1", "e2")], m[("t3", "e1")]}) == 3


def test_body_written_long_and_short_is_one(ledger: Ledger) -> None:
    text = "The Federation of Maritime Workers (FEMAR) said on Monday."
    r = Record.from_json({"id": "o1", "text": text, "published": "2024-01-01", "entities": [
        {"id": "e1", "type": "ORG", "name": "Federation of Maritime Workers", "aliases": [],
         "mentions": [{"start": 4, "end": 34, "text": "Federation of Maritime Workers"}], "attributes": {}},
        {"id": "e2", "type": "ORG", "name": "FEMAR", "aliases": [],
         "mentions": [{"start": 36, "end": 41, "text": "FEMAR"}], "attributes": {}}]})
    ledger.add(r)
    ledger.add(rec("o2", "2024-01-02", [("e1", "ORG", "FEMAR")]))
    ledger.add(rec("o3", "2024-01-03", [("e1", "ORG", "the Federation of Maritime Workers")]))
    m = members(ledger)
    assert m[("o1", "e1")] == m[("o1", "e2")] == m[("o2", "e1")] == m[("o3", "e1")]


# ---------------------------------------------------------------------------- decisions, re-ingest, replace
def test_merge_and_split_survive_relink(ledger: Ledger) -> None:
    ledger.add(rec("m1", "2024-01-01", [("e1", "PERSON", "Kasia Nowosad"), ("e2", "GPE", "Poland")]))
    ledger.add(rec("m2", "2024-01-02", [("e1", "PERSON", "Katarzyna Nowosad-Lis"), ("e2", "GPE", "Poland")]))
    ledger.add(rec("m3", "2024-01-03", [("e1", "PERSON", "Kasia Nowosad")]))
    m = members(ledger)
    assert m[("m1", "e1")] == m[("m3", "e1")]
    a, b = m[("m1", "e1")], m[("m2", "e1")]
    if a != b:
        ledger.merge_entities(a, b)
    m = members(ledger)
    assert m[("m1", "e1")] == m[("m2", "e1")]
    new = ledger.split_entity(m[("m3", "e1")], "m3", "e1")
    m = members(ledger)
    assert m[("m3", "e1")] == new != m[("m1", "e1")]
    for _ in range(2):
        ledger.relink()
        m = members(ledger)
        assert m[("m1", "e1")] == m[("m2", "e1")]
        assert m[("m3", "e1")] != m[("m1", "e1")]
    assert [d["kind"] for d in ledger.decisions()].count("split") >= 1
    with pytest.raises(StoreError, match="not a member"):
        ledger.split_entity(m[("m1", "e1")], "m3", "e1")


def test_reingest_twice_changes_nothing(ledger: Ledger) -> None:
    r = rec("r1", "2024-01-01", [("e1", "PERSON", "Ilse Brandvold"), ("e2", "GPE", "Norway")])
    assert ledger.add(r) is True
    before = ledger._rows("SELECT * FROM ledger_members ORDER BY doc_id, entity_id")
    assert ledger.add(r) is False and ledger.add(r) is False
    assert ledger._rows("SELECT * FROM ledger_members ORDER BY doc_id, entity_id") == before
    assert ledger._rows("SELECT COUNT(*) FROM ledger_entities")[0][0] == 2


def test_replace_relinks_the_article(ledger: Ledger) -> None:
    ledger.add(rec("p1", "2024-01-01", [("e1", "PERSON", "Ilse Brandvold")], outlet="Wrong"))
    ledger.add(rec("p2", "2024-01-02", [("e1", "PERSON", "Ilse Brandvold")]))
    fixed = rec("p1", "2024-02-01", [("e1", "PERSON", "Ilse Brandvold")], outlet="Right")
    assert ledger.add(fixed, replace=True) is True
    assert ledger.get("p1").published == "2024-02-01" and ledger.get("p1").outlet == "Right"
    m = members(ledger)
    assert m[("p1", "e1")] == m[("p2", "e1")]
    assert ledger._rows("SELECT COUNT(*) FROM ledger_members")[0][0] == 2
    assert ledger.remove("p2") and ledger.remove("p1")
    assert ledger._rows("SELECT COUNT(*) FROM ledger_entities")[0][0] == 0  # nothing left dangling


# ---------------------------------------------------------------------------- reading
def test_lookup_by_any_spelling_and_title_only(ledger: Ledger) -> None:
    ledger.add(rec("l1", "2024-01-01", [("e1", "PERSON", "Nadzeya Havrylenka", {"titles": ["editor"]})], "A"))
    ledger.add(rec("l2", "2024-01-02", [("e1", "PERSON", "Nadezhda Gavrilenko")], "B"))
    lid = ledger.resolve("Havrylenka")
    assert ledger.resolve("nadezhda gavrilenko") == lid == ledger.resolve(lid)
    assert ledger.resolve("Gavrilenka") == lid  # a spelling no article used: found by sound
    prof = ledger.entity("Gavrilenko")
    assert prof["names_by_outlet"] == {"A": ["Nadzeya Havrylenka"], "B": ["Nadezhda Gavrilenko"]}
    assert prof["attributes"]["titles"] == [{"value": "editor", "doc": "l1"}]
    with pytest.raises(LedgerLookupError, match=f"is a role, not a name.*that title: {lid} Nad"):
        ledger.entity("the editor")
    with pytest.raises(LedgerLookupError, match="is a role, not a name.*give a name or an id"):
        ledger.entity("the spokeswoman")
    with pytest.raises(LedgerLookupError, match="no ledger entity"):
        ledger.entity("Quentin Marlowe")
    with pytest.raises(LedgerLookupError, match="no ledger entity L99"):
        ledger.timeline("L99")


def test_stemmed_search_and_speaker_search(ledger: Ledger) -> None:
    text = "Nadzeya Havrylenka said the hostages would be freed."
    st_ = {"id": "s1", "speaker": "e1", "speaker_text": "Nadzeya Havrylenka", "cue": "said", "channel": None,
           "channel_text": None, "direct": False, "content": {"start": 24, "end": 51, "text": text[24:51]},
           "parts": [], "about": [], "kind": "prediction", "date": None, "horizon": None,
           "evidence": {"start": 0, "end": len(text), "text": text}}
    r = Record.from_json({"id": "q1", "text": text, "published": "2024-01-01", "entities": [
        {"id": "e1", "type": "PERSON", "name": "Nadzeya Havrylenka", "aliases": [],
         "mentions": [{"start": 0, "end": 18, "text": "Nadzeya Havrylenka"}], "attributes": {}}], "statements": [st_]})
    ledger.add(r)
    assert {h.kind for h in ledger.search("hostage")} == {"article", "statement"}
    hits = ledger.search("Gavrilenko", scope="speakers")
    assert [(h.doc_id, h.ref) for h in hits] == [("q1", "s1")]


def test_readonly_store_reads_the_ledger(tmp_path: Path) -> None:
    with Ledger(tmp_path / "ro.db") as led:
        led.add(rec("x1", "2024-01-01", [("e1", "PERSON", "Ilse Brandvold")]))
    with Ledger(tmp_path / "ro.db", readonly=True) as led:
        assert led.ledger_json()["entities"][0]["name"] == "Ilse Brandvold"
        with pytest.raises(StoreError, match="read-only"):
            led.relink()


def test_linking_cost_does_not_read_the_whole_store(ledger: Ledger) -> None:
    """Blocking: linking an article queries keys, never scans every ledger entity."""
    for i in range(40):
        ledger.add(rec(f"k{i}", "2024-01-01", [("e1", "PERSON", f"Ilse Brandvold{chr(97 + i % 26)}{i}")]))
    seen: list[str] = []
    orig = ledger._rows
    ledger._rows = lambda sql, params=(): (seen.append(sql), orig(sql, params))[1]  # type: ignore[method-assign]
    ledger.add(rec("k_new", "2024-01-02", [("e1", "PERSON", "Ilse Brandvold")]))
    assert not any("FROM ledger_entities" in q and "WHERE" not in q.split("FROM ledger_entities")[1][:20]
                   and "MAX(n)" not in q for q in seen)


# ---------------------------------------------------------------------------- dates
def test_date_from_dateline_only() -> None:
    assert date_from_text("ODESA, 4 March 2025 — Port workers struck.") == ("2025-03-04", "4 March 2025", "dateline")
    assert date_from_text("Posted\nPublished: Jan. 9, 2024\nThe mayor resigned.")[0] == "2024-01-09"
    assert date_from_text("The mayor resigned on March 4, 2025, after a long dispute over the budget.") is None


# ---------------------------------------------------------------------------- the command line
def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsledger", *args], capture_output=True, text=True, cwd=ROOT)


@pytest.mark.slow
def test_commands_end_to_end(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    with Ledger(db) as led:
        led.add(rec("a1", "2024-03-01", [("e1", "PERSON", "Nadzeya Havrylenka"), ("e2", "GPE", "Belarus")], "A"))
        led.add(rec("a2", "2024-05-10", [("e1", "PERSON", "Nadezhda Gavrilenko"), ("e2", "GPE", "Belarus")], "B"))
        led.add(rec("a3", "2024-05-11", [("e1", "PERSON", "Oleg Smirnov")], "B"))
    r = _cli("ledger", "--db", str(db), "--format", "json")
    assert r.returncode == 0, r.stderr
    lj = json.loads(r.stdout)
    assert set(lj) == {"as_of", "entities", "claims", "groups"} and len(lj["entities"]) == 3
    r = _cli("ledger", "--db", str(db), "--format", "pretty")
    assert "Nadzeya Havrylenka" in r.stdout and "why: " in r.stdout
    r = _cli("entity", "Gavrilenko", "--db", str(db))
    assert r.returncode == 0 and "A: Nadzeya Havrylenka" in r.stdout
    r = _cli("entity", "the", "president", "--db", str(db))
    assert r.returncode == 2 and r.stderr.startswith("error: [N510]") and len(r.stderr.strip().splitlines()) == 1
    lid_a = next(e["id"] for e in lj["entities"] if e["name"] == "Oleg Smirnov")
    lid_b = next(e["id"] for e in lj["entities"] if e["type"] == "PERSON" and e["id"] != lid_a)
    assert _cli("entity", "merge", lid_b, lid_a, "--db", str(db)).returncode == 0
    assert _cli("relink", "--db", str(db)).returncode == 0
    lj = json.loads(_cli("ledger", "--db", str(db)).stdout)
    assert len(lj["entities"]) == 2
    assert _cli("entity", "split", lid_b, "a3/e1", "--db", str(db)).returncode == 0
    assert _cli("relink", "--db", str(db)).returncode == 0
    assert len(json.loads(_cli("ledger", "--db", str(db)).stdout)["entities"]) == 3
    r = _cli("claims", "--db", str(db), "--outcome", "pending")
    assert r.returncode == 0
    r = _cli("timeline", "Havrylenka", "--db", str(db))
    assert r.returncode == 0
    before = sqlite3.connect(db).execute("SELECT COUNT(*) FROM ledger_members").fetchone()[0]
    assert before == 5


def test_ingest_without_a_date_says_so(capsys: pytest.CaptureFixture) -> None:
    from newsledger.cli import _dated
    from newsledger.records import Article

    a = _dated(Article(text="ODESA, 4 March 2025 — Port workers struck.\nThe union said more.", id="x"))
    assert a.published == "2025-03-04"
    assert "WARNING: x has no publication date; using 2025-03-04 from its dateline" in capsys.readouterr().err
    b = _dated(Article(text="Port workers struck on Monday.", id="y"))
    assert b.published is None
    assert "no publication date and none is written in it" in capsys.readouterr().err


def test_one_body_name_in_two_countries(ledger: Ledger) -> None:
    text = "Moldova's Interior Ministry said the border would reopen."
    r = Record.from_json({"id": "n3", "text": text, "published": "2024-01-03", "entities": [
        {"id": "e1", "type": "GPE", "name": "Moldova", "aliases": [], "mentions": [{"start": 0, "end": 7, "text": "Moldova"}],
         "attributes": {}},
        {"id": "e2", "type": "ORG", "name": "Interior Ministry", "aliases": [],
         "mentions": [{"start": 10, "end": 27, "text": "Interior Ministry"}], "attributes": {}}]})
    ledger.add(rec("n1", "2024-01-01", [("e1", "ORG", "Interior Ministry")]))
    ledger.add(rec("n2", "2024-01-02", [("e1", "ORG", "Moldovan Interior Ministry")]))
    ledger.add(r)
    ledger.add(rec("n4", "2024-01-04", [("e1", "ORG", "Romanian Interior Ministry")]))
    m = members(ledger)
    assert m[("n2", "e1")] == m[("n3", "e2")] != m[("n1", "e1")]
    assert m[("n4", "e1")] not in (m[("n2", "e1")], m[("n1", "e1")])


_POOL = [("PERSON", "Nadzeya Havrylenka"), ("PERSON", "Nadezhda Gavrilenko"), ("PERSON", "Havrylenka"),
         ("PERSON", "Oleg Belousov"), ("PERSON", "Irina Belousova"), ("PERSON", "Maria"), ("PERSON", "Tomas Ardelean"),
         ("PERSON", "the spokesman"), ("ORG", "Free Press Union"), ("ORG", "FPU"), ("GPE", "Belarus"),
         ("GPE", "Republic of Belarus"), ("ORG", "Belarusian Interior Ministry"), ("ORG", "Interior Ministry")]


def _invariants(led: Ledger) -> dict[tuple[str, str], str]:
    n_entities = led._rows("SELECT COUNT(*) FROM entities")[0][0]
    m = members(led)
    assert len(m) == n_entities  # every document entity in exactly one ledger entity
    lids = {r[0] for r in led._rows("SELECT id FROM ledger_entities")}
    assert set(m.values()) == lids  # no ledger entity without members, no member without an entity
    for (d, e), lid in m.items():  # two full names one article gives apart never share an entity
        for (d2, e2), lid2 in m.items():
            if d == d2 and e < e2 and lid == lid2:
                n1, n2 = (led._rows("SELECT name, type FROM entities WHERE doc_id = ? AND id = ?", (d, x))[0]
                          for x in (e, e2))
                if n1[1] == n2[1] == "PERSON":
                    p1, p2 = nm.parse_person(n1[0]), nm.parse_person(n2[0])
                    assert not (p1.full and p2.full) or lk._same_full(p1, p2), (n1, n2)
    return m


@settings(max_examples=12, deadline=None)
@given(st.lists(st.lists(st.sampled_from(range(len(_POOL))), min_size=1, max_size=5, unique=True),
                min_size=1, max_size=6))
def test_ledger_invariants_hold_through_adds_and_relinks(tmp_path_factory, articles) -> None:
    path = tmp_path_factory.mktemp("inv") / "inv.db"
    with Ledger(path) as led:
        for i, picks in enumerate(articles):
            led.add(rec(f"v{i}", f"2024-01-{i + 1:02d}", [(f"e{k}", *_POOL[j]) for k, j in enumerate(picks)]))
            _invariants(led)
        led.relink()
        first = _invariants(led)
        led.relink()
        assert _invariants(led) == first  # a relink is deterministic


@pytest.mark.slow
def test_ingest_dateline_replace_and_ledger_through_the_cli(tmp_path: Path) -> None:
    """A user's run: an undated article takes its dateline's date (loudly), a corrected copy replaces it,
    and the ledger links one person across the two outlets' spellings."""
    db = tmp_path / "story.db"
    a = {"id": "k1", "outlet": "North Wire", "text": "KELMAR, March 3, 2025 — Police in Kelmar detained the "
         "journalist Nadzeya Havrylenka on Monday, her editor said.\nHavrylenka, 33, was taken to a station."}
    b = {"id": "k2", "outlet": "East Daily", "published": "2025-03-20", "text": "The Kelmar court released "
         "journalist Nadezhda Gavrilenko, 33, on Wednesday, her lawyer said."}
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(a) + "\n" + json.dumps(b) + "\n", encoding="utf-8")
    r = _cli("ingest", str(src), "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert "WARNING: " in r.stderr and "using 2025-03-03 from its dateline" in r.stderr
    with Ledger(db, readonly=True) as led:
        assert led.get("k1").published == "2025-03-03"
    r = _cli("ingest", str(src), "--db", str(db))
    assert "0 article(s) stored, 2 skipped" in r.stderr
    fixed = tmp_path / "fixed.jsonl"
    fixed.write_text(json.dumps({**a, "published": "2025-03-04", "outlet": "North Wire Agency"}) + "\n", encoding="utf-8")
    r = _cli("ingest", str(fixed), "--db", str(db), "--replace")
    assert r.returncode == 0, r.stderr
    with Ledger(db, readonly=True) as led:
        assert (led.get("k1").published, led.get("k1").outlet) == ("2025-03-04", "North Wire Agency")
        assert led.count() == 2
        lid = led.resolve("Havrylenka")
        assert {d for d, _ in members(led) if members(led)[(d, _)] == lid} == {"k1", "k2"}
    r = _cli("entity", "Gavrilenko", "--db", str(db), "--json")
    prof = json.loads(r.stdout)
    assert set(prof["names_by_outlet"]) == {"North Wire Agency", "East Daily"}


@pytest.mark.slow
def test_an_older_ledger_is_brought_up_and_linked_by_relink(tmp_path: Path) -> None:
    from newsledger.ledger.migrations import migrations, split_statements
    from newsledger.ledger.store import _insert_record
    from newsledger.records import text_hash

    db = tmp_path / "v1.db"
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    for sql in split_statements(migrations()[0].sql):
        con.execute(sql)
    con.execute("INSERT INTO schema_migrations VALUES (1, 'initial', '2025-01-01T00:00:00+00:00')")
    r = rec("w1", "2024-01-01", [("e1", "PERSON", "Ilse Brandvold")], text=None)
    _insert_record(con, r, text_hash(r.text), None)
    con.close()
    p = _cli("ledger", "--db", str(db))
    assert p.returncode == 2 and "schema version 1" in p.stderr and "newsledger relink" in p.stderr
    assert _cli("relink", "--db", str(db)).returncode == 0
    lj = json.loads(_cli("ledger", "--db", str(db)).stdout)
    assert [e["name"] for e in lj["entities"]] == ["Ilse Brandvold"]
    with Ledger(db, readonly=True) as led:
        assert [h.doc_id for h in led.search("Brandvold")] == ["w1"]


def test_a_linking_failure_never_loses_the_article(ledger: Ledger, monkeypatch, caplog) -> None:
    def broken(store, record):
        store._exec("INSERT INTO ledger_entities (id, n, type, kind, name) VALUES ('L900', 900, 'X', 'x', 'half')")
        raise RuntimeError("boom")

    monkeypatch.setattr(lk, "link_record", broken)
    assert ledger.add(rec("f1", "2024-01-01", [("e1", "PERSON", "Ilse Brandvold")])) is True
    assert ledger.has_id("f1") and members(ledger) == {}
    assert ledger._rows("SELECT COUNT(*) FROM ledger_entities")[0][0] == 0  # the half-done link rolled back
    assert "could not be linked" in caplog.text and "newsledger relink" in caplog.text
    monkeypatch.undo()
    ledger.relink()
    assert list(members(ledger)) == [("f1", "e1")]


def test_a_merge_by_hand_keeps_whole_entities_together_on_relink(ledger: Ledger) -> None:
    """Both sides of a merge keep all their members together on a relink, whatever order the articles come in."""
    ledger.add(rec("j1", "2024-01-05", [("e1", "PERSON", "Piet Hollander")]))
    ledger.add(rec("j2", "2024-01-06", [("e1", "PERSON", "Piet Hollander")]))
    ledger.add(rec("j3", "2024-01-01", [("e1", "PERSON", "Jonah Whitcombe")]))
    ledger.add(rec("j4", "2024-01-02", [("e1", "PERSON", "Jonah Whitcombe")]))
    m = members(ledger)
    ledger.merge_entities(m[("j2", "e1")], m[("j4", "e1")])  # j1 and j3 come first on a relink
    ledger.relink()
    assert len(set(members(ledger).values())) == 1


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from([f"L{i}" for i in range(1, 40)]), st.integers(1, 4)), st.integers(0, 45))
def test_top_counts_is_the_sort_by_count_then_key_it_replaces(counts, cap):
    from newsledger.ledger.link_features import top_counts

    want = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:cap])
    got = top_counts(counts, cap)
    assert got == want and list(got) == list(want)  # the same entries in the same order (stored as JSON)
