"""After a reconnect drains what was done offline, staff see the outage: what was made
here, what the server accepted, what it turned down and for whom, in the kiosk's words."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.model import Interval
from kiosk.core.refusals import Refusal
from kiosk.sync.errors import Offline
from kiosk.ui.app import build_kiosk
from tests.sync.conftest import SLOT, Central, Kiosk, base_time, enrolled_kiosk, sync
from tests.sync.test_end_to_end import offline_engine
from tests.ui.drive import find_button, tap, visible_text
from tests.ui.test_staff_flows import unlocked


def _outage(kiosk: Kiosk, central: Central, tmp_path: Path) -> None:
    s, b = central.site, base_time()
    with pytest.raises(Offline):
        offline_engine(kiosk, central).run_once()  # the link goes down
    taken = Interval(b + 70 * SLOT, b + 72 * SLOT)
    for made in (kiosk.service.reservations.book(s.plot.id, s.members[1].id, taken),
                 kiosk.service.reservations.book(s.room.id, s.members[3].id,
                                                 Interval(b + 74 * SLOT, b + 76 * SLOT))):
        assert not isinstance(made, Refusal), made
    other = enrolled_kiosk(central, tmp_path / "other.sqlite3", "other")
    assert not isinstance(other.service.reservations.book(s.plot.id, s.members[0].id, taken),
                          Refusal)
    sync(other)
    other.store.close()
    sync(kiosk)  # the link is back


def test_the_outage_report_tells_what_the_server_made_of_offline_changes(
        kiosk: Kiosk, central: Central, tmp_path: Path) -> None:
    _outage(kiosk, central, tmp_path)
    report = kiosk.service.sync.outage_report()
    # times are kept in whole seconds: a quick outage may start and end within one
    assert report is not None and report.started_at <= report.ended_at
    assert [e.name for e in report.entries] == ["reservation.create"] * 2
    assert report.accepted == 1
    (turned_down,) = report.rejected
    assert turned_down.member_name == "Ben O."
    assert turned_down.refusal is not None and turned_down.refusal.key == "taken"


def test_staff_see_the_outage_on_the_sync_page(qtbot: Any, qapp: Any, kiosk: Kiosk,
                                               central: Central, tmp_path: Path) -> None:
    _outage(kiosk, central, tmp_path)
    kiosk.service.access.set_staff_pin("2468")
    os.environ.setdefault("KIOSK_I18N_CACHE", str(tmp_path / "i18n"))
    k = build_kiosk(qapp, kiosk.service, windowed=True)
    try:
        k.window.resize(1280, 800)
        k.window.show()
        qtbot.waitExposed(k.window)
        unlocked(qtbot, k)
        tap(qtbot, find_button(k.window.staff, "page_sync"))
        qtbot.waitUntil(lambda: "While offline" in visible_text(k.window.staff))
        text = visible_text(k.window.staff)
        assert "2 changes made here; the server accepted 1 and turned down 1" in text
        assert "Turned down, for Ben O.:" in text
        assert "already booked" in text  # the catalogue's words, not the server's
    finally:
        k.close()
        qapp.setStyleSheet("")
