"""The waitlist: first come, first served per resource and time slot, with timed offers.

When a slot frees, the first waiting entry whose interval fits inside it is offered the
slot, held for ``waitlist_hold_minutes``; an offer not claimed in time expires and the
slot passes to the next in line. While an offer is held, ``offer_holds`` turns it into a
busy interval so nobody else books the slot from under the person it is held for.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from kiosk.core import messages
from kiosk.core.errors import InvalidInput
from kiosk.core.localtime import to_local
from kiosk.core.model import (
    Interval,
    Reservation,
    ReservationStatus,
    WaitlistEntry,
    WaitlistStatus,
    require_utc,
)
from kiosk.core.refusals import Refusal

_IN_LINE = frozenset({WaitlistStatus.WAITING, WaitlistStatus.OFFERED})


def queue(entries: Iterable[WaitlistEntry]) -> list[WaitlistEntry]:
    """Waiting and offered entries, first come first served by ``(created_at, id)``."""
    return sorted((e for e in entries if e.status in _IN_LINE), key=lambda e: (e.created_at, e.id))


def position(entries: Iterable[WaitlistEntry], entry_id: str) -> int | None:
    """1-based place of an entry among those in line for the same resource whose interval
    overlaps its own; None when it is not in line."""
    line = queue(entries)
    me = next((e for e in line if e.id == entry_id), None)
    if me is None:
        return None
    ahead = [
        e for e in line
        if e.resource_id == me.resource_id and e.interval.overlaps(me.interval)
    ]
    return ahead.index(me) + 1


def _holding(entry: WaitlistEntry, now: datetime) -> bool:
    return (
        entry.status == WaitlistStatus.OFFERED
        and entry.offer_expires_at is not None
        and now < entry.offer_expires_at
    )


def offer_next(
    entries: Iterable[WaitlistEntry], freed: Interval, now: datetime, hold_minutes: int
) -> WaitlistEntry | None:
    """The first waiting entry whose interval fits inside ``freed`` and is not already
    held for someone else, returned as OFFERED until ``now + hold_minutes``. Pass the
    entries of the freed slot's resource only."""
    now = require_utc(now, "now")
    if type(hold_minutes) is not int or hold_minutes < 1:
        raise InvalidInput(f"hold_minutes must be a whole number ≥ 1, not {hold_minutes!r}")
    line = queue(entries)
    held = [e.interval for e in line if _holding(e, now)]
    for entry in line:
        fits = entry.status == WaitlistStatus.WAITING and freed.covers(entry.interval)
        if fits and not any(h.overlaps(entry.interval) for h in held):
            expires = now + timedelta(minutes=hold_minutes)
            return replace(
                entry, status=WaitlistStatus.OFFERED, offered_at=now, offer_expires_at=expires
            )
    return None


def expire_offers(entries: Iterable[WaitlistEntry], now: datetime) -> list[WaitlistEntry]:
    """Offers whose hold has run out, returned as EXPIRED (their slots pass on: call
    ``offer_next`` with each expired entry's interval)."""
    now = require_utc(now, "now")
    return [
        replace(e, status=WaitlistStatus.EXPIRED)
        for e in entries
        if e.status == WaitlistStatus.OFFERED and not _holding(e, now)
    ]


def pass_on(
    entries: Iterable[WaitlistEntry], now: datetime, hold_minutes: int
) -> tuple[list[WaitlistEntry], list[WaitlistEntry]]:
    """Expire lapsed offers and offer each freed slot to the next in line:
    ``(expired, newly offered)``, for one resource's entries."""
    current = {e.id: e for e in entries}
    expired = expire_offers(current.values(), now)
    offered: list[WaitlistEntry] = []
    for gone in expired:
        current[gone.id] = gone
        nxt = offer_next(current.values(), gone.interval, now, hold_minutes)
        if nxt is not None:
            current[nxt.id] = nxt
            offered.append(nxt)
    return expired, offered


def offer_holds(
    entries: Iterable[WaitlistEntry], now: datetime, *, except_member: str | None = None
) -> list[Reservation]:
    """Held offers as busy intervals (ids ``"hold:<entry id>"``), to add to
    ``BookingContext.busy`` for everyone but the member the slot is held for."""
    now = require_utc(now, "now")
    return [
        Reservation(f"hold:{e.id}", e.resource_id, e.member_id, e.interval,
                    ReservationStatus.PENDING, created_at=e.offered_at)
        for e in entries
        if _holding(e, now) and e.member_id != except_member
    ]


def claim(entry: WaitlistEntry, now: datetime) -> WaitlistEntry | Refusal:
    """Claim a held offer (the caller then books the slot); refused when not offered or
    when the hold has run out."""
    now = require_utc(now, "now")
    if _holding(entry, now):
        return replace(entry, status=WaitlistStatus.CLAIMED)
    if entry.status in (WaitlistStatus.OFFERED, WaitlistStatus.EXPIRED):
        return messages.refuse("hold_lapsed")
    if entry.status == WaitlistStatus.WAITING:
        return messages.refuse("not_offered_yet")
    return messages.refuse("waitlist_closed", status=str(entry.status))


def _waiting_sentence(position: int | None) -> str:
    if position is None:
        return ("You are on the waitlist: if the slot frees up and it is your turn, "
                "we will hold it for you and email you.")
    if position == 1:
        return ("You are first in line: if the slot frees up we will hold it for you "
                "and email you, and you can claim it here too.")
    return (f"You are number {position} in line: if the slot frees up and the "
            f"{position - 1} ahead of you pass, we will hold it for you and email you.")


_ENDED = {
    WaitlistStatus.CLAIMED: "You claimed this slot: it is now one of your bookings.",
    WaitlistStatus.EXPIRED: (
        "The hold on this slot ran out and it passed on; you can join the waitlist again."
    ),
}


def what_happens_next(
    entry: WaitlistEntry, position: int | None, *, zone_name: str | None = None
) -> str:
    """One plain sentence telling the member where they stand and what comes next."""
    if entry.status == WaitlistStatus.OFFERED and entry.offer_expires_at is not None:
        until = entry.offer_expires_at
        shown = f"{to_local(zone_name, until):%H:%M}" if zone_name else f"{until:%H:%M} UTC"
        return f"The slot is free and held for you until {shown}: claim it now to book it."
    if entry.status == WaitlistStatus.WAITING:
        return _waiting_sentence(position)
    return _ENDED.get(
        entry.status, "You are no longer on the waitlist for this slot; you can join it again."
    )
