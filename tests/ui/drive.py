"""Drive the kiosk as a person would: taps on buttons and keypads, fast scanner bursts,
taps on calendar cells. Every helper goes through real mouse and key events."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.core.model import Interval
from tests.ui.conftest import FakeClock

LEFT = Qt.MouseButton.LeftButton


def tap(qtbot: Any, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.accessibleName()
    qtbot.mouseClick(widget, LEFT)


def buttons(root: QWidget, object_name: str | None = None) -> list[QPushButton]:
    found = (root.findChildren(QPushButton, object_name) if object_name
             else root.findChildren(QPushButton))
    return [b for b in found if b.isVisible()]


def find_button(root: QWidget, object_name: str) -> QPushButton:
    found = buttons(root, object_name)
    assert found, f"no visible button {object_name}"
    return found[0]


def button_named(root: QWidget, accessible_name: str) -> QPushButton:
    found = [b for b in buttons(root) if b.accessibleName() == accessible_name]
    assert found, f"no visible button named {accessible_name!r}: " + repr(
        [b.accessibleName() for b in buttons(root)])
    return found[0]


def scan(qtbot: Any, kiosk: Any, digits: str, clock: FakeClock) -> None:
    """A USB wedge scanner: digits then Enter, 10 ms apart, at whatever has focus."""
    target = kiosk.window.stack.currentWidget()
    for ch in digits:
        qtbot.keyClick(target, ch)
        clock.advance(0.01)
    qtbot.keyClick(target, Qt.Key.Key_Return)


def type_digits(qtbot: Any, pad: QWidget, digits: str) -> None:
    for d in digits:
        tap(qtbot, find_button(pad, f"key{d}"))


def enter_pin(qtbot: Any, pad: Any, digits: str) -> None:
    type_digits(qtbot, pad, digits)
    tap(qtbot, pad.ok_button)


def sign_in(qtbot: Any, kiosk: Any, number: str, pin: str) -> None:
    w = kiosk.window
    tap(qtbot, find_button(w.home, "signIn"))
    enter_pin(qtbot, w.identify.number_pad, number)
    enter_pin(qtbot, w.identify.pin_pad, pin)


def signed_in(qtbot: Any, kiosk: Any, number: str) -> None:
    """Keypad sign-in and wait until the member's bookings are on screen."""
    w = kiosk.window
    sign_in(qtbot, kiosk, number, number)
    qtbot.waitUntil(lambda: w.current() is w.member and w.member.data is not None)


def open_book(qtbot: Any, kiosk: Any) -> None:
    w = kiosk.window
    tap(qtbot, w.member.book_button)
    qtbot.waitUntil(lambda: w.current() is w.book and w.book.data is not None)


def tap_slot(qtbot: Any, calendar: Any, resource_id: str, start: datetime) -> None:
    """Tap the calendar cell of ``resource_id`` at ``start`` (one slot's height)."""
    calendar.scroll_to(start)
    slot = timedelta(minutes=calendar.model.slot_minutes)
    rect = calendar.cell_rect(resource_id, Interval(start, start + slot))
    with qtbot.waitSignal(calendar.slot_tapped):
        qtbot.mouseClick(calendar.viewport(), LEFT, pos=rect.center())


def staff_unlock(qtbot: Any, kiosk: Any, pin: str) -> None:
    w = kiosk.window
    tap(qtbot, find_button(w.home, "staff"))
    enter_pin(qtbot, w.staff.gate, pin)


def visible_text(root: QWidget) -> str:
    """Every visible label and button text under ``root``, joined."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    parts = [w.text() for w in root.findChildren(QLabel) if w.isVisible()]
    parts += [w.text() for w in root.findChildren(QAbstractButton) if w.isVisible()]
    return "\n".join(p for p in parts if p)
