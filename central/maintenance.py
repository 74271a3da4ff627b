"""Maintenance mode: a row in the shared database that ``central maintenance on`` writes,
so every server process on every host that uses the database sees it, plus an optional
flag file per host (``CENTRAL_MAINTENANCE_FILE``) for when the database itself is being
replaced.

While either is on, push, pull and check-in answer 503 with ``Retry-After`` (the stored
seconds) and ``/readyz`` answers 503; kiosks keep their outboxes and retry. Each process
reads the row at most once every ``check_s`` seconds (``Switch``), so a change reaches
every instance within that time without a database round trip per request.

The row's table is operational state, not data: it is outside the migrated schema (so
``maintenance on`` works before an upgrade, on any schema version) and created by the
first ``on``; a database without it is not in maintenance.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from central.db.engine import write

DEFAULT_RETRY_AFTER = 300
#: Seconds a process trusts the row it last read.
DEFAULT_CHECK_S = 2.0
#: How long a read of the row may wait for a lock (a restore holding the table).
READ_LOCK_TIMEOUT_MS = 500

STATE = sa.Table(
    "central_maintenance", sa.MetaData(),
    sa.Column("id", sa.Integer, primary_key=True),  # always 1: one switch per database
    sa.Column("retry_after", sa.Integer, nullable=False),
    sa.Column("since", sa.DateTime(timezone=True), nullable=False),
)


def retry_after(flag: Path) -> int | None:
    """The host's flag file: None when absent, else the seconds kiosks should wait."""
    try:
        text = flag.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except OSError:
        return DEFAULT_RETRY_AFTER
    return int(text) if text.isdigit() and int(text) > 0 else DEFAULT_RETRY_AFTER


def turn_off_file(flag: Path) -> bool:
    """Remove the host's flag file; False when there was none."""
    try:
        flag.unlink()
    except FileNotFoundError:
        return False
    return True


def turn_on(engine: Engine, seconds: int = DEFAULT_RETRY_AFTER) -> None:
    """Put every server that uses this database in maintenance."""
    STATE.create(engine, checkfirst=True)
    with write(engine) as conn:
        conn.execute(sa.delete(STATE))
        conn.execute(sa.insert(STATE).values(id=1, retry_after=max(1, seconds),
                                             since=datetime.now(UTC)))


def turn_off(engine: Engine) -> bool:
    """End maintenance for every server of this database; False when it was not on."""
    if not sa.inspect(engine).has_table(STATE.name):
        return False
    with write(engine) as conn:
        return bool(conn.execute(sa.delete(STATE)).rowcount)


def shared_retry_after(conn: Connection) -> int | None:
    """The database's switch: None when off (or never turned on), else the seconds."""
    try:
        value = conn.execute(sa.select(STATE.c.retry_after).where(STATE.c.id == 1)).scalar()
    except DBAPIError as exc:
        if _no_table(exc):
            return None
        raise
    return None if value is None else int(value)


def _no_table(exc: DBAPIError) -> bool:
    if getattr(exc.orig, "sqlstate", None) == "42P01":  # PostgreSQL: undefined_table
        return True
    return "no such table" in str(exc.orig)  # SQLite


class Switch:
    """A process's view of maintenance mode: the host's file (read on every call, a
    ``stat``) or the database's row (read at most every ``check_s`` seconds by one thread
    while the others use the last value, so a slow or absent database never queues
    requests behind this check)."""

    def __init__(self, engine: Engine, flag: Path, check_s: float = DEFAULT_CHECK_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.engine, self.flag, self.check_s, self.clock = engine, flag, check_s, clock
        self._value: int | None = None
        self._fresh_until = float("-inf")
        self._lock = threading.Lock()

    def retry_after(self) -> int | None:
        """None when this server takes sync requests, else the seconds kiosks wait."""
        local = retry_after(self.flag)
        if local is not None:
            return local
        if self.clock() >= self._fresh_until and self._lock.acquire(blocking=False):
            try:
                self._refresh()
            finally:
                self._lock.release()
        return self._value

    def _refresh(self) -> None:
        try:
            with self.engine.connect() as conn, conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(sa.text(f"SET LOCAL lock_timeout = {READ_LOCK_TIMEOUT_MS}"))
                self._value = shared_retry_after(conn)
        except DBAPIError:
            pass  # keep the last value: the request itself meets the database's state
        self._fresh_until = self.clock() + self.check_s
