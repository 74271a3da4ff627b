"""The on-screen keypad: taps build the number, overflow is refused, PINs are masked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kiosk.ui.keypad import Keypad


def tap(qtbot, pad: Keypad, digits: str) -> None:
    for d in digits:
        qtbot.mouseClick(pad.findChild(QPushButton, f"key{d}"), Qt.MouseButton.LeftButton)


@pytest.fixture
def pad(qtbot) -> Keypad:
    k = Keypad(max_length=6, min_length=4)
    qtbot.addWidget(k)
    k.show()
    return k


def test_taps_build_the_number_and_ok_submits(qtbot, pad) -> None:
    tap(qtbot, pad, "1234")
    assert pad.display.text() == "1234"
    with qtbot.waitSignal(pad.submitted) as blocker:
        qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["1234"]


def test_ok_is_disabled_until_enough_digits(qtbot, pad) -> None:
    tap(qtbot, pad, "12")
    assert not pad.ok_button.isEnabled()
    with qtbot.assertNotEmitted(pad.submitted):
        qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)


def test_overflow_is_refused_with_a_note(qtbot, pad) -> None:
    with qtbot.waitSignal(pad.overflowed):
        tap(qtbot, pad, "123456789")
    assert pad.value == "123456"
    assert "most digits" in pad.note.text()


def test_delete_and_clear(qtbot, pad) -> None:
    tap(qtbot, pad, "123")
    delete = next(b for b in pad.findChildren(QPushButton) if b.text() == "⌫")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert pad.value == "12"
    buttons = pad.findChildren(QPushButton)
    clear = next(b for b in buttons if b.accessibleName() == "Clear all digits")
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert pad.value == ""
    assert pad.display.text() == "–"


def test_pin_keypad_shows_dots_only(qtbot) -> None:
    k = Keypad(secret=True)
    qtbot.addWidget(k)
    tap(qtbot, k, "4321")
    assert "4" not in k.display.text()
    assert k.display.text() == "●●●●"


def test_non_digits_are_ignored(pad) -> None:
    pad.press("a")
    pad.press("12")
    assert pad.value == ""


def test_keys_are_large_and_named(qtbot, pad) -> None:
    for button in pad.findChildren(QPushButton):
        assert button.minimumHeight() >= 48
        assert button.accessibleName()
