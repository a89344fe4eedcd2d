"""The web UI's pages. Each opens the store read-only for one request (like the API) and renders a
template; filters come from plain HTML forms (an empty field means no filter) and are checked here,
a bad one answering an error page that says what to fix."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..api import APIError
from ..api.routes import (DATE_RE, OUTCOMES, claims_of, entity_or_404, event_filters, has_ledger, jsonable, reading,
                          statement_filters)
from ..errors import NewsledgerError
from ..ledger.queries import Queries
from ..records import EVENT_STATUSES, EVENT_TYPES, STATEMENT_KINDS
from . import templates
from .charts import TYPE_COLOURS, events_chart, status_timeline
from .highlight import entity_href, highlight

router = APIRouter(include_in_schema=False)

PAGE = 50
_SNIPPET_MARK = re.compile(r"\[([^\[\]]*)\]")


def _clean(v: str | None) -> str | None:
    v = (v or "").strip()
    return v or None


def _choice(name: str, v: str | None, allowed: tuple[str, ...]) -> str | None:
    v = _clean(v)
    if v is not None and v not in allowed:
        raise APIError(422, "invalid_parameter", f"{name} must be one of {', '.join(allowed)}, not {v!r}")
    return v


def _date(name: str, v: str | None) -> str | None:
    v = _clean(v)
    if v is not None and not re.match(DATE_RE, v):
        raise APIError(422, "invalid_parameter", f"{name} must be a date written YYYY, YYYY-MM or YYYY-MM-DD, "
                                                 f"not {v!r}")
    return v


def _text(name: str, v: str | None) -> str | None:
    v = _clean(v)
    if v is not None and len(v) > 200:
        raise APIError(422, "invalid_parameter", f"{name} is too long (at most 200 characters)")
    return v


def _render(request: Request, name: str, **ctx: Any) -> HTMLResponse:
    ctx.setdefault("entity_href", entity_href)
    return templates.TemplateResponse(request, name, ctx)


def _marked(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet ("... [word] ...") as (text, is_match) pieces."""
    out, pos = [], 0
    for m in _SNIPPET_MARK.finditer(snippet):
        if m.start() > pos:
            out.append((snippet[pos:m.start()], False))
        out.append((m.group(1), True))
        pos = m.end()
    if pos < len(snippet):
        out.append((snippet[pos:], False))
    return out


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    with reading(request) as store:
        q = Queries(store)
        counts = q.counts()
        newest = q.documents(limit=10).items
        ledger = has_ledger(store, "claims")
    return _render(request, "home.html", counts=counts, newest=newest, ledger=ledger, nav="home")


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, outlet: str | None = None, since: str | None = None, until: str | None = None,
             cursor: str | None = None):
    f = dict(outlet=_text("outlet", outlet), since=_date("since", since), until=_date("until", until))
    with reading(request) as store:
        q = Queries(store)
        page = q.documents(**f, limit=PAGE, cursor=_clean(cursor))
        outlets = q.outlets()
    return _render(request, "articles.html", page=page, f=f, outlets=outlets, nav="articles")


@router.get("/articles/{doc_id:path}", response_class=HTMLResponse)
def article(request: Request, doc_id: str):
    with reading(request) as store:
        if not store.has_id(doc_id):
            raise APIError(404, "not_found", f"there is no article with the id {doc_id!r}; find one from the "
                                             "article list or the search box")
        rec = store.get(doc_id)
        lids = _ledger_ids(store, doc_id)
    names = {e.id: e.name for e in rec.entities}
    hrefs = {e.id: entity_href(lids.get(e.id) or e.name) for e in rec.entities}
    return _render(request, "article.html", rec=rec, blocks=highlight(rec, hrefs), names=names, hrefs=hrefs,
                   nav="articles")


def _ledger_ids(store, doc_id: str) -> dict[str, str]:
    """The ledger entity (L7) of each of a document's entities, where the store links them, so that
    the article's names lead to exactly that entity (a name two entities share would be ambiguous)."""
    mapping = getattr(store, "_mapping_for", None)  # the cross-article ledger's (doc, entity) -> id
    if not callable(mapping):
        return {}
    try:
        return {e: lid for (d, e), lid in mapping([doc_id]).items() if d == doc_id}
    except NewsledgerError:
        return {}


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, q: str | None = None):
    q = _text("q", q)
    items: list = []
    source = "documents"
    if q:
        with reading(request) as store:
            if has_ledger(store, "entities"):
                items, source = jsonable(store.entities(q, limit=100)), "ledger"
            else:
                items = Queries(store).entity_names(q, 100)
    return _render(request, "entities.html", q=q, items=items, source=source, nav="entities")


@router.get("/entity", response_class=HTMLResponse)
def entity(request: Request, name: str | None = None):
    name = _text("name", name)
    if name is None:
        raise APIError(422, "invalid_parameter", "say which entity: /entity?name=NAME (or search names on /entities)")
    with reading(request) as store:
        try:
            prof = entity_or_404(store, name)
        except APIError as exc:
            # no entity, or several, answer to the name: offer what does
            items = jsonable(store.entities(name, limit=100)) if has_ledger(store, "entities") else []
            if not items:
                raise
            return templates.TemplateResponse(
                request, "entities.html", {"q": name, "items": items, "source": "ledger", "nav": "entities",
                                           "notice": exc.message, "entity_href": entity_href}, status_code=404)
        titles = Queries(store).titles(sorted({t["doc"] for t in prof.get("timeline") or () if t.get("doc")}))
    timeline = status_timeline(prof.get("timeline") or [])
    return _render(request, "entity.html", p=prof, timeline=timeline, titles=titles, nav="entities")


@router.get("/statements", response_class=HTMLResponse)
def statements(request: Request, speaker: str | None = None, about: str | None = None, kind: str | None = None,
               outlet: str | None = None, direct: str | None = None, since: str | None = None,
               until: str | None = None, outcome: str | None = None, cursor: str | None = None):
    f = dict(speaker=_text("speaker", speaker), about=_text("about", about),
             kind=_choice("kind", kind, STATEMENT_KINDS), outlet=_text("outlet", outlet),
             since=_date("since", since), until=_date("until", until))
    d = _choice("direct", direct, ("yes", "no"))
    oc = _choice("outcome", outcome, OUTCOMES)
    with reading(request) as store:
        filters = statement_filters(request, store, **f, direct=None if d is None else d == "yes", outcome=oc)
        page = Queries(store).statements(**filters, limit=PAGE, cursor=_clean(cursor))
        ledger = has_ledger(store, "claims")
    return _render(request, "statements.html", page=page, f={**f, "direct": d, "outcome": oc}, kinds=STATEMENT_KINDS,
                   outcomes=OUTCOMES, ledger=ledger, nav="statements")


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, type: str | None = None, actor: str | None = None, target: str | None = None,
           status: str | None = None, since: str | None = None, until: str | None = None,
           cursor: str | None = None):
    f = dict(type=_choice("type", type, EVENT_TYPES), actor=_text("actor", actor), target=_text("target", target),
             since=_date("since", since), until=_date("until", until))
    st = _choice("status", status, EVENT_STATUSES)
    with reading(request) as store:
        q = Queries(store)
        filters = event_filters(store, **f, status=st)
        page = q.events(**filters, limit=PAGE, cursor=_clean(cursor))
        chart = events_chart(q.event_histogram(**filters))
    return _render(request, "events.html", page=page, f={**f, "status": st}, chart=chart, types=EVENT_TYPES,
                   statuses=EVENT_STATUSES, colours=TYPE_COLOURS, nav="events")


@router.get("/claims", response_class=HTMLResponse)
def claims(request: Request, outcome: str | None = None, speaker: str | None = None):
    outcome = _choice("outcome", outcome, OUTCOMES)
    speaker = _text("speaker", speaker)
    with reading(request) as store:
        if not has_ledger(store, "claims"):
            q = Queries(store)
            unchecked = q.statements(kinds=("prediction", "commitment"), speaker=speaker, limit=PAGE).items
            return _render(request, "claims.html", available=False, columns={}, unchecked=unchecked,
                           outcome=outcome, speaker=speaker, outcomes=OUTCOMES, nav="claims")
        items = claims_of(request, store, outcome=outcome, speaker=speaker)
        q = Queries(store)
        # the statement behind each claim (its words, speaker, horizon), the deciding report, titles
        stmts = {(s["doc"], s["id"]): s for s in q.by_ids("statements", [(c["doc"], c["statement"]) for c in items])}
        decided = [c["decided_by"] for c in items if c.get("decided_by")]
        events = {(v["doc"], v["id"]): v for v in q.by_ids("events", [(d["doc"], d["event"]) for d in decided
                                                                      if d.get("event")])}
        titles = q.titles(sorted({d["doc"] for d in decided} | {r["doc"] for c in items for r in c.get("reports") or ()}))
    columns: dict[str, list] = {o: [] for o in OUTCOMES}
    for c in items:
        d = c.get("decided_by") or {}
        columns.setdefault(c.get("outcome") or "pending", []).append(
            {**c, "st": stmts.get((c["doc"], c["statement"])), "ev": events.get((d.get("doc"), d.get("event")))})
    return _render(request, "claims.html", available=True, columns=columns, unchecked=[], outcome=outcome,
                   speaker=speaker, outcomes=OUTCOMES, titles=titles, nav="claims")


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str | None = None, scope: str | None = None):
    q = _clean(q)
    scope = _choice("scope", scope, ("all", "articles", "statements", "speakers")) or "all"
    hits: list[dict] = []
    error = None
    if q:
        if len(q) > 500:
            raise APIError(422, "invalid_parameter", "the search query is too long (at most 500 characters)")
        with reading(request) as store:
            try:
                raw = store.search(q, limit=50, scope=scope)
            except NewsledgerError as exc:
                raw, error = [], exc.message
            meta = Queries(store).doc_meta(sorted({h.doc_id for h in raw}))
        hits = [{**h.to_json(), "pieces": _marked(h.snippet), **meta.get(h.doc_id, {"title": h.doc_id})} for h in raw]
    return _render(request, "search.html", q=q, scope=scope, hits=hits, error=error, nav="search")


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    """The API reference, rendered from the OpenAPI schema (no script, no CDN)."""
    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = []
            for p in op.get("parameters", []):
                sch = p.get("schema", {})
                alts = sch.get("anyOf", [sch])
                enum = [v for a in alts for v in a.get("enum", [])]
                types = [a.get("type") for a in alts if a.get("type") and a.get("type") != "null"]
                params.append({"name": p["name"], "in": p["in"], "required": p.get("required", False),
                               "type": "/".join(types) or "string", "enum": enum,
                               "description": p.get("description") or sch.get("description", ""),
                               "default": sch.get("default")})
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""), "params": params})
    return _render(request, "docs.html", ops=ops, info=spec.get("info", {}), nav="docs")
