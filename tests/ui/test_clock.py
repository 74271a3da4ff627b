"""Screens follow the clock: a member standing at the kiosk sees a check-in window open
and an offer's hold count down without touching anything (the test moves the clock and
lets the screen's own re-check timer run)."""

from __future__ import annotations

from datetime import timedelta

from tests.ui.drive import signed_in, visible_text
from tests.ui.seed import DRILL2, NOW


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
