"""Each booking rule's refusal (code, rule, message), the order of checks, settings
inheritance and bad input."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.core.booking import check_booking, conflicts
from kiosk.core.errors import InvalidInput
from kiosk.core.localtime import to_utc
from kiosk.core.model import Closure, Interval, MemberStatus, ReservationStatus
from kiosk.core.policy import resolve_policy
from kiosk.core.refusals import RefusalCode

LA = "America/Los_Angeles"
C = RefusalCode


def local(h: int, m: int = 0, day: int = 5, month: int = 3, fold: int = 0) -> datetime:
    return to_utc(LA, datetime(2026, month, day, h, m), fold)


def span(h1: int, m1: int, h2: int, m2: int, day: int = 5) -> Interval:
    return Interval(local(h1, m1, day), local(h2, m2, day))


def test_a_valid_request_is_accepted(make_ctx):
    assert check_booking(make_ctx(), span(10, 0, 11, 0)) is None
    assert check_booking(make_ctx(), span(10, 30, 12, 0)) is None  # half-hour grid


def refused(ctx, requested, code, rule, *, staff=False):
    refusal = check_booking(ctx, requested, staff=staff)
    assert refusal is not None, "expected a refusal"
    assert (refusal.code, refusal.rule) == (code, rule)
    assert refusal.message and "{" not in refusal.message
    return refusal


def test_flag_off_refuses_everyone(make_ctx):
    ctx = make_ctx(ctx_args={"flag_enabled": False})
    r = refused(ctx, span(10, 0, 11, 0), C.FLAG_DISABLED, "reservation_system_enabled")
    assert "Portland Tool Library" in r.message
    refused(ctx, span(10, 0, 11, 0), C.FLAG_DISABLED, "reservation_system_enabled", staff=True)


def test_suspended_member(make_ctx, member):
    ctx = make_ctx(member_=replace(member, status=MemberStatus.SUSPENDED))
    refused(ctx, span(10, 0, 11, 0), C.MEMBER_SUSPENDED, "member_status")


def test_member_over_the_no_show_limit(make_ctx, member):
    ctx = make_ctx(member_=replace(member, no_show_count=3), no_show_suspend_after=3)
    r = refused(ctx, span(10, 0, 11, 0), C.MEMBER_SUSPENDED, "no_show_suspend_after")
    assert r.params == {"count": 3, "limit": 3}
    below = make_ctx(member_=replace(member, no_show_count=2))
    assert check_booking(below, span(10, 0, 11, 0)) is None
    never = make_ctx(member_=replace(member, no_show_count=9), no_show_suspend_after=0)
    assert check_booking(never, span(10, 0, 11, 0)) is None


def test_badge_required(make_ctx, resource, member):
    laser = replace(resource, name="Laser cutter", required_badge="laser")
    ctx = make_ctx(resource_=laser)
    r = refused(ctx, span(10, 0, 11, 0), C.TRAINING_REQUIRED, "required_badge")
    assert "laser" in r.message and "Laser cutter" in r.message
    trained = replace(member, badges=frozenset({"laser"}))
    assert check_booking(make_ctx(resource_=laser, member_=trained), span(10, 0, 11, 0)) is None


def test_inactive_resource(make_ctx, resource):
    ctx = make_ctx(resource_=replace(resource, active=False))
    refused(ctx, span(10, 0, 11, 0), C.RULE_VIOLATION, "resource_active")


def test_start_in_the_past(make_ctx):
    refused(make_ctx(), span(10, 0, 11, 0, day=4), C.RULE_VIOLATION, "start_in_past")


def test_too_far_ahead_except_for_staff(make_ctx):
    far = span(10, 0, 11, 0, day=20)
    r = refused(make_ctx(), far, C.RULE_VIOLATION, "max_days_ahead")
    assert r.params == {"days": 14, "last_day": "2026-03-19"}
    assert check_booking(make_ctx(), far, staff=True) is None


@pytest.mark.parametrize("start", [(10, 15), (10, 10)])
def test_start_off_the_local_grid(make_ctx, start):
    refused(make_ctx(), span(*start, 12, 0), C.RULE_VIOLATION, "slot_minutes")


def test_start_with_seconds_is_off_grid(make_ctx):
    s = local(10) + timedelta(seconds=1)
    refused(make_ctx(), Interval(s, s + timedelta(hours=1)), C.RULE_VIOLATION, "slot_minutes")


def test_length_not_whole_slots(make_ctx):
    r = refused(make_ctx(), span(10, 0, 10, 45), C.RULE_VIOLATION, "slot_minutes")
    assert r.params["minutes"] == 45


def test_min_and_max_length(make_ctx):
    refused(make_ctx(min_minutes=60), span(10, 0, 10, 30), C.RULE_VIOLATION, "min_minutes")
    r = refused(make_ctx(), span(10, 0, 15, 0), C.RULE_VIOLATION, "max_minutes")
    assert r.message.startswith("Bookings of Table saw last at most 240 minutes.")


def test_outside_opening_hours_offers_alternatives(make_ctx):
    ctx = make_ctx()
    r = refused(ctx, span(19, 30, 20, 30), C.OUTSIDE_HOURS, "opening_hours")
    assert r.alternatives[0] == span(19, 0, 20, 0)  # the free hour just before closing
    assert span(8, 0, 9, 0, day=6) in r.alternatives  # and the next morning
    for alt in r.alternatives:
        assert check_booking(ctx, alt) is None
    refused(ctx, span(7, 0, 8, 0, day=6), C.OUTSIDE_HOURS, "opening_hours")


def test_closures(make_ctx):
    holiday = Closure("c1", "site-1", span(0, 0, 23, 0, day=6), "Staff training day")
    ctx = make_ctx(ctx_args={"closures": (holiday,)})
    r = refused(ctx, span(10, 0, 11, 0, day=6), C.OUTSIDE_HOURS, "closure")
    assert "Staff training day" in r.message
    assert all(not a.overlaps(holiday.interval) for a in r.alternatives)
    others = (replace(holiday, resource_id="res-other"), replace(holiday, site_id="site-2"))
    assert check_booking(make_ctx(ctx_args={"closures": others}), span(10, 0, 11, 0, day=6)) is None
    own = (replace(holiday, resource_id="res-1"),)
    ctx = make_ctx(ctx_args={"closures": own})
    refused(ctx, span(10, 0, 11, 0, day=6), C.OUTSIDE_HOURS, "closure")


def test_member_limit_except_for_staff(make_ctx):
    ctx = make_ctx(ctx_args={"member_active": 4})
    r = refused(ctx, span(10, 0, 11, 0), C.RULE_VIOLATION, "max_active_per_member")
    assert r.params == {"count": 4, "max": 4}
    assert check_booking(ctx, span(10, 0, 11, 0), staff=True) is None
    assert check_booking(make_ctx(ctx_args={"member_active": 3}), span(10, 0, 11, 0)) is None


def test_overlap_is_a_conflict_with_alternatives(make_ctx, booking):
    ctx = make_ctx(busy=(booking(local(10), local(11)),))
    r = refused(ctx, span(10, 30, 11, 30), C.CONFLICT, "overlap")
    assert r.alternatives[0] == span(11, 0, 12, 0)
    assert len(r.alternatives) == 3
    assert r.to_dict()["alternatives"][0]["starts_at"] == local(11).isoformat()


def test_buffer_is_symmetric(make_ctx, booking):
    ctx = make_ctx(busy=(booking(local(10), local(11)),), buffer_minutes=30)
    refused(ctx, span(11, 0, 12, 0), C.CONFLICT, "buffer_minutes")
    refused(ctx, span(9, 0, 10, 0), C.CONFLICT, "buffer_minutes")
    assert check_booking(ctx, span(11, 30, 12, 0)) is None
    assert check_booking(ctx, span(9, 0, 9, 30)) is None


def test_touching_bookings_and_inactive_ones_do_not_conflict(make_ctx, booking):
    busy = (
        booking(local(10), local(11)),
        booking(local(11), local(12), status=ReservationStatus.CANCELLED),
        booking(local(11), local(12), status=ReservationStatus.NO_SHOW),
    )
    assert check_booking(make_ctx(busy=busy), span(11, 0, 12, 0)) is None


def test_checks_run_in_the_documented_order(make_ctx, member, booking):
    bad = replace(member, status=MemberStatus.SUSPENDED)
    everything = make_ctx(member_=bad, busy=(booking(local(10), local(11)),),
                          ctx_args={"flag_enabled": False, "member_active": 9})
    assert check_booking(everything, span(10, 0, 11, 0)).code == C.FLAG_DISABLED
    limit_and_conflict = make_ctx(busy=(booking(local(10), local(11)),),
                                  ctx_args={"member_active": 9})
    assert check_booking(limit_and_conflict, span(10, 0, 11, 0)).rule == "max_active_per_member"
    hours_and_conflict = make_ctx(busy=(booking(local(19), local(20)),))
    assert check_booking(hours_and_conflict, span(19, 0, 21, 0)).rule == "opening_hours"


def test_around_the_clock_booking_may_cross_midnight(make_ctx):
    night = Interval(local(23), local(1, day=6))
    assert check_booking(make_ctx(hours="24/7"), night) is None
    refused(make_ctx(), night, C.OUTSIDE_HOURS, "opening_hours")


def test_fall_back_night_lengths_are_real_minutes(make_ctx):
    now = local(12, day=31, month=10)
    night = Interval(local(1, day=1, month=11), local(3, day=1, month=11))
    assert night.minutes == 180
    assert check_booking(make_ctx(hours="24/7", now=now), night) is None
    r = refused(make_ctx(hours="24/7", now=now, max_minutes=120), night, C.RULE_VIOLATION,
                "max_minutes")
    assert r.params["max"] == 120
    second = local(1, 30, day=1, month=11, fold=1)  # 01:30 PST is on the half-hour grid
    later = Interval(second, second + timedelta(hours=1))
    assert check_booking(make_ctx(hours="24/7", now=now), later) is None


def test_spring_forward_night_is_one_hour(make_ctx):
    now = local(12, day=7)
    night = Interval(local(1, day=8), local(3, day=8))
    assert night.minutes == 60
    assert check_booking(make_ctx(hours="24/7", now=now, max_minutes=60), night) is None


# --- settings inheritance ---------------------------------------------------------------

def test_resolve_policy_knows_where_each_value_came_from():
    eff = resolve_policy([
        ("site", {"buffer_minutes": 10, "max_minutes": 120}),
        ("resource", {"max_minutes": 180, "opening_hours": "24/7"}),
        ("cohort", {"max_days_ahead": 30}),
    ])
    assert eff.policy.buffer_minutes == 10 and eff.source("buffer_minutes") == "site"
    assert eff.policy.max_minutes == 180 and eff.source("max_minutes") == "resource"
    assert eff.policy.max_days_ahead == 30 and eff.source("max_days_ahead") == "cohort"
    assert eff.policy.slot_minutes == 30 and eff.source("slot_minutes") == "global"
    assert eff.source("opening_hours") == "resource"


def test_resolved_policy_drives_the_rules(make_ctx):
    eff = resolve_policy([("site", {"max_minutes": 60})])
    r = check_booking(make_ctx(policy=eff.policy), span(10, 0, 12, 0))
    assert r is not None and r.rule == "max_minutes" and eff.source(r.rule) == "site"


@pytest.mark.parametrize(
    "layers",
    [
        [("cohort", {"slot_minutes": 15})],
        [("site", {"slot_minuts": 15})],
        [("site", {"slot_minutes": "15"})],
        [("site", {"slot_minutes": True})],
        [("site", {"slot_minutes": 0})],
        [("site", {"buffer_minutes": -5})],
        [("site", {"min_minutes": 300})],
        [("planet", {"slot_minutes": 15})],
        [("site", {"opening_hours": {"mon": [["20:00", "08:00"]]}})],
        [("site", {"opening_hours": {"funday": []}})],
    ],
)
def test_bad_settings_are_refused(layers):
    with pytest.raises(InvalidInput):
        resolve_policy(layers)


# --- bad input -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("start", "end"),
    [
        (datetime(2026, 3, 5, 18), datetime(2026, 3, 5, 19)),  # naive
        (datetime(2026, 3, 5, 19, tzinfo=UTC), datetime(2026, 3, 5, 18, tzinfo=UTC)),
        (datetime(2026, 3, 5, 18, tzinfo=UTC), datetime(2026, 3, 5, 18, tzinfo=UTC)),
        (datetime(3026, 3, 5, 18, tzinfo=UTC), datetime(3026, 3, 5, 19, tzinfo=UTC)),
        ("2026-03-05T18:00Z", "2026-03-05T19:00Z"),
    ],
)
def test_bad_intervals(start, end):
    with pytest.raises(InvalidInput):
        Interval(start, end)


def test_bad_requests_and_contexts(make_ctx, site, booking):
    with pytest.raises(InvalidInput):
        check_booking(make_ctx(), (local(10), local(11)))
    with pytest.raises(InvalidInput):
        check_booking(make_ctx(now=datetime(2026, 3, 5, 16)), span(10, 0, 11, 0))
    with pytest.raises(InvalidInput):
        check_booking(make_ctx(zone="Mars/Base"), span(10, 0, 11, 0))
    with pytest.raises(InvalidInput):
        check_booking(make_ctx(ctx_args={"member_active": -1}), span(10, 0, 11, 0))
    with pytest.raises(InvalidInput):
        check_booking("not a context", span(10, 0, 11, 0))
    for buffer in (-1, 1.5, True, None):
        with pytest.raises(InvalidInput):
            conflicts(span(10, 0, 11, 0), [], buffer)
