"""A small, fully known cache for UI tests, written through the store's own loaders.

Monday 2026-06-01 in Portland, the clock stopped at 10:10 PDT. Ada (1001, PIN 1001, card
4000001001, woodshop badge) has a drill booked 10:00–11:00 (check-in open), a table saw
tomorrow, and a waitlist offer; Bea (1002) holds drill 2 at 11:00–12:00 and missed a booking
at 08:00 (no-show); Cy (1003) is suspended; Dee (1004, cohort "evening") has a drill
booked tomorrow.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.core.credentials import DEMO_SECRET
from kiosk.core.model import (
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
from kiosk.store import loader
from kiosk.store.db import Store, open_store
from tests.helpers.ids import uid

ZONE = "America/Los_Angeles"
NOW = datetime(2026, 6, 1, 17, 10, tzinfo=UTC)  # 10:10 PDT
SITE = Site("site-pdx", "Portland Tool Library", ZONE,
            {"opening_hours": {d: [["08:00", "20:00"]] for d in
                               ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}})
DRILL1 = Resource(uid("drill-1"), SITE.id, "Drill 1", "drill")
DRILL2 = Resource(uid("drill-2"), SITE.id, "Drill 2", "drill")
SAW = Resource(uid("saw-1"), SITE.id, "Table saw 1", "table_saw", required_badge="woodshop")
ADA = Member(uid("m-ada"), SITE.id, "1001", "Ada Brooks", badges=frozenset({"woodshop"}))
BEA = Member(uid("m-bea"), SITE.id, "1002", "Bea Chen")
CY = Member(uid("m-cy"), SITE.id, "1003", "Cy Diaz", status=MemberStatus.SUSPENDED, no_show_count=3)
DEE = Member(uid("m-dee"), SITE.id, "1004", "Dee Evans", cohort="evening")
STAFF_PIN = "2468"


def at(hour: int, minute: int = 0, days: int = 0) -> datetime:
    """A local Portland wall-clock time on 2026-06-01 (+days), as UTC (PDT = UTC−7)."""
    return datetime(2026, 6, 1, hour + 7, minute, tzinfo=UTC) + timedelta(days=days)


def span(h1: int, h2: int, days: int = 0) -> Interval:
    return Interval(at(h1, days=days), at(h2, days=days))


def reservations() -> list[Reservation]:
    created = NOW - timedelta(days=2)
    return [
        Reservation(uid("r-ada-drill"), DRILL1.id, ADA.id, span(10, 11), created_at=created),
        Reservation(uid("r-ada-saw"), SAW.id, ADA.id, span(9, 10, days=1), created_at=created),
        Reservation(uid("r-bea-drill"), DRILL2.id, BEA.id, span(11, 12), created_at=created),
        Reservation(uid("r-bea-missed"), DRILL2.id, BEA.id, span(8, 9), ReservationStatus.NO_SHOW,
                    created_at=created, no_show=True),
        Reservation(uid("r-dee-drill"), DRILL1.id, DEE.id, span(14, 15, days=1),
                    created_at=created),
    ]


def waitlist() -> list[WaitlistEntry]:
    return [WaitlistEntry(uid("w-ada-offer"), DRILL1.id, ADA.id, span(13, 14),
                          NOW - timedelta(hours=1), WaitlistStatus.OFFERED,
                          offered_at=NOW - timedelta(minutes=5),
                          offer_expires_at=NOW + timedelta(minutes=25))]


def seed(path: Path, *, flag: bool = True) -> Store:
    store = open_store(path)
    loader.load_site(store, SITE, flag_enabled=flag)
    loader.load_resources(store, [DRILL1, DRILL2, SAW])
    loader.load_members(store, [loader.MemberCredentials.hashing(
        m, f"40000{m.number}", m.number, DEMO_SECRET) for m in (ADA, BEA, CY, DEE)])
    loader.load_reservations(store, reservations())
    loader.load_waitlist(store, waitlist())
    loader.load_staff_pin(store, STAFF_PIN)
    return store
