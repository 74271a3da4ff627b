"""The no-show sweep and the waitlist offer expiry, safe with several server processes.

On PostgreSQL the candidate rows are taken with ``FOR UPDATE SKIP LOCKED`` (a row another
process is sweeping is skipped, and once it commits the row is no longer a candidate); on
SQLite ``BEGIN IMMEDIATE`` serialises the sweeps. What changes — which reservations are
no-shows, whose counts go up, who is offered a slot — is the core's decision
(``kiosk.core.decisions.no_show_sweep`` / ``offer_expiry``); this module loads and saves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from central import metrics
from central.db import tables as t
from central.db.engine import write
from central.domain import queries, records, saving
from central.domain.changes import ChangeSet, publish
from kiosk.core import decisions
from kiosk.core.model import Site, WaitlistStatus
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
        waitlists = {rid: queries.waitlist_for(conn, rid)
                     for rid in sorted({c.resource_id for c in candidates})}
        effects = decisions.no_show_sweep(candidates, policy_for, waitlists, now)
        cs = ChangeSet()
        saving.save(conn, cs, site, effects, now, resource_of=saving.resources_by_id(conn))
        publish(conn, cs, now)
    metrics.NO_SHOWS.inc(len(effects.updated))
    return len(effects.updated)


def no_show_sweep(engine: Engine, now: datetime) -> dict[str, int]:
    """Mark every reservation past its grace period without a check-in as a no-show."""
    now = now.replace(microsecond=0)  # whole seconds, as kiosks keep the rows it writes
    return {"marked": sum(_sweep_site(engine, s, now) for s in _site_ids(engine))}


def _expire_site(engine: Engine, site_id: str, now: datetime) -> tuple[int, int]:
    with write(engine) as conn:
        site = queries.site(conn, site_id)
        assert site is not None
        w = t.reservation_waitlist
        lapsed = _locked(conn, sa.select(w.c.resource_id).where(
            w.c.site_id == site_id, w.c.status == "offered", w.c.offer_expires_at <= now))
        resource_ids = sorted({row[0] for row in conn.execute(lapsed)})
        entries = [e for rid in resource_ids for e in queries.waitlist_for(conn, rid)]
        policy_for = _policies(conn, site)
        effects = decisions.offer_expiry(
            entries, lambda rid: policy_for(rid).waitlist_hold_minutes, now)
        cs = ChangeSet()
        saving.save(conn, cs, site, effects, now, resource_of=saving.resources_by_id(conn))
        publish(conn, cs, now)
    expired = sum(1 for e in effects.waitlist_updated if e.status == WaitlistStatus.EXPIRED)
    return expired, len(effects.offers)


def waitlist_expiry(engine: Engine, now: datetime) -> dict[str, int]:
    """Expire lapsed offers and pass each slot on to the next in line."""
    now = now.replace(microsecond=0)  # whole seconds, as kiosks keep the rows it writes
    totals = [_expire_site(engine, s, now) for s in _site_ids(engine)]
    return {"expired": sum(e for e, _ in totals), "offered": sum(o for _, o in totals)}
