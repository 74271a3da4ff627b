"""E-mail delivery over SMTP: each mail tried up to N times with exponential backoff.

Mails are claimed (``pending`` → ``sending``) in a short transaction, with SKIP LOCKED on
PostgreSQL so two processes never send the same mail. Each mail ends the run in a state of
its own, whatever happens to it, so one bad mail never holds up the rest:

- ``sent``;
- ``failed`` with its reason: an address or message that cannot be sent (no retry), a
  refusal by the relay after the last attempt;
- back to ``pending`` (with its attempts counted): the relay could not be reached, or the
  server is stopping. An unreachable relay ends the run — every other mail would wait for
  the same timeouts — and the next run tries again.

Every SMTP call has a timeout (``smtp_timeout_s``) and the backoff waits on ``stop``, so a
run never outlasts a shutdown by more than one timeout; a run also starts no new mail once
it has taken ``job_interval_s`` (a slow relay), so it never holds up the next run. A mail
left ``sending`` (its process died) is claimed again after ``STALE``; ``report`` and
``/metrics`` show how many mails are in each state, ``sending`` included.
"""

from __future__ import annotations

import smtplib
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from central import metrics
from central.db import tables as t
from central.db.engine import is_dry_run, write
from central.domain.mail import address
from central.settings import Settings

BATCH = 50
STALE = timedelta(minutes=15)


def _unreachable(exc: OSError) -> bool:
    """The relay could not be reached or went away: not this mail's fault. (Every
    ``SMTPException`` is an ``OSError``; the ones the relay answered with are not this.)"""
    if isinstance(exc, smtplib.SMTPConnectError | smtplib.SMTPServerDisconnected):
        return True
    return not isinstance(exc, smtplib.SMTPException)


@dataclass(frozen=True, slots=True)
class Outcome:
    status: str  # sent, failed or pending
    attempts: int
    error: str | None = None


def _candidates(now: datetime) -> sa.Select[Any]:
    e = t.emails
    stale = sa.and_(e.c.status == "sending", e.c.created_at < now - STALE)
    return sa.select(e).where(sa.or_(e.c.status == "pending", stale)
                              ).order_by(e.c.created_at).limit(BATCH)


def _claim(engine: Engine, now: datetime) -> list[Any]:
    e = t.emails
    with write(engine) as conn:
        stmt = _candidates(now)
        if conn.dialect.name == "postgresql":
            stmt = stmt.with_for_update(skip_locked=True)
        rows = list(conn.execute(stmt).mappings())
        if rows:
            conn.execute(sa.update(e).where(e.c.id.in_([r["id"] for r in rows]))
                         .values(status="sending"))
    return rows


def _message(settings: Settings, row: Any) -> EmailMessage:
    """The mail to send; ``ValueError`` when it cannot be built (a bad address)."""
    try:
        to_addr = address(row["to_addr"])
    except ValueError as exc:
        raise ValueError(f"the address {row['to_addr']!r} {exc}") from exc
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = settings.smtp_sender, to_addr, row["subject"]
    msg.set_content(row["body"])
    return msg


def _send(settings: Settings, msg: EmailMessage) -> None:
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port,
                      timeout=settings.smtp_timeout_s) as smtp:
        smtp.send_message(msg)


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:500]


def _deliver(settings: Settings, row: Any, stop: threading.Event) -> Outcome:
    try:
        msg = _message(settings, row)
    except Exception as exc:
        return Outcome("failed", 0, _error(exc))
    error: str | None = None
    for attempt in range(1, settings.email_attempts + 1):
        try:
            _send(settings, msg)
            return Outcome("sent", attempt)
        except OSError as exc:  # smtplib's errors included
            error, unreachable = _error(exc), _unreachable(exc)
        except Exception as exc:
            return Outcome("failed", attempt, _error(exc))
        metrics.EMAILS.labels("retried").inc()
        last = attempt == settings.email_attempts
        if stop.is_set() or (unreachable and last):
            return Outcome("pending", attempt, error)
        if not last and stop.wait(settings.email_backoff_s * 2 ** (attempt - 1)):
            return Outcome("pending", attempt, error)
    return Outcome("failed", settings.email_attempts, error)


def _record(engine: Engine, row: Any, outcome: Outcome, now: datetime) -> None:
    with write(engine) as conn:
        conn.execute(sa.update(t.emails).where(t.emails.c.id == row["id"]).values(
            status=outcome.status, attempts=row["attempts"] + outcome.attempts,
            last_error=outcome.error, sent_at=now if outcome.status == "sent" else None))


def _release(engine: Engine, rows: list[Any]) -> None:
    if rows:
        with write(engine) as conn:
            conn.execute(sa.update(t.emails).where(t.emails.c.id.in_(
                [r["id"] for r in rows])).values(status="pending"))


def send_pending(engine: Engine, settings: Settings, now: datetime,
                 stop: threading.Event | None = None) -> dict[str, int]:
    """Send the pending mails (one batch); return how many were sent, failed for good and
    put back for the next run. A dry run sends nothing and says how many it would try."""
    stop = stop or threading.Event()
    if is_dry_run():
        with engine.connect() as conn:
            due = len(conn.execute(_candidates(now)).all())
        return {"would_send": due}
    counts = {"sent": 0, "failed": 0, "pending": 0}
    rows = _claim(engine, now)
    deadline = time.monotonic() + settings.job_interval_s
    for i, row in enumerate(rows):
        if stop.is_set() or time.monotonic() > deadline:
            _release(engine, rows[i:])
            counts["pending"] += len(rows) - i
            break
        outcome = _deliver(settings, row, stop)
        _record(engine, row, outcome, now)
        counts[outcome.status] += 1
        if outcome.status != "pending":
            metrics.EMAILS.labels(outcome.status).inc()
        else:  # the relay is away or we are stopping: the rest waits for the next run
            _release(engine, rows[i + 1:])
            counts["pending"] += len(rows) - i - 1
            break
    return counts
