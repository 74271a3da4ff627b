"""Booking on the server: load what ``kiosk.core.booking.check_booking`` reads, ask it,
then write — with the PostgreSQL exclusion constraint as the last word under races.

Also the shared "a slot was freed" step: offer it to the waitlist (``kiosk.core.waitlist``)
and queue the offer e-mail.
"""

from __future__ import annotations

from contextlib import nullcontext
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from central import metrics
from central.db import tables as t
from central.domain import mail, queries, records
from central.domain.changes import ChangeSet
from central.domain.reads import BookingReads
from kiosk.core import messages, waitlist
from kiosk.core.booking import BookingContext, check_booking
from kiosk.core.flags import reservation_system_enabled
from kiosk.core.localtime import label
from kiosk.core.model import Closure, Interval, Reservation, Resource, Site, WaitlistEntry
from kiosk.core.refusals import Refusal, RefusalCode, RefusedError
from kiosk.core.slots import search_window

_WITH_ALTERNATIVES = {RefusalCode.CONFLICT, RefusalCode.OUTSIDE_HOURS}


def judge(conn: Connection, reads: BookingReads, span: Interval, *, now: datetime,
          exclude_id: str | None = None, staff: bool = False) -> Refusal | None:
    """The core's verdict on booking ``span`` from what ``reads.booking_reads`` loaded
    (site, resource, member and policy all present); the wide conflict query runs only to
    find alternatives for a refusal."""
    site, resource, member, policy = reads.site, reads.resource, reads.member, reads.policy
    assert site is not None and resource is not None and member is not None
    assert policy is not None
    holds = waitlist.offer_holds(reads.waitlist, now, except_member=member.id)
    flag_enabled = reservation_system_enabled(reads.flags, site.id, member.cohort)

    def ctx(busy: list[Reservation], closures: list[Closure]) -> BookingContext:
        return BookingContext(
            site=site, resource=resource, member=member, policy=policy, now=now,
            busy=[*busy, *holds], closures=closures, member_active=reads.member_active,
            flag_enabled=flag_enabled,
        )

    refusal = check_booking(ctx(reads.busy, reads.closures), span, staff=staff)
    if refusal is not None and refusal.code in _WITH_ALTERNATIVES:
        wide = search_window(span, policy.buffer_minutes)
        busy = queries.busy(conn, resource.id, wide, policy.buffer_minutes, exclude_id)
        closures = queries.closures(conn, site.id, resource.id, wide)
        refusal = check_booking(ctx(busy, closures), span, staff=staff) or refusal
    return refusal


def _is_exclusion(exc: IntegrityError) -> bool:
    return getattr(exc.orig, "sqlstate", None) == "23P01"


def write_reservation(conn: Connection, cs: ChangeSet, site_id: str, res: Reservation,
                      now: datetime, *, buffer_minutes: int | None = None,
                      resource_name: str = "this resource", **extra: object) -> None:
    """Insert (when ``buffer_minutes`` is given) or update a reservation, queueing its
    change. An exclusion-constraint violation becomes a ``conflict`` refusal."""
    values = {**records.reservation_row(res), "updated_at": now, **extra}
    if buffer_minutes is not None and conn.dialect.name == "postgresql":
        row = dict.fromkeys(c.name for c in t.reservations.columns)
        row.update(values, site_id=site_id, buffer_minutes=buffer_minutes,
                   created_at=res.created_at or now)
        _insert_pg(conn, row, resource_name)
        cs.put(site_id, "reservation", res.id, records.reservation_data(res))
        return
    # Inside a push the caller's savepoint already undoes a failed statement.
    savepoint = nullcontext() if conn.in_nested_transaction() else conn.begin_nested()
    try:
        with savepoint:
            if buffer_minutes is not None:
                conn.execute(sa.insert(t.reservations).values(
                    **values, site_id=site_id, buffer_minutes=buffer_minutes,
                    created_at=res.created_at or now))
            else:
                conn.execute(sa.update(t.reservations)
                             .where(t.reservations.c.id == res.id).values(**values))
    except IntegrityError as exc:
        if _is_exclusion(exc):
            raise RefusedError(messages.taken(resource_name)) from exc
        raise
    cs.put(site_id, "reservation", res.id, records.reservation_data(res))


_PG_INSERT = (postgresql.insert(t.reservations).on_conflict_do_nothing()
              .returning(t.reservations.c.id))


def _insert_pg(conn: Connection, row: dict[str, object], resource_name: str) -> None:
    """Insert a reservation without a savepoint: ``ON CONFLICT DO NOTHING`` covers the
    exclusion constraint (and the primary key), so a clash writes nothing and leaves the
    transaction usable; it becomes a ``conflict`` (or, for a taken id, ``invalid``)."""
    if conn.execute(_PG_INSERT, row).first() is not None:
        return
    taken = conn.execute(sa.select(t.reservations.c.id)
                         .where(t.reservations.c.id == row["id"])).first()
    if taken is not None:
        raise RefusedError(Refusal(RefusalCode.INVALID,
                                   "A booking with this id already exists.", {}, None))
    raise RefusedError(messages.taken(resource_name))


def write_waitlist(conn: Connection, cs: ChangeSet, site_id: str, entry: WaitlistEntry,
                   *, insert: bool = False, **extra: object) -> None:
    """Insert or update a waitlist entry, queueing its change."""
    values = {**records.waitlist_row(entry), **extra}
    w = t.reservation_waitlist
    if insert:
        conn.execute(sa.insert(w).values(**values, site_id=site_id))
    else:
        conn.execute(sa.update(w).where(w.c.id == entry.id).values(**values))
    cs.put(site_id, "waitlist_entry", entry.id, records.waitlist_data(entry))


def offer_mail(conn: Connection, entry: WaitlistEntry, site: Site, resource_name: str,
               now: datetime) -> None:
    """Queue the "a slot is held for you" mail for an offered entry."""
    assert entry.offer_expires_at is not None
    start = label(site.timezone, entry.interval.start)
    until = label(site.timezone, entry.offer_expires_at)
    mail.queue(conn, entry.member_id, "waitlist_offer",
               f"A slot on {resource_name} is yours if you want it",
               f"The slot on {resource_name} starting {start} at {site.name} has come free "
               f"and is held for you until {until}. Claim it at the kiosk or online; after "
               "that it passes to the next person in line.", now=now)


def slot_freed(conn: Connection, cs: ChangeSet, site: Site, resource: Resource,
               freed: Interval, *, now: datetime) -> None:
    """Offer a freed slot to the first waiting member who fits, and mail them."""
    hold = queries.policy(site, resource, None).waitlist_hold_minutes
    offered = waitlist.offer_next(queries.waitlist_for(conn, resource.id), freed, now, hold)
    if offered is None:
        return
    write_waitlist(conn, cs, site.id, offered)
    metrics.WAITLIST_OFFERS.inc()
    offer_mail(conn, offered, site, resource.name, now)

