"""Decisions on whether a member came: check-in, staff clearing a no-show, and the
no-show sweep (a job: the server's is authoritative, the kiosk runs the same offline).

A no-show costs the member one on their no-show count and gives the rest of the slot to
the waitlist. When a no-show is undone (an offline check-in from inside the window that
arrived late, or staff vouching for a late arrival) the count goes back down, and the
booking is active again only if its time is still free; if the slot went to someone
else meanwhile it stays over (completed), without the flag.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from kiosk.core import checkin
from kiosk.core.booking import BookingContext, conflicts
from kiosk.core.decisions.bookings import context, named
from kiosk.core.decisions.freeing import free, with_holds
from kiosk.core.decisions.state import Effects, Loaded
from kiosk.core.model import Reservation, ReservationStatus, WaitlistEntry
from kiosk.core.mutations import CheckIn, ClearNoShow
from kiosk.core.policy import BookingPolicy
from kiosk.core.refusals import Refusal


def _undo_no_show(record: Reservation, ctx: BookingContext, s: Loaded) -> Reservation:
    """``record`` (checked in, flag cleared) active again if its time is still free,
    else completed."""
    busy = with_holds(ctx, s.waitlist, record.member_id).busy
    if conflicts(record.interval, busy, ctx.policy.buffer_minutes):
        return replace(record, status=ReservationStatus.COMPLETED, no_show=False)
    return replace(record, status=ReservationStatus.CHECKED_IN, no_show=False)


def check_in(m: CheckIn, s: Loaded) -> Refusal | Effects:
    """Check in at ``at`` (bounded by when it arrived and when the booking was made),
    honoured however late it arrives if ``at`` was inside the window."""
    old = named(s, m.id)
    if isinstance(old, Refusal):
        return old
    ctx = context(s)
    if isinstance(ctx, Refusal):
        return ctx
    done = checkin.check_in(old, ctx.policy, m.at, received_at=s.now)
    if isinstance(done, Refusal) or done == old:
        return done if isinstance(done, Refusal) else Effects()
    if old.status != ReservationStatus.NO_SHOW:
        return Effects(updated=(done,))
    return Effects(updated=(_undo_no_show(done, ctx, s),), no_shows=((old.member_id, -1),))


def clear_no_show(m: ClearNoShow, s: Loaded) -> Refusal | Effects:
    """Staff vouch for a late arrival: the flag goes, the count goes down by one, and the
    booking counts as checked in at the last on-time moment (the end of its check-in
    window: a time both sides know, where "now" would differ between the kiosk that
    decided and the server that heard later). A booking without the flag stays as it is."""
    old = named(s, m.id)
    if isinstance(old, Refusal):
        return old
    if not old.no_show and old.status != ReservationStatus.NO_SHOW:
        return Effects()
    ctx = context(s)
    if isinstance(ctx, Refusal):
        return ctx
    if old.status != ReservationStatus.NO_SHOW:
        return Effects(updated=(replace(old, no_show=False),),
                       no_shows=((old.member_id, -1),))
    on_time = checkin.checkin_window(old.interval, ctx.policy).end
    vouched = replace(old, checked_in_at=old.checked_in_at or on_time)
    if old.interval.end <= s.now:
        done = replace(vouched, status=ReservationStatus.COMPLETED, no_show=False)
    else:
        done = _undo_no_show(vouched, ctx, s)
    return Effects(updated=(done,), no_shows=((old.member_id, -1),))


def no_show_sweep(candidates: Iterable[Reservation],
                  policy_for: Callable[[str], BookingPolicy],
                  waitlists: Mapping[str, Sequence[WaitlistEntry]], now: datetime) -> Effects:
    """Mark every candidate whose check-in window has closed without a check-in as a
    no-show: its member's count goes up by one and the rest of its slot goes to the
    waitlist (``waitlists``: the open places of each candidate's resource)."""
    effects = Effects()
    current = {rid: list(entries) for rid, entries in waitlists.items()}
    for marked in checkin.no_show_sweep(candidates, policy_for, now):
        hold = policy_for(marked.resource_id).waitlist_hold_minutes
        entries = current.get(marked.resource_id, [])
        freed = free(marked.resource_id, [marked.interval], entries, now, hold)
        offered = {e.id: e for e in freed.offers}
        current[marked.resource_id] = [offered.get(e.id, e) for e in entries]
        effects = effects | Effects(updated=(marked,), no_shows=((marked.member_id, 1),))
        effects = effects | freed
    return effects
