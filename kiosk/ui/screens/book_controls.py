"""The book screen's row of controls: ◀ day ▶, − length +, and Soonest free. It shows the
day and the length it is given and forwards the taps.

Its words are the book screen's (translation context ``BookScreen``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.ui.i18n import translate
from kiosk.ui.widgets import button, label


class DayControls(QWidget):
    """Signals:
        shift(int): another day: -1 the one before, +1 the one after.
        length_step(int): another length: -1 one slot shorter, +1 one slot longer.
        soonest(): find the soonest free times of the kind for the length chosen.
    """

    shift = Signal(int)
    length_step = Signal(int)
    soonest = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day_label = label("", "large", wrap=False, name="dayLabel")
        self.duration = label("", "large", wrap=False, name="duration")
        self.next_day = button("▶", name=translate("BookScreen", "Next day"),
                               object_name="nextDay", on_click=lambda: self.shift.emit(1))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(button("◀", name=translate("BookScreen", "Previous day"),
                             object_name="previousDay", on_click=lambda: self.shift.emit(-1)))
        row.addWidget(self.day_label)
        row.addWidget(self.next_day)
        row.addStretch(1)
        row.addWidget(button("−", name=translate("BookScreen", "Shorter"), object_name="shorter",
                             on_click=lambda: self.length_step.emit(-1)))
        row.addWidget(self.duration)
        row.addWidget(button("+", name=translate("BookScreen", "Longer"), object_name="longer",
                             on_click=lambda: self.length_step.emit(1)))
        row.addWidget(button(translate("BookScreen", "Soonest free"),
                             name=translate("BookScreen", "Find the soonest free time"),
                             object_name="soonest", on_click=self.soonest.emit))
