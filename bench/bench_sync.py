"""Benchmark of the kiosk's sync: applying a large pull, and pushing a long outbox.

*Pull apply*: N reservation changes (default 50,000) as the server sends them (JSON pages
of ``--page`` changes), read by ``kiosk.sync.wire`` and written by
``kiosk.store.sync_apply.apply_page`` into a fresh cache, one transaction per page — the
code path of a first sync. Beside it, the floor: the same rows inserted with the stdlib
``sqlite3`` ``executemany`` into the same table in one transaction per page. Prints
rows/s (median of ``--runs``) and the ratio to the floor; targets ≥ 20,000 rows/s and
≤ 2.5× the floor.

*Push*: M queued mutations (default 5,000 staff bookings made through the service) pushed
to a real ``central serve`` process on SQLite over 127.0.0.1 in batches of ``--batch``:
mutations/s and the time per batch, beside the server's answer to an empty push (floor).

    .venv/bin/python -m bench.bench_sync
    .venv/bin/python -m bench.bench_sync --changes 5000 --mutations 500 --runs 3
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import keyring

from bench.bench_server import start_server
from central.db.engine import make_engine, write
from central.db.migrate import upgrade
from central.demo import load_data
from central.domain import devices
from kiosk.core import entities
from kiosk.core.model import Interval, Member, Reservation, Resource, Site
from kiosk.core.refusals import Refusal
from kiosk.demo.dataset import DemoData, DemoMember
from kiosk.store import loader
from kiosk.store.db import open_store
from kiosk.store.service import KioskService
from kiosk.store.sync_apply import apply_page
from kiosk.sync import wire
from kiosk.sync.client import SyncClient
from kiosk.sync.engine import Report, SyncEngine
from kiosk.sync.enrollment import enroll
from tests.helpers.memory_keyring import MemoryKeyring

SITE = Site("bench-sync", "Bench Sync Library", "America/Los_Angeles",
            {"opening_hours": "24/7", "max_days_ahead": 400, "max_active_per_member": 100000,
             "max_minutes": 240})
START = datetime(2027, 1, 4, 8, 0, tzinfo=UTC)


def _resources(n: int = 50) -> list[Resource]:
    return [Resource(str(uuid.uuid5(uuid.NAMESPACE_URL, f"r{i}")), SITE.id, f"Resource {i}",
                     "saw") for i in range(n)]


def _members(n: int = 200) -> list[Member]:
    return [Member(str(uuid.uuid5(uuid.NAMESPACE_URL, f"m{i}")), SITE.id, str(5000 + i),
                   f"Member {i}") for i in range(n)]


def _changes(count: int, resources: list[Resource], members: list[Member]) -> list[dict[str, Any]]:
    out = []
    for i in range(count):
        start = START + timedelta(hours=2 * (i // len(resources)))
        r = Reservation(str(uuid.uuid5(uuid.NAMESPACE_URL, f"b{i}")),
                        resources[i % len(resources)].id, members[i % len(members)].id,
                        Interval(start, start + timedelta(hours=1)), created_at=START)
        out.append({"entity": "reservation", "id": r.id, "version": i + 1, "deleted": False,
                    "data": entities.reservation_data(r)})
    return out


def _fresh_cache(tmp: Path, name: str) -> Path:
    path = tmp / name
    store = open_store(path)
    loader.load_site(store, SITE)
    loader.load_resources(store, _resources())
    loader.load_members(store, [loader.MemberCredentials(m) for m in _members()])
    store.close()
    return path


def bench_pull(tmp: Path, count: int, page: int, runs: int) -> None:
    changes = _changes(count, _resources(), _members())
    pages = [json.dumps({"changes": changes[i:i + page], "cursor": f"c{i}",
                         "has_more": i + page < count, "last_mutation_seq": 0,
                         "mutation_results": [], "server_time": "2027-01-01T00:00:00Z"})
             for i in range(0, count, page)]
    ours, floor = [], []
    for run in range(runs):
        path = _fresh_cache(tmp, f"apply-{run}.sqlite3")
        store = open_store(path)
        started = time.perf_counter()
        for raw in pages:
            parsed = wire.pull_page(json.loads(raw), page)
            with store.write() as session:
                apply_page(session, parsed.changes, parsed.cursor)
        ours.append(time.perf_counter() - started)
        store.close()

        path = _fresh_cache(tmp, f"floor-{run}.sqlite3")
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        started = time.perf_counter()
        for raw in pages:
            rows = [(c["id"], c["data"]["resource_id"], c["data"]["member_id"],
                     _s(c["data"]["starts_at"]), _s(c["data"]["ends_at"]), c["data"]["status"],
                     _s(c["data"]["created_at"]), None, 0, c["data"]["via"])
                    for c in json.loads(raw)["changes"]]
            conn.execute("BEGIN")
            conn.executemany(
                "INSERT INTO reservations (id, resource_id, member_id, starts_at, ends_at, "
                "status, created_at, checked_in_at, no_show, via) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            conn.execute("COMMIT")
        floor.append(time.perf_counter() - started)
        conn.close()
    med, med_floor = statistics.median(ours), statistics.median(floor)
    print(f"pull apply: {count:,} reservation changes in pages of {page}, {runs} runs")
    print(f"  kiosk (parse + apply): median {med:.2f} s = {count / med:,.0f} rows/s")
    print(f"  floor (json + sqlite3 executemany): median {med_floor:.2f} s = "
          f"{count / med_floor:,.0f} rows/s")
    print(f"  ratio to floor: {med / med_floor:.2f}x  (targets: >= 20,000 rows/s, <= 2.5x)")


def bench_push(tmp: Path, count: int, batch: int) -> None:
    """``count`` staff bookings queued at a kiosk, pushed to a live server (SQLite)."""
    keyring.set_keyring(MemoryKeyring())  # the bench's token store; a real one is for kiosks
    db_url = f"sqlite:///{tmp / 'central.db'}"
    engine = make_engine(db_url)
    upgrade(engine)
    members = _members(20)
    data = DemoData(SITE, _resources(), [DemoMember(m, f"900000{i:04d}", "1357")
                                         for i, m in enumerate(members)], iter(()))
    with write(engine) as conn:
        load_data(conn, data, datetime.now(UTC))
        _device, token = devices.issue(conn, SITE.id, "bench", datetime.now(UTC))
    engine.dispose()
    server = start_server(db_url, 1)
    url = server.url
    try:
        path = tmp / "push.sqlite3"
        store = open_store(path)
        enroll(store, path, url, token)
        svc = KioskService(store)
        resources = _resources()
        first = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) + timedelta(
            days=1)
        for i in range(count):
            start = first + timedelta(hours=i // len(resources))
            got = svc.reservations.book(resources[i % len(resources)].id,
                                        members[i % len(members)].id,
                                        Interval(start, start + timedelta(hours=1)), staff=True)
            assert not isinstance(got, Refusal), got
        client = SyncClient(url, token, timeout=60)
        floor = []
        for _ in range(30):
            started = time.perf_counter()
            client.checkin(None, 0, None)
            floor.append(time.perf_counter() - started)
        sync = SyncEngine(store, client, batch=batch)
        report = Report()
        started = time.perf_counter()
        sync.push(report)
        took = time.perf_counter() - started
        client.close()
        store.close()
    finally:
        server.close()
    batches = -(-count // batch)
    print(f"push: {count:,} queued bookings in batches of {batch} to a live server (SQLite)")
    print(f"  {took:.1f} s = {count / took:,.0f} mutations/s, {took / batches * 1000:.0f} ms "
          f"per batch; {report.applied:,} applied, {report.rejected} rejected")
    print(f"  floor: a check-in round trip, median {statistics.median(floor) * 1000:.1f} ms")


def _s(text: str | None) -> int | None:
    return None if text is None else int(datetime.fromisoformat(text).timestamp())


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_sync", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--changes", type=int, default=50_000)
    ap.add_argument("--page", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--mutations", type=int, default=5_000)
    ap.add_argument("--batch", type=int, default=200)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        bench_pull(Path(tmp), args.changes, args.page, args.runs)
        bench_push(Path(tmp), args.mutations, args.batch)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
