"""Waitlist through the service: join only a taken slot, FCFS positions, offers on
cancellation, holds, claim and leave — each queued for sync."""

from __future__ import annotations

from sqlalchemy import select

from kiosk.core.changes import Applied
from kiosk.core.model import Member, Reservation, WaitlistEntry, WaitlistStatus
from kiosk.core.refusals import Refusal, RefusalCode
from kiosk.store import loader
from kiosk.store.db import Store
from kiosk.store.schema import OutboxRow
from kiosk.store.service import KioskService
from tests.store.factory import ALICE, BOB, CARL, SAW, SITE, Clock, span, uid

DAN = Member(uid("m-dan"), SITE.id, "1004", "Dan Dorn", badges=frozenset({"saw"}))


def ok(result: Applied[Reservation] | Applied[WaitlistEntry] | Refusal) -> object:
    assert isinstance(result, Applied), result
    return result.value


def entry(result: Applied[WaitlistEntry] | Refusal) -> WaitlistEntry:
    value = ok(result)
    assert isinstance(value, WaitlistEntry)
    return value


def test_waitlist_flow(svc: KioskService, store: Store, clock: Clock) -> None:
    loader.load_members(store, [loader.MemberCredentials(DAN)])
    taken = ok(svc.reservations.book(SAW.id, ALICE.id, span(10, 11)))
    assert isinstance(taken, Reservation)
    free = svc.waitlist.join(SAW.id, BOB.id, span(12, 13))
    assert isinstance(free, Refusal) and free.code == RefusalCode.RULE_VIOLATION
    suspended = svc.waitlist.join(SAW.id, CARL.id, span(10, 11))
    assert isinstance(suspended, Refusal) and suspended.code == RefusalCode.MEMBER_SUSPENDED
    bob = entry(svc.waitlist.join(SAW.id, BOB.id, span(10, 11)))
    clock.advance(seconds=5)
    dan = entry(svc.waitlist.join(SAW.id, DAN.id, span(10, 11)))
    twice = svc.waitlist.join(SAW.id, BOB.id, span(10, 11))
    assert isinstance(twice, Refusal)
    assert [e.id for e in svc.waitlist.queue(SAW.id)] == [bob.id, dan.id]
    assert (svc.waitlist.position(bob.id), svc.waitlist.position(dan.id)) == (1, 2)
    assert svc.waitlist.of_member(BOB.id) == [bob]

    cancelled = svc.reservations.cancel(taken.id)
    assert isinstance(cancelled, Applied) and bob.id in cancelled.changes.waitlist_ids
    [offered, waiting] = svc.waitlist.queue(SAW.id)
    assert offered.status == WaitlistStatus.OFFERED and waiting.id == dan.id
    blocked = svc.reservations.book(SAW.id, ALICE.id, span(10, 11))  # held for Bob
    assert isinstance(blocked, Refusal) and blocked.code == RefusalCode.CONFLICT

    claimed = svc.waitlist.claim(bob.id)
    assert isinstance(claimed, Applied)
    assert claimed.value.member_id == BOB.id and claimed.value.interval == span(10, 11)
    assert [e.id for e in svc.waitlist.queue(SAW.id)] == [dan.id]
    left = svc.waitlist.leave(dan.id)
    assert isinstance(left, Applied) and left.value.status == WaitlistStatus.LEFT
    again = svc.waitlist.leave(dan.id)  # left already: stays so, changes nothing
    assert isinstance(again, Applied) and again.changes.empty
    claimed_twice = svc.waitlist.leave(bob.id)
    assert isinstance(claimed_twice, Refusal) and claimed_twice.key == "waitlist_closed"
    with store.read() as session:
        rows = session.scalars(select(OutboxRow).order_by(OutboxRow.seq)).all()
    assert [r.name for r in rows] == [
        "reservation.create", "waitlist.join", "waitlist.join", "reservation.cancel",
        "waitlist.claim", "waitlist.leave", "waitlist.leave"]
    assert rows[4].args == {"id": bob.id, "reservation_id": claimed.value.id}


def test_unclaimed_offer_passes_to_the_next(svc: KioskService, store: Store,
                                             clock: Clock) -> None:
    loader.load_members(store, [loader.MemberCredentials(DAN)])
    taken = ok(svc.reservations.book(SAW.id, ALICE.id, span(10, 11)))
    assert isinstance(taken, Reservation)
    bob = entry(svc.waitlist.join(SAW.id, BOB.id, span(10, 11)))
    clock.advance(seconds=1)
    dan = entry(svc.waitlist.join(SAW.id, DAN.id, span(10, 11)))
    svc.reservations.cancel(taken.id)
    clock.advance(minutes=31)  # the 30-minute hold lapses
    late = svc.waitlist.claim(bob.id)
    assert isinstance(late, Refusal)
    expired = svc.waitlist.expire_offers()  # the job: the lapsed offer passes on
    assert {e.id: e.status for e in expired.value} == {
        bob.id: WaitlistStatus.EXPIRED, dan.id: WaitlistStatus.OFFERED}
    states = {e.id: e.status for e in svc.waitlist.queue(SAW.id)}
    assert states == {dan.id: WaitlistStatus.OFFERED}
    assert svc.waitlist.expire_offers().value == []  # nothing more to do


def test_unknown_entries(svc: KioskService) -> None:
    assert isinstance(svc.waitlist.leave(uid("nope")), Refusal)
    assert isinstance(svc.waitlist.claim(uid("nope")), Refusal)
    assert svc.waitlist.position("nope") is None
