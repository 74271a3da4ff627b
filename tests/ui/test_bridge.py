"""The bridge: reads that finish out of order never let an older answer win."""

from __future__ import annotations

import threading

from kiosk.ui.bridge import ServiceBridge


def test_only_the_latest_read_of_a_key_is_delivered(qtbot) -> None:
    bridge = ServiceBridge(object())
    release = threading.Event()
    got: list[str] = []
    try:
        bridge.read(lambda _svc: release.wait(5) and "old", got.append, latest="home")
        bridge.read(lambda _svc: "new", got.append, latest="home")
        qtbot.waitUntil(lambda: got == ["new"])
        with qtbot.waitSignal(bridge._finished):
            release.set()  # the older read now finishes last: it must not overwrite
        qtbot.waitUntil(lambda: bridge._pool.activeThreadCount() == 0)
        assert got == ["new"]
    finally:
        release.set()
        bridge.shutdown()


def test_reads_without_a_key_are_all_delivered(qtbot) -> None:
    bridge = ServiceBridge(object())
    got: list[int] = []
    try:
        for i in range(3):
            bridge.read(lambda _svc, i=i: i, got.append)
        qtbot.waitUntil(lambda: sorted(got) == [0, 1, 2])
    finally:
        bridge.shutdown()
