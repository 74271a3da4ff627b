"""The no-show sweep and the waitlist offer expiry, safe with several server processes.

On PostgreSQL the candidate rows are taken with ``FOR UPDATE SKIP LOCKED`` (a row another
process is sweeping is skipped, and once it commits the row is no longer a candidate); on
SQLite ``BEGIN IMMEDIATE`` serialises the sweeps. Which reservations are no-shows and who
is offered a slot are the core's decisions (``kiosk.core.checkin``, ``kiosk.core.waitlist``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from central import metrics
from central.db import tables as t
from central.db.engine import write
from central.domain import booking, queries, records
from central.domain.changes import ChangeSet, publish
from central.domain.mutations import publish_member
from kiosk.core import checkin, waitlist
from kiosk.core.model import Interval, MemberStatus, Reservation, Site
from kiosk.core.policy import BookingPolicy

BATCH = 500


def _locked(conn: Connection, stmt: sa.Select[tuple[object, ...]]) -> sa.Select[tuple[object, ...]]:
    if conn.dialect.name == "postgresql":
        return stmt.with_for_update(skip_locked=True)
    return stmt


def _site_ids(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(sa.select(t.sites.c.id).order_by(t.sites.c.id)).scalars())


def _policies(conn: Connection, site: Site) -> Callable[[str], BookingPolicy]:
    cache: dict[str, BookingPolicy] = {}

    def policy_for(resource_id: str) -> BookingPolicy:
        if resource_id not in cache:
            resource = queries.resource(conn, resource_id)
            assert resource is not None
            cache[resource_id] = queries.policy(site, resource, None)
        return cache[resource_id]

    return policy_for


def _count_no_show(conn: Connection, cs: ChangeSet, res: Reservation,
                   policy: BookingPolicy) -> None:
    m = t.members
    count = conn.execute(sa.update(m).where(m.c.id == res.member_id)
                         .values(no_show_count=m.c.no_show_count + 1)
                         .returning(m.c.no_show_count)).scalar_one()
    if checkin.should_suspend(int(count), policy):
        conn.execute(sa.update(m).where(m.c.id == res.member_id)
                     .values(status=str(MemberStatus.SUSPENDED)))
    publish_member(conn, cs, res.member_id)


def _sweep_site(engine: Engine, site_id: str, now: datetime) -> int:
    with write(engine) as conn:
        site = queries.site(conn, site_id)
        assert site is not None
        r = t.reservations
        stmt = _locked(conn, sa.select(r).where(
            r.c.site_id == site_id, r.c.status.in_(["pending", "confirmed"]),
            r.c.starts_at < now).order_by(r.c.starts_at).limit(BATCH))
        candidates = [records.reservation(row) for row in conn.execute(stmt).mappings()]
        policy_for = _policies(conn, site)
        marked = checkin.no_show_sweep(candidates, policy_for, now)
        cs = ChangeSet()
        for res in marked:
            booking.write_reservation(conn, cs, site_id, res, now)
            _count_no_show(conn, cs, res, policy_for(res.resource_id))
            if res.interval.end > now:
                resource = queries.resource(conn, res.resource_id)
                assert resource is not None
                booking.slot_freed(conn, cs, site, resource,
                                   Interval(max(res.interval.start, now), res.interval.end),
                                   now=now)
        publish(conn, cs, now)
    metrics.NO_SHOWS.inc(len(marked))
    return len(marked)


def no_show_sweep(engine: Engine, now: datetime) -> dict[str, int]:
    """Mark every reservation past its grace period without a check-in as a no-show."""
    return {"marked": sum(_sweep_site(engine, s, now) for s in _site_ids(engine))}


def _expire_site(engine: Engine, site_id: str, now: datetime) -> tuple[int, int]:
    with write(engine) as conn:
        site = queries.site(conn, site_id)
        assert site is not None
        w = t.reservation_waitlist
        lapsed = _locked(conn, sa.select(w.c.resource_id).where(
            w.c.site_id == site_id, w.c.status == "offered", w.c.offer_expires_at <= now))
        resource_ids = sorted({row[0] for row in conn.execute(lapsed)})
        cs, expired_n, offered_n = ChangeSet(), 0, 0
        for resource_id in resource_ids:
            resource = queries.resource(conn, resource_id)
            assert resource is not None
            hold = queries.policy(site, resource, None).waitlist_hold_minutes
            expired, offered = waitlist.pass_on(queries.waitlist_for(conn, resource_id), now,
                                                hold)
            for entry in [*expired, *offered]:
                booking.write_waitlist(conn, cs, site_id, entry)
            for entry in offered:
                booking.offer_mail(conn, entry, site, resource.name, now)
            expired_n, offered_n = expired_n + len(expired), offered_n + len(offered)
        publish(conn, cs, now)
    metrics.WAITLIST_OFFERS.inc(offered_n)
    return expired_n, offered_n


def waitlist_expiry(engine: Engine, now: datetime) -> dict[str, int]:
    """Expire lapsed offers and pass each slot on to the next in line."""
    totals = [_expire_site(engine, s, now) for s in _site_ids(engine)]
    return {"expired": sum(e for e, _ in totals), "offered": sum(o for _, o in totals)}
