"""Screens follow the clock: a member standing at the kiosk sees a check-in window open
and an offer's hold count down without touching anything (the test moves the clock and
lets the screen's own re-check timer run)."""

from __future__ import annotations

from datetime import timedelta

from tests.ui.drive import signed_in, visible_text
from tests.ui.seed import DRILL2, NOW, span


def _check_in_button(w):
    rows = [b for b in w.member.findChildren(type(w.member.book_button))
            if b.isVisible() and b.accessibleName() == f"Check in for {DRILL2.name}"]
    return rows[0] if rows else None


def test_early_arrival_sees_check_in_enable_itself(qtbot, kiosk, wall_clock) -> None:
    w = kiosk.window
    signed_in(qtbot, kiosk, "1002")  # Bea: drill 2 at 11:00, check-in opens 10:45
    qtbot.waitUntil(lambda: _check_in_button(w) is not None)
    button = _check_in_button(w)
    assert not button.isEnabled()
    assert "Check-in opens at 10:45" in visible_text(w.member)
    w.member.recheck.setInterval(10)  # the screen's own timer, run faster for the test
    wall_clock.now = NOW + timedelta(minutes=36)  # 10:46
    qtbot.waitUntil(lambda: _check_in_button(w) is not None and _check_in_button(w).isEnabled())
    assert "Check-in opens" not in visible_text(w.member)


def test_an_offer_says_its_day_and_deadline_and_counts_down(qtbot, kiosk, wall_clock) -> None:
    w = kiosk.window
    signed_in(qtbot, kiosk, "1001")  # Ada: drill 1 on Mon 1 Jun 13:00 held until 10:35

    def offer_text() -> str:
        labels = [x for x in w.member.findChildren(type(w.member.greeting), "offerText")
                  if x.isVisible()]
        return labels[0].text() if labels else ""
    qtbot.waitUntil(lambda: bool(offer_text()))
    assert "Mon 1 Jun 1:00" in offer_text()
    assert "until 10:35" in offer_text() and "25 min left" in offer_text()
    w.member.recheck.setInterval(10)
    wall_clock.now = NOW + timedelta(minutes=24)
    qtbot.waitUntil(lambda: "1 min left" in offer_text())


def test_the_book_screen_moves_on_to_the_new_day_at_midnight(qtbot, kiosk, wall_clock) -> None:
    """Left open on today's calendar, the book screen shows tomorrow once midnight has
    passed (today's calendar is all in the past), and the horizon moves on a day."""
    from tests.ui.drive import open_book

    w = kiosk.window
    signed_in(qtbot, kiosk, "1001")
    open_book(qtbot, kiosk)
    today = w.book.day
    assert w.book.day_label.text() == kiosk.ctx.fmt.short_date(today)
    w.book.recheck.setInterval(10)  # the screen's own timer, run faster for the test
    wall_clock.now = NOW + timedelta(days=1)
    tomorrow = today + timedelta(days=1)
    qtbot.waitUntil(lambda: w.book.day_label.text() == kiosk.ctx.fmt.short_date(tomorrow))
    assert w.current() is w.book


def test_todays_sheet_shows_a_booking_turn_late_with_no_tap(qtbot, kiosk, wall_clock) -> None:
    """Staff watching the sheet see Bea's 11:00 booking go from due to late."""
    from tests.ui.drive import staff_unlock
    from tests.ui.seed import STAFF_PIN

    w = kiosk.window
    staff_unlock(qtbot, kiosk, STAFF_PIN)
    row_start = f"{kiosk.ctx.fmt.span(span(11, 12))} · {DRILL2.name} · Bea"

    def bea_row() -> str:
        rows = [t for t in visible_text(w.staff).split("\n") if t.startswith(row_start)]
        return rows[0] if rows else ""
    qtbot.waitUntil(lambda: w.staff.current_page() == "sheet" and bool(bea_row()))
    assert bea_row().endswith("· due")
    w.staff.recheck.setInterval(10)
    wall_clock.now = NOW + timedelta(minutes=55)  # 11:05
    qtbot.waitUntil(lambda: bea_row().endswith("· late"))
    assert w.staff.current_page() == "sheet"
