"""The day calendar's model: plain Python, no Qt.

Time runs down the rows, resources across the columns. The time axis is *real elapsed
time* from local midnight to the next local midnight, so a spring-forward day is 23 hours
long (the missing hour has no row and cannot be picked), a fall-back day is 25 hours long
(the repeated hour has two sets of rows, each labelled with its offset), and Lord Howe's
half-hour shift comes out right too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from kiosk.core import localtime
from kiosk.core.localtime import Transition
from kiosk.core.model import Interval, Reservation, ReservationStatus, Resource


class CellState(StrEnum):
    FREE = "free"
    TAKEN = "taken"
    YOURS = "yours"
    PENDING = "pending"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class TimeRow:
    """One slot row. ``repeat`` is 0 for an ordinary row, 1 or 2 for the first or second
    pass through a wall-clock reading that happens twice today."""

    span: Interval
    local: datetime  # aware, in the site's zone
    repeat: int
    abbr: str

    @property
    def wall(self) -> str:
        return f"{self.local:%H:%M}"


@dataclass(frozen=True, slots=True)
class Block:
    """A drawn reservation: where, when, and how it looks to the viewer."""

    resource_id: str
    span: Interval
    state: CellState
    reservation_id: str


def build_rows(zone_name: str, day: date, slot_minutes: int) -> list[TimeRow]:
    """Rows on the local slot grid; a gap reading yields none, a fold reading two."""
    bounds = localtime.day_bounds(zone_name, day)
    midnight = datetime.combine(day, time())
    starts: list[tuple[datetime, int]] = []
    for minute in range(0, 1440, slot_minutes):
        found = localtime.instants_for(zone_name, midnight + timedelta(minutes=minute))
        starts += [(instant, (i + 1) if len(found) > 1 else 0) for i, instant in enumerate(found)]
    starts.sort()
    rows: list[TimeRow] = []
    for i, (instant, repeat) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else bounds.end
        local = localtime.to_local(zone_name, instant)
        rows.append(TimeRow(Interval(instant, end), local, repeat, local.tzname() or ""))
    return rows


class DayModel:
    """One day of one site's calendar for a set of resources.

    ``viewer_id`` is the signed-in member (their bookings show as *yours*); ``open_spans``
    maps a resource id to its open intervals today (missing: open all day).
    """

    def __init__(self, zone_name: str, day: date, resources: Sequence[Resource], *,
                 slot_minutes: int = 30, viewer_id: str | None = None,
                 open_spans: Mapping[str, Sequence[Interval]] | None = None) -> None:
        self.zone, self.day, self.slot_minutes = zone_name, day, slot_minutes
        self.columns: list[Resource] = list(resources)
        self.viewer_id = viewer_id
        self.bounds = localtime.day_bounds(zone_name, day)
        self.rows = build_rows(zone_name, day, slot_minutes)
        self.transitions: tuple[Transition, ...] = localtime.transitions_between(
            zone_name, self.bounds)
        self._open = {k: list(v) for k, v in (open_spans or {}).items()}
        self._blocks: dict[str, list[Block]] = {r.id: [] for r in self.columns}

    # -- data -----------------------------------------------------------------------
    def set_reservations(self, reservations: Iterable[Reservation]) -> None:
        self._blocks = {r.id: [] for r in self.columns}
        for res in reservations:
            if res.active and res.resource_id in self._blocks \
                    and res.interval.overlaps(self.bounds):
                self._blocks[res.resource_id].append(
                    Block(res.resource_id, res.interval, self._state_of(res), res.id))
        for blocks in self._blocks.values():
            blocks.sort(key=lambda b: b.span.start)

    def _state_of(self, res: Reservation) -> CellState:
        if self.viewer_id is not None and res.member_id == self.viewer_id:
            return CellState.YOURS
        if res.status == ReservationStatus.PENDING:
            return CellState.PENDING
        return CellState.TAKEN

    def blocks(self, resource_id: str) -> list[Block]:
        return self._blocks.get(resource_id, [])

    def closed_spans(self, resource_id: str) -> list[Interval]:
        """The parts of the day when the resource is not open."""
        if resource_id not in self._open:
            return []
        out, cursor = [], self.bounds.start
        for span in sorted(self._open[resource_id]):
            if span.start > cursor:
                out.append(Interval(cursor, span.start))
            cursor = max(cursor, span.end)
        if cursor < self.bounds.end:
            out.append(Interval(cursor, self.bounds.end))
        return out

    # -- geometry and queries -------------------------------------------------------
    @property
    def length(self) -> timedelta:
        return self.bounds.duration

    @property
    def hours(self) -> float:
        return self.length.total_seconds() / 3600

    def minutes_from_start(self, instant: datetime) -> float:
        return (instant - self.bounds.start).total_seconds() / 60

    def row_at(self, instant: datetime) -> int | None:
        for i, row in enumerate(self.rows):
            if row.span.contains(instant):
                return i
        return None

    def state_at(self, resource_id: str, instant: datetime) -> CellState:
        for block in self.blocks(resource_id):
            if block.span.contains(instant):
                return block.state
        if any(s.contains(instant) for s in self.closed_spans(resource_id)):
            return CellState.CLOSED
        return CellState.FREE

    def free_now(self, now: datetime) -> list[Resource]:
        """Resources open and not booked at ``now`` (empty outside today)."""
        if not self.bounds.contains(now):
            return []
        return [r for r in self.columns if self.state_at(r.id, now) == CellState.FREE]

    def now_minutes(self, now: datetime) -> float | None:
        return self.minutes_from_start(now) if self.bounds.contains(now) else None

    @property
    def dst_change(self) -> Transition | None:
        return self.transitions[0] if self.transitions else None
