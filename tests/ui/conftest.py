"""UI test fixtures: headless Qt, leak guards for threads and timers, a fake clock."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThread, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication


class FakeClock:
    """A monotonic clock that advances only when told (seconds)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


def _live_threads(app: QApplication) -> list[QThread]:
    return [t for t in app.findChildren(QThread) if t.isRunning()]


def _active_timers(app: QApplication) -> list[QTimer]:
    timers: list[QTimer] = []
    for widget in app.topLevelWidgets():
        timers += [t for t in widget.findChildren(QTimer) if t.isActive()]
    return timers


@pytest.fixture(autouse=True)
def no_leaks(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves worker threads, pool jobs or timers running."""
    from kiosk.ui import bridge

    before = bridge.live_bridges()
    yield
    pool = QThreadPool.globalInstance()
    assert pool.waitForDone(5000), "thread-pool jobs still running after the test"
    leaked = [b for b in bridge.live_bridges() if b not in before]
    assert not leaked, f"a ServiceBridge was not shut down: {leaked}"
    visible = [w for w in qapp.topLevelWidgets() if w.isVisible()]
    timers = _active_timers(qapp)
    for widget in visible:
        widget.close()
    assert not timers or not visible, f"timers left running: {timers}"


class StepClock:
    """A wall clock for the service and the UI: fixed unless a test moves it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def wall_clock() -> StepClock:
    from tests.ui.seed import NOW

    return StepClock(NOW)


@pytest.fixture
def service(tmp_path: Path, wall_clock: StepClock) -> Iterator[Any]:
    from kiosk.store.service import KioskService
    from tests.ui.seed import seed

    store = seed(tmp_path / "kiosk.sqlite3")
    yield KioskService(store, wall_clock)
    store.close()


@pytest.fixture
def kiosk(  # noqa: PLR0917
    qapp: QApplication, qtbot: Any, service: Any, wall_clock: StepClock,
    fake_clock: FakeClock, tmp_path: Path,
) -> Iterator[Any]:
    """The whole kiosk, windowed at 1280×800, on the seeded cache; home screen loaded."""
    from kiosk.ui.app import build_kiosk

    os.environ.setdefault("KIOSK_I18N_CACHE", str(tmp_path / "i18n"))
    k = build_kiosk(qapp, service, windowed=True, now=wall_clock, clock=fake_clock)
    k.window.resize(1280, 800)
    k.window.show()
    qtbot.waitExposed(k.window)
    qtbot.waitUntil(lambda: bool(k.window.home.calendar.model.columns))
    yield k
    k.close()
