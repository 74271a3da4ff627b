"""Does the touchscreen stay responsive while sync writes? Taps (home → sign-in keypad →
back, each timed until the next screen has painted) on the demo site, first with nothing
else running (the baseline), then while a worker thread applies a first sync of
``--changes`` reservations (50,000 by default) in pages, as the sync job does: one short
write transaction per page, queued on the app's one serial writer beside the taps'.
Prints median and p95 of both, their ratio, and the apply's
rows/s. Nothing asserts.

    .venv/bin/python -m bench.bench_ui_sync [--changes 50000] [--page 1000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

from bench.bench_ui import TARGET_TAP_MS, _screen_env, line
from kiosk.core import entities
from kiosk.core.model import Interval, Reservation
from kiosk.demo.dataset import build_demo
from kiosk.demo.load import load_demo
from kiosk.store.service import KioskService
from kiosk.store.sync_apply import apply_page
from kiosk.store.write_queue import WriteQueue
from kiosk.sync import wire


def _pages(svc: KioskService, count: int, page: int) -> list[list[object]]:
    resources = [r.id for r in svc.reads.resources()]
    members = [m.id for m in svc.reads.members(limit=200)]
    start = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) + timedelta(days=60)
    changes = []
    for i in range(count):
        at = start + timedelta(hours=2 * (i // len(resources)))
        r = Reservation(str(uuid.uuid5(uuid.NAMESPACE_URL, f"ui-sync-{i}")),
                        resources[i % len(resources)], members[i % len(members)],
                        Interval(at, at + timedelta(hours=1)), created_at=start)
        changes.append({"entity": "reservation", "id": r.id, "version": i + 1,
                        "deleted": False, "data": entities.reservation_data(r)})
    return [[wire.change(c) for c in changes[i:i + page]] for i in range(0, count, page)]


def _apply(writes: WriteQueue, pages: list[list[object]], done: list[float]) -> None:
    started = time.perf_counter()
    for n, page in enumerate(pages):
        writes.run(partial(apply_page, page=page, cursor=f"bench-{n}"))  # type: ignore[arg-type]
    done.append(time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_ui_sync", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--changes", type=int, default=50_000)
    ap.add_argument("--page", type=int, default=1000)
    ap.add_argument("--taps", type=int, default=60)
    args = ap.parse_args(argv)
    _screen_env()
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QPushButton

    from kiosk.ui.app import build_kiosk, open_kiosk_store

    app = QApplication(sys.argv)
    with tempfile.TemporaryDirectory(prefix="bench-ui-sync-") as tmp:
        db = Path(tmp) / "kiosk.sqlite3"
        now = datetime.now(UTC)
        store = open_kiosk_store(db)
        load_demo(store, build_demo(now.date(), now))
        svc = KioskService(store)
        pages = _pages(svc, args.changes, args.page)
        kiosk = build_kiosk(app, svc, windowed=True, idle_seconds=3600)
        w = kiosk.window
        w.resize(1280, 800)
        w.show()
        sign_in = w.home.findChildren(QPushButton, "signIn")[0]
        back = w.identify.findChildren(QPushButton, "back")[0]

        def tap(button: QPushButton, screen: object) -> float:
            t = time.perf_counter()
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            while w.current() is not screen:
                app.processEvents()
            app.processEvents()  # the paint of the new screen
            return (time.perf_counter() - t) * 1000

        def taps(count: int, until: threading.Thread | None = None) -> list[float]:
            out: list[float] = []
            while len(out) < count or (until is not None and until.is_alive()):
                out.append(tap(sign_in, w.identify))
                out.append(tap(back, w.home))
                app.processEvents()
                time.sleep(0.02)  # a person's pace, not a flood
            return out

        baseline = taps(args.taps)
        took: list[float] = []
        worker = threading.Thread(target=_apply, args=(kiosk.ctx.bridge.writes, pages, took))
        worker.start()
        during = taps(args.taps, until=worker)
        worker.join()
        kiosk.close()
        store.close()
    print(f"first sync of {args.changes:,} reservations in pages of {args.page}: "
          f"{took[0]:.1f} s = {args.changes / took[0]:,.0f} rows/s while tapping")
    line("tap, nothing else running", baseline, "ms", TARGET_TAP_MS)
    line("tap, while sync applies", during, "ms", TARGET_TAP_MS, baseline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
