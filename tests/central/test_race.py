"""The double-booking race: two server processes, many concurrent kiosks, one slot —
exactly one winner every round, on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest

from central.db.engine import make_engine
from central.db.migrate import upgrade
from tests.central.conftest import BACKENDS, Kiosk, Server, World, book, make_db, seed, tomorrow

CLIENTS, ROUNDS = 12, 6


@pytest.fixture(scope="module", params=BACKENDS)
def two_servers(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                ) -> Iterator[tuple[World, Server]]:
    db_url = make_db(request.param, tmp_path_factory.mktemp("race"), request)
    engine = make_engine(db_url)
    upgrade(engine)
    site_id, members = seed(engine, members=CLIENTS)
    first, second = Server(db_url), Server(db_url)
    try:
        yield World(db_url, engine, first, site_id, members), second
    finally:
        first.close()
        second.close()
        engine.dispose()


def test_exactly_one_winner_per_round(two_servers: tuple[World, Server]) -> None:
    world, second = two_servers
    kiosks = [world.kiosk() for _ in range(CLIENTS)]
    for i, k in enumerate(kiosks):
        if i % 2:
            k.base = second.url
    for round_no in range(ROUNDS):
        resource = world.resource(buffer_minutes=15 * (round_no % 2))
        start = tomorrow(8) + timedelta(hours=round_no)
        # half ask for the exact slot, half for one shifted by 30 min: all overlap
        muts = [book(k, resource, world.member_ids[i], start + timedelta(minutes=30 * (i % 2)))
                for i, k in enumerate(kiosks)]
        barrier = threading.Barrier(CLIENTS)
        outcomes: list[str] = []

        def go(k: Kiosk, m: dict[str, object], barrier: threading.Barrier = barrier,
               outcomes: list[str] = outcomes) -> None:
            barrier.wait()
            reply = k.push(m)
            assert reply.status_code == 200, reply.text
            outcomes.append(reply.json()["results"][0]["outcome"])

        threads = [threading.Thread(target=go, args=(k, m)) for k, m in zip(kiosks, muts,
                                                                              strict=True)]
        for th in threads:
            th.start()
        for th in threads:
            th.join(60)
        assert sorted(outcomes) == ["applied"] + ["rejected"] * (CLIENTS - 1), round_no
