"""Start-up: on a ready cache the welcome screen is on the glass before the store opens
(no SQLAlchemy, no sync modules imported yet), what is asked meanwhile waits and is
answered once it has, a cache that fails to open ends the app with the store's error, and
``kiosk run`` ends cleanly on SIGTERM — from a ready cache and from none at all."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.core.errors import InvalidInput
from kiosk.store.db import open_store
from kiosk.store.first_look import first_look
from kiosk.store.service import KioskService
from kiosk.ui import app as app_module
from kiosk.ui.app import Opening, build_kiosk
from tests.ui.drive import scan
from tests.ui.seed import ADA, SITE, seed

ROOT = Path(__file__).resolve().parents[2]


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


@pytest.fixture
def ready_cache(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.sqlite3"
    seed(path).close()
    return path


@pytest.fixture
def gated(ready_cache: Path, wall_clock: Any) -> Iterator[tuple[threading.Event, list[Any]]]:
    """An opener that waits for the test's go, and the services it opened (closed after)."""
    opened: list[Any] = []
    yield threading.Event(), opened
    for service in opened:
        service.store.close()


def test_the_welcome_screen_paints_before_the_cache_opens_and_a_scan_waits_for_it(  # noqa: PLR0917
        qapp: QApplication, qtbot: Any, ready_cache: Path, wall_clock: Any,
        fake_clock: Any, gated: tuple[threading.Event, list[Any]]) -> None:
    go, opened = gated

    def opener() -> KioskService:
        assert go.wait(30)
        opened.append(KioskService(open_store(ready_cache), wall_clock))
        return opened[-1]

    look = first_look(ready_cache)
    assert look is not None
    k = build_kiosk(qapp, Opening(look, opener), windowed=True, now=wall_clock,
                    clock=fake_clock)
    try:
        paints = _Paints()
        home = k.window.home
        home.installEventFilter(paints)
        k.window.resize(1280, 800)
        k.window.show()
        qtbot.waitUntil(lambda: paints.count > 0)
        assert home.site_name.text() == SITE.name
        assert not home.calendar.model.columns  # nothing read yet: the store is not open
        scan(qtbot, k, f"40000{ADA.number}", fake_clock)  # a member does not wait for it
        k.ctx.bridge.open_service()
        qtbot.wait(100)
        assert not opened and not k.ctx.bridge.opened()
        go.set()
        qtbot.waitUntil(lambda: bool(home.calendar.model.columns))
        qtbot.waitUntil(lambda: k.window.current() is k.window.member)
        assert k.ctx.session.member is not None and k.ctx.session.member.id == ADA.id
        assert len(opened) == 1
    finally:
        go.set()
        k.close()


def test_a_cache_that_fails_to_open_ends_the_app_with_the_stores_error(
        qapp: QApplication, qtbot: Any, ready_cache: Path, wall_clock: Any) -> None:
    def opener() -> KioskService:
        raise InvalidInput(f"{ready_cache} is damaged (test); restore it from a backup")

    look = first_look(ready_cache)
    assert look is not None
    k = build_kiosk(qapp, Opening(look, opener), windowed=True, now=wall_clock)
    answers: list[str] = []
    k.ctx.bridge.read(lambda svc: svc.reads.site(), on_error=answers.append)
    safety = QTimer(singleShot=True, interval=20_000)
    safety.timeout.connect(qapp.quit)
    safety.start()
    try:
        with pytest.raises(InvalidInput, match="is damaged"):
            app_module._run_kiosk(qapp, k, ready_cache, windowed=True)
        assert safety.isActive(), "the app ended by the safety timer, not by the failure"
        assert answers and "nothing was changed" in answers[0]  # the read did not hang
    finally:
        safety.stop()
        k.close()


def _start(db: Path) -> subprocess.Popen[str]:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "KIOSK_LANG": "en"}
    return subprocess.Popen([sys.executable, "-m", "tests.ui.start_probe", str(db)], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _until_data(proc: subprocess.Popen[str]) -> list[dict[str, Any]]:
    """The probe's lines up to the one saying the calendar shows data."""
    assert proc.stdout is not None
    lines: list[dict[str, Any]] = []
    timer = threading.Timer(120, proc.kill)  # a hung start fails the test, not the run
    timer.start()
    try:
        for raw in proc.stdout:
            lines.append(json.loads(raw))
            if "data" in lines[-1] or "code" in lines[-1]:
                break
    finally:
        timer.cancel()
    return lines


def _terminate(proc: subprocess.Popen[str]) -> tuple[dict[str, Any], str]:
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1]), err


def test_kiosk_run_on_a_ready_cache_paints_before_importing_the_store_and_ends_on_sigterm(
        ready_cache: Path) -> None:
    proc = _start(ready_cache)
    try:
        frame, data = _until_data(proc)
        assert frame == {"frame": []}  # none of sqlalchemy, alembic, httpx, apscheduler
        assert data["title"] == SITE.name and "Drill 1" in data["data"]
        ended, err = _terminate(proc)
    finally:
        proc.kill()
    assert ended == {"code": 0}
    assert "SIGTERM received: quitting" in err
    assert not Path(f"{ready_cache}-wal").exists()  # the cache was closed, not abandoned


def test_kiosk_run_without_a_cache_loads_the_demo_first_then_runs(tmp_path: Path) -> None:
    db = tmp_path / "new" / "kiosk.sqlite3"
    db.parent.mkdir()
    proc = _start(db)
    try:
        frame, data = _until_data(proc)
        assert "sqlalchemy" in frame["frame"]  # the slow way: the store made the cache
        assert data["data"]
        ended, _err = _terminate(proc)
    finally:
        proc.kill()
    assert ended == {"code": 0}
    look = first_look(db)
    assert look is not None and look.site.name == data["title"]  # ready for the next start
