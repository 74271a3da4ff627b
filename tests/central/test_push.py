"""Push through a real server: exactly once, seq ordering, rejections that do not block."""

from __future__ import annotations

import sqlalchemy as sa

from central.db import tables as t
from tests.central.conftest import World, book, tomorrow


def _count(world: World, table: sa.Table) -> int:
    with world.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def test_push_applies_a_booking_and_pull_returns_it(world: World) -> None:
    kiosk, resource = world.kiosk(), world.resource()
    m = book(kiosk, resource, world.member_ids[0], tomorrow(9))
    reply = kiosk.push(m)
    assert reply.status_code == 200, reply.text
    assert reply.json()["results"] == [
        {"id": m["id"], "outcome": "applied", "replayed": False, "code": None, "message": None,
         "reason": None, "params": None}]
    changes, _ = kiosk.pull_all()
    mine = [c for c in changes if c["entity"] == "reservation" and c["id"] == m["args"]["id"]]
    assert mine and mine[0]["data"]["status"] == "confirmed"
    assert mine[0]["data"]["starts_at"].endswith("Z")


def test_replayed_push_changes_nothing(world: World) -> None:
    kiosk, resource = world.kiosk(), world.resource()
    m = book(kiosk, resource, world.member_ids[0], tomorrow(10))
    first = kiosk.push(m).json()["results"][0]
    _, cursor = kiosk.pull_all()
    before = (_count(world, t.reservations), _count(world, t.device_mutations))
    again = kiosk.push(m).json()["results"][0]
    assert again == {**first, "replayed": True}
    assert (_count(world, t.reservations), _count(world, t.device_mutations)) == before
    assert kiosk.pull(cursor).json()["changes"] == []


def test_seq_gap_is_out_of_order_and_stops_the_batch(world: World) -> None:
    kiosk, resource = world.kiosk(), world.resource()
    m1 = book(kiosk, resource, world.member_ids[0], tomorrow(8), seq=1)
    m3 = book(kiosk, resource, world.member_ids[0], tomorrow(11), seq=3)
    m4 = book(kiosk, resource, world.member_ids[0], tomorrow(13), seq=4)
    results = kiosk.push(m1, m3, m4).json()["results"]
    assert [r["outcome"] for r in results] == ["applied", "out_of_order", "out_of_order"]
    assert kiosk.pull().json()["last_mutation_seq"] == 1
    m2 = book(kiosk, resource, world.member_ids[0], tomorrow(9), seq=2)
    results = kiosk.push(m2, m3, m4).json()["results"]
    assert [r["outcome"] for r in results] == ["applied"] * 3
    assert kiosk.pull().json()["last_mutation_seq"] == 4


def test_business_rejection_does_not_block_later_mutations(world: World) -> None:
    kiosk, resource = world.kiosk(), world.resource()
    a = book(kiosk, resource, world.member_ids[0], tomorrow(14))
    clash = book(kiosk, resource, world.member_ids[1], tomorrow(14))
    later = book(kiosk, resource, world.member_ids[1], tomorrow(16))
    results = kiosk.push(a, clash, later).json()["results"]
    assert [r["outcome"] for r in results] == ["applied", "rejected", "applied"]
    assert results[1]["code"] == "conflict" and results[1]["message"]
    body = kiosk.pull().json()
    assert body["last_mutation_seq"] == 3
    repeated = {r["id"]: r for r in body["mutation_results"]}
    assert repeated[clash["id"]]["outcome"] == "rejected"
    assert repeated[clash["id"]]["code"] == "conflict"


def test_buffer_is_enforced(world: World) -> None:
    kiosk, resource = world.kiosk(), world.resource(buffer_minutes=30)
    a = book(kiosk, resource, world.member_ids[0], tomorrow(9))
    close = book(kiosk, resource, world.member_ids[1], tomorrow(10))
    ok = book(kiosk, resource, world.member_ids[1], tomorrow(10).replace(minute=30))
    results = kiosk.push(a, close, ok).json()["results"]
    assert [r["outcome"] for r in results] == ["applied", "rejected", "applied"]


def test_cancel_and_check_in(world: World) -> None:
    kiosk, resource = world.kiosk(), world.resource()
    a = book(kiosk, resource, world.member_ids[2], tomorrow(18))
    cancel = kiosk.mutation("reservation.cancel", id=a["args"]["id"])
    check_in = kiosk.mutation("reservation.check_in", id=a["args"]["id"],
                              at=tomorrow(18).isoformat())
    results = kiosk.push(a, cancel, check_in).json()["results"]
    assert [r["outcome"] for r in results] == ["applied", "applied", "rejected"]
    assert results[2]["code"] == "cancelled"
