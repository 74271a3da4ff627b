"""Central server benchmark on PostgreSQL: push throughput and p95 with concurrent kiosks,
conflict-query p95 on a large reservations table, and pgbench's simple-insert TPS as the
floor of what this machine's PostgreSQL can do.

    .venv/bin/python bench/bench_server.py --rows 10000000 --clients 50 --seconds 20

``--dsn`` (or ``KIOSK_TEST_PG_DSN``) names a server; without one a throwaway cluster is
started (initdb via runuser when root). Targets: push p95 < 20 ms, conflict p95 < 5 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import sqlalchemy as sa

from central.admin import add_resource, add_site, set_flag
from central.db.engine import make_engine, write
from central.db.migrate import upgrade
from central.domain import devices, queries
from kiosk.core.model import Interval

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def p95(values: list[float]) -> float:
    return sorted(values)[int(0.95 * (len(values) - 1))] if values else float("nan")


def preload(engine: sa.Engine, site_id: str, member_id: str, rows: int, resources: int) -> None:
    """Fill ``reservations`` with ``rows`` hour-long bookings spread over ``resources``."""
    with write(engine) as conn:
        ids = [add_resource(conn, site_id, f"bulk {i}", "bulk", datetime.now(UTC)).id
               for i in range(resources)]
    per = rows // resources
    started = time.perf_counter()
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        for rid in ids:
            cur.execute(
                """INSERT INTO reservations (id, site_id, resource_id, member_id, starts_at,
                   ends_at, buffer_minutes, status, no_show, via, created_at, updated_at)
                   SELECT gen_random_uuid()::text, %s, %s, %s,
                          timestamptz '2020-01-01' + make_interval(hours => 2 * g),
                          timestamptz '2020-01-01' + make_interval(hours => 2 * g + 1),
                          0, 'confirmed', false, 'bench', now(), now()
                   FROM generate_series(0, %s) g""", (site_id, rid, member_id, per - 1))
        raw.commit()
        cur.execute("ANALYZE reservations")
        raw.commit()
    finally:
        raw.close()
    print(f"preloaded {per * resources:,} reservations in {time.perf_counter() - started:.0f} s")


def conflict_p95(engine: sa.Engine, resource_ids: list[str], samples: int = 2000) -> float:
    times = []
    with engine.connect() as conn:
        for _ in range(samples):
            start = datetime(2020, 1, 1, tzinfo=UTC) + timedelta(hours=random.randrange(20000))
            began = time.perf_counter()
            queries.busy(conn, random.choice(resource_ids), Interval(start, start +
                                                                      timedelta(hours=1)), 15)
            times.append((time.perf_counter() - began) * 1000)
    return p95(times)


def push_load(url: str, tokens: list[tuple[str, str]], resource_ids: list[str],
              member_ids: list[str], seconds: float) -> tuple[list[float], int, int]:
    latencies: list[float] = []
    outcomes = {"applied": 0, "rejected": 0}
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    base = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) + timedelta(days=1)

    def client(device_id: str, token: str) -> None:
        headers = {"Authorization": f"Bearer {token}", "X-Schema-Version": "1"}
        with httpx.Client(timeout=30) as http:
            seq = 0
            while time.monotonic() < deadline:
                seq += 1
                start = base + timedelta(minutes=30 * random.randrange(2000))
                args = {"id": str(uuid.uuid4()), "resource_id": random.choice(resource_ids),
                        "member_id": random.choice(member_ids), "starts_at": start.isoformat(),
                        "ends_at": (start + timedelta(hours=1)).isoformat()}
                m = {"id": str(uuid.uuid4()), "seq": seq, "name": "reservation.create",
                     "args": args}
                began = time.perf_counter()
                reply = http.post(f"{url}/api/v1/sync/push", headers=headers,
                                  json={"device_id": device_id, "mutations": [m]})
                elapsed = (time.perf_counter() - began) * 1000
                with lock:
                    latencies.append(elapsed)
                    outcomes[reply.json()["results"][0]["outcome"]] += 1

    threads = [threading.Thread(target=client, args=t) for t in tokens]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return latencies, outcomes["applied"], outcomes["rejected"]


def pgbench_tps(dsn: str, clients: int, seconds: int) -> float | None:
    exe = PG_BIN / "pgbench"
    if not exe.exists():
        return None
    with make_engine(dsn).begin() as conn:
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS bench_insert (id bigserial, "
                             "at timestamptz DEFAULT now(), v int)")
    script = Path(tempfile.mkdtemp()) / "insert.sql"
    script.write_text("INSERT INTO bench_insert (v) VALUES (1);\n")
    out = subprocess.run([str(exe), "-n", "-c", str(clients), "-j", "2", "-T", str(seconds),
                          "-f", str(script), dsn], capture_output=True, text=True, check=True)
    line = next(ln for ln in out.stdout.splitlines() if ln.startswith("tps"))
    return float(line.split("=")[1].split()[0])


def start_cluster() -> tuple[str, list[str], Path]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.helpers.postgres import _start_cluster

    base = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    dsn, stop = _start_cluster(base)
    return dsn, stop, base


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dsn", default=os.environ.get("KIOSK_TEST_PG_DSN"))
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--resources", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=15)
    args = ap.parse_args()
    stop: list[str] = []
    base: Path | None = None
    if not args.dsn:
        args.dsn, stop, base = start_cluster()
    server = None
    try:
        engine = make_engine(args.dsn)
        upgrade(engine)
        now = datetime.now(UTC)
        with write(engine) as conn:
            site = add_site(conn, f"bench {uuid.uuid4().hex[:6]}", "UTC", now,
                            settings={"opening_hours": "24/7", "max_days_ahead": 365,
                                      "max_active_per_member": 10**6})
            set_flag(conn, True, now, site_ref=site.id)
            members = [str(uuid.uuid4()) for _ in range(1001)]
            conn.execute(sa.text("INSERT INTO members (id, site_id, number, display_name, status,"
                                 " no_show_count, badges) VALUES (:i, :s, :n, 'Bench Member',"
                                 " 'active', 0, '[]')"),
                         [{"i": m, "s": site.id, "n": f"b{i}"} for i, m in enumerate(members)])
            member_id = members.pop()
        preload(engine, site.id, member_id, args.rows, args.resources)
        with engine.connect() as conn:
            bulk = list(conn.execute(sa.text("SELECT id FROM resources WHERE kind='bulk'"))
                        .scalars())
        print(f"conflict query p95: {conflict_p95(engine, bulk):.2f} ms (target < 5 ms)")
        with write(engine) as conn:
            live = [add_resource(conn, site.id, f"live {i}", "live", now).id for i in range(200)]
            tokens = [devices.issue(conn, site.id, f"bench {i}", now)
                      for i in range(args.clients)]
        port = 18000 + random.randrange(1000)
        server = subprocess.Popen([sys.executable, "-m", "central", "--db", args.dsn,
                                   "serve", "--port", str(port)],
                                  env={**os.environ, "CENTRAL_JOBS": "0"})
        url = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                if httpx.get(f"{url}/healthz").status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        lat, applied, rejected = push_load(url, tokens, live, members, args.seconds)
        print(f"push: {len(lat) / args.seconds:.0f} req/s with {args.clients} clients, "
              f"p50 {statistics.median(lat):.1f} ms, p95 {p95(lat):.1f} ms (target < 20 ms); "
              f"{applied} applied, {rejected} rejected (conflicts)")
        tps = pgbench_tps(args.dsn, args.clients, 10)
        print(f"pgbench simple insert: {tps:.0f} tps (floor)" if tps else "pgbench: not found")
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
        if stop:
            subprocess.run(stop, check=False, capture_output=True)
        if base is not None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
