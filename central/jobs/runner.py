"""The one owner of scheduled jobs: a registry for ``central jobs run NAME`` and the
APScheduler set-up the server starts (intervals from settings).

Every job takes a ``stop`` event, set when the server shuts down: a job between two
pieces of work returns instead of starting the next, so stopping waits for at most one
timeout-bounded call. One job's run never overlaps the next of the same job
(``max_instances=1``); a run that is late is skipped, not queued (``coalesce``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy.engine import Engine

from central.db.engine import dry_run
from central.jobs import mailer, prune, sweeps
from central.settings import Settings

log = logging.getLogger("central.jobs")
Job = Callable[[Engine, Settings, datetime, threading.Event], dict[str, int]]

JOBS: dict[str, Job] = {
    "no-show-sweep": lambda e, _s, now, _stop: sweeps.no_show_sweep(e, now),
    "waitlist-expiry": lambda e, _s, now, _stop: sweeps.waitlist_expiry(e, now),
    "email": mailer.send_pending,
    "prune": lambda e, s, now, _stop: prune.prune(e, s, now),
}


def run_job(name: str, engine: Engine, settings: Settings, now: datetime, *,
            preview: bool = False, stop: threading.Event | None = None) -> dict[str, int]:
    """Run one job now; ``KeyError`` for an unknown name. ``preview``: do the work and
    keep none of it (every write is rolled back, no mail is sent); the summary says what
    a real run would have done."""
    stop = stop or threading.Event()
    if not preview:
        return JOBS[name](engine, settings, now, stop)
    with dry_run():
        return JOBS[name](engine, settings, now, stop)


class Scheduler:
    """The server's running jobs: ``shutdown`` tells them to stop, then waits."""

    def __init__(self, scheduler: BackgroundScheduler, stop: threading.Event) -> None:
        self._scheduler, self._stop = scheduler, stop

    def shutdown(self) -> None:
        self._stop.set()
        self._scheduler.shutdown(wait=True)


def _safe(name: str, engine: Engine, settings: Settings,
          clock: Callable[[], datetime], stop: threading.Event) -> None:
    if stop.is_set():
        return
    try:
        summary = run_job(name, engine, settings, clock(), stop=stop)
        log.info("job %s: %s", name, summary)
    except Exception:  # a failing run must not stop the schedule
        log.exception("job %s failed", name)


def start_scheduler(engine: Engine, settings: Settings,
                    clock: Callable[[], datetime]) -> Scheduler:
    """Start every job on its interval (no overlapping runs of one job in a process)."""
    scheduler, stop = BackgroundScheduler(timezone="UTC"), threading.Event()
    for name in JOBS:
        scheduler.add_job(_safe, "interval", seconds=settings.job_interval_s,
                          args=(name, engine, settings, clock, stop), id=name,
                          max_instances=1, coalesce=True, misfire_grace_time=None)
    scheduler.start()
    return Scheduler(scheduler, stop)
