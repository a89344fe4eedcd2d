"""The web UI in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright), against
`uvicorn` serving a ledger built once a session from invented articles run through the real pipeline
(so the model is needed: slow), plus the hand-built records of tests/webdata.py (XSS vectors included).

Screenshots of every page type go to $NEWSLEDGER_SCREENSHOTS when set, else to a temporary folder.
Skipped where Chromium or Playwright is missing (.ci/run installs both).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
pytestmark = [pytest.mark.slow, pytest.mark.browser,
              pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)")]
sync_api = pytest.importorskip("playwright.sync_api")

import webdata  # noqa: E402

# Invented articles (every name and place made up) for the real pipeline.
ARTICLES = [
    {"id": "clinics", "published": "2025-05-06", "outlet": "Valdoria Herald",
     "title": "Health minister promises to reopen northern clinics",
     "text": "Health Minister Mara Olsen said on Tuesday that the government will reopen the northern clinics "
             "within two weeks. \"We will not abandon these towns,\" Olsen told reporters in Brisk.\n\n"
             "Opposition leader Karl Fenn accused the ministry of delaying aid to the region."},
    {"id": "arrests", "published": "2025-05-10", "outlet": "Brisk Daily",
     "title": "Police arrest activist after clinic march",
     "text": "Police in Brisk arrested the activist Lena Dorsey on Friday after a march against clinic closures, a "
             "police spokesman said. Karl Fenn condemned the arrest and urged the government to release her."},
    {"id": "released", "published": "2025-05-20", "outlet": "Valdoria Herald", "title": "Activist freed",
     "text": "The activist Lena Dorsey was released on Monday after ten days in custody, her lawyer said. Dorsey "
             "thanked her supporters."},
]

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def ledger_path(tmp_path_factory):
    from newsledger.ingest import article_from_dict
    from newsledger.ledger import open_store
    from newsledger.pipeline import Failure, Pipeline

    path = webdata.build_store(tmp_path_factory.mktemp("browser") / "ledger.db")
    arts = [article_from_dict(a, f"invented:{a['id']}") for a in ARTICLES]
    with open_store(path) as store:
        for res in Pipeline().process(arts):
            assert not isinstance(res, Failure), res
            store.add(res, source="invented")
    return path


@pytest.fixture(scope="session")
def server(ledger_path):
    import uvicorn

    from newsledger.api import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(ledger_path), host="127.0.0.1", port=port, log_level="warning"))
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    th.join(10)


@pytest.fixture(scope="session")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory) -> Path:
    d = os.environ.get("NEWSLEDGER_SCREENSHOTS")
    path = Path(d) if d else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


class Watch:
    """A page with everything that must not happen recorded: dialogs (alert), page errors, CSP reports."""

    def __init__(self, page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.console: list[str] = []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.console.append(m.text) if m.type in ("error", "warning") else None)

    def clean(self) -> None:
        assert self.dialogs == [] and self.errors == [], (self.dialogs, self.errors)
        assert not [c for c in self.console if "Content Security Policy" in c or "Failed to load" in c], self.console


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    w = Watch(pg)
    yield w
    w.clean()
    ctx.close()


def test_home_article_entity_claims(page, server, shots):
    pg = page.page
    pg.goto(server + "/")
    assert pg.locator("h1").inner_text() == "The ledger"
    pg.screenshot(path=str(shots / "home.png"), full_page=True)
    pg.get_by_role("link", name="Health minister promises to reopen northern clinics").click()
    pg.wait_for_url("**/articles/clinics")
    assert "reopen northern clinics" in pg.locator("h1").inner_text()
    # the pipeline found the speaker, her statement and the times, and marked them in the text
    speaker = pg.locator(".text a.hl-speaker").first
    assert "Olsen" in speaker.inner_text()
    assert pg.locator(".text mark.stmt").count() >= 1 and pg.locator(".text a.hl-time").count() >= 1
    pg.screenshot(path=str(shots / "article.png"), full_page=True)
    speaker.click()
    pg.wait_for_url("**/entity?name=*")
    assert "Olsen" in pg.locator("h1").inner_text()
    assert pg.get_by_role("heading", name="Names by outlet").is_visible()
    assert pg.locator("text=Valdoria Herald").count() >= 1
    pg.screenshot(path=str(shots / "entity.png"), full_page=True)
    pg.get_by_role("navigation", name="Main").get_by_role("link", name="Claims").click()
    pg.wait_for_url("**/claims")
    assert pg.locator("h1").inner_text() == "Promises and predictions"
    assert pg.locator(".board .column h2").count() == 4
    pg.screenshot(path=str(shots / "claims.png"), full_page=True)


def test_status_timeline(page, server, shots):
    pg = page.page
    pg.goto(server + "/entities?q=dorsey")
    pg.get_by_role("link", name="Lena Dorsey").click()
    pg.wait_for_url("**/entity?name=L*")
    labels = pg.locator("figure.timeline svg text[font-weight=bold]").all_text_contents()
    assert labels[0] == "arrested" and "released" in labels, labels
    assert pg.locator("figure.timeline svg circle").count() == len(labels)
    assert "Brisk Daily" in pg.locator("table").first.inner_text()  # names by outlet
    pg.screenshot(path=str(shots / "entity-timeline.png"), full_page=True)
    pg.locator("ol.tl-list a").first.click()  # each status links to the report it rests on
    pg.wait_for_url("**/articles/arrests*")


def test_highlights_lead_to_what_they_resolved_to(page, server):
    pg = page.page
    pg.goto(server + "/articles/a1")
    time_mark = pg.locator(".text a.hl-time", has_text="Monday")
    time_mark.focus()
    assert time_mark.get_attribute("data-info") == "DATE 2025-03-03"
    time_mark.click()
    assert pg.url.endswith("#t0")
    assert pg.locator("tr#t0").inner_text().split("\t")[1].startswith("2025-03-03")
    pg.locator(".text a.hl-trigger", has_text="talks").click()
    assert pg.url.endswith("#v1") and "CONSULT" in pg.locator("li#v1").inner_text()
    assert pg.locator("li#v1").evaluate("el => el.matches(':target')")
    pg.locator(".text a.sref", has_text="s1").click()
    assert pg.url.endswith("#s1") and "commitment" in pg.locator("li#s1").inner_text().lower()
    pg.locator("li#v1").get_by_role("link", name="Kestrel council").click()
    pg.wait_for_url("**/entity?name=*")
    assert pg.locator("h1").inner_text().startswith("Kestrel council")


def test_event_and_statement_filters(page, server, shots):
    pg = page.page
    pg.goto(server + "/events")
    assert pg.locator("figure.chart svg rect").count() >= 2
    pg.get_by_label("PLOVER type").select_option("PROTEST")
    pg.get_by_role("button", name="Filter").click()
    pg.wait_for_url("**/events?type=PROTEST")  # empty fields left out of the address (app.js)
    types = pg.locator("table.list tbody td[data-label=Type]").all_inner_texts()
    assert types and all("PROTEST" in t for t in types)
    pg.screenshot(path=str(shots / "events.png"), full_page=True)
    pg.goto(server + "/statements")
    pg.get_by_label("Kind").select_option("opinion")
    pg.get_by_label("Speaker").fill("brell")
    pg.get_by_role("button", name="Filter").click()
    pg.wait_for_url("**/statements?speaker=brell&kind=opinion")
    assert pg.locator("q.said").all_inner_texts() == ["the meeting was productive"]
    pg.screenshot(path=str(shots / "statements.png"), full_page=True)


def test_search_marks_matches(page, server, shots):
    pg = page.page
    pg.goto(server + "/")
    pg.get_by_label("Search article text and what people said").fill("clinics")
    pg.get_by_label("Search article text and what people said").press("Enter")
    pg.wait_for_url("**/search?q=clinics")
    marks = pg.locator(".snippet mark").all_inner_texts()
    assert marks and all(m.lower().startswith("clinic") for m in marks)
    pg.screenshot(path=str(shots / "search.png"), full_page=True)


def test_xss_vectors_render_as_text_and_run_nothing(page, server, shots):
    pg = page.page
    for url in ("/articles/xss", "/", "/statements", "/events", "/search?q=fine",
                "/entity?name=" + webdata.XSS_NAME.replace("<", "%3C").replace(">", "%3E")):
        pg.goto(server + url)
        assert pg.evaluate("typeof window.__xss") == "undefined", url
        srcs = pg.eval_on_selector_all("script", "els => els.map(e => e.getAttribute('src'))")
        assert srcs == ["/static/app.js"], (url, srcs)
        assert pg.locator("img").count() == 0, url
        hrefs = pg.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        assert not [h for h in hrefs if h.strip().lower().startswith("javascript:")], url
    pg.goto(server + "/articles/xss")
    assert pg.locator("h1").inner_text() == webdata.XSS_TITLE
    text = pg.locator(".text").inner_text()
    assert "<script>window.__xss=1</script>" in text and "</textarea><a href=" in text
    pg.screenshot(path=str(shots / "xss-article.png"), full_page=True)
    pg.locator(".text a.hl-trigger", has_text="click").click()  # the 'link' in the text is only text
    assert pg.evaluate("typeof window.__xss") == "undefined" and pg.url.endswith("#v1")


def test_keyboard_and_no_javascript(browser, server):
    ctx = browser.new_context(java_script_enabled=False)
    pg = ctx.new_page()
    pg.goto(server + "/events")
    pg.keyboard.press("Tab")
    assert pg.evaluate("document.activeElement.textContent") == "Skip to content"
    pg.keyboard.press("Enter")
    pg.wait_for_url("**#main", timeout=5000)  # following a fragment link updates the URL a moment later
    pg.get_by_label("PLOVER type").select_option("CONSULT")
    pg.get_by_role("button", name="Filter").click()
    pg.wait_for_url("**/events?type=CONSULT*")  # without JS the empty fields travel too, and are ignored
    types = pg.locator("table.list tbody td[data-label=Type]").all_inner_texts()
    assert types and all("CONSULT" in t for t in types)
    ctx.close()


def test_readable_on_a_phone(browser, server, shots):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    pg = ctx.new_page()
    for name, url in (("article", "/articles/a1"), ("events", "/events"), ("claims", "/claims"),
                      ("entity", "/entity?name=Elena%20Varo"), ("home", "/"), ("docs", "/docs")):
        pg.goto(server + url)
        width = pg.evaluate("document.documentElement.scrollWidth")
        assert width <= 392, (url, width)  # nothing wider than the screen
        pg.screenshot(path=str(shots / f"phone-{name}.png"))
    ctx.close()
    assert len(list(shots.glob("*.png"))) >= 6
