"""``kiosk screenshots --out DIR``: drive the real kiosk through every screen and state and
save each at 1280×800 and 1920×1080 (offscreen) as PNG, for the user guides.

The run works on a scratch copy of the cache with the clock stopped at the demo's "now"
(``screenshot_seed``), taps buttons, keys and calendar slots as a finger would, and
changes only what no screen can yet (the sync layer's state, the feature flag, a booking
cancelled elsewhere) through the store and the service.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QScrollArea, QWidget

from kiosk.core import localtime
from kiosk.core.model import Interval, Member
from kiosk.store.db import Store, open_store
from kiosk.store.service import KioskService
from kiosk.ui import screenshot_seed as seed
from kiosk.ui.app import Kiosk, build_kiosk
from kiosk.ui.calendar_model import Block, CellState

SIZES = ((1280, 800), (1920, 1080))
LEFT = Qt.MouseButton.LeftButton
DEMO_STAFF_PIN = "2468"


def settle(app: QApplication, seconds: float = 0.25) -> None:
    """Let queued reads and writes finish and their results paint."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)


class Director:
    """Walks one kiosk through the scenes and saves a picture of each at every size."""

    def __init__(self, kiosk: Kiosk, store: Store, svc: KioskService, *,
                 clock: seed.StoppedClock, out_dir: Path, sizes: Iterable[tuple[int, int]]) -> None:
        self.k, self.w, self.store, self.svc, self.clock = kiosk, kiosk.window, store, svc, clock
        self.app, self.out, self.sizes = kiosk.app, out_dir, tuple(sizes)
        self.written: list[Path] = []
        self.t0 = clock.now

    # -- primitives -------------------------------------------------------------------
    def snap(self, name: str) -> None:
        self.k.ctx.status.poll()  # what the strip shows within its 10 s poll
        for width, height in self.sizes:
            self.w.resize(width, height)
            settle(self.app, 0.2)
            path = self.out / f"{name}-{width}x{height}.png"
            self.w.grab().save(str(path))
            self.written.append(path)
        self.w.resize(*self.sizes[0])

    def wait(self, ready: Callable[[], object], timeout: float = 8.0) -> None:
        end = time.monotonic() + timeout
        while not ready():
            if time.monotonic() > end:
                shown = [lab.text() for lab in self.w.findChildren(QLabel) if lab.isVisible()]
                raise RuntimeError(f"the kiosk did not reach the state {ready!r}: {shown}")
            self.app.processEvents()
            time.sleep(0.005)
        settle(self.app, 0.15)

    def tap(self, widget: QWidget) -> None:
        if not (widget.isVisible() and widget.isEnabled()):
            raise RuntimeError(f"cannot tap {widget.accessibleName()!r}")
        self.swipe_to(widget)
        centre = widget.mapToGlobal(widget.rect().center())
        if isinstance(widget, QPushButton) and not widget.screen().geometry().contains(centre):
            # off the (virtual) screen a finger-scroll area cannot find the button again
            # when it replays the press, so press it the way the accessibility layer does
            widget.click()
        else:
            QTest.mouseClick(widget, LEFT)
        settle(self.app, 0.05)

    def swipe_to(self, widget: QWidget) -> None:
        """Scroll every finger-scroll area around ``widget`` until it is in view."""
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                parent.ensureWidgetVisible(widget)
                settle(self.app, 0.05)
            parent = parent.parentWidget()

    def button(self, root: QWidget, key: str) -> QPushButton:
        """The visible button under ``root`` with this object or accessible name."""
        for b in root.findChildren(QPushButton):
            if b.isVisible() and key in (b.objectName(), b.accessibleName()):
                return b
        raise RuntimeError(f"no visible button {key!r}")

    def keys(self, pad: QWidget, digits: str) -> None:
        for digit in digits:
            self.tap(self.button(pad, f"key{digit}"))

    def tap_slot(self, resource_id: str, start: datetime) -> None:
        cal = self.w.book.calendar
        cal.scroll_to(start)
        settle(self.app, 0.05)
        rect = cal.cell_rect(resource_id, Interval(start, start + timedelta(minutes=1)))
        QTest.mouseClick(cal.viewport(), LEFT, pos=QPoint(rect.center().x(), rect.top() + 10))
        settle(self.app, 0.1)

    def status(self, *, online: bool, last_success: datetime | None) -> None:
        seed.set_sync_state(self.store, online=online, last_success=last_success)
        self.k.ctx.status.poll()

    # -- scenes ------------------------------------------------------------------------
    def run(self, member: Member | None) -> list[Path]:
        self.status(online=True, last_success=self.t0 - timedelta(minutes=2))
        self.w.go_home()
        self.wait(lambda: self.w.home.calendar.model.columns)
        self.snap("home")
        if member is not None:
            self.member_scenes(member)
        self.staff_scenes(member)
        self.flag_off(member)
        self.status(online=False, last_success=self.t0 - timedelta(minutes=40))
        self.w.home.reload()
        settle(self.app, 0.3)
        self.snap("home-offline")
        return self.written

    def sign_in(self, number: str) -> None:
        idf = self.w.identify
        self.tap(self.button(self.w.home, "signIn"))
        self.keys(idf.number_pad, number)
        self.snap("sign-in-number")
        self.tap(idf.number_pad.ok_button)
        self.keys(idf.pin_pad, number)
        self.snap("sign-in-pin")
        self.tap(idf.pin_pad.ok_button)
        self.wait(lambda: self.w.current() is self.w.member and self.w.member.data)

    def member_scenes(self, member: Member) -> None:
        self.sign_in(member.number)
        self.wait(self.w.member.message.isVisible, timeout=3)
        self.snap("member-checked-in")
        self.open_book("table_saw")
        self.book_scenes(member)
        self.tap(self.button(self.w.book, "bookBack"))
        self.wait(lambda: self.w.member.data and self.w.member.data.offers)
        self.snap("member")
        self.still_there()
        self.dst_scenes()
        self.tap(self.button(self.w.member, "done"))

    def open_book(self, kind: str) -> None:
        book = self.w.book
        self.tap(self.w.member.book_button)
        self.wait(lambda: self.w.current() is book and book.data)
        if book.data is not None and book.data.kind != kind:
            self.tap(self.button(book, f"kind_{kind}"))
            self.wait(lambda: book.data and book.data.kind == kind)

    def book_scenes(self, member: Member) -> None:
        """A refused booking with suggestions; a taken slot; joining its waitlist; and an
        offer, when someone elsewhere cancels a second slot this member waits for."""
        book = self.w.book
        for _day in range(5):
            plan = self._plan()
            if plan is not None:
                break
            self.tap(self.button(book, "nextDay"))
            self.wait(lambda: book.data and book.data.day.day == book.day)
        else:
            return
        (rid, after), first, second = plan
        self.tap_slot(rid, after)
        self.tap(book.book_button)
        self.wait(book.error.isVisible)
        self.snap("book-refused")
        self.tap_slot(first.resource_id, first.span.start)
        self.wait(book.wait_button.isVisible)
        self.snap("book-taken")
        self.tap(book.wait_button)
        self.wait(lambda: book.pick is None and book.message.isVisible()
                  and not book.wait_button.isVisible())
        self.snap("book-waitlist-joined")
        self.tap(self.button(book, "soonest"))
        self.wait(lambda: [b for b in book.findChildren(QPushButton, "alternative")
                           if b.isVisible()])
        self.tap(self.button(book, "alternative"))
        self.tap(book.book_button)
        self.wait(book.feedback.isVisible)
        self.snap("book-booked")
        self.svc.waitlist.join(second.resource_id, member.id, second.span)
        self.svc.reservations.cancel(second.reservation_id)

    def _plan(self) -> tuple[tuple[str, datetime], Block, Block] | None:
        """A free hour right after someone's booking (refused for the buffer), and two
        other people's bookings still to come, on the book screen's day."""
        data = self.w.book.data
        if data is None:
            return None
        day, hour, now = data.day, timedelta(minutes=59), self.clock.now
        taken = [b for r in day.columns for b in day.blocks(r.id)
                 if b.state == CellState.TAKEN and b.span.start > now + timedelta(hours=1)]
        after = next(((b.resource_id, b.span.end) for b in taken
                      if all(day.state_at(b.resource_id, t) == CellState.FREE
                             for t in (b.span.end, b.span.end + hour))), None)
        later = [b for b in taken if after is None or b.span.end != after[1]]
        if after is None or len(later) < 2:
            return None
        return after, later[0], later[-1]

    def still_there(self) -> None:
        """The warning before the privacy sign-out, over the member's screen."""
        idle = self.k.idle
        idle.set_timeout(15.2, warn=15)
        idle.arm()
        self.wait(self.w.still_there.isVisible)
        self.snap("still-there")
        self.tap(self.button(self.w.still_there, "stillHere"))
        idle.set_timeout(600)
        idle.arm()

    def dst_scenes(self) -> None:
        """The nights the clocks change this year, seen from just before midnight."""
        zone = self.svc.reads.site().timezone
        year = self.t0.year
        span = Interval(datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC))
        for change in localtime.transitions_between(zone, span):
            self.clock.now = change.at - timedelta(hours=1, minutes=40)
            hours = 24 - change.shift.total_seconds() / 3600
            self.open_book("garden_plot")
            book = self.w.book
            for _ in range(2 if hours > 24 else 1):
                self.tap(self.button(book, "longer"))
            first = book.data.day.columns[0].id if book.data else ""
            self.tap_slot(first, change.at - timedelta(hours=1))
            self.w.book.calendar.scroll_to(change.at - timedelta(hours=2))
            self.snap(f"book-dst-{hours:g}h")
            self.tap(self.button(book, "bookBack"))
        self.clock.now = self.t0
        self.w.member.reload()
        settle(self.app, 0.2)

    def staff_scenes(self, member: Member | None) -> None:
        staff = self.w.staff
        if member is not None:
            seed.add_rejection(self.store, self.svc, member, self.t0)
        self.status(online=True, last_success=self.t0 - timedelta(minutes=2))
        self.tap(self.button(self.w.home, "staff"))
        self.snap("staff-pin")
        self.keys(staff.gate, DEMO_STAFF_PIN)
        self.tap(staff.gate.ok_button)
        self.wait(lambda: staff.stack.currentIndex() == 1)
        self.snap("staff-sheet")
        for page in ("waitlist", "sync", "settings", "leave"):
            self.tap(self.button(staff, f"page_{page}"))
            settle(self.app, 0.3)
            self.snap(f"staff-{page}")
        self.tap(self.button(staff, "page_walkin"))
        QTest.keyClicks(staff.search, "Ada")
        self.tap(self.button(staff, "searchMembers"))
        self.wait(lambda: staff.findChildren(QPushButton, "chooseMember"))
        self.snap("staff-walkin-search")
        self.tap(self.button(staff, "chooseMember"))
        self.wait(lambda: [b for b in staff.findChildren(QPushButton, "walkInBook")
                           if b.isVisible()])
        self.snap("staff-walkin")
        self.pin_lockout()
        self.tap(self.button(staff, "exitStaff"))

    def pin_lockout(self) -> None:
        """A burst of wrong PINs at this kiosk (through the service: typing them is no
        scene), the unlock card on the sheet, then unlocked with a tap."""
        staff = self.w.staff
        self.svc.access.set_kiosk_setting("pin_burst_attempts", 5)
        for _ in range(5):
            self.svc.access.verify_pin("1001", "0000")
        self.tap(self.button(staff, "page_sheet"))
        self.wait(staff.pin_lockout.isVisible)
        settle(self.app, 0.3)  # the sheet's rows arrive on their own and scroll to now
        self.snap("staff-pin-lockout")
        self.tap(self.button(staff, "clearPinLockout"))
        self.wait(lambda: not staff.pin_lockout.isVisible())

    def flag_off(self, member: Member | None) -> None:
        site = self.svc.reads.site()
        self.svc.access.set_flag("site", site.id, False)
        self.w.home.reload()
        self.wait(self.w.home.flag_off.isVisible)
        self.snap("home-flag-off")
        if member is not None:
            self.w.start_member(member)
            self.wait(lambda: self.w.member.data and not self.w.member.data.flag_enabled)
            self.snap("member-flag-off")
            self.tap(self.button(self.w.member, "done"))
        self.svc.access.set_flag("site", site.id, True)


def render_all(out_dir: Path, db_path: Path,
               sizes: Iterable[tuple[int, int]] = SIZES, language: str = "en") -> list[Path]:
    """Render every screen and state at every size into ``out_dir`` in ``language``;
    returns the files. ``db_path`` (a demo cache) is copied first and never changed."""
    sizes = tuple(sizes)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as scratch:
        app = _application(Path(scratch), max(w for w, _ in sizes), max(h for _, h in sizes))
        store = open_store(seed.scratch_copy(db_path, Path(scratch)))
        try:
            return _render(app, store, out_dir, sizes, language)
        finally:
            store.close()


def _application(scratch: Path, width: int, height: int) -> QApplication:
    """The running QApplication, or a new one on an offscreen screen big enough for the
    largest picture (the default offscreen screen is 800×800)."""
    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        if os.environ["QT_QPA_PLATFORM"] == "offscreen":
            config = scratch / "screen.json"
            config.write_text(json.dumps({"screens": [{
                "name": "kiosk", "x": 0, "y": 0, "width": width, "height": height,
                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
            os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
        app = QApplication([])
    assert isinstance(app, QApplication)
    return app


def _render(app: QApplication, store: Store, out_dir: Path,
            sizes: Iterable[tuple[int, int]], language: str) -> list[Path]:
    member = KioskService(store).reads.member_by_number("1001")
    clock = seed.StoppedClock(seed.demo_now(KioskService(store), member))
    svc = KioskService(store, clock=clock)
    if member is not None:
        seed.ensure_booking_now(svc, member, clock.now)
    kiosk = build_kiosk(app, svc, windowed=True, language=language, now=clock,
                        idle_seconds=600)
    try:
        kiosk.window.resize(*next(iter(sizes)))
        kiosk.window.show()
        return Director(kiosk, store, svc, clock=clock, out_dir=out_dir, sizes=sizes).run(member)
    finally:
        kiosk.close()
