"""The attract screen: site name, clock, today's calendar, what is free now, how to begin.

The calendar shows one page of at most ``HOME_PAGE_SIZE`` resources (whole kinds while
they fit), with Previous / Next to turn pages; its data is read off the GUI thread after
the first frame has been shown."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.core.changes import Changes
from kiosk.ui.calendar_model import CellState, DayModel
from kiosk.ui.calendar_view import DayCalendar, legend
from kiosk.ui.context import UiContext
from kiosk.ui.fmt import kind_label
from kiosk.ui.i18n import LANGUAGE_NAMES
from kiosk.ui.loaders import HOME_PAGE_SIZE, HomeData, HomePage, load_home
from kiosk.ui.screens.dst_note import dst_note
from kiosk.ui.widgets import button, card, label


class HomeScreen(QWidget):
    """Shown to whoever walks up.

    Signals:
        sign_in_requested(): the member tapped "Sign in with number".
        staff_requested(): staff tapped the staff button.
        language_requested(str): a person tapped a language ("en", "es").
        slot_requested(object, object): a time was tapped on the calendar: the
            ``Resource`` and the slot's ``Interval`` (sign in, then book it).
        loaded(): the calendar (or the paused notice) shows the cache's data.
    """

    sign_in_requested = Signal()
    staff_requested = Signal()
    language_requested = Signal(str)
    slot_requested = Signal(object, object)
    loaded = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setAccessibleName(self.tr("Welcome screen"))
        self.site_name = label(ctx.site.name, "title", name="siteName")
        self.clock = label("", "clock", wrap=False, name="clock")
        self.date = label("", "large")
        self.dst = label("", "warning", name="dstNote")
        self.dst.hide()
        empty = DayModel(ctx.site.timezone, ctx.today(), [])
        self.calendar = DayCalendar(empty, ctx.theme, ctx.fmt, ctx.now)
        self.calendar.slot_tapped.connect(self._on_slot)
        self.flag_off = label(self.tr(
            "Booking at the kiosk is paused for now. Your existing bookings are kept: "
            "sign in to check in or to see them."), "message", name="flagOff")
        self.flag_off.hide()
        self.free_now = label("", "large", name="freeNow")
        self.page, self.page_size = 0, HOME_PAGE_SIZE
        self.pages: tuple[HomePage, ...] = ()
        self.page_label = label("", "large", wrap=False, name="homePage")
        self.prev_page = button(self.tr("◀ Previous"), name=self.tr("Previous resources"),
                                object_name="homePrevious", on_click=lambda: self.turn(-1))
        self.next_page = button(self.tr("Next ▶"), name=self.tr("Next resources"),
                                object_name="homeNext", on_click=lambda: self.turn(1))
        self._pager = QWidget()
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._on_tick)
        self._build()
        ctx.bridge.changed.connect(self._on_changed)
        # each status poll re-reads the flag and what is free now, so an idle screen
        # honours a flag flip within one poll and never shows a stale "free now"
        ctx.status.changed.connect(self._on_status)

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.site_name, 1)
        top.addWidget(self.clock)
        begin = card(
            label(self.tr("How to begin"), "large"),
            label(self.tr("Scan your member card at any time, or tap Sign in.")),
            button(self.tr("Sign in"), kind="primary",
                   object_name="signIn", on_click=self.sign_in_requested.emit),
        )
        side = QVBoxLayout()
        side.addLayout(self._languages())
        side.addWidget(card(label(self.tr("Free right now"), "large"), self.free_now))
        side.addWidget(begin)
        side.addStretch(1)
        side.addWidget(button(self.tr("Staff"), name=self.tr("Staff mode"),
                              object_name="staff", on_click=self.staff_requested.emit))
        pager = QHBoxLayout(self._pager)
        pager.setContentsMargins(0, 0, 0, 0)
        pager.addWidget(self.prev_page)
        pager.addWidget(self.page_label, 1, Qt.AlignmentFlag.AlignCenter)
        pager.addWidget(self.next_page)
        self._pager.hide()
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.dst)
        left.addWidget(self._pager)
        left.addWidget(self.calendar, 1)
        self.legend = legend(self._ctx.theme, (CellState.FREE, CellState.TAKEN, CellState.CLOSED))
        left.addWidget(self.legend)
        left.addWidget(self.flag_off)
        body.addLayout(left, 5)
        body.addLayout(side, 2)
        root = QVBoxLayout(self)
        root.addLayout(top)
        root.addWidget(self.date)
        root.addLayout(body, 1)

    def _languages(self) -> QHBoxLayout:
        """One button per language, each written in its own language (so whoever needs
        it can read it), the one in use highlighted."""
        row = QHBoxLayout()
        current = self._ctx.languages.current
        for code, name in LANGUAGE_NAMES.items():
            chip = button(name, object_name=f"lang_{code}",
                          on_click=partial(self.language_requested.emit, code))
            chip.setCheckable(True)
            chip.setChecked(code == current)
            row.addWidget(chip)
        return row

    def _on_slot(self, resource_id: str, span: object) -> None:
        resource = next((r for r in self.calendar.model.columns if r.id == resource_id), None)
        if resource is not None:
            self.slot_requested.emit(resource, span)

    # -- data ---------------------------------------------------------------------
    def reload(self) -> None:
        zone, now, page, size = self._ctx.site.timezone, self._ctx.now(), self.page, self.page_size
        self._ctx.bridge.read(lambda svc: load_home(svc, zone, now, page, size), self._on_loaded,
                              latest="home")

    def turn(self, step: int) -> None:
        """Show the previous (-1) or next (+1) page of resources."""
        self.page = max(0, min(self.page + step, len(self.pages) - 1))
        self._show_pager()
        self.reload()

    def _show_pager(self) -> None:
        count = len(self.pages)
        self._pager.setVisible(count > 1 and not self.calendar.isHidden())
        self.prev_page.setEnabled(self.page > 0)
        self.next_page.setEnabled(self.page < count - 1)
        if count:
            kinds = ", ".join(kind_label(k) for k in self.pages[self.page].kinds)
            self.page_label.setText(self.tr("{0} · {1} of {2}").format(
                kinds, self.page + 1, count))

    def _on_loaded(self, data: HomeData) -> None:
        enabled = data.day is not None
        self.calendar.setVisible(enabled)
        self.legend.setVisible(enabled)
        self.flag_off.setVisible(not enabled)
        self.pages, self.page = data.pages, data.page
        self._show_pager()
        if data.day is not None:
            turned = [r.id for r in data.day.columns] != [r.id for r in self.calendar.model.columns]
            first_load = not self.calendar.model.columns
            self.calendar.set_model(data.day)
            if turned:
                self.calendar.horizontalScrollBar().setValue(0)
            if first_load:
                self.calendar.scroll_to(self._ctx.now())
            note = dst_note(data.day, self._ctx.fmt)
            self.dst.setText(note)
            self.dst.setVisible(bool(note))
        names = [r.name for r in data.free_now]
        shown = ", ".join(names[:4]) + (self.tr(" and {0} more").format(len(names) - 4)
                                        if len(names) > 4 else "")
        self.free_now.setText(shown or self.tr("Nothing is free this minute."))
        self.loaded.emit()

    def _on_changed(self, changes: Changes) -> None:
        if (changes.calendar or changes.flag) and self.isVisible():
            self.reload()

    def _on_status(self, _status: object) -> None:
        # the periodic refresh (a flag's grace running out, 'free now'); a read on its way
        # will answer with the same (the first status arrives while the first read runs)
        if self.isVisible() and not self._ctx.bridge.reading("home"):
            self.reload()

    # -- clock ----------------------------------------------------------------------
    def _on_tick(self) -> None:
        now = self._ctx.now()
        self.clock.setText(self._ctx.fmt.time(now))
        self.date.setText(self._ctx.fmt.date(self._ctx.today()))
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight)

    def showEvent(self, event: QShowEvent) -> None:
        self._on_tick()
        self._tick.start()
        # read after this frame is on screen: the first paint never waits on the store
        QTimer.singleShot(0, self.reload)

    def hideEvent(self, event: QHideEvent) -> None:
        self._tick.stop()
