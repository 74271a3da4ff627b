"""The kiosk's status as the UI shows it (online, last sync, changes waiting), and the
strip that shows it on every screen.

The sync layer feeds ``StatusModel.update``; until it does, the model polls the local
store's ``sync_status()`` through the bridge on a timer, and at once after every change
the bridge reports (a booking adds to the outbox: the strip says so straight away).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kiosk.ui.bridge import ServiceBridge
from kiosk.ui.fmt import Formatter


class StatusModel(QObject):
    """Holds the latest ``SyncStatus``-like object.

    Signals:
        changed(object): a new status arrived.
    """

    changed = Signal(object)

    def __init__(self, bridge: ServiceBridge, *, poll_ms: int = 10_000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self.current: object | None = None
        self._timer = QTimer(self, interval=poll_ms)
        self._timer.timeout.connect(self.poll)
        bridge.changed.connect(self._on_changed)

    def start(self) -> None:
        self.poll()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def poll(self) -> None:
        self._bridge.read(lambda svc: svc.sync.status(), self.update, on_error=lambda _m: None,
                          latest="status")

    def _on_changed(self, _changes: object) -> None:
        self.poll()

    def update(self, status: object) -> None:
        self.current = status
        self.changed.emit(status)

    @property
    def online(self) -> bool:
        return bool(getattr(self.current, "online", False))


class StatusStrip(QWidget):
    """Online/offline, last sync, and how many changes wait to be sent."""

    def __init__(self, model: StatusModel, fmt: Formatter, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("statusStrip")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._fmt = fmt
        self.state = QLabel(self.tr("Starting…"))
        self.state.setWordWrap(True)  # the offline sentence wraps rather than widen the window
        self.last_sync = QLabel()
        self.outbox = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 6)
        layout.setSpacing(32)
        layout.addWidget(self.state, 1)
        layout.addWidget(self.last_sync)
        layout.addWidget(self.outbox)
        self.setAccessibleName(self.tr("Connection status"))
        model.changed.connect(self.show_status)

    def show_status(self, status: object) -> None:
        online = bool(getattr(status, "online", False))
        self.setProperty("online", "true" if online else "false")
        self.style().unpolish(self)
        self.style().polish(self)
        self.state.setText(self.tr("● Online") if online else
                           self.tr("● Offline — bookings still work and are sent later"))
        last: datetime | None = getattr(status, "last_sync_at", None)
        self.last_sync.setText(self.tr("Last sync {0}").format(self._fmt.time(last)) if last
                               else self.tr("Not synced yet"))
        depth = int(getattr(status, "outbox_depth", 0))
        self.outbox.setText(self.tr("%n change waiting to be sent", "", depth)
                            if depth else self.tr("All changes sent"))
