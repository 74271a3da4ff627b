"""A small site for store tests: a Los Angeles tool library with a badge-only saw, a room
and an around-the-clock garden plot, three members with cards and PINs, a movable clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.core.credentials import DEMO_SECRET
from kiosk.core.model import Interval, Member, MemberStatus, Resource, Site
from kiosk.store import loader
from kiosk.store.db import Store, open_store
from kiosk.store.service import KioskService
from tests.helpers.ids import uid

SITE = Site("site-1", "Portland Tool Library", "America/Los_Angeles", {"max_days_ahead": 21})
SAW = Resource(uid("saw-1"), SITE.id, "Table saw 1", "table_saw", required_badge="saw")
SAW2 = Resource(uid("saw-2"), SITE.id, "Table saw 2", "table_saw", required_badge="saw")
ROOM = Resource(uid("room-1"), SITE.id, "Meeting room", "room", settings={"buffer_minutes": 15})
PLOT = Resource(uid("plot-1"), SITE.id, "Garden plot 1", "plot",
                settings={"opening_hours": "24/7", "max_minutes": 1440})
ALICE = Member(uid("m-alice"), SITE.id, "1001", "Alice Archer", cohort="pilot",
               badges=frozenset({"saw"}))
BOB = Member(uid("m-bob"), SITE.id, "1002", "Bob Baker", cohort="general",
             badges=frozenset({"saw"}))
CARL = Member(uid("m-carl"), SITE.id, "1003", "Carl Cooper", status=MemberStatus.SUSPENDED,
              no_show_count=3)
PINS = {ALICE.number: "1111", BOB.number: "2222", CARL.number: "3333"}
CARDS = {ALICE.number: "4000001001", BOB.number: "4000001002", CARL.number: "4000001003"}

#: Monday 2 March 2026, 08:00 in Los Angeles (PST, UTC−8).
MONDAY_8AM = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)


def local(hour: int, minute: int = 0, day: int = 2) -> datetime:
    """A UTC instant for a wall-clock time in March 2026 before DST (UTC−8)."""
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC) + timedelta(hours=8)


def span(h1: int, h2: int, day: int = 2, m1: int = 0, m2: int = 0) -> Interval:
    return Interval(local(h1, m1, day), local(h2, m2, day))


@dataclass
class Clock:
    """A clock the test moves by hand."""

    now: datetime = MONDAY_8AM

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


def populate(store: Store) -> None:
    loader.load_site(store, SITE, loader.SettingsLayers(
        global_layer={"slot_minutes": 30}, cohorts={"pilot": {"max_active_per_member": 6}}))
    loader.load_resources(store, [SAW, SAW2, ROOM, PLOT])
    loader.load_members(store, [
        loader.MemberCredentials.hashing(m, CARDS[m.number], PINS[m.number], DEMO_SECRET)
        for m in (ALICE, BOB, CARL)])


def make_store(path: Path) -> Store:
    store = open_store(path)
    populate(store)
    return store


def service(path: Path, clock: Clock | None = None) -> KioskService:
    """A service on an already populated file (as a second process would open it)."""
    return KioskService(open_store(path), clock or Clock())
