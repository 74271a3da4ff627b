"""Decisions on the waitlist: joining, leaving, claiming an offer, and the job that
lets lapsed offers pass to the next in line.

A member may only wait for a slot that is taken (anything else that stands in the way is
told as it is, and a free slot is booked, not waited for), once per slot. Leaving while an
offer is held passes the slot on at once. A claim books the held slot as the member
(judged like any booking, the member's own hold set aside).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime
from itertools import groupby

from kiosk.core import messages, waitlist
from kiosk.core.booking import judge
from kiosk.core.decisions.bookings import context
from kiosk.core.decisions.freeing import free, with_holds
from kiosk.core.decisions.state import Effects, Loaded
from kiosk.core.model import Reservation, ReservationStatus, WaitlistEntry, WaitlistStatus
from kiosk.core.mutations import ClaimOffer, JoinWaitlist, LeaveWaitlist, claim_reservation_id
from kiosk.core.refusals import Refusal, RefusalCode


def join(m: JoinWaitlist, s: Loaded) -> Refusal | Effects:
    if s.taken:
        return messages.id_taken("waitlist place", m.id)
    ctx = context(s)
    if isinstance(ctx, Refusal):
        return ctx
    refusal = judge(with_holds(ctx, s.waitlist, m.member_id), m.span)
    if refusal is None:
        return messages.refuse("slot_free")
    if refusal.code != RefusalCode.CONFLICT:
        return refusal
    if any(e.member_id == m.member_id and e.interval.overlaps(m.span) for e in s.waitlist):
        return messages.refuse("already_waiting")
    entry = WaitlistEntry(m.id, m.resource_id, m.member_id, m.span, s.now)
    return Effects(waitlist_inserted=(entry,))


def _entry(s: Loaded, ident: str) -> WaitlistEntry | Refusal:
    return s.entry if s.entry is not None else messages.not_found("waitlist place", ident)


def leave(m: LeaveWaitlist, s: Loaded) -> Refusal | Effects:
    """Leave the line (left already: nothing changes). A held slot passes on."""
    entry = _entry(s, m.id)
    if isinstance(entry, Refusal):
        return entry
    if entry.status == WaitlistStatus.LEFT:
        return Effects()
    if entry.status not in (WaitlistStatus.WAITING, WaitlistStatus.OFFERED):
        return messages.refuse("waitlist_closed", status=str(entry.status))
    gone = replace(entry, status=WaitlistStatus.LEFT)
    effects = Effects(waitlist_updated=(gone,))
    ctx = context(s)
    if entry.status != WaitlistStatus.OFFERED or isinstance(ctx, Refusal):
        return effects
    rest = [gone if e.id == gone.id else e for e in s.waitlist]
    hold = ctx.policy.waitlist_hold_minutes
    return effects | free(entry.resource_id, [entry.interval], rest, s.now, hold)


def claim(m: ClaimOffer, s: Loaded) -> Refusal | Effects:
    entry = _entry(s, m.id)
    if isinstance(entry, Refusal):
        return entry
    claimed = waitlist.claim(entry, s.now)
    if isinstance(claimed, Refusal):
        return claimed
    booking_id = claim_reservation_id(m)
    if s.taken:
        return messages.id_taken("booking", booking_id)
    ctx = context(s)
    if isinstance(ctx, Refusal):
        return ctx
    refusal = judge(with_holds(ctx, s.waitlist, entry.member_id), entry.interval)
    if refusal is not None:
        return refusal
    record = Reservation(booking_id, entry.resource_id, entry.member_id, entry.interval,
                         ReservationStatus.CONFIRMED, created_at=s.now, via="waitlist")
    return Effects(inserted=(record,), waitlist_updated=(claimed,))


def offer_expiry(entries: Iterable[WaitlistEntry], hold_for: Callable[[str], int],
                 now: datetime) -> Effects:
    """Expire offers whose hold ran out and offer each slot to the next in line
    (``entries``: the open places of the resources concerned; ``hold_for(resource id)``
    the hold in minutes)."""
    effects = Effects()
    ordered = sorted(entries, key=lambda e: e.resource_id)
    for resource_id, group in groupby(ordered, key=lambda e: e.resource_id):
        expired, offered = waitlist.pass_on(list(group), now, hold_for(resource_id))
        effects = effects | Effects(waitlist_updated=(*expired, *offered),
                                    offers=tuple(offered))
    return effects
