"""On staff's sheet of the day, only while a burst of wrong PINs has locked member PIN sign-in
at this kiosk: what is locked and for how long, and a button that lifts the lock now
(``Access.clear_pin_lockout``). Members locked for their own wrong PINs stay locked."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from kiosk.ui.context import UiContext
from kiosk.ui.widgets import button, label


class PinLockoutCard(QFrame):
    """Reads the lock through the bridge; hidden while there is none.

    Signals:
        cleared(): staff lifted the lock (the screen says so on its confirmation card).
        failed(str): the read or the write did not go through; what to tell staff.
    """

    cleared = Signal()
    failed = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("pinLockout")
        self.setProperty("role", "card")
        self.text = label("", "message", name="pinLockoutText")
        self.clear_button = button(
            self.tr("Unlock PIN sign-in"), kind="primary", object_name="clearPinLockout",
            name=self.tr("Unlock PIN sign-in at this kiosk now"), on_click=self._on_clear)
        # one row, the button beside the words: the staff pages keep their height at 800 px
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.clear_button)
        self.hide()

    def refresh(self) -> None:
        """Read whether the lock is in force (and its minutes left) and show it or not."""
        self._ctx.bridge.read(lambda svc: svc.access.pin_lockout_minutes(), self.show_minutes,
                              latest="staff:pin-lockout", on_error=self.failed.emit)

    def show_minutes(self, minutes: int) -> None:
        self.setVisible(minutes > 0)
        self.text.setText(self.tr(
            "Too many wrong PINs here: PIN sign-in is locked at this kiosk for %n more "
            "min (cards still work). Unlocking lets members use their PIN again now.", "",
            minutes))

    def _on_clear(self) -> None:
        self.clear_button.setEnabled(False)
        self._ctx.bridge.write(lambda svc: svc.access.clear_pin_lockout(), self._on_cleared,
                               key="clear-pin-lockout", on_error=self._on_failed)

    def _on_cleared(self, _result: object) -> None:
        self.clear_button.setEnabled(True)
        self.show_minutes(0)
        self.cleared.emit()

    def _on_failed(self, message: str) -> None:
        self.clear_button.setEnabled(True)
        self.failed.emit(message)
