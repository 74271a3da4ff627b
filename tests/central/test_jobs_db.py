"""``CENTRAL_JOBS_DB``: the scheduler's jobs use their own database address (a direct one
beside a transaction-pooling PgBouncer), and stopping the scheduler closes it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from central.db.engine import make_engine
from central.jobs.runner import start_scheduler
from central.settings import Settings


def test_the_jobs_run_on_their_own_address(tmp_path: Path) -> None:
    requests_url = f"sqlite:///{tmp_path / 'requests.db'}"
    jobs_url = f"sqlite:///{tmp_path / 'jobs.db'}"
    engine = make_engine(requests_url)
    settings = Settings(db_url=requests_url, jobs_db_url=jobs_url, job_interval_s=3600)
    scheduler = start_scheduler(engine, settings, lambda: datetime.now(UTC))
    try:
        jobs = scheduler._scheduler.get_jobs()
        assert {str(job.args[1].url) for job in jobs} == {jobs_url}
    finally:
        scheduler.shutdown()
        engine.dispose()
