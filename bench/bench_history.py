"""No request's cost grows with history: create, idle pull, no-show sweep and report p50
for a member with 0 past bookings and one with 100k, side by side (ratio).

Two databases alike in everything but history (kept between runs): ``central_hist_0``
and ``central_hist_100k`` hold one site with 30 resources, the member and an enrolled
kiosk, and another member's 5,000 bookings ahead; in the second the member also owns
``--past`` ended bookings (with their mutation
records, received long ago, and their tombstones in the site's change log). A
``central serve --workers 1`` runs on each; the requests alternate between the two so a
busy machine slows both alike. Timed: a kiosk's booking for the member (the push, which
counts the member's active bookings for the quota), the kiosk's idle pull, the no-show
sweep (in-process) and the go/no-go report over its default 30-day window (in-process;
also over all of history, which is what grows). Then the quota query alone with
``EXPLAIN ANALYZE``, with the partial index ``idx_reservations_member_active`` and without
it (dropped inside a transaction that is rolled back): the plan before and after 0004.

    .venv/bin/python -m bench.bench_history              # 100k past bookings, 200 samples
    .venv/bin/python -m bench.bench_history --past 200000 --samples 400
"""

from __future__ import annotations

import argparse
import statistics
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import psycopg
import sqlalchemy as sa

from bench.bench_server import bench_db, start_server
from bench.load_kiosks import loadavg
from bench.load_seed import pg_server
from central import report
from central.admin import add_resource, add_site, set_flag
from central.db.engine import make_engine, write
from central.db.migrate import upgrade
from central.domain import devices
from central.domain.pull import Cursor
from central.jobs.sweeps import no_show_sweep
from kiosk.core import mutations as mu

SITE = "history bench"
SETTINGS = {"opening_hours": "24/7", "max_days_ahead": 365, "max_active_per_member": 10**6}

#: The other members' bookings ahead (5,000, from day 100 on): what the quota query would
#: scan without an index of its own, besides the member's history.
OTHERS = """
INSERT INTO reservations (id, site_id, resource_id, member_id, starts_at, ends_at,
                          buffer_minutes, status, no_show, via, created_at, updated_at)
SELECT gen_random_uuid()::text, r.site_id, r.id, m.id,
       date_trunc('day', now()) + interval '100 days' + make_interval(hours => 3 * g),
       date_trunc('day', now()) + interval '100 days' + make_interval(hours => 3 * g + 2),
       0, 'confirmed', false, 'kiosk', now(), now()
FROM generate_series(0, 166) g
CROSS JOIN resources r JOIN members m ON m.site_id = r.site_id AND m.number = 'm2'
WHERE r.site_id = :s
"""

PAST = """
WITH g AS (SELECT g, gen_random_uuid()::text AS rid FROM generate_series(0, %(n)s - 1) g),
res AS (
  INSERT INTO reservations (id, site_id, resource_id, member_id, starts_at, ends_at,
                            buffer_minutes, status, no_show, via, created_at, updated_at)
  SELECT rid, %(site)s, (%(resources)s::text[])[1 + g %% 30], %(member)s,
         timestamptz '2020-01-01' + make_interval(hours => 3 * (g / 30)),
         timestamptz '2020-01-01' + make_interval(hours => 3 * (g / 30) + 2), 0,
         CASE WHEN g %% 20 = 0 THEN 'no_show' ELSE 'completed' END, g %% 20 = 0, 'kiosk',
         timestamptz '2020-01-01', timestamptz '2020-01-01'
  FROM g RETURNING 1),
dm AS (
  INSERT INTO device_mutations (device_id, mutation_id, seq, name, outcome, received_at,
                                duration_ms)
  SELECT %(device)s, gen_random_uuid()::text, g + 1, 'reservation.create', 'applied',
         timestamptz '2020-01-01' + make_interval(hours => 3 * (g / 30)), 5
  FROM g RETURNING 1)
INSERT INTO changes (site_id, entity, entity_id, version, deleted, data, changed_at)
SELECT %(site)s, 'reservation', rid, %(base)s + g + 1, true, NULL, timestamptz '2021-01-01'
FROM g
"""


@dataclass(frozen=True, slots=True)
class World:
    label: str
    dsn: str
    site_id: str
    resources: list[str]
    member_id: str
    device_id: str
    token: str


def _world(dsn: str, label: str, past: int) -> World:
    """The bench's site in ``dsn``, with ``past`` ended bookings for its member."""
    engine = make_engine(dsn)
    upgrade(engine)
    now = datetime.now(UTC)
    with write(engine) as conn:
        site_id = conn.execute(sa.text("SELECT id FROM sites WHERE name = :n"),
                               {"n": SITE}).scalar()
        have = -1 if site_id is None else int(conn.execute(sa.text(
            "SELECT count(*) FROM reservations WHERE site_id = :s AND status IN "
            "('completed', 'no_show')"),
            {"s": site_id}).scalar_one())
        if have != past:
            if site_id is not None:
                raise SystemExit(f"{dsn} holds another history ({have:,}); drop the database")
            site = add_site(conn, SITE, "UTC", now, settings=SETTINGS)
            set_flag(conn, True, now, site_ref=site.id)
            site_id = site.id
            for i in range(30):
                add_resource(conn, site_id, f"tool {i:02d}", "tool", now)
            conn.execute(sa.text("INSERT INTO members (id, site_id, number, display_name, "
                                 "status, no_show_count, badges) VALUES (:i, :s, :n, "
                                 "'Member', 'active', 0, '[]')"),
                         [{"i": str(uuid.uuid4()), "s": site_id, "n": n}
                          for n in ("m1", "m2")])
            conn.execute(sa.text(OTHERS), {"s": site_id})
        assert site_id is not None
        resources = list(conn.execute(sa.text(
            "SELECT id FROM resources WHERE site_id = :s ORDER BY name"),
            {"s": site_id}).scalars())
        member = str(conn.execute(sa.text("SELECT id FROM members WHERE site_id = :s "
                                          "AND number = 'm1'"), {"s": site_id}).scalar_one())
        # the bookings of an earlier run of this bench would take this run's slots
        conn.execute(sa.text("DELETE FROM reservations WHERE member_id = :m "
                             "AND status = 'confirmed'"), {"m": member})
        device_id, token = devices.issue(conn, site_id, f"bench {now:%H%M%S}", now)
        if have != past and past:
            old_device, _ = devices.issue(conn, site_id, "history", now)
            conn.execute(sa.text("UPDATE devices SET last_mutation_seq = :n WHERE id = :d"),
                         {"n": past, "d": old_device})
    if have != past and past:
        started = time.perf_counter()
        with psycopg.connect(dsn, autocommit=True) as pg:
            base = int(pg.execute("SELECT version FROM site_versions WHERE site_id = %s",
                                  (site_id,)).fetchone()[0])  # type: ignore[index]
            pg.execute(PAST, {"n": past, "site": site_id, "resources": resources,
                              "member": member, "device": old_device, "base": base})
            pg.execute("UPDATE site_versions SET version = version + %s WHERE site_id = %s",
                       (past, site_id))
            pg.execute("VACUUM ANALYZE")
        print(f"{label}: loaded {past:,} past bookings, their mutation records and "
              f"tombstones in {time.perf_counter() - started:.0f} s (kept)")
    engine.dispose()
    return World(label, dsn, site_id, resources, member, device_id, token)


class Kiosk:
    """The world's kiosk: pushes bookings for its member, pulls idle."""

    def __init__(self, world: World, url: str) -> None:
        self.world, self.seq, self.slot = world, 0, 0
        self.http = httpx.Client(base_url=f"{url}/api/v1", timeout=30, headers={
            "Authorization": f"Bearer {world.token}", "X-Schema-Version": "1",
            "Accept-Encoding": "gzip"})
        with psycopg.connect(world.dsn) as pg:
            head = int(pg.execute("SELECT version FROM site_versions WHERE site_id = %s",
                                  (world.site_id,)).fetchone()[0])  # type: ignore[index]
        self.start = (datetime.now(UTC) + timedelta(days=2)).replace(
            minute=0, second=0, microsecond=0)
        self.cursor = Cursor(world.site_id, head, False).encode()

    def create(self) -> None:
        self.seq += 1
        self.slot += 1
        start = self.start + timedelta(hours=self.slot // 30)
        name, args = mu.encode(mu.CreateReservation(
            str(uuid.uuid4()), self.world.resources[self.slot % 30], self.world.member_id,
            start, start + timedelta(hours=1)))
        answer = self.http.post("/sync/push", json={"device_id": self.world.device_id,
                                                    "mutations": [{
            "id": str(uuid.uuid4()), "seq": self.seq, "name": name, "args": args}]})
        outcome = answer.json()["results"][0]
        if outcome["outcome"] != "applied":
            raise RuntimeError(f"{self.world.label}: the booking was refused: {outcome}")

    def pull(self) -> None:
        answer = self.http.get("/sync/pull", params={"cursor": self.cursor,
                                                     "results_since": self.seq})
        self.cursor = answer.json()["cursor"]


def _timed(work: Callable[[], Any]) -> float:
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) * 1000


def side_by_side(name: str, samples: int, a: Callable[[], Any], b: Callable[[], Any]
                 ) -> None:
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(samples):
        times[0].append(_timed(a))
        times[1].append(_timed(b))
    p0, p1 = statistics.median(times[0]), statistics.median(times[1])
    print(f"| {name:<28} | {p0:9.2f} | {p1:9.2f} | {p1 / p0:5.2f} |")


def quota_plans(world: World) -> None:
    """The quota count for the member with history, with the partial index and without."""
    sql = ("EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM reservations x "
           "WHERE x.member_id = %s AND x.status IN ('pending', 'confirmed', 'checked_in') "
           "AND x.ends_at > now()")
    with psycopg.connect(world.dsn) as pg:
        for label in ("with idx_reservations_member_active", "without it (before 0004)"):
            if label.startswith("without"):
                pg.execute("DROP INDEX idx_reservations_member_active")  # rolled back
            plan = pg.execute(sql, (world.member_id,)).fetchone()[0][0]  # type: ignore[index]
            node = plan["Plan"]["Plans"][0] if "Plans" in plan["Plan"] else plan["Plan"]
            print(f"quota query {label}: {node['Node Type']} on "
                  f"{node.get('Index Name', node.get('Relation Name'))}, "
                  f"{plan['Execution Time']:.2f} ms, rows examined "
                  f"{node.get('Actual Rows', 0) + node.get('Rows Removed by Filter', 0):,}")
        pg.rollback()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dsn", help="PostgreSQL server DSN (default: scripts/pg-ensure)")
    ap.add_argument("--past", type=int, default=100_000)
    ap.add_argument("--samples", type=int, default=200)
    args = ap.parse_args()
    server = pg_server(args.dsn)
    fresh = _world(bench_db(server, "central_hist_0"), "0 past", 0)
    old = _world(bench_db(server, f"central_hist_{args.past // 1000}k"),
                 f"{args.past:,} past", args.past)
    servers = [start_server(w.dsn, 1) for w in (fresh, old)]
    engines = [make_engine(w.dsn) for w in (fresh, old)]
    try:
        kiosks = [Kiosk(w, s.url) for w, s in zip((fresh, old), servers, strict=True)]
        for k in kiosks:  # warm: connections, caches
            for _ in range(20):
                k.create()
                k.pull()
        now = datetime.now(UTC)
        print(f"p50 in ms over {args.samples} samples, alternating "
              f"(load average {loadavg()})")
        print(f"| {'request':<28} | {fresh.label:>9} | {old.label:>9} | ratio |")
        print(f"|{'-' * 30}|{'-' * 11}|{'-' * 11}|{'-' * 7}|")
        side_by_side("create (push, quota count)", args.samples, kiosks[0].create,
                     kiosks[1].create)
        side_by_side("idle pull", args.samples, kiosks[0].pull, kiosks[1].pull)
        side_by_side("no-show sweep", max(20, args.samples // 4),
                     lambda: no_show_sweep(engines[0], now), lambda: no_show_sweep(engines[1], now))

        def figures(engine: sa.Engine, since: datetime | None) -> None:
            with engine.connect() as conn:
                report.figures(conn, since)

        window = now - timedelta(days=30)
        side_by_side("report, last 30 days", max(10, args.samples // 10),
                     lambda: figures(engines[0], window), lambda: figures(engines[1], window))
        side_by_side("report, all history", 5, lambda: figures(engines[0], None),
                     lambda: figures(engines[1], None))
        quota_plans(old)
    finally:
        for running in servers:
            running.close()
        for engine in engines:
            engine.dispose()


if __name__ == "__main__":
    main()
