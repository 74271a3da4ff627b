"""``kill -9`` of a headless sync at random moments — starting up, pushing, settling,
pulling — loses nothing and duplicates nothing: after each kill the next run resumes from
the outbox, and at the end every change made here is on the server exactly once and the
cache equals the server. (``bench/bench_sync_soak.py`` runs the same for longer.)"""

from __future__ import annotations

import random
from pathlib import Path

import sqlalchemy as sa

from central.db import tables as t
from kiosk.core.model import Interval
from kiosk.core.refusals import Refusal
from kiosk.store import outbox
from kiosk.store.db import open_store
from kiosk.store.service import KioskService
from tests.central.conftest import ROOT
from tests.helpers.killer import Killer
from tests.sync.conftest import SLOT, Central, Kiosk, base_time, kiosk_argv, kiosk_env
from tests.sync.test_cli import kiosk as kiosk_cmd

TRIALS = 50
PER_TRIAL = 4


def test_kill_9_at_random_points_loses_and_duplicates_nothing(central: Central,
                                                               tmp_path: Path) -> None:
    db = tmp_path / "kiosk.sqlite3"
    enrolled = kiosk_cmd(db, "enroll", "--server", central.server.url,
                         stdin=central.token() + "\n")
    assert enrolled.returncode == 0, enrolled.stderr
    store = open_store(db)
    k = Kiosk(db, store, KioskService(store))
    s, b = central.site, base_time()
    killer = Killer(random.Random(7))
    made: list[str] = []
    for trial in range(TRIALS):
        for i in range(PER_TRIAL):
            n = trial * PER_TRIAL + i
            got = k.service.reservations.book(
                (s.plot, s.room, s.saw)[n % 3].id, s.members[n % 4].id,
                Interval(b + (100 + n) * SLOT, b + (101 + n) * SLOT), staff=True)
            assert not isinstance(got, Refusal), got
            made.append(got.value.id)
        killer.run(kiosk_argv(db, "sync", "--once"), kiosk_env(db), ROOT)
    with central.engine.connect() as conn:  # work the interrupted runs got done
        before_final = conn.execute(sa.select(sa.func.count()).select_from(
            t.device_mutations)).scalar_one()
    final = kiosk_cmd(db, "sync", "--once")
    assert final.returncode == 0, final.stderr
    assert killer.killed >= TRIALS // 3  # many runs really were cut short
    assert before_final > 0  # ... and yet they pushed: the kills fell amid the work
    with store.read() as session:
        assert outbox.depth(session)[0] == 0
    with central.engine.connect() as conn:
        applied = conn.execute(sa.select(sa.func.count()).select_from(t.device_mutations)
                               .where(t.device_mutations.c.outcome == "applied")).scalar_one()
        on_server = set(conn.execute(sa.select(t.reservations.c.id).where(
            t.reservations.c.id.in_(made))).scalars())
    assert applied == len(made) and on_server == set(made)
    assert k.rows() == central.rows()
    store.close()
