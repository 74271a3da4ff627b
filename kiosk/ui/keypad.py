"""The big on-screen keypad for member number and PIN (never the OS keyboard).

Digits beyond ``max_length`` are refused with a visible note instead of being added, so
nothing a finger does can overflow the field. A PIN keypad shows dots, never digits.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

_ROWS = ("123", "456", "789")
KEY_SIZE = 80



class Keypad(QWidget):
    """A 0–9 keypad with Delete, Clear and OK.

    Signals:
        changed(str): the entered digits changed.
        submitted(str): OK was tapped with at least ``min_length`` digits.
        overflowed(): a digit was refused because the field is full.
    """

    changed = Signal(str)
    submitted = Signal(str)
    overflowed = Signal()

    def __init__(self, *, max_length: int = 10, min_length: int = 1, secret: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._digits = ""
        self._max, self._min, self._secret = max_length, min_length, secret
        self.display = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.display.setProperty("role", "title")
        self.display.setMinimumHeight(72)
        self.display.setAccessibleName(self.tr("Entered digits"))
        self.note = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.note.setProperty("role", "muted")
        self.ok_button = self._key(self.tr("OK"), self.tr("OK, continue"), self._on_ok)
        self.ok_button.setProperty("kind", "primary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.display)
        layout.addWidget(self.note)
        layout.addLayout(self._grid())
        self._refresh()

    def _grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(12)
        for r, row in enumerate(_ROWS):
            for c, digit in enumerate(row):
                grid.addWidget(self._digit_key(digit), r, c)
        delete = self._key("⌫", self.tr("Delete last digit"), self._on_delete)
        grid.addWidget(delete, 3, 0)
        grid.addWidget(self._digit_key("0"), 3, 1)
        clear = self._key(self.tr("Clear"), self.tr("Clear all digits"), self.clear)
        grid.addWidget(clear, 3, 2)
        grid.addWidget(self.ok_button, 4, 0, 1, 3)
        return grid

    def _digit_key(self, digit: str) -> QPushButton:
        name = self.tr("Digit {0}").format(digit)
        button = self._key(digit, name, lambda: self.press(digit))
        button.setObjectName(f"key{digit}")
        return button

    def _key(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setProperty("kind", "key")
        button.setMinimumSize(KEY_SIZE, KEY_SIZE)
        button.setAccessibleName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scanner keeps working
        button.clicked.connect(slot)
        return button

    # -- state --------------------------------------------------------------------
    @property
    def value(self) -> str:
        return self._digits

    def press(self, digit: str) -> None:
        if not (len(digit) == 1 and digit.isdigit()):
            return
        if len(self._digits) >= self._max:
            self.note.setText(self.tr("That is the most digits this can take."))
            self.overflowed.emit()
            return
        self._digits += digit
        self.note.clear()
        self._refresh()

    def clear(self) -> None:
        self._digits = ""
        self.note.clear()
        self._refresh()

    def _on_delete(self) -> None:
        self._digits = self._digits[:-1]
        self._refresh()

    def _on_ok(self) -> None:
        if len(self._digits) >= self._min:
            self.submitted.emit(self._digits)

    def _refresh(self) -> None:
        shown = "●" * len(self._digits) if self._secret else self._digits
        self.display.setText(shown or "–")
        self.ok_button.setEnabled(len(self._digits) >= self._min)
        self.changed.emit(self._digits)
