"""Check-in through the service: one scan checks in to every open window, late arrivals,
no-show sweep (offline view), clearing a no-show, and the day sheet."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from kiosk.core.changes import Applied
from kiosk.core.model import MemberStatus, Reservation, ReservationStatus
from kiosk.core.refusals import Refusal, RefusalCode
from kiosk.store.db import Store
from kiosk.store.results import SheetState
from kiosk.store.schema import OutboxRow
from kiosk.store.service import KioskService
from tests.store.factory import ALICE, BOB, PLOT, ROOM, SAW, Clock, span, uid


def booked(result: Applied[Reservation] | Refusal) -> Reservation:
    assert isinstance(result, Applied), result
    return result.value


def names(store: Store) -> list[str]:
    with store.read() as session:
        return list(session.scalars(select(OutboxRow.name).order_by(OutboxRow.seq)))


def test_one_scan_checks_in_to_every_open_window(
    svc: KioskService, clock: Clock, store: Store,
) -> None:
    saw = booked(svc.reservations.book(SAW.id, ALICE.id, span(9, 10)))
    room = booked(svc.reservations.book(ROOM.id, ALICE.id, span(9, 10)))
    later = booked(svc.reservations.book(PLOT.id, ALICE.id, span(12, 13)))
    other = booked(svc.reservations.book(PLOT.id, BOB.id, span(9, 10)))
    clock.advance(minutes=50)  # 08:50, windows of the 09:00 bookings are open
    result = svc.reservations.check_in_member(ALICE.id)
    assert {r.id for r in result.value} == {saw.id, room.id}
    assert all(r.status == ReservationStatus.CHECKED_IN for r in result.value)
    assert result.changes.member_ids == {ALICE.id}
    assert svc.reads.reservation(later.id) == later
    assert svc.reads.reservation(other.id) == other
    assert names(store).count("reservation.check_in") == 2
    assert svc.reservations.check_in_member(ALICE.id).value == []


def test_check_in_one_and_refusals(svc: KioskService, clock: Clock) -> None:
    r = booked(svc.reservations.book(SAW.id, ALICE.id, span(9, 10)))
    refusal = svc.reservations.check_in(r.id)
    assert isinstance(refusal, Refusal) and refusal.code == RefusalCode.WINDOW_CLOSED
    clock.advance(minutes=55)
    done = svc.reservations.check_in(r.id)
    assert isinstance(done, Applied)
    assert done.value.checked_in_at == clock.now and not done.value.no_show
    again = svc.reservations.check_in(r.id)
    assert isinstance(again, Applied) and again.value == done.value
    missing = svc.reservations.check_in(uid("nope"))
    assert isinstance(missing, Refusal) and missing.code == RefusalCode.NOT_FOUND


def test_offline_check_in_inside_the_window_is_honoured_late(
    svc: KioskService, clock: Clock,
) -> None:
    r = booked(svc.reservations.book(SAW.id, ALICE.id, span(9, 10)))
    clock.advance(hours=2)
    late = svc.reservations.check_in(r.id, at=span(9, 10).start)
    assert isinstance(late, Applied) and late.value.status == ReservationStatus.CHECKED_IN


def test_cancelled_booking_cannot_be_checked_in(svc: KioskService, clock: Clock) -> None:
    r = booked(svc.reservations.book(SAW.id, ALICE.id, span(9, 10)))
    svc.reservations.cancel(r.id)
    clock.advance(minutes=55)
    refusal = svc.reservations.check_in(r.id)
    assert isinstance(refusal, Refusal) and refusal.code == RefusalCode.CANCELLED


def test_no_show_sweep_counts_and_suspends(svc: KioskService, clock: Clock, store: Store) -> None:
    first = booked(svc.reservations.book(SAW.id, BOB.id, span(9, 10)))
    kept = booked(svc.reservations.book(ROOM.id, BOB.id, span(9, 10)))
    clock.advance(minutes=55)
    svc.reservations.check_in(kept.id)
    before = names(store)
    clock.advance(minutes=30)  # 09:25, grace over
    swept = svc.reservations.no_show_sweep()
    assert [r.id for r in swept.value] == [first.id]
    assert swept.value[0].status == ReservationStatus.NO_SHOW and swept.value[0].no_show
    bob = svc.reads.member(BOB.id)
    assert bob is not None and bob.no_show_count == 1 and bob.status == MemberStatus.ACTIVE
    assert names(store) == before  # the server's job decides; nothing is queued
    assert svc.reservations.no_show_sweep().value == []


def test_clear_no_show(svc: KioskService, clock: Clock, store: Store) -> None:
    r = booked(svc.reservations.book(SAW.id, BOB.id, span(9, 10)))
    unflagged = svc.reservations.clear_no_show(r.id, "staff-1")  # nothing to clear
    assert isinstance(unflagged, Applied) and unflagged.value == r and unflagged.changes.empty
    clock.advance(hours=2)
    svc.reservations.no_show_sweep()
    bob = svc.reads.member(BOB.id)
    assert bob is not None and bob.no_show_count == 1
    cleared = svc.reservations.clear_no_show(r.id, "staff-1")
    assert isinstance(cleared, Applied) and not cleared.value.no_show
    assert cleared.value.status == ReservationStatus.COMPLETED  # it is over: not a late arrival
    bob = svc.reads.member(BOB.id)
    assert bob is not None and bob.no_show_count == 0
    assert names(store)[-1] == "reservation.clear_no_show"


def test_today_sheet(svc: KioskService, clock: Clock) -> None:
    due = booked(svc.reservations.book(SAW.id, ALICE.id, span(10, 11)))
    late = booked(svc.reservations.book(ROOM.id, ALICE.id, span(9, 10)))
    done = booked(svc.reservations.book(PLOT.id, BOB.id, span(9, 10)))
    gone = booked(svc.reservations.book(SAW.id, BOB.id, span(9, 10)))
    clock.advance(minutes=55)
    svc.reservations.check_in(done.id)
    svc.reservations.cancel(gone.id)
    clock.advance(minutes=10)  # 09:05
    sheet = {row.reservation.id: row for row in svc.reads.today_sheet(date(2026, 3, 2))}
    assert sheet[due.id].state == SheetState.DUE
    assert sheet[late.id].state == SheetState.LATE
    assert sheet[done.id].state == SheetState.CHECKED_IN
    assert sheet[gone.id].state == SheetState.CANCELLED
    assert sheet[due.id].member_name == "Alice A." and sheet[due.id].resource_name == SAW.name
    clock.advance(minutes=20)
    assert {r.reservation.id: r.state for r in svc.reads.today_sheet(date(2026, 3, 2))}[
        late.id] == SheetState.NO_SHOW
