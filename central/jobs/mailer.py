"""E-mail delivery over SMTP: each mail tried up to N times with exponential backoff.

Mails are claimed (``pending`` → ``sending``) in a short transaction, with SKIP LOCKED on
PostgreSQL so two processes never send the same mail; a mail that still fails after the
last attempt is marked ``failed`` with its error, visible in ``report`` and the metrics.
"""

from __future__ import annotations

import smtplib
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from email.message import EmailMessage
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from central import metrics
from central.db import tables as t
from central.db.engine import write
from central.settings import Settings

BATCH = 50
STALE = timedelta(minutes=15)


def _claim(engine: Engine, now: datetime) -> list[Any]:
    e = t.emails
    with write(engine) as conn:
        stale = sa.and_(e.c.status == "sending", e.c.created_at < now - STALE)
        stmt = sa.select(e).where(sa.or_(e.c.status == "pending", stale)
                                  ).order_by(e.c.created_at).limit(BATCH)
        if conn.dialect.name == "postgresql":
            stmt = stmt.with_for_update(skip_locked=True)
        rows = list(conn.execute(stmt).mappings())
        if rows:
            conn.execute(sa.update(e).where(e.c.id.in_([r["id"] for r in rows]))
                         .values(status="sending"))
    return rows


def _send(settings: Settings, row: Any) -> None:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = settings.smtp_sender, row["to_addr"], row["subject"]
    msg.set_content(row["body"])
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port,
                      timeout=settings.smtp_timeout_s) as smtp:
        smtp.send_message(msg)


def _deliver(settings: Settings, row: Any, sleep: Callable[[float], None]
             ) -> tuple[bool, int, str | None]:
    error: str | None = None
    for attempt in range(1, settings.email_attempts + 1):
        try:
            _send(settings, row)
            return True, attempt, None
        except (smtplib.SMTPException, OSError) as exc:
            error = f"{type(exc).__name__}: {exc}"[:500]
            metrics.EMAILS.labels("retried").inc()
            if attempt < settings.email_attempts:
                sleep(settings.email_backoff_s * 2 ** (attempt - 1))
    return False, settings.email_attempts, error


def send_pending(engine: Engine, settings: Settings, now: datetime,
                 sleep: Callable[[float], None] = time.sleep) -> dict[str, int]:
    """Send every pending mail; return how many were sent and how many failed for good."""
    sent = failed = 0
    for row in _claim(engine, now):
        ok, attempts, error = _deliver(settings, row, sleep)
        with write(engine) as conn:
            conn.execute(sa.update(t.emails).where(t.emails.c.id == row["id"]).values(
                status="sent" if ok else "failed", attempts=row["attempts"] + attempts,
                last_error=error, sent_at=now if ok else None))
        metrics.EMAILS.labels("sent" if ok else "failed").inc()
        sent, failed = sent + ok, failed + (not ok)
    return {"sent": sent, "failed": failed}
