"""The book screen's row of suggestions: free times to take instead of the one tapped or
refused (the soonest free ones of a kind, the nearest to a taken time, a refusal's own
alternatives), each one tap to select it.

Its words are the book screen's (translation context ``BookScreen``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

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

    def __init__(self, fmt: Formatter, zone: str, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fmt, self._zone, self._today = fmt, zone, today
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
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
        self.hide()

    def start_text(self, span: Interval) -> str:
        """A suggestion's start (and its day when not today): the length is the one
        chosen, shown beside − and +, so four suggestions fit one row."""
        day = localtime.local_date(self._zone, span.start)
        start = self._fmt.time(span.start)
        return start if day == self._today() else f"{self._fmt.short_date(day)} {start}"

    def _add(self, text: str, resource_id: str, span: Interval) -> None:
        self._row.addWidget(button(text, object_name="alternative",
                                   on_click=partial(self.taken.emit, resource_id, span)))

    def _show_all(self) -> None:
        # shown once all are in: each added to a row on show would appear a turn later
        # than those shown with the row
        self.setVisible(self._row.count() > 0)
