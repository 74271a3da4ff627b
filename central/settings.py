"""Typed server settings, read once from the environment (``CENTRAL_*``) with defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DB = "sqlite:///" + str(Path("central.sqlite3").resolve())
DEFAULT_MAINTENANCE_FILE = "central.maintenance"


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return default if raw in (None, "") else int(raw)


def _float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    return default if raw in (None, "") else float(raw)


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the server reads from its environment."""

    db_url: str = DEFAULT_DB
    min_schema_version: int = 1
    max_body_bytes: int = 1024 * 1024
    max_push: int = 500
    max_pull: int = 5000
    poll_after_s: int = 30
    jobs_enabled: bool = True
    jobs_db_url: str | None = None
    job_interval_s: int = 60
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 25
    smtp_sender: str = "reservations@localhost"
    smtp_timeout_s: float = 5.0
    email_attempts: int = 3
    email_backoff_s: float = 1.0
    tombstone_retention_days: int = 60
    dedup_retention_days: int = 90
    reservation_window_days: int = 90
    stats_retention_days: int = 90
    maintenance_file: Path = Path(DEFAULT_MAINTENANCE_FILE)
    maintenance_check_s: float = 2.0
    rate_per_s: float = 50.0
    rate_burst: int = 200
    threads: int = 16
    stats_flush_s: float = 10.0

    @classmethod
    def from_env(cls, db_url: str | None = None) -> Settings:
        """Build settings from ``CENTRAL_*`` variables; ``db_url`` overrides ``CENTRAL_DB``."""
        return cls(
            db_url=db_url or os.environ.get("CENTRAL_DB") or DEFAULT_DB,
            min_schema_version=_int("CENTRAL_MIN_SCHEMA_VERSION", 1),
            max_body_bytes=_int("CENTRAL_MAX_BODY_BYTES", 1024 * 1024),
            poll_after_s=_int("CENTRAL_POLL_AFTER_S", 30),
            jobs_enabled=os.environ.get("CENTRAL_JOBS", "1") not in ("0", "false", "off"),
            jobs_db_url=os.environ.get("CENTRAL_JOBS_DB") or None,
            job_interval_s=_int("CENTRAL_JOB_INTERVAL_S", 60),
            smtp_host=os.environ.get("CENTRAL_SMTP_HOST", "127.0.0.1"),
            smtp_port=_int("CENTRAL_SMTP_PORT", 25),
            smtp_sender=os.environ.get("CENTRAL_SMTP_FROM", "reservations@localhost"),
            smtp_timeout_s=_float("CENTRAL_SMTP_TIMEOUT_S", 5.0),
            email_attempts=_int("CENTRAL_EMAIL_ATTEMPTS", 3),
            email_backoff_s=_float("CENTRAL_EMAIL_BACKOFF_S", 1.0),
            tombstone_retention_days=_int("CENTRAL_TOMBSTONE_RETENTION_DAYS", 60),
            dedup_retention_days=_int("CENTRAL_DEDUP_RETENTION_DAYS", 90),
            reservation_window_days=_int("CENTRAL_RESERVATION_WINDOW_DAYS", 90),
            stats_retention_days=_int("CENTRAL_STATS_RETENTION_DAYS", 90),
            maintenance_file=Path(os.environ.get("CENTRAL_MAINTENANCE_FILE")
                                  or DEFAULT_MAINTENANCE_FILE).resolve(),
            maintenance_check_s=_float("CENTRAL_MAINTENANCE_CHECK_S", 2.0),
            rate_per_s=_float("CENTRAL_RATE_PER_S", 50.0),
            rate_burst=_int("CENTRAL_RATE_BURST", 200),
            threads=max(1, _int("CENTRAL_THREADS", 16)),
            stats_flush_s=_float("CENTRAL_STATS_FLUSH_S", 10.0),
        )
