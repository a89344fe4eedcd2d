"""A throwaway PostgreSQL cluster for the tests: Debian's binaries, ``initdb`` into a temp dir,
``pg_ctl`` on a free loopback port, stopped and removed at the end.

As root the server runs as the ``postgres`` user (``runuser``; PostgreSQL refuses to run as root),
otherwise as the current user. Where no binaries are found (``/usr/lib/postgresql/*/bin`` or
``NEWSLEDGER_PG_BIN``), :func:`start_cluster` returns None and the tests that need it skip.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from itertools import count
from pathlib import Path


def find_bin() -> Path | None:
    """The folder of initdb/pg_ctl: NEWSLEDGER_PG_BIN, else the newest /usr/lib/postgresql/N/bin."""
    env = os.environ.get("NEWSLEDGER_PG_BIN")
    if env and (Path(env) / "initdb").is_file():
        return Path(env)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parent.parent.name)
                   if Path(p).parent.parent.name.isdigit() else 0)
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    """A running cluster: ``url(db)`` for a database in it, ``new_database()`` for a fresh one."""

    bin: Path
    root: Path
    port: int
    user: str
    _as: list[str]
    _n = count(1)

    def url(self, db: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{db}"

    def new_database(self, prefix: str = "t") -> str:
        """A new, empty ledger location: a schema of its own in the cluster's database (creating a
        schema takes milliseconds, a database a second); its URL, which selects the schema."""
        import psycopg

        name = f"{prefix}{os.getpid()}_{next(self._n)}"
        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f'CREATE SCHEMA "{name}"')
        return f"{self.url()}?options=-csearch_path%3D{name}"

    def stop(self) -> None:
        subprocess.run([*self._as, str(self.bin / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate",
                        "-w", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(self.root, ignore_errors=True)


def start_cluster(durable: bool = False) -> Cluster | None:
    """Start a cluster (None where PostgreSQL's binaries are absent). Tests run it without fsync;
    ``durable`` keeps PostgreSQL's defaults (fsync, synchronous commit), for benchmarks."""
    pg_bin = find_bin()
    if pg_bin is None:
        return None
    root = Path(tempfile.mkdtemp(prefix="newsledger-pg-"))
    as_user: list[str] = []
    user = os.environ.get("USER") or "postgres"
    if os.geteuid() == 0:
        as_user, user = ["runuser", "-u", "postgres", "--"], "postgres"
        shutil.chown(root, "postgres", "postgres")
        os.chmod(root, 0o700)
    else:
        import getpass

        user = getpass.getuser()
    data = root / "data"
    port = _free_port()
    try:
        subprocess.run([*as_user, str(pg_bin / "initdb"), "-D", str(data), "-U", user, "-A", "trust", "-E", "UTF8",
                        "--locale=C.UTF-8", "--no-sync"], check=True, capture_output=True, timeout=120)
        opts = f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root} -c max_connections=50"
        if not durable:
            opts += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        subprocess.run([*as_user, str(pg_bin / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-o", opts,
                        "-w", "-t", "60", "start"], check=True, capture_output=True, timeout=90)
    except (subprocess.SubprocessError, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        log = (root / "log").read_text(errors="replace")[-800:] if (root / "log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"could not start a PostgreSQL test cluster with {pg_bin}: {exc} "
                           f"{detail.decode(errors='replace')[-800:]} {log}") from None
    return Cluster(pg_bin, root, port, user, as_user)
