"""The composition root: builds the kiosk's objects in a fixed order, passes each its
dependencies, shows the window, and on quit flushes and closes in reverse order.

Order: translation → theme → service → bridge → session/status → input filters
(scanner, idle, lock) → window. ``build_kiosk`` is shared by ``run``, the screenshot
renderer and the tests, so all three exercise the same wiring.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from kiosk.core.changes import Changes
from kiosk.store.db import UI_CACHE_KIB, Store, open_store
from kiosk.store.service import KioskService
from kiosk.ui import i18n
from kiosk.ui.bridge import ServiceBridge
from kiosk.ui.context import UiContext
from kiosk.ui.fmt import Formatter, use_site_kind_names
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.lockdown import KioskLock
from kiosk.ui.scanner import CardScanner
from kiosk.ui.session import Session
from kiosk.ui.status import StatusModel
from kiosk.ui.sync_link import start_sync
from kiosk.ui.theme import Theme, stylesheet
from kiosk.ui.window import KioskWindow


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


def build_kiosk(app: QApplication, service: Any, *, windowed: bool, language: str = "en",
                now: Callable[[], datetime] = system_now, idle_seconds: int = 60,
                clock: Callable[[], float] | None = None) -> Kiosk:
    languages = i18n.LanguageSwitch(app, language)
    theme = Theme()
    app.setStyleSheet(stylesheet(theme))
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
    for f in (scanner, idle, lock):
        f.install(app)
    window = KioskWindow(ctx, scanner=scanner, idle=idle, lock=lock, idle_seconds=idle_seconds)
    status.start()
    return Kiosk(app, window, ctx, scanner, idle, lock, languages)


def _follow_kind_names(bridge: ServiceBridge) -> None:
    """Kinds' labels follow the server's names: a pull that renamed one reloads them."""
    def reload(changes: Changes) -> None:
        if changes.kinds:
            bridge.read(lambda svc: svc.reads.kind_names(), use_site_kind_names,
                        latest="kind-names")

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
    return open_store(db_path, cache_kib=UI_CACHE_KIB)


def run(db_path: Path, windowed: bool) -> int:
    """Start the kiosk on the cache at ``db_path``; returns the process exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("community-kiosk")
    store = open_kiosk_store(db_path)
    try:
        service = KioskService(store)
        idle = service.access.kiosk_setting("idle_seconds")
        kiosk = build_kiosk(app, service, windowed=windowed, language=choose_language(),
                            idle_seconds=idle)
        link = start_sync(store, db_path, kiosk.ctx.bridge, kiosk.ctx.status)
        if link is not None:
            app.aboutToQuit.connect(link.stop)  # the last push before the bridge drains
        app.aboutToQuit.connect(kiosk.window.shutdown)
        show(kiosk, windowed=windowed)
        code = app.exec()
        kiosk.close()
        return code
    finally:
        store.close()
