"""Booking policy: the settings every rule reads, and how they inherit.

Settings inherit global → site → resource, with a cohort layer for the settings that
concern a member (how many bookings they may hold, how far ahead they may book). Each
effective value remembers which layer it came from, so staff can see why a rule applies.
Layers are plain mappings (JSON objects in the store and on the wire); unknown keys and
values of the wrong type are refused with ``InvalidInput`` so a typo never passes silently.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from itertools import pairwise

from kiosk.core.errors import InvalidInput

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HHMM = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)$")

#: Minutes from local midnight: (opens, closes), 0 <= opens < closes <= 1440.
DailyHours = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class WeeklyHours:
    """Opening hours per weekday in local wall-clock time (index 0 is Monday)."""

    days: tuple[DailyHours, ...]

    @classmethod
    def around_the_clock(cls) -> WeeklyHours:
        return cls(tuple(((0, 1440),) for _ in WEEKDAYS))

    @classmethod
    def parse(cls, value: object) -> WeeklyHours:
        """Parse ``"24/7"`` or ``{"mon": [["08:00", "20:00"]], …}`` (missing day = closed)."""
        if isinstance(value, WeeklyHours):
            return value
        if value == "24/7":
            return cls.around_the_clock()
        if not isinstance(value, Mapping):
            raise InvalidInput("opening_hours must be '24/7' or a mapping of weekday to spans")
        unknown = set(value) - set(WEEKDAYS)
        if unknown:
            raise InvalidInput(f"opening_hours has unknown weekdays: {sorted(unknown)}")
        return cls(tuple(_parse_day(day, value.get(day, [])) for day in WEEKDAYS))

    def to_json(self) -> dict[str, list[list[str]]]:
        return {
            day: [[_fmt(a), _fmt(b)] for a, b in spans]
            for day, spans in zip(WEEKDAYS, self.days, strict=True)
            if spans
        }

    def spans_on(self, weekday: int) -> DailyHours:
        return self.days[weekday]


def _parse_minute(text: object, what: str) -> int:
    if not isinstance(text, str) or not (m := _HHMM.match(text)):
        raise InvalidInput(f"{what} must be HH:MM, not {text!r}")
    minute = int(m.group(1)) * 60 + int(m.group(2))
    if minute > 1440:
        raise InvalidInput(f"{what} is past 24:00")
    return minute


def _parse_day(day: str, spans: object) -> DailyHours:
    if not isinstance(spans, list | tuple):
        raise InvalidInput(f"opening_hours.{day} must be a list of [open, close] pairs")
    out: list[tuple[int, int]] = []
    for span in spans:
        if not isinstance(span, list | tuple) or len(span) != 2:
            raise InvalidInput(f"opening_hours.{day} entries must be [open, close]")
        opens = _parse_minute(span[0], f"opening_hours.{day} open")
        closes = _parse_minute(span[1], f"opening_hours.{day} close")
        if closes <= opens:
            raise InvalidInput(f"opening_hours.{day}: closing time must be after opening")
        out.append((opens, closes))
    out.sort()
    for (_, a_close), (b_open, _) in pairwise(out):
        if b_open < a_close:
            raise InvalidInput(f"opening_hours.{day}: spans overlap")
    return tuple(out)


def _fmt(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@dataclass(frozen=True, slots=True)
class BookingPolicy:
    """The effective settings one booking is judged by. Defaults are the global layer's."""

    slot_minutes: int = 30
    min_minutes: int = 30
    max_minutes: int = 240
    buffer_minutes: int = 0
    max_days_ahead: int = 14
    max_active_per_member: int = 4
    opening_hours: WeeklyHours = WeeklyHours.parse(  # noqa: RUF009 (immutable value)
        {d: [["08:00", "20:00"]] for d in WEEKDAYS}
    )
    checkin_before_minutes: int = 15
    checkin_grace_minutes: int = 15
    waitlist_hold_minutes: int = 30
    no_show_suspend_after: int = 3


POLICY_KEYS: frozenset[str] = frozenset(f.name for f in fields(BookingPolicy))
#: Settings a cohort layer may override (they concern the member, not the resource).
COHORT_KEYS: frozenset[str] = frozenset({"max_days_ahead", "max_active_per_member"})
LAYER_NAMES = ("global", "site", "resource", "cohort")


@dataclass(frozen=True, slots=True)
class EffectivePolicy:
    """A resolved policy plus, for each setting, the layer its value came from."""

    policy: BookingPolicy
    sources: Mapping[str, str]

    def source(self, key: str) -> str:
        return self.sources[key]


def _coerce(key: str, value: object) -> object:
    if key == "opening_hours":
        return WeeklyHours.parse(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"setting {key} must be a whole number, not {value!r}")
    if value < 0 or (value == 0 and key in {"slot_minutes", "min_minutes", "max_minutes"}):
        raise InvalidInput(f"setting {key} must be positive, not {value}")
    return value


def validate_layer(layer: Mapping[str, object], *, cohort: bool = False) -> dict[str, object]:
    """Check one layer's keys and types; return it with values coerced."""
    allowed = COHORT_KEYS if cohort else POLICY_KEYS
    unknown = set(layer) - allowed
    if unknown:
        raise InvalidInput(f"unknown settings: {', '.join(sorted(unknown))}")
    return {key: _coerce(key, value) for key, value in layer.items()}


def resolve_policy(layers: Sequence[tuple[str, Mapping[str, object]]]) -> EffectivePolicy:
    """Fold ``[(layer name, overrides), …]`` from least to most specific into one policy.

    Built-in defaults count as the ``global`` layer. A ``cohort`` layer may only set
    ``COHORT_KEYS``.
    """
    values: dict[str, object] = {}
    sources = dict.fromkeys(POLICY_KEYS, "global")
    for name, layer in layers:
        if name not in LAYER_NAMES:
            raise InvalidInput(f"unknown settings layer {name!r}")
        for key, value in validate_layer(layer, cohort=name == "cohort").items():
            values[key] = value
            sources[key] = name
    policy = BookingPolicy(**values)  # type: ignore[arg-type]
    if policy.min_minutes > policy.max_minutes:
        raise InvalidInput("min_minutes is larger than max_minutes")
    return EffectivePolicy(policy, sources)
