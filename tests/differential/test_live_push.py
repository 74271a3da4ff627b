"""What the kiosk decides offline, a live server accepts as it is: end early, a staff move,
staff clearing a no-show and a check-in (recorded inside its window) of a booking the
server's sweep had meanwhile marked a no-show — queued by the kiosk's service, pushed
from its outbox to a real ``central serve`` process, answered ``applied``, with exactly
the rows the kiosk predicted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from central.db import tables as t
from central.db.engine import make_engine, write
from central.db.migrate import upgrade
from central.demo import load_data
from central.domain import devices
from central.jobs import sweeps
from kiosk.core.model import (
    Interval,
    Member,
    Reservation,
    ReservationStatus,
    Resource,
    Site,
)
from kiosk.core.mutations import stamp
from kiosk.core.refusals import Refusal
from kiosk.demo.dataset import DemoData, DemoMember
from kiosk.demo.load import load_demo
from kiosk.store.db import open_store
from kiosk.store.outbox import pending
from kiosk.store.schema import MemberRow, ReservationRow
from kiosk.store.service import KioskService
from tests.central.conftest import Server
from tests.differential.sides import member_key, reservation_key, utc
from tests.differential.world import Ids
from tests.helpers.postgres import create_database

SLOT = timedelta(minutes=30)


def _now() -> datetime:
    return datetime.now(UTC)


class Scene:
    """The bookings each step acts on, around the current half hour (every resource is
    open around the clock, so the test holds at any time of day)."""

    def __init__(self) -> None:
        ids = Ids()
        now = _now()
        self.base = base = now.replace(minute=now.minute - now.minute % 30, second=0,
                                       microsecond=0)
        self.site = Site(ids(), f"Live {ids.example}", "America/Los_Angeles",
                         {"opening_hours": "24/7", "max_minutes": 240})
        plot, room, saw = (Resource(ids(), self.site.id, name, kind) for name, kind in (
            ("Garden plot", "plot"), ("Meeting room", "room"), ("Drill press", "drill")))
        self.ada, self.ben, self.cora, self.dev = (
            Member(ids(), self.site.id, f"L{ids.example}{i}", name, no_show_count=count)
            for i, (name, count) in enumerate((("Ada L", 0), ("Ben O", 0), ("Cora D", 1),
                                                ("Dev P", 0))))
        made = now - timedelta(days=1)

        def at(start: timedelta, length: timedelta) -> Interval:
            return Interval(base + start, base + start + length)

        self.running = Reservation(ids(), plot.id, self.ada.id, at(-SLOT, 4 * SLOT),
                                   ReservationStatus.CHECKED_IN, made, base - SLOT)
        self.coming = Reservation(ids(), room.id, self.ben.id, at(4 * SLOT, 2 * SLOT),
                                  created_at=made)
        self.flagged = Reservation(ids(), saw.id, self.cora.id, at(-4 * SLOT, 2 * SLOT),
                                   ReservationStatus.NO_SHOW, made, no_show=True)
        # unchecked, its grace over: the server's sweep marks it while the kiosk is offline
        self.late = Reservation(ids(), room.id, self.dev.id, at(-2 * SLOT, 4 * SLOT),
                                created_at=made)
        self.resources = (plot, room, saw)

    def data(self) -> DemoData:
        members = [DemoMember(m, f"8{i}{int(m.number[1:]):08d}", "1357")
                   for i, m in enumerate((self.ada, self.ben, self.cora, self.dev))]
        return DemoData(self.site, list(self.resources), members,
                        iter((self.running, self.coming, self.flagged, self.late)), [], [],
                        {})


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'central.db'}"
    else:
        yield create_database(request.getfixturevalue("pg_server"))


def test_offline_decisions_come_back_applied_with_the_rows_the_kiosk_predicted(
        db_url: str, tmp_path: Path) -> None:
    scene = Scene()
    engine = make_engine(db_url)
    upgrade(engine)
    with write(engine) as conn:
        load_data(conn, scene.data(), _now())
        device_id, token = devices.issue(conn, scene.site.id, "front desk", _now())
    kiosk = KioskService(open_store(tmp_path / "kiosk.sqlite3"), _now)
    load_demo(kiosk.store, scene.data())
    # The server's sweep runs while the kiosk is offline: only the server sees the flag.
    assert sweeps.no_show_sweep(engine, _now())["marked"] >= 1

    # At the kiosk, offline: each is the core's decision, applied locally and queued.
    late_check_in = scene.late.interval.start + timedelta(minutes=5)  # inside its window
    for done in (kiosk.reservations.end_early(scene.running.id),
                 kiosk.reservations.move(scene.coming.id, Interval(
                     scene.coming.interval.start + 2 * SLOT,
                     scene.coming.interval.end + 2 * SLOT), staff=True),
                 kiosk.reservations.clear_no_show(scene.flagged.id, "staff-desk"),
                 kiosk.reservations.check_in(scene.late.id, late_check_in)):
        assert not isinstance(done, Refusal), done
    with kiosk.store.read() as session:
        queued = [{"id": row.id, "seq": row.seq, "name": row.name, "args": row.args,
                   "at": stamp(utc(row.created_at))} for row in pending(session)]
    assert [m["name"] for m in queued] == [
        "reservation.end_early", "reservation.move", "reservation.clear_no_show",
        "reservation.check_in"]
    assert queued[1]["args"]["via"] == "staff"

    server = Server(db_url)
    try:
        answer = httpx.post(f"{server.url}/api/v1/sync/push", timeout=30, json={
            "device_id": device_id, "mutations": queued},
            headers={"Authorization": f"Bearer {token}", "X-Schema-Version": "1"})
    finally:
        server.close()
    assert answer.status_code == 200, answer.text
    results = answer.json()["results"]
    assert [(r["id"], r["outcome"]) for r in results] == [(m["id"], "applied") for m in queued]

    ids = [r.id for r in (scene.running, scene.coming, scene.flagged, scene.late)]
    with kiosk.store.read() as session:
        predicted = {reservation_key(r) for r in session.scalars(
            sa.select(ReservationRow).where(ReservationRow.id.in_(ids)))}
        counts = {member_key(m) for m in session.scalars(sa.select(MemberRow))}
    with engine.connect() as conn:
        stored = {reservation_key(r) for r in conn.execute(
            sa.select(t.reservations).where(t.reservations.c.id.in_(ids)))}
        server_counts = {member_key(m) for m in conn.execute(
            sa.select(t.members).where(t.members.c.site_id == scene.site.id))}
    engine.dispose()
    kiosk.store.close()
    assert stored == predicted
    # Cora's cleared no-show and Dev's undone one: both counts back down on the server
    # (the kiosk never counted Dev's, since it never saw the flag).
    assert server_counts == counts
    by_id = {row[0]: row for row in stored}
    assert by_id[scene.late.id][5] == ReservationStatus.CHECKED_IN
    assert by_id[scene.running.id][5] == ReservationStatus.COMPLETED
