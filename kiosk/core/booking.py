"""Judging a booking request against a resource's policy, the site's calendar and the
existing reservations. Pure: the caller (kiosk store or central server) loads the data in
the same transaction that will write the booking, then calls ``check_booking``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from kiosk.core.model import Closure, Interval, Member, Reservation, Resource, Site
from kiosk.core.policy import BookingPolicy
from kiosk.core.refusals import Refusal


@dataclass(frozen=True, slots=True)
class BookingContext:
    """Everything ``check_booking`` reads. ``busy`` holds the resource's active reservations
    that could conflict (at least those within ``buffer`` of the request), excluding the
    reservation being moved, if any. ``member_active`` is the member's active reservations
    that count toward ``max_active_per_member`` (ending after ``now``)."""

    site: Site
    resource: Resource
    member: Member
    policy: BookingPolicy
    now: datetime
    busy: Sequence[Reservation]
    closures: Sequence[Closure] = ()
    member_active: int = 0
    flag_enabled: bool = True


def check_booking(ctx: BookingContext, requested: Interval, *, staff: bool = False) -> Refusal | None:
    """Return ``None`` if ``requested`` may be booked, else the first refusal, in this order:
    flag, member suspended, training/badge, resource inactive, past start, too far ahead,
    granularity, min/max duration, opening hours, closures, member limit, conflict.
    ``staff`` bookings skip the how-far-ahead and member-limit checks."""
    raise NotImplementedError


def conflicts(requested: Interval, busy: Sequence[Reservation], buffer_minutes: int) -> list[Reservation]:
    """Active reservations in ``busy`` that overlap ``requested`` or come within the buffer."""
    raise NotImplementedError
