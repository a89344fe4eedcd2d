"""Shared fixtures. Tests that need the spaCy model use the `nlp` fixture (loaded once a session)
and are marked slow; tests that need ../shared skip cleanly where it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from newsledger.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip("../shared is absent (the scorer and gold articles live there)")
    return SHARED


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL cluster for the session (tests/pg_cluster.py); skips where Debian's
    PostgreSQL binaries are absent."""
    pytest.importorskip("psycopg")
    from pg_cluster import start_cluster

    cluster = start_cluster()
    if cluster is None:
        pytest.skip("PostgreSQL's binaries are absent (apt-get install postgresql); the PostgreSQL store is untested")
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """The URL of a new, empty PostgreSQL database."""
    return pg_cluster.new_database()
