"""The book screen's row of kinds: one chip per kind, the chosen one checked, swiped
sideways when the kinds overflow, with ◀ ▶ at the ends while some lie out of sight.

Its words are the book screen's (translation context ``BookScreen``)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.ui.fmt import kind_label
from kiosk.ui.i18n import translate
from kiosk.ui.widgets import button, clear_layout, finger_scroll


class KindStrip(QWidget):
    """Signals:
        chosen(str): a kind's chip was tapped.
    """

    chosen = Signal(str)

    def __init__(self, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = QWidget()
        self._kinds = QHBoxLayout(self._row)
        self._kinds.setContentsMargins(0, 0, 0, 0)
        self._area = finger_scroll(self._row)  # swiped sideways when kinds overflow
        self._area.setObjectName("kindsArea")
        self._area.setFixedHeight(height)
        # ◀ ▶ at the ends while kinds lie out of sight: a sign the row slides, and a way
        # to slide it without a swipe
        self.left = button("◀", name=translate("BookScreen", "More kinds to the left"),
                           object_name="kindsLeft", on_click=lambda: self._slide(-1))
        self.right = button("▶", name=translate("BookScreen", "More kinds to the right"),
                            object_name="kindsRight", on_click=lambda: self._slide(1))
        bar = self._area.horizontalScrollBar()
        bar.rangeChanged.connect(self._show_arrows)
        bar.valueChanged.connect(self._show_arrows)
        self._show_arrows()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.left)
        row.addWidget(self._area, 1)
        row.addWidget(self.right)

    def fill(self, kinds: list[str], current: str) -> None:
        """Show ``kinds`` with ``current`` checked; the same kinds again keep the strip
        where the finger left it."""
        chips = [c for c in self._row.findChildren(QPushButton) if not c.isHidden()]
        if [c.objectName() for c in chips] == [f"kind_{k}" for k in kinds]:
            for chip in chips:
                chip.setChecked(chip.objectName() == f"kind_{current}")
            return
        clear_layout(self._kinds)
        for kind in kinds:
            chip = button(kind_label(kind), object_name=f"kind_{kind}",
                          on_click=partial(self.chosen.emit, kind))
            chip.setCheckable(True)
            chip.setChecked(kind == current)
            self._kinds.addWidget(chip)
            chip.ensurePolished()  # after parenting: the style sheet's min-width clips names
            chip.setMinimumWidth(chip.sizeHint().width())
        self._kinds.addStretch(1)

    def clear(self) -> None:
        clear_layout(self._kinds)

    def _slide(self, step: int) -> None:
        bar = self._area.horizontalScrollBar()
        bar.setValue(bar.value() + step * max(1, self._area.viewport().width() * 2 // 3))

    def _show_arrows(self) -> None:
        bar = self._area.horizontalScrollBar()
        self.left.setVisible(bar.value() > bar.minimum())
        self.right.setVisible(bar.value() < bar.maximum())
