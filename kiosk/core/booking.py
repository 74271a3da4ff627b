"""Judging a booking request against a resource's policy, the site's calendar and the
existing reservations. Pure: the caller (kiosk store or central server) loads the data in
the same transaction that will write the booking, then calls ``check_booking``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from kiosk.core import hours, messages
from kiosk.core.context import BookingContext, eligibility, shape, timing, validate
from kiosk.core.errors import InvalidInput
from kiosk.core.model import Interval, Reservation
from kiosk.core.refusals import Refusal
from kiosk.core.slots import SUGGEST_FOR, next_free_slots

__all__ = ["BookingContext", "check_booking", "conflicts", "judge"]


def _require_interval(requested: object) -> Interval:
    if not isinstance(requested, Interval):
        raise InvalidInput(f"requested must be an Interval, not {type(requested).__name__}")
    return requested


def _calendar(ctx: BookingContext, requested: Interval) -> Refusal | None:
    """Opening hours, then closures."""
    if not hours.within_hours(ctx.site.timezone, ctx.policy.opening_hours, requested):
        return messages.outside_hours(ctx.resource.name)
    closure = hours.closing(ctx.closures, ctx.site.id, ctx.resource.id, requested)
    if closure is not None:
        return messages.closed(ctx.resource.name, closure.reason)
    return None


def _member_limit(ctx: BookingContext) -> Refusal | None:
    active = ctx.member_active
    if isinstance(active, bool) or not isinstance(active, int) or active < 0:
        raise InvalidInput(f"member_active must be a whole number ≥ 0, not {active!r}")
    if active >= ctx.policy.max_active_per_member:
        return messages.member_limit(active, ctx.policy.max_active_per_member)
    return None


def _conflict(ctx: BookingContext, requested: Interval) -> Refusal | None:
    clashing = conflicts(requested, ctx.busy, ctx.policy.buffer_minutes)
    if not clashing:
        return None
    if any(r.interval.overlaps(requested) for r in clashing):
        return messages.taken(ctx.resource.name)
    return messages.too_close(ctx.resource.name, ctx.policy.buffer_minutes)


def judge(ctx: BookingContext, requested: Interval, *, staff: bool = False) -> Refusal | None:
    """Return ``None`` if ``requested`` may be booked, else the first refusal, in this order:
    flag, member suspended, training/badge, resource inactive, past start, too far ahead,
    granularity, min/max duration, opening hours, closures, member limit, conflict.
    ``staff`` bookings skip the how-far-ahead and member-limit checks."""
    validate(ctx)
    _require_interval(requested)
    refusal = eligibility(ctx) or timing(ctx, requested, staff=staff) or shape(ctx, requested)
    if refusal is not None:
        return refusal
    refusal = _calendar(ctx, requested)
    if refusal is None and not staff:
        refusal = _member_limit(ctx)
        if refusal is not None:
            return refusal
    return refusal or _conflict(ctx, requested)


def check_booking(
    ctx: BookingContext, requested: Interval, *, staff: bool = False
) -> Refusal | None:
    """``judge``, with the next free slots of the same length attached to a refusal that
    has them (hours, closures, conflicts: ``slots.SUGGEST_FOR``), for a person to pick.
    Suggestions are only as good as ``ctx.busy``: load it over ``slots.search_window``."""
    refusal = judge(ctx, requested, staff=staff)
    if refusal is None or refusal.code not in SUGGEST_FOR:
        return refusal
    return refusal.with_alternatives(next_free_slots(ctx, requested, staff=staff))


def conflicts(
    requested: Interval, busy: Sequence[Reservation], buffer_minutes: int
) -> list[Reservation]:
    """Active reservations in ``busy`` that overlap ``requested`` or come within the buffer.

    One pass, no allocation per row: ``r`` clashes when
    ``r.start < requested.end + buffer`` and ``requested.start - buffer < r.end``."""
    _require_interval(requested)
    if type(buffer_minutes) is not int or buffer_minutes < 0:
        raise InvalidInput(f"buffer_minutes must be a whole number ≥ 0, not {buffer_minutes!r}")
    buffer = timedelta(minutes=buffer_minutes)
    low, high = requested.start - buffer, requested.end + buffer
    return [r for r in busy if r.active and r.interval.start < high and low < r.interval.end]
