"""Mail that cannot be sent fails alone: a poisoned address between two good ones, with a
real SMTP server (aiosmtpd); addresses are checked where they enter (``members import``)
with the standard library's parser; ``report`` and ``/metrics`` count mails left
``sending``; an unreachable relay puts the mails back for the next run."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from aiosmtpd.controller import Controller
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from central.db import tables as t
from central.db.engine import write
from central.domain.mail import address
from tests.central.conftest import ROOT, World
from tests.central.test_jobs import Recorder, cli, smtp
from tests.helpers.postgres import free_port

__all__ = ["smtp"]
POISONS = ["good@example.org\r\nBcc: everyone@example.org", "a@b.org\nX-Evil: 1",
           "two@example.org, three@example.org", "Name <x@example.org>", "no-at-sign",
           "trailing@example.org ", "tab\t@example.org"]


def _mail(world: World, to_addr: str, minutes_ago: int) -> str:
    mail_id = str(uuid.uuid4())
    with write(world.engine) as conn:
        conn.execute(sa.insert(t.emails).values(
            id=mail_id, kind="poison-test", member_id=None, to_addr=to_addr,
            subject="Your booking", body="See you soon.", status="pending", attempts=0,
            created_at=datetime.now(UTC) - timedelta(minutes=minutes_ago)))
    return mail_id


def _rows(world: World, ids: list[str]) -> dict[str, Any]:
    with world.engine.connect() as conn:
        rows = conn.execute(sa.select(t.emails).where(t.emails.c.id.in_(ids))).mappings()
        return {r["id"]: r for r in rows}


def _quiet(world: World) -> None:
    with world.engine.begin() as conn:  # only this test's mails are pending
        conn.execute(sa.update(t.emails).where(t.emails.c.status.in_(["pending", "sending"]))
                     .values(status="sent"))


@pytest.mark.parametrize("poison", POISONS)
def test_a_poisoned_address_fails_alone_and_the_good_ones_go(
        world: World, smtp: tuple[Recorder, int], poison: str) -> None:
    handler, port = smtp
    _quiet(world)
    failed_before = _count(world, "failed")
    # queued before addresses were checked at import (a database from an older version)
    ids = [_mail(world, "first@example.org", 3), _mail(world, poison, 2),
           _mail(world, "last@example.org", 1)]
    out = cli(world, "jobs", "run", "email", env={"CENTRAL_SMTP_PORT": str(port),
                                                  "CENTRAL_EMAIL_BACKOFF_S": "0.05"})
    assert '"sent": 2' in out.stdout and '"failed": 1' in out.stdout
    assert sorted(r for rcpts, _ in handler.messages for r in rcpts) == [
        "first@example.org", "last@example.org"]
    rows = _rows(world, ids)
    assert [rows[i]["status"] for i in ids] == ["sent", "failed", "sent"]
    assert "address" in rows[ids[1]]["last_error"]
    assert f"{failed_before + 1} failed after retries" in cli(world, "report").stdout


def _count(world: World, status: str) -> int:
    with world.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(t.emails).where(
            t.emails.c.status == status)).scalar_one())


def test_report_and_metrics_count_mail_left_sending(world: World) -> None:
    _quiet(world)
    mail_id = _mail(world, "stuck@example.org", 1)
    with write(world.engine) as conn:  # a process died after claiming it
        conn.execute(sa.update(t.emails).where(t.emails.c.id == mail_id)
                     .values(status="sending"))
    assert "1 sending" in cli(world, "report").stdout
    text = httpx.get(f"{world.server.url}/metrics", timeout=30).text
    assert 'central_emails_queued{status="sending"} 1.0' in text
    _quiet(world)


def _dead_relay() -> tuple[socket.socket, int]:
    """A relay that accepts connections and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(100)
    return sock, int(sock.getsockname()[1])


def test_an_unreachable_relay_puts_mail_back_for_the_next_run(world: World) -> None:
    _quiet(world)
    ids = [_mail(world, f"wait{i}@example.org", 5 - i) for i in range(5)]
    relay, port = _dead_relay()
    try:
        out = cli(world, "jobs", "run", "email", env={
            "CENTRAL_SMTP_PORT": str(port), "CENTRAL_SMTP_TIMEOUT_S": "0.5",
            "CENTRAL_EMAIL_BACKOFF_S": "0.05"})
    finally:
        relay.close()
    assert '"pending": 5' in out.stdout, out.stdout
    rows = _rows(world, ids)
    assert {r["status"] for r in rows.values()} == {"pending"}
    assert rows[ids[0]]["attempts"] == 3 and "timed out" in rows[ids[0]]["last_error"]
    _quiet(world)


GOOD = st.emails().filter(lambda a: len(a) <= 254)


@settings(max_examples=200, deadline=None, database=None)
@given(good=GOOD)
def test_the_standard_parser_accepts_plain_addresses(good: str) -> None:
    assert address(good) == good


@settings(max_examples=200, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(good=GOOD, bad=st.sampled_from(["\r", "\n", "\r\n", "\x00", "\t", "\x7f", ",",
                                       " ", "<", ">"]), at=st.integers(0, 300))
def test_control_characters_and_lists_are_refused(good: str, bad: str, at: int) -> None:
    at %= len(good) + 1
    with pytest.raises(ValueError, match=r"address|control"):
        address(good[:at] + bad + good[at:])


def _csv(tmp: Path, email: str) -> Path:
    path = tmp / f"m-{uuid.uuid4().hex[:6]}.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        import csv

        writer = csv.writer(handle)
        writer.writerow(["number", "display_name", "email", "card", "pin"])
        writer.writerow(["A1", "Ann", "ann@example.org", "", ""])
        writer.writerow(["A2", "Bob", email, "", ""])
    return path


@pytest.mark.parametrize("poison", [p for p in POISONS if p.strip() == p])  # CSV is stripped
def test_import_refuses_a_bad_address_naming_its_line(world: World, tmp_path: Path,
                                                     poison: str) -> None:
    path = _csv(tmp_path, poison)
    with world.engine.connect() as conn:
        before = conn.execute(sa.select(sa.func.count()).select_from(t.members)).scalar_one()
    done = subprocess.run([sys.executable, "-m", "central", "--db", world.db_url, "members",
                           "import", str(path), "--site", world.site_id], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"{path} line 3: the e-mail" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    with world.engine.connect() as conn:
        after = conn.execute(sa.select(sa.func.count()).select_from(t.members)).scalar_one()
    assert after == before


class SlowRelay(Recorder):
    """Accepts every mail, after a pause."""

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await asyncio.sleep(0.6)
        return await super().handle_DATA(server, session, envelope)


def test_a_slow_relay_never_holds_up_the_next_run(world: World) -> None:
    """A run starts no new mail once it has taken the job interval; the rest wait."""
    _quiet(world)
    ids = [_mail(world, f"slow{i}@example.org", 10 - i) for i in range(8)]
    handler, port = SlowRelay(), free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        out = cli(world, "jobs", "run", "email", env={"CENTRAL_SMTP_PORT": str(port),
                                                      "CENTRAL_JOB_INTERVAL_S": "1"})
    finally:
        controller.stop()
    summary = json.loads(out.stdout)
    assert summary["failed"] == 0 and summary["sent"] >= 1 and summary["pending"] >= 1
    assert summary["sent"] + summary["pending"] == 8 == len(_rows(world, ids))
    assert len(handler.messages) == summary["sent"]
    _quiet(world)
