"""Staff mode: behind the staff PIN. Walk-in bookings for a member (search by name or
number), cancel and move, clear no-shows on today's sheet, the waitlist, the sync page,
settings, and leaving kiosk mode (which asks for the PIN again)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, TypeVar

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.changes import Changes
from kiosk.core.model import Member, Reservation
from kiosk.core.refusals import Refusal
from kiosk.ui.bridge import Call
from kiosk.ui.context import UiContext
from kiosk.ui.feedback import FeedbackCard
from kiosk.ui.fmt import resource_name
from kiosk.ui.keyboard import OnScreenKeyboard
from kiosk.ui.keypad import Keypad
from kiosk.ui.recheck import recheck_timer
from kiosk.ui.screens.staff_lockout import PinLockoutCard
from kiosk.ui.screens.staff_settings import settings_rows
from kiosk.ui.screens.staff_sheet import sheet_rows, waitlist_rows
from kiosk.ui.screens.staff_sync import sync_rows
from kiosk.ui.screens.staff_walkin import found_rows, member_rows
from kiosk.ui.widgets import (
    button,
    clear_layout,
    finger_scroll,
    label,
    refusal_text,
    show_page_only,
)

T = TypeVar("T")

PAGES = ("walkin", "sheet", "waitlist", "sync", "settings", "leave")


class StaffScreen(QWidget):
    """Signals:
        book_for(object): book a walk-in for this ``Member``.
        move_requested(object, object): move this ``Reservation`` of this ``Member``.
        leave_kiosk(): the staff PIN was given again to leave kiosk mode.
        exit_staff(): staff tapped "Exit staff mode".
        idle_seconds_changed(int): the member idle timeout was changed.
    """

    book_for = Signal(object)
    move_requested = Signal(object, object)
    leave_kiosk = Signal()
    exit_staff = Signal()
    idle_seconds_changed = Signal(int)

    def __init__(self, ctx: UiContext, idle_seconds: int = 60,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.idle_seconds = idle_seconds
        self.selected: Member | None = None
        self.setAccessibleName(self.tr("Staff mode"))
        self.gate = Keypad(max_length=8, min_length=4, secret=True)
        self.gate.setObjectName("staffPin")
        self.gate.submitted.connect(self._on_pin)
        self.gate_error = label("", "error", name="staffError")
        self.pages = QStackedWidget()
        self._lists: dict[str, QVBoxLayout] = {}
        self._areas: dict[str, QScrollArea] = {}
        self._sheet_now: int | None = None  # the sheet's row to open at
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Member name or number"))
        self.search.setPlaceholderText(self.tr("Member name or number"))
        self.search.setMaxLength(40)
        self.search.returnPressed.connect(self._on_search)
        self.keyboard = OnScreenKeyboard(self.search)
        self.keyboard.setObjectName("memberKeyboard")
        self.keyboard.changed.connect(self._on_typed)
        self.keyboard.submitted.connect(lambda _text: self._on_search())
        self.keyboard_button = button(self.tr("Keyboard"), name=self.tr("Show the keyboard"),
                                      object_name="showKeyboard",
                                      on_click=lambda: self._show_keyboard(True))
        self.message = label("", "message", name="staffMessage")
        self.feedback = FeedbackCard()
        self.pin_lockout = PinLockoutCard(ctx)
        self.pin_lockout.cleared.connect(lambda: self.feedback.done(self.tr(
            "PIN sign-in unlocked"), self.tr("Members can sign in with their PIN here again.")))
        self.pin_lockout.failed.connect(self.say)
        self.unlocked = QWidget()
        self.stack = QStackedWidget()
        self.stack.addWidget(self._gate_page())
        self.stack.addWidget(self.unlocked)
        self._build_unlocked()
        QVBoxLayout(self).addWidget(self.stack)
        ctx.bridge.changed.connect(self._on_changed)
        # bookings turn late and no-show, and offers' holds run out, as staff look on
        self.recheck = recheck_timer(self, self._on_recheck)
        self.lock()

    # -- building -----------------------------------------------------------------
    def _gate_page(self) -> QWidget:
        page = QWidget()
        top = QHBoxLayout()  # Back beside the title leaves the keypad room at 800 px high
        top.addWidget(button(self.tr("Back"), object_name="staffBack",
                             on_click=self.exit_staff.emit))
        top.addWidget(label(self.tr("Staff PIN"), "title"), 1)
        col = QVBoxLayout(page)
        col.addLayout(top)
        col.addWidget(self.gate_error)
        col.addWidget(self.gate, 1)
        return page

    def _build_unlocked(self) -> None:
        nav = QVBoxLayout()
        names = (self.tr("Walk-in"), self.tr("Today's sheet"), self.tr("Waitlist"),
                 self.tr("Sync"), self.tr("Settings"), self.tr("Leave kiosk mode"))
        self._nav: dict[str, QPushButton] = {}
        for key, title in zip(PAGES, names, strict=True):
            tab = button(title, object_name=f"page_{key}", on_click=partial(self.show_page, key))
            tab.setCheckable(True)  # the page on show stays highlighted
            tab.setAutoExclusive(True)
            self._nav[key] = tab
            nav.addWidget(tab)
            self.pages.addWidget(self._page(key))
        nav.addStretch(1)
        nav.addWidget(button(self.tr("Exit staff mode"), kind="success",
                             object_name="exitStaff", on_click=self.exit_staff.emit))
        row = QHBoxLayout(self.unlocked)
        row.addLayout(nav)
        right = QVBoxLayout()
        right.addWidget(self.message)
        right.addWidget(self.feedback)
        right.addWidget(self.pages, 1)
        row.addLayout(right, 1)

    def _page(self, key: str) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        if key == "walkin":
            search = QHBoxLayout()
            search.addWidget(self.search, 1)
            search.addWidget(button(self.tr("Search"), object_name="searchMembers",
                                    on_click=self._on_search))
            search.addWidget(self.keyboard_button)
            col.addLayout(search)
            col.addWidget(self.keyboard)
        if key == "leave":
            self.leave_pad = Keypad(max_length=8, min_length=4, secret=True)
            self.leave_pad.setObjectName("leavePin")
            self.leave_pad.submitted.connect(self._on_leave_pin)
            col.addWidget(label(self.tr("Type the staff PIN again to leave kiosk mode."), "large"))
            col.addWidget(self.leave_pad, 1)
            return page
        if key == "sheet":  # where staff mode opens; the leave page's keypad needs the room
            col.addWidget(self.pin_lockout)
        inner = QWidget()
        self._lists[key] = QVBoxLayout(inner)
        self._areas[key] = finger_scroll(inner)
        col.addWidget(self._areas[key], 1)
        if key == "sheet":
            self._areas[key].verticalScrollBar().rangeChanged.connect(self._scroll_sheet_to_now)
        return page

    # -- lock -----------------------------------------------------------------------
    def lock(self) -> None:
        self.gate.clear()
        self.gate_error.hide()
        self.message.hide()
        self.feedback.clear()
        self.pin_lockout.hide()
        self.selected = None
        self.search.clear()
        self._show_keyboard(True)
        for layout in self._lists.values():
            clear_layout(layout)
        self.stack.setCurrentIndex(0)

    def _on_pin(self, pin: str) -> None:
        self._write(lambda svc: svc.access.check_staff_pin(pin), self._on_verified)

    def _on_verified(self, result: bool | Refusal) -> None:
        self.gate.clear()
        if result is not True:
            self.gate_error.setText(refusal_text(result) if isinstance(result, Refusal)
                                    else self.tr("That PIN is not right."))
            self.gate_error.show()
            return
        self._ctx.session.set_staff(True)
        self.stack.setCurrentIndex(1)
        self.show_page("sheet")

    def _on_leave_pin(self, pin: str) -> None:
        self.leave_pad.clear()
        self._write(lambda svc: svc.access.check_staff_pin(pin),
                    lambda ok: self.leave_kiosk.emit() if ok is True else self.say(
                        refusal_text(ok) if isinstance(ok, Refusal)
                        else self.tr("That PIN is not right.")))

    # -- pages --------------------------------------------------------------------------
    def show_page(self, key: str) -> None:
        if key != self.current_page():
            self.feedback.clear()
        show_page_only(self.pages, PAGES.index(key))  # the leave keypad's height stays there
        self._nav[key].setChecked(True)
        self.message.hide()
        self.pin_lockout.refresh()
        loaders: dict[str, Callable[[], None]] = {
            "sheet": self._load_sheet, "waitlist": self._load_waitlist,
            "sync": self._load_sync, "settings": self._fill_settings,
            "walkin": self._fill_member}
        if key in loaders:
            loaders[key]()

    def current_page(self) -> str:
        return PAGES[self.pages.currentIndex()]

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back (from booking or moving for a member): show the page afresh."""
        if self.stack.currentIndex() == 1:
            self.show_page(self.current_page())

    def _on_recheck(self) -> None:
        if self.isVisible() and self.stack.currentIndex() == 1:
            self.pin_lockout.refresh()  # it cools down by itself
            if self.current_page() == "sheet":
                self._load_sheet(follow_now=False)
            elif self.current_page() == "waitlist":
                self._load_waitlist()

    def _on_changed(self, changes: Changes) -> None:
        if self.isVisible() and self.stack.currentIndex() == 1:
            text = self.message.text()
            self.show_page(self.current_page())
            if text:
                self.say(text)

    def _fill(self, key: str, rows: Sequence[QWidget], empty: str) -> None:
        layout = self._lists[key]
        clear_layout(layout)
        for row in rows or [label(empty, "muted")]:
            layout.addWidget(row)
        layout.addStretch(1)

    def _load_sheet(self, *, follow_now: bool = True) -> None:
        day = self._ctx.today()
        self._read(lambda svc: svc.reads.today_sheet(day),
                   partial(self._on_sheet, follow_now=follow_now), "sheet")

    def _on_sheet(self, rows: list[Any], *, follow_now: bool) -> None:
        out, now_row = sheet_rows(self._ctx, rows, self._clear_no_show)
        self._fill("sheet", out, self.tr("No bookings today."))
        # opened, the sheet shows the first booking not yet over (once the list has its
        # height); read again as the clock moves, it stays where staff scrolled it
        self._sheet_now = now_row if follow_now else None
        # new rows are shown, and so laid out, by a queued call of Qt's: scroll after it
        QTimer.singleShot(0, self, self._scroll_sheet_to_now)

    def _scroll_sheet_to_now(self) -> None:
        rows = self._lists["sheet"]
        item = rows.itemAt(self._sheet_now) if self._sheet_now is not None else None
        if item is not None and (row := item.widget()) is not None:
            rows.activate()  # the rows' places, now (a layout request would come later)
            self._areas["sheet"].verticalScrollBar().setValue(row.y())

    def _clear_no_show(self, reservation_id: str) -> None:
        self._write(lambda svc: svc.reservations.clear_no_show(reservation_id, "staff"),
                    self._on_done, key=f"clear:{reservation_id}")

    def _load_waitlist(self) -> None:
        def read(svc: Any) -> tuple[list[Any], dict[str, str], dict[str, str]]:
            entries = svc.waitlist.queue(None)
            found = (svc.reads.member(i) for i in {e.member_id for e in entries})
            return (entries, {r.id: resource_name(r.name) for r in svc.reads.resources(None)},
                    {m.id: f"{m.short_name} ({m.number})" for m in found if m is not None})

        self._read(read, self._on_waitlist, "waitlist")

    def _on_waitlist(self, data: tuple[list[Any], dict[str, str], dict[str, str]]) -> None:
        entries, names, members = data
        self._fill("waitlist", waitlist_rows(self._ctx, entries, names, members),
                   self.tr("Nobody is waiting."))

    def _load_sync(self) -> None:
        self._read(lambda svc: (svc.sync.status(), svc.sync.outage_report()), self._on_sync,
                   "sync")

    def _on_sync(self, found: Any) -> None:
        status, outage = found
        # plain names: lupdate reads a call here as no plural
        waiting, made = status.outbox_depth, len(outage.entries) if outage is not None else 0
        self._fill("sync", sync_rows(
            self._ctx, status, outage, self._resolve,
            waiting=self.tr("%n change waiting to be sent", "", waiting),
            outcome=self.tr("%n change made here; the server accepted {0} and turned down {1}.",
                            "", made)), "")

    def _resolve(self, rejection_id: int) -> None:
        self._write(lambda svc: svc.sync.resolve_rejection(rejection_id, "staff"), self._on_done,
                    key=f"resolve:{rejection_id}")

    def _fill_settings(self) -> None:
        self._fill("settings", settings_rows(self._ctx, self.idle_seconds,
                                             idle_saved=self._idle_saved, say=self.say), "")

    def _idle_saved(self, stored: int) -> None:
        self.idle_seconds = stored
        self.idle_seconds_changed.emit(stored)

    # -- walk-in ------------------------------------------------------------------------
    def select_member(self, member: Member) -> None:
        self.selected = member
        self._show_keyboard(False)
        self.show_page("walkin")

    def select_member_or_none(self, member: Member | None) -> None:
        if member is None:
            self.say(self.tr("This card is not known here."))
        else:
            self.select_member(member)

    def _show_keyboard(self, on: bool) -> None:
        """The keyboard while looking for a member; the list has the room once chosen."""
        self.keyboard.setVisible(on)
        self.keyboard_button.setVisible(not on)

    def _on_typed(self, text: str) -> None:
        if len(text.strip()) >= 2:  # search as staff type, once a name can be told
            self._on_search()

    def _on_search(self) -> None:
        text = self.search.text().strip()
        if text:
            self._read(lambda svc: svc.reads.search_members(text, 12), self._on_found, "walkin")

    def _on_found(self, members: list[Member]) -> None:
        self._fill("walkin", found_rows(members, self.select_member),
                   self.tr("No member matches."))

    def _fill_member(self) -> None:
        member = self.selected
        if member is None:
            return
        now = self._ctx.now()
        self._read(lambda svc: (svc.reads.member_reservations(member.id, now),
                                {r.id: resource_name(r.name)
                                 for r in svc.reads.resources(None)},
                                svc.access.flag_enabled(member.cohort)),
                   self._on_member_res, "walkin")

    def _on_member_res(self, data: tuple[list[Reservation], dict[str, str], bool]) -> None:
        member = self.selected
        if member is None:
            return
        reservations, names, enabled = data
        rows = member_rows(self._ctx, member, reservations, names, enabled,
                           book=lambda: self.book_for.emit(member),
                           move=lambda res: self.move_requested.emit(member, res),
                           cancel=self._cancel)
        self._fill("walkin", rows, "")

    def _cancel(self, tapped: QPushButton, reservation_id: str, detail: str) -> None:
        """A second tap cancels (the freed slot may go to the waitlist at once, so there
        is no Undo), and the card names which booking went."""
        if not tapped.property("armed"):
            tapped.setProperty("armed", True)
            tapped.setText(self.tr("Tap again to cancel"))
            return
        self._write(lambda svc: svc.reservations.cancel(reservation_id),
                    lambda result: self.feedback.refused(refusal_text(result), detail)
                    if isinstance(result, Refusal) else self.feedback.done(
                        self.tr("Cancelled"), detail),
                    key=f"cancel:{reservation_id}")

    # -- plumbing ------------------------------------------------------------------------
    def _on_done(self, result: object) -> None:
        self.say(refusal_text(result) if isinstance(result, Refusal) else self.tr("Done."))

    def _read(self, call: Call[T], then: Callable[[T], None], page: str) -> None:
        """Read for one page's list; only the latest read per page fills it."""
        self._ctx.bridge.read(call, then, on_error=self.say, latest=f"staff:{page}")

    def _write(self, call: Call[T], then: Callable[[T], None],
               key: str | None = None) -> None:
        self._ctx.bridge.write(call, then, key=key, on_error=self.say)

