"""The confirmation card every action ends on: what was done, to which tool or space and
when, and, where an existing change can take it back, an Undo for a few seconds."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.widgets import button, label, set_role

#: How long an Undo stays offered.
UNDO_SECONDS = 10


class FeedbackCard(QFrame):
    """Hidden until ``done`` or ``refused`` fills it. Emits no signals: an Undo runs the
    callable it was given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doneCard")
        self.setProperty("role", "card")
        self.what = label("", "large", name="feedbackWhat")
        self.detail = label("", name="feedbackDetail")
        self.undo_button = button(self.tr("Undo"), object_name="undo", on_click=self._on_undo)
        self._undo: Callable[[], None] | None = None
        self._left = 0
        self._countdown = QTimer(self, interval=1000)
        self._countdown.timeout.connect(self._tick)
        text = QVBoxLayout()
        text.addWidget(self.what)
        text.addWidget(self.detail)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        row.addLayout(text, 1)
        row.addWidget(self.undo_button)
        self.clear()

    def done(self, what: str, detail: str, undo: Callable[[], None] | None = None) -> None:
        """Say what was done; with ``undo``, offer to take it back for a few seconds."""
        self._fill("feedback", what, detail)
        self._undo = undo
        self._left = UNDO_SECONDS
        self.undo_button.setVisible(undo is not None)
        self.undo_button.setEnabled(True)
        self._show_left()
        if undo is not None:
            self._countdown.start()
        else:
            self._countdown.stop()

    def refused(self, why: str, detail: str = "") -> None:
        self._fill("error", why, detail)
        self._stop_undo()

    def clear(self) -> None:
        self._stop_undo()
        self.what.clear()
        self.detail.clear()
        self.hide()

    @property
    def undo_offered(self) -> bool:
        return self._undo is not None and self.undo_button.isVisible()

    def _fill(self, role: str, what: str, detail: str) -> None:
        set_role(self, "card" if role == "feedback" else "error")
        self.what.setText(what)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.show()

    def _stop_undo(self) -> None:
        self._countdown.stop()
        self._undo = None
        self.undo_button.hide()

    def _tick(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self._stop_undo()
        else:
            self._show_left()

    def _show_left(self) -> None:
        seconds = self._left
        self.undo_button.setText(self.tr("Undo (%n s)", "", seconds))

    def _on_undo(self) -> None:
        undo, self._undo = self._undo, None
        self._countdown.stop()
        self.undo_button.setEnabled(False)
        if undo is not None:
            undo()

    def hideEvent(self, event: object) -> None:
        self._countdown.stop()
