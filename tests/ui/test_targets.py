"""Every screen, walked widget by widget: each visible thing a finger can use is at least
48×48 px and has an accessible name (what a screen reader says)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit, QWidget

from kiosk.ui.calendar_view import DayCalendar
from kiosk.ui.widgets import MIN_TARGET
from tests.ui.tour import tour

INTERACTIVE = (QAbstractButton, QLineEdit, QAbstractItemView, DayCalendar)


def problems(root: QWidget) -> list[str]:
    out = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible():
            continue
        what = f"{type(widget).__name__} {widget.objectName()!r} {widget.accessibleName()!r}"
        if widget.width() < MIN_TARGET or widget.height() < MIN_TARGET:
            out.append(f"{what} is {widget.width()}×{widget.height()} px")
        if not widget.accessibleName().strip():
            out.append(f"{what} has no accessible name")
        if isinstance(widget, DayCalendar):
            out += _cell_problems(widget)
    return out


def _cell_problems(cal: DayCalendar) -> list[str]:
    """A calendar cell (one slot of one resource) takes taps: it is a target too."""
    model = cal.model
    if not model.columns:
        return []
    row = model.rows[len(model.rows) // 2].span
    rect = cal.cell_rect(model.columns[0].id, row)
    if rect.width() < MIN_TARGET or rect.height() < MIN_TARGET:
        return [f"calendar cell is {rect.width()}×{rect.height()} px"]
    return []


def test_every_screen_has_finger_sized_named_targets(qtbot, kiosk, service, fake_clock) -> None:
    seen, found = [], {}
    for stop, root in tour(qtbot, kiosk, service, fake_clock):
        seen.append(stop)
        qtbot.waitUntil(lambda root=root: root.isVisible())
        if bad := problems(root):
            found[stop] = bad
    assert not found, "\n".join(f"{stop}: {p}" for stop, ps in found.items() for p in ps)
    assert len(seen) >= 20


def test_the_walk_catches_a_small_unnamed_target(qtbot) -> None:
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    tiny = QPushButton("x")
    tiny.setFixedSize(20, 20)
    QVBoxLayout(root).addWidget(tiny)
    root.show()
    qtbot.waitExposed(root)
    found = problems(root)
    assert any("20×20" in p for p in found) and any("no accessible name" in p for p in found)
