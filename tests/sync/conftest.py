"""Fixtures for the sync tests: a real ``central serve`` process on 127.0.0.1 over a SQLite
file holding a small site, device tokens, and kiosks (each its own cache file) enrolled
with it through the real enrollment."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from central.db import tables as t
from central.db.engine import make_engine, write
from central.db.migrate import upgrade
from central.demo import load_data
from central.domain import devices
from kiosk.core.model import (
    Interval,
    Member,
    Reservation,
    ReservationStatus,
    Resource,
    Site,
    WaitlistEntry,
)
from kiosk.demo.dataset import DemoData, DemoMember
from kiosk.store.db import Store, open_store
from kiosk.store.schema import MemberRow, ReservationRow, WaitlistRow
from kiosk.store.service import KioskService
from kiosk.sync.enrollment import enroll, open_engine
from tests.central.conftest import ROOT, Server
from tests.differential.sides import entry_key, member_key, reservation_key
from tests.helpers.file_keyring import BACKEND as KEYRING
from tests.helpers.ids import uid
from tests.helpers.postgres import pg_server

__all__ = ["pg_server"]
SLOT = timedelta(minutes=30)


def now() -> datetime:
    return datetime.now(UTC)


def base_time() -> datetime:
    t0 = now()
    return t0.replace(minute=t0.minute - t0.minute % 30, second=0, microsecond=0)


@dataclass(frozen=True)
class SmallSite:
    """A site open around the clock (the tests hold at any hour): three resources, four
    members, bookings around now and a waitlist place."""

    site: Site
    plot: Resource
    room: Resource
    saw: Resource
    members: tuple[Member, ...]
    reservations: tuple[Reservation, ...]
    waitlist: tuple[WaitlistEntry, ...]

    def data(self) -> DemoData:
        people = [DemoMember(m, f"7000000{i:03d}", "2468") for i, m in enumerate(self.members)]
        return DemoData(self.site, [self.plot, self.room, self.saw], people,
                        iter(self.reservations), list(self.waitlist), [], {})


def small_site() -> SmallSite:
    b = base_time()
    site = Site("site-sync", "Sync Street Tool Library", "America/Los_Angeles",
                {"opening_hours": "24/7", "max_minutes": 240, "max_days_ahead": 14,
                 "max_active_per_member": 6})
    plot, room, saw = (Resource(uid(f"res-{n}"), site.id, name, kind) for n, name, kind in (
        (1, "Garden plot", "plot"), (2, "Meeting room", "room"), (3, "Table saw", "saw")))
    ada, ben, cora, dev = (Member(uid(f"mem-{i}"), site.id, f"20{i}", name)
                           for i, name in enumerate(("Ada Lovelace", "Ben Okafor",
                                                     "Cora Diaz", "Dev Patel")))
    made = b - timedelta(days=2)

    def at(start: int, length: int) -> Interval:
        return Interval(b + start * SLOT, b + (start + length) * SLOT)

    reservations = (
        Reservation(uid("r-running"), plot.id, ada.id, at(-1, 4),
                    ReservationStatus.CHECKED_IN, made, b - SLOT),
        # its check-in window (15 minutes either side of the start) is open now
        Reservation(uid("r-soon"), saw.id, ben.id, at(0 if now() - b < SLOT / 2 else 1, 2),
                    created_at=made),
        Reservation(uid("r-later"), room.id, cora.id, at(6, 2), created_at=made),
        # over, never checked in: the server's sweep (when a test runs it) marks a no-show
        Reservation(uid("r-missed"), room.id, cora.id, at(-3, 2), created_at=made),
        Reservation(uid("r-tomorrow"), room.id, dev.id, at(48, 2), created_at=made),
    )
    waitlist = (WaitlistEntry(uid("w-1"), room.id, ben.id, at(6, 2), made),)
    return SmallSite(site, plot, room, saw, (ada, ben, cora, dev), reservations, waitlist)


@dataclass
class Central:
    db_url: str
    engine: Engine
    server: Server
    site: SmallSite

    def token(self, name: str = "front desk") -> str:
        with write(self.engine) as conn:
            _device, token = devices.issue(conn, self.site.site.id, name, now())
        return token

    def rows(self) -> tuple[frozenset[tuple[object, ...]], ...]:
        site_id = self.site.site.id
        with self.engine.connect() as conn:
            res = conn.execute(sa.select(t.reservations)
                               .where(t.reservations.c.site_id == site_id))
            wait = conn.execute(sa.select(t.reservation_waitlist)
                                .where(t.reservation_waitlist.c.site_id == site_id))
            mem = conn.execute(sa.select(t.members).where(t.members.c.site_id == site_id))
            return (frozenset(map(reservation_key, res)), frozenset(map(entry_key, wait)),
                    frozenset(map(member_key, mem)))


@pytest.fixture
def central(tmp_path: Path) -> Iterator[Central]:
    db_url = f"sqlite:///{tmp_path / 'central.db'}"
    engine = make_engine(db_url)
    upgrade(engine)
    site = small_site()
    with write(engine) as conn:
        load_data(conn, site.data(), now())
    server = Server(db_url)
    try:
        yield Central(db_url, engine, server, site)
    finally:
        server.close()
        engine.dispose()


@dataclass
class Kiosk:
    path: Path
    store: Store
    service: KioskService

    def rows(self) -> tuple[frozenset[tuple[object, ...]], ...]:
        with self.store.read() as s:
            return (frozenset(map(reservation_key, s.scalars(sa.select(ReservationRow)))),
                    frozenset(map(entry_key, s.scalars(sa.select(WaitlistRow)))),
                    frozenset(map(member_key, s.scalars(sa.select(MemberRow)))))


def enrolled_kiosk(central: Central, path: Path, name: str = "front desk") -> Kiosk:
    store = open_store(path)
    enroll(store, path, central.server.url, central.token(name))
    return Kiosk(path, store, KioskService(store))


@pytest.fixture
def kiosk(central: Central, tmp_path: Path) -> Iterator[Kiosk]:
    k = enrolled_kiosk(central, tmp_path / "kiosk.sqlite3")
    yield k
    k.store.close()


def sync(kiosk: Kiosk) -> None:
    """One sync round of ``kiosk`` with the server it is enrolled with."""
    engine = open_engine(kiosk.store, kiosk.path)
    try:
        engine.run_once()
    finally:
        engine.client.close()


def kiosk_env(db: Path) -> dict[str, str]:
    """The environment of a ``kiosk`` subprocess on ``db``: a file keyring beside it."""
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHON_KEYRING_BACKEND": KEYRING,
            "KIOSK_TEST_KEYRING_FILE": str(db.with_suffix(".keyring.json"))}


def kiosk_argv(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "kiosk", "--db", str(db), *args]
