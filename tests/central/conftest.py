"""Fixtures for the central server tests: a real server process on 127.0.0.1 over SQLite
and PostgreSQL, a seeded site, and a small kiosk-like HTTP client."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.engine import Engine

from central.admin import add_resource, add_site, set_flag
from central.db.engine import make_engine, write
from central.db.migrate import upgrade
from central.domain import devices
from tests.helpers.postgres import create_database, free_port, pg_database, pg_server

__all__ = ["pg_database", "pg_server"]
ROOT = Path(__file__).resolve().parents[2]
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
SITE_SETTINGS = {"opening_hours": "24/7", "max_days_ahead": 60, "max_active_per_member": 1000}


class Server:
    """``python -m central --db URL serve`` as a subprocess, stopped on ``close`` (the
    benchmarks start theirs with it too)."""

    def __init__(self, db_url: str, env: dict[str, str] | None = None,
                 args: tuple[str, ...] = (), log: Path | None = None, *,
                 command: Callable[[int], list[str]] | None = None,
                 ready_path: str = "/healthz") -> None:
        """``log``: a file for the server's stderr (else a pipe, read if it fails to
        start; a long run should give a file). ``command``: the module and arguments to
        run instead, given the port (a benchmark's do-nothing floor). ``ready_path``:
        polled until it answers 200 (``/readyz`` also waits for the database)."""
        self.port = free_port()
        self.log = log
        self.url = f"http://127.0.0.1:{self.port}"
        full_env = {**os.environ, "CENTRAL_JOBS": "0", "PYTHONPATH": str(ROOT), **(env or {})}
        argv = command(self.port) if command is not None else [
            "-m", "central", "--db", db_url, "serve", "--host", "127.0.0.1",
            "--port", str(self.port), *args]
        self.proc = subprocess.Popen(
            [sys.executable, *argv], env=full_env, cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE if log is None else log.open("wb"))
        self._wait(ready_path)

    def _wait(self, ready_path: str) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(self.errors())
            try:
                if httpx.get(f"{self.url}{ready_path}", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("server did not come up")

    def errors(self) -> str:
        """What the server wrote to stderr (all of it once it has stopped)."""
        if self.log is not None:
            return self.log.read_text(encoding="utf-8", errors="replace")
        return self.proc.stderr.read().decode() if self.proc.stderr else ""

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)


@dataclass
class Kiosk:
    """A minimal kiosk sync client (one device): pushes with increasing seq, pulls."""

    base: str
    token: str
    device_id: str
    seq: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=30))

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", "X-Schema-Version": "1"}

    def mutation(self, name: str, seq: int | None = None, **args: Any) -> dict[str, Any]:
        return {"id": str(uuid.uuid4()), "seq": seq if seq is not None else next(self.seq),
                "name": name, "args": args, "at": datetime.now(UTC).isoformat()}

    def push(self, *mutations: dict[str, Any]) -> httpx.Response:
        return self.client.post(f"{self.base}/api/v1/sync/push", headers=self.headers,
                                json={"device_id": self.device_id, "mutations": list(mutations)})

    def pull(self, cursor: str | None = None, limit: int = 1000, **params: Any) -> httpx.Response:
        query = {"limit": limit, **params, **({"cursor": cursor} if cursor else {})}
        return self.client.get(f"{self.base}/api/v1/sync/pull", headers=self.headers,
                               params=query)

    def pull_all(self, cursor: str | None = None) -> tuple[list[dict[str, Any]], str]:
        changes: list[dict[str, Any]] = []
        while True:
            body = self.pull(cursor).json()
            changes += body["changes"]
            cursor = body["cursor"]
            if not body["has_more"]:
                return changes, cursor


def book(kiosk: Kiosk, resource_id: str, member_id: str, start: datetime,
         minutes: int = 60, **extra: Any) -> dict[str, Any]:
    return kiosk.mutation("reservation.create", id=str(uuid.uuid4()), resource_id=resource_id,
                          member_id=member_id, starts_at=start.isoformat(),
                          ends_at=(start + timedelta(minutes=minutes)).isoformat(),
                          via="kiosk", **extra)


def tomorrow(hour: int = 12) -> datetime:
    day = datetime.now(UTC).date() + timedelta(days=2)
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


@dataclass
class World:
    """A seeded database with a running server over it."""

    db_url: str
    engine: Engine
    server: Server
    site_id: str
    member_ids: list[str]

    def now(self) -> datetime:
        return datetime.now(UTC)

    def resource(self, **settings: Any) -> str:
        with write(self.engine) as conn:
            return add_resource(conn, self.site_id, f"r-{uuid.uuid4().hex[:6]}", "saw",
                                self.now(), settings=settings or None).id

    def kiosk(self, site_id: str | None = None) -> Kiosk:
        with write(self.engine) as conn:
            device_id, token = devices.issue(conn, site_id or self.site_id, "t", self.now())
        return Kiosk(self.server.url, token, device_id)


def seed(engine: Engine, name: str = "Portland", members: int = 3) -> tuple[str, list[str]]:
    """A site with the flag on and some members (with e-mail addresses)."""
    import sqlalchemy as sa

    from central.db import tables as t
    from central.domain.changes import ChangeSet, publish
    from central.domain.saving import publish_member

    now = datetime.now(UTC)
    with write(engine) as conn:
        site = add_site(conn, name, "America/Los_Angeles", now, settings=dict(SITE_SETTINGS))
        set_flag(conn, True, now, site_ref=site.id)
        ids = []
        for i in range(members):
            member_id = str(uuid.uuid4())
            conn.execute(sa.insert(t.members).values(
                id=member_id, site_id=site.id, number=f"{name[:3]}{i}", display_name=f"M {i}",
                email=f"m{i}@example.org", status="active", no_show_count=0, badges=[]))
            ids.append(member_id)
        cs = ChangeSet()
        for member_id in ids:
            publish_member(conn, cs, member_id)
        publish(conn, cs, now)
    return site.id, ids


def make_db(backend: str, tmp: Path, request: pytest.FixtureRequest) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp / 'central.db'}"
    return create_database(request.getfixturevalue("pg_server"))


@pytest.fixture(scope="module", params=BACKENDS)
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[World]:
    db_url = make_db(request.param, tmp_path_factory.mktemp("db"), request)
    engine = make_engine(db_url)
    upgrade(engine)
    site_id, members = seed(engine, members=5)
    server = Server(db_url)
    try:
        yield World(db_url, engine, server, site_id, members)
    finally:
        server.close()
        engine.dispose()
