"""The member-card scanner: a USB keyboard wedge that types digits then Enter, fast.

``CardScanner`` is an event filter installed on the QApplication, so a scan works on
every screen without a focused field. It tells a scanner from a person by inter-key
timing: a scanner types every key within ``max_gap`` seconds of the previous one.
Keys typed into an editable text field are left alone (staff may type a search).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
#: Seconds after which an unfinished burst is forgotten.
_STALE_AFTER = 2.0
_TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


class ScanRejection(StrEnum):
    """Why a burst of keys ending in Enter was not accepted as a card."""

    GARBAGE = "garbage"  # characters other than digits
    LENGTH = "length"  # too few or too many digits
    TYPED = "typed"  # keys came at human speed: not a scanner


class CardScanner(QObject):
    """Turns fast digit bursts ending in Enter into card numbers.

    Signals:
        scanned(str): a well-formed card number was scanned.
        rejected(str): a burst ended in Enter but was not a card; the argument is a
            ``ScanRejection`` value.
    """

    scanned = Signal(str)
    rejected = Signal(str)

    def __init__(
        self,
        *,
        min_digits: int = 4,
        max_digits: int = 20,
        max_gap: float = 0.08,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._min, self._max, self._max_gap, self._clock = min_digits, max_digits, max_gap, clock
        self._buffer: list[str] = []
        self._slow = False
        self._last = 0.0
        self.enabled = True

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)

    def uninstall(self, app: QApplication) -> None:
        app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False  # window-level deliveries reach the widget next; handle once
        if not self.enabled or _is_text_input(QApplication.focusWidget()):
            return False
        assert isinstance(event, QKeyEvent)
        return self._on_key(event)

    def _on_key(self, event: QKeyEvent) -> bool:
        now = self._clock()
        gap = now - self._last
        if event.key() in _ENTER_KEYS:
            if not self._buffer:
                return False
            self._finish(slow=self._slow or gap > self._max_gap)
            return True
        text = event.text()
        if not text or not text.isprintable():
            return False
        if self._buffer and gap > _STALE_AFTER:
            self._reset()  # an unfinished burst long ago (unplugged mid-scan): forget it
        if self._buffer and gap > self._max_gap:
            self._slow = True
        if not self._buffer and not text.isdigit():
            return False  # a stray letter is not the start of a scan
        self._buffer.append(text)
        self._last = now
        if len(self._buffer) > self._max * 4:
            self._reset()  # a stuck key: drop it rather than grow forever
        return True

    def _finish(self, *, slow: bool) -> None:
        code = "".join(self._buffer)
        self._reset()
        if slow:
            self.rejected.emit(ScanRejection.TYPED.value)
        elif not (code.isascii() and code.isdigit()):
            self.rejected.emit(ScanRejection.GARBAGE.value)
        elif not self._min <= len(code) <= self._max:
            self.rejected.emit(ScanRejection.LENGTH.value)
        else:
            self.scanned.emit(code)

    def _reset(self) -> None:
        self._buffer.clear()
        self._slow = False


def _is_text_input(widget: QWidget | None) -> bool:
    if widget is None or not isinstance(widget, _TEXT_INPUTS):
        return False
    read_only = getattr(widget, "isReadOnly", lambda: False)()
    return not read_only
