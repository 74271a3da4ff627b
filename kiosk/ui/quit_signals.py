"""SIGTERM and SIGINT end the running app the way its own quit does (systemd stopping the
kiosk's service, Ctrl-C at a terminal): the event loop ends, sync pushes the outbox once
more, the bridge drains and the cache closes.

Python runs a signal's handler only between bytecodes, and an idle Qt loop runs none, so
the signal wakes the loop through a socket (``signal.set_wakeup_fd``) that a
``QSocketNotifier`` watches.
"""

from __future__ import annotations

import logging
import signal
import socket
from types import FrameType

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier

log = logging.getLogger(__name__)

QUIT_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def _note(_signum: int, _frame: FrameType | None) -> None:
    """The Python-level handler: the wake-up socket carries the signal to the loop."""


class QuitOnSignals(QObject):
    """Installed on the main thread while the app runs; ``close`` restores what was there."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._read, self._write = socket.socketpair()
        for end in (self._read, self._write):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._write.fileno())
        self._previous = {s: signal.signal(s, _note) for s in QUIT_SIGNALS}
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wake)

    def _on_wake(self) -> None:
        try:
            received = self._read.recv(64)
        except BlockingIOError:
            return
        names = ", ".join(signal.Signals(n).name for n in received if n in set(QUIT_SIGNALS))
        if names:
            log.warning("%s received: quitting (the outbox is pushed once more)", names)
            self._app.quit()

    def close(self) -> None:
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        self._read.close()
        self._write.close()
