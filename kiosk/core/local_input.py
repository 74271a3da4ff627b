"""Turning what a person typed or tapped (a local date and time, an end or a length) into
a UTC interval, or into a refusal that says what went wrong and offers valid choices.

The CLI and the UI both call ``resolve_span``; a DST gap or fold becomes a ``Refusal``
(``nonexistent_time`` / ``ambiguous_time``) whose alternatives are ready-made intervals.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from kiosk.core import localtime, messages
from kiosk.core.errors import InvalidInput
from kiosk.core.model import LAST_LOCAL_YEAR, MIN_YEAR, Interval
from kiosk.core.refusals import Refusal

_LOCAL_FORMAT = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})\s*$")
FOLD_NAMES = {"earlier": 0, "later": 1}
MAX_MINUTES = 60 * 24 * 31


def parse_local(text: object) -> datetime:
    """Parse ``"YYYY-MM-DD HH:MM"`` into a naive local datetime."""
    if not isinstance(text, str) or not (m := _LOCAL_FORMAT.match(text)):
        raise InvalidInput(f"expected a local time as YYYY-MM-DD HH:MM, not {text!r}")
    year, month, day, hour, minute = (int(g) for g in m.groups())
    try:
        value = datetime(year, month, day, hour, minute)  # noqa: DTZ001 - wall clock
    except ValueError as exc:
        raise InvalidInput(f"{text!r} is not a real date and time: {exc}") from exc
    if not MIN_YEAR <= year <= LAST_LOCAL_YEAR:
        raise InvalidInput(f"year {year} is out of range ({MIN_YEAR}–{LAST_LOCAL_YEAR})")
    return value


def parse_fold(text: str | None) -> int | None:
    if text is None:
        return None
    if text not in FOLD_NAMES:
        raise InvalidInput("fold must be 'earlier' or 'later'")
    return FOLD_NAMES[text]


def resolve_span(zone_name: str, start: datetime, *, end: datetime | None = None,
                 minutes: int | None = None, fold: int | None = None,
                 step_minutes: int = 1) -> Interval | Refusal:
    """The UTC interval for a local start and either a local end or a length in real
    minutes. ``fold`` picks the earlier (0) or later (1) reading of an ambiguous time;
    gap alternatives are rounded to ``step_minutes`` (the resource's slot)."""
    if (end is None) == (minutes is None):
        raise InvalidInput("give either an end time or a number of minutes, not both")
    if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, int)
                                or not 0 < minutes <= MAX_MINUTES):
        raise InvalidInput(f"minutes must be a whole number from 1 to {MAX_MINUTES}")
    try:
        start_utc = localtime.to_utc(zone_name, start, fold, step_minutes=step_minutes)
        end_utc = (start_utc + timedelta(minutes=minutes) if minutes is not None
                   else localtime.to_utc(zone_name, end, fold,  # type: ignore[arg-type]
                                         step_minutes=step_minutes))
    except localtime.NonexistentLocalTime as gap:
        return _gap_refusal(zone_name, gap, start, end, minutes)
    except localtime.AmbiguousLocalTime as twice:
        return _fold_refusal(zone_name, twice, start, end, minutes)
    if end_utc <= start_utc:
        raise InvalidInput("the end must be after the start")
    return Interval(start_utc, end_utc)


def _length(start: datetime, end: datetime | None, minutes: int | None) -> timedelta:
    if minutes is not None:
        return timedelta(minutes=minutes)
    assert end is not None
    return max(end - start, timedelta(minutes=1))


def _gap_refusal(zone_name: str, gap: localtime.NonexistentLocalTime, start: datetime,
                 end: datetime | None, minutes: int | None) -> Refusal:
    length = _length(start, end, minutes)
    earlier, later = gap.alternatives
    refusal = messages.refuse(
        "nonexistent_time", time=f"{gap.local:%H:%M}", date=f"{gap.local:%Y-%m-%d}",
        zone=zone_name, earlier=earlier.label, later=later.label)
    return refusal.with_alternatives(
        tuple(Interval(c.instant, c.instant + length) for c in gap.alternatives))


def _fold_refusal(zone_name: str, twice: localtime.AmbiguousLocalTime, start: datetime,
                  end: datetime | None, minutes: int | None) -> Refusal:
    length = _length(start, end, minutes)
    earlier, later = twice.choices
    refusal = messages.refuse(
        "ambiguous_time", time=f"{twice.local:%H:%M}", date=f"{twice.local:%Y-%m-%d}",
        zone=zone_name, earlier=earlier.label, later=later.label)
    return refusal.with_alternatives(
        tuple(Interval(c.instant, c.instant + length) for c in twice.choices))
