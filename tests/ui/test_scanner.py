"""The card scanner wedge: fast digits then Enter on any screen, typing told apart."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.scanner import CardScanner, ScanRejection
from tests.ui.conftest import FakeClock


@pytest.fixture
def screen(qtbot) -> QWidget:
    w = QWidget()
    layout = QVBoxLayout(w)
    layout.addWidget(QPushButton("Book"))
    field = QLineEdit()
    field.setObjectName("search")
    layout.addWidget(field)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def scanner(qapp: QApplication, fake_clock: FakeClock) -> Iterator[CardScanner]:
    s = CardScanner(clock=fake_clock)
    s.install(qapp)
    yield s
    s.uninstall(qapp)


def type_keys(widget: QWidget, text: str, clock: FakeClock, gap: float) -> None:
    for ch in text:
        key = Qt.Key.Key_Return if ch == "\n" else Qt.Key(ord(ch.upper()))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, "" if ch == "\n" else ch)
            QApplication.sendEvent(widget, event)
        clock.advance(gap)


def test_fast_digits_then_enter_scan_a_card(qtbot, screen, scanner, fake_clock) -> None:
    button = screen.findChild(QPushButton)
    with qtbot.waitSignal(scanner.scanned) as blocker:
        type_keys(button, "40012345\n", fake_clock, gap=0.01)
    assert blocker.args == ["40012345"]


def test_scan_works_with_real_key_clicks_on_unfocused_screen(qtbot, screen, scanner) -> None:
    screen.setFocus()
    with qtbot.waitSignal(scanner.scanned) as blocker:
        qtbot.keyClicks(screen, "123456")
        qtbot.keyClick(screen, Qt.Key.Key_Return)
    assert blocker.args == ["123456"]


def test_human_typing_is_not_a_scan(qtbot, screen, scanner, fake_clock) -> None:
    with qtbot.waitSignal(scanner.rejected) as blocker, qtbot.assertNotEmitted(scanner.scanned):
        type_keys(screen, "123456\n", fake_clock, gap=0.4)
    assert blocker.args == [ScanRejection.TYPED.value]


@pytest.mark.parametrize(
    ("burst", "reason"),
    [("12AB34\n", ScanRejection.GARBAGE), ("12\n", ScanRejection.LENGTH),
     ("1" * 25 + "\n", ScanRejection.LENGTH)],
)
def test_garbage_bursts_are_rejected(qtbot, screen, scanner, fake_clock, burst, reason) -> None:  # noqa: PLR0917
    with qtbot.waitSignal(scanner.rejected) as blocker, qtbot.assertNotEmitted(scanner.scanned):
        type_keys(screen, burst, fake_clock, gap=0.005)
    assert blocker.args == [reason.value]


def test_stuck_key_never_grows_without_bound(qtbot, screen, scanner, fake_clock) -> None:
    with qtbot.waitSignal(scanner.scanned) as blocker:
        type_keys(screen, "9" * 500, fake_clock, gap=0.001)
        fake_clock.advance(3.0)
        type_keys(screen, "55551234\n", fake_clock, gap=0.001)
    assert blocker.args == ["55551234"]


def test_typing_into_a_text_field_is_left_alone(qtbot, screen, scanner, fake_clock) -> None:
    field = screen.findChild(QLineEdit, "search")
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    with qtbot.assertNotEmitted(scanner.scanned):
        type_keys(field, "1234", fake_clock, gap=0.001)
    assert field.text() == "1234"


def test_enter_alone_and_stray_letters_pass_through(qtbot, screen, scanner, fake_clock) -> None:
    with qtbot.assertNotEmitted(scanner.scanned), qtbot.assertNotEmitted(scanner.rejected):
        type_keys(screen, "x\n", fake_clock, gap=0.001)
