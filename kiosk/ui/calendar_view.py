"""The custom-painted day calendar: resources across, real time down, a now-line.

Finger scrolling is kinetic (``QScroller``); there are no scroll bars to hit. A tap (a
press and release that did not scroll) on a slot emits ``slot_tapped``. Only the visible
part is painted, so 50 resources on a busy day paint in a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QHBoxLayout, QLabel, QScroller, QWidget

from kiosk.core.model import Interval
from kiosk.ui.calendar_model import CellState, DayModel, TimeRow
from kiosk.ui.fmt import Formatter
from kiosk.ui.i18n import translate
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import no_press_delay

_TAP_SLOP = 16  # px a finger may wander and still count as a tap

_FILL = {state: (f"cal_{state.value}", f"on_cal_{state.value}") for state in CellState}


def state_text(state: CellState) -> str:
    texts = {
        CellState.FREE: translate("Calendar", "Free"),
        CellState.TAKEN: translate("Calendar", "Taken"),
        CellState.YOURS: translate("Calendar", "Yours"),
        CellState.PENDING: translate("Calendar", "Pending"),
        CellState.CLOSED: translate("Calendar", "Closed"),
    }
    return texts[state]


def legend(theme: Theme, states: tuple[CellState, ...]) -> QWidget:
    """A row of swatches naming what the calendar's colours mean (closed hours above all:
    grey that is not a booking)."""
    row = QWidget()
    row.setObjectName("calendarLegend")
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for state in states:
        swatch = QLabel()
        swatch.setFixedSize(28, 22)
        bg = getattr(theme.palette, _FILL[state][0])
        swatch.setStyleSheet(f"background: {bg}; border: 1px solid {theme.palette.border};")
        name = QLabel(state_text(state))
        name.setObjectName(f"legend_{state.value}")
        layout.addWidget(swatch)
        layout.addWidget(name)
        layout.addSpacing(theme.sizes.spacing)
    layout.addStretch(1)
    return row


class DayCalendar(QAbstractScrollArea):
    """Paints a ``DayModel``.

    Signals:
        slot_tapped(str, object): a slot was tapped; resource id and the slot ``Interval``.
    """

    slot_tapped = Signal(str, object)

    def __init__(self, model: DayModel, theme: Theme, fmt: Formatter,
                 now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self._theme, self._fmt, self._now = model, theme, fmt, now
        self.selection: tuple[str, Interval] | None = None
        s = theme.sizes
        # columns share the width; the theme's column size is their minimum, and only
        # when more resources than fit at that width does the view scroll sideways
        self._row_h, self._min_col_w = s.calendar_row, s.calendar_column
        self._col_w = self._min_col_w
        self._gutter, self._header = s.calendar_gutter, s.calendar_header
        self._press: QPoint | None = None
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(translate("Calendar", "Day calendar"))
        # three rows at least: the book screen's messages and suggestions must still fit
        # 800 px high beside it (the calendar scrolls; the window must not grow)
        self.setMinimumHeight(s.calendar_header + 3 * s.calendar_row)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        no_press_delay(self.viewport())  # taps are told from drags on release
        self._tick = QTimer(self, interval=30_000)
        self._tick.timeout.connect(self.viewport().update)
        self._update_ranges()

    # -- model ------------------------------------------------------------------------
    def set_model(self, model: DayModel) -> None:
        self.model = model
        self.selection = None
        self._update_ranges()
        self.viewport().update()

    def set_selection(self, resource_id: str | None, span: Interval | None) -> None:
        self.selection = (resource_id, span) if resource_id and span else None
        self.viewport().update()

    def refresh(self) -> None:
        self.viewport().update()

    @property
    def px_per_minute(self) -> float:
        return self._row_h / self.model.slot_minutes

    def y_of(self, instant: datetime) -> int:
        return round(self.model.minutes_from_start(instant) * self.px_per_minute)

    def scroll_to(self, instant: datetime, resource_id: str | None = None) -> None:
        """Bring ``instant``'s row, and the whole row above it, into view just below the
        header (never a row half hidden under it), and ``resource_id``'s column."""
        row = self.model.row_at(instant)
        top = self.model.rows[max(0, row - 1)].span.start if row is not None else instant
        self.verticalScrollBar().setValue(max(0, self.y_of(top)))
        ids = [r.id for r in self.model.columns]
        if resource_id in ids:
            x, bar = ids.index(resource_id) * self._col_w, self.horizontalScrollBar()
            room = self.viewport().width() - self._gutter
            if not bar.value() <= x <= bar.value() + room - self._col_w:
                bar.setValue(max(0, x - max(0, room - self._col_w) // 2))

    def cell_rect(self, resource_id: str, span: Interval) -> QRect:
        """Viewport rectangle of ``span`` in ``resource_id``'s column (for tests, taps)."""
        col = [r.id for r in self.model.columns].index(resource_id)
        x = self._gutter + col * self._col_w - self.horizontalScrollBar().value()
        y0 = self._header + self.y_of(span.start) - self.verticalScrollBar().value()
        y1 = self._header + self.y_of(span.end) - self.verticalScrollBar().value()
        return QRect(x, y0, self._col_w, y1 - y0)

    # -- geometry ---------------------------------------------------------------------
    def _content_height(self) -> int:
        return round(self.model.length.total_seconds() / 60 * self.px_per_minute)

    @property
    def column_width(self) -> int:
        return self._col_w

    def hidden_columns(self) -> tuple[int, int]:
        """How many resources lie out of sight to the left and to the right."""
        if not self.model.columns:
            return 0, 0
        bar, room = self.horizontalScrollBar(), self.viewport().width() - self._gutter
        left = bar.value() // self._col_w
        right = len(self.model.columns) - (bar.value() + room) // self._col_w
        return left, max(0, right)

    def content_right(self) -> int:
        """Viewport x where the last column ends (grid and now-line stop there)."""
        return self._gutter + len(self.model.columns) * self._col_w \
            - self.horizontalScrollBar().value()

    def _update_ranges(self) -> None:
        vp = self.viewport().size()
        count = len(self.model.columns)
        room = vp.width() - self._gutter
        self._col_w = max(self._min_col_w, room // count if count else self._min_col_w)
        width = count * self._col_w
        self.horizontalScrollBar().setRange(0, max(0, width - (vp.width() - self._gutter)))
        self.verticalScrollBar().setRange(0, max(0, self._content_height()
                                                 - (vp.height() - self._header)))
        self.verticalScrollBar().setPageStep(vp.height())
        self.horizontalScrollBar().setPageStep(vp.width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_ranges()

    def showEvent(self, event: object) -> None:
        self._tick.start()

    def hideEvent(self, event: object) -> None:
        self._tick.stop()

    # -- taps -------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        start, self._press = self._press, None
        pos = event.position().toPoint()
        if start is None or (pos - start).manhattanLength() > _TAP_SLOP:
            return
        hit = self.hit(pos)
        if hit is not None:
            self.slot_tapped.emit(hit[0], hit[1].span)

    def hit(self, pos: QPoint) -> tuple[str, TimeRow] | None:
        """The (resource id, row) under a viewport point, or None (header, gutter…)."""
        x = pos.x() - self._gutter + self.horizontalScrollBar().value()
        y = pos.y() - self._header + self.verticalScrollBar().value()
        if x < 0 or y < 0 or pos.x() < self._gutter or pos.y() < self._header:
            return None
        col = x // self._col_w
        if col >= len(self.model.columns):
            return None
        instant = self.model.bounds.start + timedelta(minutes=y / self.px_per_minute)
        row = self.model.row_at(instant)
        return None if row is None else (self.model.columns[col].id, self.model.rows[row])

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        try:
            _Painter(self, painter).paint()
        finally:
            painter.end()


#: The smallest type a long resource name may shrink to in a column header.
MIN_HEADER_FONT = 13


def header_font(theme: Theme, name: str, rect: QRect) -> QFont:
    """The header's bold type, a size smaller at a time while ``name`` wrapped to the
    column's width would not fit its height: a long name shrinks instead of being cut."""
    size = theme.sizes.font_small
    flags = Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
    while True:
        font = theme.font(size, bold=True)
        needed = QFontMetrics(font).boundingRect(rect, flags, name)
        if size <= MIN_HEADER_FONT or (needed.height() <= rect.height()
                                       and needed.width() <= rect.width()):
            return font
        size -= 1


class _Painter:
    """One paint pass: body (cells, blocks, now-line), then sticky header and gutter."""

    def __init__(self, view: DayCalendar, painter: QPainter) -> None:
        self.v, self.p, self.t = view, painter, view._theme
        self.dx = view.horizontalScrollBar().value()
        self.dy = view.verticalScrollBar().value()
        self.size = view.viewport().size()
        self.right = min(self.size.width(), view.content_right())

    def paint(self) -> None:
        self.p.fillRect(QRect(QPoint(0, 0), self.size), self.t.color("surface"))
        self.p.setFont(self.t.font(self.t.sizes.font_small))
        cols = self._visible_columns()
        self._rows_and_grid()
        for col in cols:
            self._column(col)
        self._dst_marks()
        self._now_line()
        self._selection()
        self._header(cols)
        self._gutter()
        self._more_hints()

    def _visible_columns(self) -> range:
        v = self.v
        first = max(0, self.dx // v._col_w)
        last = min(len(v.model.columns), (self.dx + self.size.width()) // v._col_w + 1)
        return range(first, last)

    def _x(self, col: int) -> int:
        return self.v._gutter + col * self.v._col_w - self.dx

    def _y(self, instant: datetime) -> int:
        return self.v._header + self.v.y_of(instant) - self.dy

    def _rows_and_grid(self) -> None:
        self.p.setPen(QPen(self.t.color("grid"), 1))
        for row in self.v.model.rows:
            y = self._y(row.span.start)
            if -self.v._row_h < y < self.size.height():
                self.p.drawLine(self.v._gutter, y, self.right, y)

    def _column(self, col: int) -> None:
        v, x = self.v, self._x(col)
        resource = v.model.columns[col]
        self.p.setPen(QPen(self.t.color("grid"), 1))
        self.p.drawLine(x, v._header, x, self.size.height())
        for span in v.model.closed_spans(resource.id):
            self._block(x, span, CellState.CLOSED, "")
        for block in v.model.blocks(resource.id):
            self._block(x, block.span, block.state, state_text(block.state))

    def _block(self, x: int, span: Interval, state: CellState, text: str) -> None:
        y0, y1 = self._y(span.start), self._y(span.end)
        if y1 < 0 or y0 > self.size.height():
            return
        bg, fg = _FILL[state]
        rect = QRect(x + 3, y0 + 2, self.v._col_w - 6, max(4, y1 - y0 - 4))
        self.p.fillRect(rect, self.t.color(bg))
        if text:
            self.p.setPen(self.t.color(fg))
            self.p.drawText(self.label_rect(rect), Qt.AlignmentFlag.AlignLeft
                            | Qt.AlignmentFlag.AlignTop, text)

    def label_rect(self, block: QRect) -> QRect:
        """Where a block's label goes: its top, or the top of the visible area (below
        the sticky header) while the block's top has scrolled out of sight."""
        top = max(block.top(), self.v._header)
        return QRect(block.left() + 8, top + 4, block.width() - 12,
                     max(0, block.bottom() - top - 6))

    def _dst_marks(self) -> None:
        for tr in self.v.model.transitions:
            y = self._y(tr.at)
            self.p.setPen(QPen(self.t.color("cal_selected"), 3, Qt.PenStyle.DashLine))
            self.p.drawLine(0, y, self.right, y)

    def _now_line(self) -> None:
        minutes = self.v.model.now_minutes(self.v._now())
        if minutes is None:
            return
        y = self.v._header + round(minutes * self.v.px_per_minute) - self.dy
        self.p.setPen(QPen(self.t.color("now_line"), 4))
        self.p.drawLine(self.v._gutter - 12, y, self.right, y)

    def _selection(self) -> None:
        if self.v.selection is None:
            return
        rid, span = self.v.selection
        ids = [r.id for r in self.v.model.columns]
        if rid not in ids:
            return
        x = self._x(ids.index(rid))
        y0, y1 = self._y(span.start), self._y(span.end)
        self.p.setPen(QPen(self.t.color("cal_selected"), 5))
        self.p.drawRect(QRect(x + 3, y0 + 2, self.v._col_w - 6, y1 - y0 - 4))

    def _header(self, cols: range) -> None:
        v = self.v
        self.p.fillRect(0, 0, self.size.width(), v._header, self.t.color("secondary"))
        self.p.setPen(self.t.color("on_secondary"))
        for col in cols:
            rect = QRect(self._x(col) + 6, 0, v._col_w - 12, v._header)
            name = v.model.columns[col].name
            self.p.setFont(header_font(self.t, name, rect))
            self.p.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, name)

    def _more_hints(self) -> None:
        """"◀ 3" / "25 ▶" at the header's ends while resources lie out of sight: the
        calendar slides sideways with a finger, and this says so."""
        left, right = self.v.hidden_columns()
        self.p.setFont(self.t.font(self.t.sizes.font_small, bold=True))
        h, w = self.v._header, 84
        for count, x, text in ((left, self.v._gutter, f"◀ {left}"),
                               (right, self.size.width() - w, f"{right} ▶")):
            if count:
                self.p.fillRect(QRect(x, 0, w, h), self.t.color("primary"))
                self.p.setPen(self.t.color("on_primary"))
                self.p.drawText(QRect(x, 0, w, h), Qt.AlignmentFlag.AlignCenter, text)

    def _gutter(self) -> None:
        v = self.v
        self.p.fillRect(0, v._header, v._gutter, self.size.height(), self.t.color("window"))
        self.p.setFont(self.t.font(self.t.sizes.font_small))
        for row in v.model.rows:
            y = self._y(row.span.start)
            if y + v._row_h < v._header or y > self.size.height():
                continue
            if row.repeat:
                self.p.fillRect(QRect(0, y, v._gutter, self._y(row.span.end) - y),
                                self.t.color("cal_repeat"))
                self.p.setPen(self.t.color("on_cal_repeat"))
                again = (translate("Calendar", "first time") if row.repeat == 1
                         else translate("Calendar", "again"))
                text = f"{v._fmt.wall(row.local)} {row.abbr}\n{again}"
            else:
                self.p.setPen(self.t.color("text"))
                text = v._fmt.wall(row.local)
            self.p.drawText(QRect(6, y + 2, v._gutter - 10, v._row_h - 4),
                            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text)
        self.p.fillRect(0, 0, v._gutter, v._header, self.t.color("secondary"))
