"""What became of a demo booking by ``now``, by the core's own check-in and no-show rules:
cancelled; checked in inside its window (and completed once over); a no-show once its
window closed without a check-in; else still confirmed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from kiosk.core import checkin
from kiosk.core.model import Reservation, ReservationStatus
from kiosk.core.policy import BookingPolicy
from kiosk.core.refusals import Refusal

#: Shares of the rolls: cancelled, then not come (a no-show once the window closes).
CANCELLED_SHARE = 0.08
NOT_COME_SHARE = 0.10


def settle(booking: Reservation, policy: BookingPolicy, now: datetime, *, roll: float,
           arrival: int | None, may_miss: bool) -> Reservation:
    """``booking`` (as made) as it stands at ``now``. ``roll`` in [0, 1) picks cancelled or
    not come; ``arrival`` is when a member who comes checks in (minutes after the start,
    inside the window; None: has not come); ``may_miss`` False makes a member who was to
    miss it come after all (their no-show count has no room for another)."""
    if roll < CANCELLED_SHARE:
        return replace(booking, status=ReservationStatus.CANCELLED)
    stays_away = roll < CANCELLED_SHARE + NOT_COME_SHARE and may_miss
    if arrival is not None and not stays_away:
        at = booking.interval.start + timedelta(minutes=arrival)
        if at <= now:
            done = checkin.check_in(booking, policy, at, received_at=now)
            if isinstance(done, Refusal):
                raise RuntimeError(f"demo check-in outside its window: {done.message}")
            if done.interval.end <= now:
                return replace(done, status=ReservationStatus.COMPLETED)
            return done
    swept = checkin.no_show_sweep([booking], lambda _resource_id: policy, now)
    return swept[0] if swept else booking
