"""Benchmark of the kiosk cache: conflict check and day calendar on a big cache.

Builds (or reuses, under bench/out/) a cache of N reservations over 500 resources with
the store's own loader, then times the conflict query exactly as ``KioskService.book``
runs it and the calendar call (one local day × 50 resources) exactly as the UI calls
``KioskService.reservations_between``; beside each, the same SQL through the stdlib
``sqlite3`` module as the floor. Prints p50/p95/p99, the ratio and the file size.

    python -m bench.bench_store                    # 1M reservations
    python -m bench.bench_store --reservations 20000 --samples 300
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from kiosk.core import localtime
from kiosk.core.model import Interval, Member, Reservation, ReservationStatus, Resource, Site
from kiosk.store import loader, queries
from kiosk.store.db import Store, open_store
from kiosk.store.service import KioskService

OUT = Path(__file__).resolve().parent / "out"
ZONE = "America/Los_Angeles"
FIRST_DAY = date(2026, 1, 5)
SLOTS_PER_DAY = 6
KINDS = ("table_saw", "drill_press", "room", "plot", "sewing_machine")


def _site() -> Site:
    return Site("bench-site", "Bench Library", ZONE, {"opening_hours": "24/7"})


def _resources(count: int) -> list[Resource]:
    return [Resource(f"res-{i:04d}", "bench-site", f"Resource {i}", KINDS[i % len(KINDS)],
                     settings={"buffer_minutes": 15 if i % 3 == 0 else 0})
            for i in range(count)]


def _members() -> list[loader.MemberCredentials]:
    return [loader.MemberCredentials(Member(f"mem-{i:04d}", "bench-site", str(1000 + i),
                                            f"Member {i}")) for i in range(200)]


def _reservations(resources: list[Resource], total: int) -> Iterator[Reservation]:
    """Per resource, consecutive 2-hour grid slots from 08:00 local (1 or 2 hours long)."""
    rng = random.Random(7)
    per = total // len(resources)
    statuses = [ReservationStatus.CONFIRMED] * 6 + [
        ReservationStatus.COMPLETED, ReservationStatus.CANCELLED]
    for index, resource in enumerate(resources):
        count = per + (1 if index < total - per * len(resources) else 0)
        for j in range(count):
            day = FIRST_DAY + timedelta(days=j // SLOTS_PER_DAY)
            start = localtime.wall_clock_at(ZONE, day, 480 + 120 * (j % SLOTS_PER_DAY))
            span = Interval(start, start + timedelta(hours=rng.choice((1, 2))))
            member = f"mem-{rng.randrange(200):04d}"
            yield Reservation(f"r-{index:04d}-{j:06d}", resource.id, member, span,
                              rng.choice(statuses), created_at=start - timedelta(days=3))


def build(path: Path, total: int, resource_count: int) -> Store:
    """Open the cached file if it holds ``total`` reservations, else build it afresh."""
    if path.exists():
        store = open_store(path)
        if _count(store) == total:
            return store
        store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    store = open_store(path)
    resources = _resources(resource_count)
    loader.load_site(store, _site())
    loader.load_resources(store, resources)
    loader.load_members(store, _members())
    loader.load_reservations(store, _reservations(resources, total))
    with store.write() as session:
        session.connection().exec_driver_sql("ANALYZE")
    with store.engine.connect() as conn:  # fold the WAL in, so the file size is the cache's
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"built {total:,} reservations in {time.perf_counter() - started:.1f} s")
    return store


def _count(store: Store) -> int:
    with store.read() as session:
        return int(session.connection().exec_driver_sql(
            "SELECT count(*) FROM reservations").scalar_one())


def timed(ours: Callable[[int], object], floor: Callable[[int], object], samples: int
          ) -> tuple[list[float], list[float]]:
    """Milliseconds per call of ``ours(i)`` and ``floor(i)``, alternated call by call so
    that a busy machine slows both alike (after 20 warm-ups each)."""
    for i in range(20):
        ours(i)
        floor(i)
    out: tuple[list[float], list[float]] = ([], [])
    for i in range(samples):
        for fn, times in ((ours, out[0]), (floor, out[1])):
            started = time.perf_counter()
            fn(i)
            times.append((time.perf_counter() - started) * 1000)
    return out


def report(name: str, ours: list[float], floor: list[float]) -> None:
    def pct(values: list[float]) -> tuple[float, float, float, float]:
        q = statistics.quantiles(values, n=100)
        return min(values), statistics.median(values), q[94], q[98]

    def line(label: str, v: tuple[float, float, float, float]) -> None:
        print(f"{label:<30} min {v[0]:7.3f}  p50 {v[1]:7.3f}  p95 {v[2]:7.3f}  "
              f"p99 {v[3]:7.3f} ms")

    o, f = pct(ours), pct(floor)
    line(name, o)
    line("  raw sqlite3, same SQL", f)
    print(f"{'  ratio min / p50 / p95':<30} {o[0] / f[0]:5.2f}x  {o[1] / f[1]:5.2f}x  "
          f"{o[2] / f[2]:5.2f}x")


def _days(total: int, resource_count: int) -> int:
    return max(1, total // resource_count // SLOTS_PER_DAY)


def bench_conflict(store: Store, raw: sqlite3.Connection, args: argparse.Namespace) -> None:
    rng = random.Random(1)
    days = _days(args.reservations, args.resources)
    requests = []
    for _ in range(args.samples + 20):
        rid = f"res-{rng.randrange(args.resources):04d}"
        day = FIRST_DAY + timedelta(days=rng.randrange(days))
        start = localtime.wall_clock_at(ZONE, day, rng.randrange(16, 40) * 30)
        requests.append((rid, Interval(start, start + timedelta(hours=1))))
    margin, longest = timedelta(minutes=15), 7200

    with store.read() as session:
        ours, floor = timed(
            lambda i: queries.busy_near(session, requests[i][0], requests[i][1],
                                        margin=margin, longest_seconds=longest),
            lambda i: raw.execute(queries.CONFLICT_SQL, queries.conflict_params(
                requests[i][0], requests[i][1], margin, longest)).fetchall(),
            args.samples)
    report("conflict check", ours, floor)


def bench_calendar(store: Store, raw: sqlite3.Connection, args: argparse.Namespace) -> None:
    rng = random.Random(2)
    days = _days(args.reservations, args.resources)
    svc = KioskService(store, lambda: datetime.now(UTC))
    count = min(50, args.resources)
    requests = []
    for _ in range(args.samples // 4 + 20):
        first = rng.randrange(args.resources - count + 1)
        ids = [f"res-{i:04d}" for i in range(first, first + count)]
        span = localtime.day_bounds(ZONE, FIRST_DAY + timedelta(days=rng.randrange(days)))
        requests.append((ids, span))
    samples = args.samples // 4
    sql = queries.calendar_sql(count)
    ours, floor = timed(
        lambda i: svc.reads.reservations_between(requests[i][1], requests[i][0]),
        lambda i: raw.execute(sql, queries.calendar_params(
            requests[i][0], requests[i][1])).fetchall(),
        samples)
    rows = len(svc.reads.reservations_between(requests[0][1], requests[0][0]))
    report(f"calendar day x {count} ({rows} rows)", ours, floor)


def warm_file_cache(path: Path) -> None:
    """Read the cache file once so both sides start from the OS page cache. Otherwise the
    side timed first in each pair pays every cold page and the floor finds it warm."""
    with path.open("rb") as f:
        while f.read(1 << 22):
            pass


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_store", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reservations", type=int, default=1_000_000)
    parser.add_argument("--resources", type=int, default=500)
    parser.add_argument("--samples", type=int, default=4000, help="conflict checks timed "
                        "(calendar: a quarter of it)")
    parser.add_argument("--out", type=Path, default=OUT, help="where the cache is kept")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"bench_{args.reservations}_{args.resources}.sqlite3"
    store = build(path, args.reservations, args.resources)
    warm_file_cache(path)
    raw = sqlite3.connect(path)
    print(f"cache {path.name}: {path.stat().st_size / 2**20:.1f} MiB, "
          f"{args.reservations:,} reservations over {args.resources} resources")
    bench_conflict(store, raw, args)
    bench_calendar(store, raw, args)
    raw.close()
    store.close()


if __name__ == "__main__":
    main()
