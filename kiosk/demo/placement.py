"""Where and when the demo's members would book: random bookings on each resource's local
slot grid inside its opening hours, each with the moment it was made and the rolls that
decide who makes it and what becomes of it.

Nothing here decides whether a booking is allowed: ``ledger`` puts every candidate to the
core's create decision as of the moment it was made. Candidates only leave out what could
never have been booked (a span in a DST gap, a booking made after ``now``, or made further
ahead than the booking horizon), so that few are wasted.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from kiosk.core import localtime
from kiosk.core.model import Interval, Member, Resource
from kiosk.core.mutations import Via
from kiosk.core.policy import BookingPolicy

#: How long before its start a booking was made: (share, shortest, longest) in minutes;
#: the longest is capped by the booking horizon. Most bookings are made a few days ahead,
#: so the calendar fills up as a day comes closer.
LEAD_TIMES = ((0.3, 20, 8 * 60), (0.5, 8 * 60, 5 * 1440), (0.2, 5 * 1440, 28 * 1440))
#: Share of bookings made on the web (the rest at the kiosk).
WEB_SHARE = 0.6


@dataclass(frozen=True, slots=True)
class Candidate:
    """A booking someone may have made at ``created_at``. ``member`` is None when the
    ledger picks whoever has room (starting at ``pick``); ``roll`` and ``arrival`` (minutes
    after the start the member checked in; None: has not come) decide its fate."""

    created_at: datetime
    order: int
    resource: Resource
    span: Interval
    via: Via
    roll: float
    arrival: int | None
    pick: int = 0
    member: Member | None = None
    ident: str | None = None

    @property
    def key(self) -> tuple[datetime, int, datetime]:
        """Replay order: when it was made, then a fixed tie-break."""
        return (self.created_at, self.order, self.span.start)


def day_spans(zone_name: str, policy: BookingPolicy, day: date, rng: random.Random,
              density: float) -> Iterator[Interval]:
    """Random bookings on ``day`` inside the resource's opening hours, on its slot grid,
    whole slots long, never closer to each other than its buffer."""
    for opens, closes in policy.opening_hours.spans_on(day.weekday()):
        minute = opens
        while minute + policy.min_minutes <= closes:
            slots = rng.randint(policy.min_minutes // policy.slot_minutes,
                                max(policy.min_minutes, min(policy.max_minutes, 240))
                                // policy.slot_minutes)
            length = slots * policy.slot_minutes
            if rng.random() < density and minute + length <= closes:
                span = wall_span(zone_name, day, minute, length)
                if span is not None:
                    yield span
                    minute += length + policy.buffer_minutes
                    minute += -minute % policy.slot_minutes
                    continue
            minute += policy.slot_minutes


def wall_span(zone_name: str, day: date, minute: int, length: int) -> Interval | None:
    """The booking from local ``minute`` for ``length`` wall-clock minutes (the earlier
    instant when the clock reads it twice), or None if its start or end falls in a DST gap
    (the demo simply leaves those slots free)."""
    start, end = _instant(zone_name, day, minute), _instant(zone_name, day, minute + length)
    if start is None or end is None or end <= start:
        return None
    return Interval(start, end)


@lru_cache(maxsize=1 << 16)
def _instant(zone_name: str, day: date, minute: int) -> datetime | None:
    """The (earlier) instant the wall clock reads ``minute`` after ``day``'s midnight;
    None in a DST gap. Remembered: every resource asks for the same grid."""
    try:
        return localtime.to_utc(zone_name, local_minute(day, minute), fold=0)
    except localtime.NonexistentLocalTime:
        return None


def local_minute(day: date, minute: int) -> datetime:
    # Naive on purpose: a local wall-clock reading that localtime.to_utc resolves.
    return datetime(day.year, day.month, day.day) + timedelta(minutes=minute)  # noqa: DTZ001


def made_at(span: Interval, policy: BookingPolicy, rng: random.Random, now: datetime,
            since: datetime | None) -> datetime | None:
    """When a member made the booking of ``span``: a lead time before its start, within
    the booking horizon, to the second. None when that moment is still to come at
    ``now``. ``since`` (if given) is the earliest moment allowed: an earlier one is folded
    into ``[since, start)``."""
    horizon = policy.max_days_ahead * 86_400
    shortest, longest = _lead_range(rng.random())
    lead = min(rng.randint(shortest * 60, max(shortest, longest) * 60), horizon)
    created = span.start - timedelta(seconds=lead)
    if since is not None and created < since:
        room = int((span.start - since).total_seconds())
        if room < 1:
            return None
        created = since + timedelta(seconds=int((since - created).total_seconds()) % room)
    return created if created <= now else None


def _lead_range(roll: float) -> tuple[int, int]:
    for share, shortest, longest in LEAD_TIMES:
        if roll < share:
            return shortest, longest
        roll -= share
    return LEAD_TIMES[-1][1:]


def candidates(zone_name: str, resource: Resource, policy: BookingPolicy, days: list[date],
               rng: random.Random, *, order: int, density: float, now: datetime,
               since: datetime | None = None) -> Iterator[Candidate]:
    """The candidate bookings of ``resource`` over ``days``."""
    for day in days:
        for span in day_spans(zone_name, policy, day, rng, density):
            created = made_at(span, policy, rng, now, since)
            via = Via.WEB if rng.random() < WEB_SHARE else Via.KIOSK
            roll, arrival, pick = rng.random(), _arrival(policy, rng), rng.getrandbits(32)
            if created is not None:
                yield Candidate(created, order, resource, span, via, roll, arrival, pick)


def _arrival(policy: BookingPolicy, rng: random.Random) -> int:
    """Minutes after the start a member who comes checks in: inside the check-in window."""
    return rng.randint(-policy.checkin_before_minutes, max(0, policy.checkin_grace_minutes - 1))
