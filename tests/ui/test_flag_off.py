"""The rollback lever: ``reservation_system_enabled`` off for the site, or for a member's
cohort, hides the calendar and booking behind a calm message; existing reservations stay
exactly as they were and can still be seen."""

from __future__ import annotations

from kiosk.core.model import Interval
from tests.helpers.ids import uid
from tests.ui.drive import find_button, scan, signed_in, tap, visible_text
from tests.ui.seed import ADA, DEE, SITE, at


def everything(service):
    week = Interval(at(0), at(0, days=7))
    return [(r.id, r.status, r.interval) for r in service.reads.reservations_between(week)]


def test_site_flag_off_hides_calendar_and_booking_keeps_bookings(
        qtbot, kiosk, service, fake_clock) -> None:
    w = kiosk.window
    before = everything(service)
    service.access.set_flag("site", SITE.id, False)
    scan(qtbot, kiosk, "400001001", fake_clock)
    qtbot.waitUntil(lambda: w.current() is w.member and w.member.data is not None)
    qtbot.waitUntil(lambda: "paused" in visible_text(w.member))
    assert not w.member.book_button.isVisible()
    assert "Claim" not in visible_text(w.member)  # claiming an offer would book too
    assert "Drill 1" in visible_text(w.member)  # today's booking still listed
    assert "Table saw 1" in visible_text(w.member)  # and tomorrow's, with Cancel
    tap(qtbot, find_button(w.member, "done"))
    qtbot.waitUntil(lambda: w.current() is w.home and w.home.flag_off.isVisible())
    assert not w.home.calendar.isVisible()
    assert "existing bookings are kept" in w.home.flag_off.text()
    after = everything(service)
    checked_in = {uid("r-ada-drill")}  # the scan checked Ada in: that is allowed when off
    assert [b for b in before if b[0] not in checked_in] == [
        a for a in after if a[0] not in checked_in]


def test_flag_flip_reaches_an_idle_home_screen(qtbot, kiosk, service) -> None:
    w = kiosk.window
    assert w.home.calendar.isVisible()
    service.access.set_flag("site", SITE.id, False)
    kiosk.ctx.status.poll()  # the status poll (every few seconds) re-reads the flag
    qtbot.waitUntil(w.home.flag_off.isVisible)
    assert not w.home.calendar.isVisible()
    service.access.set_flag("site", SITE.id, True)
    kiosk.ctx.status.poll()
    qtbot.waitUntil(w.home.calendar.isVisible)
    assert not w.home.flag_off.isVisible()


def test_cohort_flag_off_hides_booking_for_that_cohort_only(qtbot, kiosk, service) -> None:
    w = kiosk.window
    service.access.set_flag("cohort", f"{SITE.id}:{DEE.cohort}", False)
    signed_in(qtbot, kiosk, DEE.number)
    qtbot.waitUntil(lambda: "paused" in visible_text(w.member))
    assert not w.member.book_button.isVisible()
    assert "Drill 1" in visible_text(w.member)  # Dee's booking tomorrow is kept
    assert service.reads.reservation(uid("r-dee-drill")).active
    tap(qtbot, find_button(w.member, "done"))
    qtbot.waitUntil(lambda: w.current() is w.home)
    assert w.home.calendar.isVisible()  # the site as a whole is still on
    signed_in(qtbot, kiosk, ADA.number)
    qtbot.waitUntil(w.member.book_button.isVisible)
    assert "paused" not in visible_text(w.member)
