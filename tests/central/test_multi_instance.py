"""Two server instances (separate processes and ports, as on two hosts) on one PostgreSQL
database behind HAProxy behave as one server: the contract's hidden state (exactly once,
seq order, conflicts, no skipped commits) holds with requests spread over both;
maintenance mode reaches both; a job started on both runs once; the rate limit is per
instance process (the factor docs/scaling.md states)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import psycopg
import pytest
import sqlalchemy as sa

from central import maintenance
from central.db import tables as t
from central.db.engine import make_engine
from central.db.migrate import upgrade
from central.jobs.runner import LOCK_NAMESPACE
from tests.central.conftest import ROOT, Kiosk, Server, World, book, seed, tomorrow
from tests.central.test_pull import State, apply
from tests.helpers.haproxy import Balancer
from tests.helpers.postgres import create_database

pytestmark = pytest.mark.postgres
#: Each instance re-reads the maintenance switch this often (seconds).
CHECK_S = "0.2"


@dataclass
class Pair:
    """Two instances over one database, and HAProxy over both."""

    world: World  # its server is the first instance
    second: Server
    balancer: Balancer

    @property
    def urls(self) -> list[str]:
        return [self.world.server.url, self.second.url, self.balancer.url]

    def kiosk(self, base: str) -> Kiosk:
        kiosk = self.world.kiosk()
        kiosk.base = base
        return kiosk


def _servers(db_url: str, env: dict[str, str]) -> list[Server]:
    """Two one-worker instances (one after the other: starting is CPU-bound); the first
    is stopped if the second does not come up."""
    first = Server(db_url, env, ("--workers", "1"))
    try:
        return [first, Server(db_url, env, ("--workers", "1"))]
    except BaseException:
        first.close()
        raise


@pytest.fixture(scope="module")
def pair(pg_server: str) -> Iterator[Pair]:
    db_url = create_database(pg_server)
    engine = make_engine(db_url)
    upgrade(engine)
    site_id, members = seed(engine, members=6)
    first, second = _servers(db_url, {"CENTRAL_MAINTENANCE_CHECK_S": CHECK_S})
    balancer = None
    try:
        balancer = Balancer([first.url, second.url])
        yield Pair(World(db_url, engine, first, site_id, members), second, balancer)
    finally:
        if balancer is not None:
            balancer.close()
        first.close()
        second.close()
        engine.dispose()


def _counts(pair: Pair) -> tuple[int, int]:
    with pair.world.engine.connect() as conn:
        return tuple(int(conn.execute(sa.select(sa.func.count()).select_from(table))
                         .scalar_one()) for table in (t.reservations, t.device_mutations))


def _via(kiosk: Kiosk, base: str) -> Kiosk:
    """The same device (token, seq) talking to another instance."""
    return Kiosk(base, kiosk.token, kiosk.device_id, kiosk.seq)


def test_a_replay_through_the_other_instance_answers_the_same(pair: Pair) -> None:
    a, b, lb = pair.urls
    kiosk, resource = pair.kiosk(a), pair.world.resource()
    m = book(kiosk, resource, pair.world.member_ids[0], tomorrow(9))
    first = kiosk.push(m).json()["results"][0]
    assert first["outcome"] == "applied"
    _, cursor = kiosk.pull_all()
    before = _counts(pair)
    for base in (b, lb, lb):
        again = _via(kiosk, base).push(m).json()["results"][0]
        assert again == {**first, "replayed": True}
    assert _counts(pair) == before
    assert _via(kiosk, b).pull(cursor).json()["changes"] == []


def test_seq_order_holds_across_instances(pair: Pair) -> None:
    a, b, lb = pair.urls
    kiosk, resource = pair.kiosk(a), pair.world.resource()
    member = pair.world.member_ids[1]
    m1, m2, m3 = (book(kiosk, resource, member, tomorrow(8 + 2 * i), seq=i + 1)
                  for i in range(3))
    assert [r["outcome"] for r in kiosk.push(m1, m3).json()["results"]] == [
        "applied", "out_of_order"]
    assert _via(kiosk, b).pull().json()["last_mutation_seq"] == 1
    assert _via(kiosk, b).push(m2).json()["results"][0]["outcome"] == "applied"
    results = _via(kiosk, lb).push(m2, m3).json()["results"]
    assert [(r["outcome"], r["replayed"]) for r in results] == [
        ("applied", True), ("applied", False)]
    assert _via(kiosk, a).pull().json()["last_mutation_seq"] == 3


def test_conflicting_bookings_from_two_devices_on_two_instances(pair: Pair) -> None:
    a, b, _ = pair.urls
    for round_no in range(4):
        resource = pair.world.resource()
        kiosks = [pair.kiosk(a), pair.kiosk(b)]
        start = tomorrow(6) + timedelta(days=1, hours=round_no)
        muts = [book(k, resource, pair.world.member_ids[i], start + timedelta(minutes=30 * i))
                for i, k in enumerate(kiosks)]
        barrier, results = threading.Barrier(2), []

        def go(k: Kiosk, m: dict[str, Any], barrier: threading.Barrier = barrier,
               results: list[dict[str, Any]] = results) -> None:
            barrier.wait()
            results.append(k.push(m).json()["results"][0])

        threads = [threading.Thread(target=go, args=pair_) for pair_ in zip(kiosks, muts,
                                                                             strict=True)]
        for th in threads:
            th.start()
        for th in threads:
            th.join(60)
        outcomes = sorted((r["outcome"], r["code"]) for r in results)
        assert outcomes == [("applied", None), ("rejected", "conflict")], round_no


def test_pulls_see_every_commit_once_while_both_instances_take_pushes(pair: Pair) -> None:
    """Invariant 6 over two instances: writers push through both while a reader pages
    through all three addresses; the reader's stream has each version once, in order,
    holds every applied booking and ends equal to a fresh full sync."""
    a, b, lb = pair.urls
    resources = [pair.world.resource() for _ in range(4)]
    writers = [pair.kiosk(base) for base in (a, b, a, b)]
    reader = pair.kiosk(lb)
    changes, cursor = reader.pull_all()
    state: State = apply({}, changes)
    applied: list[str] = []
    done = threading.Event()

    def write(n: int, kiosk: Kiosk) -> None:
        for i in range(12):
            start = tomorrow(0) + timedelta(days=5 + i, hours=n * 5)
            m = book(kiosk, resources[n], pair.world.member_ids[n], start)
            if kiosk.push(m).json()["results"][0]["outcome"] == "applied":
                applied.append(m["args"]["id"])
            if i % 4 == 3:
                kiosk.push(kiosk.mutation("reservation.cancel", id=m["args"]["id"]))

    threads = [threading.Thread(target=write, args=(n, k)) for n, k in enumerate(writers)]
    for th in threads:
        th.start()
    watcher = threading.Thread(target=lambda: ([th.join(120) for th in threads], done.set()))
    watcher.start()
    seen: list[int] = []
    body: dict[str, Any] = {"has_more": True}
    turn = 0
    while not done.is_set() or body["has_more"]:
        body = _via(reader, pair.urls[turn % 3]).pull(cursor, limit=3).json()
        turn += 1
        seen += [c["version"] for c in body["changes"]]
        apply(state, body["changes"])
        cursor = body["cursor"]
    watcher.join(10)
    body = reader.pull(cursor).json()
    seen += [c["version"] for c in body["changes"]]
    apply(state, body["changes"])
    assert seen == sorted(set(seen)), "a version came twice or out of order"
    assert len(applied) == 4 * 12
    fresh = apply({}, pair.kiosk(b).pull_all()[0])
    assert state == fresh
    assert {("reservation", rid) for rid in applied} <= set(fresh)


def _cli(db_url: str, *args: str) -> str:
    return subprocess.run([sys.executable, "-m", "central", "--db", db_url, *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=True).stdout


def _until(condition: Callable[[], bool], what: str, seconds: float = 15) -> None:
    """Wait for ``condition`` (each instance re-reads shared state on its own period)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        time.sleep(0.05)


def test_maintenance_turned_on_once_reaches_every_instance(pair: Pair) -> None:
    kiosk = pair.kiosk(pair.world.server.url)
    out = _cli(pair.world.db_url, "maintenance", "on", "--retry-after", "77")
    assert "every server on this database" in out
    for base in pair.urls:
        k = _via(kiosk, base)
        _until(lambda k=k: k.pull().status_code == 503, f"503 from {base}")
        reply = k.pull()
        assert reply.status_code == 503 and reply.headers["Retry-After"] == "77"
        assert httpx.get(f"{base}/healthz").json()["maintenance"] is True
    assert maintenance.turn_off(pair.world.engine)  # what `maintenance off` does
    for base in pair.urls:
        k = _via(kiosk, base)
        _until(lambda k=k: k.pull().status_code == 200, f"200 from {base}")
        assert httpx.get(f"{base}/readyz").status_code == 200


def _holds_job_lock(dsn: str, name: str) -> bool:
    with psycopg.connect(dsn) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND classid = %s AND objid = %s AND objsubid = 2",
            (LOCK_NAMESPACE, zlib.crc32(name.encode()))).fetchone()
    return bool(row and row[0])


def test_a_job_started_on_two_instances_at_once_runs_once(pair: Pair) -> None:
    """The first run holds the job's lock while it waits for a table this test holds; the
    second, started meanwhile, does nothing; the first then finishes its work."""
    db_url = pair.world.db_url
    dsn = db_url.replace("postgresql+psycopg://", "postgresql://")
    command = [sys.executable, "-m", "central", "--db", db_url, "jobs", "run", "prune"]
    with psycopg.connect(dsn) as holder:
        holder.execute("LOCK TABLE reservations IN ACCESS EXCLUSIVE MODE")
        first = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        try:
            _until(lambda: _holds_job_lock(dsn, "prune"), "the first run takes the lock")
            second = json.loads(_cli(db_url, "jobs", "run", "prune"))
            assert second == {"skipped": 1}
        finally:
            holder.commit()
            out = first.communicate(timeout=60)[0]
    assert first.returncode == 0
    assert set(json.loads(out)) == {"left_window", "tombstones", "dedup_records",
                                    "request_stats"}
    assert not _holds_job_lock(dsn, "prune")


def test_the_balancers_limit_holds_across_instances(pair: Pair) -> None:
    """The template's optional per-token limit at HAProxy counts a device's requests to
    every instance together, and answers like the server's own 429."""
    balancer = Balancer([pair.world.server.url, pair.second.url], limit_per_10s=5)
    try:
        kiosk = _via(pair.world.kiosk(), balancer.url)
        replies = [kiosk.pull() for _ in range(7)]
        assert [r.status_code for r in replies] == [200] * 5 + [429] * 2
        assert replies[-1].headers["Retry-After"] == "10"
        assert replies[-1].json()["status"] == 429
        assert _via(pair.world.kiosk(), balancer.url).pull().status_code == 200  # per token
    finally:
        balancer.close()


def test_the_rate_limit_is_per_instance_process(pair: Pair) -> None:
    """Each instance process keeps its own buckets: through HAProxy over two one-worker
    instances a device gets the burst from each (2 × burst), the factor docs/scaling.md
    states (instances × workers)."""
    env = {"CENTRAL_RATE_PER_S": "0.001", "CENTRAL_RATE_BURST": "3"}
    servers = _servers(pair.world.db_url, env)
    balancer = None
    try:
        balancer = Balancer([s.url for s in servers])
        one = pair.world.kiosk()
        for server in servers:
            direct = _via(one, server.url)
            assert [direct.pull().status_code for _ in range(4)] == [200, 200, 200, 429]
        spread = _via(pair.world.kiosk(), balancer.url)
        codes = [spread.pull().status_code for _ in range(12)]
        assert codes.count(200) == 2 * 3 and set(codes) == {200, 429}
    finally:
        if balancer is not None:
            balancer.close()
        for server in servers:
            server.close()
