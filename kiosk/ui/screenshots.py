"""``kiosk screenshots --out DIR``: render every screen offscreen to PNG at 1280×800 and
1920×1080, from the cache at ``db_path``, for the user guides."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from kiosk.store.db import open_store
from kiosk.store.service import KioskService
from kiosk.ui.app import Kiosk, build_kiosk

SIZES = ((1280, 800), (1920, 1080))


def settle(app: QApplication, seconds: float = 0.6) -> None:
    """Let queued reads and writes finish and their results paint."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QThreadPool.globalInstance().waitForDone(50)
        app.processEvents()


def _steps(k: Kiosk) -> list[tuple[str, Callable[[], None]]]:
    w, svc = k.window, k.ctx.bridge.service
    assert isinstance(svc, KioskService)
    member = svc.member_by_number("1001")

    def member_home() -> None:
        if member is not None:
            w.start_member(member)

    def staff(page: str) -> Callable[[], None]:
        def go() -> None:
            k.ctx.session.set_staff(True)
            w.show_screen(w.staff)
            w.staff.stack.setCurrentIndex(1)
            w.staff.show_page(page)
        return go

    return [
        ("home", w.go_home),
        ("identify", lambda: w.show_screen(w.identify)),
        ("member", member_home),
        ("book", w._on_book),
        ("staff-sheet", staff("sheet")),
        ("staff-sync", staff("sync")),
        ("staff-waitlist", staff("waitlist")),
    ]


def render_all(out_dir: Path, db_path: Path) -> list[Path]:
    """Render every screen at every size into ``out_dir``; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    store = open_store(db_path)
    written: list[Path] = []
    try:
        kiosk = build_kiosk(app, KioskService(store), windowed=True)
        try:
            for width, height in SIZES:
                kiosk.window.resize(width, height)
                kiosk.window.show()
                for name, step in _steps(kiosk):
                    step()
                    settle(app)
                    path = out_dir / f"{name}-{width}x{height}.png"
                    kiosk.window.grab().save(str(path))
                    written.append(path)
                kiosk.window.end_session()
        finally:
            kiosk.close()
    finally:
        store.close()
    return written
