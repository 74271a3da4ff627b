"""How screens that show time-dependent state follow the clock: besides re-reading on
the bridge's change signal, each keeps a re-check timer, running only while it is on
show, that reads again (a check-in window opens, a hold counts down, a booking turns
late, midnight moves the booking horizon on) with nobody touching the screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: How often a screen on show looks at the clock again.
RECHECK_MS = 15_000


class _WhileShown(QObject):
    """Runs a timer while the widget it watches is shown."""

    def __init__(self, timer: QTimer, parent: QWidget) -> None:
        super().__init__(parent)
        self._timer = timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self._timer.start()
        elif event.type() == QEvent.Type.Hide:
            self._timer.stop()
        return False


def recheck_timer(screen: QWidget, on_timeout: Callable[[], None]) -> QTimer:
    """A repeating re-check timer owned by ``screen``, running while it is shown (tests
    shorten its interval to move the clock quickly)."""
    timer = QTimer(screen, interval=RECHECK_MS)
    timer.timeout.connect(on_timeout)
    screen.installEventFilter(_WhileShown(timer, screen))
    return timer
