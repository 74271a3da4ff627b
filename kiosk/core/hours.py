"""Opening hours and closures as real UTC spans, correct on DST change days.

Weekly hours are local wall-clock minutes. A span opens at the first instant the wall
clock reads its opening time or later (an opening time inside a spring-forward gap opens
at the jump) and closes at the *last* instant the wall clock reads its closing time (a
span closing at 01:30 on fall-back night closes at the second 01:30). So an 08:00–20:00
day is 12 real hours even on change days, while a 00:00–24:00 day is 23 or 25. Spans of
consecutive days that touch (a 24/7 resource) merge, so a booking may cross midnight.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from kiosk.core.localtime import local_date, resolve_wall_clock
from kiosk.core.model import Closure, Interval
from kiosk.core.policy import WeeklyHours

Span = tuple[datetime, datetime]


@lru_cache(maxsize=4096)
def open_spans_on(zone_name: str, hours: WeeklyHours, day: date) -> tuple[Interval, ...]:
    """The UTC spans one local day is open (empty spans, e.g. inside a gap, dropped).
    Remembered: every check of a booking asks again for the same few days."""
    midnight = datetime.combine(day, time())
    out: list[Interval] = []
    for opens, closes in hours.spans_on(day.weekday()):
        start = resolve_wall_clock(zone_name, midnight + timedelta(minutes=opens))
        end = resolve_wall_clock(zone_name, midnight + timedelta(minutes=closes), latest=True)
        if end > start:
            out.append(Interval(start, end))
    return tuple(out)


def merge(spans: Iterable[Span]) -> list[Span]:
    """Sorted union of half-open spans; touching spans become one."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def open_spans(zone_name: str, hours: WeeklyHours, span: Interval) -> list[Span]:
    """Merged open spans for every local day that ``span`` touches (one day either side,
    so spans running into or out of ``span`` come whole)."""
    return list(_open_around(zone_name, hours, span))


def _open_around(zone_name: str, hours: WeeklyHours, span: Interval) -> tuple[Span, ...]:
    first = local_date(zone_name, span.start) - timedelta(days=1)
    last = local_date(zone_name, span.end) + timedelta(days=1)
    return _open_between(zone_name, hours, first, last)


@lru_cache(maxsize=1024)
def _open_between(zone_name: str, hours: WeeklyHours, first: date, last: date
                  ) -> tuple[Span, ...]:
    """Merged open spans of the local days ``first`` to ``last``, remembered like
    ``open_spans_on``'s."""
    days = (first + timedelta(days=i) for i in range((last - first).days + 1))
    return tuple(merge((i.start, i.end) for day in days
                       for i in open_spans_on(zone_name, hours, day)))


def covered(spans: Sequence[Span], starts: Sequence[datetime], wanted: Span) -> bool:
    """Whether one of the merged ``spans`` (with ``starts`` their start list) covers
    ``wanted``: a binary search, for repeated checks."""
    i = bisect_right(starts, wanted[0]) - 1
    return i >= 0 and spans[i][1] >= wanted[1]


def within_hours(zone_name: str, hours: WeeklyHours, requested: Interval) -> bool:
    """True when ``requested`` lies entirely inside one run of open time."""
    spans = _open_around(zone_name, hours, requested)
    return covered(spans, [s for s, _ in spans], (requested.start, requested.end))


def applicable_closures(
    closures: Iterable[Closure], site_id: str, resource_id: str
) -> list[Closure]:
    """Closures of the site as a whole or of this one resource."""
    return [
        c for c in closures
        if c.site_id == site_id and c.resource_id in (None, resource_id)
    ]


def closing(
    closures: Iterable[Closure], site_id: str, resource_id: str, requested: Interval
) -> Closure | None:
    """The first applicable closure overlapping ``requested``, if any."""
    for c in applicable_closures(closures, site_id, resource_id):
        if c.interval.overlaps(requested):
            return c
    return None


def blocked(spans: Iterable[Span]) -> tuple[list[Span], list[datetime]]:
    """Merged spans plus their end list, for ``hits``."""
    merged = merge(spans)
    return merged, [end for _, end in merged]


def hits(spans: Sequence[Span], ends: Sequence[datetime], wanted: Span) -> bool:
    """Whether ``wanted`` overlaps one of the merged ``spans`` (``ends`` their end list)."""
    i = bisect_right(ends, wanted[0])
    return i < len(spans) and spans[i][0] < wanted[1]
