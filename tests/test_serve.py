"""`newsledger serve` end to end: the command starts Uvicorn on a loopback port over a ledger and
answers the API and the web UI; a missing ledger is one error line and exit 2."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

pytest.importorskip("uvicorn")

import webdata  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsledger", "serve", *args]


def test_serve_answers_on_loopback(tmp_path):
    db = webdata.build_store(tmp_path / "ledger.db")
    port = _free_port()
    env = {**os.environ, "NEWSLEDGER_TOKEN": ""}
    proc = subprocess.Popen(_cmd("--db", str(db), "--port", str(port)), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/api/v1/documents?limit=1", timeout=2) as r:
                    body = json.loads(r.read())
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "serve did not come up"
                time.sleep(0.2)
        assert body["items"][0]["id"] == "b2"
        with urllib.request.urlopen(base + "/", timeout=5) as r:
            assert "default-src 'self'" in r.headers["content-security-policy"]
            assert "<h1>The ledger</h1>" in r.read().decode()
        req = urllib.request.Request(base + "/api/v1/ingest", data=b'{"text": "x"}\n', method="POST")
        with pytest.raises(urllib.error.HTTPError) as exc:
            urllib.request.urlopen(req, timeout=5)
        assert exc.value.code == 403  # no NEWSLEDGER_TOKEN: ingest refused
    finally:
        proc.terminate()
        proc.wait(10)
        proc.stdout.close()
        proc.stderr.close()


def test_serve_without_a_ledger_is_one_error_line(tmp_path):
    r = subprocess.run(_cmd("--db", str(tmp_path / "absent.db"), "--port", str(_free_port())),
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == [r.stderr.strip()] and r.stderr.startswith("error: [N500] no ledger at")
    assert not (tmp_path / "absent.db").exists()


def test_serve_takes_a_postgresql_url_as_a_url_not_a_path(tmp_path):
    """An unreachable PostgreSQL URL is one error line naming the server (password masked) and exit 2;
    nothing is created on disk under a mangled 'postgresql:/' path."""
    port = _free_port()
    url = f"postgresql://reader:s3cret@127.0.0.1:{port}/ledger"
    p = subprocess.run(_cmd("--db", url, "--port", str(_free_port())), capture_output=True, text=True,
                       cwd=tmp_path, timeout=60)
    assert p.returncode == 2
    assert p.stderr.startswith("error: [N5") and len(p.stderr.strip().splitlines()) == 1
    assert "s3cret" not in p.stderr
    assert not (tmp_path / "postgresql:").exists()
