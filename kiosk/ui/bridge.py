"""The one Qt adapter between the UI and ``KioskService``: work off the GUI thread.

Writes run one at a time on a dedicated ``QThread`` (the store has one writer); sync's
writes join the same queue through ``writes`` (a ``WriteQueue``), so a tap waits behind at
most one pulled page. Reads run on a small ``QThreadPool``, each in one snapshot of the
cache, so a screen never mixes states from before and after a write. Results come back
to the GUI thread by a queued signal and are handed to the caller's callback there; jobs
never touch widgets. A write whose result carries a ``Changes`` record makes the bridge
emit ``changed`` with it, and widgets refresh only what it names.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QThreadPool, Signal

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kiosk.store.service import KioskService

log = logging.getLogger(__name__)

T = TypeVar("T")
#: A service call: what runs off the GUI thread, typed by what it returns.
Call = Callable[["KioskService"], T]
OnError = Callable[[str], None]
Guard = Callable[[], bool]

_LIVE: weakref.WeakSet[ServiceBridge] = weakref.WeakSet()


def live_bridges() -> set[ServiceBridge]:
    """Bridges started and not yet shut down (tests fail when one leaks)."""
    return set(_LIVE)


@dataclass(slots=True)
class _Job:
    id: int
    call: Call[Any]
    on_result: Callable[[Any], None] | None
    on_error: OnError | None
    guard: Guard | None
    key: str | None
    write: bool


@dataclass(slots=True)
class _Done:
    job: _Job
    result: object
    error: str | None


@dataclass(slots=True)
class _Foreign:
    """A write transaction from another thread (sync), waited for by that thread."""

    work: Callable[[], Any]
    future: Future[Any]

    def run(self) -> None:
        try:
            self.future.set_result(self.work())
        except BaseException as exc:  # the waiting thread re-raises it
            self.future.set_exception(exc)


class _WriteThread(QThread):
    """Runs write jobs in order; a ``None`` in the queue ends it."""

    def __init__(self, bridge: ServiceBridge) -> None:
        super().__init__()
        self.setObjectName("kiosk-writer")
        self.jobs: queue.Queue[_Job | _Foreign | None] = queue.Queue()
        self._bridge = bridge

    def run(self) -> None:
        while (job := self.jobs.get()) is not None:
            if isinstance(job, _Foreign):
                job.run()
            else:
                self._bridge._execute(job)


class _WriterQueue:
    """The bridge's serial writer as a ``kiosk.store.db.WriteQueue``."""

    def __init__(self, bridge: ServiceBridge) -> None:
        self._bridge = bridge

    def run(self, work: Callable[[Session], T]) -> T:
        store = self._bridge.service.store

        def transaction() -> T:
            with store.write() as session:
                return work(session)

        return self._bridge.run_on_writer(transaction)


class ServiceBridge(QObject):
    """Runs service calls off the GUI thread and delivers results on it.

    Signals:
        changed(Changes): a write was applied; views refresh what it names.
        failed(str): a call raised; the argument is a plain message for the screen
            (only emitted when the caller gave no ``on_error``).
        busy_changed(bool): whether any write is in flight.
    """

    changed = Signal(object)
    failed = Signal(str)
    busy_changed = Signal(bool)
    _finished = Signal(object)  # one _Done: bare bools/None through a queued signal
    # trip a PySide reference-counting bug at exit, so results travel wrapped

    def __init__(self, service: KioskService, *, read_threads: int = 3,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.service = service
        self._ids = itertools.count(1)
        self._pending_keys: set[str] = set()
        self._latest: dict[str, int] = {}
        self._writes_in_flight = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(read_threads)
        self._writer = _WriteThread(self)
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._writer.start()
        self._open = True
        self._open_lock = threading.Lock()  # nothing is queued behind the writer's end
        self.writes = _WriterQueue(self)
        _LIVE.add(self)

    # -- submitting ---------------------------------------------------------------
    def read(self, call: Call[T], on_result: Callable[[T], None] | None = None, *,
             on_error: OnError | None = None, guard: Guard | None = None,
             latest: str | None = None) -> int:
        """Run ``call(service)`` on the read pool; ``on_result(value)`` on the GUI thread.
        Reads run in parallel and may finish out of order: of reads sharing a ``latest``
        key only the last one asked for is delivered, so an older answer never
        overwrites a newer one."""
        job = _Job(next(self._ids), call, on_result, on_error, guard, latest, write=False)
        if latest is not None:
            self._latest[latest] = job.id
        if self._open:
            self._pool.start(lambda: self._execute(job))
        return job.id

    def write(self, call: Call[T], on_result: Callable[[T], None] | None = None, *,
              key: str | None = None, on_error: OnError | None = None,
              guard: Guard | None = None) -> int | None:
        """Queue ``call(service)`` on the serial writer. A second write with the same
        ``key`` while the first is in flight is dropped (a double tap books once)."""
        if not self._open or (key is not None and key in self._pending_keys):
            return None
        if key is not None:
            self._pending_keys.add(key)
        job = _Job(next(self._ids), call, on_result, on_error, guard, key, write=True)
        self._writes_in_flight += 1
        if self._writes_in_flight == 1:
            self.busy_changed.emit(True)
        self._writer.jobs.put(job)
        return job.id

    def pending(self, key: str) -> bool:
        return key in self._pending_keys

    def run_on_writer(self, work: Callable[[], T]) -> T:
        """Run ``work()`` on the serial writer, in turn with the taps, and wait for it
        (sync's thread; the GUI's only for the flush on quit). After ``shutdown`` the
        writer is gone and ``work`` runs on the calling thread."""
        if QThread.currentThread() is self._writer:
            return work()
        job = _Foreign(work, Future())
        with self._open_lock:
            queued = self._open
            if queued:
                self._writer.jobs.put(job)
        if not queued:
            return work()
        result: T = job.future.result()
        return result

    # -- worker side ----------------------------------------------------------------
    def _execute(self, job: _Job) -> None:
        try:
            if job.write:
                result, error = job.call(self.service), None
            else:  # several reads, one moment of the cache
                with self.service.store.snapshot():
                    result, error = job.call(self.service), None
        except Exception:  # any store failure becomes a message, never a crash
            log.exception("service call failed")
            result, error = None, _store_error_message()
        self._finished.emit(_Done(job, result, error))

    # -- GUI side ----------------------------------------------------------------------
    def _on_finished(self, done: _Done) -> None:
        job, result, error = done.job, done.result, done.error
        if job.write:
            self._writes_in_flight -= 1
            if job.key is not None:
                self._pending_keys.discard(job.key)
            if self._writes_in_flight == 0:
                self.busy_changed.emit(False)
        if error is None and job.write and hasattr(result, "changes"):
            self.changed.emit(result.changes)
        if job.guard is not None and not job.guard():
            return  # the screen or member that asked is gone: show nothing
        if not job.write and job.key is not None and self._latest.get(job.key) != job.id:
            return  # a newer read of the same thing was asked for: it will answer
        if error is not None:
            (job.on_error or self.failed.emit)(error)
        elif job.on_result is not None:
            job.on_result(result)

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Finish queued writes, wait for reads, stop the writer thread."""
        with self._open_lock:
            if not self._open:
                return
            self._open = False
            self._writer.jobs.put(None)
        self._writer.wait(timeout_ms)
        self._pool.waitForDone(timeout_ms)
        QCoreApplication.processEvents()
        _LIVE.discard(self)


def _store_error_message() -> str:
    return QCoreApplication.translate(
        "ServiceBridge",
        "Sorry, something went wrong and nothing was changed. Please try again, "
        "or ask a member of staff.",
    )
