"""The kiosk's own no-show view runs on the server-corrected clock: a kiosk whose clock is
behind still marks a missed booking when the server's time says its grace is over."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.core.model import ReservationStatus
from kiosk.store.outbox import ensure_sync_state
from kiosk.store.service import KioskService
from kiosk.ui.sync_link import server_clock
from tests.helpers.ids import uid
from tests.sync.conftest import Kiosk


def test_the_no_show_view_uses_the_servers_clock(kiosk: Kiosk) -> None:
    soon = kiosk.service.reads.reservation(uid("r-soon"))
    assert soon is not None and soon.status == ReservationStatus.CONFIRMED
    behind = KioskService(kiosk.store, clock=server_clock(kiosk.service))
    behind.reservations.no_show_sweep()  # the clocks agree: its window is still open
    assert kiosk.service.reads.reservation(soon.id).status == ReservationStatus.CONFIRMED
    with kiosk.store.write() as session:  # the server's clock is two hours ahead of ours
        ensure_sync_state(session).server_time_offset = 7200.0
    assert server_clock(kiosk.service)() - datetime.now(UTC) > timedelta(minutes=119)
    marked = behind.reservations.no_show_sweep()
    assert [r.id for r in marked.value] == [soon.id]
    found = kiosk.service.reads.reservation(soon.id)
    assert found is not None and found.status == ReservationStatus.NO_SHOW
