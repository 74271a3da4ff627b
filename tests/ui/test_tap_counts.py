"""How many taps the common flows take, counted as a person would make them, each ending
on a card that names what was done."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from tests.ui import drive
from tests.ui.drive import find_button, scan, signed_in, visible_text
from tests.ui.seed import ADA, BEA, DRILL1, SAW, STAFF_PIN, at, span


class Taps:
    """Counts taps on buttons and calendar cells."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot, self.count = qtbot, 0

    def on(self, widget: QWidget) -> None:
        self.count += 1
        drive.tap(self.qtbot, widget)

    def slot(self, calendar: Any, resource_id: str, start: Any) -> None:
        self.count += 1
        drive.tap_slot(self.qtbot, calendar, resource_id, start)


def test_scan_checks_in_with_no_tap(qtbot, kiosk, fake_clock) -> None:
    w = kiosk.window
    scan(qtbot, kiosk, "400001001", fake_clock)
    qtbot.waitUntil(lambda: "checked in for 1 booking" in w.member.message.text())
    # the message names what was checked in to, not only how many
    assert f"Drill 1 · {kiosk.ctx.fmt.span(span(10, 11))}" in w.member.message.text()


def test_a_member_books_a_table_saw_for_two_hours_tomorrow_in_eight_taps(
        qtbot, kiosk, service) -> None:
    w = kiosk.window
    signed_in(qtbot, kiosk, ADA.number)
    taps = Taps(qtbot)
    taps.on(w.member.book_button)
    qtbot.waitUntil(lambda: bool(drive.buttons(w.book, "kind_table_saw")))
    taps.on(find_button(w.book, "kind_table_saw"))
    qtbot.waitUntil(lambda: w.book.data.kind == "table_saw")
    taps.on(find_button(w.book, "nextDay"))
    qtbot.waitUntil(lambda: w.book.data.day.day == w.book.day and w.book.day != kiosk.ctx.today())
    taps.on(find_button(w.book, "longer"))
    taps.on(find_button(w.book, "longer"))
    taps.slot(w.book.calendar, SAW.id, at(13, days=1))
    taps.on(w.book.book_button)
    qtbot.waitUntil(w.book.feedback.isVisible)
    assert taps.count <= 8, taps.count
    assert w.book.feedback.what.text() == "Booked. See you then!"
    assert w.book.feedback.detail.text() == (
        f"Table saw 1 · {kiosk.ctx.fmt.span_on_day(span(13, 15, days=1))} (2\u00a0h)")
    assert any(r.interval == span(13, 15, days=1) and r.active
               for r in service.reads.member_reservations(ADA.id, at(0)))


def test_a_staff_walk_in_takes_at_most_fourteen_taps(qtbot, kiosk, service) -> None:
    w = kiosk.window
    taps = Taps(qtbot)
    taps.on(find_button(w.home, "staff"))
    for digit in STAFF_PIN:
        taps.on(find_button(w.staff.gate, f"key{digit}"))
    taps.on(w.staff.gate.ok_button)
    qtbot.waitUntil(lambda: kiosk.ctx.session.staff)
    taps.on(find_button(w.staff, "page_walkin"))
    for letter in "BEA":
        taps.on(find_button(w.staff.keyboard, f"key{letter}"))
    qtbot.waitUntil(lambda: bool(drive.buttons(w.staff, "chooseMember")))
    taps.on(drive.button_named(w.staff, f"Choose {BEA.display_name}"))
    qtbot.waitUntil(lambda: bool(drive.buttons(w.staff, "walkInBook")))
    taps.on(find_button(w.staff, "walkInBook"))
    qtbot.waitUntil(lambda: w.current() is w.book and w.book.data is not None)
    taps.slot(w.book.calendar, DRILL1.id, at(15))
    taps.on(w.book.book_button)
    qtbot.waitUntil(w.book.feedback.isVisible)
    assert taps.count <= 14, taps.count
    assert f"Drill 1 · {kiosk.ctx.fmt.span_on_day(span(15, 16))}" in visible_text(w.book)
