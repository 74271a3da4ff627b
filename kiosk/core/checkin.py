"""Check-in windows, check-ins (also offline ones that arrive late) and no-shows.

The window is ``[start − checkin_before, start + grace)``. A reservation still not
checked in when the window closes is a no-show. An offline check-in is judged by the
time it happened (``at``, bounded by when it was received and when the booking was
made), not by when it reached the server, so a member who was there is never punished
for a network outage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from kiosk.core import messages
from kiosk.core.model import Interval, Reservation, ReservationStatus, require_utc
from kiosk.core.policy import BookingPolicy
from kiosk.core.refusals import Refusal

#: A window must be open for at least this long, even with a grace of zero.
_MIN_GRACE = timedelta(minutes=1)
_UNCHECKED = frozenset({ReservationStatus.PENDING, ReservationStatus.CONFIRMED})


class CheckInState(StrEnum):
    NOT_YET = "not_yet"
    OPEN = "open"
    CLOSED = "closed"
    DONE = "done"
    INACTIVE = "inactive"


@dataclass(frozen=True, slots=True)
class CheckInStatus:
    state: CheckInState
    window: Interval


def checkin_window(interval: Interval, policy: BookingPolicy) -> Interval:
    """``[start − checkin_before, start + grace)``; a zero grace still leaves one minute."""
    before = timedelta(minutes=policy.checkin_before_minutes)
    grace = max(timedelta(minutes=policy.checkin_grace_minutes), _MIN_GRACE)
    return Interval(interval.start - before, interval.start + grace)


def checkin_status(reservation: Reservation, policy: BookingPolicy, now: datetime) -> CheckInStatus:
    """Where a reservation stands for check-in at ``now``."""
    now = require_utc(now, "now")
    window = checkin_window(reservation.interval, policy)
    if reservation.status == ReservationStatus.CHECKED_IN:
        state = CheckInState.DONE
    elif reservation.status not in _UNCHECKED:
        state = CheckInState.INACTIVE
    elif now < window.start:
        state = CheckInState.NOT_YET
    elif now < window.end:
        state = CheckInState.OPEN
    else:
        state = CheckInState.CLOSED
    return CheckInStatus(state, window)


def effective_at(reservation: Reservation, at: datetime, received_at: datetime | None) -> datetime:
    """``at`` bounded by receipt (a kiosk clock ahead of time) and creation (behind):
    kiosk clocks are reported, never trusted."""
    at = require_utc(at, "at")
    if received_at is not None:
        at = min(at, require_utc(received_at, "received_at"))
    if reservation.created_at is not None:
        at = max(at, reservation.created_at)
    return at


def _window_refusal(at: datetime, window: Interval, policy: BookingPolicy) -> Refusal:
    if at < window.start:
        return messages.refuse("checkin_not_open", before=policy.checkin_before_minutes)
    return messages.refuse("checkin_closed", grace=policy.checkin_grace_minutes)


def check_in(
    reservation: Reservation, policy: BookingPolicy, at: datetime, *,
    received_at: datetime | None = None,
) -> Reservation | Refusal:
    """The reservation checked in at ``at`` (no-show flag cleared), or why not.

    A check-in whose ``at`` lies inside the window is honoured however late it is
    received, even after the no-show sweep. Checking in twice returns the reservation
    unchanged."""
    status = reservation.status
    if status == ReservationStatus.CANCELLED:
        return messages.refuse("checkin_cancelled")
    if status == ReservationStatus.CHECKED_IN:
        return reservation
    at = effective_at(reservation, at, received_at)
    window = checkin_window(reservation.interval, policy)
    if status == ReservationStatus.COMPLETED or not window.contains(at):
        return _window_refusal(at, window, policy)
    return replace(
        reservation, status=ReservationStatus.CHECKED_IN, checked_in_at=at, no_show=False
    )


def open_for_checkin(
    reservations: Iterable[Reservation], policy_for: Callable[[str], BookingPolicy],
    now: datetime,
) -> list[Reservation]:
    """The reservations one scan at ``now`` checks in to (window open, not checked in)."""
    return [
        r for r in reservations
        if checkin_status(r, policy_for(r.resource_id), now).state == CheckInState.OPEN
    ]


def is_no_show(reservation: Reservation, policy: BookingPolicy, now: datetime) -> bool:
    """Still unchecked (pending/confirmed) when the window has closed."""
    return checkin_status(reservation, policy, now).state == CheckInState.CLOSED


def no_show_sweep(
    reservations: Iterable[Reservation], policy_for: Callable[[str], BookingPolicy],
    now: datetime,
) -> list[Reservation]:
    """The no-shows at ``now``, already updated to status ``no_show`` with the flag set."""
    return [
        replace(r, status=ReservationStatus.NO_SHOW, no_show=True)
        for r in reservations
        if is_no_show(r, policy_for(r.resource_id), now)
    ]


def should_suspend(no_show_count: int, policy: BookingPolicy) -> bool:
    """Whether a member with this many no-shows is suspended (a limit of 0 never is)."""
    limit = policy.no_show_suspend_after
    return limit > 0 and no_show_count >= limit
