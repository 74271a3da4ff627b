"""Guard against the PySide6 6.12.0 bug that dropped a reference to True/None on every
signal emission and aborted a long-running kiosk ("deallocating True or False")."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

EMISSIONS = 20_000


class _Emitter(QObject):
    fired = Signal(bool)


def test_python_emits_keep_singleton_refcounts(qtbot: QtBot) -> None:
    emitter = _Emitter()
    seen: list[bool] = []
    emitter.fired.connect(lambda flag: seen.append(flag) if len(seen) < 1 else None)
    before = (sys.getrefcount(True), sys.getrefcount(None))
    for _ in range(EMISSIONS):
        emitter.fired.emit(True)
    after = (sys.getrefcount(True), sys.getrefcount(None))
    assert abs(after[0] - before[0]) < 100 and abs(after[1] - before[1]) < 100


def test_slots_called_from_cpp_signals_keep_singleton_refcounts(qtbot: QtBot) -> None:
    button = QPushButton("tap")
    qtbot.addWidget(button)
    taps: list[int] = []
    button.clicked.connect(lambda: taps.append(1) and None)
    before = sys.getrefcount(None)
    for _ in range(EMISSIONS):
        button.click()
    assert len(taps) == EMISSIONS
    assert abs(sys.getrefcount(None) - before) < 100
