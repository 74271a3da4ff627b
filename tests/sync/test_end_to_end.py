"""A kiosk against a real server process: enrollment and the first full sync, a stretch
offline whose changes all land, and two kiosks wanting one slot while one is offline."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.core.model import Interval
from kiosk.core.refusals import Refusal
from kiosk.store import outbox
from kiosk.store.schema import SyncRejectionRow, SyncStateRow
from kiosk.sync.client import SyncClient
from kiosk.sync.engine import SyncEngine
from kiosk.sync.enrollment import open_engine
from kiosk.sync.errors import Offline
from tests.helpers.postgres import free_port
from tests.sync.conftest import SLOT, Central, Kiosk, base_time, enrolled_kiosk, sync


def offline_engine(kiosk: Kiosk, central: Central) -> SyncEngine:
    """The same kiosk, with its server out of reach (nothing listens on the port)."""
    token = central.token("unused")  # any well-formed token: the call never arrives
    return SyncEngine(kiosk.store, SyncClient(f"http://127.0.0.1:{free_port()}", token,
                                              timeout=2))


def depth(kiosk: Kiosk) -> int:
    with kiosk.store.read() as session:
        return outbox.depth(session)[0]


def test_enrollment_fills_an_empty_cache_with_the_servers_rows(kiosk: Kiosk,
                                                               central: Central) -> None:
    assert kiosk.rows() == central.rows()
    assert kiosk.service.reads.site().name == "Sync Street Tool Library"
    assert kiosk.service.access.flag_enabled()
    with kiosk.store.read() as session:
        state = session.get(SyncStateRow, 1)
        assert state is not None and state.ready and state.online and state.cursor


def test_a_stretch_offline_lands_when_the_server_returns(kiosk: Kiosk,
                                                        central: Central) -> None:
    s, b = central.site, base_time()
    ada, _ben, cora, dev = (m.id for m in s.members)
    with pytest.raises(Offline):
        offline_engine(kiosk, central).run_once()
    svc = kiosk.service
    done = [
        svc.reservations.book(s.room.id, dev, Interval(b + 10 * SLOT, b + 12 * SLOT)),
        svc.reservations.book(s.saw.id, cora, Interval(b + 20 * SLOT, b + 22 * SLOT),
                              staff=True),
        svc.reservations.check_in(s.reservations[1].id),          # Ben's saw, now
        svc.waitlist.join(s.room.id, ada, s.reservations[2].interval),
        svc.reservations.end_early(s.reservations[0].id),          # Ada's running plot
        svc.reservations.cancel(s.reservations[3].id),             # Dev's tomorrow
    ]
    assert not [d for d in done if isinstance(d, Refusal)], done
    assert depth(kiosk) == 6
    with pytest.raises(Offline):
        offline_engine(kiosk, central).run_once()  # still offline: nothing lost
    assert depth(kiosk) == 6
    sync(kiosk)
    assert depth(kiosk) == 0
    mine, theirs = kiosk.rows(), central.rows()
    for table, (a, b) in enumerate(zip(mine, theirs, strict=True)):
        assert a == b, (table, [x[5:] for x in sorted(a - b, key=str)],
                        [x[5:] for x in sorted(b - a, key=str)])
    with kiosk.store.read() as session:
        assert session.scalars(select(SyncRejectionRow)).all() == []


def test_two_kiosks_one_slot_the_offline_one_undoes_and_tells(central: Central,
                                                               tmp_path: Path) -> None:
    s, b = central.site, base_time()
    ada, ben = s.members[0].id, s.members[1].id
    front = enrolled_kiosk(central, tmp_path / "front.sqlite3", "front")
    back = enrolled_kiosk(central, tmp_path / "back.sqlite3", "back")
    slot = Interval(b + 30 * SLOT, b + 32 * SLOT)
    offline = back.service.reservations.book(s.plot.id, ben, slot)  # back is offline
    assert not isinstance(offline, Refusal)
    online = front.service.reservations.book(s.plot.id, ada, slot)
    assert not isinstance(online, Refusal)
    sync(front)
    sync(back)  # the server keeps the front desk's; the back kiosk's is undone
    with back.store.read() as session:
        rejection = session.scalars(select(SyncRejectionRow)).one()
    assert (rejection.code, rejection.reason, rejection.member_id) == ("conflict", "taken", ben)
    assert rejection.entity_id == offline.value.id
    assert back.service.reads.reservation(offline.value.id) is None
    assert [r.member_id for r in back.service.sync.member_rejections(ben)] == [ben]
    assert back.rows() == central.rows() == front.rows()
    assert depth(back) == 0
    for k in (front, back):
        k.store.close()


def test_a_settled_kiosk_is_not_sent_its_old_outcomes_again(kiosk: Kiosk,
                                                           central: Central) -> None:
    s, b = central.site, base_time()
    booked = kiosk.service.reservations.book(s.room.id, s.members[3].id,
                                             Interval(b + 30 * SLOT, b + 32 * SLOT))
    assert not isinstance(booked, Refusal)
    sync(kiosk)
    with kiosk.store.read() as session:
        since = outbox.results_since(session)
        cursor = session.get(SyncStateRow, 1).cursor  # type: ignore[union-attr]
    assert since >= 1 and depth(kiosk) == 0
    engine = open_engine(kiosk.store, kiosk.path)
    try:
        assert engine.client.pull(cursor, 100).results  # the server repeats recent outcomes
        assert engine.client.pull(cursor, 100, since).results == []  # …unless told not to
    finally:
        engine.client.close()
