"""The signed-in member's home: today's bookings with Check in / End early, waitlist
offers to claim, waitlist places, upcoming bookings with Cancel, and Book.

Upcoming bookings come a page at a time (the next two weeks, at most a page): "Show
more" adds the next page, so a member with thousands of bookings can still reach every
one while the screen builds only a few dozen rows. Data is read off the GUI thread."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.core.changes import Applied, Changes
from kiosk.core.checkin import CheckInState
from kiosk.core.model import Member
from kiosk.core.refusals import Refusal
from kiosk.ui.bridge import Call
from kiosk.ui.context import UiContext
from kiosk.ui.feedback import FeedbackCard
from kiosk.ui.loaders import (
    UPCOMING_PAGE,
    MemberData,
    TodayRow,
    UpcomingPage,
    WaitRow,
    load_member,
    load_more_upcoming,
    offer_time_left,
)
from kiosk.ui.recheck import recheck_timer
from kiosk.ui.widgets import (
    button,
    card,
    clear_layout,
    finger_scroll,
    label,
    refusal_text,
    row_card,
    set_role,
)

#: Rows built at once when data arrives (about a screenful), then per turn of the loop.
FIRST_ROWS, MORE_ROWS = 6, 6


class MemberScreen(QWidget):
    """Everything about the signed-in member, and nothing once they have gone.

    Signals:
        book_requested(): the member tapped Book.
        done(): the member tapped Done (their session ends).
        loaded(): the member's data arrived and its first rows are built.
    """

    book_requested = Signal()
    done = Signal()
    loaded = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.data: MemberData | None = None
        self.setAccessibleName(self.tr("Your bookings"))
        self.greeting = label("", "title", name="greeting")
        self.message = label("", "message", name="memberMessage")
        self.message.hide()
        self.feedback = FeedbackCard()
        self._list = QWidget()
        self._rows = QVBoxLayout(self._list)
        self._upcoming_wanted = UPCOMING_PAGE
        self._pending: deque[Callable[[], QWidget]] = deque()
        self._builder = QTimer(self, singleShot=True, interval=0)
        self._builder.timeout.connect(lambda: self._build(MORE_ROWS))
        # check-in windows open and close and offers' holds count down meanwhile
        self.recheck = recheck_timer(self, self._on_recheck)
        self._offer_labels: list[tuple[QLabel, WaitRow]] = []
        self.more_label = label("", "muted", name="upcomingMore")
        self.more_button = button(self.tr("Show more"), name=self.tr("Show more bookings"),
                                  object_name="showMore", on_click=self.show_more)
        self._more = card(self.more_label, self.more_button)
        self.book_button = button(self.tr("Book a tool or space"), kind="primary",
                                  object_name="book", on_click=self.book_requested.emit)
        done = button(self.tr("Done"), name=self.tr("Done, sign me out"), kind="success",
                      object_name="done", on_click=self.done.emit)
        bottom = QHBoxLayout()
        bottom.addWidget(self.book_button, 2)
        bottom.addWidget(done, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.greeting)
        layout.addWidget(self.message)
        layout.addWidget(self.feedback)
        self.list_area = finger_scroll(self._list)
        layout.addWidget(self.list_area, 1)
        layout.addLayout(bottom)
        ctx.bridge.changed.connect(self._on_changed)
        ctx.session.ended.connect(self.clear)

    # -- data -------------------------------------------------------------------------
    def show_member(self, member: Member) -> None:
        self.clear()
        self._upcoming_wanted = UPCOMING_PAGE
        self.greeting.setText(self.tr("Hello, {0}").format(member.short_name))
        self.reload()

    def reload(self) -> None:
        member = self._ctx.session.member
        if member is None:
            return
        zone, now, wanted = self._ctx.site.timezone, self._ctx.now(), self._upcoming_wanted
        self._ctx.bridge.read(lambda svc: load_member(svc, zone, member, now, upcoming=wanted),
                              self._on_loaded, guard=self._ctx.session.guard(), latest="member")

    def show_more(self) -> None:
        """Add the next page of upcoming bookings below those shown."""
        data = self.data
        if data is None or data.upcoming_after is None or not data.upcoming_more:
            return
        member_id, after, offset = data.member.id, data.upcoming_after, len(data.upcoming)
        self.more_button.setEnabled(False)
        session_guard = self._ctx.session.guard()
        self._ctx.bridge.read(lambda svc: load_more_upcoming(svc, member_id, after, offset),
                              self._on_more, latest="member-more",
                              guard=lambda: session_guard() and self._continues(offset))

    def clear(self) -> None:
        """Wipe the member's data off the screen."""
        self.data = None
        self._builder.stop()
        self._pending.clear()
        self.greeting.clear()
        self.message.clear()
        self.message.hide()
        self.feedback.clear()
        self._take_more()
        self._offer_labels.clear()
        clear_layout(self._rows)

    def _take_more(self) -> None:
        """Lift the "Show more" card out of the list (it is kept, not deleted)."""
        self._rows.removeWidget(self._more)
        self._more.hide()

    def say(self, text: str, *, error: bool = False) -> None:
        set_role(self.message, "error" if error else "message")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _on_changed(self, changes: Changes) -> None:
        member = self._ctx.session.member
        if member is not None and self.isVisible() and (
                changes.reservation_ids or changes.waitlist_ids or changes.flag
                or member.id in changes.member_ids):
            self.reload()

    def _on_loaded(self, data: MemberData) -> None:
        if data == self.data and not self._pending:
            return  # a refresh that changed nothing keeps its rows (and an armed Cancel)
        self.data = data
        self._take_more()
        self._offer_labels.clear()
        clear_layout(self._rows)
        self._rows.addStretch(1)
        self.book_button.setVisible(data.flag_enabled)
        self._pending = deque(self._plan(data))
        self._build(FIRST_ROWS)
        self.loaded.emit()

    def _plan(self, data: MemberData) -> list[Callable[[], QWidget]]:
        """What to show, top to bottom, as widget factories (built a few per frame)."""
        offer, today, wait, upcoming = (self._offer_row, self._today_row, self._wait_row,
                                        self._upcoming_row)
        sections = (
            (self.tr("Waitlist offers for you"), [partial(offer, w) for w in data.offers]),
            (self.tr("Today"), [partial(today, t) for t in data.today]),
            (self.tr("Your places on waitlists"), [partial(wait, w) for w in data.waiting]),
            (self.tr("Coming up"), [partial(upcoming, r, n) for r, n in data.upcoming]),
        )
        plan: list[Callable[[], QWidget]] = []
        for title, rows in sections:
            # "Coming up" stays, with "Show more", when all of them lie past the horizon
            if rows or (title is sections[-1][0] and data.upcoming_more):
                plan += [partial(label, title, "large"), *rows]
        if data.upcoming_more:
            plan.append(partial(self._more_card, data.upcoming_more))
        if not plan:
            plan.append(partial(label, self.tr("You have no bookings yet."), "muted"))
        if not data.flag_enabled:
            plan.append(partial(label, self.tr(
                "Booking at the kiosk is paused for now. Your existing bookings are kept."),
                "message", name="flagOff"))
        return plan

    def _build(self, count: int) -> None:
        """Build the next ``count`` planned widgets above the stretch; the rest follow on
        later turns of the event loop, so the first rows paint without waiting for all."""
        for _ in range(min(count, len(self._pending))):
            self._rows.insertWidget(self._rows.count() - 1, self._pending.popleft()())
        if self._pending and self.isVisible():
            self._builder.start()

    def _finish_build(self) -> None:
        self._builder.stop()
        self._build(len(self._pending))

    def _more_card(self, more: int) -> QWidget:
        self._show_more_count(more)
        return self._more

    def _continues(self, offset: int) -> bool:
        """Whether a page from ``offset`` still follows on from the bookings shown."""
        return self.data is not None and len(self.data.upcoming) == offset

    def _on_more(self, page: UpcomingPage) -> None:
        data = self.data
        if data is None:
            return
        self._finish_build()
        at = self._rows.indexOf(self._more)
        for i, (res, name) in enumerate(page.rows):
            self._rows.insertWidget(at + i, self._upcoming_row(res, name))
        data.upcoming.extend(page.rows)
        data.upcoming_more = page.more
        self._upcoming_wanted = max(self._upcoming_wanted, len(data.upcoming))
        if page.more:
            self._show_more_count(page.more)
        else:
            self._take_more()

    def _show_more_count(self, more: int) -> None:
        self.more_label.setText(self.tr("and {0} more coming up").format(more))
        self.more_button.setEnabled(True)
        self._more.show()

    # -- rows ---------------------------------------------------------------------------
    def _today_row(self, row: TodayRow) -> QWidget:
        res, fmt = row.reservation, self._ctx.fmt
        text = f"{row.resource} · {fmt.span(res.interval)}"
        detail = f"{row.resource} · {fmt.span_on_day(res.interval)}"
        state, window = row.status.state, row.status.window
        check = button(self.tr("Check in"), name=self.tr("Check in for {0}").format(row.resource),
                       kind="primary", on_click=self._act(
                           f"check_in:{res.id}", lambda svc: svc.reservations.check_in(res.id),
                           self.tr("Checked in. Enjoy!"), detail))
        check.setEnabled(state == CheckInState.OPEN)
        if state == CheckInState.NOT_YET:
            text += "\n" + self.tr("Check-in opens at {0}").format(fmt.time(window.start))
        elif state == CheckInState.CLOSED:
            text += "\n" + self.tr("The check-in window has closed. Please see staff.")
        elif state == CheckInState.DONE:
            text += "\n" + self.tr("Checked in ✓")
            check.hide()
        # ending cannot be taken back (no change restores the time): a second tap confirms
        end = button(self.tr("End early"), name=self.tr("End {0} early").format(row.resource),
                     object_name="endEarly")
        end_now = self._act(f"end_early:{res.id}", lambda svc: svc.reservations.end_early(res.id),
                            self.tr("Ended early: the rest of the time is free for others."),
                            detail)
        end.clicked.connect(lambda: self._confirm(end, self.tr("Tap again to end now"), end_now))
        end.setVisible(res.interval.contains(self._ctx.now()) and res.active)
        return row_card(text, check, end)

    def _on_recheck(self) -> None:
        """The clock moved on: count the holds down now, and read again (a check-in
        window that opened meanwhile enables its button)."""
        for text, row in self._offer_labels:
            text.setText(self._offer_text(row))
        self.reload()

    def _offer_text(self, row: WaitRow) -> str:
        fmt, entry = self._ctx.fmt, row.entry
        left = offer_time_left(entry, self._ctx.now())
        minutes = -(-int(left.total_seconds()) // 60)
        text = self.tr("{0} · {1} is free for you.").format(
            row.resource, fmt.span_on_day(entry.interval))
        if entry.offer_expires_at is not None:
            text += "\n" + self.tr("Held for you until {0} (%n min left).", "", minutes).format(
                fmt.time(entry.offer_expires_at))
        return text

    def _offer_row(self, row: WaitRow) -> QWidget:
        text = label(self._offer_text(row), name="offerText")
        self._offer_labels.append((text, row))
        detail = f"{row.resource} · {self._ctx.fmt.span_on_day(row.entry.interval)}"
        claim = button(self.tr("Claim"), name=self.tr("Claim {0}").format(row.resource),
                       kind="success", on_click=self._act(
                           f"claim:{row.entry.id}", lambda svc: svc.waitlist.claim(row.entry.id),
                           self.tr("Claimed: it is your booking now."), detail))
        claim.setVisible(self.data is None or self.data.flag_enabled)  # claiming books
        return row_card(text, claim)

    def _wait_row(self, row: WaitRow) -> QWidget:
        when = self._ctx.fmt.span_with_day(row.entry.interval, self._ctx.today())
        text = f"{row.resource} · {when}"
        if row.position is not None:
            text += "\n" + self.tr("You are number {0} in line.").format(row.position)
        text += " " + self.tr("If it frees up, it is held for you and shown here.")
        leave = button(self.tr("Leave waitlist"),
                       on_click=self._act(
                           f"leave:{row.entry.id}", lambda svc: svc.waitlist.leave(row.entry.id),
                           self.tr("You left the waitlist."), f"{row.resource} · {when}"))
        return row_card(text, leave)

    def _upcoming_row(self, res: Any, name: str) -> QWidget:
        text = f"{name} · {self._ctx.fmt.span_with_day(res.interval, self._ctx.today())}"
        # a cancelled slot goes to whoever waits for it at once: a second tap, not an Undo
        cancel = button(self.tr("Cancel"), name=self.tr("Cancel {0}").format(name),
                        kind="danger")
        cancel_now = self._act(f"cancel:{res.id}", lambda svc: svc.reservations.cancel(res.id),
                               self.tr("Cancelled"),
                               f"{name} · {self._ctx.fmt.span_on_day(res.interval)}")
        cancel.clicked.connect(
            lambda: self._confirm(cancel, self.tr("Tap again to cancel"), cancel_now))
        return row_card(text, cancel)

    @staticmethod
    def _confirm(tapped: QPushButton, again: str, run: Callable[[], None]) -> None:
        """First tap arms the button (it says ``again``); the second runs the change."""
        if tapped.property("armed"):
            run()
            return
        tapped.setProperty("armed", True)
        tapped.setText(again)

    # -- actions -----------------------------------------------------------------------
    def _act(self, key: str, call: Call[Applied[Any] | Refusal], what: str,
             detail: str) -> Callable[[], None]:
        """A tap that runs one write (once, however often it is tapped meanwhile), and
        ends on a card saying what was done, where and when (or why not)."""
        def shown(result: object) -> None:
            if isinstance(result, Refusal):
                self.feedback.refused(refusal_text(result), detail)
            else:
                self.feedback.done(what, detail)

        def run() -> None:
            self._ctx.bridge.write(call, shown, key=key,
                                   guard=self._ctx.session.guard(),
                                   on_error=lambda text: self.say(text, error=True))
        return run

    def showEvent(self, event: QShowEvent) -> None:
        if self._pending:
            self._builder.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self._builder.stop()
        self.message.hide()
