"""The calendar model draws 23-, 24-, 25- and 24.5-hour days correctly (no Qt needed)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from kiosk.core.hours import open_spans_on
from kiosk.core.model import Interval, Reservation, ReservationStatus, Resource
from kiosk.core.policy import WeeklyHours
from kiosk.ui.calendar_model import CellState, DayModel

LA = "America/Los_Angeles"
SAW = Resource("saw", "pdx", "Table saw", "saw")
DRILL = Resource("drill", "pdx", "Drill press", "drill")


def res(rid: str, resource: str, member: str, start: datetime, hours: float,  # noqa: PLR0917
        status: ReservationStatus = ReservationStatus.CONFIRMED) -> Reservation:
    return Reservation(rid, resource, member, Interval(start, start + timedelta(hours=hours)),
                       status)


@pytest.mark.parametrize(
    ("zone", "day", "hours", "rows"),
    [(LA, date(2026, 6, 1), 24, 48), (LA, date(2026, 3, 8), 23, 46),
     (LA, date(2026, 11, 1), 25, 50), ("Australia/Lord_Howe", date(2026, 4, 5), 24.5, 49),
     ("Asia/Kolkata", date(2026, 3, 8), 24, 48), ("Europe/Berlin", date(2026, 3, 29), 23, 46)],
)
def test_day_length_and_rows_follow_the_zone(zone, day, hours, rows) -> None:
    model = DayModel(zone, day, [SAW])
    assert model.hours == hours
    assert len(model.rows) == rows
    # rows tile the day with no gap and no overlap
    assert model.rows[0].span.start == model.bounds.start
    assert model.rows[-1].span.end == model.bounds.end
    for a, b in zip(model.rows, model.rows[1:], strict=False):
        assert a.span.end == b.span.start


def test_spring_forward_hour_is_absent() -> None:
    model = DayModel(LA, date(2026, 3, 8), [SAW])
    walls = [r.wall for r in model.rows]
    assert "02:00" not in walls and "02:30" not in walls
    assert walls[walls.index("01:30") + 1] == "03:00"
    assert model.dst_change is not None and model.dst_change.shift == timedelta(hours=1)


def test_fall_back_hour_appears_twice_labelled() -> None:
    model = DayModel(LA, date(2026, 11, 1), [SAW])
    repeated = [(r.wall, r.repeat, r.abbr) for r in model.rows if r.repeat]
    assert repeated == [("01:00", 1, "PDT"), ("01:30", 1, "PDT"),
                        ("01:00", 2, "PST"), ("01:30", 2, "PST")]
    assert model.dst_change is not None and model.dst_change.shift == -timedelta(hours=1)


def test_states_free_taken_yours_pending_closed() -> None:
    day = date(2026, 6, 1)
    hours = WeeklyHours.parse({d: [["08:00", "20:00"]] for d in
                               ("mon", "tue", "wed", "thu", "fri", "sat", "sun")})
    spans = {SAW.id: open_spans_on(LA, hours, day), DRILL.id: open_spans_on(LA, hours, day)}
    model = DayModel(LA, day, [SAW, DRILL], viewer_id="me", open_spans=spans)
    nine = datetime(2026, 6, 1, 16, tzinfo=UTC)  # 09:00 PDT
    model.set_reservations([
        res("r1", SAW.id, "me", nine, 1),
        res("r2", SAW.id, "other", nine + timedelta(hours=2), 1),
        res("r3", DRILL.id, "other", nine, 1, ReservationStatus.PENDING),
        res("r4", DRILL.id, "other", nine + timedelta(hours=3), 1, ReservationStatus.CANCELLED),
    ])
    assert model.state_at(SAW.id, nine) == CellState.YOURS
    assert model.state_at(SAW.id, nine + timedelta(hours=2, minutes=30)) == CellState.TAKEN
    assert model.state_at(DRILL.id, nine) == CellState.PENDING
    assert model.state_at(DRILL.id, nine + timedelta(hours=3)) == CellState.FREE
    assert model.state_at(SAW.id, nine - timedelta(hours=3)) == CellState.CLOSED
    assert [r.id for r in model.free_now(nine + timedelta(hours=1))] == [SAW.id, DRILL.id]
    assert [r.id for r in model.free_now(nine)] == []


def test_now_is_only_on_today() -> None:
    model = DayModel(LA, date(2026, 6, 1), [SAW])
    assert model.now_minutes(datetime(2026, 6, 1, 8, tzinfo=UTC)) == 60.0  # 01:00 PDT
    assert model.now_minutes(datetime(2026, 6, 3, tzinfo=UTC)) is None


def test_opening_hours_on_a_gap_day_start_when_the_clock_jumps() -> None:
    hours = WeeklyHours.parse({"sun": [["02:30", "20:00"]]})
    spans = open_spans_on(LA, hours, date(2026, 3, 8))
    assert spans[0].start == datetime(2026, 3, 8, 10, tzinfo=UTC)  # 03:00 PDT
