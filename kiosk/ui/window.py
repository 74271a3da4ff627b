"""The kiosk window: one stack of screens, a message banner, the status strip, and the
flows that join them (scan → check in, sign in, book, staff, idle sign-out)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.core.model import Interval, Member, MemberStatus, Reservation, Resource
from kiosk.ui.context import UiContext
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.loaders import local_names
from kiosk.ui.lockdown import KioskLock
from kiosk.ui.scanner import CardScanner, ScanRejection
from kiosk.ui.screens.book import BookScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.identify import IdentifyScreen
from kiosk.ui.screens.member import MemberScreen
from kiosk.ui.screens.staff import StaffScreen
from kiosk.ui.status import StatusStrip
from kiosk.ui.still_there import StillThere
from kiosk.ui.widgets import label, refusal_text, set_role


class KioskWindow(QWidget):
    """The top-level window. Emits no signals of its own; screens do."""

    def __init__(self, ctx: UiContext, *, scanner: CardScanner, idle: IdleWatcher,
                 lock: KioskLock, idle_seconds: int = 60) -> None:
        super().__init__()
        self.ctx, self.scanner, self.idle, self.lock = ctx, scanner, idle, lock
        self.idle_seconds = idle_seconds
        self.setWindowTitle(ctx.site.name)
        self.banner = label("", "message", name="banner")
        self.banner.hide()
        self._banner_timer = QTimer(self, singleShot=True, interval=10_000)
        self._banner_timer.timeout.connect(self.banner.hide)
        self.stack = QStackedWidget()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(24, 16, 24, 0)
        self._layout.addWidget(self.banner)
        self._layout.addWidget(self.stack, 1)
        self._build_screens()
        self._wire()
        self._closed = False
        self._checked = self._notice = ""
        self._wanted: tuple[Resource, Interval] | None = None  # tapped before signing in

    def _build_screens(self) -> None:
        """Every screen and the status strip, in the current language (built again,
        empty, when the language changes: all their text comes from their constructors)."""
        ctx = self.ctx
        self.setAccessibleName(self.tr("Reservation kiosk"))
        self.home = HomeScreen(ctx)
        self.identify = IdentifyScreen(ctx)
        self.member = MemberScreen(ctx)
        self.book = BookScreen(ctx)
        self.staff = StaffScreen(ctx, self.idle_seconds)
        for screen in (self.home, self.identify, self.member, self.book, self.staff):
            self.stack.addWidget(screen)
        self.strip = StatusStrip(ctx.status, ctx.fmt)
        self._layout.addWidget(self.strip)
        self.still_there = StillThere(self)
        self.still_there.still_here.connect(self.idle.arm)
        self.still_there.sign_out.connect(self.end_session)
        if ctx.status.current is not None:
            self.strip.show_status(ctx.status.current)
        self._wire_screens()

    def _wire_screens(self) -> None:
        self.home.sign_in_requested.connect(lambda: self.show_screen(self.identify))
        self.home.staff_requested.connect(self._on_staff)
        self.home.language_requested.connect(self.ctx.languages.use)
        self.home.slot_requested.connect(self._on_home_slot)
        self.identify.identified.connect(self.start_member)
        self.identify.cancelled.connect(self.go_home)
        self.member.book_requested.connect(self._on_book)
        self.member.done.connect(self.end_session)
        self.member.loaded.connect(self._read_rejections)
        self._rejections_of: str | None = None  # the member whose rejections to read
        self.book.back.connect(self._on_book_back)
        self.book.booked.connect(self._on_booked)
        self.staff.book_for.connect(lambda m: self._open_book(m, staff=True))
        self.staff.move_requested.connect(lambda m, r: self._open_book(m, staff=True, moving=r))
        self.staff.exit_staff.connect(self._on_staff_left)
        self.staff.leave_kiosk.connect(self._on_leave)
        self.staff.idle_seconds_changed.connect(self._on_idle_seconds)

    def _wire(self) -> None:
        self.scanner.scanned.connect(self.on_card)
        self.scanner.rejected.connect(self._on_scan_rejected)
        self.idle.timed_out.connect(self._on_idle)
        self.idle.warning.connect(self._on_idle_warning)
        self.idle.resumed.connect(self._on_idle_resumed)
        self.ctx.bridge.failed.connect(lambda text: self.say(text, error=True))
        self.ctx.languages.changed.connect(self._on_language)

    def _on_idle_seconds(self, seconds: int) -> None:
        self.idle_seconds = seconds
        self.idle.set_timeout(seconds)

    def _on_language(self, _language: str) -> None:
        """Rebuild the screens in the new language, on the screen the person was on
        (a switch happens on the welcome screen, or when a visit ends: no data is lost)."""
        was_home = self.current() is self.home
        old: list[QWidget] = [self.home, self.identify, self.member, self.book, self.staff]
        for screen in [*old, self.strip, self.still_there]:
            self.stack.removeWidget(screen)
            self._layout.removeWidget(screen)
            screen.hide()
            screen.setParent(None)
            screen.deleteLater()
        self._build_screens()
        self.banner.hide()
        self.show_screen(self.home if was_home or self.ctx.session.member is None
                         else self.member)

    # -- navigation ---------------------------------------------------------------------
    def show_screen(self, screen: QWidget) -> None:
        self.stack.setCurrentWidget(screen)
        # on the welcome screen only a language someone picked needs the timeout:
        # the next person finds the kiosk in its own language again
        if screen is self.home and self.ctx.languages.current == self.ctx.languages.default:
            self.idle.disarm()
        else:
            self.idle.arm()

    # the warning is rebuilt with the screens (language): reach it through self each time
    def _on_idle_warning(self, seconds: int) -> None:
        self.still_there.start(seconds)

    def _on_idle_resumed(self) -> None:
        self.still_there.stop()

    def _on_idle(self) -> None:
        self.still_there.stop()
        self.end_session()

    def current(self) -> QWidget | None:
        return self.stack.currentWidget()

    def go_home(self) -> None:
        self._wanted = None
        self.identify.reset()
        self.show_screen(self.home)

    def say(self, text: str, *, error: bool = False) -> None:
        set_role(self.banner, "error" if error else "message")
        self.banner.setText(text)
        self.banner.show()
        self._banner_timer.start()

    # -- member flows -------------------------------------------------------------------
    def on_card(self, code: str) -> None:
        staff = self.ctx.session.staff and self.current() is self.staff
        self.ctx.bridge.read(lambda svc: svc.reads.member_by_card(code),
                             self.staff.select_member_or_none if staff else self._on_card_member)

    def _on_card_member(self, member: Member | None) -> None:
        if member is None:
            self.say(self.tr("This card is not known here. Please sign in with your member "
                             "number, or ask staff to link your card."), error=True)
            return
        self.start_member(member)

    def _on_home_slot(self, resource: Resource, span: Interval) -> None:
        """A time tapped on the welcome calendar: sign in, then that very time is
        chosen on the book screen, ready for Book it."""
        self.show_screen(self.identify)
        self._wanted = (resource, span)

    def start_member(self, member: Member) -> None:
        if self.ctx.session.staff:
            self._on_exit_staff()
        # first, while nothing of theirs is on screen: a switch rebuilds the screens
        self.ctx.languages.for_member(member.language)
        self.banner.hide()
        self._checked = self._notice = ""
        self.book.clear()  # another card mid-flow: nothing of the previous member stays
        self.ctx.session.start(member)
        self.member.show_member(member)
        self.show_screen(self.member)
        if member.status == MemberStatus.SUSPENDED:
            self.member.say(self.tr(
                "Your membership is paused after missed bookings, so you cannot book right "
                "now. You can still check in. Please see staff to lift the pause."))
        self.ctx.bridge.write(lambda svc: svc.reservations.check_in_member(member.id),
                              self._on_checked_in, key=f"checkin-member:{member.id}",
                              guard=self.ctx.session.guard(), on_error=self.member.say)
        # the server's rejections are read once the bookings are on screen: a read beside
        # theirs would share the threads (and the interpreter lock) with it
        self._rejections_of = member.id
        wanted, self._wanted = self._wanted, None
        if wanted is not None and member.status != MemberStatus.SUSPENDED:
            self.book.open_for(member, want=wanted)
            self.show_screen(self.book)

    def _read_rejections(self) -> None:
        member_id, self._rejections_of = self._rejections_of, None
        if member_id is not None:
            self.ctx.bridge.read(lambda svc: svc.sync.member_rejections(member_id),
                                 self._on_rejections, guard=self.ctx.session.guard())

    def _on_rejections(self, found: list[Any]) -> None:
        """Changes of this member's the server turned down: tell them once."""
        if not found:
            return
        count = len(found)  # a plain name: lupdate reads a call here as no plural
        # each reason in full, in the kiosk's language, once
        why = "; ".join(dict.fromkeys(refusal_text(r.refusal).rstrip(". ") for r in found))
        self._notice = self.tr("%n change made here could not be kept: {0}. Staff can help.",
                               "", count).format(why)
        self._say_member()
        ids = [r.id for r in found]
        self.ctx.bridge.write(lambda svc: svc.sync.mark_rejections_seen(ids), lambda _r: None)

    def _on_checked_in(self, applied: object) -> None:
        done: list[Reservation] = list(getattr(applied, "value", []) or [])
        if done:
            ids = sorted({r.resource_id for r in done})
            self.ctx.bridge.read(lambda svc: local_names(svc.reads.resource_names(ids)),
                                 lambda names: self._say_checked_in(done, names),
                                 guard=self.ctx.session.guard())

    def _say_checked_in(self, done: list[Reservation], names: dict[str, str]) -> None:
        """Which bookings the scan checked in to, by name and time, not only how many."""
        count = len(done)
        lines = [self.tr("You are checked in for %n booking. Enjoy!", "", count)]
        lines += [f"{names.get(r.resource_id, '?')} · {self.ctx.fmt.span(r.interval)}"
                  for r in done]
        self._checked = "\n".join(lines)
        self._say_member()

    def _say_member(self) -> None:
        """The check-in line and any notice of rejected changes, whichever came first."""
        self.member.say("\n".join(t for t in (self._checked, self._notice) if t))

    def end_session(self) -> None:
        """The visit is over (Done, the idle timeout): nothing of it stays on screen, and
        the kiosk speaks its own language again."""
        self.ctx.session.end()
        self._rejections_of = None
        if self.ctx.session.staff:
            self._on_exit_staff()
        self.member.clear()
        self.book.clear()
        self.go_home()
        self.ctx.languages.reset()

    def _on_book(self) -> None:
        member = self.ctx.session.member
        if member is not None:
            self._open_book(member)

    def _open_book(self, member: Member, *, staff: bool = False,
                   moving: Reservation | None = None) -> None:
        self.book.open_for(member, staff=staff, moving=moving)
        self.show_screen(self.book)

    def _on_book_back(self) -> None:
        self.show_screen(self.staff if self.ctx.session.staff else self.member)
        if not self.ctx.session.staff:
            self.member.reload()

    def _on_booked(self, reservation: Reservation) -> None:
        if self.ctx.session.staff:
            self.say(self.tr("Saved: {0}").format(self.book.summary_for(reservation)))

    def _on_scan_rejected(self, reason: str) -> None:
        if reason == ScanRejection.TYPED.value:
            return  # a person typing on a keyboard: not a card, nothing to say
        self.say(self.tr("That card could not be read. Please scan it again, or sign in "
                         "with your member number."), error=True)

    # -- staff ----------------------------------------------------------------------------
    def _on_staff(self) -> None:
        self.staff.lock()
        self.show_screen(self.staff)

    def _on_exit_staff(self) -> None:
        self.ctx.session.set_staff(False)
        self.staff.lock()
        self.book.clear()
        self.go_home()

    def _on_staff_left(self) -> None:
        """Staff tapped Exit (or Back at the PIN): the next person finds the kiosk in its
        own language."""
        self._on_exit_staff()
        self.ctx.languages.reset()

    def _on_leave(self) -> None:
        self.lock.release()
        self.close()

    # -- lifetime ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.lock.allow_close():
            event.ignore()
            return
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Stop timers and finish the bridge's work (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self.idle.disarm()
        self.ctx.status.stop()
        self.hide()
        self.ctx.bridge.shutdown()
        self._banner_timer.stop()  # after: answers delivered while draining may show one
