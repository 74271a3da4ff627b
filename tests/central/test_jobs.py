"""Server jobs through real processes: waitlist offer mail over SMTP (aiosmtpd), retries
against a failing SMTP server, and the no-show sweep run by two processes at once."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from aiosmtpd.controller import Controller

from central.db import tables as t
from tests.central.conftest import ROOT, World, book, tomorrow
from tests.helpers.postgres import free_port


class Recorder:
    """An SMTP handler that keeps what it receives, or refuses everything with 451."""

    def __init__(self, fail: bool = False) -> None:
        self.fail, self.messages, self.attempts = fail, [], 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.attempts += 1
        if self.fail:
            return "451 4.3.0 try again later"
        self.messages.append((list(envelope.rcpt_tos), envelope.content.decode()))
        return "250 OK"


@pytest.fixture
def smtp(request: pytest.FixtureRequest) -> Iterator[tuple[Recorder, int]]:
    handler = Recorder(fail=getattr(request, "param", False))
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, port
    controller.stop()


def cli(world: World, *args: str, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "central", "--db", world.db_url, *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
                          env={**os.environ, **(env or {})})


def _offer(world: World) -> str:
    """Book a slot, put another member on its waitlist, cancel: the slot is offered."""
    kiosk, resource = world.kiosk(), world.resource()
    booking = book(kiosk, resource, world.member_ids[0], tomorrow(15))
    join = kiosk.mutation("waitlist.join", id=str(uuid.uuid4()), resource_id=resource,
                          member_id=world.member_ids[3], starts_at=tomorrow(15).isoformat(),
                          ends_at=(tomorrow(15) + timedelta(hours=1)).isoformat())
    cancel = kiosk.mutation("reservation.cancel", id=booking["args"]["id"])
    results = kiosk.push(booking, join, cancel).json()["results"]
    assert [r["outcome"] for r in results] == ["applied"] * 3
    changes, _ = kiosk.pull_all()
    entry = next(c for c in changes if c["id"] == join["args"]["id"])
    assert entry["data"]["status"] == "offered" and entry["data"]["offer_expires_at"]
    return str(join["args"]["id"])


def _smtp_env(port: int) -> dict[str, str]:
    return {"CENTRAL_SMTP_PORT": str(port), "CENTRAL_EMAIL_BACKOFF_S": "0.05",
            "CENTRAL_SMTP_TIMEOUT_S": "5"}


def _mail_rows(world: World) -> list[Any]:
    with world.engine.connect() as conn:
        return list(conn.execute(sa.select(t.emails).where(
            t.emails.c.kind == "waitlist_offer")).mappings())


def test_waitlist_offer_mail_reaches_smtp(world: World, smtp: tuple[Recorder, int]) -> None:
    handler, port = smtp
    _offer(world)
    out = cli(world, "jobs", "run", "email", env=_smtp_env(port))
    assert '"sent": ' in out.stdout
    assert any("m3@example.org" in rcpt for rcpt, _ in handler.messages)
    assert any("held for you" in body for _, body in handler.messages)
    assert all(r["status"] == "sent" for r in _mail_rows(world))


@pytest.mark.parametrize("smtp", [True], indirect=True)
def test_failing_smtp_is_tried_three_times_and_recorded(
        world: World, smtp: tuple[Recorder, int]) -> None:
    handler, port = smtp
    with world.engine.begin() as conn:  # only this test's mail is pending
        conn.execute(sa.update(t.emails).where(t.emails.c.status == "pending")
                     .values(status="sent"))
    _offer(world)
    out = cli(world, "jobs", "run", "email", env=_smtp_env(port))
    assert '"failed": 1' in out.stdout
    assert handler.attempts == 3
    failed = [r for r in _mail_rows(world) if r["status"] == "failed"]
    assert len(failed) == 1 and failed[0]["attempts"] == 3 and "451" in failed[0]["last_error"]
    report = cli(world, "report").stdout
    assert "failed after retries" in report and "1 failed" in report


def test_two_processes_sweep_each_no_show_once(world: World) -> None:
    kiosk = world.kiosk()
    resources = [world.resource() for _ in range(4)]
    members = world.member_ids
    with world.engine.connect() as conn:
        before = dict(conn.execute(sa.select(t.members.c.id, t.members.c.no_show_count)).all())
    batch = [book(kiosk, resources[i % 4], members[i % 5], tomorrow(6) + timedelta(hours=i))
             for i in range(40)]
    assert all(r["outcome"] == "applied" for r in kiosk.push(*batch).json()["results"])
    when = (tomorrow(6) + timedelta(days=3)).isoformat()
    procs = [subprocess.Popen([sys.executable, "-m", "central", "--db", world.db_url, "jobs",
                               "run", "no-show-sweep", "--now", when, "--allow-future"], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=120)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs)
    import json

    # on PostgreSQL a run that finds the other holding the job's lock is skipped
    summaries = [json.loads(o) for o in outputs]
    assert all(s == {"skipped": 1} or "marked" in s for s in summaries)
    marked = sum(s.get("marked", 0) for s in summaries)
    ids = [m["args"]["id"] for m in batch]
    with world.engine.connect() as conn:
        statuses = conn.execute(sa.select(t.reservations.c.status).where(
            t.reservations.c.id.in_(ids))).scalars().all()
        after = dict(conn.execute(sa.select(t.members.c.id, t.members.c.no_show_count)).all())
    assert set(statuses) == {"no_show"}
    assert marked >= 40
    for i, member in enumerate(members):
        expected = sum(1 for j in range(40) if j % 5 == i)
        assert after[member] - before[member] == expected
