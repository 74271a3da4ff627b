"""How screens that show time-dependent state follow the clock: besides re-reading on
the bridge's change signal, each keeps a re-check timer, running only while it is on
show, that reads again (a check-in window opens, a hold counts down, a booking turns
late, midnight moves the booking horizon on) with nobody touching the screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

#: How often a screen on show looks at the clock again.
RECHECK_MS = 15_000


def recheck_timer(parent: QObject, on_timeout: Callable[[], None]) -> QTimer:
    """A repeating re-check timer owned by ``parent``; the screen starts it when shown
    and stops it when hidden (tests shorten its interval to move the clock quickly)."""
    timer = QTimer(parent, interval=RECHECK_MS)
    timer.timeout.connect(on_timeout)
    return timer
