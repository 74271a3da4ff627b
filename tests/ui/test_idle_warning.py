"""Before the privacy sign-out the kiosk asks "Still there?" with a countdown, for members
and for staff: an answer keeps the session (and the half-made booking), silence ends it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from tests.ui.drive import find_button, open_book, signed_in, staff_unlock, tap, tap_slot
from tests.ui.layout_check import problems
from tests.ui.seed import ADA, DRILL1, STAFF_PIN, at


def test_still_there_keeps_a_half_made_booking(qtbot, kiosk) -> None:
    w = kiosk.window
    signed_in(qtbot, kiosk, ADA.number)
    open_book(qtbot, kiosk)
    tap_slot(qtbot, w.book.calendar, DRILL1.id, at(15))
    kiosk.idle.set_timeout(60.05, warn=60)  # quiet for a moment, then a long warning
    kiosk.idle.arm()
    qtbot.waitUntil(w.still_there.isVisible)
    assert "signs you out in 60 s" in w.still_there.countdown.text()
    tap(qtbot, find_button(w.still_there, "stillHere"))
    assert not w.still_there.isVisible()
    assert w.current() is w.book and w.book.pick is not None  # nothing lost
    assert kiosk.ctx.session.member is not None and kiosk.idle.armed


def test_sign_me_out_now_ends_the_session(qtbot, kiosk) -> None:
    w = kiosk.window
    signed_in(qtbot, kiosk, ADA.number)
    kiosk.idle.set_timeout(60.05, warn=60)
    kiosk.idle.arm()
    qtbot.waitUntil(w.still_there.isVisible)
    tap(qtbot, find_button(w.still_there, "signOutNow"))
    qtbot.waitUntil(lambda: w.current() is w.home)
    assert kiosk.ctx.session.member is None and not w.still_there.isVisible()


def test_staff_mode_warns_then_times_out(qtbot, kiosk) -> None:
    w = kiosk.window
    staff_unlock(qtbot, kiosk, STAFF_PIN)
    qtbot.waitUntil(lambda: kiosk.ctx.session.staff)
    warned: list[int] = []
    kiosk.idle.warning.connect(warned.append)
    kiosk.idle.set_timeout(0.3, warn=0.15)
    kiosk.idle.arm()
    qtbot.waitUntil(lambda: w.current() is w.home)
    assert warned  # the warning came first
    assert not kiosk.ctx.session.staff and not w.still_there.isVisible()


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)], ids=["1280", "1920"])
def test_the_warning_fits_in_both_languages(qtbot, kiosk, language, size) -> None:
    w = kiosk.window
    w.resize(*size)
    signed_in(qtbot, kiosk, ADA.number)
    kiosk.idle.set_timeout(60.05, warn=60)
    kiosk.idle.arm()
    qtbot.waitUntil(w.still_there.isVisible)
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert not problems(w, size)
