"""Build the demo site's records: site, resources, members, reservations, waitlist.

Deterministic: the same ``today`` (and ``now``) always gives the same records, ids
included (uuid5), so the kiosk's demo cache and the central server's ``demo`` command
describe the same site. Reservations cover several weeks around ``today`` plus both DST
change days of ``today``'s year; ``scale`` streams a large data set for benchmarks.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from kiosk.core import localtime
from kiosk.core.model import (
    Closure,
    Interval,
    Member,
    MemberStatus,
    Reservation,
    ReservationStatus,
    Resource,
    Site,
    WaitlistEntry,
    WaitlistStatus,
)
from kiosk.core.policy import BookingPolicy, resolve_policy
from kiosk.demo import catalogue as cat

_NAMESPACE = uuid.UUID("6c1b9d2e-93c4-4b8a-8f0e-1d2c3b4a5f60")
DAYS_AROUND_TODAY = 21
SEED = 20260308


def demo_id(kind: str, key: object) -> str:
    """A stable id for a demo record, the same on every machine."""
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{key}"))


@dataclass(frozen=True, slots=True)
class DemoMember:
    """A member with the plain credentials the demo documents (the store hashes them)."""

    member: Member
    card: str
    pin: str


@dataclass(slots=True)
class DemoData:
    site: Site
    resources: list[Resource]
    members: list[DemoMember]
    reservations: Iterator[Reservation]
    waitlist: list[WaitlistEntry] = field(default_factory=list)
    closures: list[Closure] = field(default_factory=list)
    cohort_settings: dict[str, dict[str, object]] = field(
        default_factory=lambda: {k: dict(v) for k, v in cat.COHORT_SETTINGS.items()})
    staff_pin: str = cat.STAFF_PIN


def demo_site() -> Site:
    return Site(cat.SITE_ID, cat.SITE_NAME, cat.SITE_TZ, dict(cat.SITE_SETTINGS))


def demo_resources(count: int | None = None) -> list[Resource]:
    """The ~30 resources of the demo library, or ``count`` of them cycling the kinds."""
    out: list[Resource] = []
    for kind in cat.KINDS:
        for n in range(1, kind.count + 1):
            name = cat.ROOM_NAMES[n - 1] if kind.kind == "room" else f"{kind.label} {n}"
            out.append(_resource(kind, name, len(out)))
    index = len(out)
    while count is not None and index < count:
        kind = cat.KINDS[index % len(cat.KINDS)]
        out.append(_resource(kind, f"{kind.label} {index + 1}", index))
        index += 1
    return out if count is None else out[:count]


def _resource(kind: cat.Kind, name: str, index: int) -> Resource:
    return Resource(demo_id("resource", index), cat.SITE_ID, name, kind.kind, kind.badge,
                    dict(kind.settings))


def demo_members() -> list[DemoMember]:
    rng = random.Random(SEED)
    out = []
    for i in range(cat.MEMBER_COUNT):
        number = str(cat.FIRST_MEMBER_NUMBER + i)
        first = cat.FIRST_NAMES[i % len(cat.FIRST_NAMES)]
        last = cat.LAST_NAMES[(i // len(cat.FIRST_NAMES)) % len(cat.LAST_NAMES)]
        no_shows = 3 if i in (197, 198, 199) else rng.choice((0, 0, 0, 0, 1, 2))
        member = Member(
            id=demo_id("member", number), site_id=cat.SITE_ID, number=number,
            display_name=f"{first} {last}",
            cohort="pilot" if i % 5 == 0 else "general",
            status=MemberStatus.SUSPENDED if no_shows >= 3 else MemberStatus.ACTIVE,
            no_show_count=no_shows,
            badges=frozenset(b for b in cat.BADGES if rng.random() < 0.3) | _first_badges(i),
        )
        out.append(DemoMember(member, card=f"40000{number}", pin=number))
    return out


def _first_badges(i: int) -> frozenset[str]:
    # The documented first members hold every badge so a demo can book any machine.
    return frozenset(cat.BADGES) if i < 5 else frozenset()


def build_demo(today: date, now: datetime | None = None, *, scale: int | None = None,
               resource_count: int | None = None) -> DemoData:
    """The demo site. ``scale`` streams that many reservations over ``resource_count``
    resources (default 500) for benchmarks instead of the everyday weeks around today."""
    site = demo_site()
    members = demo_members()
    if scale is not None:
        resources = demo_resources(resource_count or 500)
        stream = _scaled_reservations(site, resources, members, today, scale)
        return DemoData(site, resources, members, stream)
    resources = demo_resources(resource_count)
    days = _demo_days(today)
    everyday = list(_everyday_reservations(site, resources, members, days, now))
    waitlist = _demo_waitlist(site, resources, members, today, now, everyday)
    return DemoData(site, resources, members, iter(everyday), waitlist, demo_closures(today))


def demo_closures(today: date) -> list[Closure]:
    """The site's holidays around ``today``: closed all day, every resource."""
    out = []
    for year in (today.year, today.year + 1):
        for month, day, reason in cat.HOLIDAYS:
            holiday = date(year, month, day)
            out.append(Closure(demo_id("closure", holiday.isoformat()), cat.SITE_ID,
                               localtime.day_bounds(cat.SITE_TZ, holiday), reason))
    return out


def _demo_days(today: date) -> list[date]:
    """Weeks around today plus each DST change day (with its neighbours) of the year."""
    days = {today + timedelta(days=d) for d in range(-DAYS_AROUND_TODAY, DAYS_AROUND_TODAY + 1)}
    year = Interval(datetime(today.year, 1, 1, tzinfo=UTC), datetime(today.year + 1, 1, 1,
                                                                       tzinfo=UTC))
    for change in localtime.transitions_between(cat.SITE_TZ, year):
        change_day = localtime.local_date(cat.SITE_TZ, change.at)
        days |= {change_day + timedelta(days=d) for d in (-1, 0, 1)}
    return sorted(days)


def _noon(day: date) -> datetime:
    return localtime.wall_clock_at(cat.SITE_TZ, day, 12 * 60)


def _status_for(span: Interval, now: datetime, rng: random.Random) -> ReservationStatus:
    if span.end <= now:
        roll = rng.random()
        if roll < 0.8:
            return ReservationStatus.COMPLETED
        return ReservationStatus.NO_SHOW if roll < 0.9 else ReservationStatus.CANCELLED
    if span.start <= now:
        return ReservationStatus.CHECKED_IN
    return ReservationStatus.CANCELLED if rng.random() < 0.05 else ReservationStatus.CONFIRMED


def _make(resource: Resource, member: Member, span: Interval, now: datetime,
          rng: random.Random) -> Reservation:
    status = _status_for(span, now, rng)
    checked = status in (ReservationStatus.COMPLETED, ReservationStatus.CHECKED_IN)
    return Reservation(
        id=demo_id("reservation", f"{resource.id}:{span.start.isoformat()}"),
        resource_id=resource.id, member_id=member.id, interval=span, status=status,
        created_at=span.start - timedelta(days=3),
        checked_in_at=span.start + timedelta(minutes=2) if checked else None,
        no_show=status is ReservationStatus.NO_SHOW, via="web" if rng.random() < 0.6 else "kiosk",
    )


def _policy(site: Site, resource: Resource) -> BookingPolicy:
    return resolve_policy([("site", site.settings), ("resource", resource.settings)]).policy


def _day_bookings(policy: BookingPolicy, day: date, rng: random.Random,
                  density: float) -> Iterator[Interval]:
    """Random non-overlapping bookings inside the resource's opening hours on ``day``."""
    for opens, closes in policy.opening_hours.spans_on(day.weekday()):
        minute = opens
        while minute + policy.min_minutes <= closes:
            slots = rng.randint(policy.min_minutes // policy.slot_minutes,
                                max(policy.min_minutes, min(policy.max_minutes, 240))
                                // policy.slot_minutes)
            length = slots * policy.slot_minutes
            if rng.random() < density and minute + length <= closes:
                span = _wall_span(day, minute, length)
                if span is not None:
                    yield span
                    minute += length + policy.buffer_minutes
                    minute += -minute % policy.slot_minutes
                    continue
            minute += policy.slot_minutes


def _wall_span(day: date, minute: int, length: int) -> Interval | None:
    """The booking from local ``minute`` for ``length`` wall-clock minutes, or None if its
    start or end falls in a DST gap (the demo simply leaves those slots free)."""
    try:
        start = localtime.to_utc(cat.SITE_TZ, _local(day, minute), fold=0)
        end = localtime.to_utc(cat.SITE_TZ, _local(day, minute + length), fold=0)
    except localtime.NonexistentLocalTime:
        return None
    return Interval(start, end) if end > start else None


def _local(day: date, minute: int) -> datetime:
    # Naive on purpose: a local wall-clock reading that localtime.to_utc resolves.
    return datetime(day.year, day.month, day.day) + timedelta(minutes=minute)  # noqa: DTZ001


def _showcase_plot(resources: list[Resource]) -> Resource:
    return next(r for r in resources if r.kind == "garden_plot")


def _showcase(site: Site, resources: list[Resource], members: list[DemoMember],
              days: list[date], now: datetime) -> dict[tuple[str, date], list[Reservation]]:
    """Hand-placed bookings the guides talk about: 01:00–03:00 on both DST change nights
    (180 and 60 real minutes), and member 1001's drill booking starting about now."""
    rng = random.Random(SEED + 1)
    plot = _showcase_plot(resources)
    out: dict[tuple[str, date], list[Reservation]] = {}
    for day in days:
        if localtime.day_length(site.timezone, day) != timedelta(hours=24):
            night = Interval(localtime.to_utc(site.timezone, _local(day, 60), fold=0),
                             localtime.to_utc(site.timezone, _local(day, 180), fold=0))
            out[(plot.id, day)] = [_make(plot, members[1].member, night, now, rng)]
    drill = resources[0]
    today = localtime.local_date(site.timezone, now)
    local_now = localtime.to_local(site.timezone, now)
    minute = local_now.hour * 60 + local_now.minute
    start = minute - minute % 30
    policy = _policy(site, drill)
    open_now = any(a <= start and start + 60 <= b
                   for a, b in policy.opening_hours.spans_on(today.weekday()))
    span = _wall_span(today, start, 60) if open_now else None
    if span is not None:
        booking = Reservation(demo_id("reservation", "member-1001-now"), drill.id,
                              members[0].member.id, span, ReservationStatus.CONFIRMED,
                              created_at=now - timedelta(days=1), via="kiosk")
        out[(drill.id, today)] = [booking]
    return out


def _everyday_reservations(site: Site, resources: list[Resource], members: list[DemoMember],
                           days: list[date], now: datetime | None) -> Iterator[Reservation]:
    now = now or _noon(days[len(days) // 2])
    rng = random.Random(SEED)
    active = [m.member for m in members if m.member.status is MemberStatus.ACTIVE][5:]
    fixed = _showcase(site, resources, members, days, now)
    for resource in resources:
        density = 0.12 if resource.kind == "garden_plot" else 0.35
        policy = _policy(site, resource)
        for day in days:
            if (resource.id, day) in fixed:
                yield from fixed[(resource.id, day)]
                continue
            for span in _day_bookings(policy, day, rng, density):
                yield _make(resource, rng.choice(active), span, now, rng)


def _free_saw_hour(site: Site, saws: list[Resource], reservations: list[Reservation],
                   after: datetime) -> tuple[Resource, Interval]:
    """The first hour on the 30-minute grid from ``after`` when a table saw is free with
    half an hour to spare either side (more than any buffer): an offer one can claim."""
    local = localtime.to_local(site.timezone, after)
    start = localtime.wall_clock_at(site.timezone, local.date(),
                                    local.hour * 60 + -(-local.minute // 30) * 30)
    margin = timedelta(minutes=30)
    for step in range(48):
        span = Interval(start + step * margin, start + step * margin + timedelta(hours=1))
        room = Interval(span.start - margin, span.end + margin)
        for saw in saws:
            if not any(r.resource_id == saw.id and r.active and r.interval.overlaps(room)
                       for r in reservations):
                return saw, span
    return saws[0], Interval(start, start + timedelta(hours=1))


def _demo_waitlist(site: Site, resources: list[Resource], members: list[DemoMember],  # noqa: PLR0917
                   today: date, now: datetime | None,
                   reservations: list[Reservation]) -> list[WaitlistEntry]:
    """Member 1002 holds an offer on a table saw later today (free, so it can be
    claimed); 1003 and 1004 wait for one tomorrow."""
    now = now or _noon(today)
    saws = [r for r in resources if r.kind == "table_saw"]
    saw = saws[0]
    hold = timedelta(minutes=20)
    offered, later = _free_saw_hour(site, saws, reservations, now + timedelta(hours=2))
    tomorrow = today + timedelta(days=1)
    slot = Interval(localtime.wall_clock_at(site.timezone, tomorrow, 10 * 60),
                    localtime.wall_clock_at(site.timezone, tomorrow, 11 * 60))
    return [
        WaitlistEntry(demo_id("waitlist", "offer-1002"), offered.id, members[1].member.id, later,
                      created_at=now - timedelta(hours=1), status=WaitlistStatus.OFFERED,
                      offered_at=now, offer_expires_at=now + hold),
        WaitlistEntry(demo_id("waitlist", "wait-1003"), saw.id, members[2].member.id, slot,
                      created_at=now - timedelta(minutes=30)),
        WaitlistEntry(demo_id("waitlist", "wait-1004"), saw.id, members[3].member.id, slot,
                      created_at=now - timedelta(minutes=10)),
    ]


def _scaled_reservations(site: Site, resources: list[Resource], members: list[DemoMember],
                         today: date, total: int) -> Iterator[Reservation]:
    """``total`` reservations spread evenly over ``resources``, day after day centred on
    ``today``, with the same placement rules as the everyday data."""
    rng = random.Random(SEED + 2)
    now = _noon(today)
    people = [m.member for m in members]
    per_resource = -(-total // len(resources))
    produced = 0
    for resource in resources:
        policy = _policy(site, resource)
        made = 0
        offset = 0
        while made < per_resource and produced < total:
            day = today + timedelta(days=_alternate(offset))
            offset += 1
            for span in _day_bookings(policy, day, rng, 0.6):
                yield _make(resource, rng.choice(people), span, now, rng)
                made += 1
                produced += 1
                if made >= per_resource or produced >= total:
                    break


def _alternate(offset: int) -> int:
    """0, 1, −1, 2, −2, …: fill days outward from today."""
    return (offset + 1) // 2 if offset % 2 else -(offset // 2)
