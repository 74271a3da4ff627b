"""The book screen's row of suggestions: free times to take instead of the one tapped or
refused (the soonest free ones of a kind, the nearest to a taken time, a refusal's own
alternatives), each one tap to select it. A suggestion names its day only when it is not
the day on show, and the row holds as many as fit whole, the soonest first (a long
resource name on another day leaves room for fewer): no suggestion is ever cut, and the
calendar above keeps its height.

Its words are the book screen's (translation context ``BookScreen``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.core import localtime
from kiosk.core.model import Interval, Resource
from kiosk.ui.fmt import Formatter, resource_name
from kiosk.ui.i18n import translate
from kiosk.ui.widgets import button, clear_layout


class Suggestions(QWidget):
    """Signals:
        taken(str, object): a suggestion was tapped: the resource id and its ``Interval``.
    """

    taken = Signal(str, object)

    def __init__(self, fmt: Formatter, zone: str, shown_day: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fmt, self._zone, self._shown_day = fmt, zone, shown_day
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._buttons: list[QPushButton] = []
        self._columns = 0
        self.hide()  # no room taken while there is nothing to suggest

    def offer_free(self, found: list[tuple[Resource, Interval]]) -> None:
        """Free times found by the service, each named by its resource."""
        for resource, span in found:
            self._add(f"{resource_name(resource.name)} · {self.start_text(span)}",
                      resource.id, span)
        self._show_all()

    def offer_alternatives(self, resource_id: str, spans: tuple[Interval, ...]) -> None:
        """A refusal's alternatives, on the resource that was refused."""
        self.clear()
        for span in spans:
            self._add(translate("BookScreen", "Try {0}").format(self.start_text(span)),
                      resource_id, span)
        self._show_all()

    def clear(self) -> None:
        clear_layout(self._row)
        self._buttons, self._columns = [], 0
        self.hide()

    def start_text(self, span: Interval) -> str:
        """A suggestion's start, and its day when that is not the day on show (the length
        is the one chosen, shown beside − and +)."""
        day = localtime.local_date(self._zone, span.start)
        start = self._fmt.time(span.start)
        return start if day == self._shown_day() else f"{self._fmt.short_date(day)} {start}"

    def _add(self, text: str, resource_id: str, span: Interval) -> None:
        b = button(text, object_name="alternative",
                   on_click=partial(self.taken.emit, resource_id, span))
        self._row.addWidget(b, 1)  # styled as it will be, to measure
        self._buttons.append(b)
        self._columns = 0  # arranged afresh

    def _show_all(self) -> None:
        # shown once all are in: each added to a row on show would appear a turn later
        # than those shown with the row
        self._arrange()
        self.setVisible(bool(self._buttons))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """The first suggestions that fit whole in one row, equally wide; the rest wait
        hidden (the row keeps one height, so the calendar keeps its room)."""
        parent = self.parentWidget()
        width = self.width() if self.isVisible() or parent is None else parent.width()
        columns = self._fitting(width)
        if columns == self._columns or not self._buttons:
            return
        for i, b in enumerate(self._buttons):
            b.setVisible(i < columns)
        self._columns = columns

    def _fitting(self, width: int) -> int:
        spacing = max(0, self._row.spacing())
        for b in self._buttons:
            b.ensurePolished()
        need = max((b.sizeHint().width() for b in self._buttons), default=0)
        columns = len(self._buttons)
        while columns > 1 and need > (width - spacing * (columns - 1)) / columns:
            columns -= 1
        return max(columns, 1)
