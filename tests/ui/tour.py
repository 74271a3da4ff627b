"""A walk through every screen and state a person can reach, stopping at each one so a
test can inspect what is on screen (sizes and names of targets, the language shown).

``tour`` yields ``(stop name, widget on screen)``; it drives only through taps, the
keypads and a scan, and waits for each screen's data before yielding it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtWidgets import QWidget

from tests.ui.conftest import FakeClock
from tests.ui.drive import (
    buttons,
    enter_pin,
    find_button,
    open_book,
    scan,
    tap,
    tap_slot,
)
from tests.ui.seed import ADA, DRILL1, DRILL2, SITE, STAFF_PIN, at


def tour(qtbot: Any, kiosk: Any, service: Any, clock: FakeClock) -> Iterator[tuple[str, QWidget]]:
    yield from _member_part(qtbot, kiosk)
    yield from _staff_part(qtbot, kiosk, service)
    yield from _flag_off_part(qtbot, kiosk, service, clock)


def _member_part(qtbot: Any, kiosk: Any) -> Iterator[tuple[str, QWidget]]:
    w = kiosk.window
    yield "home", w
    tap(qtbot, find_button(w.home, "signIn"))
    qtbot.waitUntil(lambda: w.current() is w.identify)
    yield "sign in: number", w
    enter_pin(qtbot, w.identify.number_pad, ADA.number)
    yield "sign in: PIN", w
    enter_pin(qtbot, w.identify.pin_pad, "9999")
    qtbot.waitUntil(w.identify.error.isVisible)
    yield "sign in: wrong PIN", w
    enter_pin(qtbot, w.identify.pin_pad, ADA.number)
    qtbot.waitUntil(lambda: w.current() is w.member and w.member.data is not None
                    and bool(buttons(w.member)) and w.member.message.isVisible())
    qtbot.waitUntil(lambda: len(buttons(w.member)) >= 5)  # claim, end early, cancel, …
    yield "member home", w
    open_book(qtbot, kiosk)
    yield "book", w
    tap_slot(qtbot, w.book.calendar, DRILL2.id, at(11))
    qtbot.waitUntil(w.book.wait_button.isVisible)
    yield "book: taken slot", w
    answered = lambda: not kiosk.ctx.bridge.reading("book-soonest")  # noqa: E731
    tap(qtbot, find_button(w.book, "soonest"))
    qtbot.waitUntil(lambda: answered() and bool(buttons(w.book, "alternative")))
    yield "book: soonest free", w
    tap(qtbot, find_button(w.book, "nextDay"))  # from tomorrow, today's free times say
    qtbot.waitUntil(lambda: not buttons(w.book, "alternative"))  # their day: long texts
    tap(qtbot, find_button(w.book, "soonest"))
    qtbot.waitUntil(lambda: answered() and len(buttons(w.book, "alternative")) >= 2)
    yield "book: soonest free, seen from tomorrow", w
    tap_slot(qtbot, w.book.calendar, DRILL1.id, at(14, days=1))  # Dee's, tomorrow
    qtbot.waitUntil(lambda: w.book.wait_button.isVisible()
                    and bool(buttons(w.book, "alternative")))
    yield "book: taken slot tomorrow", w
    tap(qtbot, find_button(w.book, "previousDay"))
    tap(qtbot, find_button(w.book, "kind_table_saw"))
    qtbot.waitUntil(lambda: w.book.data is not None and w.book.data.kind == "table_saw")
    yield "book: another kind", w
    tap(qtbot, find_button(w.book, "bookBack"))
    qtbot.waitUntil(lambda: w.current() is w.member)
    tap(qtbot, find_button(w.member, "done"))
    qtbot.waitUntil(lambda: w.current() is w.home)


def _staff_part(qtbot: Any, kiosk: Any, service: Any) -> Iterator[tuple[str, QWidget]]:
    w = kiosk.window
    tap(qtbot, find_button(w.home, "staff"))
    qtbot.waitUntil(lambda: w.current() is w.staff)
    yield "staff: PIN", w
    enter_pin(qtbot, w.staff.gate, STAFF_PIN)
    qtbot.waitUntil(lambda: bool(buttons(w.staff, "clearNoShow")))
    yield "staff: today's sheet", w
    tap(qtbot, find_button(w.staff, "page_walkin"))
    tap(qtbot, w.staff.search)
    qtbot.keyClicks(w.staff.search, "a")
    tap(qtbot, find_button(w.staff, "searchMembers"))
    qtbot.waitUntil(lambda: len(buttons(w.staff, "chooseMember")) >= 2)
    yield "staff: member search", w
    tap(qtbot, buttons(w.staff, "chooseMember")[0])
    qtbot.waitUntil(lambda: bool(buttons(w.staff, "walkInBook")))
    yield "staff: walk-in for a member", w
    tap(qtbot, find_button(w.staff, "walkInBook"))
    qtbot.waitUntil(lambda: w.current() is w.book and w.book.data is not None)
    yield "staff: book for a member", w
    tap(qtbot, find_button(w.book, "bookBack"))
    qtbot.waitUntil(lambda: w.current() is w.staff)
    for page in ("waitlist", "sync", "settings", "leave"):
        tap(qtbot, find_button(w.staff, f"page_{page}"))
        qtbot.waitUntil(lambda page=page: w.staff.current_page() == page and (
            page == "leave" or _first_shown(w.staff._lists[page])))
        yield f"staff: {page}", w
    service.access.set_kiosk_setting("pin_burst_attempts", 5)  # a burst of wrong PINs
    for _ in range(5):
        service.access.verify_pin("1004", "0000")
    tap(qtbot, find_button(w.staff, "page_sheet"))
    qtbot.waitUntil(w.staff.pin_lockout.isVisible)
    yield "staff: PIN sign-in locked", w
    tap(qtbot, find_button(w.staff, "clearPinLockout"))
    qtbot.waitUntil(lambda: not w.staff.pin_lockout.isVisible())
    tap(qtbot, find_button(w.staff, "exitStaff"))
    qtbot.waitUntil(lambda: w.current() is w.home)


def _flag_off_part(qtbot: Any, kiosk: Any, service: Any,
                   clock: FakeClock) -> Iterator[tuple[str, QWidget]]:
    w = kiosk.window
    service.access.set_flag("site", SITE.id, False)
    kiosk.ctx.status.poll()
    qtbot.waitUntil(w.home.flag_off.isVisible)
    yield "home: flag off", w
    scan(qtbot, kiosk, "400001001", clock)
    qtbot.waitUntil(lambda: w.current() is w.member and w.member.data is not None
                    and not w.member.data.flag_enabled)
    qtbot.waitUntil(lambda: any(x.isVisible() for x in w.member.findChildren(QWidget, "flagOff")))
    yield "member home: flag off", w


def _first_shown(layout: Any) -> bool:
    """A refilled list's rows are shown by Qt a moment after they are added."""
    item = layout.itemAt(0)
    return item is not None and item.widget() is not None and item.widget().isVisible()
