"""DST behaviour of kiosk.core.localtime across several zones (the issue's "must show")."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kiosk.core import localtime as lt
from kiosk.core.errors import InvalidInput
from kiosk.core.hours import open_spans_on
from kiosk.core.model import Interval
from kiosk.core.policy import WEEKDAYS, WeeklyHours

LA, NY, LON, LH = "America/Los_Angeles", "America/New_York", "Europe/London", "Australia/Lord_Howe"
NO_DST = ("Asia/Tokyo", "America/Phoenix")
H = timedelta(hours=1)

# zone, a nonexistent wall time, (before, after) alternatives at step 1 and at step 30
GAPS = [
    (LA, datetime(2026, 3, 8, 2, 30), ("01:59", "03:00"), ("01:30", "03:00")),
    (NY, datetime(2026, 3, 8, 2, 0), ("01:59", "03:00"), ("01:30", "03:00")),
    (LON, datetime(2026, 3, 29, 1, 45), ("00:59", "02:00"), ("00:30", "02:00")),
    (LH, datetime(2026, 10, 4, 2, 15), ("01:59", "02:30"), ("01:30", "02:30")),
]


@pytest.mark.parametrize(("zone", "local", "step1", "step30"), GAPS)
def test_gap_is_refused_with_nearest_valid_times(zone, local, step1, step30):
    for step, expected in ((1, step1), (30, step30)):
        with pytest.raises(lt.NonexistentLocalTime) as err:
            lt.to_utc(zone, local, step_minutes=step)
        before, after = err.value.alternatives
        assert (before.label[:5], after.label[:5]) == expected
        assert before.instant < after.instant
        # each alternative is itself a valid, unambiguous wall-clock time
        for choice in (before, after):
            wall = lt.to_local(zone, choice.instant).replace(tzinfo=None)
            assert lt.to_utc(zone, wall) == choice.instant
        assert "does not exist" in str(err.value)


@pytest.mark.parametrize(("zone", "local", "_a", "_b"), GAPS)
def test_gap_raises_even_when_fold_is_given(zone, local, _a, _b):
    for fold in (0, 1):
        with pytest.raises(lt.NonexistentLocalTime):
            lt.to_utc(zone, local, fold)
    assert lt.instants_for(zone, local) == ()


def test_gap_alternatives_are_exact_instants_in_los_angeles():
    with pytest.raises(lt.NonexistentLocalTime) as err:
        lt.to_utc(LA, datetime(2026, 3, 8, 2, 30))
    before, after = err.value.alternatives
    assert before.instant == datetime(2026, 3, 8, 9, 59, tzinfo=UTC)
    assert after.instant == datetime(2026, 3, 8, 10, 0, tzinfo=UTC)
    assert before.label == "01:59 PST (UTC−08:00)"
    assert after.label == "03:00 PDT (UTC−07:00)"


FOLDS = [
    (LA, datetime(2026, 11, 1, 1, 30), "01:30 PDT (UTC−07:00)", "01:30 PST (UTC−08:00)", 60),
    (NY, datetime(2026, 11, 1, 1, 0), "01:00 EDT (UTC−04:00)", "01:00 EST (UTC−05:00)", 60),
    (LON, datetime(2026, 10, 25, 1, 30), "01:30 BST (UTC+01:00)", "01:30 GMT (UTC+00:00)", 60),
    (LH, datetime(2026, 4, 5, 1, 45), "01:45 +11 (UTC+11:00)", "01:45 +1030 (UTC+10:30)", 30),
]


@pytest.mark.parametrize(("zone", "local", "earlier", "later", "apart"), FOLDS)
def test_fold_offers_both_instants_labelled(zone, local, earlier, later, apart):
    with pytest.raises(lt.AmbiguousLocalTime) as err:
        lt.to_utc(zone, local)
    first, second = err.value.choices
    assert (first.label, second.label) == (earlier, later)
    assert (first.fold, second.fold) == (0, 1)
    assert second.instant - first.instant == timedelta(minutes=apart)
    assert lt.to_utc(zone, local, 0) == first.instant
    assert lt.to_utc(zone, local, 1) == second.instant
    assert lt.instants_for(zone, local) == (first.instant, second.instant)


@pytest.mark.parametrize("zone", NO_DST)
def test_zone_without_dst_never_refuses(zone):
    for local in (datetime(2026, 3, 8, 2, 30), datetime(2026, 11, 1, 1, 30),
                  datetime(2026, 10, 4, 2, 15), datetime(2026, 3, 29, 1, 30)):
        instant = lt.to_utc(zone, local)
        assert lt.to_local(zone, instant).replace(tzinfo=None) == local
    year = Interval(datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))
    assert lt.transitions_between(zone, year) == ()


# zone, start wall (fold 0 = first occurrence), end wall, elapsed minutes
DURATIONS = [
    (LA, datetime(2026, 11, 1, 1, 0), datetime(2026, 11, 1, 3, 0), 180),
    (LA, datetime(2026, 3, 8, 1, 0), datetime(2026, 3, 8, 3, 0), 60),
    (NY, datetime(2026, 11, 1, 1, 0), datetime(2026, 11, 1, 3, 0), 180),
    (NY, datetime(2026, 3, 8, 1, 0), datetime(2026, 3, 8, 3, 0), 60),
    (LON, datetime(2026, 10, 25, 1, 0), datetime(2026, 10, 25, 3, 0), 180),
    (LON, datetime(2026, 3, 29, 0, 0), datetime(2026, 3, 29, 3, 0), 120),
    (LH, datetime(2026, 4, 5, 1, 0), datetime(2026, 4, 5, 3, 0), 150),
    (LH, datetime(2026, 10, 4, 1, 0), datetime(2026, 10, 4, 3, 0), 90),
    ("Asia/Tokyo", datetime(2026, 3, 8, 1, 0), datetime(2026, 3, 8, 3, 0), 120),
    ("America/Phoenix", datetime(2026, 11, 1, 1, 0), datetime(2026, 11, 1, 3, 0), 120),
]


@pytest.mark.parametrize(("zone", "start", "end", "minutes"), DURATIONS)
def test_durations_are_real_elapsed_time(zone, start, end, minutes):
    span = Interval(lt.to_utc(zone, start, 0), lt.to_utc(zone, end, 0))
    assert span.minutes == minutes
    assert span.duration == timedelta(minutes=minutes)


DAYS = [
    (LA, date(2026, 3, 8), 23.0), (LA, date(2026, 11, 1), 25.0), (LA, date(2026, 3, 9), 24.0),
    (NY, date(2026, 3, 8), 23.0), (NY, date(2026, 11, 1), 25.0),
    (LON, date(2026, 3, 29), 23.0), (LON, date(2026, 10, 25), 25.0),
    (LH, date(2026, 10, 4), 23.5), (LH, date(2026, 4, 5), 24.5), (LH, date(2026, 6, 1), 24.0),
    ("Asia/Tokyo", date(2026, 3, 8), 24.0), ("America/Phoenix", date(2026, 11, 1), 24.0),
]


@pytest.mark.parametrize(("zone", "day", "hours"), DAYS)
def test_day_boundaries_follow_the_zone(zone, day, hours):
    bounds = lt.day_bounds(zone, day)
    assert lt.day_length(zone, day) == timedelta(hours=hours)
    midnight = datetime(day.year, day.month, day.day)
    assert lt.to_local(zone, bounds.start).replace(tzinfo=None) == midnight
    assert lt.local_date(zone, bounds.start) == day
    assert lt.local_date(zone, bounds.end - timedelta(microseconds=1)) == day
    assert bounds.end == lt.day_bounds(zone, day + timedelta(days=1)).start
    assert bounds.start == lt.day_bounds(zone, day - timedelta(days=1)).end


WORKDAY = WeeklyHours.parse({d: [["08:00", "20:00"]] for d in WEEKDAYS})


@pytest.mark.parametrize(("zone", "day", "hours"), DAYS)
def test_opening_hours_on_change_days(zone, day, hours):
    (workday,) = open_spans_on(zone, WORKDAY, day)
    assert workday.duration == timedelta(hours=12)
    assert lt.to_local(zone, workday.start).hour == 8
    assert lt.to_local(zone, workday.end).hour == 20
    (whole,) = open_spans_on(zone, WeeklyHours.around_the_clock(), day)
    assert whole.duration == timedelta(hours=hours)
    assert whole == lt.day_bounds(zone, day)


def test_opening_time_inside_the_gap_opens_at_the_jump():
    hours = WeeklyHours.parse({"sun": [["02:30", "04:00"]]})
    (span,) = open_spans_on(LA, hours, date(2026, 3, 8))
    assert lt.label(LA, span.start) == "03:00 PDT (UTC−07:00)"
    assert span.duration == H


def test_closing_time_inside_the_fold_closes_at_its_second_occurrence():
    hours = WeeklyHours.parse({"sun": [["00:00", "01:30"]]})
    (span,) = open_spans_on(LA, hours, date(2026, 11, 1))
    assert lt.label(LA, span.end) == "01:30 PST (UTC−08:00)"
    assert span.duration == timedelta(minutes=150)


YEAR_SHIFTS = [
    (LA, [H, -H]), (NY, [H, -H]), (LON, [H, -H]),
    (LH, [-timedelta(minutes=30), timedelta(minutes=30)]),
]


@pytest.mark.parametrize(("zone", "shifts"), YEAR_SHIFTS)
def test_transitions_between_finds_each_change_of_the_year(zone, shifts):
    year = Interval(datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))
    found = lt.transitions_between(zone, year)
    assert [t.shift for t in found] == shifts
    for t in found:
        assert t.offset_before == lt.to_local(zone, t.at - timedelta(seconds=1)).utcoffset()
        assert t.offset_after == lt.to_local(zone, t.at).utcoffset()
        assert t.abbr_before != t.abbr_after


@pytest.mark.parametrize(("zone", "day", "hours"), [d for d in DAYS if d[2] != 24.0])
def test_transitions_between_on_a_change_day(zone, day, hours):
    (t,) = lt.transitions_between(zone, lt.day_bounds(zone, day))
    assert t.shift == timedelta(hours=24 - hours)


def test_transition_exactly_at_span_start_is_included():
    t = lt.transitions_between(LA, lt.day_bounds(LA, date(2026, 3, 8)))[0]
    assert lt.transitions_between(LA, Interval(t.at, t.at + H)) == (t,)
    assert lt.transitions_between(LA, Interval(t.at - H, t.at)) == ()


def test_wall_clock_at():
    day = date(2026, 11, 1)
    assert lt.wall_clock_at(LA, day, 0) == lt.day_bounds(LA, day).start
    assert lt.wall_clock_at(LA, day, 1440) == lt.day_bounds(LA, day).end
    with pytest.raises(lt.AmbiguousLocalTime):
        lt.wall_clock_at(LA, day, 90)
    assert lt.wall_clock_at(LA, day, 90, 1) - lt.wall_clock_at(LA, day, 90, 0) == H
    with pytest.raises(lt.NonexistentLocalTime):
        lt.wall_clock_at(LA, date(2026, 3, 8), 150)
    for bad in (-1, 1441, 1.5, True, "60"):
        with pytest.raises(InvalidInput):
            lt.wall_clock_at(LA, day, bad)


def test_labels():
    assert lt.label("Asia/Tokyo", datetime(2026, 1, 1, tzinfo=UTC)) == "09:00 JST (UTC+09:00)"
    assert lt.label(LH, datetime(2026, 6, 1, tzinfo=UTC)) == "10:30 +1030 (UTC+10:30)"


@pytest.mark.parametrize(
    "bad",
    [datetime(2026, 3, 8, 2, 30, tzinfo=UTC), datetime(1900, 1, 1), datetime(9999, 1, 1),
     "2026-03-08 02:30", date(2026, 3, 8), None, 1234567890],
)
def test_to_utc_bad_input(bad):
    with pytest.raises(InvalidInput):
        lt.to_utc(LA, bad)


@pytest.mark.parametrize("name", ["Mars/Olympus_Mons", "", "../etc/passwd", None, 5])
def test_unknown_zone(name):
    with pytest.raises(InvalidInput):
        lt.zone(name)
    with pytest.raises(InvalidInput):
        lt.to_utc(name, datetime(2026, 1, 1))


def test_bad_fold_and_naive_instants():
    with pytest.raises(InvalidInput):
        lt.to_utc(LA, datetime(2026, 11, 1, 1, 30), 2)
    with pytest.raises(InvalidInput):
        lt.to_local(LA, datetime(2026, 1, 1))
    with pytest.raises(InvalidInput):
        lt.day_bounds(LA, datetime(2026, 1, 1))
    aware = datetime(2026, 1, 1, 12, tzinfo=timezone(timedelta(hours=2)))
    assert lt.to_local(LA, aware).hour == 2


ZONES = [LA, NY, LON, LH, *NO_DST]


@example(zone=LH, local=datetime(2026, 10, 4, 2, 10))
@example(zone=LH, local=datetime(2026, 4, 5, 1, 50))
@example(zone=LON, local=datetime(2026, 3, 29, 1, 0))
@given(zone=st.sampled_from(ZONES),
       local=st.datetimes(datetime(2025, 1, 1), datetime(2027, 12, 31)))
def test_every_wall_clock_reading_is_refused_resolved_or_offered_twice(zone, local):
    local = local.replace(second=0, microsecond=0)
    try:
        instant = lt.to_utc(zone, local)
    except lt.NonexistentLocalTime as gap:
        before, after = gap.alternatives
        assert before.instant < after.instant <= before.instant + timedelta(minutes=1)
        assert lt.instants_for(zone, local) == ()
    except lt.AmbiguousLocalTime as fold:
        for choice in fold.choices:
            assert lt.to_local(zone, choice.instant).replace(tzinfo=None) == local
    else:
        assert lt.to_local(zone, instant).replace(tzinfo=None) == local
        assert lt.local_date(zone, instant) == local.date()
        assert lt.day_bounds(zone, local.date()).contains(instant)
