"""Local wall-clock time ↔ UTC for a site's IANA zone, with DST handled explicitly.

A wall-clock time that does not exist (spring forward) is refused with the nearest valid
choices; an ambiguous one (fall back) yields both instants, labelled, for the caller to
choose. Day boundaries follow the zone, so days of 23 and 25 hours (or 23.5 on
Lord Howe) come out right.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from kiosk.core.model import Interval


@dataclass(frozen=True, slots=True)
class LocalChoice:
    """One real instant for a wall-clock reading, with the label a person would read."""

    instant: datetime  # UTC
    fold: int  # 0 = earlier, 1 = later (PEP 495)
    label: str  # e.g. "01:30 PDT (UTC−07:00)"


class NonexistentLocalTime(Exception):
    """The wall-clock time falls in a spring-forward gap. ``alternatives`` are the nearest
    valid times: the last valid minute-slot before the gap and the first one after it."""

    def __init__(self, local: datetime, zone: str, alternatives: tuple[LocalChoice, ...]):
        super().__init__(f"{local:%Y-%m-%d %H:%M} does not exist in {zone}")
        self.local = local
        self.zone = zone
        self.alternatives = alternatives


class AmbiguousLocalTime(Exception):
    """The wall-clock time happens twice (fall back); ``choices`` are (earlier, later)."""

    def __init__(self, local: datetime, zone: str, choices: tuple[LocalChoice, LocalChoice]):
        super().__init__(f"{local:%Y-%m-%d %H:%M} happens twice in {zone}")
        self.local = local
        self.zone = zone
        self.choices = choices


def zone(name: str) -> ZoneInfo:
    """Return the zone, raising ``InvalidInput`` for an unknown name."""
    raise NotImplementedError


def to_utc(zone_name: str, local: datetime, fold: int | None = None) -> datetime:
    """Turn a naive local wall-clock datetime into a UTC instant.

    ``fold=None`` means the caller has not chosen: an ambiguous time raises
    ``AmbiguousLocalTime``. A nonexistent time always raises ``NonexistentLocalTime``.
    Aware or non-datetime input raises ``InvalidInput``.
    """
    raise NotImplementedError


def to_local(zone_name: str, instant: datetime) -> datetime:
    """The aware local datetime for a UTC instant."""
    raise NotImplementedError


def label(zone_name: str, instant: datetime) -> str:
    """``"HH:MM ABBR (UTC±hh:mm)"`` for an instant, as shown when a time is ambiguous."""
    raise NotImplementedError


def day_bounds(zone_name: str, day: date) -> Interval:
    """The UTC interval of one local calendar day (23, 24, 25 or 23.5… hours long)."""
    raise NotImplementedError


def day_length(zone_name: str, day: date) -> timedelta:
    raise NotImplementedError


def local_date(zone_name: str, instant: datetime) -> date:
    raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Transition:
    """A UTC-offset change: the instant it happens and the offsets before and after."""

    at: datetime  # UTC
    offset_before: timedelta
    offset_after: timedelta
    abbr_before: str
    abbr_after: str

    @property
    def shift(self) -> timedelta:
        """Positive when clocks go forward (a gap), negative when they go back (a fold)."""
        return self.offset_after - self.offset_before


def transitions_between(zone_name: str, span: Interval) -> tuple[Transition, ...]:
    """Every offset change inside ``span``, in order (for drawing 23/25-hour days and for
    the "clocks change tonight" note)."""
    raise NotImplementedError


def wall_clock_at(zone_name: str, day: date, minute: int) -> datetime:
    """UTC instant of ``minute`` minutes after local midnight *on the wall clock* of ``day``;
    raises the same exceptions as ``to_utc`` with ``fold=None``. ``minute`` may be 1440
    (midnight that ends the day)."""
    raise NotImplementedError
