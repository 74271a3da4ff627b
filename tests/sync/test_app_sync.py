"""Sync in the running app (real widgets, a real server process): the scheduled check-in
brings a flag flip to the screen without anyone touching it, and a tap's change is pushed
on its own soon after — through the jobs the composition root starts."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from central.admin import set_flag
from central.db import tables as t
from central.db.engine import write
from kiosk.core.model import Interval
from kiosk.store import outbox
from kiosk.ui.app import build_kiosk
from kiosk.ui.status import StatusStrip
from kiosk.ui.sync_link import SyncLink, start_sync
from tests.sync.conftest import SLOT, Central, Kiosk, base_time

FAST = {"sync_pull_seconds": 2, "sync_checkin_seconds": 1, "sync_push_delay_seconds": 0}


@pytest.fixture
def app_kiosk(qapp: Any, qtbot: Any, kiosk: Kiosk, tmp_path: Path
              ) -> Iterator[tuple[Any, SyncLink]]:
    os.environ.setdefault("KIOSK_I18N_CACHE", str(tmp_path / "i18n"))
    for key, value in FAST.items():
        kiosk.service.access.set_kiosk_setting(key, value)
    k = build_kiosk(qapp, kiosk.service, windowed=True)
    k.window.resize(1280, 800)
    k.window.show()
    qtbot.waitExposed(k.window)
    link = start_sync(kiosk.store, kiosk.path, k.ctx.bridge, k.ctx.status)
    assert link is not None  # the kiosk is enrolled
    yield k, link
    link.stop()
    k.close()
    qapp.setStyleSheet("")


def test_a_flag_flip_reaches_the_running_kiosk(qtbot: Any, app_kiosk: tuple[Any, SyncLink],
                                               central: Central) -> None:
    k, _link = app_kiosk
    home = k.window.home
    qtbot.waitUntil(home.calendar.isVisible, timeout=10_000)
    assert not home.flag_off.isVisible()
    with write(central.engine) as conn:
        set_flag(conn, False, datetime.now(UTC), site_ref=central.site.site.id)
    # the check-in runs every second here (every 30 s by default)
    qtbot.waitUntil(home.flag_off.isVisible, timeout=15_000)
    assert not home.calendar.isVisible()
    strip = k.window.findChild(StatusStrip)
    qtbot.waitUntil(lambda: "Online" in strip.state.text(), timeout=10_000)


def test_a_tap_is_pushed_soon_after(qtbot: Any, app_kiosk: tuple[Any, SyncLink],
                                    central: Central, kiosk: Kiosk) -> None:
    k, _link = app_kiosk
    s, b = central.site, base_time()
    slot = Interval(b + 50 * SLOT, b + 52 * SLOT)
    booked: list[Any] = []
    k.ctx.bridge.write(lambda svc: svc.reservations.book(s.plot.id, s.members[2].id, slot),
                       booked.append)
    qtbot.waitUntil(lambda: bool(booked), timeout=10_000)
    new_id = booked[0].value.id

    def on_server() -> bool:
        with central.engine.connect() as conn:
            return conn.execute(sa.select(t.reservations.c.id)
                                .where(t.reservations.c.id == new_id)).first() is not None

    qtbot.waitUntil(on_server, timeout=15_000)

    def drained() -> bool:
        with kiosk.store.read() as session:
            return outbox.depth(session)[0] == 0

    qtbot.waitUntil(drained, timeout=10_000)
