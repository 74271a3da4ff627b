"""Reads the rules need, returning core records. Every function takes the open connection."""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from central import metrics
from central.db import tables as t
from central.domain import records
from kiosk.core.model import ACTIVE_STATUSES, Closure, Interval, Member, Reservation, Resource, Site
from kiosk.core.policy import BookingPolicy, resolve_policy

ACTIVE = [str(s) for s in ACTIVE_STATUSES]


def one(conn: Connection, table: sa.Table, row_id: str, *, lock: bool = False) -> Any:
    """The row with ``id`` (as a mapping) or None; ``lock`` adds FOR UPDATE on PostgreSQL."""
    stmt = sa.select(table).where(table.c.id == row_id)
    if lock and conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    return conn.execute(stmt).mappings().first()


def resource_with_site(conn: Connection, resource_id: str,
                       new_reservation_id: str | None = None) -> Any:
    """The resource's row with its site's columns (``site_name``, ``site_timezone``,
    ``site_settings``) and ``taken``: whether a reservation ``new_reservation_id`` exists."""
    r, s = t.resources, t.sites
    taken: Any = sa.false()
    if new_reservation_id is not None:
        taken = sa.exists().where(t.reservations.c.id == new_reservation_id)
    stmt = (sa.select(r, s.c.name.label("site_name"), s.c.timezone.label("site_timezone"),
                      s.c.settings.label("site_settings"), taken.label("taken"))
            .join(s, s.c.id == r.c.site_id).where(r.c.id == resource_id))
    return conn.execute(stmt).mappings().first()


def site(conn: Connection, site_id: str) -> Site | None:
    row = one(conn, t.sites, site_id)
    return records.site(row) if row else None


def site_secret(conn: Connection, site_id: str) -> bytes:
    """The secret that keys the site's PIN and card hashes (``kiosk.core.credentials``)."""
    value = conn.execute(sa.select(t.sites.c.secret).where(t.sites.c.id == site_id)
                         ).scalar_one()
    return bytes.fromhex(value)


def resource(conn: Connection, resource_id: str) -> Resource | None:
    row = one(conn, t.resources, resource_id)
    return records.resource(row) if row else None


def member(conn: Connection, member_id: str, *, lock: bool = False) -> Member | None:
    row = one(conn, t.members, member_id, lock=lock)
    return records.member(row) if row else None


def policy(site_rec: Site, resource_rec: Resource, member_rec: Member | None) -> BookingPolicy:
    """The effective policy: built-in defaults → site → resource (→ cohort, when set)."""
    return policy_of(site_rec.settings, resource_rec.settings,
                      member_rec.cohort if member_rec else None)


def policy_of(site_settings: Mapping[str, Any], resource_settings: Mapping[str, Any],
               cohort: str | None) -> BookingPolicy:
    layers: list[tuple[str, Any]] = [
        ("site", {k: v for k, v in site_settings.items() if k != "cohorts"}),
        ("resource", resource_settings)]
    cohorts = site_settings.get("cohorts")
    if cohort and isinstance(cohorts, dict):
        layers.append(("cohort", cohorts.get(cohort, {})))
    return resolve_policy(layers).policy


def busy(conn: Connection, resource_id: str, span: Interval, buffer_minutes: int,
         exclude_id: str | None = None) -> list[Reservation]:
    """Active reservations of the resource within the buffer of ``span`` (the conflict query,
    timed for the latency histogram)."""
    pad = timedelta(minutes=buffer_minutes)
    r = t.reservations
    stmt = sa.select(r).where(
        r.c.resource_id == resource_id, r.c.status.in_(ACTIVE),
        r.c.starts_at < span.end + pad, r.c.ends_at > span.start - pad,
    )
    if exclude_id is not None:
        stmt = stmt.where(r.c.id != exclude_id)
    started = time.perf_counter()
    rows = conn.execute(stmt).mappings().all()
    metrics.CONFLICT_QUERY.observe(time.perf_counter() - started)
    return [records.reservation(row) for row in rows]


def member_active(conn: Connection, member_id: str, now: datetime,
                  exclude_id: str | None = None) -> int:
    r = t.reservations
    stmt = sa.select(sa.func.count()).where(
        r.c.member_id == member_id, r.c.status.in_(ACTIVE), r.c.ends_at > now)
    if exclude_id is not None:
        stmt = stmt.where(r.c.id != exclude_id)
    return int(conn.execute(stmt).scalar_one())


def closures(conn: Connection, site_id: str, resource_id: str, span: Interval) -> list[Closure]:
    c = t.closures
    stmt = sa.select(c).where(
        c.c.site_id == site_id,
        sa.or_(c.c.resource_id.is_(None), c.c.resource_id == resource_id),
        c.c.starts_at < span.end, c.c.ends_at > span.start,
    )
    return [records.closure(row) for row in conn.execute(stmt).mappings()]


def reservation_row(conn: Connection, reservation_id: str, *, lock: bool = False) -> Any:
    return one(conn, t.reservations, reservation_id, lock=lock)


def waitlist_for(conn: Connection, resource_id: str) -> list[Any]:
    """Waiting and offered entries of a resource (the queue the core orders)."""
    w = t.reservation_waitlist
    stmt = sa.select(w).where(w.c.resource_id == resource_id,
                              w.c.status.in_(["waiting", "offered"]))
    return [records.waitlist_entry(row) for row in conn.execute(stmt).mappings()]
