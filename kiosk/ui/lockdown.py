"""Kiosk-mode lock-down: full screen, no close, the usual exit keys do nothing.

Leaving needs the staff PIN: staff mode calls ``release()`` only after the PIN was
verified again, and only then does the window accept a close.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
_BLOCKED = (
    (Qt.Key.Key_F4, _ALT), (Qt.Key.Key_Q, _CTRL), (Qt.Key.Key_W, _CTRL),
    (Qt.Key.Key_Escape, None), (Qt.Key.Key_Tab, _ALT), (Qt.Key.Key_F11, None),
)


def is_exit_key(event: QKeyEvent) -> bool:
    mods = event.modifiers()
    for key, needed in _BLOCKED:
        if event.key() == key and (needed is None or bool(mods & needed)):
            return True
    return False


class KioskLock(QObject):
    """Swallows exit keys and refuses window closes while locked.

    Signals:
        blocked(str): an attempt to leave was ignored (the key or "close").
        released(): staff released the lock; the app may now close.
    """

    blocked = Signal(str)
    released = Signal()

    def __init__(self, *, locked: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.locked = locked

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)

    def uninstall(self, app: QApplication) -> None:
        app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked:
            return False
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            if is_exit_key(event):
                if event.type() == QEvent.Type.KeyPress:
                    self.blocked.emit(event.keyCombination().toCombined().__str__())
                return True
        return False

    def allow_close(self) -> bool:
        """Called by the window's closeEvent: False while locked."""
        if self.locked:
            self.blocked.emit("close")
        return not self.locked

    def release(self) -> None:
        self.locked = False
        self.released.emit()
