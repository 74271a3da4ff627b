"""What every decision that gives time back shares: which part of it is free from now
on, and who on the waitlist is offered it. Held offers also block others' bookings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime

from kiosk.core import waitlist
from kiosk.core.booking import BookingContext
from kiosk.core.decisions.state import Effects, Freed
from kiosk.core.model import Interval, WaitlistEntry


def future_part(interval: Interval, now: datetime) -> Interval | None:
    """The part of ``interval`` from ``now`` on (None when it is over)."""
    if interval.end <= now:
        return None
    return Interval(max(interval.start, now), interval.end)


def uncovered(old: Interval, new: Interval) -> list[Interval]:
    """The parts of ``old`` that ``new`` no longer covers."""
    if not old.overlaps(new):
        return [old]
    parts = []
    if old.start < new.start:
        parts.append(Interval(old.start, new.start))
    if new.end < old.end:
        parts.append(Interval(new.end, old.end))
    return parts


def with_holds(ctx: BookingContext, entries: Iterable[WaitlistEntry],
               member_id: str) -> BookingContext:
    """``ctx`` with the slots held for other members' offers counted as busy."""
    holds = waitlist.offer_holds(entries, ctx.now, except_member=member_id)
    return replace(ctx, busy=[*ctx.busy, *holds]) if holds else ctx


def free(resource_id: str, parts: Sequence[Interval], entries: Iterable[WaitlistEntry],
         now: datetime, hold_minutes: int) -> Effects:
    """Give ``parts`` back (their future only) and offer each to the first waiting place
    that fits in it, first come first served; an entry is offered at most once."""
    current = {e.id: e for e in entries}
    freed: list[Freed] = []
    offers: list[WaitlistEntry] = []
    for part in parts:
        ahead = future_part(part, now)
        if ahead is None:
            continue
        freed.append(Freed(resource_id, ahead))
        offer = waitlist.offer_next(current.values(), ahead, now, hold_minutes)
        if offer is not None:
            current[offer.id] = offer
            offers.append(offer)
    return Effects(waitlist_updated=tuple(offers), freed=tuple(freed), offers=tuple(offers))
