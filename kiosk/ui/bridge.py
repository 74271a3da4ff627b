"""The one Qt adapter between the UI and ``KioskService``: work off the GUI thread.

Writes run one at a time on a dedicated ``QThread`` (the store has one writer); sync's
writes join the same queue through ``writes`` (a ``WriteQueue``), so a tap waits behind at
most one pulled page. Reads run on a small ``QThreadPool``, each in one snapshot of the
cache, so a screen never mixes states from before and after a write. Results come back
to the GUI thread by a queued signal and are handed to the caller's callback there; jobs
never touch widgets. A write whose result carries a ``Changes`` record makes the bridge
emit ``changed`` with it, and widgets refresh only what it names.

A bridge made with an ``opener`` instead of a service opens the store itself, on the
writer thread, once ``open_service`` is called (the app calls it after its first frame):
calls made before then wait for it, off the GUI thread, and ``when_ready`` callbacks run
on the GUI thread once it is open.
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

from kiosk.store.write_queue import ExecutorWrites

if TYPE_CHECKING:
    from kiosk.store.service import KioskService

log = logging.getLogger(__name__)

T = TypeVar("T")
#: A service call: what runs off the GUI thread, typed by what it returns.
Call = Callable[["KioskService"], T]
Opener = Callable[[], "KioskService"]
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
    """Opens the service if the bridge was given an opener, then runs write jobs in order;
    a ``None`` in the queue ends it."""

    def __init__(self, bridge: ServiceBridge) -> None:
        super().__init__()
        self.setObjectName("kiosk-writer")
        self.jobs: queue.Queue[_Job | _Foreign | None] = queue.Queue()
        self._bridge = bridge

    def run(self) -> None:
        self._bridge._open_when_asked()
        while (job := self.jobs.get()) is not None:
            if isinstance(job, _Foreign):
                job.run()
            else:
                self._bridge._execute(job)


class ServiceBridge(QObject):
    """Runs service calls off the GUI thread and delivers results on it.

    Signals:
        changed(Changes): a write was applied; views refresh what it names.
        failed(str): a call raised; the argument is a plain message for the screen
            (only emitted when the caller gave no ``on_error``).
        busy_changed(bool): whether any write is in flight.
        open_failed(object): the opener raised (the exception); every call fails.
    """

    changed = Signal(object)
    failed = Signal(str)
    busy_changed = Signal(bool)
    open_failed = Signal(object)
    _opened = Signal(object)  # the service's future, once it is settled
    _finished = Signal(object)  # one _Done: bare bools/None through a queued signal
    # trip a PySide reference-counting bug at exit, so results travel wrapped

    def __init__(self, service: KioskService | None = None, *, opener: Opener | None = None,
                 read_threads: int = 3, parent: QObject | None = None):
        super().__init__(parent)
        if (service is None) == (opener is None):
            raise ValueError("give exactly one of a service and an opener")
        self._service: Future[KioskService] = Future()
        self._opener, self._go = opener, threading.Event()
        self._on_ready: list[Callable[[KioskService], None]] = []
        self._writes: ExecutorWrites | None = None
        if service is not None:
            self._service.set_result(service)
        self._ids = itertools.count(1)
        self._pending_keys: set[str] = set()
        self._latest: dict[str, int] = {}
        self._writes_in_flight = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(read_threads)
        self._writer = _WriteThread(self)
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._opened.connect(self._on_opened, Qt.ConnectionType.QueuedConnection)
        self._open = True
        self._open_lock = threading.Lock()  # nothing is queued behind the writer's end
        self._writer.start()
        _LIVE.add(self)

    # -- the service ------------------------------------------------------------------
    @property
    def service(self) -> KioskService:
        """The service. Jobs (off the GUI thread) wait here for it to open; the GUI thread
        asks only once ``opened()``. Raises if opening failed or the bridge shut first."""
        return self._service.result()

    @property
    def writes(self) -> ExecutorWrites:
        """Sync's write queue: its transactions run on the serial writer."""
        if self._writes is None:
            self._writes = ExecutorWrites(self.service.store, self.run_on_writer)
        return self._writes

    def opened(self) -> bool:
        """Whether the service is open (given, or opened without an error)."""
        return self._service.done() and self._service.exception() is None

    def open_service(self) -> None:
        """Let the writer thread open the service (a bridge made with an opener)."""
        self._go.set()

    def when_ready(self, callback: Callable[[KioskService], None]) -> None:
        """``callback(service)`` on the GUI thread once the service is open (now if it is);
        never if opening it failed."""
        if self._service.done():
            if self._service.exception() is None:
                callback(self._service.result())
        else:
            self._on_ready.append(callback)

    def _open_when_asked(self) -> None:
        if self._service.done():
            return
        self._go.wait()
        assert self._opener is not None
        if not self._open:  # shut down first: nothing to open, nobody to tell
            self._service.set_exception(RuntimeError("the bridge closed before opening"))
            return
        try:
            self._service.set_result(self._opener())
        except BaseException as exc:  # the GUI thread reports it; calls fail with it
            log.exception("opening the kiosk's cache failed")
            self._service.set_exception(exc)
        self._opened.emit(self._service)

    def _on_opened(self, future: Future[KioskService]) -> None:
        callbacks, self._on_ready = self._on_ready, []
        if (error := future.exception()) is not None:
            self.open_failed.emit(error)
            return
        for callback in callbacks:
            callback(future.result())

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

    def reading(self, latest: str) -> bool:
        """Whether a read asked for with this ``latest`` key has yet to answer."""
        return latest in self._latest

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
            service = self.service
            if job.write:
                result, error = job.call(service), None
            else:  # several reads, one moment of the cache
                with service.store.snapshot():
                    result, error = job.call(service), None
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
        if not job.write and job.key is not None:
            if self._latest.get(job.key) != job.id:
                return  # a newer read of the same thing was asked for: it will answer
            del self._latest[job.key]
        if job.guard is not None and not job.guard():
            return  # the screen or member that asked is gone: show nothing
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
        self._go.set()  # a bridge that never opened its service ends without opening it
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
