"""Waitlist flows as a member lives them: a taken slot offers the waitlist and says where
they stand and what happens next; an offer held for them is claimed with one tap."""

from __future__ import annotations

from kiosk.core.model import ReservationStatus, WaitlistStatus
from tests.helpers.ids import uid
from tests.ui.drive import (
    button_named,
    buttons,
    open_book,
    signed_in,
    tap,
    tap_slot,
    visible_text,
)
from tests.ui.seed import ADA, BEA, DRILL1, DRILL2, at, span


def test_taken_slot_joins_the_waitlist_and_shows_the_position(qtbot, kiosk, service) -> None:
    w = kiosk.window
    signed_in(qtbot, kiosk, ADA.number)
    open_book(qtbot, kiosk)
    tap_slot(qtbot, w.book.calendar, DRILL2.id, at(11))  # Bea holds 11:00–12:00
    qtbot.waitUntil(w.book.wait_button.isVisible)
    assert not w.book.book_button.isEnabled()
    assert "taken" in w.book.message.text()
    tap(qtbot, w.book.wait_button)
    qtbot.waitUntil(lambda: "number 1 on the waitlist" in w.book.message.text())
    assert "If the slot frees up, it is held for you" in w.book.message.text()
    assert not w.book.wait_button.isVisible()
    entries = [e for e in service.waitlist.of_member(ADA.id) if e.resource_id == DRILL2.id]
    assert [(e.interval, e.status) for e in entries] == [(span(11, 12), WaitlistStatus.WAITING)]
    assert service.waitlist.position(entries[0].id) == 1
    # back on their own page, the place in line and the next step are there too
    tap(qtbot, w.book.findChild(type(w.book.wait_button), "bookBack"))
    qtbot.waitUntil(lambda: w.current() is w.member
                    and "number 1 in line" in visible_text(w.member))
    assert "If it frees up, it is held for you and shown here." in visible_text(w.member)


def test_waitlist_offer_is_claimed_and_becomes_a_booking(qtbot, kiosk, service) -> None:
    w = kiosk.window
    signed_in(qtbot, kiosk, ADA.number)
    qtbot.waitUntil(lambda: "Waitlist offers for you" in visible_text(w.member))
    assert "Held for you until 10:35\u202fAM (25 min left)." in visible_text(w.member)
    tap(qtbot, button_named(w.member, "Claim Drill 1"))
    qtbot.waitUntil(lambda: "Claimed" in w.member.feedback.what.text())
    assert w.member.feedback.detail.text().startswith("Drill 1 · Mon 1 Jun 1:00")
    qtbot.waitUntil(lambda: "Waitlist offers for you" not in visible_text(w.member))
    mine = service.reads.member_reservations(ADA.id, at(0))
    claimed = [r for r in mine if r.interval == span(13, 14)]
    assert [(r.resource_id, r.status) for r in claimed] == [
        (DRILL1.id, ReservationStatus.CONFIRMED)]
    open_ids = {e.id for e in service.waitlist.queue(DRILL1.id)}
    assert uid("w-ada-offer") not in open_ids  # claimed: closed
    # the claimed slot is now one of today's bookings, with its check-in time
    qtbot.waitUntil(lambda: "Check-in opens at" in visible_text(w.member))


def test_a_taken_time_offers_the_nearest_free_ones_and_taking_one_shows_it(
        qtbot, kiosk) -> None:
    w = kiosk.window
    signed_in(qtbot, kiosk, ADA.number)
    open_book(qtbot, kiosk)
    tap_slot(qtbot, w.book.calendar, DRILL2.id, at(11))  # Bea's drill 2, 11:00–12:00
    qtbot.waitUntil(lambda: bool(buttons(w.book, "alternative")))
    assert w.book.wait_button.isVisible()
    first = buttons(w.book, "alternative")[0]
    assert first.text() == f"Drill 1 · {kiosk.ctx.fmt.time(at(11))}"  # same time, next drill
    w.book.calendar.verticalScrollBar().setValue(0)  # the finger had scrolled away
    tap(qtbot, first)
    assert w.book.pick == (DRILL1.id, span(11, 12))
    assert w.book.book_button.isEnabled()
    cal = w.book.calendar
    cell = cal.cell_rect(DRILL1.id, span(11, 12))
    assert cal.viewport().rect().contains(cell.center())  # the calendar shows the pick


def test_a_time_taken_elsewhere_meanwhile_offers_times_around_it_and_the_waitlist(
        qtbot, kiosk, service) -> None:
    w = kiosk.window
    signed_in(qtbot, kiosk, ADA.number)
    open_book(qtbot, kiosk)
    tap_slot(qtbot, w.book.calendar, DRILL1.id, at(15))
    service.reservations.book(DRILL1.id, BEA.id, span(15, 16))  # another kiosk, just now
    tap(qtbot, w.book.book_button)
    qtbot.waitUntil(w.book.error.isVisible)
    assert "join the waitlist" in w.book.error.text()
    assert w.book.wait_button.isVisible()  # the text promises it: here it is
    qtbot.waitUntil(lambda: bool(buttons(w.book, "alternative")))  # shown a turn later
    tries = [b.text() for b in buttons(w.book, "alternative")]
    fmt = kiosk.ctx.fmt
    assert tries[:2] == [f"Try {fmt.time(at(14))}", f"Try {fmt.time(at(16))}"]  # nearest


def test_a_late_soonest_answer_does_not_undo_a_time_tapped_meanwhile(
        qtbot, kiosk, monkeypatch) -> None:
    import threading

    from kiosk.ui.screens import book_calls
    from tests.ui.drive import find_button

    gate, real, answered = threading.Event(), book_calls.first_free, []

    def slow(*args, **kwargs):  # the searches answer only when the test says so
        call = real(*args, **kwargs)

        def run(svc):
            gate.wait(10)
            found = call(svc)
            answered.append(kwargs["limit"])
            return found
        return run

    monkeypatch.setattr(book_calls, "first_free", slow)
    w = kiosk.window
    signed_in(qtbot, kiosk, ADA.number)
    open_book(qtbot, kiosk)
    tap(qtbot, find_button(w.book, "soonest"))
    tap_slot(qtbot, w.book.calendar, DRILL2.id, at(11))  # meanwhile: Bea's 11:00
    qtbot.waitUntil(w.book.wait_button.isVisible)
    gate.set()
    qtbot.waitUntil(lambda: sorted(answered) == [3, 4])  # near 11:00, and the soonest
    qtbot.wait(200)  # both answers delivered to the screen
    assert buttons(w.book, "alternative")  # the times near 11:00
    assert w.book.wait_button.isVisible() and w.book.pick is not None
    assert w.book.pick[0] == DRILL2.id and "taken" in w.book.message.text()
