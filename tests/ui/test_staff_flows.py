"""Staff at the front desk: the staff PIN opens staff mode; walk-in bookings for a member
found by name or number, cancelled again; no-show flags cleared; leaving kiosk mode
takes the staff PIN again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.core.model import ReservationStatus
from tests.helpers.ids import uid
from tests.ui.drive import (
    button_named,
    buttons,
    enter_pin,
    find_button,
    staff_unlock,
    tap,
    tap_slot,
    visible_text,
)
from tests.ui.seed import BEA, DRILL1, STAFF_PIN, at, span


def unlocked(qtbot, kiosk) -> None:
    w = kiosk.window
    staff_unlock(qtbot, kiosk, STAFF_PIN)
    qtbot.waitUntil(lambda: kiosk.ctx.session.staff and w.staff.current_page() == "sheet")


def test_wrong_staff_pin_keeps_staff_mode_locked(qtbot, kiosk) -> None:
    w = kiosk.window
    staff_unlock(qtbot, kiosk, "1111")
    qtbot.waitUntil(w.staff.gate_error.isVisible)
    assert w.staff.gate_error.text().startswith("That is not the staff PIN.")
    assert not kiosk.ctx.session.staff
    assert w.staff.stack.currentIndex() == 0  # still the PIN gate


@pytest.mark.parametrize("query", ["Bea", "1002"])
def test_walk_in_booking_for_a_member_found_by_search_then_cancelled(
        qtbot, kiosk, service, query) -> None:
    w = kiosk.window
    unlocked(qtbot, kiosk)
    tap(qtbot, find_button(w.staff, "page_walkin"))
    tap(qtbot, w.staff.search)
    qtbot.keyClicks(w.staff.search, query)
    tap(qtbot, find_button(w.staff, "searchMembers"))
    qtbot.waitUntil(lambda: bool(buttons(w.staff, "chooseMember")))
    assert "Bea Chen · 1002" in visible_text(w.staff)
    tap(qtbot, button_named(w.staff, "Choose Bea Chen"))
    qtbot.waitUntil(lambda: bool(buttons(w.staff, "walkInBook")))
    tap(qtbot, find_button(w.staff, "walkInBook"))
    qtbot.waitUntil(lambda: w.current() is w.book and w.book.data is not None)
    assert w.book.title.text() == "Book for Bea C."
    tap_slot(qtbot, w.book.calendar, DRILL1.id, at(15))
    qtbot.waitUntil(w.book.book_button.isEnabled)
    with qtbot.waitSignal(w.book.booked):
        tap(qtbot, w.book.book_button)
    qtbot.waitUntil(lambda: w.banner.isVisible() and "Saved" in w.banner.text())
    booked = [r for r in service.reads.member_reservations(BEA.id, at(0))
              if r.interval == span(15, 16) and r.active]
    assert len(booked) == 1 and booked[0].via == "staff"
    # back at the desk, the new booking is listed for Bea with Cancel
    tap(qtbot, find_button(w.book, "bookBack"))
    qtbot.waitUntil(lambda: w.current() is w.staff
                    and len(buttons(w.staff, "cancelBooking")) == 2)
    when = f"Drill 1 · {kiosk.ctx.fmt.span(span(15, 16))} · 1\u00a0h"
    row_for = [b for b in buttons(w.staff, "cancelBooking")
               if b.parentWidget().findChild(type(w.banner)).text() == when]
    assert len(row_for) == 1, visible_text(w.staff)
    tap(qtbot, row_for[0])
    assert row_for[0].text() == "Tap again to cancel"  # one tap never cancels
    assert service.reads.reservation(booked[0].id).active
    tap(qtbot, row_for[0])
    qtbot.waitUntil(lambda: service.reads.reservation(booked[0].id).status
                    == ReservationStatus.CANCELLED)
    qtbot.waitUntil(lambda: len(buttons(w.staff, "cancelBooking")) == 1)
    # the card says which booking went, and for whom
    assert w.staff.feedback.what.text() == "Cancelled"
    assert w.staff.feedback.detail.text() == (
        f"Drill 1 · {kiosk.ctx.fmt.span_on_day(span(15, 16))} · Bea Chen (1002)")


def test_staff_clear_a_no_show_flag(qtbot, kiosk, service) -> None:
    w = kiosk.window
    before = service.reads.member(BEA.id).no_show_count
    unlocked(qtbot, kiosk)
    qtbot.waitUntil(lambda: bool(buttons(w.staff, "clearNoShow")))
    assert "no-show" in visible_text(w.staff)
    tap(qtbot, find_button(w.staff, "clearNoShow"))
    qtbot.waitUntil(lambda: not service.reads.reservation(uid("r-bea-missed")).no_show)
    assert service.reads.reservation(uid("r-bea-missed")).status == ReservationStatus.COMPLETED
    assert service.reads.member(BEA.id).no_show_count == max(0, before - 1)
    qtbot.waitUntil(lambda: not buttons(w.staff, "clearNoShow"))
    assert w.staff.message.text() == "Done."


def test_leaving_kiosk_mode_needs_the_staff_pin(qtbot, kiosk) -> None:
    w = kiosk.window
    kiosk.lock.locked = True  # as in full-screen kiosk mode
    w.close()
    qtbot.keyClick(w, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    assert w.isVisible()
    unlocked(qtbot, kiosk)
    tap(qtbot, find_button(w.staff, "page_leave"))
    enter_pin(qtbot, w.staff.leave_pad, "1357")
    qtbot.waitUntil(lambda: w.staff.message.text().startswith("That is not the staff PIN."))
    assert w.isVisible() and kiosk.lock.locked
    with qtbot.waitSignal(kiosk.lock.released):
        enter_pin(qtbot, w.staff.leave_pad, STAFF_PIN)
    qtbot.waitUntil(lambda: not w.isVisible())
    assert not kiosk.lock.locked


def test_idle_timeout_set_in_staff_settings_is_kept_in_the_cache(qtbot, kiosk, service) -> None:
    w = kiosk.window
    unlocked(qtbot, kiosk)
    tap(qtbot, find_button(w.staff, "page_settings"))
    qtbot.waitUntil(lambda: any(b.accessibleName() == "Longer timeout"
                                for b in buttons(w.staff)))
    with qtbot.waitSignal(w.staff.idle_seconds_changed, timeout=5000) as changed:
        tap(qtbot, button_named(w.staff, "Longer timeout"))
    assert changed.args == [75]
    assert service.access.kiosk_setting("idle_seconds") == 75
    assert w.idle.timeout_ms == 75_000
