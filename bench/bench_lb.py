"""Several ``central serve`` instances behind HAProxy on one PostgreSQL database: starts
them, prints the load balancer's URL, and runs a built-in load through the balancer and
then straight at one instance, in the same run, so the two can be compared. It prints
figures; it never asserts on time.

    .venv/bin/python bench/bench_lb.py                           # 2 instances × 1 worker
    .venv/bin/python bench/bench_lb.py --instances 2 --workers 2 --kiosks 60 --seconds 30
    .venv/bin/python bench/bench_lb.py --serve-only              # for another load tool
    .venv/bin/python bench/bench_lb.py --urls http://a:8080 http://b:8080 --db-url URL

Each instance is its own process on its own port (as on its own host), each with
``--workers`` worker processes (the tests' ``Server``); HAProxy runs with the shipped
template (packaging/haproxy, through the tests' ``Balancer``). ``--urls`` targets
instances already running instead (the balancer is started over them; ``--db-url`` names
their database, for the seeding and the checks), and ``--serve-only`` starts everything,
prints the URLs and waits for Ctrl-C (the Locust harness can target the printed balancer
URL).

The load: ``--kiosks`` simulated kiosks (threads, spread over ``--client-procs``
processes), each with its own device token, in a closed loop with ``--think-ms`` between
requests: a push of one booking every 4th request, a check-in every 6th, an incremental
pull otherwise (random slots; the few that collide are rejected as conflicts). Phases of
``--seconds`` each: through the balancer, then direct to the first instance. Per phase it
prints requests/s, p50/p95/p99 per request kind, errors, and the database connections
the servers hold (pg_stat_activity, the most seen in a phase). After the run it checks
that every push answered was recorded once (device_mutations) and that no two active
bookings of a resource overlap (``central report``'s query).

``--dsn`` (or ``KIOSK_TEST_PG_DSN``) names the PostgreSQL server; without one
``scripts/pg-ensure`` finds or starts the throwaway cluster. HAProxy must be installed
(``scripts/ops-ensure``).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import psycopg
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from central.admin import add_resource, add_site, set_flag  # noqa: E402
from central.db import tables as t  # noqa: E402
from central.db.engine import make_engine, write  # noqa: E402
from central.db.migrate import upgrade  # noqa: E402
from central.domain import devices  # noqa: E402
from central.domain.changes import ChangeSet, publish  # noqa: E402
from central.domain.saving import publish_member  # noqa: E402
from central.report import conflict_pairs  # noqa: E402
from tests.central.conftest import Server  # noqa: E402
from tests.helpers import tools  # noqa: E402
from tests.helpers.haproxy import Balancer  # noqa: E402

DB_NAME = "central_lb_bench"
KINDS = ("pull", "push", "checkin")
#: Seconds for every kiosk's first full sync before the timed window starts.
WARMUP_S = 5.0


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


def server_dsn(given: str | None) -> str:
    if given:
        return given
    out = subprocess.run([str(ROOT / "scripts" / "pg-ensure")], check=True,
                         capture_output=True, text=True)
    return out.stdout.strip()


def fresh_db(dsn: str) -> str:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    return dsn.rsplit("/", 1)[0] + "/" + DB_NAME


@dataclass
class Site:
    id: str
    resources: list[str]
    members: list[str]


def seed(db_url: str, sites: int, resources: int, members: int) -> list[Site]:
    engine = make_engine(db_url)
    upgrade(engine)
    now, out = datetime.now(UTC), []
    settings = {"opening_hours": "24/7", "max_days_ahead": 60,
                "max_active_per_member": 100000}
    with write(engine) as conn:
        for s in range(sites):
            site = add_site(conn, f"lb site {s}", "UTC", now, settings=dict(settings))
            set_flag(conn, True, now, site_ref=site.id)
            res = [add_resource(conn, site.id, f"r{r}", "saw", now).id for r in range(resources)]
            ids = [str(uuid.uuid4()) for _ in range(members)]
            conn.execute(sa.insert(t.members), [
                {"id": m, "site_id": site.id, "number": f"S{s}M{i}", "display_name": f"M {i}",
                 "email": None, "status": "active", "no_show_count": 0, "badges": []}
                for i, m in enumerate(ids)])
            cs = ChangeSet()
            for m in ids:
                publish_member(conn, cs, m)
            publish(conn, cs, now)
            out.append(Site(site.id, res, ids))
    engine.dispose()
    return out


def issue_tokens(db_url: str, sites: list[Site], kiosks: int) -> list[tuple[str, str, Site]]:
    engine = make_engine(db_url)
    now, out = datetime.now(UTC), []
    with write(engine) as conn:
        for k in range(kiosks):
            site = sites[k % len(sites)]
            device_id, token = devices.issue(conn, site.id, f"bench {k}", now)
            out.append((device_id, token, site))
    engine.dispose()
    return out


def wait_healthy(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"bench_lb: {url} did not come up")


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in KINDS})
    errors: dict[str, int] = field(default_factory=dict)
    recorded_pushes: int = 0  # pushes answered 200 (each mutation recorded once)
    applied: int = 0
    rejected: int = 0


    def add(self, other: Tally) -> None:
        for k in KINDS:
            self.latencies[k] += other.latencies[k]
        for key, count in other.errors.items():
            self.errors[key] = self.errors.get(key, 0) + count
        self.recorded_pushes += other.recorded_pushes
        self.applied += other.applied
        self.rejected += other.rejected


class SimKiosk:
    """One simulated kiosk: its device, seq and cursor, over one keep-alive client."""

    def __init__(self, base: str, device: tuple[str, str, Site]) -> None:
        self.device_id, token, self.site = device
        self.rng = random.Random(self.device_id)  # each kiosk its own slots
        self.client = httpx.Client(base_url=base, timeout=30, headers={
            "Authorization": f"Bearer {token}", "X-Schema-Version": "1"})
        self.seq, self.cursor, self.n = 0, None, 0
        self.day0 = (datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
                     + timedelta(days=1))
        self.tally = Tally()

    def first_sync(self) -> None:
        while True:
            params = {"limit": 5000, **({"cursor": self.cursor} if self.cursor else {})}
            body = self.client.get("/api/v1/sync/pull", params=params).json()
            self.cursor = body["cursor"]
            if not body["has_more"]:
                break
        self.seq = int(body["last_mutation_seq"] or 0)

    def _push(self) -> httpx.Response:
        start = self.day0 + timedelta(hours=self.rng.randrange(24 * 50))
        self.seq += 1
        m = {"id": str(uuid.uuid4()), "seq": self.seq, "name": "reservation.create",
             "at": datetime.now(UTC).isoformat(), "args": {
                 "id": str(uuid.uuid4()), "resource_id": self.rng.choice(self.site.resources),
                 "member_id": self.rng.choice(self.site.members),
                 "starts_at": start.isoformat(),
                 "ends_at": (start + timedelta(hours=1)).isoformat(), "via": "kiosk"}}
        reply = self.client.post("/api/v1/sync/push",
                                 json={"device_id": self.device_id, "mutations": [m]})
        if reply.status_code == 200:
            outcome = reply.json()["results"][0]["outcome"]
            self.tally.recorded_pushes += 1
            self.tally.applied += outcome == "applied"
            self.tally.rejected += outcome == "rejected"
        else:
            self.seq -= 1  # not recorded: a kiosk resends from this seq
        return reply

    def step(self) -> None:
        """One request: a push every 4th, a check-in every 6th, else a pull."""
        self.n += 1
        kind = "push" if self.n % 4 == 0 else "checkin" if self.n % 6 == 0 else "pull"
        started = time.perf_counter()
        try:
            if kind == "push":
                reply = self._push()
            elif kind == "checkin":
                reply = self.client.post("/api/v1/checkin", json={"device_id": self.device_id})
            else:
                reply = self.client.get("/api/v1/sync/pull", params={"cursor": self.cursor})
                if reply.status_code == 200:
                    self.cursor = reply.json()["cursor"]
            status = str(reply.status_code)
        except httpx.HTTPError as exc:
            status = type(exc).__name__
        if status == "200":
            self.tally.latencies[kind].append(time.perf_counter() - started)
        else:
            key = f"{kind} {status}"
            self.tally.errors[key] = self.tally.errors.get(key, 0) + 1


def kiosk_loop(kiosk: SimKiosk, window: tuple[float, float], think: float) -> None:
    """The first (untimed) full sync, then requests from ``window``'s start to its end."""
    with kiosk.client:
        kiosk.first_sync()
        begin, until = window
        time.sleep(max(0.0, begin - time.monotonic()))
        while time.monotonic() < until:
            kiosk.step()
            if think:
                time.sleep(think)


def client_proc(base: str, devices_: list[tuple[str, str, Site]],
                window: tuple[float, float], think: float, out: Any) -> None:
    kiosks = [SimKiosk(base, d) for d in devices_]
    threads = [threading.Thread(target=kiosk_loop, args=(k, window, think)) for k in kiosks]
    for th in threads:
        th.start()
    tally = Tally()
    for th, k in zip(threads, kiosks, strict=True):
        th.join()
        tally.add(k.tally)
    out.put(tally)


def connections(dsn: str) -> tuple[int, int]:
    """(all, active) connections to the bench database."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        row = conn.execute("SELECT count(*), count(*) FILTER (WHERE state = 'active') "
                           "FROM pg_stat_activity WHERE datname = %s AND pid <> "
                           "pg_backend_pid()", (DB_NAME,)).fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def run_phase(label: str, base: str, devices_: list[tuple[str, str, Site]], args: Any,
              dsn: str) -> Tally:
    ctx = mp.get_context("fork")
    out = ctx.Queue()
    chunks = [devices_[i::args.client_procs] for i in range(args.client_procs)]
    # every kiosk first does its full sync (not timed), then all start together
    started = time.monotonic()
    window = (started + WARMUP_S, started + WARMUP_S + args.seconds)
    procs = [ctx.Process(target=client_proc, args=(base, c, window, args.think_ms / 1000,
                                                   out))
             for c in chunks if c]
    for p in procs:
        p.start()
    most = (0, 0)
    while any(p.is_alive() for p in procs) and time.monotonic() < window[1] + 60:
        if window[0] <= time.monotonic() <= window[1]:
            seen = connections(dsn)
            most = (max(most[0], seen[0]), max(most[1], seen[1]))
        if out.qsize() == len(procs):
            break
        time.sleep(1)
    tallies = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(30)
    total = Tally()
    for tl in tallies:
        total.add(tl)
    wall = args.seconds
    requests = sum(len(v) for v in total.latencies.values())
    print(f"\n{label}: {base}")
    print(f"  {requests / wall:8.1f} req/s answered 200 over {wall:.0f} s "
          f"(errors: {sum(total.errors.values())} {total.errors or ''})")
    print(f"  database connections held by the servers: {most[0]} (at most {most[1]} "
          "active at a sample)")
    for k in KINDS:
        values = [v * 1000 for v in total.latencies[k]]
        print(f"  {k:8} n={len(values):6}  p50 {pct(values, .5):7.1f} ms  "
              f"p95 {pct(values, .95):7.1f} ms  p99 {pct(values, .99):7.1f} ms")
    return total


def check_after(db_url: str, tallies: list[Tally], kiosk_ids: list[str]) -> None:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        recorded = int(conn.execute(sa.select(sa.func.count()).select_from(t.device_mutations)
                                    .where(t.device_mutations.c.device_id.in_(kiosk_ids)))
                       .scalar_one())
        overlaps = conflict_pairs(conn)
    engine.dispose()
    answered = sum(tl.recorded_pushes for tl in tallies)
    print(f"\nafter the run: pushes answered {answered}, recorded {recorded} "
          f"({'each once' if answered == recorded else 'MISMATCH'}); applied "
          f"{sum(tl.applied for tl in tallies)}, rejected {sum(tl.rejected for tl in tallies)}; "
          f"overlapping active bookings: {overlaps}")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--instances", type=int, default=2)
    parser.add_argument("--workers", type=int, default=1, help="worker processes each")
    parser.add_argument("--urls", nargs="+", help="instances already running (base URLs)")
    parser.add_argument("--db-url", help="their database (with --urls)")
    parser.add_argument("--dsn", default=os.environ.get("KIOSK_TEST_PG_DSN"))
    parser.add_argument("--kiosks", type=int, default=40)
    parser.add_argument("--client-procs", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--think-ms", type=float, default=0,
                        help="pause between one kiosk's requests (0: closed loop)")
    parser.add_argument("--sites", type=int, default=5)
    parser.add_argument("--resources", type=int, default=30)
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--maxconn", type=int, default=4000, help="HAProxy's maxconn")
    parser.add_argument("--serve-only", action="store_true",
                        help="start, print the URLs, wait for Ctrl-C")
    return parser.parse_args()


def start_instances(args: argparse.Namespace, work: Path,
                    instances: list[Server]) -> tuple[str, list[str]]:
    """The database URL and the instances' URLs (started here unless ``--urls``)."""
    if args.urls:
        if not args.db_url:
            raise SystemExit("bench_lb: --urls needs --db-url (their database)")
        return str(args.db_url), list(args.urls)
    db_url = fresh_db(server_dsn(args.dsn))
    engine = make_engine(db_url)
    upgrade(engine)
    engine.dispose()
    instances += [Server(db_url, args=("--workers", str(args.workers)),
                         log=work / f"instance{i}.log") for i in range(args.instances)]
    return db_url, [i.url for i in instances]


def main() -> int:
    args = parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-lb-"))
    instances: list[Server] = []
    balancer = None
    try:
        db_url, urls = start_instances(args, work, instances)
        dsn = db_url.replace("postgresql+psycopg://", "postgresql://")
        sites = seed(db_url, args.sites, args.resources, args.members)
        for url in urls:
            wait_healthy(url)
        binary = tools.find("haproxy")
        if binary is None:
            raise SystemExit("bench_lb: HAProxy is not installed; run scripts/ops-ensure")
        balancer = Balancer(urls, check_interval="2s", maxconn=args.maxconn, binary=binary)
        print(f"load balancer: {balancer.url}")
        print(f"instances ({args.workers} worker(s) each): {' '.join(urls)}")
        print(f"database: {db_url.rsplit('@', 1)[-1]}  (HAProxy config: "
              f"{balancer.config})")
        print(f"database connections held by the idle servers: {connections(dsn)[0]}",
              flush=True)
        if args.serve_only:
            print("serving; Ctrl-C stops", flush=True)
            while True:
                time.sleep(3600)
        print(f"load: {args.kiosks} kiosks in {args.client_procs} processes, think "
              f"{args.think_ms:g} ms, {args.seconds:g} s per phase", flush=True)
        tallies, device_ids = [], []
        for label, base in (("through the load balancer", balancer.url),
                            ("direct to one instance", urls[0])):
            kiosks = issue_tokens(db_url, sites, args.kiosks)
            device_ids += [d[0] for d in kiosks]
            tallies.append(run_phase(label, base, kiosks, args, dsn))
        check_after(db_url, tallies, device_ids)
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        if balancer is not None:
            balancer.close()
        for instance in instances:
            instance.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
