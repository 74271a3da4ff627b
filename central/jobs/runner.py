"""The one owner of scheduled jobs: a registry for ``central jobs run NAME`` and the
APScheduler set-up the server starts (intervals from settings).

Every job takes a ``stop`` event, set when the server shuts down: a job between two
pieces of work returns instead of starting the next, so stopping waits for at most one
timeout-bounded call. One job's run never overlaps the next of the same job
(``max_instances=1``); a run that is late is skipped, not queued (``coalesce``).

Across processes and hosts sharing one PostgreSQL database each run holds a session
advisory lock named after the job (``pg_try_advisory_lock``) on a connection of its own:
a run that finds the lock taken does nothing and says so (``{"skipped": 1}``), so
several instances' schedulers (and ``central jobs run``) never run one job at once. The
lock goes with the connection if the process dies. On SQLite (one server process) every
run goes ahead, as before.
"""

from __future__ import annotations

import logging
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

import sqlalchemy as sa
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy.engine import Engine

from central.db.engine import dry_run, make_engine
from central.jobs import mailer, prune, sweeps
from central.settings import Settings

log = logging.getLogger("central.jobs")
#: The first half of every job lock's key: the advisory-lock namespace of this server.
LOCK_NAMESPACE = 0x6B696F  # "kio"
#: What a run that found the job running elsewhere returns.
SKIPPED = {"skipped": 1}
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
    job, stop = JOBS[name], stop or threading.Event()
    if preview:  # keeps nothing, so it may overlap a real run
        with dry_run():
            return job(engine, settings, now, stop)
    with only_run(engine, name) as mine:
        if not mine:
            log.info("job %s is running in another process; this run is skipped", name)
            return dict(SKIPPED)
        return job(engine, settings, now, stop)


def lock_key(name: str) -> int:
    """The job's advisory-lock key: stable across processes and versions (CRC-32 of the
    name, as a signed 32-bit integer)."""
    value = zlib.crc32(name.encode())
    return value - 2**32 if value >= 2**31 else value


@contextmanager
def only_run(engine: Engine, name: str) -> Iterator[bool]:
    """True while this process holds job ``name``'s lock, False when another one does
    (PostgreSQL); always True on SQLite."""
    if engine.dialect.name != "postgresql":
        yield True
        return
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT")
        key = {"ns": LOCK_NAMESPACE, "key": lock_key(name)}
        mine = bool(conn.execute(sa.text("SELECT pg_try_advisory_lock(:ns, :key)"),
                                 key).scalar_one())
        try:
            yield mine
        finally:
            if mine:
                conn.execute(sa.text("SELECT pg_advisory_unlock(:ns, :key)"), key)


class Scheduler:
    """The server's running jobs: ``shutdown`` tells them to stop, then waits."""

    def __init__(self, scheduler: BackgroundScheduler, stop: threading.Event,
                 own_engine: Engine | None) -> None:
        self._scheduler, self._stop, self._own_engine = scheduler, stop, own_engine

    def shutdown(self) -> None:
        self._stop.set()
        self._scheduler.shutdown(wait=True)
        if self._own_engine is not None:  # the jobs' own (CENTRAL_JOBS_DB)
            self._own_engine.dispose()


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
    """Start every job on its interval (no overlapping runs of one job in a process).
    With ``settings.jobs_db_url`` (``CENTRAL_JOBS_DB``) the jobs use that database address
    instead of ``engine``: a direct or session-pooled one when the requests go through a
    transaction-pooling PgBouncer, where a session advisory lock would not stay with its
    session."""
    own = make_engine(settings.jobs_db_url, pool_size=2) if settings.jobs_db_url else None
    engine = own or engine
    scheduler, stop = BackgroundScheduler(timezone="UTC"), threading.Event()
    for name in JOBS:
        scheduler.add_job(_safe, "interval", seconds=settings.job_interval_s,
                          args=(name, engine, settings, clock, stop), id=name,
                          max_instances=1, coalesce=True, misfire_grace_time=None)
    scheduler.start()
    return Scheduler(scheduler, stop, own)
