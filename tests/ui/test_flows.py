"""Member flows driven as a person would: scan → check in, keypad sign-in → book → on the
calendar, wrong PIN, unknown card, scanner garbage, idle sign-out."""

from __future__ import annotations

from kiosk.core.model import ReservationStatus
from tests.helpers.ids import uid
from tests.ui.drive import scan, sign_in, tap, tap_slot


def test_scan_checks_the_member_in(qtbot, kiosk, service, fake_clock) -> None:
    w = kiosk.window
    scan(qtbot, kiosk, "400001001", fake_clock)
    qtbot.waitUntil(lambda: w.current() is w.member)
    assert w.member.greeting.text() == "Hello, Ada B."
    qtbot.waitUntil(lambda: "checked in" in w.member.message.text())
    assert service.reads.reservation(uid("r-ada-drill")).status == ReservationStatus.CHECKED_IN


def test_unknown_card_says_what_to_do(qtbot, kiosk, fake_clock) -> None:
    scan(qtbot, kiosk, "99999999", fake_clock)
    qtbot.waitUntil(kiosk.window.banner.isVisible)
    assert "not known" in kiosk.window.banner.text()
    assert kiosk.window.current() is kiosk.window.home


def test_scanner_garbage_gives_a_clear_message(qtbot, kiosk, fake_clock) -> None:
    scan(qtbot, kiosk, "12ab", fake_clock)
    qtbot.waitUntil(kiosk.window.banner.isVisible)
    assert "could not be read" in kiosk.window.banner.text()


def test_keypad_sign_in_book_and_see_it_on_the_calendar(qtbot, kiosk, service) -> None:
    w = kiosk.window
    sign_in(qtbot, kiosk, "1002", "1002")
    qtbot.waitUntil(lambda: w.current() is w.member)
    assert w.member.greeting.text() == "Hello, Bea C."
    tap(qtbot, w.member.book_button)
    qtbot.waitUntil(lambda: w.current() is w.book and w.book.data is not None)
    from tests.ui.seed import DRILL1, span

    slot = span(15, 16)
    cal = w.book.calendar
    tap_slot(qtbot, cal, DRILL1.id, slot.start)
    qtbot.waitUntil(w.book.book_button.isEnabled)
    with qtbot.waitSignal(w.book.booked):
        tap(qtbot, w.book.book_button)
    qtbot.waitUntil(lambda: any(b.state.value == "yours" for b in cal.model.blocks(DRILL1.id)))
    mine = [r for r in service.reads.member_reservations(uid("m-bea"), slot.start) if r.active]
    assert [r.interval for r in mine] == [slot]


def test_wrong_pin_is_refused_plainly(qtbot, kiosk) -> None:
    sign_in(qtbot, kiosk, "1002", "9999")
    qtbot.waitUntil(kiosk.window.identify.error.isVisible)
    assert kiosk.window.current() is kiosk.window.identify


def test_idle_timeout_clears_the_member(qtbot, kiosk, fake_clock) -> None:
    w = kiosk.window
    labels = type(w.member.greeting)

    def member_text() -> str:
        return " ".join(lab.text() for lab in w.member.findChildren(labels))

    scan(qtbot, kiosk, "400001001", fake_clock)
    qtbot.waitUntil(lambda: w.current() is w.member and w.member.data is not None)
    assert "Drill" in member_text()
    # read the screen in the same turn of the event loop as the sign-out, before Qt
    # runs any deferred delete: nothing of the member may remain even for a frame
    seen: list[str] = []
    kiosk.idle.timed_out.connect(lambda: seen.append(member_text()))
    kiosk.idle.set_timeout(0.3)
    kiosk.idle.arm()
    qtbot.waitUntil(lambda: w.current() is w.home, timeout=3000)
    assert kiosk.ctx.session.member is None
    assert w.member.greeting.text() == ""
    assert seen and "Drill" not in seen[0]
    assert "Drill" not in member_text()
