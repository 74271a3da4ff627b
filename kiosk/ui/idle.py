"""Ends a session after a spell without a touch (the privacy timeout), warning first.

The timeout is split in two: a quiet spell, then a warning (``warning``) for the last
part, during which the person can say they are still there (``arm`` again). Touches in
the quiet spell restart it; during the warning only an answer to it counts, so that the
warning's own "Sign me out" button is not taken for "still here".
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate, QEvent.Type.KeyPress, QEvent.Type.Wheel,
})

#: The warning takes the last this-many seconds of the timeout (at most a quarter of it).
WARN_SECONDS = 15


class IdleWatcher(QObject):
    """Watches every input event while armed.

    Signals:
        warning(int): nobody touched the kiosk for a while; sign-out in this many seconds.
        resumed(): the warning is over without a sign-out (re-armed or disarmed).
        timed_out(): nobody answered the warning; end the session.
    """

    warning = Signal(int)
    resumed = Signal()
    timed_out = Signal()

    def __init__(self, seconds: float = 60, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._quiet = QTimer(self, singleShot=True)
        self._quiet.timeout.connect(self._on_quiet)
        self._grace = QTimer(self, singleShot=True)
        self._grace.timeout.connect(self._on_timeout)
        self._total_ms = 1
        self.set_timeout(seconds)

    def set_timeout(self, seconds: float, warn: float | None = None) -> None:
        """Sign out after ``seconds`` without a touch, the last ``warn`` of them (by
        default ``WARN_SECONDS``, at most a quarter of the timeout) under the warning."""
        self._total_ms = max(1, round(seconds * 1000))
        warn_ms = (min(WARN_SECONDS * 1000, self._total_ms // 4) if warn is None
                   else min(self._total_ms - 1, round(warn * 1000)))
        self._grace.setInterval(max(1, warn_ms))
        self._quiet.setInterval(max(1, self._total_ms - warn_ms))

    @property
    def timeout_ms(self) -> int:
        return self._total_ms

    @property
    def warning_seconds(self) -> int:
        return max(1, round(self._grace.interval() / 1000))

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)

    def uninstall(self, app: QApplication) -> None:
        app.removeEventFilter(self)
        self.disarm()

    def arm(self) -> None:
        """Start (or restart) the whole timeout; ends any warning."""
        self._end_warning()
        self._quiet.start()

    def disarm(self) -> None:
        self._end_warning()
        self._quiet.stop()

    @property
    def armed(self) -> bool:
        return self._quiet.isActive() or self._grace.isActive()

    @property
    def warning_shown(self) -> bool:
        return self._grace.isActive()

    def _end_warning(self) -> None:
        if self._grace.isActive():
            self._grace.stop()
            self.resumed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._quiet.isActive():
            self._quiet.start()
        return False

    def _on_quiet(self) -> None:
        self._grace.start()
        self.warning.emit(self.warning_seconds)

    def _on_timeout(self) -> None:
        self.timed_out.emit()
