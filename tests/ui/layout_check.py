"""What a person would see cut off: widgets reaching past the window, button and label
text wider than the room it has (font metrics through each widget's size hint), and a
window grown past the screen it was given."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWidget

#: Finger-scroll areas meant to scroll sideways (the kinds row): their content may be
#: wider than they are.
SIDEWAYS = ("kindsArea",)


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.isVisible()


def problems(window: QWidget, size: tuple[int, int]) -> list[str]:
    """Everything cut off on ``window``, which was given ``size``; empty when all fits."""
    out: list[str] = []
    width, height = size
    if window.width() > width or window.height() > height:
        out.append(f"window grew to {window.width()}×{window.height()}")
    frame = QRect(0, 0, min(width, window.width()), min(height, window.height()))
    for w in window.findChildren(QWidget):
        if not _shown(w, window):
            continue
        area = _scroll_area_of(w)
        name = w.objectName() or w.accessibleName() or type(w).__name__
        if area is None:
            rect = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
            if not frame.contains(rect):
                out.append(f"{name} reaches past the window: {rect.getRect()}")
        elif isinstance(area, QScrollArea) and area.objectName() not in SIDEWAYS \
                and w is area.widget() and w.width() > area.viewport().width():
            out.append(f"{area.objectName() or 'list'} is wider than its view")
        out += _clipped(w, name)
    return out


def _clipped(w: QWidget, name: str) -> list[str]:
    if isinstance(w, QAbstractButton) and w.text():
        if w.sizeHint().width() > w.width():
            return [f"button {w.text()!r} cut: needs {w.sizeHint().width()}, has {w.width()}"]
    elif isinstance(w, QLabel) and w.text() and not w.pixmap():
        if w.wordWrap():
            need = w.heightForWidth(w.width())
            if need > w.height() + 1:
                return [f"label {name} {w.text()[:40]!r} cut: needs {need} px high, "
                        f"has {w.height()}"]
        elif w.sizeHint().width() > w.width():
            return [f"label {name} {w.text()[:40]!r} cut: needs {w.sizeHint().width()}, "
                    f"has {w.width()}"]
    return []
