"""The web UI: server-rendered pages (Jinja2, autoescaped) over the same store and queries as the API.

Pages work without JavaScript; ``static/app.js`` only adds small conveniences. Static files (CSS,
JS) ship in ``static/`` and are served from ``/static`` (no CDN). :func:`mount_web` adds the pages
and the static files to an application built by :func:`newsledger.api.create_app`.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

__all__ = ["mount_web", "error_page", "templates"]

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.autoescape = True  # every template, whatever its file name
templates.env.trim_blocks = True
templates.env.lstrip_blocks = True


def _qs(filters: dict, **more: object) -> str:
    """A query string of the filters that are set (for export links and the like), percent-encoded."""
    items = {**filters, **more}
    return urlencode({k: v for k, v in items.items() if v is not None and v != ""})


def _web_url(url: object) -> str | None:
    """``url`` when it is an http(s) address, else None (so no javascript: or data: link is ever made)."""
    if isinstance(url, str) and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def _ledger_refs(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is_ledger_id) so that the ids in a merge's reasons ("co-mentioned
    with L7") can be links."""
    out, pos = [], 0
    for m in re.finditer(r"\bL\d+\b", text):
        if m.start() > pos:
            out.append((text[pos:m.start()], False))
        out.append((m.group(0), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


templates.env.globals["qs"] = _qs
templates.env.filters["ledger_refs"] = _ledger_refs
templates.env.filters["web_url"] = _web_url


def mount_web(app: FastAPI) -> None:
    from .pages import router

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(router)


def error_page(request: Request, status: int, code: str, message: str):
    return templates.TemplateResponse(request, "error.html", {"status": status, "code": code, "message": message},
                                      status_code=status)
