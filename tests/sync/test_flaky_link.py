"""A flaky link between the kiosk and the server — connections dropped before and after
the server did the work, answers cut short, 500s after the fact, 429 and 503 with
Retry-After, answers held past the timeout — still converges: every change lands once,
the outbox drains, the cache equals the server, and a push that failed is retried with
no new local change to prompt it."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa

from central.db import tables as t
from kiosk.core.model import Interval
from kiosk.core.refusals import Refusal
from kiosk.store import outbox
from kiosk.sync.client import SyncClient
from kiosk.sync.engine import SyncEngine
from kiosk.sync.errors import SyncError
from kiosk.sync.token import load_token
from tests.helpers.flaky_proxy import BEHAVIOURS, FlakyProxy
from tests.sync.conftest import SLOT, Central, Kiosk, base_time

SCRIPT = ["pass", "drop_after", "truncate", "500_after", "429", "drop_before", "503",
          "hang_after", "slow", "pass", "drop_after", "500_after"]
assert set(SCRIPT) == set(BEHAVIOURS)


@pytest.fixture
def proxy(central: Central) -> Iterator[FlakyProxy]:
    port = urlsplit(central.server.url).port
    assert port is not None
    p = FlakyProxy(port, SCRIPT, hang_s=2.5)
    yield p
    p.close()


def test_a_flaky_link_converges_without_duplicates(kiosk: Kiosk, central: Central,
                                                   proxy: FlakyProxy) -> None:
    s, b = central.site, base_time()
    made = [kiosk.service.reservations.book(
        (s.plot, s.room, s.saw)[i % 3].id, s.members[i % 4].id,
        Interval(b + (80 + 2 * i) * SLOT, b + (81 + 2 * i) * SLOT), staff=True)
        for i in range(12)]
    assert not [m for m in made if isinstance(m, Refusal)]
    token = load_token(kiosk.path)
    assert token is not None
    engine = SyncEngine(kiosk.store, SyncClient(proxy.url, token, timeout=1.5), batch=3,
                        page=4)
    failures = 0
    for _ in range(80):  # what the round job does: try again, local changes or not
        try:
            engine.run_once()
        except SyncError:
            failures += 1
            continue
        with kiosk.store.read() as session:
            if outbox.depth(session)[0] == 0:
                break
    engine.client.close()
    assert failures >= 5  # the link really was bad
    assert set(proxy.seen) == set(BEHAVIOURS)
    with kiosk.store.read() as session:
        assert outbox.depth(session)[0] == 0
    with central.engine.connect() as conn:
        mutations = conn.execute(sa.select(sa.func.count()).select_from(t.device_mutations)
                                 ).scalar_one()
        booked = conn.execute(sa.select(sa.func.count()).select_from(t.reservations)
                              .where(t.reservations.c.id.in_([m.value.id for m in made]))
                              ).scalar_one()
    assert booked == 12
    assert mutations == 12  # each applied once: the resends were replays
    assert kiosk.rows() == central.rows()
