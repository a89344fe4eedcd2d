"""The REST API (/api/v1) through FastAPI's test client, over a ledger of invented, hand-built records
(tests/webdata.py): every endpoint, filter, pagination edge, bad parameter and missing token."""

from __future__ import annotations

import csv
import io
import json

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

import webdata  # noqa: E402
from newsledger.api import create_app  # noqa: E402
from newsledger.errors import StoreError  # noqa: E402
from newsledger.pipeline import Failure  # noqa: E402
from newsledger.records import Record  # noqa: E402

TOKEN = "t0ken-for-tests"
N_SERIES = 12


class FakePipeline:
    """Stands in for the model: a record with no extractions per article; 'FAIL' in the text fails."""

    def __init__(self) -> None:
        self.seen = 0

    def process(self, items):
        for it in items:
            self.seen += 1
            if isinstance(it, Exception):
                yield Failure.from_error(it)
            elif "FAIL" in it.text:
                yield Failure(it.source or "?", "invented failure", "N400", it.doc_id)
            else:
                yield Record(it.doc_id, it.text, title=it.title, outlet=it.outlet, published=it.published)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return webdata.build_store(tmp_path_factory.mktemp("api") / "ledger.db", extra=N_SERIES)


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db, token=TOKEN, pipeline=FakePipeline()))


@pytest.fixture
def write_client(tmp_path):
    path = webdata.build_store(tmp_path / "w.db")
    return TestClient(create_app(path, token=TOKEN, max_body=2000, pipeline=FakePipeline())), path


def err(resp, status: int, code: str | None = None) -> dict:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and {"code", "message"} <= set(body["error"]), body
    assert body["error"]["message"]
    if code is not None:
        assert body["error"]["code"] == code, body
    return body["error"]


# ---------------------------------------------------------------------------- app
def test_create_app_refuses_a_missing_store(tmp_path):
    with pytest.raises(StoreError, match="newsledger ingest"):
        create_app(tmp_path / "absent.db")


def test_security_headers_on_json_and_html(client):
    for url in ("/api/v1/documents", "/", "/api/v1/nowhere"):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "object-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_openapi_and_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/v1/documents", "/api/v1/documents/{doc_id}", "/api/v1/entities", "/api/v1/statements",
                 "/api/v1/events", "/api/v1/claims", "/api/v1/search", "/api/v1/ingest"):
        assert path in spec["paths"], path
    page = client.get("/docs")
    assert page.status_code == 200 and "/api/v1/statements" in page.text and "<script>" not in page.text


def test_unknown_api_path_is_json_404(client):
    e = err(client.get("/api/v1/nowhere"), 404, "not_found")
    assert "/api/v1" in e["message"]


# ---------------------------------------------------------------------------- documents
def test_documents_newest_first(client):
    items = client.get("/api/v1/documents?limit=3").json()["items"]
    assert [d["id"] for d in items] == ["b2", "a1", "xss"]
    assert items[0]["statements"] == 1 and items[0]["events"] == 2


def test_documents_cursor_walks_every_document_once(client):
    seen, cursor, pages = [], None, 0
    while True:
        r = client.get("/api/v1/documents", params={"limit": 4, **({"cursor": cursor} if cursor else {})}).json()
        seen += [d["id"] for d in r["items"]]
        pages += 1
        cursor = r["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 3 + N_SERIES
    assert pages == -(-(3 + N_SERIES) // 4)


def test_documents_exact_page_has_no_next(client):
    r = client.get(f"/api/v1/documents?limit={3 + N_SERIES}").json()
    assert r["count"] == 3 + N_SERIES and r["next_cursor"] is None
    r = client.get(f"/api/v1/documents?limit={2 + N_SERIES}").json()
    assert r["next_cursor"] is not None


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 501}, {"limit": "x"}, {"since": "March"},
                                    {"until": "2025-3-1"}, {"outlet": ""}, {"format": "xml"}])
def test_documents_bad_parameters(client, params):
    e = err(client.get("/api/v1/documents", params=params), 422, "invalid_parameter")
    assert list(params)[0] in e["message"]


@pytest.mark.parametrize("cursor", ["garbage", "W10", "WyJhIiwgMV0", "x" * 300])
def test_documents_bad_cursor(client, cursor):
    e = err(client.get("/api/v1/documents", params={"cursor": cursor}), 422, "invalid_cursor")
    assert "next_cursor" in e["message"]


def test_documents_filters(client):
    ids = lambda **p: [d["id"] for d in client.get("/api/v1/documents", params={"limit": 100, **p}).json()["items"]]
    assert ids(outlet="Northern Courier") == ["b2"]
    assert ids(outlet="No Such Outlet") == []
    assert ids(since="2025-01-01") == ["b2", "a1", "xss"]
    assert ids(since="2025-02", until="2025-03-31") == ["a1"]
    assert ids(until="2024-01-02") == ["s0001", "s0000"]


def test_document_record_and_404(client):
    r = client.get("/api/v1/documents/a1")
    assert r.status_code == 200
    assert Record.from_json(r.json()) == webdata.article_a()
    err(client.get("/api/v1/documents/nope"), 404, "not_found")


def test_documents_export_csv_and_jsonl(client):
    r = client.get("/api/v1/documents?format=csv&outlet=Series%20Post")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == N_SERIES and rows[0]["outlet"] == "Series Post"
    r = client.get("/api/v1/documents?format=jsonl")
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert len(lines) == 3 + N_SERIES  # the whole list, not one page


# ---------------------------------------------------------------------------- entities
@pytest.fixture
def no_ledger(monkeypatch):
    """A store without the cross-article ledger (the pages and endpoints must degrade)."""
    from newsledger.ledger.rows import LedgerRowsMixin

    for name in ("entities", "entity", "claims"):
        monkeypatch.delattr(LedgerRowsMixin, name)


def test_entity_search_in_the_ledger(client):
    r = client.get("/api/v1/entities?q=varo").json()
    assert r["source"] == "ledger"
    top = r["items"][0]
    assert top["name"] == "Elena Varo" and top["id"].startswith("L") and top["articles"] == 2 + N_SERIES
    assert [i["name"] for i in client.get("/api/v1/entities?q=brell").json()["items"]] == ["Tomas Brell"]
    assert client.get("/api/v1/entities?q=zzzz").json()["items"] == []
    assert len(client.get("/api/v1/entities?q=e&limit=2").json()["items"]) <= 2
    err(client.get("/api/v1/entities"), 422, "invalid_parameter")
    err(client.get("/api/v1/entities?q="), 422, "invalid_parameter")


def test_entity_search_without_the_ledger(client, no_ledger):
    r = client.get("/api/v1/entities?q=varo").json()
    assert r["source"] == "documents"
    assert r["items"][0] == {"name": "Elena Varo", "type": "PERSON", "documents": 2 + N_SERIES}


def test_entity_search_takes_like_wildcards_literally(client, no_ledger):
    assert client.get("/api/v1/entities?q=%25").json()["items"] == []
    names = [i["name"] for i in client.get("/api/v1/entities?q=_").json()["items"]]
    assert names and all("_" in n for n in names)  # only the names with an underscore in them


def test_entity_profile_from_the_ledger(client):
    p = client.get("/api/v1/entities/Elena Varo").json()
    assert p["source"] == "ledger" and p["id"].startswith("L")
    assert sorted(p["names_by_outlet"]["Northern Courier"]) == ["E. Varo", "Elena Varo"]
    assert sorted(p["names_by_outlet"]["Harbor Gazette"]) == ["Elena Varo", "Varo"]
    assert {"Minister", "Foreign Minister"} <= set(p["attributes"]["titles"])
    # the ledger's items come back as full list items, newest article first
    assert len(p["statements_by"]) == 2 * (1 + N_SERIES)
    assert p["statements_by"][0]["doc"] == "a1" and p["statements_by"][0]["speaker_name"] == "Elena Varo"
    assert [(s["doc"], s["speaker_name"]) for s in p["statements_about"]] == [("b2", "Tomas Brell")]
    assert {e["type"] for e in p["events"]} == {"CONSULT"} and p["events"][0]["source"][0]["name"] == "Elena Varo"
    assert [m["title"] for m in p["members"]][-1] == "Varo meets council leaders"
    assert client.get(f"/api/v1/entities/{p['id']}").json()["name"] == "Elena Varo"  # by ledger id
    assert client.get("/api/v1/entities/tomas brell").json()["attributes"]["age"] == [52]
    err(client.get("/api/v1/entities/Nobody At All"), 404, "not_found")


def test_entity_profile_without_the_ledger(client, no_ledger):
    p = client.get("/api/v1/entities/Elena Varo").json()
    assert p["source"] == "documents"
    assert p["names_by_outlet"]["Northern Courier"] == ["E. Varo", "Elena Varo"]
    assert p["names_by_outlet"]["Harbor Gazette"] == ["Elena Varo", "Varo"]
    assert {"Minister", "Foreign Minister"} <= set(p["attributes"]["titles"])
    assert len(p["statements_by"]) == 2 * (1 + N_SERIES)
    assert [s["speaker_name"] for s in p["statements_about"]] == ["Tomas Brell"]
    assert {e["type"] for e in p["events"]} == {"CONSULT"}
    brell = client.get("/api/v1/entities/tomas brell").json()  # any case
    assert brell["attributes"]["affiliation"] == ["Kestrel council"] and brell["attributes"]["age"] == [52]
    assert client.get("/api/v1/entities/E. Varo").json()["name"] == "Elena Varo"  # by alias
    err(client.get("/api/v1/entities/Nobody At All"), 404, "not_found")


# ---------------------------------------------------------------------------- statements
def stmts(client, **params):
    r = client.get("/api/v1/statements", params={"limit": 500, **params})
    assert r.status_code == 200, r.text
    return [(s["doc"], s["id"]) for s in r.json()["items"]]


def test_statement_filters(client):
    assert stmts(client, speaker="brell") == [("b2", "s1")]
    assert stmts(client, about="elena") == [("b2", "s1")]
    assert stmts(client, kind="opinion") == [("b2", "s1")]
    assert stmts(client, kind="commitment", outlet="Harbor Gazette") == [("a1", "s1"), ("a1", "s2")]
    assert stmts(client, direct="true", outlet="Harbor Gazette") == [("a1", "s2")]
    assert stmts(client, direct="false", outlet="Harbor Gazette") == [("a1", "s1")]
    assert stmts(client, since="2025-04-01") == [("b2", "s1")]
    # a dated statement by its own date (2025-03-03), an undated one by its article's (2025-03-04)
    assert stmts(client, since="2025-03-03", until="2025-03-03", outlet="Harbor Gazette") == [("a1", "s1")]
    assert stmts(client, speaker="Payne<script>") == [("xss", "s1")]
    assert stmts(client, doc="a1") == [("a1", "s1"), ("a1", "s2")]


def test_statement_item_shape(client):
    s = client.get("/api/v1/statements?speaker=brell").json()["items"][0]
    assert s["content"] == "the meeting was productive" and s["direct"] is False
    assert s["about"] == [{"id": "e1", "name": "Elena Varo"}] and s["date"] == "2025-04-09"


def test_statement_pagination_and_bad_parameters(client):
    everything = stmts(client)
    walked, cursor = [], None
    while True:
        r = client.get("/api/v1/statements", params={"limit": 5, **({"cursor": cursor} if cursor else {})}).json()
        walked += [(s["doc"], s["id"]) for s in r["items"]]
        cursor = r["next_cursor"]
        if not cursor:
            break
    assert walked == everything and len(everything) == 4 + 2 * N_SERIES
    for params in ({"kind": "rumour"}, {"direct": "maybe"}, {"since": "yesterday"}, {"outcome": "won"},
                   {"speaker": "x" * 201}):
        err(client.get("/api/v1/statements", params=params), 422, "invalid_parameter")
    err(client.get("/api/v1/statements", params={"cursor": "W10"}), 422, "invalid_cursor")


def test_statement_outcome_needs_the_ledger(client, no_ledger):
    e = err(client.get("/api/v1/statements?outcome=pending"), 501, "not_available")
    assert "kind=prediction" in e["message"]


def test_statement_exports_follow_filters(client):
    r = client.get("/api/v1/statements?format=csv&kind=commitment")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 2 * (1 + N_SERIES) and {x["kind"] for x in rows} == {"commitment"}
    assert rows[0]["about"] == "Kestrel council" or rows[1]["about"] == "Kestrel council"
    r = client.get("/api/v1/statements?format=jsonl&speaker=brell")
    assert [json.loads(x)["id"] for x in r.text.splitlines()] == ["s1"]


def test_csv_cells_never_start_a_formula(client, tmp_path):
    from newsledger.api.routes import _cell

    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and _cell("plain") == "plain" and _cell(3) == 3


# ---------------------------------------------------------------------------- events
def evs(client, **params):
    r = client.get("/api/v1/events", params={"limit": 500, **params})
    assert r.status_code == 200, r.text
    return [(v["doc"], v["id"]) for v in r.json()["items"]]


def test_event_filters(client):
    assert evs(client, type="PROTEST") == [("b2", "v2")]
    assert evs(client, type="CONSULT", mode="visit") == [("b2", "v1")]
    assert evs(client, actor="varo", outlet="Harbor Gazette") == [("a1", "v1")]
    assert evs(client, target="kestrel", since="2025-04-01") == [("b2", "v1")]
    assert evs(client, status="future", outlet="Harbor Gazette") == [("a1", "v1")]
    assert evs(client, type="ACCUSE", until="2024-01-01") == [("s0000", "v2")]
    v = client.get("/api/v1/events?type=CONSULT&mode=visit").json()["items"][0]
    assert v["source"] == [{"id": "e1", "name": "Elena Varo"}] and v["location"] == "Dunmore"
    for params in ({"type": "PARTY"}, {"status": "rumoured"}, {"until": "2025/01/01"}, {"limit": -1}):
        err(client.get("/api/v1/events", params=params), 422, "invalid_parameter")


def test_event_export_and_histogram(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/events?format=csv&type=PROTEST").text)))
    assert [(r["doc"], r["type"], r["mode"]) for r in rows] == [("b2", "PROTEST", "demo")]
    h = client.get("/api/v1/events/histogram?since=2025-01-01").json()["items"]
    assert {"month": "2025-04", "type": "PROTEST", "count": 1} in h
    # a1's and the series' talks dated by their horizon, a1's undated accusation by its article
    assert sum(x["count"] for x in h if x["month"] == "2025-03") == 2 + N_SERIES


# ---------------------------------------------------------------------------- claims
def test_claims_not_available_without_the_ledger(client, no_ledger):
    err(client.get("/api/v1/claims"), 501, "not_available")
    err(client.get("/api/v1/claims?outcome=won"), 422, "invalid_parameter")


def test_claims_computed_by_the_ledger(client):
    items = client.get("/api/v1/claims").json()["items"]
    assert {(c["kind"], c["outcome"] in ("fulfilled", "failed", "partly", "pending")) for c in items} == {
        ("commitment", True)}
    one = items[0]
    assert {"id", "doc", "statement", "speaker", "outcome", "decided_by", "reports"} <= set(one)
    fulfilled = client.get("/api/v1/claims?outcome=fulfilled").json()["items"]
    assert all(c["outcome"] == "fulfilled" for c in fulfilled)
    assert stmts(client, outcome="fulfilled") == sorted({(c["doc"], c["statement"]) for c in fulfilled})
    assert client.get("/api/v1/claims?speaker=Elena Varo").json()["count"] == len(items)
    err(client.get("/api/v1/claims?speaker=Nobody At All"), 404, "not_found")


CLAIMS = [{"id": "C1", "doc": "a1", "statement": "s1", "speaker": "L1", "kind": "commitment",
           "horizon": {"value": "2025-03-31"}, "outcome": "fulfilled", "decided_by": {"doc": "b2", "event": "v1"},
           "reports": []},
          {"id": "C2", "doc": "a1", "statement": "s2", "speaker": "L1", "kind": "commitment", "horizon": None,
           "outcome": "pending", "decided_by": None, "reports": [{"doc": "s0001", "statement": "s2"}]}]


@pytest.fixture
def with_claims(monkeypatch, client):
    from newsledger.ledger.store import Ledger

    def claims(self, outcome=None, speaker=None):
        return [c for c in CLAIMS if outcome in (None, c["outcome"])]

    monkeypatch.setattr(Ledger, "claims", claims, raising=False)
    client.app.state.claims_cache = None
    yield
    client.app.state.claims_cache = None


def test_claims_are_computed_once_per_state_of_the_store(write_client, monkeypatch):
    from newsledger.ledger.store import Ledger

    c, _ = write_client
    calls = []

    def claims(self, outcome=None, speaker=None):
        calls.append(outcome)
        return [x for x in CLAIMS if outcome in (None, x["outcome"])]

    monkeypatch.setattr(Ledger, "claims", claims, raising=False)
    assert c.get("/api/v1/claims").json()["count"] == 2
    assert [x["id"] for x in c.get("/api/v1/claims?outcome=pending").json()["items"]] == ["C2"]
    assert c.get("/claims").status_code == 200
    assert calls == [None]  # one computation, filtered three ways
    body = json.dumps({"id": "new", "text": "A new invented note."}) + "\n"
    c.post("/api/v1/ingest", content=body, headers={"authorization": f"Bearer {TOKEN}"})
    c.get("/api/v1/claims")
    assert calls == [None, None]  # the store changed: computed again


def test_claims_from_the_ledger(client, with_claims):
    assert [c["id"] for c in client.get("/api/v1/claims").json()["items"]] == ["C1", "C2"]
    assert [c["id"] for c in client.get("/api/v1/claims?outcome=pending").json()["items"]] == ["C2"]
    assert stmts(client, outcome="fulfilled") == [("a1", "s1")]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/claims?format=csv").text)))
    assert [r["outcome"] for r in rows] == ["fulfilled", "pending"]
    page = client.get("/claims")
    assert page.status_code == 200 and "Fulfilled (1)" in page.text and "Pending (1)" in page.text
    assert "the government will open talks" in page.text and 'href="/articles/b2#v1"' in page.text


# ---------------------------------------------------------------------------- search
def test_search(client):
    r = client.get("/api/v1/search?q=productive").json()
    assert {(h["doc_id"], h["kind"], h["ref"]) for h in r["items"]} == {("b2", "article", None), ("b2", "statement", "s1")}
    assert "[productive]" in r["items"][0]["snippet"]
    r = client.get("/api/v1/search?q=productive&scope=statements").json()
    assert [h["kind"] for h in r["items"]] == ["statement"]
    assert client.get("/api/v1/search?q=marched&limit=1").json()["count"] == 1
    said = client.get("/api/v1/search?q=Brell&scope=speakers").json()["items"]
    assert [(h["doc_id"], h["ref"]) for h in said] == [("b2", "s1")]
    err(client.get("/api/v1/search"), 422, "invalid_parameter")
    err(client.get("/api/v1/search?q=x&scope=everywhere"), 422, "invalid_parameter")
    err(client.get('/api/v1/search?q=((('), 422, "invalid_query")  # no words in it
    assert client.get('/api/v1/search?q="unbalanced').json()["count"] == 0  # user words are words, never syntax


# ---------------------------------------------------------------------------- ingest
LINES = (json.dumps({"id": "n1", "text": "An invented note about a harbour.", "published": "2025-05-01"}) + "\n"
         + json.dumps({"id": "n2", "text": "Another invented note, FAIL here."}) + "\n"
         + "not json\n")


def test_ingest_refused_without_a_server_token(db):
    c = TestClient(create_app(db, token="", pipeline=FakePipeline()))
    e = err(c.post("/api/v1/ingest", content=LINES, headers={"authorization": "Bearer x"}), 403, "ingest_disabled")
    assert "NEWSLEDGER_TOKEN" in e["message"]


def test_ingest_token_comes_from_the_environment(db, monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_TOKEN", "from-env")
    c = TestClient(create_app(db, pipeline=FakePipeline()))
    err(c.post("/api/v1/ingest", content="", headers={"authorization": "Bearer from-env"}), 422)
    monkeypatch.delenv("NEWSLEDGER_TOKEN")
    c = TestClient(create_app(db, pipeline=FakePipeline()))
    err(c.post("/api/v1/ingest", content=LINES, headers={"authorization": "Bearer from-env"}), 403)


@pytest.mark.parametrize("headers", [{}, {"authorization": "Bearer wrong"}, {"authorization": TOKEN},
                                     {"authorization": f"Basic {TOKEN}"}])
def test_ingest_needs_the_token(write_client, headers):
    c, _ = write_client
    err(c.post("/api/v1/ingest", content=LINES, headers=headers), 401, "unauthorized")


def test_ingest_jsonl_body(write_client):
    c, path = write_client
    auth = {"authorization": f"Bearer {TOKEN}"}
    r = c.post("/api/v1/ingest", content=LINES, headers=auth)
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["stored"] == ["n1"] and out["duplicates"] == []
    assert sorted(f["code"] for f in out["failed"]) == ["N106", "N400"]
    assert c.get("/api/v1/documents/n1").json()["published"] == "2025-05-01"
    again = c.post("/api/v1/ingest", content=LINES.splitlines()[0], headers=auth).json()
    assert again["stored"] == [] and again["duplicates"] == ["n1"]


def test_ingest_file_upload(write_client):
    c, _ = write_client
    body = json.dumps({"id": "u1", "text": "An uploaded invented note."}) + "\n"
    r = c.post("/api/v1/ingest?published=2025-06-02", files={"file": ("notes.jsonl", body.encode())},
               headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200 and r.json()["stored"] == ["u1"], r.text
    assert c.get("/api/v1/documents/u1").json()["published"] == "2025-06-02"
    r = c.post("/api/v1/ingest", data={"other": "x"}, files={"nofile": ("a.txt", b"x")},
               headers={"authorization": f"Bearer {TOKEN}"})
    err(r, 422, "invalid_parameter")


def test_ingest_size_limit(write_client):
    c, _ = write_client
    big = json.dumps({"text": "word " * 1000}) + "\n"
    auth = {"authorization": f"Bearer {TOKEN}"}
    e = err(c.post("/api/v1/ingest", content=big, headers=auth), 413, "too_large")
    assert "2,000 bytes" in e["message"]

    def chunks():  # no Content-Length: refused while it streams in
        for _ in range(10):
            yield b"x" * 500

    err(c.post("/api/v1/ingest", content=chunks(), headers=auth), 413, "too_large")


def test_ingest_empty_and_bad_parameters(write_client):
    c, _ = write_client
    auth = {"authorization": f"Bearer {TOKEN}"}
    err(c.post("/api/v1/ingest", content="  \n", headers=auth), 422, "invalid_parameter")
    err(c.post("/api/v1/ingest?published=soon", content=LINES, headers=auth), 422, "invalid_parameter")
    err(c.get("/api/v1/ingest"), 405, "method_not_allowed")


@pytest.mark.slow
def test_ingest_through_the_real_pipeline(tmp_path):
    """POST an invented article; the server's pipeline (the spaCy model) extracts and stores it."""
    path = webdata.build_store(tmp_path / "real.db")
    c = TestClient(create_app(path, token=TOKEN))
    art = {"id": "harbour", "published": "2025-06-03", "outlet": "Coast Weekly",
           "text": "Mayor Ilse Brandt said on Monday that the city will rebuild the old harbour wall by October. "
                   "\"The work starts next week,\" Brandt told the council."}
    r = c.post("/api/v1/ingest", content=json.dumps(art) + "\n", headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200 and r.json()["stored"] == ["harbour"], r.text
    rec = c.get("/api/v1/documents/harbour").json()
    assert any(e["name"] == "Ilse Brandt" for e in rec["entities"]) and rec["statements"]
    said = c.get("/api/v1/statements?speaker=brandt").json()["items"]
    assert said and all(s["doc"] == "harbour" for s in said)


def test_ids_and_names_with_slashes(write_client):
    from newsledger.ledger import open_store

    c, path = write_client
    with open_store(path) as store:
        store.add(webdata.article_a("feeds/2025/x1", suffix=" With a slash."))
    assert c.get("/api/v1/documents/feeds/2025/x1").json()["id"] == "feeds/2025/x1"
    assert c.get("/api/v1/documents/feeds%2F2025%2Fx1").json()["id"] == "feeds/2025/x1"
    assert c.get("/articles/feeds/2025/x1").status_code == 200
    err(c.get("/api/v1/entities/AC/DC"), 404, "not_found")


def test_filters_by_ledger_id_follow_every_spelling(client):
    lid = client.get("/api/v1/entities?q=varo").json()["items"][0]["id"]
    by_id = stmts(client, speaker=lid)
    assert len(by_id) == 2 * (1 + N_SERIES) and set(by_id) == set(stmts(client, speaker="Elena Varo"))
    assert stmts(client, about=lid) == [("b2", "s1")]
    assert stmts(client, speaker=lid, doc="a1") == [("a1", "s1"), ("a1", "s2")]
    assert evs(client, actor=lid, mode="visit") == [("b2", "v1")]
    kestrel = client.get("/api/v1/entities?q=kestrel").json()["items"][0]["id"]
    assert evs(client, target=kestrel, type="ACCUSE", outlet="Harbor Gazette") == [("a1", "v2")]
    assert evs(client, actor=kestrel) == []
    err(client.get("/api/v1/statements?speaker=L99999"), 404, "not_found")


def test_claims_warmed_at_start(db):
    import time

    app = create_app(db, warm=True)
    deadline = time.monotonic() + 60
    while app.state.claims_cache is None:
        assert time.monotonic() < deadline, "the claims were not computed ahead"
        time.sleep(0.05)
    assert [c["id"] for c in app.state.claims_cache[1]] == [
        c["id"] for c in TestClient(app).get("/api/v1/claims").json()["items"]]
