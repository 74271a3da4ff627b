"""Loading what a decision reads on the server, inside the push's transaction: the rows
the mutation names (locked), then the booking context of its scope — on PostgreSQL in one
round trip (``reads.booking_reads``). What to load comes from the core
(``decisions.lookup_of`` / ``scope_of``); rows of another site are refused here, which is
authorization, not a rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Connection

from central.db import tables as t
from central.domain import queries, reads, records
from central.domain.changes import ChangeSet
from kiosk.core import messages
from kiosk.core.booking import BookingContext
from kiosk.core.decisions import Loaded, lookup_of, scope_of
from kiosk.core.flags import reservation_system_enabled
from kiosk.core.mutations import (
    ClaimOffer,
    CreateReservation,
    JoinWaitlist,
    MoveReservation,
    Mutation,
)
from kiosk.core.refusals import Refusal

#: Mutations that judge a booking for a member: their member row is locked first, so
#: the member's active-booking count holds until commit.
_LOCKS_MEMBER = (CreateReservation, MoveReservation, JoinWaitlist, ClaimOffer)


@dataclass
class Ctx:
    """What a mutation is applied with: the open transaction, the device's site, the
    clock and the changes to publish."""

    conn: Connection
    site_id: str
    device_id: str
    now: datetime
    cs: ChangeSet
    locked_member: str | None = None  # a member row the push already locked


def _own(row: Any, ctx: Ctx, what: str) -> Refusal | None:
    if row is not None and row["site_id"] != ctx.site_id:
        return messages.refuse("other_site", what=what)
    return None


def load(ctx: Ctx, m: Mutation) -> Loaded | Refusal:
    """Everything ``decide(m, …)`` reads, or ``other_site``."""
    conn, look = ctx.conn, lookup_of(m)
    res_row = look.reservation_id and queries.reservation_row(conn, look.reservation_id,
                                                               lock=True)
    entry_row = look.entry_id and queries.one(conn, t.reservation_waitlist, look.entry_id,
                                              lock=True)
    refused = _own(res_row, ctx, "booking") or _own(entry_row, ctx, "waitlist place")
    if refused is not None:
        return refused
    res = records.reservation(res_row) if res_row else None
    entry = records.waitlist_entry(entry_row) if entry_row else None
    taken = bool(look.new_in == "waitlist_entry" and look.new_id
                 and queries.one(conn, t.reservation_waitlist, look.new_id) is not None)
    scope = scope_of(m, res, entry)
    if scope is None:
        return Loaded(ctx.now, res, entry, taken=taken)
    if isinstance(m, _LOCKS_MEMBER) and ctx.locked_member != scope.member_id:
        _lock_member(conn, scope.member_id)
    new_id = look.new_id if look.new_in == "reservation" else None
    got = reads.booking_reads(conn, resource_id=scope.resource_id, member_id=scope.member_id,
                              span=scope.span, now=ctx.now,
                              exclude_id=scope.exclude_id or None, new_id=new_id)
    refused = (_own(got.resource and {"site_id": got.resource.site_id}, ctx, "resource")
               or _own(got.member and {"site_id": got.member.site_id}, ctx, "member"))
    if refused is not None:
        return refused
    context = _context(got, ctx.now)
    if context is None:
        missing = (("resource", scope.resource_id) if got.resource is None
                   else ("member", scope.member_id))
        return Loaded(ctx.now, res, entry, taken=taken or got.taken, missing=missing)
    return Loaded(ctx.now, res, entry, context, tuple(got.waitlist), taken or got.taken)


def _lock_member(conn: Connection, member_id: str) -> None:
    # Under READ COMMITTED a statement's snapshot is taken before it waits for a lock, so
    # the lock is its own statement and the reads that follow see what its holder wrote.
    if conn.dialect.name == "postgresql":
        queries.one(conn, t.members, member_id, lock=True)


def _context(got: reads.BookingReads, now: datetime) -> BookingContext | None:
    site, resource, member, policy = got.site, got.resource, got.member, got.policy
    if site is None or resource is None or member is None or policy is None:
        return None
    return BookingContext(
        site=site, resource=resource, member=member, policy=policy, now=now, busy=got.busy,
        closures=got.closures, member_active=got.member_active,
        flag_enabled=reservation_system_enabled(got.flags, site.id, member.cohort))
