"""A pytest fixture module that provides a PostgreSQL server DSN.

If ``KIOSK_TEST_PG_DSN`` is set (CI's ``.ci/run`` starts a cluster and sets it) that server
is used. Otherwise a throwaway cluster is created with ``initdb`` (run as the ``postgres``
user via ``runuser`` when we are root), started with ``pg_ctl`` on a free loopback port
with its socket in a temporary directory, and removed at session end. When PostgreSQL
cannot be had the tests are skipped locally, but FAIL when ``CI`` is set.

Tests get a fresh database each with ``pg_database`` (a DSN), created from the server DSN.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest

PG_BIN = Path(os.environ.get("KIOSK_PG_BIN", "/usr/lib/postgresql/15/bin"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _unavailable(reason: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required in CI: {reason}")
    pytest.skip(f"PostgreSQL not available: {reason}")


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _start_cluster(base: Path) -> tuple[str, list[str]]:
    data, sock = base / "data", base / "sock"
    data.mkdir()
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        for d in (data, sock):
            shutil.chown(d, "postgres")

    def run(args: list[str]) -> None:
        subprocess.run(_as_postgres(args), check=True, capture_output=True, timeout=120)

    run([str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
         "--no-sync", "-E", "UTF8"])
    port = free_port()
    opts = (f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
    run([str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", opts, "-w", "-l",
         str(base / "log"), "start"])
    stop = _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"])
    return f"postgresql://postgres@127.0.0.1:{port}/postgres", stop


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """DSN of a PostgreSQL server's maintenance database (``postgres``)."""
    given = os.environ.get("KIOSK_TEST_PG_DSN")
    if given:
        yield given
        return
    if not (PG_BIN / "initdb").exists():
        _unavailable(f"no initdb in {PG_BIN}")
    base = Path(tempfile.mkdtemp(prefix="central-pg-"))
    stop: list[str] = []
    try:
        dsn, stop = _start_cluster(base)
    except (subprocess.SubprocessError, OSError, LookupError) as exc:
        shutil.rmtree(base, ignore_errors=True)
        _unavailable(str(exc))
    try:
        yield dsn
    finally:
        subprocess.run(stop, check=False, capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)


def create_database(server_dsn: str) -> str:
    """Create a fresh database on the server and return its DSN."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server_dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_dsn.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def pg_database(pg_server: str) -> str:
    """DSN of a fresh, empty database on the session's PostgreSQL server."""
    return create_database(pg_server)
