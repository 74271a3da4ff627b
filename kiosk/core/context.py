"""What a booking is judged against, and the rule checks shared by booking and slots.

``BookingContext`` is re-exported by ``kiosk.core.booking`` (its documented home); it
lives here so that ``slots`` can use the same checks without an import cycle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.core import messages
from kiosk.core.errors import InvalidInput
from kiosk.core.localtime import local_date, to_local, zone
from kiosk.core.model import (
    Closure,
    Interval,
    Member,
    MemberStatus,
    Reservation,
    Resource,
    Site,
    require_utc,
)
from kiosk.core.policy import BookingPolicy
from kiosk.core.refusals import Refusal


@dataclass(frozen=True, slots=True)
class BookingContext:
    """Everything ``check_booking`` reads. ``busy`` holds the resource's active reservations
    that could conflict (at least those within ``buffer`` of the request), excluding the
    reservation being moved, if any. ``member_active`` is the member's active reservations
    that count toward ``max_active_per_member`` (ending after ``now``).

    Alternatives offered with a refusal are searched in ``busy`` too: load the resource's
    reservations over ``slots.search_window(...)`` to make them reliable (the booking of an
    alternative is checked again anyway)."""

    site: Site
    resource: Resource
    member: Member
    policy: BookingPolicy
    now: datetime
    busy: Sequence[Reservation]
    closures: Sequence[Closure] = ()
    member_active: int = 0
    flag_enabled: bool = True


def validate(ctx: object) -> BookingContext:
    """Refuse a context that is not one, or whose clock or zone is unusable."""
    if not isinstance(ctx, BookingContext):
        raise InvalidInput(f"expected a BookingContext, not {type(ctx).__name__}")
    for name, value, kind in (
        ("site", ctx.site, Site), ("resource", ctx.resource, Resource),
        ("member", ctx.member, Member), ("policy", ctx.policy, BookingPolicy),
    ):
        if not isinstance(value, kind):
            raise InvalidInput(f"{name} must be a {kind.__name__}, not {type(value).__name__}")
    require_utc(ctx.now, "now")
    zone(ctx.site.timezone)
    return ctx


def eligibility(ctx: BookingContext) -> Refusal | None:
    """Who-and-what checks, in order: flag, suspended member, badge, inactive resource."""
    member, resource, policy = ctx.member, ctx.resource, ctx.policy
    if not ctx.flag_enabled:
        return messages.flag_off(ctx.site.name)
    if member.status == MemberStatus.SUSPENDED:
        return messages.suspended(member.no_show_count, None)
    if 0 < policy.no_show_suspend_after <= member.no_show_count:
        return messages.suspended(member.no_show_count, policy.no_show_suspend_after)
    if resource.required_badge and resource.required_badge not in member.badges:
        return messages.badge_missing(resource.name, resource.required_badge)
    if not resource.active:
        return messages.resource_inactive(resource.name, resource.kind)
    return None


def latest_start(ctx: BookingContext) -> datetime:
    """The latest start a member may book (``max_days_ahead`` after now)."""
    return ctx.now + timedelta(days=ctx.policy.max_days_ahead)


def timing(ctx: BookingContext, requested: Interval, *, staff: bool) -> Refusal | None:
    """Start in the past; too far ahead (members only)."""
    if requested.start < ctx.now:
        return messages.in_past()
    if not staff and requested.start > latest_start(ctx):
        last_day = local_date(ctx.site.timezone, latest_start(ctx)).isoformat()
        return messages.too_far_ahead(ctx.policy.max_days_ahead, last_day)
    return None


def on_grid(zone_name: str, instant: datetime, slot_minutes: int) -> bool:
    """Whether ``instant`` falls on the local wall-clock grid of ``slot_minutes``."""
    local = to_local(zone_name, instant)
    if local.second or local.microsecond:
        return False
    return (local.hour * 60 + local.minute) % slot_minutes == 0


def length_refusal(ctx: BookingContext, length: timedelta) -> Refusal | None:
    """Whole slots of real elapsed time, then minimum and maximum length."""
    policy, name = ctx.policy, ctx.resource.name
    seconds = length.total_seconds()
    if seconds % (policy.slot_minutes * 60):
        return messages.not_whole_slots(name, policy.slot_minutes, int(seconds // 60))
    if seconds < policy.min_minutes * 60:
        return messages.too_short(name, policy.min_minutes)
    if seconds > policy.max_minutes * 60:
        return messages.too_long(name, policy.max_minutes)
    return None


def shape(ctx: BookingContext, requested: Interval) -> Refusal | None:
    """Slot grid (local wall clock), whole slots, minimum and maximum length."""
    if not on_grid(ctx.site.timezone, requested.start, ctx.policy.slot_minutes):
        return messages.off_grid(ctx.resource.name, ctx.policy.slot_minutes)
    return length_refusal(ctx, requested.duration)
