"""Several worker processes and a database outage, through real server processes:

- with ``--workers 2`` ``/metrics`` adds up the figures of both workers, whichever answers;
- when the database goes away under a running server a push is answered 503
  problem+json with ``Retry-After``, nothing of it is written, and the kiosk's retry of
  the same mutation after recovery is applied exactly once.
"""

from __future__ import annotations

import itertools
import re
import shutil
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import psycopg
import pytest
import sqlalchemy as sa
from prometheus_client import CollectorRegistry, generate_latest, multiprocess

from central.db.engine import make_engine
from central.db.migrate import upgrade
from tests.central.conftest import Kiosk, Server, World, book, seed, tomorrow
from tests.helpers.postgres import create_database

OTHER = re.compile(r'^central_request_seconds_count\{route="other"\} (\S+)$', re.M)


def _other_count(text: str) -> float:
    found = OTHER.search(text)
    return float(found.group(1)) if found else 0.0


def _worker_dirs(server: Server) -> tuple[list[int], Path]:
    """The worker processes of ``server`` and the metrics directory they share."""
    workers, directory = [], None
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            environ = (stat.parent / "environ").read_bytes().split(b"\0")
        except (OSError, ValueError, IndexError):
            continue
        if ppid != server.proc.pid:
            continue
        for entry in environ:
            if entry.startswith(b"PROMETHEUS_MULTIPROC_DIR="):
                workers.append(int(stat.parent.name))
                directory = Path(entry.split(b"=", 1)[1].decode())
    assert directory is not None, "the workers have no PROMETHEUS_MULTIPROC_DIR"
    # (uvicorn's children include multiprocessing's resource tracker: no metrics files)
    return [pid for pid in workers if any(directory.glob(f"*_{pid}.db"))], directory


def _count_of(directory: Path, pid: int, tmp: Path) -> float:
    """One worker's own count of ``other`` requests (its files alone, collected)."""
    only = tmp / str(pid)
    only.mkdir()
    for f in directory.glob(f"*_{pid}.db"):
        shutil.copy(f, only / f.name)
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, path=str(only))
    return _other_count(generate_latest(registry).decode())


def test_metrics_add_up_over_two_workers(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'central.db'}"
    engine = make_engine(db_url)
    upgrade(engine)
    engine.dispose()
    server = Server(db_url, args=("--workers", "2"))
    try:
        def hit(_: int) -> int:  # a new connection each time, so both workers get some
            return httpx.get(f"{server.url}/healthz", timeout=10).status_code

        with ThreadPoolExecutor(8) as pool:
            assert set(pool.map(hit, range(200))) == {200}
        time.sleep(0.3)  # each answer is counted just after it is sent
        workers, directory = _worker_dirs(server)
        assert len(workers) == 2
        own = [_count_of(directory, pid, tmp_path) for pid in workers]
        assert all(n > 0 for n in own), own  # both workers answered some
        totals = []
        for _ in range(4):
            totals.append(_other_count(httpx.get(f"{server.url}/metrics", timeout=10).text))
            time.sleep(0.2)
        # Whichever worker answers, it reports both workers' requests: all 200 and more
        # (the start-up probes), and each /metrics answer counts the one before it.
        assert totals[0] >= 200
        assert totals[0] >= sum(own)
        assert [b - a for a, b in itertools.pairwise(totals)] == [1.0, 1.0, 1.0]
    finally:
        server.close()


def _db_name(url: str) -> str:
    return url.rsplit("/", 1)[1]


@pytest.mark.postgres
def test_database_outage_is_503_and_the_retry_applies_once(pg_server: str) -> None:
    db_url = create_database(pg_server)
    engine = make_engine(db_url)
    upgrade(engine)
    site_id, members = seed(engine)
    server = Server(db_url)
    name = _db_name(db_url)
    try:
        world = World(db_url, engine, server, site_id, members)
        kiosk: Kiosk = world.kiosk()
        resource = world.resource()
        first = book(kiosk, resource, members[0], tomorrow(10))
        assert kiosk.push(first).json()["results"][0]["outcome"] == "applied"
        engine.dispose()

        # The database goes away: no new connections, every open one terminated.
        with psycopg.connect(pg_server, autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))
        second = book(kiosk, resource, members[1], tomorrow(12))
        reply = kiosk.push(second)
        assert reply.status_code == 503
        assert reply.headers["content-type"].startswith("application/problem+json")
        assert int(reply.headers["Retry-After"]) > 0
        assert reply.json()["status"] == 503
        assert httpx.get(f"{server.url}/readyz").status_code == 503

        with psycopg.connect(pg_server, autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')

        # Nothing of the failed push was written.
        booking_id = second["args"]["id"]
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM reservations WHERE id = :i"),
                                {"i": booking_id}).scalar_one() == 0
            assert conn.execute(sa.text("SELECT last_mutation_seq FROM devices WHERE id = :d"),
                                {"d": kiosk.device_id}).scalar_one() == first["seq"]
            assert conn.execute(sa.text("SELECT count(*) FROM device_mutations WHERE "
                                        "mutation_id = :m"), {"m": second["id"]}
                                ).scalar_one() == 0

        # The kiosk retries the same mutation (same id, same seq): applied once, and a
        # second retry is a replay that changes nothing.
        retried = kiosk.push(second).json()["results"][0]
        assert (retried["outcome"], retried["replayed"]) == ("applied", False)
        again = kiosk.push(second).json()["results"][0]
        assert (again["outcome"], again["replayed"]) == ("applied", True)
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM reservations WHERE id = :i"),
                                {"i": booking_id}).scalar_one() == 1
            assert conn.execute(sa.text("SELECT count(*) FROM changes WHERE entity_id = :i"),
                                {"i": booking_id}).scalar_one() == 1
        changes, _ = kiosk.pull_all()
        assert [c["id"] for c in changes if c["id"] == booking_id] == [booking_id]
        assert str(uuid.UUID(booking_id)) == booking_id
    finally:
        server.close()
        engine.dispose()
