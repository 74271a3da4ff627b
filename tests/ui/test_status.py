"""The status strip follows changes as they happen, not only on its slow poll."""

from __future__ import annotations

from kiosk.ui.status import StatusStrip
from tests.ui.drive import scan


def test_strip_shows_a_new_outbox_change_at_once(qtbot, kiosk, service, fake_clock) -> None:
    w = kiosk.window
    strip = w.findChild(StatusStrip)
    assert kiosk.ctx.status._timer.interval() >= 10_000  # the poll cannot be what we see
    qtbot.waitUntil(lambda: bool(strip.outbox.text()))
    before = service.sync.status().outbox_depth
    scan(qtbot, kiosk, "400001001", fake_clock)  # Ada's scan checks her in: one mutation
    qtbot.waitUntil(lambda: service.sync.status().outbox_depth == before + 1)
    count = before + 1
    want = f"{count} change{'s' if count != 1 else ''} waiting to be sent"
    qtbot.waitUntil(lambda: strip.outbox.text() == want, timeout=2000)
