"""Book: pick a kind, a duration and a time on the day calendar; or ask for the soonest
free one of a kind. A refusal says why and offers the next free slots; a taken slot
offers the waitlist with the position and what happens next."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from functools import partial
from typing import cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.core import localtime
from kiosk.core.changes import Applied, Changes
from kiosk.core.model import Interval, Member, Reservation, Resource, WaitlistEntry
from kiosk.core.refusals import Refusal, RefusalCode
from kiosk.ui.bridge import Call
from kiosk.ui.calendar_model import CellState, DayModel
from kiosk.ui.calendar_view import DayCalendar, legend
from kiosk.ui.context import UiContext
from kiosk.ui.feedback import FeedbackCard
from kiosk.ui.recheck import recheck_timer
from kiosk.ui.screens import book_calls
from kiosk.ui.screens.book_controls import DayControls
from kiosk.ui.screens.book_data import BookData, load_book
from kiosk.ui.screens.book_kinds import KindStrip
from kiosk.ui.screens.book_notes import (
    day_notes,
    last_bookable_day,
    member_paused_text,
    paused_text,
)
from kiosk.ui.screens.book_suggestions import Suggestions
from kiosk.ui.screens.dst_note import dst_note
from kiosk.ui.widgets import button, label, refusal_text


class BookScreen(QWidget):
    """Signals:
        booked(object): a reservation was made (or moved); the ``Reservation``.
        back(): the person tapped Back.
    """

    booked = Signal(object)
    back = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.member: Member | None = None
        self.staff = False
        self.moving: Reservation | None = None
        self.data: BookData | None = None
        self.day = ctx.today()
        self.minutes = 60
        self.pick: tuple[str, Interval] | None = None
        self._intent = ""
        self._scroll_to: tuple[str, datetime] | None = None  # a suggestion taken, to show
        self._acted = 0  # counts the member's actions that start afresh (_reset_feedback)
        self._want: tuple[str, str, datetime] | None = None  # kind, resource, start to pick
        self.setAccessibleName(self.tr("Book"))
        self.title = label(self.tr("Book"), "title")
        self.kinds = KindStrip(ctx.theme.sizes.target + 8)
        self.kinds.chosen.connect(self._choose_kind)
        self.kinds_left, self.kinds_right = self.kinds.left, self.kinds.right
        self.calendar = DayCalendar(DayModel(ctx.site.timezone, self.day, []), ctx.theme,
                                    ctx.fmt, ctx.now)
        self.calendar.slot_tapped.connect(self._on_slot)
        self.legend = legend(ctx.theme, (CellState.FREE, CellState.TAKEN, CellState.YOURS,
                                         CellState.CLOSED))
        # the clock moves the day on at midnight, and the booking horizon with it
        self.recheck = recheck_timer(self, self._on_recheck)
        self.controls = DayControls()
        self.controls.shift.connect(self._shift)
        self.controls.length_step.connect(self._resize)
        self.controls.soonest.connect(self._on_soonest)
        self.duration, self.day_label = self.controls.duration, self.controls.day_label
        self.notes = label("", "muted", name="unavailable")
        self.dst = label("", "warning", name="dstNote")
        self.summary = label("", "large", name="summary")
        self.message = label("", "message", name="bookMessage")
        self.error = label("", "error", name="bookError")
        self.feedback = FeedbackCard()
        self.suggestions = Suggestions(ctx.fmt, ctx.site.timezone, lambda: self.day)
        self.suggestions.taken.connect(self._take)
        self.book_button = button(self.tr("Book it"), kind="primary", object_name="confirmBook",
                                  on_click=self._on_book)
        self.wait_button = button(self.tr("Join the waitlist"), object_name="joinWaitlist",
                                  on_click=self._on_join)
        self.paused = label(member_paused_text(), "message", name="flagOff")
        self._body = QWidget()
        self._build()
        ctx.bridge.changed.connect(self._on_changed)
        ctx.session.ended.connect(self.clear)

    def _build(self) -> None:
        actions = QHBoxLayout()
        actions.addWidget(self.summary, 1)
        actions.addWidget(self.wait_button)
        actions.addWidget(self.book_button)
        body = QVBoxLayout(self._body)
        body.setContentsMargins(0, 0, 0, 0)
        for above in (self.kinds, self.controls, self.notes, self.dst):
            body.addWidget(above)
        body.addWidget(self.calendar, 1)
        for below in (self.legend, self.error, self.suggestions, self.message, self.feedback):
            body.addWidget(below)
        body.addLayout(actions)
        top = QHBoxLayout()
        top.addWidget(button(self.tr("Back"), object_name="bookBack", on_click=self.back.emit))
        top.addWidget(self.title, 1)
        root = QVBoxLayout(self)
        root.addLayout(top)
        root.addWidget(self.paused)
        root.addWidget(self._body, 1)
        self._reset_feedback()

    # -- entry points ---------------------------------------------------------------
    def open_for(self, member: Member, *, staff: bool = False,
                 moving: Reservation | None = None,
                 want: tuple[Resource, Interval] | None = None) -> None:
        """Open for ``member``; with ``want`` (a time tapped on the welcome calendar),
        on its kind and day with that time chosen."""
        self.clear()
        self.member, self.staff, self.moving = member, staff, moving
        self.day = self._ctx.today()
        if want is not None:
            resource, span = want
            self.day = localtime.local_date(self._ctx.site.timezone, span.start)
            self._scroll_to = (resource.id, span.start)
            self._want = (resource.kind, resource.id, span.start)
        self.title.setText(self.tr("Move a booking") if moving else
                           self.tr("Book for {0}").format(member.short_name) if staff
                           else self.tr("Book"))
        self.reload(self._want[0] if self._want else None)

    def clear(self) -> None:
        self.member, self.data, self.moving, self.pick = None, None, None, None
        self._want = self._scroll_to = None
        self._reset_feedback()
        self.kinds.clear()
        if self.calendar.model.columns:  # an empty day's rows cost a build: only to wipe one
            self.calendar.set_model(DayModel(self._ctx.site.timezone, self.day, []))

    def reload(self, kind: str | None = None) -> None:
        member = self.member
        if member is None:
            return
        zone, day, staff = self._ctx.site.timezone, self.day, self.staff
        kind = kind or (self.data.kind if self.data else None)
        self._ctx.bridge.read(lambda svc: load_book(svc, zone, day, kind, member, staff=staff),
                              self._on_loaded, guard=self._ctx.session.guard(), latest="book")

    def _on_loaded(self, data: BookData) -> None:
        first = self.data is None or self.data.kind != data.kind
        self.data = data
        self.paused.setVisible(not data.flag_enabled or data.suspended)
        self.paused.setText(paused_text(data, staff=self.staff))
        self._body.setVisible(data.flag_enabled and not data.suspended)
        self.kinds.fill(data.kinds, data.kind)
        if first:
            self.minutes = max(data.min_minutes, min(60, data.max_minutes))
        want, self._want = self._want, None
        self.calendar.set_model(data.day)
        if self._scroll_to is not None:
            rid, start = self._scroll_to
            self._scroll_to = None
            self.calendar.scroll_to(start, rid)
        elif first:
            self.calendar.scroll_to(max(self._ctx.now(), data.day.bounds.start))
        self.day_label.setText(self._ctx.fmt.short_date(self.day))
        self.duration.setText(self._ctx.fmt.duration(timedelta(minutes=self.minutes)))
        last = self._last_day(data)
        self.controls.next_day.setEnabled(last is None or self.day < last)
        notes = day_notes(data, self.day, last, self._ctx.fmt)
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        note = dst_note(data.day, self._ctx.fmt)
        self.dst.setText(note)
        self.dst.setVisible(bool(note))
        if want is not None and any(r.id == want[1] for r in data.day.columns):
            self._select(want[1], want[2])
        else:
            self._show_pick()

    def _last_day(self, data: BookData) -> date | None:
        return last_bookable_day(data, self._ctx.site.timezone, self._ctx.now())

    def _choose_kind(self, kind: str) -> None:
        self.pick = None
        self._reset_feedback()
        self.reload(kind)

    def _on_changed(self, changes: Changes) -> None:
        if changes.calendar and self.isVisible() and self.member is not None:
            self.reload()

    def _on_recheck(self) -> None:
        if self.member is not None:
            if self.day < self._ctx.today():  # past days are not offered
                self.day, self.pick = self._ctx.today(), None
            self.reload()

    # -- controls ---------------------------------------------------------------------
    def _shift(self, days: int) -> None:
        last = self._last_day(self.data) if self.data else None
        self.day = max(self._ctx.today(), self.day + timedelta(days=days))
        if last is not None:
            self.day = min(self.day, last)
        self.pick = None
        self._reset_feedback()
        self.reload()

    def _resize(self, steps: int) -> None:
        if self.data is None:
            return
        d = self.data
        self.minutes = max(d.min_minutes, min(d.max_minutes, self.minutes + steps * d.slot_minutes))
        self.duration.setText(self._ctx.fmt.duration(timedelta(minutes=self.minutes)))
        if self.pick is not None:
            self._select(self.pick[0], self.pick[1].start)

    def _on_slot(self, resource_id: str, span: Interval) -> None:
        self._reset_feedback()
        self._select(resource_id, span.start)
        if self.wait_button.isVisible():  # taken: the waitlist, and the nearest free times
            self._suggest_near(span.start)

    def _suggest_near(self, start: datetime) -> None:
        if self.data is not None and self.member is not None:
            after = max(start, self._ctx.now())
            self._ctx.bridge.read(book_calls.first_free(self.data.kind, self.member.id,
                                                        self.minutes, after, limit=3),
                                  self._on_near_found, guard=self._ctx.session.guard(),
                                  latest="book-near")

    def _on_near_found(self, found: list[tuple[Resource, Interval]]) -> None:
        if self.pick is None or not self.wait_button.isVisible():
            return  # another time was picked meanwhile
        self.suggestions.offer_free(found)

    def _select(self, resource_id: str, start: datetime) -> None:
        span = Interval(start, start + timedelta(minutes=self.minutes))
        self.pick = (resource_id, span)
        self._intent = str(uuid.uuid4())  # one booking per intent, however many taps
        self._show_pick()

    def _resource(self, resource_id: str) -> Resource | None:
        return next((r for r in self.data.day.columns if r.id == resource_id), None) \
            if self.data else None

    def _show_pick(self) -> None:
        if self.pick is None or self.data is None:
            self.calendar.set_selection(None, None)
            self.summary.setText(self.tr("Tap a free time on the calendar."))
            self.book_button.setEnabled(False)
            self.wait_button.hide()
            return
        rid, span = self.pick
        self.calendar.set_selection(rid, span)
        resource = self._resource(rid)
        name = resource.name if resource else "?"
        self.summary.setText(self.tr("{0}, {1} ({2})").format(
            name, self._ctx.fmt.span_with_day(span, self._ctx.today()),
            self._ctx.fmt.duration(span.duration)))
        taken = any(self.data.day.state_at(rid, t) in (CellState.TAKEN, CellState.PENDING)
                    for t in (span.start, span.end - timedelta(minutes=1)))
        self.book_button.setText(self.tr("Move here") if self.moving else self.tr("Book it"))
        self.book_button.setEnabled(not taken or self.moving is not None)
        self.wait_button.setVisible(taken and self.moving is None)
        if taken:
            self.message.setText(self.tr("That time is taken. You can join the waitlist."))
            self.message.show()

    def _reset_feedback(self) -> None:
        self._acted += 1  # the member moved on: answers to what they asked before are stale
        for w in (self.message, self.error):
            w.clear()
            w.hide()
        self.feedback.clear()
        self.suggestions.clear()
        self.book_button.setEnabled(False)
        self.wait_button.hide()

    # -- writes ---------------------------------------------------------------------------
    def _on_book(self) -> None:
        if self.pick is None or self.member is None:
            return
        rid, span = self.pick
        member, staff, moving, intent = self.member, self.staff, self.moving, self._intent
        self.book_button.setEnabled(False)
        call: Call[Applied[Reservation] | Refusal]
        if moving is not None:
            call = partial(book_calls.move, moving.id, span, staff)
        else:
            call = partial(book_calls.book, rid, member.id, span, staff, intent)
        self._ctx.bridge.write(call, self._on_booked, key=f"book:{intent}",
                               guard=self._ctx.session.guard(), on_error=self._on_failed)

    def _on_booked(self, result: Applied[Reservation] | Refusal) -> None:
        if isinstance(result, Refusal):
            self._show_refusal(result)
            return
        reservation = result.value
        moved = self.moving is not None
        self.pick = None
        self._show_pick()
        self.calendar.scroll_to(reservation.interval.start)  # the card and the calendar agree
        detail = self.summary_for(reservation)
        if moved:
            self.feedback.done(self.tr("Moved"), detail)
        else:  # taking back a booking made seconds ago is cancelling it, which nobody awaits
            self.feedback.done(self.tr("Booked. See you then!"), detail,
                               undo=partial(self._undo_booking, reservation, detail))
        self.booked.emit(reservation)

    def _undo_booking(self, reservation: Reservation, detail: str) -> None:
        rid = reservation.id
        self._ctx.bridge.write(
            lambda svc: svc.reservations.cancel(rid),
            lambda result: self.feedback.refused(refusal_text(result), detail)
            if isinstance(result, Refusal) else self.feedback.done(
                self.tr("Booking undone: the time is free again."), detail),
            key=f"undo:{rid}", guard=self._ctx.session.guard(), on_error=self._on_failed)

    def summary_for(self, res: Reservation) -> str:
        """What and when: ``"Table saw 1 · Tue 2 Jun 9:00–11:00 AM (2 h)"``."""
        resource = self._resource(res.resource_id)
        fmt = self._ctx.fmt
        when = f"{fmt.span_on_day(res.interval)} ({fmt.duration(res.interval.duration)})"
        return f"{resource.name} · {when}" if resource else when

    def _on_failed(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self._show_pick()

    def _show_refusal(self, refusal: Refusal) -> None:
        self.error.setText(refusal_text(refusal))
        self.error.show()
        self.suggestions.offer_alternatives(self.pick[0] if self.pick else "",
                                            refusal.alternatives)
        self._show_pick()
        if refusal.code == RefusalCode.CONFLICT and self.moving is None and self.pick:
            self.wait_button.show()  # the refusal offers the waitlist: so does a button

    def _take(self, resource_id: str, span: Interval) -> None:
        """A suggestion picked: select it and show it on the calendar (its day, its
        column, its time), so what is about to be booked is what is seen."""
        self.minutes = span.minutes
        self.duration.setText(self._ctx.fmt.duration(span.duration))
        self._reset_feedback()
        self._select(resource_id, span.start)
        if localtime.local_date(self._ctx.site.timezone, span.start) != self.day:
            self.day = localtime.local_date(self._ctx.site.timezone, span.start)
            self._scroll_to = (resource_id, span.start)
            self.reload()
        else:
            self.calendar.scroll_to(span.start, resource_id)

    def _on_soonest(self) -> None:
        if self.data is not None and self.member is not None:
            # an answer that comes after the member did something else (another day, a
            # time tapped) would undo what they see: it is dropped
            asked, same_member = self._acted, self._ctx.session.guard()
            self._ctx.bridge.read(book_calls.first_free(self.data.kind, self.member.id,
                                                        self.minutes, self._ctx.now(), limit=4),
                                  self._on_soonest_found, on_error=self._on_failed,
                                  guard=lambda: same_member() and asked == self._acted,
                                  latest="book-soonest")

    def _on_soonest_found(self, found: list[tuple[Resource, Interval]]) -> None:
        self._reset_feedback()
        self.suggestions.offer_free(found)
        self.message.setText(self.tr("Nothing of this kind is free for that long soon."))
        self.message.setVisible(not found)

    def _on_join(self) -> None:
        if self.pick is None or self.member is None:
            return
        (rid, span), member = self.pick, self.member
        self.wait_button.setEnabled(False)
        self._ctx.bridge.write(lambda svc: svc.waitlist.join(rid, member.id, span),
                               self._on_joined, key=f"join:{self._intent}",
                               guard=self._ctx.session.guard(), on_error=self._on_failed)

    def _on_joined(self, result: object) -> None:
        self.wait_button.setEnabled(True)
        if isinstance(result, Refusal):
            self._show_refusal(result)
            return
        entry = cast(WaitlistEntry, getattr(result, "value", result))
        self._ctx.bridge.read(lambda svc: svc.waitlist.position(entry.id), self._on_position,
                              guard=self._ctx.session.guard())

    def _on_position(self, position: int | None) -> None:
        self.pick = None  # a reload must not bring back the "join the waitlist" prompt
        self._show_pick()
        self.message.setText(self.tr(
            "You are number {0} on the waitlist. If the slot frees up, it is held for you "
            "for a while: we show it here when you sign in, and email you."
        ).format(position or "?"))
        self.message.show()

