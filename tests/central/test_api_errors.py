"""Auth, scoping and bad input: problem+json with the right status, nothing written."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
import sqlalchemy as sa

from central.db import tables as t
from central.db.engine import write
from central.domain import devices
from tests.central.conftest import Kiosk, World, book, seed, tomorrow


def _problem(reply: httpx.Response, status: int) -> dict[str, object]:
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"].startswith("application/problem+json")
    body = reply.json()
    assert body["status"] == status and body["title"]
    return dict(body)


def _written(world: World) -> tuple[int, ...]:
    with world.engine.connect() as conn:
        return tuple(int(conn.execute(sa.select(sa.func.count()).select_from(tb)).scalar_one())
                     for tb in (t.reservations, t.device_mutations, t.changes,
                                t.reservation_waitlist))


@pytest.fixture
def kiosk(world: World) -> Iterator[Kiosk]:
    yield world.kiosk()


def test_revoked_token_gets_401(world: World, kiosk: Kiosk) -> None:
    assert kiosk.pull().status_code == 200
    with write(world.engine) as conn:
        devices.revoke(conn, kiosk.device_id, datetime.now(UTC))
    body = _problem(kiosk.pull(), 401)
    assert kiosk.token not in json.dumps(body)
    _problem(kiosk.push(book(kiosk, world.resource(), world.member_ids[0], tomorrow())), 401)


@pytest.mark.parametrize("header", [None, "Bearer nope", "Bearer " + "x" * 500,
                                    f"Bearer {uuid.uuid4()}.wrong", "Basic abc"])
def test_bad_tokens_get_401(world: World, kiosk: Kiosk, header: str | None) -> None:
    headers = {"X-Schema-Version": "1", **({"Authorization": header} if header else {})}
    _problem(httpx.get(f"{world.server.url}/api/v1/sync/pull", headers=headers), 401)


def test_old_schema_gets_426_and_missing_gets_400(world: World, kiosk: Kiosk) -> None:
    url = f"{world.server.url}/api/v1/sync/pull"
    auth = {"Authorization": f"Bearer {kiosk.token}"}
    _problem(httpx.get(url, headers={**auth, "X-Schema-Version": "0"}), 426)
    _problem(httpx.get(url, headers=auth), 400)


def test_another_sites_data_gets_403(world: World, kiosk: Kiosk) -> None:
    other_site, other_members = seed(world.engine, name=f"Other {uuid.uuid4().hex[:4]}")
    other, resource = world.kiosk(other_site), world.resource()
    before = _written(world)
    _problem(kiosk.push(book(kiosk, resource, other_members[0], tomorrow())), 403)
    body = {"device_id": other.device_id, "mutations": []}
    _problem(kiosk.client.post(f"{kiosk.base}/api/v1/sync/push", headers=kiosk.headers,
                               json=body), 403)
    _, foreign_cursor = other.pull_all()
    _problem(kiosk.pull(foreign_cursor), 403)
    assert _written(world) == before


def _raw_push(kiosk: Kiosk, content: bytes) -> httpx.Response:
    return kiosk.client.post(f"{kiosk.base}/api/v1/sync/push", content=content,
                             headers={**kiosk.headers, "Content-Type": "application/json"})


def _bad_bodies(kiosk: Kiosk, world: World) -> list[tuple[bytes, int]]:
    resource, member = world.resource(), world.member_ids[0]
    good = book(kiosk, resource, member, tomorrow(), seq=1)
    naive = {**good, "args": {**good["args"], "starts_at": "2030-01-01T10:00:00"}}
    wrong = {**good, "seq": "one"}
    unknown = {**good, "name": "reservation.destroy_all"}
    sqlish = {**good, "args": {**good["args"], "resource_id": "1; DROP TABLE reservations"}}
    staff = kiosk.mutation("reservation.clear_no_show", seq=1, id=str(uuid.uuid4()),
                           staff_id="x' OR 1=1 --" * 30)

    def body(*ms: object) -> bytes:
        return json.dumps({"device_id": kiosk.device_id, "mutations": list(ms)}).encode()

    return [
        (b'{"device_id": ', 400), (b"\xff\xfe not json", 400),
        (body(naive), 422), (body(wrong), 422), (body(unknown), 422), (body(sqlish), 422),
        (body(staff), 422), (b"[]", 422), (body(*[good] * 501), 422),
        (b'{"pad": "' + b"x" * (1024 * 1024 + 10) + b'"}', 413),
    ]


def test_bad_input_is_refused_with_nothing_written(world: World, kiosk: Kiosk) -> None:
    bodies = _bad_bodies(kiosk, world)
    before = _written(world)
    for content, status in bodies:
        _problem(_raw_push(kiosk, content), status)
    assert _written(world) == before
    assert kiosk.pull().json()["last_mutation_seq"] == 0


def test_huge_chunked_body_gets_413(world: World, kiosk: Kiosk) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(20):
            yield b"x" * 65536

    reply = kiosk.client.post(f"{kiosk.base}/api/v1/sync/push", content=chunks(),
                              headers={**kiosk.headers, "Content-Type": "application/json"})
    _problem(reply, 413)


def test_bad_cursor_and_limit(world: World, kiosk: Kiosk) -> None:
    _problem(kiosk.pull("not-a-cursor"), 400)
    _problem(kiosk.pull(limit=5001), 422)
    _problem(kiosk.pull(limit=0), 422)


def test_checkin_returns_flags_and_clock(world: World, kiosk: Kiosk) -> None:
    reply = kiosk.client.post(f"{kiosk.base}/api/v1/checkin", headers=kiosk.headers, json={
        "device_id": kiosk.device_id, "app_version": "0.1", "cursor": None,
        "outbox_depth": 2, "oldest_pending_at": "2026-01-01T00:00:00Z", "metrics": {"a": 1}})
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["flags"]["reservation_system_enabled"]["site"] is True
    assert body["poll_after_s"] == 30 and body["server_time"]
    with world.engine.connect() as conn:
        depth = conn.execute(sa.select(t.devices.c.outbox_depth).where(
            t.devices.c.id == kiosk.device_id)).scalar_one()
    assert depth == 2


def test_health_and_metrics(world: World) -> None:
    assert httpx.get(f"{world.server.url}/healthz").json()["status"] == "ok"
    assert httpx.get(f"{world.server.url}/readyz").json()["status"] == "ready"
    text = httpx.get(f"{world.server.url}/metrics").text
    assert "central_conflict_query_seconds_bucket" in text
    assert "central_request_errors_total" in text
