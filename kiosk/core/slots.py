"""Finding free time: free slots of a resource, alternatives for a refused request, the
first free slot among all resources of a kind, and ending a booking early.

Candidate starts lie on the slot grid of the *local* wall clock (on fall-back night both
01:00s are candidates, inside a spring-forward gap there are none); a candidate is free
when it starts in the window, not in the past (nor, for members, beyond
``max_days_ahead``), lies inside one run of open time, touches no closure and comes no
closer to an active reservation than the buffer. Free and blocked time are merged once
and each candidate is then checked by binary search.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta

from kiosk.core import hours, messages
from kiosk.core.context import BookingContext, eligibility, latest_start, length_refusal, validate
from kiosk.core.errors import InvalidInput
from kiosk.core.localtime import instants_for, local_date
from kiosk.core.model import Interval, Reservation, ReservationStatus, require_utc
from kiosk.core.refusals import Refusal, RefusalCode

#: How far after a refused request's start alternatives are looked for.
ALTERNATIVES_HORIZON = timedelta(days=7)
#: How far before it the nearest earlier free time is looked for (the free hour just
#: above a refused one is the obvious suggestion).
ALTERNATIVES_LOOKBACK = timedelta(hours=3)
#: Refusals a person gets free alternatives with: another time may well be allowed.
SUGGEST_FOR = frozenset({RefusalCode.CONFLICT, RefusalCode.OUTSIDE_HOURS})


def search_window(requested: Interval, buffer_minutes: int) -> Interval:
    """The span whose active reservations ``next_free_slots`` must see in ``busy``."""
    buffer = timedelta(minutes=buffer_minutes)
    return Interval(
        requested.start - ALTERNATIVES_LOOKBACK - requested.duration - buffer,
        requested.start + ALTERNATIVES_HORIZON + requested.duration + buffer,
    )


def _grid(zone_name: str, day: date, slot: int) -> list[datetime]:
    midnight = datetime.combine(day, time())
    found = [
        instant
        for minute in range(0, 1440, slot)
        for instant in instants_for(zone_name, midnight + timedelta(minutes=minute))
    ]
    found.sort()
    return found


def _candidates(zone_name: str, slot: int, first: datetime, last: datetime) -> Iterator[datetime]:
    """Grid instants in ``[first, last]``, soonest first."""
    day, final = local_date(zone_name, first), local_date(zone_name, last)
    while day <= final:
        for instant in _grid(zone_name, day, slot):
            if first <= instant <= last:
                yield instant
        day += timedelta(days=1)


def _blocked(ctx: BookingContext) -> tuple[list[hours.Span], list[datetime]]:
    buffer = timedelta(minutes=ctx.policy.buffer_minutes)
    spans = [
        (r.interval.start - buffer, r.interval.end + buffer) for r in ctx.busy if r.active
    ]
    for c in hours.applicable_closures(ctx.closures, ctx.site.id, ctx.resource.id):
        spans.append((c.interval.start, c.interval.end))
    return hours.blocked(spans)


def _require_duration(duration: object) -> timedelta:
    if not isinstance(duration, timedelta) or duration <= timedelta(0):
        raise InvalidInput(f"duration must be a positive timedelta, not {duration!r}")
    return duration


def _require_limit(limit: object) -> int:
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise InvalidInput(f"limit must be a whole number of at least 1, not {limit!r}")
    return limit


def free_slots(
    ctx: BookingContext, window: Interval, duration: timedelta, *, limit: int,
    staff: bool = False,
) -> list[Interval]:
    """Free intervals of ``duration`` *starting* inside ``window``, soonest first (at most
    ``limit``). A duration the policy does not allow gives no slots."""
    validate(ctx)
    if not isinstance(window, Interval):
        raise InvalidInput(f"window must be an Interval, not {type(window).__name__}")
    length, limit = _require_duration(duration), _require_limit(limit)
    first = max(window.start, ctx.now)
    last = window.end - timedelta(microseconds=1)
    if not staff:
        last = min(last, latest_start(ctx))
    if length_refusal(ctx, length) is not None or last < first:
        return []
    zone_name = ctx.site.timezone
    opens = hours.open_spans(zone_name, ctx.policy.opening_hours, Interval(first, last + length))
    open_starts = [s for s, _ in opens]
    busy, busy_ends = _blocked(ctx)
    found: list[Interval] = []
    for start in _candidates(zone_name, ctx.policy.slot_minutes, first, last):
        wanted = (start, start + length)
        if hours.covered(opens, open_starts, wanted) and not hours.hits(busy, busy_ends, wanted):
            found.append(Interval(*wanted))
            if len(found) == limit:
                break
    return found


def next_free_slots(
    ctx: BookingContext, requested: Interval, *, limit: int = 3, staff: bool = False
) -> tuple[Interval, ...]:
    """The free slots of the same length as ``requested`` nearest to it, nearest first:
    the next ones from its start (within ``ALTERNATIVES_HORIZON``) and the closest
    earlier one (within ``ALTERNATIVES_LOOKBACK``, not in the past)."""
    if not isinstance(requested, Interval):
        raise InvalidInput(f"requested must be an Interval, not {type(requested).__name__}")
    window = Interval(requested.start, requested.start + ALTERNATIVES_HORIZON)
    later = free_slots(ctx, window, requested.duration, limit=limit, staff=staff)
    before = Interval(requested.start - ALTERNATIVES_LOOKBACK, requested.start)
    steps = ALTERNATIVES_LOOKBACK // timedelta(minutes=ctx.policy.slot_minutes) + 2
    earlier = free_slots(ctx, before, requested.duration, limit=steps, staff=staff)
    found = later + earlier[-1:]
    found.sort(key=lambda s: (abs(s.start - requested.start), s.start))
    return tuple(found[:limit])


def first_free_among(
    contexts: Sequence[BookingContext], duration: timedelta, after: datetime, *,
    limit: int = 5, until: datetime | None = None,
) -> list[tuple[str, Interval]]:
    """``(resource id, slot)`` pairs, soonest first, across resources the member may book
    (flag on, not suspended, badge held, resource active); slots start in
    ``[after, until)`` (``until`` defaults to ``after + ALTERNATIVES_HORIZON``)."""
    after = require_utc(after, "after")
    window = Interval(after, require_utc(until, "until") if until else after + ALTERNATIVES_HORIZON)
    limit = _require_limit(limit)
    found: list[tuple[str, Interval]] = []
    for ctx in contexts:
        if eligibility(validate(ctx)) is None:
            slots = free_slots(ctx, window, duration, limit=limit)
            found.extend((ctx.resource.id, s) for s in slots)
    found.sort(key=lambda pair: (pair[1].start, pair[0]))
    return found[:limit]


def end_early(reservation: Reservation, now: datetime) -> Interval | Refusal:
    """The shortened interval ``[start, now)`` of a running reservation; the rest of the
    slot becomes free. Refused when it has not started, has ended, or is not active."""
    now = require_utc(now, "now")
    if reservation.status == ReservationStatus.CANCELLED:
        return messages.refuse("was_cancelled")
    if not reservation.active or now >= reservation.interval.end:
        return messages.refuse("end_over")
    if now <= reservation.interval.start:
        return messages.refuse("end_not_started")
    return Interval(reservation.interval.start, now)
