"""Build the demo site's records: site, resources, members, reservations, waitlist.

Deterministic: the same ``today`` (and ``now``) always gives the same records, ids
included (uuid5), so the kiosk's demo cache and the central server's ``demo`` command
describe the same site. Reservations cover several weeks around ``today`` plus both DST
change days of ``today``'s year; ``scale`` streams a large data set for benchmarks.

The demo keeps its own rules: every booking was made by a member (or by staff, beyond
the horizon) at a moment before ``now`` and is put to the core's create decision as of
that moment (``ledger``); what became of it by ``now`` follows the core's check-in and
no-show rules (``fate``). Members keep room for one more booking, so whoever signs in
as a demo member can book.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
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
    ResourceKind,
    Site,
    WaitlistEntry,
)
from kiosk.demo import catalogue as cat
from kiosk.demo import showcase
from kiosk.demo.fate import settle
from kiosk.demo.ledger import Ledger
from kiosk.demo.placement import Candidate, candidates
from kiosk.demo.world import World, demo_id

DAYS_AROUND_TODAY = 21
SEED = 20260308
#: Share of the opening hours members try to book: (garden plots, everything else).
DENSITY = (0.12, 0.35)
#: The benchmark data set: denser, and more members so that they have room for it all.
SCALED_DENSITY, MEMBERS_PER_RESOURCE = (0.6, 0.6), 10
#: The benchmark's history before the weeks around today comes in independent blocks.
BLOCK_DAYS = 14
#: Random bookings are made for the members after the documented first ones, whose
#: bookings are all hand-placed (``showcase``).
SHOWCASE_MEMBERS = 5


@dataclass(frozen=True, slots=True)
class DemoMember:
    """A member with the plain credentials the demo documents (the store hashes them).
    The benchmark's extra members have a card but no PIN."""

    member: Member
    card: str
    pin: str | None


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
    kinds: list[ResourceKind] = field(default_factory=list)


def demo_site() -> Site:
    return Site(cat.SITE_ID, cat.SITE_NAME, cat.SITE_TZ, dict(cat.SITE_SETTINGS))


def demo_kinds() -> list[ResourceKind]:
    """The demo's kinds with their English and Spanish names."""
    return [ResourceKind(k.kind, cat.SITE_ID, dict(cat.KIND_NAMES[k.kind])) for k in cat.KINDS]


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


def demo_members(count: int = cat.MEMBER_COUNT) -> list[DemoMember]:
    """The 200 documented members; beyond them (``count``), members with a card only."""
    rng = random.Random(SEED)
    out = []
    for i in range(count):
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
            language=cat.MEMBER_LANGUAGES.get(number),
        )
        pin = number if i < cat.MEMBER_COUNT else None
        out.append(DemoMember(member, card=f"40000{number}", pin=pin))
    return out


def _first_badges(i: int) -> frozenset[str]:
    # The documented first members hold every badge so a demo can book any machine.
    return frozenset(cat.BADGES) if i < SHOWCASE_MEMBERS else frozenset()


def build_demo(today: date, now: datetime | None = None, *, scale: int | None = None,
               resource_count: int | None = None) -> DemoData:
    """The demo site as it stands at ``now`` (default: noon on ``today``). ``scale``
    streams that many reservations over ``resource_count`` resources (default 500) for
    benchmarks instead of the everyday weeks around today."""
    site, now = demo_site(), now or _noon(today)
    cohorts = {k: dict(v) for k, v in cat.COHORT_SETTINGS.items()}
    if scale is not None:
        resources = demo_resources(resource_count or 500)
        members = demo_members(max(cat.MEMBER_COUNT, MEMBERS_PER_RESOURCE * len(resources)))
        # Holidays for as far back as the history could reach at one booking per
        # resource and day (bookings are judged against exactly these).
        years = 1 + scale // (365 * max(1, len(resources)))
        closures = demo_closures(today, years_back=years)
        world = World(site, resources, [m.member for m in members], closures, cohorts, now)
        return DemoData(site, resources, members, _scaled_reservations(world, today, scale),
                        closures=closures, cohort_settings=cohorts, kinds=demo_kinds())
    resources, members = demo_resources(resource_count), demo_members()
    closures, days = demo_closures(today), _demo_days(today)
    world = World(site, resources, [m.member for m in members], closures, cohorts, now)
    shown = showcase.build(world, days)
    rows = _replay(world, days, random.Random(SEED), shown.bookings, density=DENSITY,
                   no_shows_left=_no_show_counts(world))
    return DemoData(site, resources, members, iter(rows), shown.waitlist, closures,
                    cohort_settings=cohorts, kinds=demo_kinds())


def demo_closures(today: date, *, years_back: int = 1) -> list[Closure]:
    """The site's holidays from ``years_back`` years before ``today``'s to the next year:
    closed all day, every resource."""
    out = []
    for year in range(today.year - years_back, today.year + 2):
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


def _replay(world: World, days: list[date], rng: random.Random, fixed: list[Candidate], *,
            density: tuple[float, float], no_shows_left: dict[str, int],
            since: datetime | None = None) -> list[Reservation]:
    """Random bookings over ``days`` plus the ``fixed`` ones, decided in the order they
    were made, as they stand at ``now``; in that order. ``since``: none made before it.
    ``no_shows_left``: how many more no-shows each member's count can account for. With
    hand-placed bookings, the documented first members get those only."""
    ledger = Ledger(world, world.members[SHOWCASE_MEMBERS:] if fixed else world.members)
    for c in fixed:
        member_id = c.member.id if c.member else ""
        ledger.reserve(Reservation(c.ident or "", c.resource.id, member_id, c.span))
    wanted = list(fixed)
    for order, resource in enumerate(world.resources):
        share = density[0] if resource.kind == "garden_plot" else density[1]
        wanted += candidates(world.site.timezone, resource, world.policies.of(resource), days,
                             rng, order=order, density=share, now=world.now, since=since)
    wanted.sort(key=lambda c: c.key)
    made: list[Reservation] = []
    last: datetime | None = None
    for each in wanted:
        c = each
        if last is not None and c.created_at <= last:
            # One booking per instant, so "made before" is never a tie.
            c = replace(c, created_at=last + timedelta(seconds=1))
            if c.created_at >= c.span.start or c.created_at > world.now:
                continue
        booked = ledger.book(c)
        if not isinstance(booked, Reservation):
            if c.member is not None:  # placed where the rules allow it: a bug if refused
                raise RuntimeError(f"hand-placed demo booking {c.ident} refused: {booked}")
            continue
        last = c.created_at
        row = settle(booked, world.policies.of(c.resource), world.now, roll=c.roll,
                     arrival=c.arrival, may_miss=no_shows_left[booked.member_id] > 0)
        if row.status is ReservationStatus.NO_SHOW:
            no_shows_left[booked.member_id] -= 1
        made.append(row)
    return made


def _no_show_counts(world: World) -> dict[str, int]:
    return {m.id: m.no_show_count for m in world.members}


def _scaled_reservations(world: World, today: date, total: int) -> Iterator[Reservation]:
    """``total`` reservations: the weeks around ``today`` as in the everyday demo (no
    hand-placed bookings), then history going back in blocks of ``BLOCK_DAYS``, most
    recent first, until there are enough. Each block is made from its first midnight
    on, so blocks never see each other; leaving out the oldest bookings of the last block
    keeps the rest valid (fewer bookings never turn an allowed one into a refused one)."""
    first = today - timedelta(days=DAYS_AROUND_TODAY)
    days = [first + timedelta(days=d) for d in range(2 * DAYS_AROUND_TODAY + 1)]
    produced, no_shows_left = 0, _no_show_counts(world)
    for block in itertools.count():
        since = localtime.day_bounds(world.site.timezone, days[0]).start
        rows = _replay(world, days, random.Random(SEED + 2 + block), [], density=SCALED_DENSITY,
                       no_shows_left=no_shows_left, since=since)
        kept = rows[max(0, len(rows) - (total - produced)):]
        yield from kept
        produced += len(kept)
        if produced >= total or not rows:
            return
        days = [days[0] - timedelta(days=BLOCK_DAYS - d) for d in range(BLOCK_DAYS)]
