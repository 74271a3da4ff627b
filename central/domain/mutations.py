"""The eight sync mutations, each applied inside the push's transaction.

A handler either returns (applied) or raises ``RefusedError`` (a business rejection; the
caller rolls back the handler's savepoint and records the refusal). Every rule decision is
the core's: ``check_booking``, ``check_in``, ``waitlist.claim``/``offer_next``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from central import metrics
from central.db import tables as t
from central.domain import booking, flags, queries, reads, records
from central.domain.changes import ChangeSet
from kiosk.core import messages, waitlist
from kiosk.core.checkin import check_in
from kiosk.core.errors import InvalidInput
from kiosk.core.model import (
    Interval,
    Member,
    MemberStatus,
    Reservation,
    ReservationStatus,
    Resource,
    Site,
    WaitlistEntry,
    WaitlistStatus,
)
from kiosk.core.refusals import Refusal, RefusalCode, RefusedError

CLAIM_NAMESPACE = uuid.UUID("0b4f3c1e-6a57-4c9e-9d2a-7f1e5b8c2d40")


def claim_reservation_id(entry_id: str, given: str | None = None) -> str:
    """The id of the reservation a claimed waitlist entry becomes: the kiosk's own
    (``reservation_id``, it generates ids for what it creates) or, from an older kiosk that
    sent none, one derived from the entry's id."""
    if given:
        try:
            return str(uuid.UUID(str(given)))
        except ValueError as exc:
            raise refuse(RefusalCode.INVALID, "reservation_id is not a UUID.") from exc
    return str(uuid.uuid5(CLAIM_NAMESPACE, entry_id))


@dataclass
class Ctx:
    """What a handler works with: the open transaction, the device's site and the clock."""

    conn: Connection
    site_id: str
    device_id: str
    now: datetime
    cs: ChangeSet
    locked_member: str | None = None  # a member row the push already locked


def refuse(code: RefusalCode, message: str, rule: str | None = None) -> RefusedError:
    """A refusal with a fixed message (braces escaped: it is not a template)."""
    return RefusedError(Refusal(code, message.replace("{", "{{").replace("}", "}}"), {}, rule))


def _owned(row: Any, ctx: Ctx, what: str) -> Any:
    if row is None:
        raise refuse(RefusalCode.NOT_FOUND, f"This {what} does not exist (any more).")
    if row["site_id"] != ctx.site_id:
        raise refuse(RefusalCode.FORBIDDEN, f"This {what} belongs to another site.")
    return row


def _site_resource_member(ctx: Ctx, resource_id: str, member_id: str, *,
                          new_reservation_id: str | None = None
                          ) -> tuple[Site, Resource, Member]:
    """The device's site, the resource (one query, with whether ``new_reservation_id`` is
    taken) and the member, locked so that its active-booking count holds until commit."""
    row = queries.resource_with_site(ctx.conn, resource_id, new_reservation_id)
    if row is not None and row["taken"]:
        raise refuse(RefusalCode.INVALID, "A booking with this id already exists.")
    res_row = _owned(row, ctx, "resource")
    mem_row = _owned(queries.one(ctx.conn, t.members, member_id, lock=True), ctx, "member")
    return records.site_of(res_row), records.resource(res_row), records.member(mem_row)


def _judged_reads(ctx: Ctx, resource_id: str, member_id: str, span: Interval, *,
                  new_reservation_id: str | None = None, exclude_id: str | None = None
                  ) -> reads.BookingReads:
    """Lock the member (unless the push already did), then load what judging ``span``
    reads in one go; refuse a taken id, and a resource or member that is missing or
    another site's."""
    if ctx.locked_member != member_id and ctx.conn.dialect.name == "postgresql":
        queries.one(ctx.conn, t.members, member_id, lock=True)
    loaded = reads.booking_reads(ctx.conn, resource_id=resource_id, member_id=member_id,
                                 span=span, now=ctx.now, exclude_id=exclude_id,
                                 new_id=new_reservation_id)
    if loaded.resource is not None and loaded.taken:
        raise refuse(RefusalCode.INVALID, "A booking with this id already exists.")
    _owned(None if loaded.resource is None else {"site_id": loaded.resource.site_id}, ctx,
           "resource")
    _owned(None if loaded.member is None else {"site_id": loaded.member.site_id}, ctx,
           "member")
    return loaded


def _span(args: Mapping[str, Any]) -> Interval:
    try:
        return Interval(args["starts_at"], args["ends_at"])
    except InvalidInput as exc:
        raise refuse(RefusalCode.INVALID, str(exc)) from exc


def _reservation(ctx: Ctx, res_id: str) -> Reservation:
    row = _owned(queries.reservation_row(ctx.conn, res_id, lock=True), ctx, "booking")
    return records.reservation(row)


def publish_member(conn: Connection, cs: ChangeSet, member_id: str) -> None:
    """Queue the member's kiosk identity as a change."""
    row = queries.one(conn, t.members, member_id)
    data = records.member_data(records.member(row), row["card_hash"], row["pin_hash"])
    cs.put(row["site_id"], "member", member_id, data)


def _adjust_no_shows(ctx: Ctx, member_id: str, delta: int) -> None:
    m = t.members
    ctx.conn.execute(sa.update(m).where(m.c.id == member_id).values(
        no_show_count=sa.case((m.c.no_show_count + delta < 0, 0),
                              else_=m.c.no_show_count + delta)))
    publish_member(ctx.conn, ctx.cs, member_id)


def _book(ctx: Ctx, res: Reservation, *, staff: bool = False) -> None:
    """Judge and insert a new reservation (refused ``invalid`` if its id is taken)."""
    loaded = _judged_reads(ctx, res.resource_id, res.member_id, res.interval,
                           new_reservation_id=res.id)
    refusal = booking.judge(ctx.conn, loaded, res.interval, now=ctx.now, staff=staff)
    if refusal is not None:
        raise RefusedError(refusal)
    assert loaded.policy is not None and loaded.resource is not None
    booking.write_reservation(ctx.conn, ctx.cs, ctx.site_id, res, ctx.now,
                              buffer_minutes=loaded.policy.buffer_minutes,
                              resource_name=loaded.resource.name, device_id=ctx.device_id)


def create(ctx: Ctx, args: Mapping[str, Any]) -> None:
    via = args.get("via") or "kiosk"
    res = Reservation(args["id"], args["resource_id"], args["member_id"], _span(args),
                      created_at=ctx.now, via=via)
    _book(ctx, res, staff=via == "staff")


def _free(ctx: Ctx, resource_id: str, span: Interval) -> None:
    if span.end <= ctx.now:
        return
    site, resource = queries.site(ctx.conn, ctx.site_id), queries.resource(ctx.conn, resource_id)
    assert site is not None and resource is not None
    freed = Interval(max(span.start, ctx.now), span.end)
    booking.slot_freed(ctx.conn, ctx.cs, site, resource, freed, now=ctx.now)


def cancel(ctx: Ctx, args: Mapping[str, Any]) -> None:
    res = _reservation(ctx, args["id"])
    if res.status == ReservationStatus.CANCELLED:
        return
    if not res.active:
        raise refuse(RefusalCode.RULE_VIOLATION,
                     f"This booking has already ended ({res.status}); it cannot be cancelled.")
    booking.write_reservation(ctx.conn, ctx.cs, ctx.site_id,
                              replace(res, status=ReservationStatus.CANCELLED), ctx.now)
    _free(ctx, res.resource_id, res.interval)


def move(ctx: Ctx, args: Mapping[str, Any]) -> None:
    res = _reservation(ctx, args["id"])
    if not res.active:
        code = (RefusalCode.CANCELLED if res.status == ReservationStatus.CANCELLED
                else RefusalCode.RULE_VIOLATION)
        raise refuse(code, f"This booking is {res.status}; it cannot be moved.")
    span = _span(args)
    loaded = _judged_reads(ctx, res.resource_id, res.member_id, span, exclude_id=res.id)
    refusal = booking.judge(ctx.conn, loaded, span, now=ctx.now, exclude_id=res.id)
    if refusal is not None:
        raise RefusedError(refusal)
    assert loaded.resource is not None
    booking.write_reservation(ctx.conn, ctx.cs, ctx.site_id, replace(res, interval=span),
                              ctx.now, resource_name=loaded.resource.name)
    if not span.overlaps(res.interval):
        _free(ctx, res.resource_id, res.interval)


def do_check_in(ctx: Ctx, args: Mapping[str, Any]) -> None:
    res = _reservation(ctx, args["id"])
    site, resource, member = _site_resource_member(ctx, res.resource_id, res.member_id)
    outcome = check_in(res, queries.policy(site, resource, member), args["at"],
                       received_at=ctx.now)
    if isinstance(outcome, Refusal):
        raise RefusedError(outcome)
    if outcome == res:
        return
    booking.write_reservation(ctx.conn, ctx.cs, ctx.site_id, outcome, ctx.now,
                              resource_name=resource.name, checkin_received_at=ctx.now)
    if res.status == ReservationStatus.NO_SHOW:
        _adjust_no_shows(ctx, res.member_id, -1)


def clear_no_show(ctx: Ctx, args: Mapping[str, Any]) -> None:
    res = _reservation(ctx, args["id"])
    if not res.no_show and res.status != ReservationStatus.NO_SHOW:
        return
    status = (ReservationStatus.CHECKED_IN if res.interval.end > ctx.now
              else ReservationStatus.COMPLETED)
    cleared = replace(res, status=status, no_show=False, checked_in_at=ctx.now)
    booking.write_reservation(ctx.conn, ctx.cs, ctx.site_id, cleared, ctx.now)
    _adjust_no_shows(ctx, res.member_id, -1)


def _entry(ctx: Ctx, entry_id: str) -> WaitlistEntry:
    row = _owned(queries.one(ctx.conn, t.reservation_waitlist, entry_id, lock=True), ctx,
                 "waitlist place")
    return records.waitlist_entry(row)


def join(ctx: Ctx, args: Mapping[str, Any]) -> None:
    if queries.one(ctx.conn, t.reservation_waitlist, args["id"]) is not None:
        raise refuse(RefusalCode.INVALID, "A waitlist place with this id already exists.")
    site, resource, member = _site_resource_member(ctx, args["resource_id"], args["member_id"])
    if not flags.enabled_for(ctx.conn, site.id, member.cohort):
        raise RefusedError(messages.flag_off(site.name))
    if member.status == MemberStatus.SUSPENDED:
        raise RefusedError(messages.suspended(member.no_show_count, None))
    entry = WaitlistEntry(args["id"], resource.id, member.id, _span(args), ctx.now)
    booking.write_waitlist(ctx.conn, ctx.cs, ctx.site_id, entry, insert=True)
    metrics.WAITLIST_JOINS.inc()


def leave(ctx: Ctx, args: Mapping[str, Any]) -> None:
    entry = _entry(ctx, args["id"])
    if entry.status == WaitlistStatus.LEFT:
        return
    if entry.status not in (WaitlistStatus.WAITING, WaitlistStatus.OFFERED):
        raise refuse(RefusalCode.NOT_FOUND, f"This waitlist place is {entry.status}.")
    booking.write_waitlist(ctx.conn, ctx.cs, ctx.site_id,
                           replace(entry, status=WaitlistStatus.LEFT))
    if entry.status == WaitlistStatus.OFFERED:
        _free(ctx, entry.resource_id, entry.interval)


def claim(ctx: Ctx, args: Mapping[str, Any]) -> None:
    entry = _entry(ctx, args["id"])
    claimed = waitlist.claim(entry, ctx.now)
    if isinstance(claimed, Refusal):
        raise RefusedError(claimed)
    res_id = claim_reservation_id(entry.id, args.get("reservation_id"))
    _book(ctx, Reservation(res_id, entry.resource_id, entry.member_id, entry.interval,
                           created_at=ctx.now, via="waitlist"))
    booking.write_waitlist(ctx.conn, ctx.cs, ctx.site_id, claimed, reservation_id=res_id)
    metrics.WAITLIST_CONVERSIONS.inc()


HANDLERS: dict[str, Callable[[Ctx, Mapping[str, Any]], None]] = {
    "reservation.create": create,
    "reservation.cancel": cancel,
    "reservation.move": move,
    "reservation.check_in": do_check_in,
    "reservation.clear_no_show": clear_no_show,
    "waitlist.join": join,
    "waitlist.leave": leave,
    "waitlist.claim": claim,
}
