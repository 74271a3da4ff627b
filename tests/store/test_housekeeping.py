"""Nightly upkeep: bookings and closed waitlist places a month over go, unless a pending
change still needs them; open ones and recent ones stay; handled rejections go after 90
days; a cache with much free space is vacuumed."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from kiosk.core.model import Interval, Reservation, ReservationStatus, WaitlistEntry, WaitlistStatus
from kiosk.store import loader
from kiosk.store.housekeeping import tidy
from kiosk.store.schema import ReservationRow, SyncRejectionRow, WaitlistRow
from tests.helpers.ids import uid
from tests.store.factory import ALICE, BOB, PLOT, ROOM, local


def test_tidy_keeps_what_is_recent_open_or_pending(store, svc, clock) -> None:
    long_ago = Interval(local(9) - timedelta(days=60), local(10) - timedelta(days=60))
    loader.load_reservations(store, [
        Reservation(uid("old"), ROOM.id, ALICE.id, long_ago, ReservationStatus.COMPLETED),
        Reservation(uid("old-pending"), PLOT.id, BOB.id, long_ago, ReservationStatus.CONFIRMED),
        Reservation(uid("recent"), ROOM.id, BOB.id, Interval(local(9) - timedelta(days=3),
                                                             local(10) - timedelta(days=3))),
    ])
    loader.load_waitlist(store, [
        WaitlistEntry(uid("w-old"), ROOM.id, ALICE.id, long_ago, long_ago.start,
                      WaitlistStatus.EXPIRED),
        WaitlistEntry(uid("w-open"), ROOM.id, BOB.id, long_ago, long_ago.start),
    ])
    # a change still waiting to be sent touched the old booking: it must stay
    assert not hasattr(svc.reservations.cancel(uid("old-pending")), "code")
    with store.write() as session:
        session.add(SyncRejectionRow(mutation_id="m", code="conflict", message="x",
                                     created_at=clock.now - timedelta(days=200),
                                     resolved_at=clock.now - timedelta(days=100),
                                     resolved_by="staff"))
        session.add(SyncRejectionRow(mutation_id="n", code="conflict", message="y",
                                     created_at=clock.now, resolved_at=None))
    done = tidy(store, clock.now)
    with store.read() as session:
        kept = set(session.scalars(select(ReservationRow.id)))
        places = set(session.scalars(select(WaitlistRow.id)))
        rejections = list(session.scalars(select(SyncRejectionRow.mutation_id)))
    assert kept == {uid("old-pending"), uid("recent")}
    assert places == {uid("w-open")}
    assert rejections == ["n"]
    assert (done.reservations, done.waitlist, done.rejections) == (1, 1, 1)
