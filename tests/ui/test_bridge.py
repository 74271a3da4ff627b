"""The bridge: reads that finish out of order never let an older answer win, each read
sees one moment of the cache, and sync's writes take turns with the taps' on the one
serial writer."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QThread
from sqlalchemy import update

from kiosk.store.schema import ResourceRow
from kiosk.ui.bridge import ServiceBridge


def test_only_the_latest_read_of_a_key_is_delivered(qtbot, service: Any) -> None:
    bridge = ServiceBridge(service)
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


def test_reads_without_a_key_are_all_delivered(qtbot, service: Any) -> None:
    bridge = ServiceBridge(service)
    got: list[int] = []
    try:
        for i in range(3):
            bridge.read(lambda _svc, i=i: i, got.append)
        qtbot.waitUntil(lambda: sorted(got) == [0, 1, 2])
    finally:
        bridge.shutdown()


def _names(svc: Any) -> list[str]:
    return sorted(r.name for r in svc.reads.resources())


def test_a_read_sees_one_moment_though_a_write_lands_in_its_middle(qtbot,
                                                                    service: Any) -> None:
    bridge = ServiceBridge(service)
    got: list[tuple[list[str], list[str]]] = []

    def screen(svc: Any) -> tuple[list[str], list[str]]:
        before = _names(svc)
        with svc.store.write() as session:  # e.g. a pulled page commits meanwhile
            session.execute(update(ResourceRow).values(name=ResourceRow.name + " (new)"))
        return before, _names(svc)

    try:
        bridge.read(screen, got.append)
        qtbot.waitUntil(lambda: len(got) == 1)
        before, after = got[0]
        assert before and after == before
        assert all(n.endswith(" (new)") for n in _names(service))  # it did commit
    finally:
        bridge.shutdown()


def test_sync_writes_queue_behind_a_tap_on_the_one_writer(qtbot, service: Any) -> None:
    bridge = ServiceBridge(service)
    release = threading.Event()
    order: list[str] = []
    threads: dict[str, QThread] = {}

    def tap(_svc: Any) -> None:
        threads["tap"] = QThread.currentThread()
        release.wait(5)
        order.append("tap")

    def pulled_page(session: Any) -> int:
        threads["sync"] = QThread.currentThread()
        order.append("sync")
        return session.execute(update(ResourceRow).values(name="synced")).rowcount

    try:
        bridge.write(tap)
        qtbot.waitUntil(lambda: "tap" in threads)
        sync = threading.Thread(target=lambda: order.append(
            f"returned {bridge.writes.run(pulled_page)}"))
        sync.start()
        sync.join(0.3)
        assert sync.is_alive() and order == []  # waits its turn behind the tap
        release.set()
        sync.join(5)
        count = len(_names(service))
        assert order == ["tap", "sync", f"returned {count}"]
        assert set(_names(service)) == {"synced"}
        assert threads["sync"] is threads["tap"]
    finally:
        release.set()
        bridge.shutdown()


def test_after_shutdown_a_sync_write_runs_on_its_own_thread(qtbot, service: Any) -> None:
    bridge = ServiceBridge(service)
    bridge.shutdown()
    seen: list[QThread] = []

    def work(session: Any) -> str:
        seen.append(QThread.currentThread())
        session.execute(update(ResourceRow).values(name="after"))
        return "done"

    assert bridge.writes.run(work) == "done"
    assert seen == [QThread.currentThread()]
    assert set(_names(service)) == {"after"}
