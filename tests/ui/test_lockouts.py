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
