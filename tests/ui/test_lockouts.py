"""Wrong PINs are told well: how many tries are left, the lock announced on the very try
that causes it (with its minutes), and a locked staff PIN said as such."""

from __future__ import annotations

from tests.ui.drive import enter_pin, find_button, tap
from tests.ui.seed import STAFF_PIN


def test_member_sees_tries_left_and_the_lock_on_the_fifth_wrong_pin(qtbot, kiosk) -> None:
    w = kiosk.window
    idf = w.identify
    tap(qtbot, find_button(w.home, "signIn"))
    enter_pin(qtbot, idf.number_pad, "1001")
    seen = []
    for _ in range(5):
        before = idf.error.text()
        enter_pin(qtbot, idf.pin_pad, "9999")
        qtbot.waitUntil(lambda before=before: idf.error.isVisible() and idf.error.text() != before)
        seen.append(idf.error.text())
    assert seen[0].endswith("Tries left before signing in locks for a while: 4.")
    assert seen[3].endswith("Tries left before signing in locks for a while: 1.")
    assert seen[4].startswith("Too many wrong PINs: signing in with this number is locked "
                              "for 5 min.")
    assert "front desk" not in " ".join(seen)  # they are standing at it


def test_staff_pin_lock_says_so_with_its_minutes(qtbot, kiosk) -> None:
    w = kiosk.window
    tap(qtbot, find_button(w.home, "staff"))
    for n in range(5):
        enter_pin(qtbot, w.staff.gate, "1357")
        qtbot.waitUntil(lambda n=n: w.staff.gate_error.isVisible()
                        and (str(4 - n) in w.staff.gate_error.text() or n == 4))
    qtbot.waitUntil(lambda: "Staff mode is locked" in w.staff.gate_error.text())
    assert "5 min" in w.staff.gate_error.text()
    enter_pin(qtbot, w.staff.gate, STAFF_PIN)  # even the right PIN waits out the lock
    qtbot.waitUntil(lambda: not kiosk.ctx.bridge._writes_in_flight)
    assert w.staff.stack.currentIndex() == 0
    assert "Staff mode is locked" in w.staff.gate_error.text()


def test_staff_clear_the_kiosk_wide_pin_lockout(qtbot, kiosk, service) -> None:
    """A burst of wrong PINs locks PIN sign-in at this kiosk for everyone; staff see the
    lock, clear it on a confirmation card, and a member signs in with the right PIN."""
    from tests.ui.drive import sign_in, staff_unlock, visible_text

    service.access.set_kiosk_setting("pin_burst_attempts", 5)  # the least it may be
    w = kiosk.window
    idf = w.identify
    tap(qtbot, find_button(w.home, "signIn"))
    enter_pin(qtbot, idf.number_pad, "1004")
    for _ in range(5):
        before = idf.error.text()
        enter_pin(qtbot, idf.pin_pad, "9999")
        qtbot.waitUntil(lambda before=before: idf.error.text() != before)
    tap(qtbot, find_button(idf, "back"))  # to the number, then to the welcome screen
    tap(qtbot, find_button(idf, "back"))
    qtbot.waitUntil(lambda: w.current() is w.home)
    sign_in(qtbot, kiosk, "1002", "1002")  # Bea, right PIN: the kiosk is locked for all
    qtbot.waitUntil(lambda: "locked" in idf.error.text())
    assert w.current() is idf
    tap(qtbot, find_button(idf, "back"))
    tap(qtbot, find_button(idf, "back"))
    qtbot.waitUntil(lambda: w.current() is w.home)

    staff_unlock(qtbot, kiosk, STAFF_PIN)
    card = w.staff.pin_lockout
    qtbot.waitUntil(card.isVisible)
    assert "PIN sign-in is locked at this kiosk" in visible_text(card)
    tap(qtbot, find_button(card, "clearPinLockout"))
    qtbot.waitUntil(lambda: not card.isVisible())
    assert "PIN sign-in unlocked" in visible_text(w.staff.feedback)
    assert service.access.pin_lockout_minutes() == 0
    tap(qtbot, find_button(w.staff, "exitStaff"))
    qtbot.waitUntil(lambda: w.current() is w.home)

    sign_in(qtbot, kiosk, "1002", "1002")
    qtbot.waitUntil(lambda: w.current() is w.member and w.member.data is not None)

