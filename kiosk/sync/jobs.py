"""The sync jobs, owned by one object in the composition root: a round (push, pull) every
``sync_pull_seconds``, the scheduled check-in every ``sync_checkin_seconds`` (push first,
so check-ins reach the server before its no-show job), a push soon after each local change
(debounced), every minute the kiosk's own view of no-shows and lapsed offers (on the
server-corrected clock: what the server will decide, shown while it cannot say), and
nightly housekeeping. One sync at a time; after a failure the jobs wait
(``Backoff``) unless a person asks. Results go to callbacks, which run on the scheduler's
worker thread: the UI hands them to the GUI thread by signal."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from kiosk.core.changes import Changes
from kiosk.sync.backoff import Backoff
from kiosk.sync.engine import Report, SyncEngine
from kiosk.sync.errors import SyncError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Intervals:
    pull_s: int = 15
    checkin_s: int = 30
    push_delay_s: int = 2


class SyncJobs:
    def __init__(self, engine: SyncEngine, scheduler: Any, intervals: Intervals, *,
                 on_changes: Callable[[Changes], None] = lambda _c: None,
                 on_done: Callable[[Report | None, str | None], None] = lambda _r, _e: None,
                 housekeeping: Callable[[], None] | None = None,
                 local_views: Callable[[], None] | None = None) -> None:
        self.engine, self.scheduler, self.intervals = engine, scheduler, intervals
        self.on_done = on_done
        engine.on_changes = on_changes
        self.housekeeping = housekeeping
        self.local_views = local_views
        self.backoff = Backoff()
        self._lock = threading.Lock()
        self._wait_until = 0.0

    def start(self) -> None:
        now = datetime.now(UTC)
        add = self.scheduler.add_job
        common = {"max_instances": 1, "coalesce": True, "replace_existing": True,
                  "misfire_grace_time": 30}
        add(self.round, "interval", seconds=self.intervals.pull_s, id="sync-round",
            next_run_time=now, **common)
        add(self.checkin, "interval", seconds=self.intervals.checkin_s, id="sync-checkin",
            next_run_time=now + timedelta(seconds=1), **common)
        if self.local_views is not None:  # the kiosk's own no-show and offer views
            add(self.local_views, "interval", seconds=60, id="local-views", **common)
        if self.housekeeping is not None:
            add(self.housekeeping, "cron", hour=3, minute=17, id="housekeeping", **common)
        if not self.scheduler.running:
            self.scheduler.start()

    def push_soon(self) -> None:
        """A local change was made: push it in a moment (several taps, one push)."""
        run_at = datetime.now(UTC) + timedelta(seconds=self.intervals.push_delay_s)
        self.scheduler.add_job(self.push, "date", run_date=run_at, id="sync-push-soon",
                               replace_existing=True, misfire_grace_time=30)

    # -- the jobs ------------------------------------------------------------------------
    def round(self) -> None:
        self._run("round", self._round)

    def checkin(self) -> None:
        self._run("check-in", self._checkin)

    def _round(self, report: Report) -> None:
        self.engine.push(report)
        self.engine.pull(report)
        self.engine.push(report)  # what a tap queued meanwhile

    def _checkin(self, report: Report) -> None:
        self.engine.push(report)
        self.engine.checkin(report)

    def push(self) -> None:
        self._run("push", self.engine.push, honour_backoff=False)

    def _run(self, what: str, work: Callable[[Report], None], *,
             honour_backoff: bool = True) -> None:
        if honour_backoff and time.monotonic() < self._wait_until:
            return
        if not self._lock.acquire(blocking=False):
            return  # one sync at a time: this one's work is done by the running one
        report = Report()
        try:
            work(report)
        except SyncError as exc:
            delay = self.backoff.failed(exc.retry_after)
            self._wait_until = time.monotonic() + delay
            log.warning("sync %s failed (%s); next try in %.0f s", what, exc, delay)
            self.engine.note_failure(str(exc))
            self.on_done(report, str(exc))
            return
        except Exception:
            log.exception("sync %s failed unexpectedly", what)
            self.on_done(report, "unexpected error (logged)")
            return
        finally:
            self._lock.release()
        self.backoff.succeeded()
        self._wait_until = 0.0
        self.engine.note_success()
        self.on_done(report, None)

    def stop(self, *, flush: bool = True) -> None:
        """Stop the jobs; ``flush``: one last push (bounded by the client's timeout)."""
        try:
            self.scheduler.shutdown(wait=True)
        except Exception:  # not running
            log.debug("scheduler was not running")
        if flush:
            with self._lock:
                try:
                    self.engine.push(Report())
                except SyncError as exc:
                    log.info("last push before quitting did not go (%s); it waits", exc)
        self.engine.client.close()
