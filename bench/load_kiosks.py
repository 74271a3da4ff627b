"""The kiosk load harness: N simulated kiosks (Locust, headless) against
``central serve --workers W`` on PostgreSQL, then the figures and the checks.

    .venv/bin/python -m bench.load_kiosks --kiosks 1000 --minutes 10 --workers 2
    .venv/bin/python -m bench.load_kiosks --kiosks 300 --minutes 2 --floor   # the floor

Data: ``bench.load_seed`` (50 sites × 30 resources × 200 members, a year of history; kept
between runs). Each run enrols ``--kiosks`` new devices through the server's admin code
(``central.domain.devices.issue``), spread over the sites, each starting at its site's
head (a fleet that has been running: no full sync). The kiosks are described in
``bench/locust_kiosks.py``; Locust runs in ``--procs`` processes.

Printed per run: requests/s; p50/p95/p99 per request type (pull, check-in, push: the
client's own timings, to the microsecond); errors; the server's CPU seconds per request
(``/proc/<pid>/stat`` of the ``central serve`` processes and of this database's
PostgreSQL backends, before and after); wire bytes per idle pull (gzip when the server
compresses); database growth, extrapolated to a day of this load; ``/proc/loadavg``
before and after (the machine is shared). Then the checks, by query: every mutation the
harness saw applied is on the server exactly once, the server has no applied mutation of
these kiosks the harness did not see, and no two active bookings of a resource overlap.

``--floor`` runs the same Locust kiosks against ``bench.load_floor`` (a handler that
answers every call at once with a fixed body): the load generator's own latency and CPU.
``--profile-s S`` records one server worker with py-spy for S seconds in the middle of
the run and prints where its time goes.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import sqlalchemy as sa

from bench.bench_server import ROOT, bench_db, pct
from bench.load_seed import LoadData, pg_server, seed
from central.db.engine import make_engine, write
from central.domain import devices
from central.domain.pull import Cursor
from tests.central.conftest import Server

TICK = os.sysconf("SC_CLK_TCK")
#: Local actions: weights of the mix (see ``bench/locust_kiosks.py``).
MIX = {"walk_in": 25, "booking": 30, "check_in": 15, "cancel": 10, "waitlist": 10,
       "conflict": 10}
GROWTH_TABLES = ("reservations", "changes", "device_mutations", "reservation_waitlist",
                 "devices", "request_stats", "site_versions")


def enrol(data: LoadData, n: int, run: str) -> list[dict[str, Any]]:
    """Issue ``n`` device tokens over the sites, each with the cursor of its site's head."""
    engine = make_engine(data.dsn)
    now = datetime.now(UTC)
    site_ids = sorted(data.sites)
    kiosks = []
    with write(engine) as conn:
        heads: dict[str, int] = {str(r[0]): int(r[1]) for r in conn.execute(sa.text(
            "SELECT site_id, version FROM site_versions"))}
        for i in range(n):
            site = site_ids[i % len(site_ids)]
            device_id, token = devices.issue(conn, site, f"load {run} {i}", now)
            kiosks.append({"device_id": device_id, "token": token, "site_id": site, "seq": 0,
                           "cursor": Cursor(site, int(heads[site]), False).encode()})
    engine.dispose()
    return kiosks


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICK


def children(pid: int) -> list[int]:
    found = [pid]
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            kids = (task / "children").read_text().split()
        except OSError:
            continue
        for kid in kids:
            found += children(int(kid))
    return found


def backends(dsn: str) -> list[int]:
    with psycopg.connect(dsn, autocommit=True) as conn:
        return [int(r[0]) for r in conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()")]


def sizes(dsn: str) -> dict[str, tuple[int, int]]:
    """Per table: (bytes with indexes, rows)."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        out = {}
        for table in GROWTH_TABLES:
            size = conn.execute("SELECT pg_total_relation_size(%s::regclass)", (table,)
                                ).fetchone()
            rows = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = (int(size[0]) if size else 0, int(rows[0]) if rows else 0)
        return out


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def start_server(dsn: str, workers: int, floor: bool, log: Path) -> Server:
    """The server under test, or the do-nothing floor on its own port."""
    floor_cmd = (lambda port: ["-m", "bench.load_floor", "--port", str(port)]) if floor else None
    return Server(dsn, args=("--workers", str(workers)), log=log, command=floor_cmd)


def run_locust(job_dir: Path, kiosks: int, seconds: int, procs: int, spawn_s: float
               ) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "locust_kiosks.py"),
           "--headless", "--only-summary", "-u", str(kiosks),
           "-r", str(max(1, round(kiosks / spawn_s))), "-t", f"{seconds}s",
           "--stop-timeout", "20", "--csv", str(job_dir / "locust"),
           "--loglevel", "WARNING"]
    if procs > 1:
        cmd += ["--processes", str(procs)]
    env = {**os.environ, "LOAD_JOB": str(job_dir / "job.json"), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=open(job_dir / "locust.out", "wb"),
                            stderr=subprocess.STDOUT, start_new_session=True)


def profile(pid: int, seconds: int, out: Path) -> None:
    """py-spy a worker; print the functions with the most samples (self and total)."""
    raw = out / f"pyspy-{pid}.txt"
    subprocess.run([str(Path(sys.executable).parent / "py-spy"), "record", "--pid", str(pid),
                    "--duration", str(seconds), "--rate", "50", "--format", "raw",
                    "--output", str(raw), "--nonblocking"], check=False,
                   capture_output=True)
    if not raw.exists():
        print("py-spy: no profile recorded")
        return
    own: Counter[str] = Counter()
    total: Counter[str] = Counter()
    samples = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        n = int(count)
        samples += n
        frames = stack.split(";")
        own[_short(frames[-1])] += n
        for frame in {_short(f) for f in frames}:
            total[frame] += n
    print(f"py-spy, one worker (pid {pid}), {samples} samples over {seconds} s "
          f"(idle threads included); raw stacks in {raw}")
    print("  most samples on top of the stack:")
    for name, n in own.most_common(12):
        print(f"    {n / samples:6.1%}  {name}")
    print("  most samples anywhere in the stack (central/kiosk code):")
    mine = [(k, v) for k, v in total.most_common(400) if "central/" in k or "kiosk/" in k]
    for name, n in mine[:12]:
        print(f"    {n / samples:6.1%}  {name}")


def _short(frame: str) -> str:
    return frame.replace(str(ROOT) + "/", "").split(" (/")[0].strip()


def collect(job_dir: Path, since: float) -> dict[str, Any]:
    """The Locust processes' records; latencies of requests sent from ``since`` on."""
    merged: dict[str, Any] = {"latency": {"pull": [], "checkin": [], "push": []},
                              "idle_pull_bytes": [], "mutations": [], "errors": []}
    for path in job_dir.glob("kiosks-*.jsonl"):
        for line in path.read_text().splitlines():
            rec = json.loads(line)
            for kind, values in rec["latency"].items():
                merged["latency"][kind] += [ms for at, ms in values if at - ms / 1000 >= since]
            for key in ("idle_pull_bytes", "mutations", "errors"):
                merged[key] += rec[key]
    return merged


def check(dsn: str, device_ids: list[str], mutations: list[list[Any]]) -> bool:
    """The checks by query (printed); True when all hold."""
    applied = [m for m in mutations if m[3] == "applied"]
    ids = [m[1] for m in applied]
    with psycopg.connect(dsn, autocommit=True) as conn:
        on_server: dict[str, int] = dict(conn.execute(
            "SELECT mutation_id, count(*) FROM device_mutations WHERE mutation_id = ANY(%s) "
            "AND outcome = 'applied' GROUP BY mutation_id", (ids,)).fetchall())
        server_applied = int(conn.execute(
            "SELECT count(*) FROM device_mutations WHERE device_id = ANY(%s) "
            "AND outcome = 'applied'", (device_ids,)).fetchone()[0])  # type: ignore[index]
        created = [m[5] for m in applied if m[2] == "reservation.create"]
        booked = int(conn.execute("SELECT count(*) FROM reservations WHERE id = ANY(%s)",
                                  (created,)).fetchone()[0])  # type: ignore[index]
        overlaps = int(conn.execute(
            "SELECT count(*) FROM reservations a JOIN reservations b "
            "ON a.resource_id = b.resource_id AND a.id < b.id "
            "AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at "
            "WHERE a.status IN ('pending', 'confirmed', 'checked_in') "
            "AND b.status IN ('pending', 'confirmed', 'checked_in')").fetchone()[0])  # type: ignore[index]
        exclusion = [r[0] for r in conn.execute(
            "SELECT conname FROM pg_constraint WHERE conrelid = 'reservations'::regclass "
            "AND contype = 'x'")]
    missing = [i for i in ids if on_server.get(i, 0) != 1]
    extra = server_applied - len(ids)
    print(f"check: {len(ids)} mutations the kiosks saw applied ({len(created)} bookings); "
          f"on the server exactly once: {len(ids) - len(missing)}; missing or doubled: "
          f"{len(missing)}; their bookings in reservations: {booked} of {len(created)}; "
          f"applied on the server but unseen by the kiosks: {extra} "
          "(a push whose answer was lost; its retry is in the outbox at the end)")
    print(f"check: overlapping active bookings of one resource: {overlaps} "
          f"(exclusion constraint on reservations: {', '.join(exclusion) or 'none'})")
    return not missing and booked == len(created) and overlaps == 0 and extra >= 0


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kiosks", type=int, default=1000)
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--workers", type=int, default=2, help="central serve --workers")
    ap.add_argument("--procs", type=int, default=2, help="Locust processes")
    ap.add_argument("--action-s", type=float, default=60,
                    help="mean seconds between local actions at one kiosk")
    ap.add_argument("--spawn-s", type=float, default=15, help="seconds to start all kiosks")
    ap.add_argument("--warmup-s", type=float, default=30,
                    help="seconds before the server's CPU is first read")
    ap.add_argument("--floor", action="store_true", help="against bench.load_floor")
    ap.add_argument("--profile-s", type=int, default=0)
    ap.add_argument("--dsn", help="PostgreSQL server DSN (default: scripts/pg-ensure)")
    ap.add_argument("--db-name", default="central_load")
    return ap.parse_args()


def main() -> None:
    args = parse_args()

    data = seed(bench_db(pg_server(args.dsn), args.db_name))
    run = datetime.now(UTC).strftime("%H%M%S")
    job_dir = Path(tempfile.mkdtemp(prefix=f"load-{args.kiosks}-"))
    kiosks = enrol(data, args.kiosks, run)
    server = start_server(data.dsn, args.workers, args.floor, job_dir / "server.log")
    url = server.url
    seconds = round(args.minutes * 60)
    stop_at = time.time() + seconds - 8  # the kiosks stop then (see locust_kiosks)
    (job_dir / "job.json").write_text(json.dumps({
        "url": url, "procs": args.procs, "stop_at": stop_at, "action_s": args.action_s,
        "mix": MIX, "kiosks": kiosks, "sites": data.sites}))
    print(f"run {run}: {args.kiosks} kiosks in {args.procs} Locust processes, "
          f"{seconds} s, against {'the floor handler' if args.floor else 'central serve'} "
          f"--workers {args.workers}; records in {job_dir}")
    print(f"load average before: {loadavg()}")
    try:
        locust = run_locust(job_dir, args.kiosks, seconds, args.procs, args.spawn_s)
        warm = min(args.warmup_s, seconds / 4)
        time.sleep(warm)
        server_pids = children(server.proc.pid)
        pg_pids = [] if args.floor else backends(data.dsn)
        cpu0 = (cpu_seconds(server_pids), cpu_seconds(pg_pids))
        per0 = {pid: cpu_seconds([pid]) for pid in server_pids}
        size0, t0 = (None if args.floor else sizes(data.dsn)), time.time()
        counted0 = _requests(job_dir)
        if args.profile_s and len(server_pids) > 1:
            time.sleep(max(0.0, seconds / 2 - warm - args.profile_s / 2))
            profile(server_pids[-1], args.profile_s, job_dir)
        locust.wait(seconds + 120)
        window = time.time() - t0
        time.sleep(2)  # its workers' last flush
        with contextlib.suppress(ProcessLookupError):
            os.killpg(locust.pid, signal.SIGKILL)  # a worker that outlived its master
    finally:
        load_after = loadavg()
        cpu1 = (cpu_seconds(server_pids), cpu_seconds(
            sorted(set(pg_pids) | set([] if args.floor else backends(data.dsn)))))
        size1 = None if args.floor else sizes(data.dsn)
        print("CPU seconds per server process (the first is uvicorn's supervisor): "
              + ", ".join(f"{pid} {cpu_seconds([pid]) - c:.1f}" for pid, c in per0.items()))
        server.close()
    rec = collect(job_dir, t0)
    report(args, rec, seconds=round(stop_at - t0), window=window,
           cpu=(cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]),
           requests_in_window=_requests(job_dir) - counted0, size0=size0, size1=size1,
           load_after=load_after)
    if not args.floor:
        ok = check(data.dsn, [k["device_id"] for k in kiosks], rec["mutations"])
        print("checks: " + ("all hold" if ok else "FAILED"))


def _requests(job_dir: Path) -> int:
    """Requests Locust has counted so far (its stats history CSV), for the CPU window."""
    path = job_dir / "locust_stats_history.csv"
    if not path.exists():
        return 0
    lines = [ln.split(",") for ln in path.read_text().splitlines()]
    if len(lines) < 2:
        return 0
    head = lines[0]
    last = [ln for ln in lines[1:] if ln[head.index("Name")] == "Aggregated"]
    return int(last[-1][head.index("Total Request Count")]) if last else 0


def report(args: Any, rec: dict[str, Any], *, seconds: int, window: float,
           cpu: tuple[float, float],
           requests_in_window: int, size0: Any, size1: Any, load_after: str) -> None:
    lat = rec["latency"]
    total = sum(len(v) for v in lat.values())
    errors = len(rec["errors"])
    print(f"requests after the warm-up: {total} in {seconds} s = {total / seconds:.1f}/s; "
          f"errors {errors}")
    for kind in ("pull", "checkin", "push"):
        v = lat[kind]
        if v:
            print(f"  {kind:<8} {len(v):>7}  p50 {statistics.median(v):6.1f} ms  "
                  f"p95 {pct(v, 0.95):6.1f} ms  p99 {pct(v, 0.99):6.1f} ms  "
                  f"max {max(v):7.1f} ms")
    for line in sorted(Counter(e.split(":")[0] + ": " + e.split(":")[1]
                               for e in rec["errors"]).items())[:8]:
        print(f"  error {line[0]} × {line[1]}")
    if rec["errors"]:
        print(f"  first error: {rec['errors'][0]}")
    outcomes = Counter(f"{m[2]} {m[3]}" + (f" ({m[4]})" if m[4] else "")
                       for m in rec["mutations"])
    print("  mutations: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    idle = rec["idle_pull_bytes"]
    if idle:
        print(f"bytes per idle pull (wire, body): median {statistics.median(idle):.0f}")
    if requests_in_window > 0:
        who = ("floor handler" if args.floor
               else "central serve + its PostgreSQL backends")
        both = cpu[0] + cpu[1]
        print(f"server CPU ({who}): {both:.1f} s over {window:.0f} s "
              f"({both / window:.2f} cores) for {requests_in_window} requests = "
              f"{both / requests_in_window * 1000:.2f} ms CPU per request "
              f"({cpu[0] / requests_in_window * 1000:.2f} ms in central serve, "
              f"{cpu[1] / requests_in_window * 1000:.2f} ms in PostgreSQL)")
    if size0 and size1:
        day = 86400 / window
        parts = []
        grown = 0
        for table in GROWTH_TABLES:
            db = size1[table][0] - size0[table][0]
            dr = size1[table][1] - size0[table][1]
            grown += db
            if db or dr:
                parts.append(f"{table} {dr * day:+,.0f} rows/{db * day / 2**20:+,.0f} MB")
        print(f"database growth per day at this load: {grown * day / 2**20:,.0f} MB "
              f"({'; '.join(parts)})")
    print(f"load average after: {load_after}")


if __name__ == "__main__":
    main()
