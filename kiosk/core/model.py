"""Plain, immutable domain records shared by the kiosk and the central server.

Every instant is an aware ``datetime`` in UTC. Local wall-clock handling lives in
``kiosk.core.localtime``; nothing here knows about a time zone other than by name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from kiosk.core.errors import InvalidInput

SETTINGS_MAPPING = Mapping[str, object]


class ReservationStatus(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    CHECKED_IN = "checked_in"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


#: Statuses that hold a slot: two of these may not overlap on one resource.
ACTIVE_STATUSES: frozenset[ReservationStatus] = frozenset(
    {ReservationStatus.PENDING, ReservationStatus.CONFIRMED, ReservationStatus.CHECKED_IN}
)


class MemberStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"


class WaitlistStatus(StrEnum):
    WAITING = "waiting"
    OFFERED = "offered"
    CLAIMED = "claimed"
    EXPIRED = "expired"
    LEFT = "left"


#: Years an instant may fall in. A local date or time a person gives must lie in a year
#: before ``MAX_YEAR`` (``LAST_LOCAL_YEAR``), so that the end of its day, or of a booking
#: made that day, is still an instant in range in every time zone.
MIN_YEAR, MAX_YEAR = 1970, 2200
LAST_LOCAL_YEAR = MAX_YEAR - 1


def require_utc(value: object, name: str) -> datetime:
    """Return ``value`` as a UTC datetime, refusing naive or non-datetime values."""
    if not isinstance(value, datetime):
        raise InvalidInput(f"{name} must be a date and time, not {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInput(f"{name} has no time zone; give it in UTC or with an offset")
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise InvalidInput(f"{name} year {value.year} is out of range ({MIN_YEAR}–{MAX_YEAR})")
    return value.astimezone(UTC)


@dataclass(frozen=True, slots=True, order=True)
class Interval:
    """A half-open span of time ``[start, end)`` in UTC; ``end`` is strictly after ``start``."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", require_utc(self.start, "start"))
        object.__setattr__(self, "end", require_utc(self.end, "end"))
        if self.end <= self.start:
            raise InvalidInput("the end must be after the start")

    @property
    def duration(self) -> timedelta:
        """Real elapsed time (UTC arithmetic, so DST changes count as they happen)."""
        return self.end - self.start

    @property
    def minutes(self) -> int:
        return int(self.duration.total_seconds() // 60)

    def overlaps(self, other: Interval, buffer: timedelta = timedelta(0)) -> bool:
        """True when the two spans overlap or come closer than ``buffer``."""
        return self.start < other.end + buffer and other.start < self.end + buffer

    def contains(self, instant: datetime) -> bool:
        return self.start <= instant < self.end

    def covers(self, other: Interval) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Site:
    id: str
    name: str
    timezone: str
    settings: SETTINGS_MAPPING = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Closure:
    """A span when the whole site (or one resource) takes no bookings: holiday, blackout."""

    id: str
    site_id: str
    interval: Interval
    reason: str
    resource_id: str | None = None


@dataclass(frozen=True, slots=True)
class Resource:
    id: str
    site_id: str
    name: str
    kind: str
    required_badge: str | None = None
    settings: SETTINGS_MAPPING = field(default_factory=dict)
    active: bool = True


@dataclass(frozen=True, slots=True)
class ResourceKind:
    """A site's kind of resource (``code``, as resources carry it) and its display name
    in each language the site wrote one for (``{"en": "Table saw", "es": "Sierra de
    mesa"}``)."""

    code: str
    site_id: str
    names: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Member:
    """A member's kiosk identity: never more than the kiosk needs to recognise them."""

    id: str
    site_id: str
    number: str
    display_name: str
    cohort: str | None = None
    status: MemberStatus = MemberStatus.ACTIVE
    no_show_count: int = 0
    badges: frozenset[str] = frozenset()
    language: str | None = None  # BCP-47 code from the member's record ("es"), if any

    @property
    def short_name(self) -> str:
        """First name and last initial: what the kiosk may show on screen."""
        parts = self.display_name.split()
        if len(parts) < 2:
            return self.display_name
        return f"{parts[0]} {parts[-1][0]}."


@dataclass(frozen=True, slots=True)
class Reservation:
    id: str
    resource_id: str
    member_id: str
    interval: Interval
    status: ReservationStatus = ReservationStatus.CONFIRMED
    created_at: datetime | None = None
    checked_in_at: datetime | None = None
    no_show: bool = False
    via: str = "kiosk"

    @property
    def active(self) -> bool:
        return self.status in ACTIVE_STATUSES


@dataclass(frozen=True, slots=True)
class WaitlistEntry:
    id: str
    resource_id: str
    member_id: str
    interval: Interval
    created_at: datetime
    status: WaitlistStatus = WaitlistStatus.WAITING
    offered_at: datetime | None = None
    offer_expires_at: datetime | None = None
