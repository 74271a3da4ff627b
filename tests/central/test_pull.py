"""Pull through a real server: paging under concurrent writes, commit order (invariant 6),
tombstones and the 410 for an expired cursor."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from central.db.engine import write
from central.domain.changes import ChangeSet, publish
from central.domain.pull import Cursor
from tests.central.conftest import ROOT, World, book, tomorrow

State = dict[tuple[str, str], Any]


def apply(state: State, changes: list[dict[str, Any]]) -> State:
    for c in changes:
        key = (c["entity"], c["id"])
        if c["deleted"]:
            state.pop(key, None)
        else:
            state[key] = c["data"]
    return state


def test_full_sync_has_site_flag_and_members(world: World) -> None:
    changes, _ = world.kiosk().pull_all()
    entities = {c["entity"] for c in changes}
    assert {"site", "flag", "member"} <= entities
    flag = next(c for c in changes if c["entity"] == "flag")
    assert flag["data"]["site"] is True
    versions = [c["version"] for c in changes]
    assert versions == sorted(versions)


def test_transactions_committing_out_of_order_are_both_pulled(world: World) -> None:
    """Invariant 6: a transaction holds version v open while a later one is committing."""
    kiosk, resource = world.kiosk(), world.resource()
    _, cursor = kiosk.pull_all()
    held = write(world.engine)
    conn = held.__enter__()
    cs = ChangeSet()
    cs.put(world.site_id, "resource", resource, {"id": resource, "note": "held"})
    publish(conn, cs, datetime.now(UTC))  # takes version v, not committed yet
    m = book(kiosk, resource, world.member_ids[0], tomorrow(7))
    replies: list[Any] = []
    pusher = threading.Thread(target=lambda: replies.append(kiosk.push(m)))
    pusher.start()
    time.sleep(0.5)
    early = kiosk.pull(cursor).json()
    assert early["changes"] == []  # nothing committed yet: the cursor must not move past v
    held.__exit__(None, None, None)
    pusher.join(30)
    assert replies[0].json()["results"][0]["outcome"] == "applied"
    changes, _ = kiosk.pull_all(early["cursor"])
    got = {(c["entity"], c["id"]): c["version"] for c in changes}
    assert ("resource", resource) in got and ("reservation", m["args"]["id"]) in got
    assert got[("resource", resource)] < got[("reservation", m["args"]["id"])]


def test_paging_while_writes_happen_loses_nothing(world: World) -> None:
    writer, reader = world.kiosk(), world.kiosk()
    resources = [world.resource() for _ in range(3)]
    state: State = {}
    body = reader.pull(limit=5).json()
    apply(state, body["changes"])
    cursor = body["cursor"]
    done = threading.Event()

    def write_loop() -> None:
        for i in range(30):
            m = book(writer, resources[i % 3], world.member_ids[i % 5],
                     tomorrow(0) + timedelta(days=3, hours=i))
            writer.push(m)
            if i % 4 == 0:
                writer.push(writer.mutation("reservation.cancel", id=m["args"]["id"]))
        done.set()

    thread = threading.Thread(target=write_loop)
    thread.start()
    while not done.is_set() or body["has_more"]:
        body = reader.pull(cursor, limit=5).json()
        apply(state, body["changes"])
        cursor = body["cursor"]
    thread.join()
    body = reader.pull(cursor).json()
    apply(state, body["changes"])
    fresh, _ = world.kiosk().pull_all()
    assert state == apply({}, fresh)


def _cli(world: World, *args: str) -> str:
    out = subprocess.run([sys.executable, "-m", "central", "--db", world.db_url, *args],
                         cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    return out.stdout


def test_expired_cursor_gets_410_and_full_sync_recovers(world: World) -> None:
    kiosk = world.kiosk()
    _, old_cursor = kiosk.pull_all()
    later = datetime.now(UTC) + timedelta(days=200)
    _cli(world, "jobs", "run", "prune", "--now", later.isoformat(),  # bookings leave window
         "--allow-future")
    changes, _ = kiosk.pull_all(old_cursor)
    assert changes and all(c["deleted"] and c["data"] is None for c in changes)
    _cli(world, "jobs", "run", "prune", "--now", (later + timedelta(days=90)).isoformat(),
         "--allow-future")
    gone = kiosk.pull(old_cursor)
    assert gone.status_code == 410
    assert gone.headers["content-type"].startswith("application/problem+json")
    full, cursor = kiosk.pull_all()
    assert not any(c["deleted"] for c in full)
    assert kiosk.pull(cursor).status_code == 200


def _cursor(site_id: str, version: int, full: bool = False) -> str:
    return Cursor(site_id, version, full).encode()


def test_a_cursor_the_server_never_issued_gets_410(world: World) -> None:
    """Rev. 2: a cursor ahead of the site's counter (a server restored from backup) or
    past any counter at all is not silently rewound: 410, then a full sync."""
    kiosk = world.kiosk()
    _, cursor = kiosk.pull_all()
    now = Cursor.decode(cursor).version
    for version in (now + 1, now + 10_000, 2**63 - 1, 2**63, 2**64 + 5, 10**40):
        for full in (False, True):
            gone = kiosk.pull(_cursor(world.site_id, version, full))
            assert gone.status_code == 410, (version, full, gone.text)
            assert "full sync" in gone.json()["detail"]
    assert kiosk.pull(cursor).status_code == 200  # the real cursor still works


def _raw_and_body(world: World, encoding: str) -> tuple[str | None, int, int]:
    """A full sync's first page asked with ``Accept-Encoding: encoding``: the answer's
    Content-Encoding, the bytes on the wire and the bytes of the JSON."""
    kiosk = world.kiosk()
    headers = {**kiosk.headers, "Accept-Encoding": encoding}
    with kiosk.client.stream("GET", f"{world.server.url}/api/v1/sync/pull",
                             headers=headers, params={"limit": 1000}) as answer:
        body = answer.read()
        assert answer.status_code == 200
        return answer.headers.get("content-encoding"), answer.num_bytes_downloaded, len(body)


def test_a_large_pull_is_gzipped_only_when_the_kiosk_accepts_it(world: World) -> None:
    for _ in range(20):  # a page of some kilobytes
        world.resource(max_minutes=120)
    encoding, wire, body = _raw_and_body(world, "gzip")
    assert encoding == "gzip"
    assert wire < body / 2
    encoding, wire, body = _raw_and_body(world, "identity")
    assert encoding is None
    assert wire == body


def test_an_idle_pull_is_small_and_sent_as_is(world: World) -> None:
    kiosk = world.kiosk()
    _, cursor = kiosk.pull_all()
    answer = kiosk.client.get(f"{world.server.url}/api/v1/sync/pull",
                              headers={**kiosk.headers, "Accept-Encoding": "gzip"},
                              params={"cursor": cursor, "limit": 1000})
    assert answer.json()["changes"] == []
    assert answer.headers.get("content-encoding") is None
    assert answer.num_bytes_downloaded < 1024
