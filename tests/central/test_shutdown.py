"""SIGTERM ends ``central serve`` promptly while its mail job is stuck on a relay that
accepts connections and never answers, with kiosks pulling meanwhile: the job stops at its
next step (its SMTP calls have a timeout), and the mails it held go back to ``pending``.
With one process and with ``--workers 2`` (uvicorn's supervisor passes the signal on to
real worker processes, each running its own jobs)."""

from __future__ import annotations

import contextlib
import signal
import socket
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from central.db import tables as t
from central.db.engine import make_engine, write
from central.db.migrate import upgrade
from central.domain import devices
from tests.central.conftest import Server, seed

SMTP_TIMEOUT_S = 3.0
#: What "promptly" allows: one SMTP timeout plus the server's own graceful stop.
BOUND_S = SMTP_TIMEOUT_S + 7


@pytest.mark.parametrize("workers", [1, 2])
def test_sigterm_ends_the_server_with_a_dead_relay_under_load(
        workers: int, tmp_path: Path, figure: Callable[[str], None]) -> None:
    db_url = f"sqlite:///{tmp_path / 'c.db'}"
    engine = make_engine(db_url)
    upgrade(engine)
    site_id, _ = seed(engine)
    now = datetime.now(UTC)
    with write(engine) as conn:
        _, token = devices.issue(conn, site_id, "k", now)
        conn.execute(sa.insert(t.emails), [
            {"id": str(uuid.uuid4()), "kind": "k", "member_id": None,
             "to_addr": f"m{i}@example.org", "subject": "s", "body": "b", "status": "pending",
             "attempts": 0, "created_at": now - timedelta(minutes=i)} for i in range(20)])
    relay = socket.socket()
    relay.bind(("127.0.0.1", 0))
    relay.listen(100)
    relay.settimeout(60)
    server = Server(db_url, env={
        "CENTRAL_JOBS": "1", "CENTRAL_JOB_INTERVAL_S": "1",
        "CENTRAL_SMTP_PORT": str(relay.getsockname()[1]),
        "CENTRAL_SMTP_TIMEOUT_S": str(SMTP_TIMEOUT_S), "CENTRAL_EMAIL_BACKOFF_S": "0.5"},
        args=("--workers", str(workers)))
    stop = threading.Event()

    def load() -> None:
        headers = {"Authorization": f"Bearer {token}", "X-Schema-Version": "1"}
        with httpx.Client(timeout=5) as client:
            while not stop.is_set():
                with contextlib.suppress(httpx.HTTPError):
                    client.get(f"{server.url}/api/v1/sync/pull", headers=headers)

    pullers = [threading.Thread(target=load, daemon=True) for _ in range(4)]
    try:
        for p in pullers:
            p.start()
        held, _ = relay.accept()  # the mail job is now waiting on the dead relay
        time.sleep(0.5)
        started = time.monotonic()
        server.proc.send_signal(signal.SIGTERM)
        code = server.proc.wait(BOUND_S + 20)
        took = time.monotonic() - started
        figure(f"SIGTERM to exit with a dead relay under load, {workers} worker(s): "
               f"{took:.1f} s (exit {code})")
        assert took < BOUND_S, f"stopping took {took:.1f} s"
        held.close()
    finally:
        stop.set()
        for p in pullers:
            p.join(10)
        relay.close()
        if server.proc.poll() is None:
            server.proc.kill()
            server.proc.wait(10)
    with engine.connect() as conn:
        states = conn.execute(sa.select(t.emails.c.status, sa.func.count())
                              .group_by(t.emails.c.status)).all()
    engine.dispose()
    assert dict(states) == {"pending": 20}
