"""Rejected changes: staff mark them handled (who and when); the member is told once."""

from __future__ import annotations

from kiosk.core.changes import Applied
from kiosk.core.refusals import Refusal, RefusalCode
from kiosk.store.db import Store
from kiosk.store.schema import SyncRejectionRow
from kiosk.store.service import KioskService
from tests.store.factory import ALICE, Clock


def add_rejection(store: Store, clock: Clock, member_id: str | None = ALICE.id) -> int:
    with store.write() as session:
        row = SyncRejectionRow(mutation_id="m-1", code="conflict", message="taken on the web",
                               entity="reservation", entity_id="r-1", member_id=member_id,
                               created_at=clock.now)
        session.add(row)
        session.flush()
        return row.id


def test_staff_mark_a_rejection_handled(svc: KioskService, store: Store, clock: Clock) -> None:
    rid = add_rejection(store, clock)
    assert [r.id for r in svc.sync.status().rejections] == [rid]
    clock.advance(minutes=5)
    done = svc.sync.resolve_rejection(rid, "staff")
    assert isinstance(done, Applied)
    assert done.value.resolved_by == "staff" and done.value.resolved_at == clock.now
    assert ALICE.id in done.changes.member_ids
    assert svc.sync.status().rejections == ()
    again = svc.sync.resolve_rejection(rid, "staff")
    assert isinstance(again, Refusal) and again.code == RefusalCode.RULE_VIOLATION
    missing = svc.sync.resolve_rejection(rid + 100, "staff")
    assert isinstance(missing, Refusal) and missing.code == RefusalCode.NOT_FOUND
    assert svc.sync.status().outbox_depth == 0  # bookkeeping, not a sync mutation


def test_member_is_shown_their_rejection_once(svc: KioskService, store: Store,
                                              clock: Clock) -> None:
    mine = add_rejection(store, clock)
    add_rejection(store, clock, member_id=None)
    assert [r.id for r in svc.sync.member_rejections(ALICE.id)] == [mine]
    svc.sync.resolve_rejection(mine, "staff")  # handled by staff: the member still hears of it
    assert [r.id for r in svc.sync.member_rejections(ALICE.id)] == [mine]
    svc.sync.mark_rejections_seen([mine])
    assert svc.sync.member_rejections(ALICE.id) == []
