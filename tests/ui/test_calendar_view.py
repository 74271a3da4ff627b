"""The painted calendar: taps pick slots, DST days paint, scrolling is kinetic."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import QScroller

from kiosk.core.model import Interval, Reservation, Resource
from kiosk.ui.calendar_model import DayModel
from kiosk.ui.calendar_view import DayCalendar
from kiosk.ui.fmt import Formatter
from kiosk.ui.theme import Theme

LA = "America/Los_Angeles"
NOW = datetime(2026, 6, 1, 17, 10, tzinfo=UTC)  # 10:10 PDT
TOOLS = [Resource(f"r{i}", "pdx", f"Tool {i}", "saw") for i in range(6)]


@pytest.fixture
def view(qtbot) -> DayCalendar:
    model = DayModel(LA, date(2026, 6, 1), TOOLS, viewer_id="me")
    cal = DayCalendar(model, Theme(), Formatter(LA, QLocale("en_US")), lambda: NOW)
    cal.resize(900, 600)
    qtbot.addWidget(cal)
    cal.show()
    qtbot.waitExposed(cal)
    return cal


def test_tap_on_a_slot_emits_resource_and_span(qtbot, view) -> None:
    nine = datetime(2026, 6, 1, 16, tzinfo=UTC)
    view.scroll_to(nine)
    rect = view.cell_rect("r2", Interval(nine, nine + timedelta(minutes=30)))
    with qtbot.waitSignal(view.slot_tapped) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["r2", Interval(nine, nine + timedelta(minutes=30))]


def test_tap_on_header_or_gutter_does_nothing(qtbot, view) -> None:
    with qtbot.assertNotEmitted(view.slot_tapped):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(300, 10))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(10, 300))


def test_finger_scrolling_is_kinetic_without_scroll_bars(view) -> None:
    assert QScroller.hasScroller(view.viewport())
    assert view.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert view.verticalScrollBar().maximum() > 0


@pytest.mark.parametrize(("day", "hours"), [(date(2026, 3, 8), 23), (date(2026, 11, 1), 25)])
def test_dst_days_are_drawn_to_their_real_length(qtbot, view, day, hours) -> None:
    view.set_model(DayModel(LA, day, TOOLS))
    assert view.verticalScrollBar().maximum() + view.viewport().height() - 56 == \
        hours * 2 * 48
    image = view.viewport().grab().toImage()
    assert not image.isNull()


def test_a_booking_paints_in_its_column(qtbot, view) -> None:
    nine = datetime(2026, 6, 1, 16, tzinfo=UTC)
    span = Interval(nine, nine + timedelta(hours=1))
    view.model.set_reservations([Reservation("x", "r0", "me", span)])
    view.scroll_to(nine)
    view.refresh()
    rect = view.cell_rect("r0", Interval(nine, nine + timedelta(hours=1)))
    image = view.viewport().grab().toImage()
    colour = image.pixelColor(rect.center().x(), rect.bottom() - 8)
    assert colour.name() == Theme().palette.cal_yours


def test_clock_timer_stops_when_hidden(view) -> None:
    assert view._tick.isActive()
    view.hide()
    assert not view._tick.isActive()


def _calendar(qtbot, resources: list[Resource], width: int = 900) -> DayCalendar:
    model = DayModel(LA, date(2026, 6, 1), resources, viewer_id="me")
    cal = DayCalendar(model, Theme(), Formatter(LA, QLocale("en_US")), lambda: NOW)
    cal.resize(width, 600)
    qtbot.addWidget(cal)
    cal.show()
    qtbot.waitExposed(cal)
    return cal


def test_few_columns_stretch_to_fill_the_width(qtbot) -> None:
    cal = _calendar(qtbot, TOOLS[:3])
    room = cal.viewport().width() - Theme().sizes.calendar_gutter
    assert cal.column_width == room // 3
    assert cal.horizontalScrollBar().maximum() == 0
    assert cal.content_right() >= cal.viewport().width() - 3
    cal.resize(1400, 600)
    assert cal.column_width == (cal.viewport().width() - Theme().sizes.calendar_gutter) // 3


def test_many_columns_keep_a_minimum_and_scroll_sideways(qtbot) -> None:
    many = [Resource(f"m{i}", "pdx", f"Tool {i}", "saw") for i in range(20)]
    cal = _calendar(qtbot, many)
    assert cal.column_width == Theme().sizes.calendar_column
    assert cal.horizontalScrollBar().maximum() > 0


def test_a_block_label_sticks_to_the_top_while_the_block_shows(qtbot) -> None:
    cal = _calendar(qtbot, TOOLS[:2])
    eight = datetime(2026, 6, 1, 15, tzinfo=UTC)  # 08:00 PDT
    cal.model.set_reservations([Reservation("x", "r0", "me", Interval(eight, eight
                                                                       + timedelta(hours=5)))])
    cal.scroll_to(eight + timedelta(hours=2))  # the block's top is well above the view
    cal.refresh()
    header = Theme().sizes.calendar_header
    top = cal.cell_rect("r0", Interval(eight, eight + timedelta(hours=5))).top()
    assert top < header
    image = cal.viewport().grab().toImage()
    fill = Theme().palette.cal_yours
    x0, x1 = Theme().sizes.calendar_gutter + 8, Theme().sizes.calendar_gutter + 80
    inked = [(x, y) for x in range(x0, x1) for y in range(header + 2, header + 30)
             if image.pixelColor(x, y).name() != fill]
    assert inked, "the label 'Yours' is not drawn at the top of the visible area"


def test_a_long_resource_name_shrinks_to_fit_its_header() -> None:
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFontMetrics

    from kiosk.ui.calendar_view import MIN_HEADER_FONT, header_font

    theme = Theme()
    rect = QRect(0, 0, 138, theme.sizes.calendar_header)
    flags = Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
    short = header_font(theme, "Drill 1", rect)
    assert short.pixelSize() == theme.sizes.font_small
    long_name = "Parcela de huerto comunitario 12"  # three lines at full size
    font = header_font(theme, long_name, rect)
    assert MIN_HEADER_FONT <= font.pixelSize() < theme.sizes.font_small
    needed = QFontMetrics(font).boundingRect(rect, flags, long_name)
    assert needed.height() <= rect.height() and needed.width() <= rect.width()
