"""Property tests: the conflict check against a brute-force oracle, and booking through
``check_booking`` never leaving two clashing active reservations on one resource."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from itertools import pairwise

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kiosk.core.booking import BookingContext, check_booking, conflicts
from kiosk.core.model import Interval, Member, Reservation, ReservationStatus, Resource, Site
from kiosk.core.policy import BookingPolicy, WeeklyHours
from kiosk.core.refusals import RefusalCode
from kiosk.core.slots import ALTERNATIVES_LOOKBACK

BASE = datetime(2026, 3, 5, 16, 0, tzinfo=UTC)
STATUSES = list(ReservationStatus)


def at(minute: int) -> datetime:
    return BASE + timedelta(minutes=minute)


def minute_span(r: Reservation) -> tuple[int, int]:
    def minute(t: datetime) -> int:
        return int((t - BASE).total_seconds() // 60)

    return minute(r.interval.start), minute(r.interval.end)


def minutes_of(start: int, end: int) -> set[int]:
    return set(range(start, end))


def oracle_clash(a: tuple[int, int], b: tuple[int, int], buffer: int) -> bool:
    """Minute by minute: does ``b``, widened by the buffer on both sides, share a minute
    with ``a``? (Endpoints are whole minutes, so this is exact for half-open spans.)"""
    return bool(minutes_of(*a) & minutes_of(b[0] - buffer, b[1] + buffer))


# A small field, so that touching, nested and just-within-the-buffer cases come up often.
spans = st.tuples(st.integers(0, 120), st.integers(1, 60)).map(lambda p: (p[0], p[0] + p[1]))
busy_rows = st.lists(st.tuples(spans, st.sampled_from(STATUSES)), max_size=25)


@settings(max_examples=300)
@example(requested=(60, 90), rows=[((30, 60), ReservationStatus.CONFIRMED)], buffer=0)
@example(requested=(60, 90), rows=[((90, 95), ReservationStatus.PENDING)], buffer=0)
@example(requested=(60, 90), rows=[((95, 99), ReservationStatus.CHECKED_IN)], buffer=5)
@given(requested=spans, rows=busy_rows, buffer=st.integers(0, 20))
def test_conflicts_agree_with_minute_oracle(requested, rows, buffer):
    busy = [
        Reservation(f"r{i}", "res", "m", Interval(at(s), at(e)), status)
        for i, ((s, e), status) in enumerate(rows)
    ]
    got = {r.id for r in conflicts(Interval(at(requested[0]), at(requested[1])), busy, buffer)}
    expected = {
        f"r{i}" for i, (span, status) in enumerate(rows)
        if status in (ReservationStatus.PENDING, ReservationStatus.CONFIRMED,
                      ReservationStatus.CHECKED_IN)
        and oracle_clash(requested, span, buffer)
    }
    assert got == expected


# Booking attempts: start on a 15-minute grid within ~2 days, 15..240 minutes long;
# or cancel the k-th active reservation.
attempts = st.lists(
    st.one_of(
        st.tuples(st.just("book"), st.integers(0, 190), st.integers(1, 16)),
        st.tuples(st.just("cancel"), st.integers(0, 50), st.just(0)),
    ),
    min_size=1, max_size=40,
)


def make_ctx(busy: list[Reservation], buffer: int) -> BookingContext:
    policy = replace(
        BookingPolicy(), slot_minutes=15, min_minutes=15, max_minutes=240,
        buffer_minutes=buffer, max_active_per_member=10_000, max_days_ahead=30,
        opening_hours=WeeklyHours.around_the_clock(),
    )
    return BookingContext(
        Site("s", "Site", "America/Los_Angeles"), Resource("res", "s", "Saw", "saw"),
        Member("m", "s", "1", "Ann Lee"), policy, BASE, busy,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=attempts, buffer=st.sampled_from([0, 5, 15, 30]))
def test_booking_never_leaves_clashing_active_reservations(steps, buffer):
    held: list[Reservation] = []
    for n, (kind, a, b) in enumerate(steps):
        if kind == "cancel":
            active = [r for r in held if r.active]
            if active:
                victim = active[a % len(active)]
                held[held.index(victim)] = replace(victim, status=ReservationStatus.CANCELLED)
            continue
        span = (a * 15, a * 15 + b * 15)
        want = Interval(at(span[0]), at(span[1]))
        refusal = check_booking(make_ctx(held, buffer), want)
        clash = any(r.active and oracle_clash(span, minute_span(r), buffer) for r in held)
        if refusal is None:
            assert not clash
            held.append(Reservation(f"n{n}", "res", "m", want))
        else:
            assert refusal.code == RefusalCode.CONFLICT and clash
            for alt in refusal.alternatives:
                assert alt.duration == want.duration
                assert alt.start >= want.start - ALTERNATIVES_LOOKBACK
                assert check_booking(make_ctx(held, buffer), alt) is None
    active = sorted((r for r in held if r.active), key=lambda r: r.interval.start)
    gap = timedelta(minutes=buffer)
    for earlier, later in pairwise(active):
        assert earlier.interval.end + gap <= later.interval.start
