"""Central server benchmark on PostgreSQL: push throughput and latency with 50 concurrent
kiosks, the conflict-query p95 on a table of 10M reservations, and pgbench's simple-insert
TPS on the same server as the floor. It prints figures; it never asserts on time.

    .venv/bin/python bench/bench_server.py                 # 10M rows, 50 clients
    .venv/bin/python bench/bench_server.py --rows 1000000 --seconds 10

The server is ``central serve --workers N`` in its own process; the kiosks are threads in
``--client-procs`` other processes (so neither side's GIL slows the other), each with its
own device token. Two phases: *saturation* (every kiosk pushes again as soon as it has its
answer: the most the server does; latency there is mostly queueing, by Little's law
clients / throughput) and *paced* (the kiosks together send ``--paced`` pushes a second on
a fixed schedule, by default half the saturation throughput; latency counts from the
scheduled send time, so a slow answer is not hidden by the sender waiting for it).

The reservations live in a database kept between runs (``--db-name``, loaded once with one
``INSERT … SELECT … FROM generate_series``). ``--dsn`` (or ``KIOSK_TEST_PG_DSN``) names
the server; without one ``scripts/pg-ensure`` starts or finds the throwaway cluster
(``KIOSK_PG_DIR`` names its directory; a running one is reused with the settings it has).
The bench prints the server's memory settings, then, before timing anything, loads the
reservations table and its indexes into shared_buffers with ``pg_prewarm`` (heap first,
so the indexes stay if not everything fits) and prints how much of them is resident:
the figures are those of a server that has been running, not one just restored from disk.
Targets: push p95 < 20 ms, conflict query p95 < 5 ms.

``--profile N`` instead pushes N bookings in-process (the app called through ASGI, its
sync routes run inline so that cProfile sees them), prints the SQL statements of one push
(counted with SQLAlchemy event hooks: each is a round trip, as are BEGIN and COMMIT), the
in-process latency and the top of the profile.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import psycopg
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from central.admin import add_resource, add_site, set_flag  # noqa: E402
from central.db.engine import make_engine, write  # noqa: E402
from central.db.migrate import upgrade  # noqa: E402
from central.domain import devices, queries  # noqa: E402
from kiosk.core.model import Interval  # noqa: E402
from tests.central.conftest import Server  # noqa: E402

PG_BIN = Path(os.environ.get("KIOSK_PG_BIN", "/usr/lib/postgresql/15/bin"))
BULK_SITE = "bench bulk"
LOAD = """
INSERT INTO reservations (id, site_id, resource_id, member_id, starts_at, ends_at,
                          buffer_minutes, status, no_show, via, created_at, updated_at)
SELECT gen_random_uuid()::text, %(site)s, (%(resources)s::text[])[1 + g %% %(n)s],
       %(member)s, timestamptz '2020-01-01' + make_interval(hours => 2 * (g / %(n)s)),
       timestamptz '2020-01-01' + make_interval(hours => 2 * (g / %(n)s) + 1),
       0, 'confirmed', false, 'bench', now(), now()
FROM generate_series(0, %(rows)s - 1) g
"""


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


def bench_db(server_dsn: str, name: str) -> str:
    """The DSN of the cached bench database on the server, created when missing."""
    with psycopg.connect(server_dsn, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() \
                is None:
            conn.execute(f'CREATE DATABASE "{name}"')
    return server_dsn.rsplit("/", 1)[0] + "/" + name


def ensure_rows(engine: sa.Engine, rows: int, n_resources: int) -> list[str]:
    """Make the bulk site hold exactly ``rows`` reservations over ``n_resources`` resources
    (kept between runs); return its resource ids."""
    now = datetime.now(UTC)
    with write(engine) as conn:
        site_id = conn.execute(sa.text("SELECT id FROM sites WHERE name = :n"),
                               {"n": BULK_SITE}).scalar()
        have = 0 if site_id is None else int(conn.execute(sa.text(
            "SELECT count(*) FROM reservations WHERE site_id = :s"), {"s": site_id}).scalar_one())
        ids = [] if site_id is None else list(conn.execute(sa.text(
            "SELECT id FROM resources WHERE site_id = :s ORDER BY name"), {"s": site_id}).scalars())
    if have == rows and len(ids) == n_resources:
        print(f"reusing {have:,} reservations in the cached database")
        return ids
    with write(engine) as conn:
        if site_id is not None:
            for table in ("reservations", "changes", "resources", "members", "site_versions",
                          "flags", "sites"):
                column = "id" if table == "sites" else "site_id"
                conn.execute(sa.text(f"DELETE FROM {table} WHERE {column} = :s"), {"s": site_id})
        site = add_site(conn, BULK_SITE, "UTC", now)
        ids = [add_resource(conn, site.id, f"bulk {i:05d}", "bulk", now).id
               for i in range(n_resources)]
        member = str(uuid.uuid4())
        conn.execute(sa.text("INSERT INTO members (id, site_id, number, display_name, status, "
                             "no_show_count, badges) VALUES (:i, :s, 'bulk', 'Bulk', 'active', "
                             "0, '[]')"), {"i": member, "s": site.id})
    started = time.perf_counter()
    bulk_load(engine, {"site": site.id, "resources": ids, "n": n_resources,
                       "member": member, "rows": rows})
    print(f"loaded {rows:,} reservations in {time.perf_counter() - started:.0f} s "
          "(one INSERT … SELECT; kept for the next run)")
    return ids


def bulk_load(engine: sa.Engine, params: dict[str, Any], sql: str = LOAD) -> None:
    """Run ``sql`` (by default ``LOAD``) with the table's secondary indexes and exclusion
    constraint dropped, then rebuild them in bulk (much faster than maintaining them row by row)."""
    dsn = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as conn:
        indexes = conn.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = "
            "'reservations' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE "
            "c.conname = i.indexname)").fetchall()
        constraints = conn.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = "
            "'reservations'::regclass AND contype = 'x'").fetchall()
        for name, _ in constraints:
            conn.execute(f"ALTER TABLE reservations DROP CONSTRAINT {name}")
        for name, _ in indexes:
            conn.execute(f"DROP INDEX {name}")
        try:
            conn.execute("SET maintenance_work_mem = '512MB'")
            conn.execute(sql, params)
        finally:
            for _, ddl in indexes:
                conn.execute(ddl)
            for name, ddl in constraints:
                conn.execute(f"ALTER TABLE reservations ADD CONSTRAINT {name} {ddl}")
            conn.execute("VACUUM ANALYZE reservations")


def _one(conn: psycopg.Connection[Any], sql: str, params: tuple[Any, ...] = ()) -> Any:
    row = conn.execute(sql, params).fetchone()
    return None if row is None else row[0]


def server_settings(dsn: str) -> str:
    """The server's version and the settings the figures depend on, for the printout."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        shown = [f"{name} {_one(conn, f'SHOW {name}')}"
                 for name in ("shared_buffers", "effective_cache_size", "fsync",
                              "synchronous_commit")]
        return f"PostgreSQL {_one(conn, 'SHOW server_version')}: " + ", ".join(shown)


def prewarm(dsn: str) -> None:
    """Load the reservations table, then its indexes, into shared_buffers (``pg_prewarm``)
    and print how much of them is resident afterwards (``pg_buffercache``)."""
    started = time.perf_counter()
    with psycopg.connect(dsn, autocommit=True) as conn:
        for ext in ("pg_prewarm", "pg_buffercache"):
            conn.execute(f"CREATE EXTENSION IF NOT EXISTS {ext}")
        rels = ["reservations", *(row[0] for row in conn.execute(
            "SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = "
            "'reservations'::regclass ORDER BY pg_relation_size(indexrelid)"))]
        blocks = sum(int(_one(conn, "SELECT pg_prewarm(%s::regclass)", (rel,)))
                     for rel in rels)
        resident = int(_one(
            conn, "SELECT count(*) FROM pg_buffercache b JOIN pg_class c ON "
            "b.relfilenode = pg_relation_filenode(c.oid) AND b.reldatabase = "
            "(SELECT oid FROM pg_database WHERE datname = current_database()) "
            "WHERE c.oid = ANY(%s::regclass[])", (rels,)))
    mb = 8192 / 2**20
    print(f"prewarmed reservations and its {len(rels) - 1} indexes: {blocks * mb:,.0f} MB "
          f"read in {time.perf_counter() - started:.0f} s; {resident * mb:,.0f} MB of them "
          "now in shared_buffers")


def conflict_query(engine: sa.Engine, resource_ids: list[str], samples: int = 3000
                   ) -> list[float]:
    """Time the server's own conflict query on random hours of the bulk resources."""
    span_hours = 2 * 1000
    times = []
    with engine.connect() as conn:
        for _ in range(samples):
            start = datetime(2020, 1, 1, tzinfo=UTC) + timedelta(hours=random.randrange(span_hours))
            began = time.perf_counter()
            queries.busy(conn, random.choice(resource_ids),
                         Interval(start, start + timedelta(hours=1)), 15)
            times.append((time.perf_counter() - began) * 1000)
    return times


def _client_proc(job: dict[str, Any]) -> list[tuple[float, str]]:
    """One client process: a thread per kiosk; returns (latency ms, outcome) per push."""
    out: list[tuple[float, str]] = []
    lock = threading.Lock()
    base = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) + timedelta(days=1)
    deadline = job["start"] + job["seconds"]

    def kiosk(device_id: str, token: str, seq0: int, offset: float) -> None:
        rng = random.Random()
        headers = {"Authorization": f"Bearer {token}", "X-Schema-Version": "1"}
        interval = job["interval"]
        seq, due = seq0, job["start"] + offset
        with httpx.Client(timeout=60) as http:
            while True:
                if interval:
                    due += interval
                    time.sleep(max(0.0, due - time.time()))
                if time.time() >= deadline:
                    return
                seq += 1
                start = base + timedelta(minutes=30 * rng.randrange(20000))
                body = {"device_id": device_id, "mutations": [{
                    "id": str(uuid.uuid4()), "seq": seq, "name": "reservation.create",
                    "args": {"id": str(uuid.uuid4()), "resource_id": rng.choice(job["live"]),
                             "member_id": rng.choice(job["members"]),
                             "starts_at": start.isoformat(),
                             "ends_at": (start + timedelta(hours=1)).isoformat()}}]}
                sent = due if interval else time.time()
                reply = http.post(f"{job['url']}/api/v1/sync/push", headers=headers,
                                  json=body)
                elapsed = (time.time() - sent) * 1000
                outcome = (reply.json()["results"][0]["outcome"] if reply.status_code == 200
                           else f"http {reply.status_code}")
                with lock:
                    out.append((elapsed, outcome))

    n = len(job["kiosks"])
    threads = [threading.Thread(target=kiosk, args=(d, tok, seq0, i * (job["interval"] or 0) / n))
               for i, (d, tok, seq0) in enumerate(job["kiosks"])]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return out


def push_phase(pool: Any, procs: int, base_job: dict[str, Any], kiosks: list[list[Any]],
               interval: float) -> list[tuple[float, str]]:
    start = time.time() + 1.0
    jobs = [{**base_job, "kiosks": [tuple(k) for k in kiosks[i::procs]], "start": start,
             "interval": interval} for i in range(procs)]
    results: list[tuple[float, str]] = []
    for part in pool.map(_client_proc, jobs):
        results += part
    return results


def report(label: str, results: list[tuple[float, str]], seconds: float) -> float:
    lat = [ms for ms, _ in results]
    outcomes: dict[str, int] = {}
    for _, o in results:
        outcomes[o] = outcomes.get(o, 0) + 1
    rate = len(results) / seconds
    print(f"push, {label}: {rate:.0f} req/s, p50 {statistics.median(lat):.1f} ms, "
          f"p95 {pct(lat, 0.95):.1f} ms, p99 {pct(lat, 0.99):.1f} ms (target p95 < 20 ms); "
          + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    return rate


def pgbench(dsn: str, clients: int, seconds: int) -> tuple[float, float] | None:
    """pgbench's TPS and average latency for a one-row INSERT (the floor)."""
    exe = PG_BIN / "pgbench"
    if not exe.exists():
        return None
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, "
                     "at timestamptz DEFAULT now(), v int)")
    script = Path(tempfile.mkdtemp()) / "insert.sql"
    script.write_text("INSERT INTO bench_insert (v) VALUES (1);\n")
    out = subprocess.run([str(exe), "-n", "-c", str(clients), "-j", "2", "-T", str(seconds),
                          "-f", str(script), dsn], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    tps = float(next(ln for ln in lines if ln.startswith("tps")).split("=")[1].split()[0])
    lat = float(next(ln for ln in lines if ln.startswith("latency average")).split("=")[1]
                .split()[0])
    return tps, lat


def start_server(dsn: str, workers: int, log: Path | None = None) -> Server:
    """The server with its rate limit off (50 clients on one address); its log goes to
    ``log``, else to a file in a fresh temporary directory."""
    log = log or Path(tempfile.mkdtemp(prefix="bench-server-")) / "server.log"
    return Server(dsn, {"CENTRAL_RATE_PER_S": "0"}, ("--workers", str(workers)), log,
                  ready_path="/readyz")


def live_site(engine: sa.Engine, clients: int
              ) -> tuple[list[str], list[str], list[list[Any]]]:
    """A fresh site for the pushes: 500 resources, 1000 members, one device per client
    (``[device id, token, last seq]``)."""
    now = datetime.now(UTC)
    with write(engine) as conn:
        site = add_site(conn, f"bench {uuid.uuid4().hex[:8]}", "UTC", now,
                        settings={"opening_hours": "24/7", "max_days_ahead": 365 * 2,
                                  "max_active_per_member": 10**6})
        set_flag(conn, True, now, site_ref=site.id)
        members = [str(uuid.uuid4()) for _ in range(1000)]
        conn.execute(sa.text("INSERT INTO members (id, site_id, number, display_name, status,"
                             " no_show_count, badges) VALUES (:i, :s, :n, 'Bench Member',"
                             " 'active', 0, '[]')"),
                     [{"i": m, "s": site.id, "n": f"b{i}"} for i, m in enumerate(members)])
        live = [add_resource(conn, site.id, f"live {i}", "live", now).id for i in range(500)]
        kiosks: list[list[Any]] = [[*devices.issue(conn, site.id, f"bench {i}", now), 0]
                                   for i in range(clients)]
    return live, members, kiosks


def _report_profile(prof: Any) -> None:
    """The top of the profile; all of it to ``$BENCH_PROFILE_OUT`` when set (pstats)."""
    import pstats

    pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
    if os.environ.get("BENCH_PROFILE_OUT"):
        prof.dump_stats(os.environ["BENCH_PROFILE_OUT"])


def profile(dsn: str, n: int) -> None:
    """The in-process push loop of ``--profile``."""
    import asyncio
    import cProfile

    import fastapi.dependencies.utils
    import fastapi.routing
    from sqlalchemy import event

    from central.api.app import create_app, engine_for
    from central.settings import Settings

    async def inline(func: Any, *a: Any, **k: Any) -> Any:
        return func(*a, **k)

    setattr(fastapi.routing, "run_in_threadpool", inline)  # noqa: B010 (not exported)
    setattr(fastapi.dependencies.utils, "run_in_threadpool", inline)  # noqa: B010
    setup = make_engine(dsn)
    live, members, kiosks = live_site(setup, 1)
    setup.dispose()
    os.environ.update(CENTRAL_JOBS="0", CENTRAL_RATE_PER_S="0", CENTRAL_DB=dsn)
    settings = Settings.from_env()
    engine = engine_for(settings)
    seen: list[str] = []
    for name, note in (("before_cursor_execute", None), ("begin", "BEGIN"),
                       ("commit", "COMMIT")):
        event.listen(engine, name, lambda *a, note=note: seen.append(
            note or " ".join(a[2].split())[:100]))
    app = create_app(engine, settings)
    device_id, token, _ = kiosks[0]
    headers = {"Authorization": f"Bearer {token}", "X-Schema-Version": "1"}
    base = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) + timedelta(days=1)
    rng, seq = random.Random(), 0

    def body() -> dict[str, Any]:
        nonlocal seq
        seq += 1
        start = base + timedelta(minutes=30 * rng.randrange(20000))
        return {"device_id": device_id, "mutations": [{
            "id": str(uuid.uuid4()), "seq": seq, "name": "reservation.create",
            "args": {"id": str(uuid.uuid4()), "resource_id": rng.choice(live),
                     "member_id": rng.choice(members), "starts_at": start.isoformat(),
                     "ends_at": (start + timedelta(hours=1)).isoformat()}}]}

    async def run() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
            for _ in range(20):
                await http.post("/api/v1/sync/push", headers=headers, json=body())
            seen.clear()
            await http.post("/api/v1/sync/push", headers=headers, json=body())
            print(f"one push: {len(seen)} statements (BEGIN/COMMIT are autocommit no-ops "
                  "around the authentication)")
            for line in seen:
                print("   ", line)
            times = []
            for _ in range(n):
                began = time.perf_counter()
                await http.post("/api/v1/sync/push", headers=headers, json=body())
                times.append((time.perf_counter() - began) * 1000)
            print(f"in-process push: p50 {statistics.median(times):.2f} ms, "
                  f"p95 {pct(times, 0.95):.2f} ms")
            prof = cProfile.Profile()
            prof.enable()
            for _ in range(n):
                await http.post("/api/v1/sync/push", headers=headers, json=body())
            prof.disable()
            _report_profile(prof)

    asyncio.run(run())
    engine.dispose()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dsn", default=os.environ.get("KIOSK_TEST_PG_DSN"))
    ap.add_argument("--db-name", default="central_bench")
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--resources", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--client-procs", type=int, default=2)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--paced", type=float, help="pushes/s in the paced phase "
                    "(default: half the saturation throughput)")
    ap.add_argument("--profile", type=int, metavar="N",
                    help="profile N in-process pushes instead (see above)")
    args = ap.parse_args()
    server_dsn = args.dsn or subprocess.run([str(ROOT / "scripts" / "pg-ensure")], check=True,
                                            capture_output=True, text=True).stdout.strip()
    dsn = bench_db(server_dsn, args.db_name)
    print(server_settings(dsn))
    engine = make_engine(dsn)
    upgrade(engine)
    if args.profile:
        engine.dispose()
        profile(dsn, args.profile)
        return
    bulk = ensure_rows(engine, args.rows, args.resources)
    prewarm(dsn)
    times = conflict_query(engine, bulk)
    conflict_p95 = pct(times, 0.95)
    print(f"conflict query on {args.rows:,} rows: p50 {statistics.median(times):.2f} ms, "
          f"p95 {conflict_p95:.2f} ms (target < 5 ms)")
    live, members, kiosks = live_site(engine, args.clients)
    engine.dispose()
    server = start_server(dsn, args.workers)
    url = server.url
    print(f"server: central serve --workers {args.workers}; {args.clients} kiosks in "
          f"{args.client_procs} client processes; {os.cpu_count()} CPU cores on this machine")
    base_job = {"url": url, "live": live, "members": members, "seconds": args.seconds}
    try:
        with mp.get_context("spawn").Pool(args.client_procs) as pool:
            saturated = push_phase(pool, args.client_procs, base_job, kiosks, 0.0)
            rate = report(f"saturation, {args.clients} clients", saturated, args.seconds)
            used = _seqs_used(dsn, [k[0] for k in kiosks])
            for k in kiosks:
                k[2] = used.get(k[0], 0)
            paced_rate = args.paced or max(1.0, rate / 2)
            paced = push_phase(pool, args.client_procs, base_job, kiosks,
                               args.clients / paced_rate)
            report(f"paced at {paced_rate:.0f}/s over {args.clients} clients", paced,
                   args.seconds)
    finally:
        server.close()
    floor = pgbench(dsn, args.clients, 10)
    if floor is None:
        print("pgbench: not found")
        return
    tps, latency = floor
    sat = [ms for ms, _ in saturated]
    print(f"pgbench simple insert, {args.clients} clients: {tps:.0f} tps, latency average "
          f"{latency:.2f} ms (the floor)")
    print(f"ratios: push throughput / pgbench TPS = {rate / tps:.3f}; saturated push "
          f"mean latency / pgbench latency = {statistics.fmean(sat) / latency:.1f}x; "
          f"conflict p95 / 5 ms target = {conflict_p95 / 5:.2f}")


def _seqs_used(dsn: str, device_ids: list[str]) -> dict[str, int]:
    with psycopg.connect(dsn) as conn:
        rows = conn.execute("SELECT id, last_mutation_seq FROM devices WHERE id = ANY(%s)",
                            (device_ids,)).fetchall()
    return {r[0]: int(r[1]) for r in rows}


if __name__ == "__main__":
    main()
