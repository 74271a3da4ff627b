"""The starting data every side of the differential test loads: a Los Angeles site (so the
clock can step across a DST change) with a badge-only saw, a room with a buffer and an
around-the-clock plot; members active, near suspension and suspended; bookings past,
running and coming; a waitlist. Fresh ids each time, since the server's database is
shared by every example (one site each)."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kiosk.core.model import (
    Interval,
    Member,
    MemberStatus,
    Reservation,
    ReservationStatus,
    Resource,
    Site,
    WaitlistEntry,
)
from kiosk.core.policy import WEEKDAYS
from kiosk.demo.dataset import DemoData, DemoMember

ZONE = "America/Los_Angeles"
#: The clock changes of 2027 in Los Angeles (spring forward, fall back), at 02:00 local.
CHANGE_DAYS = (date(2027, 3, 14), date(2027, 11, 7))
#: Starting clocks: the evening before each change, the hour before it, its morning.
STARTS = tuple(datetime.combine(day + timedelta(days=shift), clock, ZoneInfo(ZONE))
               .astimezone(UTC)
               for day in CHANGE_DAYS
               for shift, clock in ((-1, time(19, 0)), (0, time(1, 0)), (0, time(9, 30))))
SITE_SETTINGS: dict[str, object] = {
    "opening_hours": {d: [["07:00", "22:00"]] for d in WEEKDAYS},
    "slot_minutes": 30, "max_minutes": 240, "max_days_ahead": 7, "max_active_per_member": 4,
    "no_show_suspend_after": 2, "waitlist_hold_minutes": 30,
}


@dataclass(frozen=True, slots=True)
class World:
    """The ids and the start clock of one example's site."""

    now: datetime
    site: Site
    resources: tuple[Resource, ...]
    members: tuple[DemoMember, ...]
    reservations: tuple[Reservation, ...]
    waitlist: tuple[WaitlistEntry, ...]

    def data(self) -> DemoData:
        """A fresh ``DemoData`` (its reservations are an iterator, read once per side)."""
        return DemoData(self.site, list(self.resources), list(self.members),
                        iter(self.reservations), list(self.waitlist), [], {})


_EXAMPLES = itertools.count(1)


class Ids:
    """Ids that grow in the order they are made (a tie broken by id breaks it alike in a
    replayed example) and never repeat in the process (the server's database is shared)."""

    def __init__(self) -> None:
        self.example = next(_EXAMPLES)
        self.made = itertools.count(1)

    def __call__(self) -> str:
        return str(uuid.UUID(int=(0x5EED << 112) | (self.example << 48) | next(self.made)))


def make_world(now: datetime, _id: Ids) -> World:
    site = Site(_id(), f"Differential {_id.example}", ZONE, dict(SITE_SETTINGS))
    saw = Resource(_id(), site.id, "Table saw", "table_saw", required_badge="saw")
    room = Resource(_id(), site.id, "Meeting room", "room", settings={"buffer_minutes": 15})
    plot = Resource(_id(), site.id, "Garden plot", "plot",
                    settings={"opening_hours": "24/7", "max_minutes": 720})
    tag = f"{_id.example:06d}"
    people = (
        Member(_id(), site.id, f"{tag}1", "Ada Lovelace", badges=frozenset({"saw"})),
        Member(_id(), site.id, f"{tag}2", "Ben Okafor"),
        Member(_id(), site.id, f"{tag}3", "Cora Diaz", no_show_count=1,
               badges=frozenset({"saw"})),
        Member(_id(), site.id, f"{tag}4", "Dev Patel", status=MemberStatus.SUSPENDED,
               no_show_count=2),
        Member(_id(), site.id, f"{tag}5", "Eve Tanaka", badges=frozenset({"saw"})),
    )
    members = tuple(DemoMember(m, f"9{tag}{i}", "2468") for i, m in enumerate(people))
    ada, ben, cora, dev, _eve = people

    def span(minutes_from_now: int, length: int) -> Interval:
        start = now + timedelta(minutes=minutes_from_now)
        return Interval(start, start + timedelta(minutes=length))

    before = now - timedelta(days=1)
    reservations = (
        # running, checked in: end early and no-show sweeps leave it alone
        Reservation(_id(), plot.id, ada.id, span(-30, 120), ReservationStatus.CHECKED_IN,
                    before, now - timedelta(minutes=35)),
        # its check-in window is open now
        Reservation(_id(), saw.id, cora.id, span(10, 60), created_at=before),
        # grace passed unchecked: the first sweep marks it a no-show (Cora reaches 2)
        Reservation(_id(), room.id, cora.id, span(-60, 90), created_at=before),
        # coming up, and a booking a waiting member wants the time of
        Reservation(_id(), room.id, ben.id, span(120, 60), created_at=before),
        Reservation(_id(), saw.id, ada.id, span(24 * 60, 120), created_at=before),
    )
    waitlist = (
        WaitlistEntry(_id(), room.id, ada.id, span(120, 60), before),
        WaitlistEntry(_id(), room.id, dev.id, span(120, 60), before + timedelta(minutes=1)),
    )
    return World(now, site, (saw, room, plot), members, reservations, waitlist)
