"""``newsledger serve``: the REST API and web UI over a ledger, served by Uvicorn (loopback by default)."""

from __future__ import annotations

import typer

__all__ = ["serve"]


def serve(
    db: str = typer.Option("newsledger.db", "--db", envvar="NEWSLEDGER_DB",
                           help="The ledger to serve: an SQLite file, or a postgresql://USER@HOST/DB URL."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default; 0.0.0.0 "
                                                          "exposes the server to the network)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes."),
    model: str = typer.Option(None, "--model", envvar="NEWSLEDGER_MODEL",
                              help="spaCy pipeline for POST /api/v1/ingest (loaded on the first ingest)."),
) -> None:
    """Serve the ledger: the web UI at http://HOST:PORT/, the API under /api/v1 (see /docs).

    POST /api/v1/ingest needs NEWSLEDGER_TOKEN set in the server's environment (and sent as
    'Authorization: Bearer TOKEN'); without it ingest is refused."""
    import os

    import uvicorn

    from .api import create_app
    from .cli import _fatal
    from .errors import NewsledgerError

    try:
        create_app(db, model=model)  # check the store opens before binding the port
    except NewsledgerError as exc:
        raise _fatal(exc)
    os.environ["NEWSLEDGER_SERVE_DB"] = str(db)
    if model:
        os.environ["NEWSLEDGER_MODEL"] = model
    from .ledger.base import is_postgres_url

    shown = db
    if is_postgres_url(db):
        from .ledger.postgres import mask_url

        shown = mask_url(db)
    typer.echo(f"serving {shown} on http://{host}:{port}/ (API: /api/v1, reference: /docs); Ctrl-C stops", err=True)
    uvicorn.run("newsledger._serve:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="warning", access_log=False)


def app_from_env():
    """The application for Uvicorn's workers (the ledger path handed over in NEWSLEDGER_SERVE_DB)."""
    import os

    from .api import create_app

    return create_app(os.environ["NEWSLEDGER_SERVE_DB"], model=os.environ.get("NEWSLEDGER_MODEL"), warm=True)
