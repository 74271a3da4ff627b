"""KioskService bookings: book, refusals, cancel, move, end early — each with its outbox
row written in the same transaction, and nothing written when refused or invalid."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from kiosk.core.changes import Applied
from kiosk.core.credentials import DEMO_SECRET
from kiosk.core.errors import InvalidInput
from kiosk.core.model import Interval, Member, Reservation, ReservationStatus
from kiosk.core.refusals import Refusal, RefusalCode
from kiosk.store import loader
from kiosk.store.db import Store
from kiosk.store.schema import OutboxRow, ReservationRow
from kiosk.store.service import KioskService
from tests.store.factory import ALICE, BOB, CARL, PLOT, ROOM, SAW, SAW2, SITE, Clock, span, uid


def booked(result: Applied[Reservation] | Refusal) -> Reservation:
    assert isinstance(result, Applied), result
    return result.value


def refused(result: object) -> Refusal:
    assert isinstance(result, Refusal), result
    return result


def counts(store: Store) -> tuple[int, int]:
    with store.read() as session:
        return (session.scalar(select(func.count()).select_from(ReservationRow)) or 0,
                session.scalar(select(func.count()).select_from(OutboxRow)) or 0)


def outbox(store: Store) -> list[tuple[int, str, dict[str, object]]]:
    with store.read() as session:
        rows = session.scalars(select(OutboxRow).order_by(OutboxRow.seq))
        return [(r.seq, r.name, r.args) for r in rows]


def test_book_stores_the_reservation_and_its_mutation(svc: KioskService, store: Store) -> None:
    result = svc.reservations.book(SAW.id, ALICE.id, span(10, 11))
    assert isinstance(result, Applied)
    r = result.value
    assert r.status == ReservationStatus.CONFIRMED and r.interval == span(10, 11)
    assert result.changes.reservation_ids == {r.id}
    assert result.changes.resource_ids == {SAW.id}
    assert svc.reads.reservation(r.id) == r
    [(seq, name, args)] = outbox(store)
    assert (seq, name) == (1, "reservation.create")
    assert args == {"id": r.id, "resource_id": SAW.id, "member_id": ALICE.id,
                    "starts_at": "2026-03-02T18:00:00Z", "ends_at": "2026-03-02T19:00:00Z",
                    "via": "kiosk"}


def test_outbox_seq_increases_without_gaps(svc: KioskService, store: Store) -> None:
    a = booked(svc.reservations.book(SAW.id, ALICE.id, span(10, 11)))
    refused(svc.reservations.book(SAW.id, BOB.id, span(10, 11)))
    booked(svc.reservations.book(SAW.id, BOB.id, span(12, 13)))
    svc.reservations.cancel(a.id)
    assert [seq for seq, _, _ in outbox(store)] == [1, 2, 3]


def test_taken_slot_is_refused_with_alternatives(svc: KioskService, store: Store) -> None:
    booked(svc.reservations.book(SAW.id, ALICE.id, span(10, 11)))
    refusal = refused(svc.reservations.book(SAW.id, BOB.id, span(10, 12, m1=30)))
    assert refusal.code == RefusalCode.CONFLICT
    assert refusal.alternatives and all(
        not a.overlaps(span(10, 11)) for a in refusal.alternatives)
    assert counts(store) == (1, 1)


def test_buffer_keeps_bookings_apart(svc: KioskService) -> None:
    booked(svc.reservations.book(ROOM.id, ALICE.id, span(10, 11)))
    too_close = svc.reservations.book(ROOM.id, BOB.id, span(11, 12))
    assert refused(too_close).code == RefusalCode.CONFLICT
    booked(svc.reservations.book(ROOM.id, BOB.id, span(11, 12, m1=30, m2=30)))


@pytest.mark.parametrize(("resource", "member", "when", "code"), [
    (SAW.id, CARL.id, span(10, 11), RefusalCode.MEMBER_SUSPENDED),
    (ROOM.id, ALICE.id, span(21, 22), RefusalCode.OUTSIDE_HOURS),
    (ROOM.id, ALICE.id, span(10, 11, day=30), RefusalCode.RULE_VIOLATION),
    (uid("nope"), ALICE.id, span(10, 11), RefusalCode.NOT_FOUND),
    (SAW.id, uid("nobody"), span(10, 11), RefusalCode.NOT_FOUND),
])
def test_rule_refusals_write_nothing(  # noqa: PLR0917
    svc: KioskService, store: Store, resource: str, member: str, when: Interval,
    code: RefusalCode,
) -> None:
    assert refused(svc.reservations.book(resource, member, when)).code == code
    assert counts(store) == (0, 0)


def test_badge_is_required(svc: KioskService, store: Store) -> None:
    from kiosk.store import loader
    from tests.store.factory import SITE

    loader.load_members(store, [loader.MemberCredentials(
        ALICE.__class__(uid("m-dan"), SITE.id, "1004", "Dan Dorn"))])
    no_badge = svc.reservations.book(SAW.id, uid("m-dan"), span(10, 11))
    assert refused(no_badge).code == RefusalCode.TRAINING_REQUIRED


def test_flag_off_refuses_new_bookings(svc: KioskService) -> None:
    svc.access.set_flag("site", "site-1", False)
    assert not svc.access.flag_enabled()
    switched_off = svc.reservations.book(ROOM.id, ALICE.id, span(10, 11))
    assert refused(switched_off).code == RefusalCode.FLAG_DISABLED
    svc.access.set_flag("cohort", "site-1:pilot", True)
    assert svc.access.flag_enabled("pilot")
    booked(svc.reservations.book(ROOM.id, ALICE.id, span(10, 11)))


def test_member_limit_counts_active_bookings(svc: KioskService) -> None:
    for hour in range(9, 13):
        booked(svc.reservations.book(PLOT.id, BOB.id, span(hour, hour + 1, day=3)))
    refusal = refused(svc.reservations.book(PLOT.id, BOB.id, span(14, 15, day=3)))
    assert refusal.code == RefusalCode.RULE_VIOLATION
    assert refusal.rule == "max_active_per_member"
    booked(svc.reservations.book(PLOT.id, BOB.id, span(14, 15, day=3), staff=True))


def test_bad_input_raises_and_leaves_the_store_unchanged(svc: KioskService, store: Store) -> None:
    from datetime import datetime

    with pytest.raises(InvalidInput):
        svc.reservations.book(SAW.id, ALICE.id, (1, 2))  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        svc.reservations.book(123, ALICE.id, span(10, 11))  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        Interval(datetime(2026, 3, 2, 10), datetime(2026, 3, 2, 11))
    with pytest.raises(InvalidInput):
        svc.reservations.cancel("")
    with pytest.raises(InvalidInput):  # the wire's ids are UUIDs: nothing else is queued
        svc.reservations.book("saw-1", ALICE.id, span(10, 11))
    assert counts(store) == (0, 0)


def test_same_reservation_id_twice_is_refused(svc: KioskService, store: Store) -> None:
    booked(svc.reservations.book(SAW.id, ALICE.id, span(10, 11), reservation_id=uid("r-1")))
    again = svc.reservations.book(SAW.id, ALICE.id, span(12, 13), reservation_id=uid("r-1"))
    assert refused(again).code == "invalid"
    assert counts(store) == (1, 1)


def test_failure_mid_transaction_leaves_neither_row(
    svc: KioskService, store: Store, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kiosk.store import outbox as outbox_module

    def explode(*args: object, **kwargs: object) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(outbox_module, "append", explode)
    with pytest.raises(OSError, match="disk gone"):
        svc.reservations.book(SAW.id, ALICE.id, span(10, 11))
    assert counts(store) == (0, 0)


def test_cancel_frees_the_slot(svc: KioskService, store: Store) -> None:
    r = booked(svc.reservations.book(SAW.id, ALICE.id, span(10, 11)))
    cancelled = svc.reservations.cancel(r.id)
    assert isinstance(cancelled, Applied)
    assert cancelled.value.status == ReservationStatus.CANCELLED
    again = svc.reservations.cancel(r.id)  # cancelled already: stays so, changes nothing
    assert isinstance(again, Applied) and again.value == cancelled.value
    assert again.changes.empty
    assert refused(svc.reservations.cancel(uid("missing"))).code == RefusalCode.NOT_FOUND
    booked(svc.reservations.book(SAW.id, BOB.id, span(10, 11)))
    assert [name for _, name, _ in outbox(store)] == [
        "reservation.create", "reservation.cancel", "reservation.cancel",
        "reservation.create"]


def test_move_checks_the_new_span_without_itself(svc: KioskService, store: Store) -> None:
    r = booked(svc.reservations.book(SAW.id, ALICE.id, span(10, 11)))
    other = booked(svc.reservations.book(SAW.id, BOB.id, span(13, 14)))
    moved = svc.reservations.move(r.id, span(10, 12, m1=30))
    assert isinstance(moved, Applied) and moved.value.interval == span(10, 12, m1=30)
    assert refused(svc.reservations.move(r.id, span(13, 14, m1=30))).code == RefusalCode.CONFLICT
    assert svc.reads.reservation(r.id) == moved.value
    assert svc.reads.reservation(other.id) == other
    assert outbox(store)[-1][1:] == ("reservation.move", {
        "id": r.id, "starts_at": "2026-03-02T18:30:00Z", "ends_at": "2026-03-02T20:00:00Z",
        "via": "kiosk"})


def test_end_early_frees_the_rest(svc: KioskService, clock: Clock, store: Store) -> None:
    r = booked(svc.reservations.book(PLOT.id, ALICE.id, span(9, 12)))
    not_started = svc.reservations.end_early(r.id)
    assert refused(not_started).code == RefusalCode.RULE_VIOLATION
    clock.advance(hours=2)  # 10:00 local
    ended = svc.reservations.end_early(r.id)
    assert isinstance(ended, Applied) and ended.value.interval == span(9, 10)
    assert ended.value.status == ReservationStatus.COMPLETED
    booked(svc.reservations.book(PLOT.id, BOB.id, span(10, 12, m1=30)))
    assert outbox(store)[1][1:] == ("reservation.end_early", {
        "id": r.id, "at": "2026-03-02T18:00:00Z"})


def test_reads(svc: KioskService) -> None:
    assert svc.reads.site().timezone == "America/Los_Angeles"
    assert svc.reads.resource_kinds() == ["plot", "room", "table_saw"]
    assert [r.id for r in svc.reads.resources("table_saw")] == [SAW.id, SAW2.id]
    assert svc.reads.member_by_number("1002") == BOB
    assert svc.reads.member_by_number("9999") is None
    assert svc.reads.member_by_card("4000001001") == ALICE
    assert svc.reads.member_by_card("40000-01001 ") == ALICE
    assert svc.reads.member_by_card("4000009999") is None
    assert svc.reads.member_by_card("not digits") is None
    assert [m.id for m in svc.reads.search_members("ba")] == [BOB.id]
    assert [m.id for m in svc.reads.search_members("100")] == [ALICE.id, BOB.id, CARL.id]
    assert svc.reads.search_members("%") == []
    policy = svc.reads.effective_policy(ROOM.id, "pilot")
    assert policy.policy.buffer_minutes == 15 and policy.source("buffer_minutes") == "resource"
    assert policy.policy.max_active_per_member == 6 and policy.source("max_days_ahead") == "site"


def test_calendar_and_member_reservations(svc: KioskService) -> None:
    a = booked(svc.reservations.book(PLOT.id, ALICE.id, Interval(span(20, 21).start,
                                                     span(20, 21).start + timedelta(hours=20))))
    b = booked(svc.reservations.book(SAW.id, BOB.id, span(10, 11, day=3)))
    day3 = span(0, 23, day=3, m2=59)
    found = svc.reads.reservations_between(day3)
    assert {r.id for r in found} == {a.id, b.id}
    assert svc.reads.reservations_between(day3, [SAW.id]) == [b]
    assert svc.reads.member_reservations(ALICE.id, span(0, 1, day=3).start) == [a]
    assert svc.reads.member_reservations(ALICE.id, span(0, 1, day=4).start) == []


def test_free_slots_and_first_free(svc: KioskService) -> None:
    from datetime import date

    booked(svc.reservations.book(SAW.id, ALICE.id, span(8, 10)))
    free = svc.reads.free_slots(SAW.id, date(2026, 3, 2), timedelta(hours=1))
    assert free[0] == span(10, 11)
    assert all(not s.overlaps(span(8, 10)) for s in free)
    first = svc.reads.first_free("table_saw", timedelta(hours=2), span(8, 9).start, ALICE.id)
    assert first[0] == (svc.reads.resources("table_saw")[1], span(8, 10))


def test_member_search_ignores_case_and_accents(svc: KioskService, store: Store) -> None:
    pepa = Member(uid("m-pepa"), SITE.id, "2001", "Pepa Fernández Núñez")
    loader.load_members(store, [loader.MemberCredentials.hashing(
        pepa, "400002001", "2001", DEMO_SECRET)])
    for typed in ("fernandez", "FERNANDEZ", "Fernández", "nunez", "ñúñ", "pepa fern"):
        assert [m.id for m in svc.reads.search_members(typed)] == [pepa.id], typed


def test_a_booking_id_in_capitals_is_the_same_id(svc, clock) -> None:
    """Ids are UUIDs in any spelling; the booking comes back under its canonical form."""
    from tests.store.factory import ALICE, ROOM, span

    given = "5D3B4C1E-0F6A-4B7C-8D9E-0A1B2C3D4E5F"
    done = svc.reservations.book(ROOM.id, ALICE.id, span(10, 11), reservation_id=given)
    assert done.value.id == given.lower()
    assert svc.reads.reservation(given.lower()) is not None
    assert svc.reservations.cancel(given).value.status == "cancelled"
