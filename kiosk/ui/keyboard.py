"""An on-screen letter keyboard for staff to type a member's name (never the OS keyboard).

It types into a ``QLineEdit`` it is given: QWERTY letters, the accented letters of the
members' names (Fernández, Núñez, Müller, François), digits (member numbers), hyphen and
apostrophe (names like Smith-Jones, O'Neil), Space, Delete, Clear and Search. Search
ignores accents anyway, so a name is found however it was typed.
The field keeps working with a physical keyboard, but asks no input method (so no
system keyboard pops up on a touchscreen).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QWidget

ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL'", "ZXCVBNM-", "ÁÉÍÓÚÜÑÇ")
KEY_SIZE = 56
MIN_KEY = 48


class OnScreenKeyboard(QWidget):
    """Signals:
        changed(str): the field's text changed through a key.
        submitted(str): Search was tapped (the field's text, stripped).
    """

    changed = Signal(str)
    submitted = Signal(str)

    def __init__(self, target: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        target.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setAccessibleName(self.tr("On-screen keyboard"))
        # ten keys a row must fit beside the staff menu at 1280 px: narrow the theme's
        # button padding here (sizes only; every colour still comes from the theme)
        self.setStyleSheet(f"QPushButton {{ padding: 0 2px; min-width: {MIN_KEY}px; "
                           f"min-height: {KEY_SIZE}px; }}")
        grid = QGridLayout(self)
        grid.setSpacing(6)
        grid.setContentsMargins(0, 0, 0, 0)
        for r, row in enumerate(ROWS):
            for c, char in enumerate(row):
                grid.addWidget(self._char_key(char), r, c)
        last = len(ROWS)
        grid.addWidget(self._key("⌫", self.tr("Delete last letter"), "keyDelete",
                                 self.backspace), 3, 8, 1, 2)
        grid.addWidget(self._key(self.tr("Clear"), self.tr("Clear the name"), "keyClear",
                                 self.clear), last, 0, 1, 2)
        grid.addWidget(self._key(self.tr("Space"), self.tr("Space"), "keySpace",
                                 partial(self.type_text, " ")), last, 2, 1, 5)
        search = self._key(self.tr("Search"), self.tr("Search for this member"), "keySearch",
                           self._on_search)
        search.setProperty("kind", "primary")
        grid.addWidget(search, last, 7, 1, 3)

    def _char_key(self, char: str) -> QPushButton:
        if char.isdigit():
            name = self.tr("Digit {0}").format(char)
        elif char == "'":
            name = self.tr("Apostrophe")
        elif char == "-":
            name = self.tr("Hyphen")
        else:
            name = self.tr("Letter {0}").format(char)
        obj = {"'": "keyApostrophe", "-": "keyHyphen"}.get(char, f"key{char}")
        return self._key(char, name, obj, partial(self.type_text, char.lower()))

    def _key(self, text: str, name: str, object_name: str, slot: object) -> QPushButton:
        key = QPushButton(text)
        key.setObjectName(object_name)
        key.setAccessibleName(name)
        key.setMinimumSize(MIN_KEY, KEY_SIZE)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the cursor
        key.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return key

    # -- editing ------------------------------------------------------------------------
    def type_text(self, text: str) -> None:
        field = self.target
        if len(field.text()) + len(text) > field.maxLength():
            return
        if not field.text() or field.text().endswith((" ", "-", "'")):
            text = text.upper()  # names start with a capital, as staff would type them
        if text == " " and (not field.text() or field.text().endswith(" ")):
            return
        field.insert(text)
        self.changed.emit(field.text())

    def backspace(self) -> None:
        self.target.backspace()
        self.changed.emit(self.target.text())

    def clear(self) -> None:
        self.target.clear()
        self.changed.emit("")

    def _on_search(self) -> None:
        self.submitted.emit(self.target.text().strip())
