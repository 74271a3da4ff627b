"""Sync in the running app: the jobs (``kiosk.sync.jobs``) on a ``QtScheduler``, their
results handed to the GUI thread by signal. Sync writes the cache through the bridge's
serial writer, in turn with the taps; what it changed reaches every screen through the
bridge's ``changed`` signal, like a tap's; a tap's change asks for a push soon."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from apscheduler.schedulers.qt import QtScheduler
from PySide6.QtCore import QObject, Qt, Signal

from kiosk.core.changes import Changes
from kiosk.store.db import Store
from kiosk.store.housekeeping import tidy
from kiosk.store.service import KioskService
from kiosk.sync.client import SyncClient
from kiosk.sync.enrollment import open_engine
from kiosk.sync.errors import NotEnrolled
from kiosk.sync.jobs import Intervals, SyncJobs
from kiosk.sync.token import KeyringUnavailable
from kiosk.ui.bridge import ServiceBridge
from kiosk.ui.status import StatusModel

log = logging.getLogger(__name__)


class SyncLink(QObject):
    """Signals (emitted from the scheduler's thread, delivered on the GUI thread):
        pulled(Changes): sync changed the cache.
        done(object, object): a job ended: its report, and an error text or None."""

    pulled = Signal(object)
    done = Signal(object, object)

    def __init__(self, jobs: SyncJobs, bridge: ServiceBridge, status: StatusModel) -> None:
        super().__init__()
        self.jobs, self._bridge, self._status = jobs, bridge, status
        self._forwarding = False
        jobs.engine.on_changes = self.pulled.emit
        jobs.on_done = self.done.emit
        queued = Qt.ConnectionType.QueuedConnection
        self.pulled.connect(self._forward, queued)
        self.done.connect(lambda _report, _error: status.poll(), queued)
        bridge.changed.connect(self._local_change)

    def start(self) -> None:
        self.jobs.start()

    def _forward(self, changes: Changes) -> None:
        self._forwarding = True
        try:
            self._bridge.changed.emit(changes)
        finally:
            self._forwarding = False

    def _local_change(self, _changes: object) -> None:
        if not self._forwarding:
            self.jobs.push_soon()

    def stop(self) -> None:
        """Stop the jobs and push once more (a clean flush on quit)."""
        self._bridge.changed.disconnect(self._local_change)
        self.jobs.stop(flush=True)


def server_clock(service: Any) -> Callable[[], datetime]:
    """This kiosk's clock corrected by the server's (measured at each check-in)."""
    def now() -> datetime:
        return datetime.now(UTC) + timedelta(seconds=service.sync.server_clock_offset())

    return now


def start_sync(store: Store, db_path: Path, bridge: ServiceBridge, status: StatusModel, *,
               scheduler: Any | None = None) -> SyncLink | None:
    """The running app's sync, or None for a kiosk that is not enrolled (offline only)."""
    service = bridge.service
    setting = service.access.kiosk_setting
    timeout = setting("sync_timeout_seconds")
    try:
        engine = open_engine(store, db_path, client_factory=lambda url, token: SyncClient(
            url, token, timeout=timeout))
    except (NotEnrolled, KeyringUnavailable) as exc:
        log.info("sync off: %s", exc)
        return None
    engine.writes = bridge.writes
    if scheduler is None:
        scheduler = QtScheduler()
    intervals = Intervals(setting("sync_pull_seconds"), setting("sync_checkin_seconds"),
                          setting("sync_push_delay_seconds"))

    def housekeeping() -> None:
        done = bridge.run_on_writer(lambda: tidy(store, datetime.now(UTC)))
        log.info("housekeeping: %s", done)

    views = KioskService(store, clock=server_clock(service))

    def local_views() -> None:
        changes = bridge.run_on_writer(lambda: views.reservations.no_show_sweep().changes
                                       | views.waitlist.expire_offers().changes)
        if not changes.empty:
            link.pulled.emit(changes)

    link = SyncLink(SyncJobs(engine, scheduler, intervals, housekeeping=housekeeping,
                             local_views=local_views), bridge, status)
    link.start()
    return link
