"""Sign in with member number and PIN on the big keypad (never the OS keyboard)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.core.model import Member
from kiosk.core.refusals import Refusal
from kiosk.ui.context import UiContext
from kiosk.ui.keypad import Keypad
from kiosk.ui.widgets import button, label, refusal_text


class IdentifyScreen(QWidget):
    """Two steps: member number, then PIN. Wrong PINs are throttled by the service.

    Signals:
        identified(Member): the PIN matched.
        cancelled(): the person tapped Back.
    """

    identified = Signal(object)
    cancelled = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._number = ""
        self.setAccessibleName(self.tr("Sign in"))
        self.title = label(self.tr("Type your member number"), "title")
        self.error = label("", "error", name="identifyError")
        self.error.hide()
        self.number_pad = Keypad(max_length=10, min_length=3)
        self.pin_pad = Keypad(max_length=8, min_length=4, secret=True)
        self.number_pad.setObjectName("numberPad")
        self.pin_pad.setObjectName("pinPad")
        self.steps = QStackedWidget()
        self.steps.addWidget(self.number_pad)
        self.steps.addWidget(self.pin_pad)
        self.number_pad.submitted.connect(self._on_number)
        self.pin_pad.submitted.connect(self._on_pin)
        back = button(self.tr("Back"), object_name="back", on_click=self._on_back)
        top = QHBoxLayout()  # Back beside the title leaves the keypad room at 800 px high
        top.addWidget(back)
        top.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(self.steps, 2)
        centre.addStretch(1)
        layout.addLayout(centre, 1)

    def reset(self) -> None:
        """Forget everything typed (called whenever the screen is left)."""
        self._number = ""
        self.number_pad.clear()
        self.pin_pad.clear()
        self.steps.setCurrentWidget(self.number_pad)
        self.title.setText(self.tr("Type your member number"))
        self.error.hide()

    def _on_back(self) -> None:
        if self.steps.currentWidget() is self.pin_pad:
            self.pin_pad.clear()
            self.steps.setCurrentWidget(self.number_pad)
            self.title.setText(self.tr("Type your member number"))
            return
        self.reset()
        self.cancelled.emit()

    def _on_number(self, number: str) -> None:
        self._number = number
        self.error.hide()
        self.steps.setCurrentWidget(self.pin_pad)
        self.title.setText(self.tr("Now type your PIN"))

    def _on_pin(self, pin: str) -> None:
        number = self._number
        self.pin_pad.setEnabled(False)
        self._ctx.bridge.write(lambda svc: svc.access.verify_pin(number, pin), self._on_verified,
                               key=f"pin:{number}", on_error=self._on_error)

    def _on_verified(self, result: Member | Refusal) -> None:
        self.pin_pad.setEnabled(True)
        self.pin_pad.clear()
        if isinstance(result, Refusal):
            self._show_error(refusal_text(result))
            return
        self.reset()
        self.identified.emit(result)

    def _on_error(self, message: str) -> None:
        self.pin_pad.setEnabled(True)
        self.pin_pad.clear()
        self._show_error(message)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
