"""Offline edges of the contract, end to end: a check-in made inside its window reaches
the server after the window closed and after the server's sweep marked a no-show (the flag
is cleared, the count restored); a check-in on a booking cancelled meanwhile elsewhere is
rejected ``cancelled`` and shown to staff; a kiosk whose clock is an hour off gets the same
outcomes and rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from central.jobs import sweeps
from kiosk.core.model import Interval, ReservationStatus
from kiosk.core.refusals import Refusal
from kiosk.store.db import open_store
from kiosk.store.service import KioskService
from kiosk.sync.enrollment import enroll
from tests.helpers.ids import uid
from tests.sync.conftest import SLOT, Central, Kiosk, base_time, enrolled_kiosk, sync


def test_a_check_in_that_arrives_late_clears_the_servers_no_show(kiosk: Kiosk,
                                                                  central: Central) -> None:
    missed = next(r for r in central.site.reservations if r.id == uid("r-missed"))
    cora = missed.member_id
    # Made at the kiosk five minutes into the booking, while the link was down; it reaches
    # the server only now, after the window closed and the server's sweep ran.
    inside = missed.interval.start + timedelta(minutes=5)
    checked = kiosk.service.reservations.check_in(missed.id, inside)
    assert not isinstance(checked, Refusal), checked
    assert sweeps.no_show_sweep(central.engine, datetime.now(UTC))["marked"] >= 1
    sync(kiosk)
    found = kiosk.service.reads.reservation(missed.id)
    assert found is not None and not found.no_show
    assert found.status == ReservationStatus.CHECKED_IN
    assert found.checked_in_at == inside
    member = kiosk.service.reads.member(cora)
    assert member is not None and member.no_show_count == 0
    assert kiosk.rows() == central.rows()
    assert kiosk.service.sync.status().rejections == ()


def test_a_check_in_on_a_booking_cancelled_meanwhile_is_rejected_and_shown(
        central: Central, tmp_path: Path) -> None:
    soon = next(r for r in central.site.reservations if r.id == uid("r-soon"))
    desk = enrolled_kiosk(central, tmp_path / "desk.sqlite3", "desk")
    web = enrolled_kiosk(central, tmp_path / "web.sqlite3", "web")  # stands in for the web
    checked = desk.service.reservations.check_in(soon.id)  # the desk is offline
    assert not isinstance(checked, Refusal), checked
    assert not isinstance(web.service.reservations.cancel(soon.id), Refusal)
    sync(web)
    sync(desk)
    rejections = desk.service.sync.status().rejections
    assert [(r.code, r.reason, r.entity_id) for r in rejections] == [
        ("cancelled", "checkin_cancelled", soon.id)]
    assert rejections[0].refusal.key == "checkin_cancelled"  # rendered here, in its language
    found = desk.service.reads.reservation(soon.id)
    assert found is not None and found.status == ReservationStatus.CANCELLED
    assert desk.rows() == central.rows()
    for k in (desk, web):
        k.store.close()


def test_a_kiosk_clock_an_hour_off_changes_nothing(central: Central, tmp_path: Path) -> None:
    """Order comes from the server; instants a kiosk reports are bounded by what the
    server knows. Two kiosks, one an hour fast, race for one slot offline: the first to
    reach the server keeps it, whatever their clocks say."""
    def fast() -> datetime:
        return datetime.now(UTC) + timedelta(hours=1)

    path = tmp_path / "fast.sqlite3"
    store = open_store(path)
    enroll(store, path, central.server.url, central.token("fast"), clock=fast)
    skewed = Kiosk(path, store, KioskService(store, clock=fast))
    right = enrolled_kiosk(central, tmp_path / "right.sqlite3", "right")
    s, b = central.site, base_time()
    slot = Interval(b + 60 * SLOT, b + 62 * SLOT)
    ada, dev = s.members[0].id, s.members[3].id
    assert not isinstance(right.service.reservations.book(s.plot.id, ada, slot), Refusal)
    assert not isinstance(skewed.service.reservations.book(s.plot.id, dev, slot), Refusal)
    running = next(r for r in s.reservations if r.id == uid("r-running"))
    assert not isinstance(skewed.service.reservations.end_early(running.id), Refusal)
    sync(right)  # it reaches the server first, though its bookings' clock is behind
    sync(skewed)
    assert [r.reason for r in skewed.service.sync.status().rejections] == ["taken"]
    ended = skewed.service.reads.reservation(running.id)
    assert ended is not None and ended.status == ReservationStatus.COMPLETED
    assert ended.interval.end <= datetime.now(UTC) + timedelta(minutes=30)  # not an hour on
    assert skewed.rows() == central.rows() == (sync(right), right.rows())[1]
    for k in (skewed, right):
        k.store.close()
