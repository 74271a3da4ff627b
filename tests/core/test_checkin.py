"""Check-in window, online and offline check-ins, no-shows and suspension."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.core.checkin import (
    CheckInState,
    check_in,
    checkin_status,
    checkin_window,
    is_no_show,
    no_show_sweep,
    open_for_checkin,
    should_suspend,
)
from kiosk.core.errors import InvalidInput
from kiosk.core.model import Interval, Reservation, ReservationStatus
from kiosk.core.policy import BookingPolicy
from kiosk.core.refusals import Refusal, RefusalCode

START = datetime(2026, 3, 5, 18, 0, tzinfo=UTC)
POLICY = BookingPolicy(checkin_before_minutes=15, checkin_grace_minutes=15)
M = timedelta(minutes=1)


def res(status: ReservationStatus = ReservationStatus.CONFIRMED, **kw: object) -> Reservation:
    kw.setdefault("created_at", START - timedelta(days=1))
    return Reservation(str(kw.pop("id", "r1")), str(kw.pop("resource_id", "res-1")), "mem-1",
                       Interval(START, START + timedelta(hours=1)), status, **kw)


def test_window_is_before_to_grace():
    w = checkin_window(res().interval, POLICY)
    assert w == Interval(START - 15 * M, START + 15 * M)


def test_zero_grace_still_leaves_a_minute():
    w = checkin_window(res().interval, replace(POLICY, checkin_before_minutes=0,
                                               checkin_grace_minutes=0))
    assert w == Interval(START, START + M)


@pytest.mark.parametrize(
    ("status", "offset", "state"),
    [
        (ReservationStatus.CONFIRMED, -16, CheckInState.NOT_YET),
        (ReservationStatus.CONFIRMED, -15, CheckInState.OPEN),
        (ReservationStatus.PENDING, 14, CheckInState.OPEN),
        (ReservationStatus.CONFIRMED, 15, CheckInState.CLOSED),
        (ReservationStatus.CHECKED_IN, 30, CheckInState.DONE),
        (ReservationStatus.CANCELLED, 0, CheckInState.INACTIVE),
        (ReservationStatus.NO_SHOW, 0, CheckInState.INACTIVE),
        (ReservationStatus.COMPLETED, 0, CheckInState.INACTIVE),
    ],
)
def test_status(status, offset, state):
    assert checkin_status(res(status), POLICY, START + offset * M).state == state


def test_check_in_inside_window_clears_no_show():
    done = check_in(res(no_show=True), POLICY, START + 5 * M)
    assert isinstance(done, Reservation)
    assert done.status == ReservationStatus.CHECKED_IN
    assert done.checked_in_at == START + 5 * M and done.no_show is False


def test_offline_check_in_received_late_is_honoured_even_after_the_sweep():
    swept = no_show_sweep([res()], lambda _rid: POLICY, START + 20 * M)[0]
    assert swept.status == ReservationStatus.NO_SHOW and swept.no_show
    done = check_in(swept, POLICY, START + 10 * M, received_at=START + 3 * timedelta(hours=1))
    assert isinstance(done, Reservation) and done.status == ReservationStatus.CHECKED_IN
    assert done.no_show is False and done.checked_in_at == START + 10 * M


def test_kiosk_clock_ahead_is_bounded_by_receipt():
    # the kiosk claims 18:10 but the server got it at 18:20: judged at 18:20 → too late
    r = check_in(res(), POLICY, START + 10 * M, received_at=START + 20 * M)
    assert isinstance(r, Reservation)
    late = check_in(res(), POLICY, START + 40 * M, received_at=START + 20 * M)
    assert isinstance(late, Refusal) and late.code == RefusalCode.WINDOW_CLOSED


def test_kiosk_clock_behind_is_bounded_by_creation():
    made = START - 5 * M
    r = check_in(res(created_at=made), POLICY, START - 3 * timedelta(hours=1))
    assert isinstance(r, Reservation) and r.checked_in_at == made


@pytest.mark.parametrize(("offset", "rule"), [(-16, "checkin_before_minutes"),
                                              (15, "checkin_grace_minutes")])
def test_outside_window_is_refused(offset, rule):
    r = check_in(res(), POLICY, START + offset * M)
    assert isinstance(r, Refusal)
    assert (r.code, r.rule) == (RefusalCode.WINDOW_CLOSED, rule)
    assert "{" not in r.message


def test_cancelled_is_refused_as_cancelled():
    r = check_in(res(ReservationStatus.CANCELLED), POLICY, START)
    assert isinstance(r, Refusal) and r.code == RefusalCode.CANCELLED


def test_checking_in_twice_changes_nothing():
    once = check_in(res(), POLICY, START)
    assert isinstance(once, Reservation)
    assert check_in(once, POLICY, START + 5 * M) is once


def test_completed_cannot_be_checked_in():
    r = check_in(res(ReservationStatus.COMPLETED), POLICY, START)
    assert isinstance(r, Refusal) and r.code == RefusalCode.WINDOW_CLOSED


def test_check_in_needs_aware_times():
    with pytest.raises(InvalidInput):
        check_in(res(), POLICY, datetime(2026, 3, 5, 18))
    with pytest.raises(InvalidInput):
        check_in(res(), POLICY, START, received_at="now")


def test_open_for_checkin_uses_each_resources_policy():
    early = replace(POLICY, checkin_before_minutes=60)
    rows = [res(id="a"), res(id="b", resource_id="res-2"),
            res(ReservationStatus.CHECKED_IN, id="c")]
    now = START - 30 * M
    found = open_for_checkin(rows, lambda rid: early if rid == "res-2" else POLICY, now)
    assert [r.id for r in found] == ["b"]


def test_no_show_decision_and_sweep():
    rows = [res(id="a"), res(ReservationStatus.CHECKED_IN, id="b"),
            res(ReservationStatus.CANCELLED, id="c"), res(ReservationStatus.PENDING, id="d")]
    assert not is_no_show(rows[0], POLICY, START + 14 * M)
    assert is_no_show(rows[0], POLICY, START + 15 * M)
    swept = no_show_sweep(rows, lambda _rid: POLICY, START + 15 * M)
    assert [(r.id, r.status, r.no_show) for r in swept] == [
        ("a", ReservationStatus.NO_SHOW, True), ("d", ReservationStatus.NO_SHOW, True)]


@pytest.mark.parametrize(("count", "limit", "expected"),
                         [(2, 3, False), (3, 3, True), (4, 3, True), (50, 0, False)])
def test_should_suspend(count, limit, expected):
    assert should_suspend(count, replace(POLICY, no_show_suspend_after=limit)) is expected
