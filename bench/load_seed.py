"""The load harness's data on PostgreSQL: 50 sites × 30 resources × 200 members with a
year of past bookings, kept between runs in its own database (``central_load``).

Sites, resources and flags go through the server's admin code (so the change log and the
site counters are what a real server has); members go in with one ``executemany`` per
site; the year of history with one ``INSERT … SELECT … generate_series`` while the
reservations table's indexes are dropped (``bench_server.bulk_load``). History is four
two-hour bookings per resource and day, ended (completed, cancelled or no-show), so it
weighs on every query that does not bound itself to what is active. It is not in the
change log: bookings that ended before ``reservation_window_days`` have left it.

    .venv/bin/python -m bench.load_seed            # seeds once, then reuses
    .venv/bin/python -m bench.load_seed --reseed   # drops the load sites and seeds again
"""

from __future__ import annotations

import argparse
import subprocess
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from bench.bench_server import ROOT, bench_db, bulk_load
from central.admin import add_resource, add_site, set_flag
from central.db.engine import make_engine, write
from central.db.migrate import upgrade

PREFIX = "load site "
SITES, RESOURCES, MEMBERS, HISTORY_DAYS, PER_DAY = 50, 30, 200, 365, 4
#: 24/7 so that a simulated kiosk may book any slot; members may hold 20 active bookings
#: and book a month ahead (the mix still meets quota and range refusals now and then).
SITE_SETTINGS = {"opening_hours": "24/7", "max_days_ahead": 30, "max_active_per_member": 20}

HISTORY = """
INSERT INTO reservations (id, site_id, resource_id, member_id, starts_at, ends_at,
                          buffer_minutes, status, no_show, via, created_at, updated_at)
SELECT gen_random_uuid()::text, r.site_id, r.id,
       m.ids[1 + (abs(hashtext(r.id || d::text || k)) %% cardinality(m.ids))],
       d + make_interval(hours => 6 + 4 * k), d + make_interval(hours => 8 + 4 * k), 0,
       x.status, x.status = 'no_show', 'kiosk', d - interval '3 days', d
FROM resources r
JOIN (SELECT site_id, array_agg(id ORDER BY number) ids FROM members
      WHERE site_id = ANY(%(sites)s) GROUP BY site_id) m ON m.site_id = r.site_id
CROSS JOIN generate_series(%(first)s::timestamptz, %(last)s::timestamptz,
                           interval '1 day') d
CROSS JOIN generate_series(0, %(per_day)s - 1) k
CROSS JOIN LATERAL (SELECT CASE WHEN k = 3 AND extract(dow FROM d) = 1 THEN 'no_show'
                                WHEN k = 2 AND extract(dow FROM d) = 3 THEN 'cancelled'
                                ELSE 'completed' END AS status) x
WHERE r.site_id = ANY(%(sites)s)
"""


@dataclass(frozen=True, slots=True)
class LoadData:
    """What the harness needs: the database and, per site, its resources and members."""

    dsn: str
    sites: dict[str, tuple[list[str], list[str]]]  # site id → (resource ids, member ids)


def pg_server(dsn: str | None) -> str:
    return dsn or subprocess.run([str(ROOT / "scripts" / "pg-ensure")], check=True,
                                 capture_output=True, text=True).stdout.strip()


def _read(engine: sa.Engine) -> dict[str, tuple[list[str], list[str]]]:
    with engine.connect() as conn:
        site_ids = list(conn.execute(sa.text(
            "SELECT id FROM sites WHERE name LIKE :p ORDER BY name"),
            {"p": PREFIX + "%"}).scalars())
        out = {}
        for sid in site_ids:
            res = list(conn.execute(sa.text(
                "SELECT id FROM resources WHERE site_id = :s ORDER BY name"), {"s": sid}).scalars())
            mem = list(conn.execute(sa.text(
                "SELECT id FROM members WHERE site_id = :s ORDER BY number"), {"s": sid}).scalars())
            out[sid] = (res, mem)
    return out


def _complete(sites: dict[str, tuple[list[str], list[str]]], engine: sa.Engine) -> bool:
    if len(sites) != SITES or any(len(r) != RESOURCES or len(m) != MEMBERS
                                  for r, m in sites.values()):
        return False
    with engine.connect() as conn:
        past = conn.execute(sa.text(
            "SELECT count(*) FROM reservations WHERE site_id = ANY(:s) AND via = 'kiosk' "
            "AND status = 'completed'"), {"s": list(sites)}).scalar_one()
    return int(past) > 0


def _drop(engine: sa.Engine, site_ids: list[str]) -> None:
    with write(engine) as conn:
        for table in ("device_mutations", "reservation_waitlist", "reservations", "changes",
                      "closures", "resources", "members", "site_versions", "flags",
                      "devices", "sites"):
            if table == "device_mutations":
                conn.execute(sa.text("DELETE FROM device_mutations WHERE device_id IN "
                                     "(SELECT id FROM devices WHERE site_id = ANY(:s))"),
                             {"s": site_ids})
                continue
            column = "id" if table == "sites" else "site_id"
            conn.execute(sa.text(f"DELETE FROM {table} WHERE {column} = ANY(:s)"),
                         {"s": site_ids})


def seed(dsn: str, *, reseed: bool = False) -> LoadData:
    """Seed (or reuse) the load data in the database ``dsn``."""
    engine = make_engine(dsn)
    upgrade(engine)
    sites = _read(engine)
    if not reseed and _complete(sites, engine):
        print(f"reusing the seeded load data: {len(sites)} sites")
        engine.dispose()
        return LoadData(dsn, sites)
    if sites:
        _drop(engine, list(sites))
    started = time.perf_counter()
    now = datetime.now(UTC)
    with write(engine) as conn:
        for i in range(SITES):
            site = add_site(conn, f"{PREFIX}{i:02d}", "UTC", now, settings=SITE_SETTINGS)
            set_flag(conn, True, now, site_ref=site.id)
            for j in range(RESOURCES):
                add_resource(conn, site.id, f"tool {j:02d}", "tool", now)
            conn.execute(sa.text(
                "INSERT INTO members (id, site_id, number, display_name, status, "
                "no_show_count, badges) VALUES (:i, :s, :n, :d, 'active', 0, '[]')"),
                [{"i": str(uuid.uuid4()), "s": site.id, "n": f"m{k:04d}",
                  "d": f"Member {k}"} for k in range(MEMBERS)])
    sites = _read(engine)
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    first = today.timestamp() - HISTORY_DAYS * 86400
    bulk_load(engine, {"sites": list(sites), "per_day": PER_DAY,
                       "first": datetime.fromtimestamp(first, UTC),
                       "last": datetime.fromtimestamp(today.timestamp() - 86400, UTC)},
              HISTORY)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT count(*) FROM reservations WHERE site_id = ANY(:s)"),
                            {"s": list(sites)}).scalar_one()
    print(f"seeded {SITES} sites × {RESOURCES} resources × {MEMBERS} members and {rows:,} "
          f"past bookings in {time.perf_counter() - started:.0f} s (kept for the next run)")
    engine.dispose()
    return LoadData(dsn, sites)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dsn", help="PostgreSQL server DSN (default: scripts/pg-ensure)")
    ap.add_argument("--db-name", default="central_load")
    ap.add_argument("--reseed", action="store_true")
    args = ap.parse_args()
    seed(bench_db(pg_server(args.dsn), args.db_name), reseed=args.reseed)


if __name__ == "__main__":
    main()
