"""UI test fixtures: headless Qt, leak guards for threads and timers, a fake clock."""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThread, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication
from shiboken6 import Shiboken


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


_WATCHED = (QTimer, QThread, QThreadPool)
_is_watched: dict[type, bool] = {}


def _watched(obj: object) -> bool:
    kind = type(obj)
    known = _is_watched.get(kind)
    if known is None:
        known = _is_watched[kind] = issubclass(kind, _WATCHED)
    return known


def _busy() -> set[int]:
    """Ids of running QThreads, busy QThreadPools and active QTimers (one heap walk)."""
    out: set[int] = set()
    for obj in gc.get_objects():
        if _watched(obj) and Shiboken.isValid(obj) and (
                obj.isActive() if isinstance(obj, QTimer)
                else obj.isRunning() if isinstance(obj, QThread)
                else obj.activeThreadCount()):
            out.add(id(obj))
    return out


def _describe(ids: set[int]) -> list[str]:
    found = [o for o in gc.get_objects() if id(o) in ids]
    return [f"{type(o).__name__} {o.objectName()!r} parent={type(o.parent()).__name__}"
            for o in found if Shiboken.isValid(o)]


@pytest.fixture(autouse=True)
def no_leaks(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a QThread running, a thread-pool job, an active QTimer or
    a ServiceBridge behind once its fixtures are torn down."""
    from kiosk.ui import bridge

    before_bridges = bridge.live_bridges()
    before = _busy()
    yield
    assert QThreadPool.globalInstance().waitForDone(5000), "global thread-pool jobs still running"
    leaked = [b for b in bridge.live_bridges() if b not in before_bridges]
    assert not leaked, f"a ServiceBridge was not shut down: {leaked}"
    for widget in qapp.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    left = _busy() - before
    assert not left, f"threads, pool jobs or timers left running: {_describe(left)}"


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
def spanish(qapp: QApplication, monkeypatch: pytest.MonkeyPatch,
            tmp_path: Path) -> Iterator[None]:
    """The Spanish catalogue installed (compiled afresh from the shipped .ts)."""
    from kiosk.ui import i18n

    monkeypatch.setenv("KIOSK_I18N_CACHE", str(tmp_path))
    translator = i18n.install(qapp, "es")
    yield
    i18n.uninstall(qapp, translator)


@pytest.fixture
def language() -> str:
    """The kiosk's language; a test parametrizes it (``"es"``) to run in Spanish."""
    return "en"


@pytest.fixture
def kiosk(  # noqa: PLR0917
    qapp: QApplication, qtbot: Any, service: Any, wall_clock: StepClock,
    fake_clock: FakeClock, tmp_path_factory: pytest.TempPathFactory, language: str,
) -> Iterator[Any]:
    """The whole kiosk, windowed at 1280×800, on the seeded cache; home screen loaded."""
    from kiosk.ui.app import build_kiosk

    os.environ.setdefault("KIOSK_I18N_CACHE", str(tmp_path_factory.getbasetemp() / "i18n"))
    k = build_kiosk(qapp, service, windowed=True, language=language, now=wall_clock,
                    clock=fake_clock)
    k.window.resize(1280, 800)
    k.window.show()
    qtbot.waitExposed(k.window)
    qtbot.waitUntil(lambda: bool(k.window.home.calendar.model.columns))
    yield k
    k.close()
    qapp.setStyleSheet("")  # the next test starts from a plain application
