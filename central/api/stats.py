"""Per-request accounting for the go/no-go report's error rates, kept off the request path.

The plan's error rates are about kiosks' sync traffic, so only requests whose token was
accepted count: per hour and route, how many were answered and how many with a server
error; and each server error on a push (the "per mutation" rate) is remembered with its
time. A server error here is 500 or above except 503, which the contract uses for "busy or
in maintenance, retry later" (the kiosk retries; nothing is lost). Anonymous or refused
requests cannot move the figures.

A background thread adds the counts to ``request_stats`` and the push errors to
``request_errors`` every ``stats_flush_s`` seconds and once more at shutdown. Several
server processes add their own counts to the same rows. Both tables are pruned by the
prune job (``central.jobs.prune``); while the database is away at most ``MAX_PENDING``
errors wait in memory (older ones are dropped, and still counted in ``request_stats``).
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from central.db import tables as t
from central.db.engine import write

log = logging.getLogger("central.api")
Key = tuple[datetime, str]  # hour, route
MAX_PENDING = 10_000


def server_error(status: int) -> bool:
    """Whether an answer counts as a server error in the report (503 does not)."""
    return status >= 500 and status != 503


class RequestStats:
    """Thread-safe in-memory counts, flushed to the database in the background."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[Key, list[int]] = {}
        self._errors: list[dict[str, object]] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def count(self, route: str, status: int, path: str, *,
              device_id: str | None = None) -> None:
        """Count one answer; ``device_id`` is the authenticated device (None: anonymous
        or refused before its token was checked, not counted)."""
        if device_id is None or route == "other":
            return
        now = datetime.now(UTC)
        key = (now.replace(minute=0, second=0, microsecond=0), route)
        failed = server_error(status)
        with self._lock:
            pair = self._counts.setdefault(key, [0, 0])
            pair[0] += 1
            if failed:
                pair[1] += 1
                if route == "push":
                    self._errors.append({"at": now, "path": path[:200], "status": status})
                    del self._errors[:-MAX_PENDING]

    def flush(self, engine: Engine) -> None:
        """Add what was counted since the last flush to the database."""
        with self._lock:
            counts, errors = self._counts, self._errors
            self._counts, self._errors = {}, []
        if not counts and not errors:
            return
        rows = [{"hour": hour, "route": route, "requests": n, "errors_5xx": e}
                for (hour, route), (n, e) in counts.items()]
        try:
            with write(engine) as conn:
                if rows:
                    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
                    stmt = dialect.insert(t.request_stats).values(rows)
                    rs = t.request_stats
                    conn.execute(stmt.on_conflict_do_update(
                        index_elements=["hour", "route"],
                        set_={"requests": rs.c.requests + stmt.excluded.requests,
                              "errors_5xx": rs.c.errors_5xx + stmt.excluded.errors_5xx}))
                if errors:
                    conn.execute(sa.insert(t.request_errors), errors)
        except Exception:  # the database may be down: keep the counts for the next flush
            log.warning("could not flush request counts; keeping them for later")
            with self._lock:
                for (hour, route), (n, e) in counts.items():
                    pair = self._counts.setdefault((hour, route), [0, 0])
                    pair[0] += n
                    pair[1] += e
                self._errors[:0] = errors
                del self._errors[:-MAX_PENDING]

    def start(self, engine: Engine, every_s: float) -> None:
        def loop() -> None:
            while not self._stop.wait(every_s):
                self.flush(engine)

        self._thread = threading.Thread(target=loop, name="central-stats", daemon=True)
        self._thread.start()

    def stop(self, engine: Engine) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(10)
        self.flush(engine)
