"""Local wall-clock time ↔ UTC for a site's IANA zone, with DST handled explicitly.

A wall-clock time that does not exist (spring forward) is refused with the nearest valid
choices; an ambiguous one (fall back) yields both instants, labelled, for the caller to
choose. Day boundaries follow the zone, so days of 23 and 25 hours (or 23.5 on
Lord Howe) come out right.

Gap alternatives: for a nonexistent wall-clock time the two nearest valid choices are the
last wall-clock time before the gap, rounded *down* to ``step_minutes`` on the local grid
(01:59 with the default step of 1, 01:30 with a step of 30), and the first wall-clock time
after the gap rounded *up* to the grid (03:00 in Los Angeles, 02:30 on Lord Howe).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.core.errors import InvalidInput
from kiosk.core.model import LAST_LOCAL_YEAR, MIN_YEAR, Interval, require_utc

_MINUTE = timedelta(minutes=1)
#: Sampling step when looking for offset changes; no zone changes offset twice within it.
_SCAN_STEP = timedelta(hours=1)


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


@lru_cache(maxsize=64)
def zone(name: str) -> ZoneInfo:
    """Return the zone, raising ``InvalidInput`` for an unknown name."""
    if not isinstance(name, str) or not name:
        raise InvalidInput(f"time zone must be an IANA name, not {name!r}")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise InvalidInput(f"unknown time zone {name!r}") from exc


def _require_naive(local: object) -> datetime:
    if not isinstance(local, datetime):
        raise InvalidInput(f"local time must be a date and time, not {type(local).__name__}")
    if local.tzinfo is not None:
        raise InvalidInput("local wall-clock time must not carry a time zone")
    if not MIN_YEAR <= local.year <= LAST_LOCAL_YEAR + 1:  # the end of the last day
        raise InvalidInput(f"year {local.year} is out of range ({MIN_YEAR}–{LAST_LOCAL_YEAR})")
    return local


def instants_for(zone_name: str, local: datetime) -> tuple[datetime, ...]:
    """Every UTC instant whose wall clock reads ``local``: none (gap), one, or two (fold)."""
    z = zone(zone_name)
    naive = _require_naive(local)
    first = naive.replace(tzinfo=z, fold=0).astimezone(UTC)
    second = naive.replace(tzinfo=z, fold=1).astimezone(UTC)
    if first.astimezone(z).replace(tzinfo=None) != naive:
        return ()
    if first == second:
        return (first,)
    return (min(first, second), max(first, second))


def _choice(zone_name: str, instant: datetime, fold: int) -> LocalChoice:
    return LocalChoice(instant, fold, label(zone_name, instant))


def to_utc(
    zone_name: str, local: datetime, fold: int | None = None, *, step_minutes: int = 1
) -> datetime:
    """Turn a naive local wall-clock datetime into a UTC instant.

    ``fold=None`` means the caller has not chosen: an ambiguous time raises
    ``AmbiguousLocalTime``. A nonexistent time always raises ``NonexistentLocalTime``
    (alternatives rounded to ``step_minutes``). Aware or non-datetime input raises
    ``InvalidInput``.
    """
    if fold not in (None, 0, 1) or isinstance(fold, bool):
        raise InvalidInput(f"fold must be 0 (earlier), 1 (later) or None, not {fold!r}")
    found = instants_for(zone_name, local)
    if not found:
        alternatives = _gap_alternatives(zone_name, local, step_minutes)
        raise NonexistentLocalTime(local, zone_name, alternatives)
    if len(found) == 1:
        return found[0]
    if fold is None:
        choices = (_choice(zone_name, found[0], 0), _choice(zone_name, found[1], 1))
        raise AmbiguousLocalTime(local, zone_name, choices)
    return found[fold]


def _gap_transition(zone_name: str, local: datetime) -> datetime:
    """The instant the clocks jump over ``local`` (which lies in a gap)."""
    z = zone(zone_name)
    a = local.replace(tzinfo=z, fold=0).astimezone(UTC)
    b = local.replace(tzinfo=z, fold=1).astimezone(UTC)
    return _find_change(z, min(a, b) - _SCAN_STEP, max(a, b) + _SCAN_STEP)


def _floor_to_grid(local: datetime, step: int) -> datetime:
    midnight = datetime.combine(local.date(), time())
    minutes = int((local - midnight).total_seconds() // 60)
    return midnight + timedelta(minutes=minutes - minutes % step)


def _ceil_to_grid(local: datetime, step: int) -> datetime:
    floored = _floor_to_grid(local, step)
    return floored if floored == local else floored + timedelta(minutes=step)


def _gap_alternatives(zone_name: str, local: datetime, step: int) -> tuple[LocalChoice, ...]:
    if isinstance(step, bool) or not isinstance(step, int) or not 1 <= step <= 1440:
        raise InvalidInput(f"step_minutes must be 1–1440, not {step!r}")
    z = zone(zone_name)
    jump = _gap_transition(zone_name, local)
    wall_before = (jump - _MINUTE).astimezone(z).replace(tzinfo=None, second=0, microsecond=0)
    wall_after = jump.astimezone(z).replace(tzinfo=None)
    before = resolve_wall_clock(zone_name, _floor_to_grid(wall_before, step))
    after = resolve_wall_clock(zone_name, _ceil_to_grid(wall_after, step))
    return (_choice(zone_name, before, 0), _choice(zone_name, after, 0))


def resolve_wall_clock(zone_name: str, local: datetime, *, latest: bool = False) -> datetime:
    """Never-failing wall clock → UTC: a gap time maps to the instant the clocks jump, a
    fold time to its earlier (or, with ``latest``, later) instant. Used for day and
    opening-hours boundaries, where "the first moment the clock reads 08:00 or later"
    is the meaning wanted."""
    found = instants_for(zone_name, local)
    if not found:
        return _gap_transition(zone_name, local)
    return found[-1] if latest else found[0]


def to_local(zone_name: str, instant: datetime) -> datetime:
    """The aware local datetime for a UTC instant."""
    return require_utc(instant, "instant").astimezone(zone(zone_name))


def label(zone_name: str, instant: datetime) -> str:
    """``"HH:MM ABBR (UTC±hh:mm)"`` for an instant, as shown when a time is ambiguous."""
    local = to_local(zone_name, instant)
    offset = local.utcoffset() or timedelta(0)
    sign = "+" if offset >= timedelta(0) else "−"
    minutes = abs(int(offset.total_seconds() // 60))
    return f"{local:%H:%M} {local.tzname()} (UTC{sign}{minutes // 60:02d}:{minutes % 60:02d})"


def _require_day(day: object) -> date:
    if not isinstance(day, date) or isinstance(day, datetime):
        raise InvalidInput(f"day must be a date, not {type(day).__name__}")
    if not MIN_YEAR <= day.year <= LAST_LOCAL_YEAR:
        raise InvalidInput(f"year {day.year} is out of range ({MIN_YEAR}–{LAST_LOCAL_YEAR})")
    return day


def day_bounds(zone_name: str, day: date) -> Interval:
    """The UTC interval of one local calendar day (23, 24, 25 or 23.5… hours long).

    Each bound is the first instant the wall clock reads that midnight or later, so
    consecutive days tile the timeline with no gap and no overlap."""
    start = datetime.combine(_require_day(day), time())
    return Interval(
        resolve_wall_clock(zone_name, start),
        resolve_wall_clock(zone_name, start + timedelta(days=1)),
    )


def day_length(zone_name: str, day: date) -> timedelta:
    """Real elapsed length of a local calendar day."""
    return day_bounds(zone_name, day).duration


def local_date(zone_name: str, instant: datetime) -> date:
    """The local calendar date at an instant."""
    return to_local(zone_name, instant).date()


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


def _offset(z: ZoneInfo, instant: datetime) -> timedelta:
    return instant.astimezone(z).utcoffset() or timedelta(0)


def _find_change(z: ZoneInfo, lo: datetime, hi: datetime) -> datetime:
    """First instant (to the second) in ``(lo, hi]`` with ``hi``'s offset; the offset at
    ``lo`` must differ from the one at ``hi``."""
    target = _offset(z, hi)
    lo_s, hi_s = int(lo.timestamp()), int(hi.timestamp())
    while hi_s - lo_s > 1:
        mid = (lo_s + hi_s) // 2
        if _offset(z, datetime.fromtimestamp(mid, UTC)) == target:
            hi_s = mid
        else:
            lo_s = mid
    return datetime.fromtimestamp(hi_s, UTC)


def _transition_at(z: ZoneInfo, at: datetime) -> Transition:
    before, after = (at - timedelta(seconds=1)).astimezone(z), at.astimezone(z)
    return Transition(
        at, _offset(z, before), _offset(z, at), before.tzname() or "", after.tzname() or ""
    )


def transitions_between(zone_name: str, span: Interval) -> tuple[Transition, ...]:
    """Every offset change inside ``span``, in order (for drawing 23/25-hour days and for
    the "clocks change tonight" note)."""
    if not isinstance(span, Interval):
        raise InvalidInput(f"span must be an Interval, not {type(span).__name__}")
    z = zone(zone_name)
    found: list[Transition] = []
    lo = span.start - timedelta(seconds=1)  # so a change exactly at the start is seen
    while lo < span.end:
        hi = min(lo + _SCAN_STEP, span.end)
        if _offset(z, lo) != _offset(z, hi):
            found.append(_transition_at(z, _find_change(z, lo, hi)))
        lo = hi
    return tuple(t for t in found if span.contains(t.at))


def wall_clock_at(zone_name: str, day: date, minute: int, fold: int | None = None) -> datetime:
    """UTC instant of ``minute`` minutes after local midnight *on the wall clock* of ``day``;
    raises the same exceptions as ``to_utc`` with ``fold=None``. ``minute`` may be 1440
    (midnight that ends the day)."""
    if isinstance(minute, bool) or not isinstance(minute, int) or not 0 <= minute <= 1440:
        raise InvalidInput(f"minute must be a whole number 0–1440, not {minute!r}")
    local = datetime.combine(_require_day(day), time()) + timedelta(minutes=minute)
    return to_utc(zone_name, local, fold)
