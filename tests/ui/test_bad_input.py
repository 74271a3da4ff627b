"""Bad input: a double tap on Book, a storm of navigation taps, a store failing in the
middle of a booking, a keypad pressed past its length, another card mid-flow. No crash,
a clear message, nothing half-saved, and the screen always matches the last tap."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from kiosk.store import outbox
from tests.helpers.ids import uid
from tests.ui.drive import (
    LEFT,
    button_named,
    enter_pin,
    find_button,
    open_book,
    scan,
    signed_in,
    tap,
    tap_slot,
    type_digits,
    visible_text,
)
from tests.ui.seed import ADA, BEA, DRILL1, STAFF_PIN, at, span


def bea_at(service, start_hour: int) -> list:
    return [r for r in service.reads.member_reservations(BEA.id, at(0))
            if r.active and r.interval == span(start_hour, start_hour + 1)]


def picked(qtbot, kiosk, hour: int) -> None:
    w = kiosk.window
    signed_in(qtbot, kiosk, BEA.number)
    open_book(qtbot, kiosk)
    tap_slot(qtbot, w.book.calendar, DRILL1.id, at(hour))
    qtbot.waitUntil(w.book.book_button.isEnabled)


def test_double_tap_on_book_makes_exactly_one_booking(qtbot, kiosk, service) -> None:
    w = kiosk.window
    picked(qtbot, kiosk, 15)
    depth = service.sync.status().outbox_depth
    with qtbot.waitSignal(w.book.booked):
        qtbot.mouseClick(w.book.book_button, LEFT)
        qtbot.mouseClick(w.book.book_button, LEFT)  # the second finger lands too
    qtbot.mouseClick(w.book.book_button, LEFT)  # and once more after it was booked
    qtbot.waitUntil(lambda: not kiosk.ctx.bridge.pending(f"book:{w.book._intent}"))
    assert len(bea_at(service, 15)) == 1
    assert service.sync.status().outbox_depth == depth + 1
    assert not w.book.book_button.isEnabled()


def test_store_error_mid_booking_says_so_and_saves_nothing(
        qtbot, kiosk, service, monkeypatch) -> None:
    w = kiosk.window
    picked(qtbot, kiosk, 15)
    depth = service.sync.status().outbox_depth

    def disk_full(*_args: object, **_kw: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")
    monkeypatch.setattr(outbox, "append", disk_full)  # fails after the row was inserted
    tap(qtbot, w.book.book_button)
    qtbot.waitUntil(w.book.error.isVisible)
    assert "nothing was changed" in w.book.error.text()
    assert w.current() is w.book and w.book.book_button.isEnabled()
    assert bea_at(service, 15) == []  # the insert was rolled back with the failure
    assert service.sync.status().outbox_depth == depth
    monkeypatch.undo()  # the disk has room again: the same tap now books, once
    with qtbot.waitSignal(w.book.booked):
        tap(qtbot, w.book.book_button)
    assert len(bea_at(service, 15)) == 1
    assert service.sync.status().outbox_depth == depth + 1


def test_store_error_on_a_member_action_is_a_plain_message(
        qtbot, kiosk, service, monkeypatch) -> None:
    w = kiosk.window
    signed_in(qtbot, kiosk, ADA.number)
    qtbot.waitUntil(lambda: "Claim" in visible_text(w.member))

    def locked(*_args: object, **_kw: object) -> None:
        raise sqlite3.OperationalError("database is locked")
    monkeypatch.setattr(outbox, "append", locked)
    tap(qtbot, button_named(w.member, "Claim Drill 1"))
    qtbot.waitUntil(lambda: "nothing was changed" in w.member.message.text())
    assert uid("w-ada-offer") in {e.id for e in service.waitlist.queue(DRILL1.id)}  # still offered
    assert not [r for r in service.reads.member_reservations(ADA.id, at(0))
                if r.interval == span(13, 14)]


def test_rapid_book_and_back_taps_end_on_the_last_screen(qtbot, kiosk) -> None:
    w = kiosk.window
    signed_in(qtbot, kiosk, BEA.number)
    back = w.book.findChild(type(w.member.book_button), "bookBack")
    for _ in range(8):  # no waiting between taps: each lands on whatever is showing
        qtbot.mouseClick(w.member.book_button, LEFT)
        qtbot.mouseClick(back, LEFT)
    qtbot.mouseClick(w.member.book_button, LEFT)
    qtbot.waitUntil(lambda: w.current() is w.book and w.book.data is not None)
    assert w.book.member == BEA
    assert w.book.calendar.model.day == w.book.day == kiosk.ctx.today()
    assert w.book.calendar.model.viewer_id == BEA.id


def test_rapid_day_taps_show_the_day_last_asked_for(qtbot, kiosk) -> None:
    w = kiosk.window
    signed_in(qtbot, kiosk, BEA.number)
    open_book(qtbot, kiosk)
    forward, backward = button_named(w.book, "Next day"), button_named(w.book, "Previous day")
    for _ in range(5):
        qtbot.mouseClick(forward, LEFT)
    for _ in range(2):
        qtbot.mouseClick(backward, LEFT)
    target = kiosk.ctx.today() + timedelta(days=3)
    qtbot.waitUntil(lambda: w.book.calendar.model.day == target)
    assert w.book.day == target
    assert w.book.day_label.text() == kiosk.ctx.fmt.short_date(target)


def test_rapid_staff_page_taps_end_on_the_last_page(qtbot, kiosk) -> None:
    w = kiosk.window
    tap(qtbot, find_button(w.home, "staff"))
    enter_pin(qtbot, w.staff.gate, STAFF_PIN)
    qtbot.waitUntil(lambda: w.staff.stack.currentIndex() == 1)
    for _ in range(3):
        for page in ("sheet", "waitlist", "walkin", "settings", "sync"):
            qtbot.mouseClick(find_button(w.staff, f"page_{page}"), LEFT)
    qtbot.waitUntil(lambda: "waiting to be sent" in visible_text(w.staff.pages.currentWidget()))
    assert w.staff.current_page() == "sync"
    assert w.current() is w.staff


def test_another_card_mid_flow_replaces_the_member_entirely(
        qtbot, kiosk, fake_clock) -> None:
    w = kiosk.window
    signed_in(qtbot, kiosk, ADA.number)
    open_book(qtbot, kiosk)
    scan(qtbot, kiosk, "400001002", fake_clock)  # Bea walks up and scans
    qtbot.waitUntil(lambda: w.current() is w.member and w.member.data is not None
                    and w.member.data.member.id == BEA.id)
    assert w.member.greeting.text() == "Hello, Bea C."
    assert "Ada" not in visible_text(w)
    assert w.book.member is None or w.book.member.id == BEA.id


def test_scanner_garbage_on_the_book_screen_changes_nothing(qtbot, kiosk, fake_clock) -> None:
    w = kiosk.window
    signed_in(qtbot, kiosk, BEA.number)
    open_book(qtbot, kiosk)
    scan(qtbot, kiosk, "40x0#1", fake_clock)
    qtbot.waitUntil(w.banner.isVisible)
    assert "could not be read" in w.banner.text()
    assert w.current() is w.book and kiosk.ctx.session.member == BEA


def test_keypad_overflow_keeps_the_sign_in_usable(qtbot, kiosk) -> None:
    w = kiosk.window
    pad = w.identify.number_pad
    tap(qtbot, find_button(w.home, "signIn"))
    with qtbot.waitSignal(pad.overflowed):
        type_digits(qtbot, pad, "100212345678")  # 12 digits into a 10-digit field
    assert pad.value == "1002123456"
    assert "most digits" in pad.note.text()
    tap(qtbot, button_named(pad, "Clear all digits"))
    enter_pin(qtbot, pad, BEA.number)
    with qtbot.waitSignal(w.identify.pin_pad.overflowed):
        type_digits(qtbot, w.identify.pin_pad, "10021002100")  # 11 digits, 8 fit
    assert w.identify.pin_pad.display.text() == "●" * 8
    tap(qtbot, w.identify.pin_pad.ok_button)
    qtbot.waitUntil(w.identify.error.isVisible)
    assert "do not match" in w.identify.error.text()
    enter_pin(qtbot, w.identify.pin_pad, BEA.number)  # then the right PIN still works
    qtbot.waitUntil(lambda: w.current() is w.member)
