"""Contract details beyond the happy path: the kiosk's own id for a claimed waitlist slot,
429 and 503 with Retry-After, the report's per-request error rate, the mail a member gets
when a kiosk booking is rejected at sync, and how long dedup records are kept."""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from central.db import tables as t
from central.db.engine import make_engine, write
from central.db.migrate import upgrade
from central.settings import Settings
from kiosk.core.mutations import ClaimOffer, claim_reservation_id
from tests.central.conftest import Kiosk, Server, World, book, seed, tomorrow
from tests.central.test_jobs import Recorder, _offer, _smtp_env, cli, smtp

__all__ = ["smtp"]


def _claim(world: World, kiosk: Kiosk, entry_id: str, **extra: Any) -> dict[str, object]:
    reply = kiosk.push(kiosk.mutation("waitlist.claim", id=entry_id, **extra))
    assert reply.status_code == 200, reply.text
    result: dict[str, object] = reply.json()["results"][0]
    return result


def _reservation_ids(world: World) -> set[str]:
    with world.engine.connect() as conn:
        return set(conn.execute(sa.select(t.reservations.c.id)).scalars())


def test_claim_uses_the_kiosks_reservation_id(world: World) -> None:
    entry = _offer(world)
    kiosk, chosen = world.kiosk(), str(uuid.uuid4())
    assert _claim(world, kiosk, entry, reservation_id=chosen)["outcome"] == "applied"
    assert chosen in _reservation_ids(world)
    assert claim_reservation_id(ClaimOffer(entry)) not in _reservation_ids(world)
    changes, _ = kiosk.pull_all()
    claimed = next(c for c in changes if c["id"] == entry)
    assert claimed["data"]["status"] == "claimed"
    assert next(c for c in changes if c["id"] == chosen)["data"]["via"] == "waitlist"


def test_claim_without_reservation_id_derives_one(world: World) -> None:
    entry = _offer(world)
    assert _claim(world, world.kiosk(), entry)["outcome"] == "applied"
    assert claim_reservation_id(ClaimOffer(entry)) in _reservation_ids(world)


def test_claim_with_a_taken_reservation_id_is_invalid(world: World) -> None:
    entry = _offer(world)
    kiosk = world.kiosk()
    other = book(kiosk, world.resource(), world.member_ids[1], tomorrow(8))
    assert kiosk.push(other).json()["results"][0]["outcome"] == "applied"
    result = _claim(world, kiosk, entry, reservation_id=other["args"]["id"])
    assert (result["outcome"], result["code"]) == ("rejected", "invalid")
    bad = kiosk.push(kiosk.mutation("waitlist.claim", id=entry, reservation_id="nope"))
    assert bad.status_code == 422


def test_rejected_kiosk_booking_mails_the_member(world: World,
                                                 smtp: tuple[Recorder, int]) -> None:
    handler, port = smtp
    kiosk, resource = world.kiosk(), world.resource()
    first = book(kiosk, resource, world.member_ids[0], tomorrow(17))
    clash = book(kiosk, resource, world.member_ids[2], tomorrow(17))
    results = kiosk.push(first, clash).json()["results"]
    assert [(r["outcome"], r["code"]) for r in results] == [("applied", None),
                                                           ("rejected", "conflict")]
    cli(world, "jobs", "run", "email", env=_smtp_env(port))
    mails = [(rcpt, body) for rcpt, body in handler.messages if "m2@example.org" in rcpt]
    assert mails and "could not be kept" in mails[0][1]
    with world.engine.connect() as conn:
        kinds = conn.execute(sa.select(t.emails.c.status).where(
            t.emails.c.kind == "booking_rejected", t.emails.c.to_addr == "m2@example.org")
        ).scalars().all()
    assert kinds and set(kinds) == {"sent"}


@pytest.fixture
def lone(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A seeded SQLite database (its URL and site id) for servers with special settings."""
    url = f"sqlite:///{tmp_path / 'c.db'}"
    engine = make_engine(url)
    upgrade(engine)
    site_id, _ = seed(engine)
    engine.dispose()
    yield url, site_id


def _kiosk(url: str, site_id: str, server: Server) -> Kiosk:
    from central.domain import devices

    engine = make_engine(url)
    with write(engine) as conn:
        device_id, token = devices.issue(conn, site_id, "t", datetime.now(UTC))
    engine.dispose()
    return Kiosk(server.url, token, device_id)


def test_rate_limit_answers_429_with_retry_after(lone: tuple[str, str]) -> None:
    url, site_id = lone
    server = Server(url, {"CENTRAL_RATE_PER_S": "0.5", "CENTRAL_RATE_BURST": "3"})
    try:
        kiosk, other = _kiosk(url, site_id, server), _kiosk(url, site_id, server)
        codes = [kiosk.pull().status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        limited = kiosk.pull()
        assert limited.headers["content-type"].startswith("application/problem+json")
        assert int(limited.headers["Retry-After"]) >= 1
        assert other.pull().status_code == 200  # the bucket is per device
    finally:
        server.close()


def test_maintenance_mode_answers_503_and_health_says_so(lone: tuple[str, str],
                                                         tmp_path: Path) -> None:
    url, site_id = lone
    flag = tmp_path / "maintenance"
    # the server reads the database's switch on every request (no cache), so the answers
    # right after the command already show it
    env = {"CENTRAL_MAINTENANCE_FILE": str(flag), "CENTRAL_MAINTENANCE_CHECK_S": "0"}
    server = Server(url, env)
    try:
        kiosk = _kiosk(url, site_id, server)
        assert kiosk.pull().status_code == 200
        out = subprocess_cli(url, env, "maintenance", "on", "--retry-after", "120")
        assert "maintenance on" in out
        for reply in (kiosk.pull(), kiosk.push(), kiosk.client.post(
                f"{server.url}/api/v1/checkin", headers=kiosk.headers,
                json={"device_id": kiosk.device_id})):
            assert reply.status_code == 503, reply.text
            assert reply.headers["Retry-After"] == "120"
        health = httpx.get(f"{server.url}/healthz").json()
        assert health["status"] == "maintenance" and health["maintenance"] is True
        assert httpx.get(f"{server.url}/readyz").status_code == 503
        subprocess_cli(url, env, "maintenance", "off")
        assert kiosk.pull().status_code == 200
        assert httpx.get(f"{server.url}/readyz").status_code == 200
    finally:
        server.close()


def subprocess_cli(url: str, env: dict[str, str], *args: str) -> str:
    import os
    import subprocess
    import sys

    from tests.central.conftest import ROOT

    return subprocess.run([sys.executable, "-m", "central", "--db", url, *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=True,
                          env={**os.environ, **env}).stdout


def test_report_counts_the_error_rate_per_request(lone: tuple[str, str]) -> None:
    url, site_id = lone
    server = Server(url, {"CENTRAL_STATS_FLUSH_S": "0.2"})
    try:
        kiosk = _kiosk(url, site_id, server)
        for _ in range(5):
            assert kiosk.pull().status_code == 200
        assert kiosk.client.get(f"{server.url}/api/v1/sync/pull").status_code == 400
    finally:
        server.close()  # flushes what is left
    time.sleep(0.3)
    figures = {f["name"]: f for f in json.loads(subprocess_cli(url, {}, "report", "--json"))}
    per_request = figures["error rate per request"]
    assert per_request["value"] == 0 and per_request["ok"] is True
    counted = int(re.fullmatch(r"0 answers with 5xx of (\d+) requests",
                               per_request["note"]).group(1))  # type: ignore[union-attr]
    # the kiosk's pulls; the anonymous 400 and the health checks are not kiosk traffic
    assert counted == 5
    assert "error rate per mutation" in figures


def test_dedup_records_are_kept_for_weeks_then_pruned(world: World) -> None:
    assert Settings().dedup_retention_days >= 28
    kiosk = world.kiosk()
    m = book(kiosk, world.resource(), world.member_ids[4], tomorrow(19))
    assert kiosk.push(m).json()["results"][0]["outcome"] == "applied"
    in_three_weeks = (datetime.now(UTC) + timedelta(days=21)).isoformat()
    out = json.loads(cli(world, "jobs", "run", "prune", "--now", in_three_weeks,
                         "--allow-future").stdout)
    assert kiosk.push(m).json()["results"][0]["replayed"] is True  # still deduplicated
    env = {"CENTRAL_DEDUP_RETENTION_DAYS": "14"}
    out = json.loads(cli(world, "jobs", "run", "prune", "--now", in_three_weeks,
                         "--allow-future", env=env).stdout)
    assert out["dedup_records"] >= 1
    with world.engine.connect() as conn:
        left = conn.execute(sa.select(sa.func.count()).select_from(t.device_mutations).where(
            t.device_mutations.c.mutation_id == m["id"])).scalar_one()
    assert left == 0
