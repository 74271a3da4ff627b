"""Writing reservations and waitlist places on the server, each queued as a change —
with the PostgreSQL exclusion constraint as the last word under races — and the offer
e-mail for a slot held for a member."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from central.db import tables as t
from central.domain import mail, records
from central.domain.changes import ChangeSet
from kiosk.core import entities, messages
from kiosk.core.localtime import label
from kiosk.core.model import Reservation, Site, WaitlistEntry
from kiosk.core.refusals import RefusedError


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
        cs.put(site_id, "reservation", res.id, entities.reservation_data(res))
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
    cs.put(site_id, "reservation", res.id, entities.reservation_data(res))


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
        raise RefusedError(messages.id_taken("booking", str(row["id"])))
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
    cs.put(site_id, "waitlist_entry", entry.id, entities.waitlist_data(entry))


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
