"""The REST API and web UI over a ledger: ``create_app(db)`` builds the FastAPI application.

    >>> from newsledger.api import create_app        # doctest: +SKIP
    >>> app = create_app("news.db")                  # serve with uvicorn, or `newsledger serve`

- ``/api/v1/...`` — JSON (and CSV / JSONL exports) of documents, entities, statements, events,
  claims and full-text search, plus ``POST /api/v1/ingest`` (see :mod:`newsledger.api.routes`);
  the OpenAPI schema at ``/openapi.json`` and a reference page at ``/docs``.
- everything else — the server-rendered web UI (:mod:`newsledger.web`).

Every request opens the store read-only (``open_store(db, readonly=True)``) and closes it before the
response is sent; only ingest opens it for writing. Errors are JSON ``{"error": {"code", "message"}}``
under ``/api`` and an HTML page elsewhere. Every response carries a Content-Security-Policy that
allows scripts and styles from this server's own ``/static`` files only (no inline script).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import NewsledgerError, StoreError
from ..ledger.queries import CursorError

__all__ = ["create_app", "APIError", "DEFAULT_MAX_BODY"]

#: the largest ingest request body accepted, in bytes (``create_app(max_body=...)``)
DEFAULT_MAX_BODY = 10 * 1024 * 1024

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")

_STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                 405: "method_not_allowed", 406: "not_acceptable", 413: "too_large", 415: "unsupported_media_type",
                 422: "invalid_parameter", 500: "internal_error", 501: "not_available", 503: "unavailable"}


class APIError(Exception):
    """An error answered as ``{"error": {"code", "message"}}`` with an HTTP status."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class _TooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: refuse a request body over ``limit`` bytes with 413 (by Content-Length at
    once, else while it streams in)."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await self._refuse(scope, send)
            return
        seen = 0
        started = False

        async def limited_receive() -> dict:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge()
            return msg

        async def watch_send(msg: dict) -> None:
            nonlocal started
            if msg["type"] == "http.response.start":
                started = True
            await send(msg)

        try:
            await self.app(scope, limited_receive, watch_send)
        except _TooLarge:
            if not started:
                await self._refuse(scope, send)

    async def _refuse(self, scope: dict, send: Any) -> None:
        resp = _error_json(413, "too_large", f"the request body is over the limit of {self.limit:,} bytes; "
                                             "send the articles in several smaller requests")
        await resp(scope, _no_receive, send)


async def _no_receive() -> dict:
    return {"type": "http.disconnect"}


class SecurityHeaders:
    """ASGI middleware adding the Content-Security-Policy and related headers to every response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def add_headers(msg: dict) -> None:
            if msg["type"] == "http.response.start":
                hs = list(msg.get("headers") or [])
                hs += [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                       (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY")]
                msg["headers"] = hs
            await send(msg)

        await self.app(scope, receive, add_headers)


def _error_json(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, **extra}}, status_code=status)


def _validation_message(exc: RequestValidationError) -> tuple[str, list[dict]]:
    details, parts = [], []
    for e in exc.errors():
        loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body", "header")]
        where = ".".join(loc) or "request"
        msg = e.get("msg", "is invalid")
        parts.append(f"{where}: {msg}")
        details.append({"parameter": where, "message": msg, "input": _safe_input(e.get("input"))})
    return "invalid parameter(s): " + "; ".join(parts), details


def _safe_input(v: Any) -> Any:
    return v if isinstance(v, (str, int, float, bool, type(None))) else str(v)


def create_app(db: str | Path = "newsledger.db", *, token: str | None = None, max_body: int = DEFAULT_MAX_BODY,
               model: str | None = None, pipeline: Any = None, warm: bool = False) -> FastAPI:
    """The application over the ledger at ``db`` (an SQLite path or a PostgreSQL URL).

    ``token``: the bearer token ``POST /api/v1/ingest`` requires (default: ``NEWSLEDGER_TOKEN`` from
    the environment; without one ingest is refused). ``max_body``: the largest ingest body in bytes.
    ``model`` / ``pipeline``: the spaCy model name for ingest, or a ready pipeline object (tests).
    ``warm``: compute the claims (which read the whole ledger) in a background thread at once, so that
    the first request for them does not wait (``newsledger serve`` does).
    The store must exist: StoreError otherwise, saying how to create one.
    """
    from ..ledger import is_postgres_url, open_store
    from ..web import mount_web

    location = str(db) if is_postgres_url(db) else Path(db)
    with open_store(location, readonly=True):  # fail now, with the store's own message, not per request
        pass
    app = FastAPI(title="newsledger", version=_version(), docs_url=None, redoc_url=None,
                  description="Who said and did what, to whom, when and where: the ledger over news articles. "
                              "Lists are paginated with `limit` and the `next_cursor` of the previous page; add "
                              "`format=csv` or `format=jsonl` to export a whole filtered list.")
    app.state.db = location
    app.state.token = token if token is not None else os.environ.get("NEWSLEDGER_TOKEN") or None
    app.state.max_body = max_body
    app.state.model = model
    app.state.pipeline = pipeline
    app.state.ingest_lock = threading.Lock()
    app.state.claims_lock = threading.Lock()
    app.state.claims_cache = None  # (store state, every claim): see routes.claims_of

    from .routes import router

    app.include_router(router)
    mount_web(app)

    @app.exception_handler(APIError)
    async def _api_error(request: Request, exc: APIError):
        return _respond(request, exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        msg, details = _validation_message(exc)
        return _respond(request, 422, "invalid_parameter", msg, details=details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        code = _STATUS_CODES.get(exc.status_code, "error")
        msg = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and msg == "Not Found":
            msg = f"there is nothing at {request.url.path}; the API lives under /api/v1 (see /docs)"
        return _respond(request, exc.status_code, code, msg)

    @app.exception_handler(NewsledgerError)
    async def _newsledger(request: Request, exc: NewsledgerError):
        if isinstance(exc, CursorError):
            return _respond(request, 422, "invalid_cursor", exc.message)
        status = 503 if isinstance(exc, StoreError) else 500
        return _respond(request, status, exc.code, exc.message)

    if warm:
        from .routes import warm_claims

        threading.Thread(target=warm_claims, args=(app.state,), name="newsledger-warm-claims", daemon=True).start()
    app.add_middleware(BodyLimit, limit=max_body)
    app.add_middleware(SecurityHeaders)
    return app


def _respond(request: Request, status: int, code: str, message: str, **extra: Any):
    if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
        return _error_json(status, code, message, **extra)
    from ..web import error_page

    return error_page(request, status, code, message)


def _version() -> str:
    from .. import __version__

    return __version__
