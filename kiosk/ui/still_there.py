""""Still there?": the warning before the privacy sign-out, over whatever is on screen,
counting down the seconds left. A tap anywhere but "Sign me out" keeps the session."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.widgets import button, label


class StillThere(QWidget):
    """Covers its parent while shown.

    Signals:
        still_here(): the person tapped "I'm still here" (or anywhere around the card).
        sign_out(): the person tapped "Sign me out now".
    """

    still_here = Signal()
    sign_out = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("stillThere")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = label(self.tr("Still there?"), "title", name="stillThereTitle")
        self.countdown = label("", "large", name="stillThereCountdown")
        self._left = 0
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._on_tick)
        stay = button(self.tr("I'm still here"), kind="primary", object_name="stillHere",
                      on_click=self.still_here.emit)
        leave = button(self.tr("Sign me out now"), object_name="signOutNow",
                       on_click=self.sign_out.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(stay, 1)
        buttons.addWidget(leave, 1)
        box = QFrame()
        box.setProperty("role", "card")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(32, 24, 32, 24)
        inner.addWidget(self.title)
        inner.addWidget(self.countdown)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 6)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.hide()

    def start(self, seconds: int) -> None:
        """Show over the whole parent and count down from ``seconds``."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self._left = seconds
        self._show_left()
        self.show()
        self.raise_()
        self._tick.start()

    def stop(self) -> None:
        self._tick.stop()
        self.hide()

    def _on_tick(self) -> None:
        self._left = max(0, self._left - 1)
        self._show_left()

    def _show_left(self) -> None:
        seconds = self._left
        self.countdown.setText(self.tr(
            "For your privacy, the kiosk signs you out in %n s.", "", seconds))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.still_here.emit()  # a tap beside the card: they are there
