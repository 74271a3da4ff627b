"""The composition root: builds the kiosk's objects in a fixed order, passes each its
dependencies, shows the window, and on quit flushes and closes in reverse order.

Order: translation → theme → service → bridge → session/status → input filters
(scanner, idle, lock) → window. ``build_kiosk`` is shared by ``run``, the screenshot
renderer and the tests, so all three exercise the same wiring.

``run`` on a ready cache puts the welcome screen up first: the window is built from the
cache's first look (``kiosk.store.first_look``, no SQLAlchemy), and once it has painted,
the bridge opens the store on its writer thread and sync starts; screens' reads wait for
it off the GUI thread. This module imports neither the store's machinery nor sync's at
its top for that reason.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.core.changes import Changes
from kiosk.store.first_look import FirstLook, first_look
from kiosk.ui import i18n
from kiosk.ui.bridge import ServiceBridge
from kiosk.ui.context import UiContext
from kiosk.ui.fmt import Formatter, use_site_kind_names
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.lockdown import KioskLock
from kiosk.ui.quit_signals import QuitOnSignals
from kiosk.ui.scanner import CardScanner
from kiosk.ui.session import Session
from kiosk.ui.status import StatusModel
from kiosk.ui.theme import Theme, stylesheet
from kiosk.ui.window import KioskWindow

if TYPE_CHECKING:
    from kiosk.store.db import Store
    from kiosk.store.service import KioskService
    from kiosk.ui.sync_link import SyncLink

log = logging.getLogger(__name__)


def system_now() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class Kiosk:
    """Every long-lived UI object, for orderly shutdown (and for tests to reach in)."""

    app: QApplication
    window: KioskWindow
    ctx: UiContext
    scanner: CardScanner
    idle: IdleWatcher
    lock: KioskLock
    languages: i18n.LanguageSwitch

    def close(self) -> None:
        """Release the lock, close the window (which drains the bridge), remove filters."""
        self.lock.release()
        self.window.close()
        self.window.shutdown()
        for f in (self.scanner, self.idle, self.lock):
            f.uninstall(self.app)
        self.languages.close()
        use_site_kind_names({})


def choose_language() -> str:
    wanted = os.environ.get("KIOSK_LANG") or QLocale.system().name().split("_")[0]
    return wanted if wanted in i18n.LANGUAGES else "en"


@dataclass(frozen=True, slots=True)
class Opening:
    """A kiosk whose store opens after its first frame: what that frame needs, and how to
    open the service (run on the bridge's writer thread)."""

    look: FirstLook
    open: Callable[[], KioskService]


def build_kiosk(app: QApplication, service: Any, *, windowed: bool, language: str = "en",
                now: Callable[[], datetime] = system_now, idle_seconds: int = 60,
                clock: Callable[[], float] | None = None) -> Kiosk:
    """The kiosk's objects around ``service``: a ``KioskService``, or an ``Opening`` (the
    bridge opens the service when told to, and the kinds' names load once it has)."""
    languages = i18n.LanguageSwitch(app, language)
    theme = Theme()
    app.setStyleSheet(stylesheet(theme))
    if isinstance(service, Opening):
        site = service.look.site
        bridge = ServiceBridge(opener=service.open)
        _load_kind_names(bridge)
    else:
        site = service.reads.site()
        use_site_kind_names(service.reads.kind_names())
        bridge = ServiceBridge(service)
    _follow_kind_names(bridge)
    session = Session(bridge)
    status = StatusModel(bridge)
    fmt = Formatter(site.timezone)  # the default locale, which follows the language
    ctx = UiContext(site, bridge, session, status, theme, fmt, now, languages)
    scanner = CardScanner(clock=clock) if clock else CardScanner()
    idle = IdleWatcher(idle_seconds)
    lock = KioskLock(locked=not windowed)
    window = KioskWindow(ctx, scanner=scanner, idle=idle, lock=lock, idle_seconds=idle_seconds)
    for f in (scanner, idle, lock):  # after the window: its building is thousands of events
        f.install(app)
    status.start()
    return Kiosk(app, window, ctx, scanner, idle, lock, languages)


def _load_kind_names(bridge: ServiceBridge) -> None:
    bridge.read(lambda svc: svc.reads.kind_names(), use_site_kind_names, latest="kind-names")


def _follow_kind_names(bridge: ServiceBridge) -> None:
    """Kinds' labels follow the server's names: a pull that renamed one reloads them."""
    def reload(changes: Changes) -> None:
        if changes.kinds:
            _load_kind_names(bridge)

    bridge.changed.connect(reload)


def show(kiosk: Kiosk, *, windowed: bool) -> None:
    window = kiosk.window
    if windowed:
        window.resize(1280, 800)
        window.show()
        return
    window.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                          | Qt.WindowType.WindowStaysOnTopHint)
    window.showFullScreen()


def open_kiosk_store(db_path: Path) -> Store:
    """The cache as the touchscreen app opens it: a page cache per connection sized for
    an app that runs for days within its memory budget (the benchmark opens it so too)."""
    from kiosk.store.db import UI_CACHE_KIB, open_store  # noqa: PLC0415 (see the docstring)

    return open_store(db_path, cache_kib=UI_CACHE_KIB)


def open_kiosk_service(db_path: Path) -> KioskService:
    from kiosk.store.service import KioskService  # noqa: PLC0415 (see the docstring)

    return KioskService(open_kiosk_store(db_path))


class _AfterFirstPaint(QObject):
    """Calls ``then`` once ``widget`` has painted (the loop is back after the paint), or
    after ``limit_ms`` if it never does (a window the compositor keeps hidden)."""

    def __init__(self, widget: QWidget, then: Callable[[], None], limit_ms: int = 1000) -> None:
        super().__init__(widget)
        self._widget, self._then, self._done = widget, then, False
        widget.installEventFilter(self)
        self._limit = QTimer(self, singleShot=True, interval=limit_ms)
        self._limit.timeout.connect(self._fire)
        self._limit.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        if not self._done:
            self._done = True
            self._limit.stop()
            self._widget.removeEventFilter(self)
            self._then()


def run(db_path: Path, windowed: bool, look: FirstLook | None = None) -> int:
    """Start the kiosk on the cache at ``db_path``; returns the process exit code. A ready
    cache (see ``first_look``; ``look`` if the caller has taken it) opens behind the
    first frame; any other opens first."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("community-kiosk")
    look = look or first_look(db_path)
    service: KioskService | Opening
    if look is None:
        service = open_kiosk_service(db_path)
        idle = service.access.kiosk_setting("idle_seconds")
    else:
        service = Opening(look, partial(open_kiosk_service, db_path))
        idle = look.kiosk_setting("idle_seconds")
    bridge: ServiceBridge | None = None
    try:
        kiosk = build_kiosk(app, service, windowed=windowed, language=choose_language(),
                            idle_seconds=idle)
        bridge = kiosk.ctx.bridge
        return _run_kiosk(app, kiosk, db_path, windowed=windowed)
    finally:
        if bridge is not None and bridge.opened():
            bridge.service.store.close()
        elif not isinstance(service, Opening):
            service.store.close()  # the kiosk was never built around it


class _SyncStarter:
    """Starts sync once the welcome screen shows its data (or ``limit_ms`` after the store
    opened, if it never does): the first screen's reads do not share the machine with
    sync's imports and first round. Sync's modules (httpx, APScheduler) are imported on
    the bridge's read pool, so the GUI thread only builds the jobs."""

    def __init__(self, kiosk: Kiosk, db_path: Path, limit_ms: int = 2000) -> None:
        self._kiosk, self._db_path = kiosk, db_path
        self.links: list[SyncLink] = []
        self._asked = self._closing = False
        bridge = kiosk.ctx.bridge
        kiosk.window.home.loaded.connect(self.start)
        bridge.when_ready(lambda _service: QTimer.singleShot(limit_ms, self.start))

    def start(self) -> None:
        bridge = self._kiosk.ctx.bridge
        if self._asked or not bridge.opened():
            return
        self._asked = True
        bridge.read(lambda _svc: import_module("kiosk.ui.sync_link"), self._started,
                    guard=lambda: not self._closing)

    def _started(self, sync_link: Any) -> None:
        ctx = self._kiosk.ctx
        link = sync_link.start_sync(ctx.bridge.service.store, self._db_path, ctx.bridge,
                                    ctx.status)
        self.links.extend([link] if link is not None else [])

    def stop(self) -> None:
        """Stop sync with a last push (before the bridge drains); never start it now."""
        self._closing = True
        for link in self.links:
            link.stop()


def _run_kiosk(app: QApplication, kiosk: Kiosk, db_path: Path, *, windowed: bool) -> int:
    bridge = kiosk.ctx.bridge
    sync = _SyncStarter(kiosk, db_path)
    failure: list[BaseException] = []

    def failed(error: BaseException) -> None:
        failure.append(error)
        app.exit(1)

    def quitting() -> None:
        sync.stop()
        kiosk.window.shutdown()

    bridge.open_failed.connect(failed)
    app.aboutToQuit.connect(quitting)
    signals = QuitOnSignals(app)
    show(kiosk, windowed=windowed)
    _AfterFirstPaint(kiosk.window, bridge.open_service)
    try:
        code = app.exec()
    finally:
        signals.close()
    kiosk.close()
    if failure:
        raise failure[0]  # the CLI reports it as it would have before the first frame
    return code
