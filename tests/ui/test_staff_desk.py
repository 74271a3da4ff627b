"""The staff desk without a physical keyboard: a member found by typing on the on-screen
keyboard; their bookings listed with resource, local time and length; and, with the
flag off, the same calm explanation members get, with cancel still at hand."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kiosk.core.model import ReservationStatus
from tests.helpers.ids import uid
from tests.ui.drive import button_named, buttons, find_button, tap, visible_text
from tests.ui.seed import ADA, BEA, SITE, span
from tests.ui.test_staff_flows import unlocked


def type_on(qtbot, keyboard, text: str) -> None:
    for ch in text:
        name = "keySpace" if ch == " " else f"key{ch.upper()}"
        tap(qtbot, find_button(keyboard, name))


def walk_in_page(qtbot, kiosk) -> None:
    unlocked(qtbot, kiosk)
    tap(qtbot, find_button(kiosk.window.staff, "page_walkin"))


def choose(qtbot, kiosk, query: str, name: str) -> None:
    w = kiosk.window
    type_on(qtbot, w.staff.keyboard, query)
    qtbot.waitUntil(lambda: bool(buttons(w.staff, "chooseMember")))
    tap(qtbot, button_named(w.staff, f"Choose {name}"))


def test_staff_type_a_name_on_the_on_screen_keyboard(qtbot, kiosk) -> None:
    w = kiosk.window
    walk_in_page(qtbot, kiosk)
    kb = w.staff.keyboard
    assert kb.isVisible()
    assert not w.staff.search.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    keys = kb.findChildren(QPushButton)
    assert len(keys) >= 26 + 10 + 4
    assert all(k.width() >= 48 and k.height() >= 48 and k.accessibleName() for k in keys)
    assert find_button(kb, "keyQ").accessibleName() == "Letter Q"
    type_on(qtbot, kb, "ada x")
    assert w.staff.search.text() == "Ada X"
    tap(qtbot, find_button(kb, "keyDelete"))
    tap(qtbot, find_button(kb, "keyDelete"))
    assert w.staff.search.text() == "Ada"
    qtbot.waitUntil(lambda: "Ada Brooks · 1001" in visible_text(w.staff))  # searched as typed
    tap(qtbot, find_button(kb, "keyClear"))
    assert w.staff.search.text() == ""
    type_on(qtbot, kb, "bea")
    tap(qtbot, find_button(kb, "keySearch"))
    qtbot.waitUntil(lambda: "Bea Chen · 1002" in visible_text(w.staff))
    tap(qtbot, button_named(w.staff, "Choose Bea Chen"))
    qtbot.waitUntil(lambda: bool(buttons(w.staff, "walkInBook")))
    assert not kb.isVisible()  # the member's bookings get the room; one tap brings it back
    tap(qtbot, find_button(w.staff, "showKeyboard"))
    assert kb.isVisible()


def test_walk_in_list_names_resource_time_and_length(qtbot, kiosk) -> None:
    w = kiosk.window
    walk_in_page(qtbot, kiosk)
    choose(qtbot, kiosk, "ada", ADA.display_name)
    qtbot.waitUntil(lambda: len(buttons(w.staff, "cancelBooking")) == 2)
    fmt, today = kiosk.ctx.fmt, kiosk.ctx.today()
    text = visible_text(w.staff)
    assert f"Drill 1 · {fmt.span(span(10, 11))} · 1\u00a0h" in text
    assert f"Table saw 1 · {fmt.span_with_day(span(9, 10, days=1), today)} · 1\u00a0h" in text


def test_flag_off_staff_see_why_and_can_still_cancel(qtbot, kiosk, service) -> None:
    w = kiosk.window
    service.access.set_flag("site", SITE.id, False)
    walk_in_page(qtbot, kiosk)
    choose(qtbot, kiosk, "bea", BEA.display_name)
    qtbot.waitUntil(lambda: bool(buttons(w.staff, "cancelBooking")))
    assert "switched off for now" in visible_text(w.staff)
    assert not buttons(w.staff, "walkInBook") and not buttons(w.staff, "moveBooking")
    tap(qtbot, find_button(w.staff, "cancelBooking"))
    tap(qtbot, find_button(w.staff, "cancelBooking"))  # the second tap confirms
    qtbot.waitUntil(w.staff.feedback.isVisible)
    assert w.staff.feedback.what.text() == "Cancelled", w.staff.feedback.what.text()
    qtbot.waitUntil(lambda: service.reads.reservation(uid("r-bea-drill")).status
                    == ReservationStatus.CANCELLED)
    # and the book screen, however reached, explains instead of offering a calendar
    w.book.open_for(BEA, staff=True)
    w.show_screen(w.book)
    qtbot.waitUntil(lambda: w.book.data is not None and w.book.paused.isVisible())
    assert "check members in" in w.book.paused.text()
    assert not w.book.calendar.isVisible()


def test_accented_keys_and_a_search_blind_to_accents(qtbot, kiosk) -> None:
    w = kiosk.window
    walk_in_page(qtbot, kiosk)
    kb = w.staff.keyboard
    assert find_button(kb, "keyÑ").accessibleName() == "Letter Ñ"
    type_on(qtbot, kb, "díaz")  # typed with the accent; the record has none
    assert w.staff.search.text() == "Díaz"
    qtbot.waitUntil(lambda: "Cy Diaz · 1003" in visible_text(w.staff))


def test_the_waitlist_page_says_who_waits_for_what(qtbot, kiosk, service) -> None:
    from kiosk.core.refusals import Refusal
    from tests.ui.seed import DRILL1

    joined = service.waitlist.join(DRILL1.id, BEA.id, span(14, 15, days=1))  # Dee's slot
    assert not isinstance(joined, Refusal), joined
    w = kiosk.window
    unlocked(qtbot, kiosk)
    tap(qtbot, find_button(w.staff, "page_waitlist"))
    fmt = kiosk.ctx.fmt
    qtbot.waitUntil(lambda: "Bea C. (1002)" in visible_text(w.staff))
    text = visible_text(w.staff)
    assert f"Drill 1 · {fmt.span_with_day(span(14, 15, 1), kiosk.ctx.today())} · Bea C. (1002) · " \
        "waiting" in text
    assert f"Drill 1 · {fmt.span_with_day(span(13, 14), kiosk.ctx.today())} · Ada B. (1001) · " \
        "offered, held for them" in text
