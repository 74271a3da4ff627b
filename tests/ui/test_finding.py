"""Finding things: a time tapped on the welcome calendar is the one chosen after signing
in; the calendars say when resources lie out of sight; a scrolled calendar never hides
a row half under its header."""

from __future__ import annotations

from tests.ui.drive import enter_pin, tap_slot
from tests.ui.seed import ADA, DRILL2, at, span


def test_a_time_tapped_on_the_welcome_calendar_is_chosen_after_signing_in(
        qtbot, kiosk) -> None:
    w = kiosk.window
    tap_slot(qtbot, w.home.calendar, DRILL2.id, at(15))
    qtbot.waitUntil(lambda: w.current() is w.identify)
    enter_pin(qtbot, w.identify.number_pad, ADA.number)
    enter_pin(qtbot, w.identify.pin_pad, ADA.number)
    qtbot.waitUntil(lambda: w.current() is w.book and w.book.pick is not None)
    assert w.book.pick == (DRILL2.id, span(15, 16))
    assert w.book.data is not None and w.book.data.kind == "drill"
    assert w.book.book_button.isEnabled()  # one more tap books it


def test_calendar_says_how_many_resources_lie_out_of_sight(qtbot, kiosk) -> None:
    cal = kiosk.window.home.calendar
    cal.resize(cal._gutter + cal._min_col_w + 20, cal.height())  # room for one column
    qtbot.waitUntil(lambda: cal.hidden_columns() == (0, 2))
    cal.horizontalScrollBar().setValue(cal.horizontalScrollBar().maximum())
    assert cal.hidden_columns()[0] >= 1


def test_scrolling_to_a_time_shows_whole_rows_below_the_header(qtbot, kiosk) -> None:
    cal = kiosk.window.home.calendar
    cal.scroll_to(at(10, 5))
    first = cal.verticalScrollBar().value()
    assert first == cal.y_of(at(9, 30))  # the row above, whole, right under the header
