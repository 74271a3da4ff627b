"""The one owner of scheduled jobs: a registry for ``central jobs run NAME`` and the
APScheduler set-up the server starts (intervals from settings)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy.engine import Engine

from central.jobs import mailer, prune, sweeps
from central.settings import Settings

log = logging.getLogger("central.jobs")
Job = Callable[[Engine, Settings, datetime], dict[str, int]]

JOBS: dict[str, Job] = {
    "no-show-sweep": lambda e, _s, now: sweeps.no_show_sweep(e, now),
    "waitlist-expiry": lambda e, _s, now: sweeps.waitlist_expiry(e, now),
    "email": mailer.send_pending,
    "prune": prune.prune,
}


def run_job(name: str, engine: Engine, settings: Settings, now: datetime) -> dict[str, int]:
    """Run one job now; ``KeyError`` for an unknown name."""
    return JOBS[name](engine, settings, now)


def _safe(name: str, engine: Engine, settings: Settings,
          clock: Callable[[], datetime]) -> None:
    try:
        summary = run_job(name, engine, settings, clock())
        log.info("job %s: %s", name, summary)
    except Exception:  # a failing run must not stop the schedule
        log.exception("job %s failed", name)


def start_scheduler(engine: Engine, settings: Settings,
                    clock: Callable[[], datetime]) -> BackgroundScheduler:
    """Start every job on its interval (no overlapping runs of one job in a process)."""
    scheduler = BackgroundScheduler(timezone="UTC")
    for name in JOBS:
        scheduler.add_job(_safe, "interval", seconds=settings.job_interval_s,
                          args=(name, engine, settings, clock), id=name, max_instances=1,
                          coalesce=True)
    scheduler.start()
    return scheduler
