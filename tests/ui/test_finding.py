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


def test_days_past_the_horizon_are_not_offered_and_dates_read_as_words(qtbot, kiosk) -> None:
    from datetime import timedelta

    from kiosk.core import messages
    from kiosk.ui.widgets import refusal_text
    from tests.ui.drive import find_button, open_book, signed_in, tap, visible_text

    w = kiosk.window
    signed_in(qtbot, kiosk, ADA.number)
    open_book(qtbot, kiosk)
    last = kiosk.ctx.today() + timedelta(days=14)  # the seed's max_days_ahead
    forward = find_button(w.book, "nextDay")
    for _ in range(14):
        tap(qtbot, forward)
        qtbot.waitUntil(lambda: w.book.data is not None and w.book.data.day.day == w.book.day)
    assert w.book.day == last and not forward.isEnabled()
    assert "Bookings can be made up to Monday 15 June." in visible_text(w.book)
    text = refusal_text(messages.too_far_ahead(14, last.isoformat()))
    assert text.endswith("on or before Monday 15 June.") and "2026-06-15" not in text


def test_todays_sheet_opens_at_the_bookings_under_way(qtbot, kiosk, service) -> None:
    from datetime import timedelta

    from kiosk.core.model import Interval, Reservation, ReservationStatus
    from kiosk.store import loader
    from tests.helpers.ids import uid
    from tests.ui.drive import buttons, find_button, staff_unlock, tap
    from tests.ui.seed import BEA, NOW, SAW, STAFF_PIN

    early = [Reservation(uid(f"r-early-{i}"), SAW.id, BEA.id,
                         Interval(at(0) + timedelta(minutes=30 * i),
                                  at(0) + timedelta(minutes=30 * i + 30)),
                         ReservationStatus.COMPLETED, created_at=NOW - timedelta(days=1))
             for i in range(16)]  # midnight to 8:00: rows the desk no longer needs
    loader.load_reservations(service.store, early)
    w = kiosk.window
    staff_unlock(qtbot, kiosk, STAFF_PIN)
    qtbot.waitUntil(lambda: bool(buttons(w.staff, "clearNoShow")))
    area = w.staff._areas["sheet"]
    rows = [c for c in area.widget().children() if hasattr(c, "y") and hasattr(c, "findChild")]
    under_way = [r for r in rows if "(1001)" in " ".join(
        lab.text() for lab in r.findChildren(type(w.banner)))]
    assert under_way
    bar = area.verticalScrollBar()  # as far down as the list goes, at most to that row
    qtbot.waitUntil(lambda: bar.value() == min(under_way[0].y(), bar.maximum()) > 0)
    # the re-check that follows the clock rebuilds the rows: the sheet stays where it is
    kept = bar.value()
    reads = w.staff._on_sheet
    seen: list[int] = []
    w.staff._on_sheet = lambda *a, **k: (reads(*a, **k), seen.append(1))  # type: ignore[method-assign]
    w.staff._on_recheck()
    qtbot.waitUntil(lambda: bool(seen))
    qtbot.wait(50)
    assert bar.value() == kept
    # back from another page, the sheet opens at the bookings under way again
    tap(qtbot, find_button(w.staff, "page_walkin"))
    tap(qtbot, find_button(w.staff, "page_sheet"))
    qtbot.waitUntil(lambda: len(seen) == 2)
    qtbot.wait(50)
    assert bar.value() == kept


def test_the_welcome_calendar_has_a_legend_for_closed_hours(qtbot, kiosk) -> None:
    from tests.ui.drive import visible_text

    w = kiosk.window
    assert w.home.legend.isVisible()
    assert {"Free", "Taken", "Closed"} <= set(visible_text(w.home.legend).split("\n"))


def test_a_kinds_row_too_long_for_the_screen_says_so_and_slides(qtbot, kiosk, service) -> None:
    from dataclasses import replace

    from kiosk.store import loader
    from tests.helpers.ids import uid
    from tests.ui.drive import find_button, open_book, signed_in, tap
    from tests.ui.seed import DRILL1

    kinds = ("circular_saw", "sander", "ladder", "pressure_washer", "laser_cutter",
             "printer_3d", "cnc_router", "room", "garden_plot")
    loader.load_resources(service.store, [replace(DRILL1, id=uid(f"res-{k}"), kind=k, name=k)
                                          for k in kinds])
    w = kiosk.window
    signed_in(qtbot, kiosk, ADA.number)
    open_book(qtbot, kiosk)
    qtbot.waitUntil(w.book.kinds_right.isVisible)
    assert not w.book.kinds_left.isVisible()
    tap(qtbot, w.book.kinds_right)
    qtbot.waitUntil(w.book.kinds_left.isVisible)
    assert find_button(w.book, "kindsLeft").accessibleName() == "More kinds to the left"


def test_the_book_calendar_has_the_legend_too(qtbot, kiosk) -> None:
    """Closed hours are grey on the book screen's calendar as on the welcome screen's
    (staff book walk-ins on the same screen): the legend says so there too."""
    from tests.ui.drive import open_book, signed_in, visible_text

    w = kiosk.window
    signed_in(qtbot, kiosk, ADA.number)
    open_book(qtbot, kiosk)
    assert w.book.legend.isVisible()
    assert {"Free", "Taken", "Yours", "Closed"} <= set(visible_text(w.book.legend).split("\n"))
