"""Free slots, alternatives, the first free slot among resources, ending early."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.booking import check_booking
from kiosk.core.errors import InvalidInput
from kiosk.core.localtime import day_bounds, label, to_utc
from kiosk.core.model import Closure, Interval, Reservation, ReservationStatus
from kiosk.core.refusals import Refusal, RefusalCode
from kiosk.core.slots import (
    ALTERNATIVES_HORIZON,
    end_early,
    first_free_among,
    free_slots,
    next_free_slots,
    search_window,
)

LA = "America/Los_Angeles"
HOUR = timedelta(hours=1)


def local(h: int, m: int = 0, day: int = 5, month: int = 3, fold: int = 0) -> datetime:
    return to_utc(LA, datetime(2026, month, day, h, m), fold)


def today(day: int = 5, month: int = 3) -> Interval:
    return day_bounds(LA, date(2026, month, day))


def test_free_slots_follow_grid_hours_and_busy(make_ctx, booking):
    ctx = make_ctx(busy=(booking(local(8), local(9, 30)),), now=local(7, 50))
    slots = free_slots(ctx, today(), HOUR, limit=4)
    assert [s.start for s in slots] == [local(9, 30), local(10), local(10, 30), local(11)]
    assert all(s.duration == HOUR for s in slots)


def test_free_slots_skip_the_past_and_the_last_hour_of_the_day(make_ctx):
    ctx = make_ctx(now=local(18, 40))
    assert free_slots(ctx, today(), HOUR, limit=10) == [Interval(local(19), local(20))]


def test_free_slots_respect_buffer_and_closures(make_ctx, booking):
    closure = Closure("c", "site-1", Interval(local(12, 30), local(13, 30)), "lunch")
    ctx = make_ctx(busy=(booking(local(10), local(11)),), buffer_minutes=30,
                   ctx_args={"closures": (closure,)}, now=local(9, 0))
    starts = [s.start for s in free_slots(ctx, Interval(local(9), local(14)), HOUR, limit=10)]
    assert starts == [local(11, 30), local(13, 30)]


def test_duration_the_policy_forbids_gives_no_slots(make_ctx):
    assert free_slots(make_ctx(), today(), timedelta(minutes=45), limit=3) == []
    assert free_slots(make_ctx(), today(), timedelta(hours=5), limit=3) == []


def test_member_cannot_get_slots_beyond_max_days_ahead_but_staff_can(make_ctx):
    window = today(day=25)
    assert free_slots(make_ctx(), window, HOUR, limit=1) == []
    assert free_slots(make_ctx(), window, HOUR, limit=1, staff=True)[0].start == local(8, day=25)


def test_fall_back_night_offers_both_one_oclocks(make_ctx):
    now = local(12, day=31, month=10)
    night = Interval(local(0, day=1, month=11), local(3, day=1, month=11))
    slots = free_slots(make_ctx(hours="24/7", now=now), night, HOUR, limit=10)
    labels = [label(LA, s.start) for s in slots]
    assert labels == [
        "00:00 PDT (UTC−07:00)", "00:30 PDT (UTC−07:00)", "01:00 PDT (UTC−07:00)",
        "01:30 PDT (UTC−07:00)", "01:00 PST (UTC−08:00)", "01:30 PST (UTC−08:00)",
        "02:00 PST (UTC−08:00)", "02:30 PST (UTC−08:00)",
    ]


def test_spring_forward_night_has_no_slot_in_the_gap(make_ctx):
    now = local(12, day=7)
    night = Interval(local(0, day=8), local(4, day=8))
    slots = free_slots(make_ctx(hours="24/7", now=now), night, HOUR, limit=10)
    assert [label(LA, s.start)[:5] for s in slots] == ["00:00", "00:30", "01:00", "01:30",
                                                       "03:00", "03:30"]


def test_next_free_slots_are_the_same_length_and_bookable(make_ctx, booking):
    busy = tuple(booking(local(h), local(h + 1)) for h in range(8, 20))  # day full
    ctx = make_ctx(busy=busy)
    alts = next_free_slots(ctx, Interval(local(10), local(12)))
    assert [a.start for a in alts] == [local(8, day=6), local(8, 30, day=6), local(9, day=6)]
    assert all(a.duration == 2 * HOUR and check_booking(ctx, a) is None for a in alts)


def test_search_window_covers_everything_alternatives_can_touch():
    want = Interval(local(10), local(12))
    window = search_window(want, 15)
    assert window.start <= want.start - 2 * HOUR - timedelta(minutes=15)
    assert window.end >= want.start + ALTERNATIVES_HORIZON + 2 * HOUR


def test_first_free_among_resources_of_a_kind(make_ctx, resource, booking):
    saw2 = replace(resource, id="res-2", name="Saw 2")
    saw3 = replace(resource, id="res-3", name="Saw 3", required_badge="saw")
    a = make_ctx(busy=(booking(local(10), local(12)),), now=local(10))
    b = make_ctx(resource_=saw2, busy=(booking(local(10), local(11), resource_id="res-2"),),
                 now=local(10))
    c = make_ctx(resource_=saw3, now=local(10))  # member lacks the badge: skipped
    found = first_free_among([a, b, c], 2 * HOUR, local(10), limit=3)
    assert found == [
        ("res-2", Interval(local(11), local(13))),
        ("res-2", Interval(local(11, 30), local(13, 30))),
        ("res-1", Interval(local(12), local(14))),
    ]


def test_first_free_among_until(make_ctx):
    found = first_free_among([make_ctx(now=local(10))], HOUR, local(10), until=local(11))
    assert [s.start for _, s in found] == [local(10), local(10, 30)]


def test_bad_slot_requests(make_ctx):
    for duration in (timedelta(0), -HOUR, 60, None):
        with pytest.raises(InvalidInput):
            free_slots(make_ctx(), today(), duration, limit=3)
    for limit in (0, -1, 2.5, True):
        with pytest.raises(InvalidInput):
            free_slots(make_ctx(), today(), HOUR, limit=limit)
    with pytest.raises(InvalidInput):
        free_slots(make_ctx(), (local(8), local(9)), HOUR, limit=3)
    with pytest.raises(InvalidInput):
        first_free_among([make_ctx()], HOUR, datetime(2026, 3, 5, 10))


def running(start: datetime, end: datetime, **kw: object) -> Reservation:
    return Reservation("r", "res-1", "mem-1", Interval(start, end), **kw)


def test_end_early_frees_the_rest():
    r = running(local(10), local(12), status=ReservationStatus.CHECKED_IN)
    assert end_early(r, local(10, 40)) == Interval(local(10), local(10, 40))


@pytest.mark.parametrize(
    ("status", "now", "code", "rule"),
    [
        (ReservationStatus.CONFIRMED, (9, 0), RefusalCode.RULE_VIOLATION, "end_early"),
        (ReservationStatus.CONFIRMED, (10, 0), RefusalCode.RULE_VIOLATION, "end_early"),
        (ReservationStatus.CHECKED_IN, (12, 0), RefusalCode.RULE_VIOLATION, "end_early"),
        (ReservationStatus.CANCELLED, (11, 0), RefusalCode.CANCELLED, "status"),
        (ReservationStatus.COMPLETED, (11, 0), RefusalCode.RULE_VIOLATION, "end_early"),
    ],
)
def test_end_early_refusals(status, now, code, rule):
    result = end_early(running(local(10), local(12), status=status), local(*now))
    assert isinstance(result, Refusal) and (result.code, result.rule) == (code, rule)


def test_end_early_needs_an_aware_now():
    with pytest.raises(InvalidInput):
        end_early(running(local(10), local(12)), datetime(2026, 3, 5, 19, tzinfo=None))
    assert end_early(running(local(10), local(12)), datetime(2026, 3, 5, 19, tzinfo=UTC))


ZONES = ["America/Los_Angeles", "America/New_York", "Europe/London", "Australia/Lord_Howe",
         "Asia/Tokyo"]
CHANGE_DAYS = [date(2026, 3, 8), date(2026, 11, 1), date(2026, 3, 29), date(2026, 10, 25),
               date(2026, 10, 4), date(2026, 4, 5), date(2026, 6, 10)]


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # make_ctx is stateless
@given(place=st.tuples(st.sampled_from(ZONES), st.sampled_from(CHANGE_DAYS)),
       grid=st.tuples(st.sampled_from([15, 30, 60]), st.integers(1, 6)),
       around_the_clock=st.booleans())
def test_every_free_slot_on_change_days_is_bookable(make_ctx, place, grid, around_the_clock):
    (zone, day), (slot, slots_long) = place, grid
    bounds = day_bounds(zone, day)
    ctx = make_ctx(zone=zone, now=bounds.start - timedelta(days=1), slot_minutes=slot,
                   min_minutes=slot, max_minutes=slot * 6,
                   hours="24/7" if around_the_clock else None)
    length = timedelta(minutes=slot * slots_long)
    found = free_slots(ctx, bounds, length, limit=200)
    assert found, "an empty resource has free time every day"
    assert found == sorted(found) and len(set(found)) == len(found)
    for s in found:
        assert s.duration == length and bounds.contains(s.start)
        assert check_booking(ctx, s) is None


def test_the_free_time_just_before_a_refused_one_comes_first(make_ctx, booking):
    """12:30–13:30 is refused (a 13:00 booking, 30-minute buffer); 11:30–12:30 just
    above is free, so it leads, before the later times."""
    ctx = make_ctx(busy=(booking(local(13), local(14)),), buffer_minutes=30, now=local(9))
    alts = next_free_slots(ctx, Interval(local(12, 30), local(13, 30)))
    assert alts[0] == Interval(local(11, 30), local(12, 30))
    assert all(check_booking(ctx, a) is None for a in alts)
