"""The REST API, versioned under ``/api/v1``.

Reads open the store read-only for the length of one request, in the worker thread that answers it.
Lists are paginated: ``limit`` (1-500) and ``cursor`` (the ``next_cursor`` of the previous page);
``format=csv`` or ``format=jsonl`` returns the *whole* filtered list as a download instead of a page.
Filters are validated (an unknown kind, type or a malformed date answers 422 with what is wrong).
The cross-article parts (ledger entities, claims with outcomes) use the store's ``entities`` /
``entity`` / ``claims`` methods where the store has them; without them entities are the
documents' own (gathered by name) and claims answer 501 ``not_available``.
"""

from __future__ import annotations

import csv
import dataclasses
import hmac
import io
import json
import re
from contextlib import contextmanager
from typing import Annotated, Any, Iterator, Literal

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from ..errors import NewsledgerError
from ..ledger.base import Store
from ..ledger.queries import MAX_LIMIT, Page, Queries
from ..records import EVENT_STATUSES, EVENT_TYPES, STATEMENT_KINDS
from . import APIError

__all__ = ["router", "reading", "OUTCOMES", "has_ledger", "jsonable"]

router = APIRouter(prefix="/api/v1")

#: claim outcomes (SPEC, "The ledger across articles")
OUTCOMES = ("pending", "fulfilled", "failed", "partly")

DATE_RE = r"^\d{4}(-\d{2}(-\d{2})?)?$"

Kind = Literal[STATEMENT_KINDS]  # type: ignore[valid-type]
EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]
Status = Literal[EVENT_STATUSES]  # type: ignore[valid-type]
Outcome = Literal[OUTCOMES]  # type: ignore[valid-type]
Format = Literal["json", "csv", "jsonl"]

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"items per page (1-{MAX_LIMIT})")]
Cursor = Annotated[str | None, Query(max_length=2000, description="the next_cursor of the previous page")]
Since = Annotated[str | None, Query(pattern=DATE_RE, description="from this date on (YYYY, YYYY-MM or YYYY-MM-DD)")]
Until = Annotated[str | None, Query(pattern=DATE_RE, description="up to this date (YYYY, YYYY-MM or YYYY-MM-DD)")]


def _text(what: str) -> Any:
    return Annotated[str | None, Query(min_length=1, max_length=200, description=what)]


Outlet = _text("the outlet, exactly as stored")
Doc = _text("one document's id")
Who = _text("part of a name or alias, any case")
Mode = _text("the PLOVER mode")
SpeakerRef = _text("the speaker: part of a name or alias as written (any case), or a ledger id (L7: every "
                   "spelling)")
AboutRef = _text("who it is about: part of a name or alias, or a ledger id (L7)")
ActorRef = _text("a source of the event: part of a name or alias, or a ledger id (L7)")
TargetRef = _text("a target of the event: part of a name or alias, or a ledger id (L7)")
Fmt = Annotated[Format, Query(description="json (a page), or csv / jsonl (the whole filtered list, as a file)")]


@contextmanager
def reading(request: Request) -> Iterator[Store]:
    """The store, open read-only for this request."""
    from ..ledger import open_store

    with open_store(request.app.state.db, readonly=True) as store:
        yield store


def has_ledger(store: Store, method: str) -> bool:
    """Whether the store has the cross-article method ``method`` (entities, entity, claims, ...)."""
    return callable(getattr(store, method, None))


def jsonable(x: Any) -> Any:
    """Plain JSON data from what a store method returns (records, dataclasses, dicts, lists)."""
    if hasattr(x, "to_json"):
        return x.to_json()
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return {f.name: jsonable(getattr(x, f.name)) for f in dataclasses.fields(x)}
    if isinstance(x, dict):
        return {str(k): jsonable(v) for k, v in x.items()}
    if isinstance(x, (list, tuple, set)):
        return [jsonable(v) for v in x]
    return x


# ---------------------------------------------------------------------------- exports
def _cell(v: Any) -> Any:
    if isinstance(v, list):
        v = "; ".join(str(x.get("name", x.get("id", ""))) if isinstance(x, dict) else str(x) for x in v)
    elif isinstance(v, dict):
        v = json.dumps(v, ensure_ascii=False)
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        v = "'" + v  # no formulas when the file is opened in a spreadsheet
    return v


def export_response(items: list[dict], fmt: str, name: str) -> Response:
    if fmt == "jsonl":
        body = "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)
        media = "application/x-ndjson"
    else:
        buf = io.StringIO()
        cols: list[str] = []
        for it in items:
            cols += [k for k in it if k not in cols]
        w = csv.writer(buf)
        w.writerow(cols)
        for it in items:
            w.writerow([_cell(it.get(c)) for c in cols])
        body = buf.getvalue()
        media = "text/csv; charset=utf-8"
    return Response(body, media_type=media,
                    headers={"content-disposition": f'attachment; filename="{name}.{fmt}"'})


def _list(q: Queries, method: str, filters: dict, fmt: str, limit: int, cursor: str | None, name: str):
    if fmt != "json":
        return export_response(list(q.iterate(method, filters)), fmt, name)
    page: Page = getattr(q, method)(**filters, limit=limit, cursor=cursor)
    return page.to_json()


# ---------------------------------------------------------------------------- documents
@router.get("/documents", summary="List articles, newest first")
def list_documents(request: Request, outlet: Outlet = None, since: Since = None, until: Until = None,
                   limit: Limit = 50, cursor: Cursor = None, format: Fmt = "json"):
    with reading(request) as store:
        return _list(Queries(store), "documents", dict(outlet=outlet, since=since, until=until), format, limit,
                     cursor, "documents")


@router.get("/documents/{doc_id:path}", summary="One document record (SPEC JSON)")
def get_document(request: Request, doc_id: str):
    with reading(request) as store:
        if not store.has_id(doc_id):
            raise APIError(404, "not_found", f"no document with id {doc_id!r}; list ids with /api/v1/documents")
        return JSONResponse(store.get(doc_id).to_json())


# ---------------------------------------------------------------------------- entities
@router.get("/entities", summary="Search entities by any name or alias")
def search_entities(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)],
                    limit: Limit = 50):
    with reading(request) as store:
        if has_ledger(store, "entities"):
            return {"items": jsonable(store.entities(q, limit=limit)), "source": "ledger"}
        return {"items": Queries(store).entity_names(q, limit), "source": "documents"}


@router.get("/entities/{name_or_id:path}", summary="An entity's profile: names by outlet, attributes, timeline, "
                                              "statements by and about, events")
def entity_profile(request: Request, name_or_id: str):
    with reading(request) as store:
        return entity_or_404(store, name_or_id)


def entity_or_404(store: Store, name_or_id: str) -> dict:
    """The profile of an entity: the cross-article ledger's where the store has one (APIError 404 when
    no ledger entity, or several, answer to the name), else the documents' own gathered by name."""
    if has_ledger(store, "entity"):
        try:
            prof = jsonable(store.entity(name_or_id))
        except NewsledgerError as exc:
            raise APIError(404, "not_found", exc.message) from None
        out = Queries(store).enrich_profile(prof)
        out["source"] = "ledger"
        return out
    try:
        out = Queries(store).entity_profile(name_or_id)
    except NewsledgerError as exc:
        raise APIError(404, "not_found", exc.message) from None
    out["source"] = "documents"
    return out


# ---------------------------------------------------------------------------- statements
_LID = re.compile(r"^L\d+$")


def _ledger_items(store: Store, ref: str | None, part: str, role: str | None = None) -> list[tuple[str, str]] | None:
    """The ``(doc, id)`` of a ledger entity's statements or events (``part`` of its profile) when
    ``ref`` is a ledger id (L7): every spelling across outlets. None when ``ref`` is a name to match."""
    if ref is None or not _LID.match(ref) or not has_ledger(store, "entity"):
        return None
    try:
        prof = jsonable(store.entity(ref))
    except NewsledgerError as exc:
        raise APIError(404, "not_found", exc.message) from None
    key = "event" if part == "events" else "statement"
    return [(x["doc"], x[key]) for x in prof.get(part) or () if role is None or x.get("role") == role]


def _meet(a: list | None, b: list | None) -> list | None:
    if a is None or b is None:
        return b if a is None else a
    keep = set(b)
    return [x for x in a if x in keep]


def statement_filters(request: Request, store: Store, **f: Any) -> dict[str, Any]:
    """Statement filters with ledger ids (speaker=L7, about=L7) and ``outcome`` turned into the
    statements they stand for."""
    outcome = f.pop("outcome", None)
    ids = None
    for name, part in (("speaker", "statements_by"), ("about", "statements_about")):
        found = _ledger_items(store, f.get(name), part)
        if found is not None:
            ids, f[name] = _meet(ids, found), None
    if outcome is not None:
        ids = _meet(ids, [(c["doc"], c["statement"]) for c in claims_of(request, store, outcome=outcome)])
    if ids is not None:
        f["ids"] = ids
    return f


def event_filters(store: Store, **f: Any) -> dict[str, Any]:
    """Event filters with ledger ids (actor=L7, target=L7) turned into the events they stand for."""
    ids = None
    for name, role in (("actor", "source"), ("target", "target")):
        found = _ledger_items(store, f.get(name), "events", role)
        if found is not None:
            ids, f[name] = _meet(ids, found), None
    if ids is not None:
        f["ids"] = ids
    return f


@router.get("/statements", summary="Statements, filtered")
def list_statements(request: Request, speaker: SpeakerRef = None, about: AboutRef = None, kind: Kind | None = None,
                    outcome: Outcome | None = None, since: Since = None, until: Until = None, outlet: Outlet = None,
                    direct: Annotated[bool | None, Query(description="true: quoted; false: reported")] = None,
                    doc: Doc = None, limit: Limit = 50, cursor: Cursor = None,
                    format: Fmt = "json"):
    with reading(request) as store:
        filters = statement_filters(request, store, speaker=speaker, about=about, kind=kind, since=since,
                                    until=until, outlet=outlet, direct=direct, doc=doc, outcome=outcome)
        return _list(Queries(store), "statements", filters, format, limit, cursor, "statements")


# ---------------------------------------------------------------------------- events
@router.get("/events", summary="Events (PLOVER), filtered")
def list_events(request: Request, type: EventType | None = None, mode: Mode = None,
                status: Status | None = None, actor: ActorRef = None, target: TargetRef = None, since: Since = None,
                until: Until = None, outlet: Outlet = None, doc: Doc = None, limit: Limit = 50, cursor: Cursor = None,
                format: Fmt = "json"):
    with reading(request) as store:
        filters = event_filters(store, type=type, mode=mode, status=status, actor=actor, target=target, since=since,
                                until=until, outlet=outlet, doc=doc)
        return _list(Queries(store), "events", filters, format, limit, cursor, "events")


@router.get("/events/histogram", summary="Counts of the filtered events by month and type")
def event_histogram(request: Request, type: EventType | None = None, actor: Who = None, target: Who = None,
                    since: Since = None, until: Until = None):
    with reading(request) as store:
        rows = Queries(store).event_histogram(type=type, actor=actor, target=target, since=since, until=until)
        return {"items": [{"month": m, "type": t, "count": n} for m, t, n in rows]}


# ---------------------------------------------------------------------------- claims
def store_mark(store: Store) -> tuple:
    """What changes whenever an article is added, replaced or removed (for caching what reads them all)."""
    return tuple(store._rows("SELECT COUNT(*), MAX(pk), MAX(ingested_at) FROM documents")[0])


def warm_claims(state: Any) -> None:
    """Compute the claims of the store into the application's cache (run in a thread at start-up)."""
    import logging

    from ..ledger import open_store

    try:
        with open_store(state.db, readonly=True) as store:
            if not has_ledger(store, "claims"):
                return
            with state.claims_lock:
                if state.claims_cache is None:
                    state.claims_cache = (store_mark(store), jsonable(store.claims()))
    except Exception as exc:  # noqa: BLE001 - a failed warm-up only means the first request computes them
        logging.getLogger("newsledger").warning("could not compute the claims ahead (%s: %s); the first request "
                                                "for them will", type(exc).__name__, exc)


def claims_of(request: Request, store: Store, outcome: str | None = None, speaker: str | None = None) -> list[dict]:
    """The ledger's claims (SPEC claim JSON); APIError 501 where the store has no cross-article ledger.

    Checking every claim against every later report reads the whole ledger, so the full list is
    computed once per state of the store (its document count, newest row and newest ingest time) and
    kept by the application; filters apply to that list. One request computes it while the others wait.
    """
    if not has_ledger(store, "claims"):
        raise APIError(501, "not_available", "claims with outcomes need the cross-article ledger, which this "
                                             "store does not offer; filter statements by kind "
                                             "(kind=prediction, kind=commitment) instead")
    state = request.app.state
    try:
        lid = None
        if speaker is not None:
            if not has_ledger(store, "resolve"):
                return jsonable(store.claims(outcome=outcome, speaker=speaker))
            lid = store.resolve(speaker)
        mark = store_mark(store)
        with state.claims_lock:
            cached = state.claims_cache
            if cached is None or cached[0] != mark:
                cached = state.claims_cache = (mark, jsonable(store.claims()))
    except NewsledgerError as exc:  # a speaker no ledger entity answers to
        raise APIError(404, "not_found", exc.message) from None
    return [c for c in cached[1] if (outcome is None or c.get("outcome") == outcome)
            and (lid is None or c.get("speaker") == lid)]


@router.get("/claims", summary="Predictions and commitments with their outcomes")
def list_claims(request: Request, outcome: Outcome | None = None,
                speaker: SpeakerRef = None, format: Fmt = "json"):
    with reading(request) as store:
        items = claims_of(request, store, outcome=outcome, speaker=speaker)
    if format != "json":
        return export_response(items, format, "claims")
    return {"items": items, "count": len(items), "next_cursor": None}


# ---------------------------------------------------------------------------- search
@router.get("/search", summary="Full-text search over article text and statement content")
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=500)],
           scope: Annotated[Literal["all", "articles", "statements", "speakers"],
                            Query(description="all, articles, statements, or speakers: the statements of speakers "
                                              "of that name, however spelled")] = "all", limit: Limit = 20, format: Fmt = "json"):
    with reading(request) as store:
        try:
            hits = [h.to_json() for h in store.search(q, limit=limit, scope=scope)]
        except NewsledgerError as exc:
            raise APIError(422, "invalid_query", exc.message) from None
    if format != "json":
        return export_response(hits, format, "search")
    return {"items": hits, "count": len(hits), "next_cursor": None}


# ---------------------------------------------------------------------------- ingest
def _check_token(request: Request) -> None:
    want = request.app.state.token
    if not want:
        raise APIError(403, "ingest_disabled", "ingest is disabled on this server: start it with the environment "
                                               "variable NEWSLEDGER_TOKEN set to a secret, and send that secret as "
                                               "'Authorization: Bearer SECRET'")
    got = request.headers.get("authorization", "")
    scheme, _, value = got.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), want.encode()):
        raise APIError(401, "unauthorized", "a valid token is required: send 'Authorization: Bearer SECRET' with "
                                            "the server's NEWSLEDGER_TOKEN")


@router.post("/ingest", summary="Extract and store articles (JSONL body, or a JSONL file upload in the field "
                                "'file'); needs the bearer token")
async def ingest(request: Request, published: Since = None):
    _check_token(request)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "multipart/form-data":
        form = await request.form()
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise APIError(422, "invalid_parameter", "the upload needs a JSONL file in the form field 'file'")
        data = await upload.read()
        name = f"upload:{upload.filename or 'file'}"
    else:
        data = await request.body()
        name = "request"
    if not data.strip():
        raise APIError(422, "invalid_parameter", "the body is empty; send one JSON article a line: "
                                                 '{"id": ..., "text": ..., "published": ...}')
    return await run_in_threadpool(_ingest, request, data, name, published)


def _ingest(request: Request, data: bytes, name: str, published: str | None) -> dict:
    from ..ingest import read_jsonl
    from ..ledger import open_store
    from ..pipeline import Failure, Pipeline
    from ..records import Article, text_hash

    state = request.app.state
    with state.ingest_lock:  # one ingest at a time: one model in memory, one writer
        if state.pipeline is None:
            state.pipeline = Pipeline(state.model)
        stored, dups, failed = [], [], []
        with open_store(state.db) as store:
            def fresh(items):
                for it in items:
                    if isinstance(it, Article) and store.has_hash(text_hash(it.text)):
                        dups.append(it.doc_id)
                        continue
                    yield it

            for res in state.pipeline.process(fresh(read_jsonl(data.splitlines(), name, published))):
                if isinstance(res, Failure):
                    failed.append({"source": res.source, "code": res.code, "reason": res.reason,
                                   "doc_id": res.doc_id})
                    store.add_failure(res)
                    continue
                try:
                    added = store.add(res, source=name)
                except NewsledgerError as exc:  # one bad record never stops the rest
                    failed.append({"source": name, "code": exc.code, "reason": exc.message, "doc_id": res.id})
                    continue
                (stored if added else dups).append(res.id)
    return {"stored": stored, "duplicates": dups, "failed": failed}
