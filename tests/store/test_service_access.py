"""PINs (throttled in the store, surviving a restart), the staff PIN, sync status."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from kiosk.core.changes import Applied
from kiosk.core.refusals import Refusal, RefusalCode
from kiosk.store import loader
from kiosk.store.db import Store
from kiosk.store.schema import StaffCredentialRow, SyncRejectionRow
from kiosk.store.service import KioskService
from tests.store.factory import ALICE, MONDAY_8AM, SAW, SITE, Clock, service, span


def test_right_pin_returns_the_member(svc: KioskService) -> None:
    assert svc.access.verify_pin("1001", "1111") == ALICE
    wrong = svc.access.verify_pin("1001", "9999")
    assert isinstance(wrong, Refusal) and wrong.code == RefusalCode.FORBIDDEN
    assert isinstance(svc.access.verify_pin("4242", "1111"), Refusal)
    assert isinstance(svc.access.verify_pin(None, None), Refusal)  # type: ignore[arg-type]


def test_five_wrong_pins_lock_for_five_minutes_across_restarts(
    db_path: Path, svc: KioskService, clock: Clock,
) -> None:
    for _ in range(5):
        assert isinstance(svc.access.verify_pin("1001", "0000"), Refusal)
    restarted = service(db_path, clock)
    locked = restarted.access.verify_pin("1001", "1111")
    assert isinstance(locked, Refusal) and locked.params == {"minutes": 5}
    assert restarted.access.verify_pin("1002", "2222") != locked  # other members are not locked
    clock.advance(minutes=4, seconds=59)
    assert isinstance(restarted.access.verify_pin("1001", "1111"), Refusal)
    clock.advance(seconds=1)
    assert restarted.access.verify_pin("1001", "1111") == ALICE
    restarted.store.close()


def test_right_pin_resets_the_count(svc: KioskService) -> None:
    for _ in range(4):
        svc.access.verify_pin("1001", "0000")
    assert svc.access.verify_pin("1001", "1111") == ALICE
    for _ in range(4):
        svc.access.verify_pin("1001", "0000")
    assert svc.access.verify_pin("1001", "1111") == ALICE


def test_throttle_settings_come_from_the_kiosk_layer(store: Store, svc: KioskService) -> None:
    loader.load_site(store, SITE, loader.SettingsLayers(
        kiosk={"pin_max_attempts": 2, "pin_lock_minutes": 1}))
    svc.access.verify_pin("1001", "0000")
    svc.access.verify_pin("1001", "0000")
    locked = svc.access.verify_pin("1001", "1111")
    assert isinstance(locked, Refusal) and locked.params == {"minutes": 1}


def test_staff_pin_is_stored_as_a_hash(svc: KioskService, store: Store, clock: Clock) -> None:
    assert not svc.access.verify_staff_pin("2468")
    svc.access.set_staff_pin("2468")
    with store.read() as session:
        row = session.scalars(select(StaffCredentialRow)).one()
    assert "2468" not in row.pin_hash
    assert svc.access.verify_staff_pin("2468")
    for _ in range(5):
        assert not svc.access.verify_staff_pin("0000")
    assert not svc.access.verify_staff_pin("2468") and svc.access.staff_locked_minutes() == 5
    clock.advance(minutes=5)
    assert svc.access.verify_staff_pin("2468")


def test_sync_status(svc: KioskService, store: Store, clock: Clock) -> None:
    status = svc.sync.status()
    assert (status.online, status.outbox_depth, status.oldest_pending_at) == (False, 0, None)
    first = svc.reservations.book(SAW.id, ALICE.id, span(10, 11))
    assert isinstance(first, Applied)
    clock.advance(minutes=3)
    svc.reservations.cancel(first.value.id)
    with store.write() as session:
        session.add(SyncRejectionRow(
            mutation_id="m-1", code="conflict", message="taken on the web",
            entity="reservation", entity_id=first.value.id, member_id=ALICE.id,
            created_at=clock.now))
    status = svc.sync.status()
    assert status.outbox_depth == 2 and status.oldest_pending_at == MONDAY_8AM
    assert [r.code for r in status.rejections] == ["conflict"]
