"""Long lists come a page at a time without hiding anything: the home calendar turns
pages of resources, a member's upcoming bookings show the next two weeks (at most a page)
and "Show more" reaches every other one."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QPushButton

from kiosk.core.model import Reservation, Resource
from kiosk.store import loader
from kiosk.ui.loaders import UPCOMING_PAGE, plan_pages
from tests.helpers.ids import uid
from tests.ui.drive import buttons, find_button, scan, tap, visible_text
from tests.ui.seed import ADA, DEE, DRILL1, DRILL2, NOW, SAW, SITE, span


def kinds(*counts: tuple[str, int]) -> list[Resource]:
    return [Resource(f"{k}-{i}", SITE.id, f"{k} {i}", k) for k, n in counts for i in range(n)]


def test_pages_keep_kinds_together_and_split_only_a_kind_too_big() -> None:
    pages = plan_pages(kinds(("a", 30), ("b", 15), ("c", 10), ("d", 120)), size=50)
    assert [(len(p.resource_ids), p.kinds) for p in pages] == [
        (45, ("a", "b")), (10, ("c",)), (50, ("d",)), (50, ("d",)), (20, ("d",))]
    assert [rid for p in pages for rid in p.resource_ids] == [
        r.id for r in kinds(("a", 30), ("b", 15), ("c", 10), ("d", 120))]
    assert plan_pages([]) == []


def test_home_turns_pages_of_resources(qtbot, kiosk) -> None:
    home = kiosk.window.home
    assert not home.next_page.isVisible()  # three resources: one page, no pager
    home.page_size = 2
    home.reload()
    qtbot.waitUntil(lambda: len(home.pages) == 2)
    assert [r.id for r in home.calendar.model.columns] == [DRILL1.id, DRILL2.id]
    assert home.next_page.isVisible() and home.next_page.isEnabled()
    assert not home.prev_page.isEnabled()
    assert "1 of 2" in home.page_label.text()
    tap(qtbot, home.next_page)
    qtbot.waitUntil(lambda: [r.id for r in home.calendar.model.columns] == [SAW.id])
    assert "2 of 2" in home.page_label.text() and not home.next_page.isEnabled()
    assert "Drill 2" in home.free_now.text()  # what is free counts the whole site
    tap(qtbot, home.prev_page)
    qtbot.waitUntil(lambda: [r.id for r in home.calendar.model.columns] == [DRILL1.id,
                                                                           DRILL2.id])


def tap_in_list(qtbot, member, target) -> None:
    """A finger scrolls the member's list until ``target`` is in view, then taps it."""
    def in_view() -> bool:
        member.list_area.ensureWidgetVisible(target)  # again once new rows are laid out
        return target.visibleRegion().boundingRect().height() >= target.height()

    qtbot.waitUntil(in_view)
    tap(qtbot, target)


def test_member_sees_two_weeks_then_more_on_request(qtbot, kiosk, service, fake_clock) -> None:
    # Dee has a drill tomorrow (seed) and, from the day after, one every day for 39 days
    daily = [Reservation(uid(f"r-dee-{d}"), DRILL2.id, DEE.id, span(15, 16, days=d),
                         created_at=NOW - timedelta(days=1)) for d in range(2, 41)]
    loader.load_reservations(service.store, daily)
    w = kiosk.window
    scan(qtbot, kiosk, "400001004", fake_clock)
    qtbot.waitUntil(lambda: w.current() is w.member and w.member.data is not None)
    member = w.member
    # once the scan's check-in write is done, ask again: only this newest read answers
    qtbot.waitUntil(lambda: not kiosk.ctx.bridge.pending(f"checkin-member:{DEE.id}"))
    member.clear()
    member.reload()
    qtbot.waitUntil(lambda: member.data is not None)

    def cancels() -> int:
        return len([b for b in buttons(member) if b.accessibleName().startswith("Cancel")])

    def show_more() -> None:
        tap_in_list(qtbot, member, find_button(member, "showMore"))

    qtbot.waitUntil(lambda: cancels() == 14)  # tomorrow and 13 days after: two weeks
    assert member.data.upcoming_more == 40 - 14
    assert "and 26 more coming up" in visible_text(member)
    show_more()
    qtbot.waitUntil(lambda: cancels() == 14 + UPCOMING_PAGE)
    assert "and 6 more coming up" in visible_text(member)
    shown = [r.id for r, _ in member.data.upcoming]
    daily_ids = [uid(f"r-dee-{d}") for d in range(2, 2 + 13 + UPCOMING_PAGE)]
    assert shown == [uid("r-dee-drill"), *daily_ids]
    show_more()
    qtbot.waitUntil(lambda: cancels() == 40)
    assert not buttons(member, "showMore")
    assert "more coming up" not in visible_text(member)
    member.clear()  # a refresh keeps what the member asked to see
    member.reload()
    qtbot.waitUntil(lambda: member.data is not None and len(member.data.upcoming) == 40)
    qtbot.waitUntil(lambda: cancels() == 40)


def test_a_refresh_that_changes_nothing_keeps_the_rows(qtbot, kiosk, fake_clock) -> None:
    w = kiosk.window
    member = w.member
    scan(qtbot, kiosk, "400001001", fake_clock)
    qtbot.waitUntil(lambda: w.current() is member and member.data is not None)
    qtbot.waitUntil(lambda: not kiosk.ctx.bridge.pending(f"checkin-member:{ADA.id}"))
    answers: list[object] = []
    shown = member._on_loaded
    member._on_loaded = lambda data: (answers.append(data), shown(data))

    def refresh() -> None:  # the newest read of the member is the only one answered
        count = len(answers)
        member.reload()
        qtbot.waitUntil(lambda: len(answers) > count)

    def cancel_button() -> QPushButton | None:  # rows past the first few build a frame later
        return next((b for b in buttons(member) if b.accessibleName() == "Cancel Table saw 1"),
                    None)

    refresh()
    qtbot.waitUntil(lambda: not member._pending)  # every row built
    qtbot.waitUntil(lambda: cancel_button() is not None)  # and shown (Qt shows a turn later)
    cancel = cancel_button()
    assert cancel is not None
    tap_in_list(qtbot, member, cancel)
    assert cancel.property("armed")  # "Tap again to cancel"
    refresh()
    assert cancel.isVisible() and cancel.property("armed")  # the same row, still armed
