"""The web UI through the test client (every page, filters, escaping), the article highlighter and
the SVG charts, over hand-built records of invented articles (tests/webdata.py)."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import webdata  # noqa: E402
from newsledger.api import create_app  # noqa: E402
from newsledger.records import Entity, Event, Record, Span, Statement, Time  # noqa: E402
from newsledger.web.charts import events_chart, status_timeline  # noqa: E402
from newsledger.web.highlight import highlight  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = webdata.build_store(tmp_path_factory.mktemp("web") / "ledger.db", extra=3)
    return TestClient(create_app(db, token="x"))


def page(client, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.text[:500])
    assert r.headers["content-type"].startswith("text/html")
    assert "<h1" in r.text and '<html lang="en">' in r.text
    return r.text


def test_home(client):
    html = page(client, "/")
    assert re.search(r"<strong>6</strong> articles", html)
    assert 'href="/articles/b2"' in html and "Varo meets council leaders" in html
    assert 'action="/search"' in html and '<label for="home-q">' in html


def test_article_page_highlights_and_links(client):
    html = page(client, "/articles/a1")
    # the speaker's mention links to the entity and says what it resolved to
    # (to exactly the ledger entity it was linked to)
    lid = re.search(r'<a class="hl hl-speaker" href="/entity\?name=(L\d+)" data-info="Elena Varo \(PERSON\), '
                    r'speaker"[^>]*>Elena Varo</a>', html).group(1)
    assert client.get(f"/api/v1/entities/{lid}").json()["name"] == "Elena Varo"
    assert re.search(r'<a class="hl hl-time" href="#t0" data-info="DATE 2025-03-03"[^>]*>Monday</a>', html)
    assert re.search(r'<a class="hl hl-trigger" href="#v1" data-info="event v1: CONSULT, future"[^>]*>talks</a>', html)
    assert '<mark class="stmt stmt-commitment"' in html and 'href="#s1"' in html
    assert 'id="s1"' in html and 'id="v2"' in html and 'id="t1"' in html
    assert 'href="https://example.org/varo-talks"' in html


def test_article_404_is_a_page(client):
    html = page(client, "/articles/nope", 404)
    assert "no article with the id" in html


def test_xss_vectors_are_escaped_everywhere(client):
    for url in ("/articles/xss", "/", "/articles", "/statements", "/events", "/entity?name=" + webdata.XSS_NAME,
                "/entities?q=payne", "/search?q=fine", "/claims"):
        html = page(client, url)
        assert "<script>window" not in html and "<img src=x" not in html, url
        assert "</textarea><" not in html, url
        assert 'href="javascript:' not in html.replace(" ", ""), url
    html = page(client, "/articles/xss")
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert "&lt;/textarea&gt;&lt;a href=&#34;javascript:window.__xss=3&#34;&gt;" in html
    assert "source javascript:window.__xss=8" in html  # shown, never linked


@pytest.fixture
def no_ledger(monkeypatch):
    from newsledger.ledger.rows import LedgerRowsMixin

    for name in ("entities", "entity", "claims", "_mapping_for"):
        monkeypatch.delattr(LedgerRowsMixin, name)


def test_entity_pages(client):
    html = page(client, "/entities?q=varo")
    lid = re.search(r'href="/entity\?name=(L\d+)">Elena Varo</a>', html).group(1)
    html = page(client, f"/entity?name={lid}")
    assert "Northern Courier" in html and "Elena Varo" in html and "Why these reports are one person" in html
    assert "What was said about Elena Varo (1)" in html and "Tomas Brell" in html
    page(client, "/entity?name=Nobody", 404)
    page(client, "/entity", 422)


def test_entity_pages_without_the_ledger(client, no_ledger):
    html = page(client, "/entities?q=varo")
    assert 'href="/entity?name=Elena%20Varo"' in html
    html = page(client, "/entity?name=Elena%20Varo")
    assert "Northern Courier" in html and "E. Varo, Elena Varo" in html
    assert "cross-article ledger" in html  # the timeline says why it is missing
    page(client, "/entity?name=Nobody", 404)
    assert 'class="hl hl-speaker" href="/entity?name=Elena%20Varo"' in page(client, "/articles/a1")  # by name


def test_entity_timeline_from_the_ledger(client, monkeypatch):
    from newsledger.ledger.store import Ledger

    def entity(self, name_or_id):
        return {"id": "L1", "name": "Elena Varo", "type": "PERSON", "names_by_outlet": {"Harbor Gazette": ["Varo"]},
                "attributes": {}, "statements_by": [], "statements_about": [], "events": [],
                "timeline": [{"status": "appointed", "date": "2024-06", "doc": "a1", "event": None},
                             {"status": "detained", "date": "2025-03-01", "doc": "b2", "event": "v1"}]}

    monkeypatch.setattr(Ledger, "entity", entity, raising=False)
    html = page(client, "/entity?name=L1")
    assert "<svg" in html and ">appointed</text>" in html and ">detained</text>" in html
    assert 'href="/articles/b2#v1"' in html


def test_statement_and_event_filters(client):
    html = page(client, "/statements?speaker=brell&kind=&about=&direct=&since=&until=")
    assert html.count("<q class=\"said\">") == 1 and "the meeting was productive" in html
    html = page(client, "/statements?kind=commitment&direct=yes")
    assert "We will sit down with them" in html and "the government will open" not in html
    assert "format=csv" in html and "direct=true" in html
    fulfilled = client.get("/api/v1/claims?outcome=fulfilled").json()["items"]
    html = page(client, "/statements?outcome=fulfilled")
    assert html.count('<q class="said">') == len(fulfilled) > 0 and "outcome=fulfilled" in html
    html = page(client, "/events?type=PROTEST")
    assert "marched" in html and "talks" not in html.split("<table", 1)[1]
    assert "<svg" in html and "<rect" in html and "PROTEST" in html
    html = page(client, "/events?actor=varo&since=2025-04-01")
    assert "met" in html
    for url in ("/statements?kind=rumour", "/events?type=PARTY", "/events?since=soon", "/statements?direct=maybe",
                "/claims?outcome=won", "/search?q=x&scope=nowhere"):
        assert "must be" in page(client, url, 422)


def test_lists_paginate(client):
    html = page(client, "/events")
    assert 'rel="next"' not in html
    r = client.get("/api/v1/events?limit=2").json()
    assert r["next_cursor"]


def test_claims_board(client):
    html = page(client, "/claims")
    assert re.search(r"(Fulfilled|Failed|Partly|Pending) \(\d+\)", html) and "We will sit down with them" in html
    html = page(client, "/claims?outcome=pending")
    assert "Fulfilled (" not in html


def test_claims_board_degrades(client, no_ledger):
    html = page(client, "/claims")
    assert "Outcomes are not available" in html and "We will sit down with them" in html


def test_search_marks_matches(client):
    html = page(client, "/search?q=productive")
    assert "<mark>productive</mark>" in html and 'href="/articles/b2#s1"' in html
    html = page(client, '/search?q=(((')  # a query with no words: said so, not a server error
    assert 'role="alert"' in html


def test_docs_page(client):
    html = page(client, "/docs")
    assert "/api/v1/events" in html and "PROTEST" in html


def test_static_files(client):
    assert client.get("/static/style.css").status_code == 200
    js = client.get("/static/app.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    assert client.get("/static/../__init__.py").status_code == 404


# ---------------------------------------------------------------------------- highlighter
def _flat(blocks) -> str:
    return "".join(p.text for b in blocks for p in b.parts)


def test_highlight_nests_marks_inside_statements():
    rec = webdata.article_a()
    blocks = highlight(rec)
    assert _flat(blocks) == rec.text
    stmts = [b for b in blocks if b.statement]
    assert [b.statement["id"] for b in stmts] == ["s1", "s2"]
    kinds = [p.kind for p in stmts[0].parts if p.kind]
    assert kinds == ["trigger", "entity", "time"]  # talks, Kestrel council, the end of March
    outside = [p for b in blocks if not b.statement for p in b.parts if p.kind]
    assert [(p.kind, p.text) for p in outside][:2] == [("speaker", "Elena Varo"), ("time", "Monday")]


def test_highlight_drops_a_mark_crossing_a_statement_edge():
    text = "Ann Bell said rain comes soon."
    ent = Entity("e1", "PERSON", "Ann Bell", (), (Span(0, 8, "Ann Bell"),))
    s = Statement("s1", "e1", "Ann Bell", "said", None, None, False, Span(14, 29, "rain comes soon"),
                  Span(0, 30, text), kind="prediction")
    t = Time(9, 19, "said rain ", "DATE", None)  # an odd span across the statement's start
    rec = Record("x", text, entities=(ent,), statements=(s,), times=(t,))
    blocks = highlight(rec)
    assert _flat(blocks) == text
    assert all(p.kind != "time" for b in blocks for p in b.parts)


@st.composite
def records(draw):
    text = draw(st.text(alphabet="ab <>&\"'\n", min_size=1, max_size=60))
    n = len(text)

    def span():
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        return Span(a, b, text[a:b])

    ents = tuple(Entity(f"e{i}", "PERSON", f"N{i}", (), tuple(span() for _ in range(draw(st.integers(0, 3)))))
                 for i in range(draw(st.integers(0, 3))))
    ids = [e.id for e in ents]
    stmts = tuple(Statement(f"s{i}", draw(st.sampled_from(ids)) if ids else None, None, None, None, None, False,
                            span(), span()) for i in range(draw(st.integers(0, 3))))
    evs = tuple(Event(f"v{i}", "AGREE", span(), span()) for i in range(draw(st.integers(0, 3))))
    times = tuple(Time(s.start, s.end, s.text, "DATE", None) for s in (span() for _ in range(draw(st.integers(0, 3)))))
    return Record("h", text, entities=ents, statements=stmts, events=evs, times=times).validate()


@settings(max_examples=200, deadline=None)
@given(records())
def test_highlight_always_reassembles_the_text(rec):
    blocks = highlight(rec)
    assert _flat(blocks) == rec.text
    pos = 0
    for b in blocks:
        for p in b.parts:
            assert rec.text[pos:pos + len(p.text)] == p.text
            pos += len(p.text)
            if p.kind:
                assert p.text and p.href and p.info


# ---------------------------------------------------------------------------- charts
def test_events_chart_stacks_months():
    c = events_chart([("2025-01", "PROTEST", 2), ("2025-01", "AGREE", 1), ("2025-03", "AGREE", 4)])
    assert c.total == 7 and [d["type"] for d in c.legend] == ["AGREE", "PROTEST"]
    assert [x["text"] for x in c.xlabels] == ["2025-01", "2025-02", "2025-03"]
    tallest = max(b["h"] for b in c.bars)
    assert tallest == pytest.approx(c.height - 50)  # the fullest month fills the plot
    assert events_chart([]).bars == [] and "No dated events" in events_chart([]).summary


def test_status_timeline_orders_points():
    t = status_timeline([{"status": "released", "date": "2025-02-15"}, {"status": "abducted", "date": "2023-10"},
                         {"status": "missing", "date": None}])
    assert [p["status"] for p in t["points"]] == ["abducted", "released"]
    assert t["points"][0]["x"] < t["points"][1]["x"] and [u["status"] for u in t["undated"]] == ["missing"]
