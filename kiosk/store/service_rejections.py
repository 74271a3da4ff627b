"""Changes the server rejected: staff mark one handled (who and when, so it leaves "needs
attention"), and the member it concerns is told at the kiosk once, when they next sign in.
Neither is a sync mutation: both are the kiosk's own bookkeeping, so no outbox row."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from kiosk.core.refusals import Refusal, RefusalCode
from kiosk.store.results import Applied, Changes, SyncRejection
from kiosk.store.schema import SyncRejectionRow
from kiosk.store.service_access import rejection_record
from kiosk.store.service_base import ServiceBase, refusal, require_id


class Rejections(ServiceBase):
    def resolve_rejection(self, rejection_id: int, staff_id: str
                          ) -> Applied[SyncRejection] | Refusal:
        """Staff mark a rejected change handled; it leaves ``sync_status().rejections``."""
        require_id(staff_id, "staff_id")
        now = self.now()
        with self.store.write() as session:
            row = session.get(SyncRejectionRow, rejection_id)
            if row is None:
                return refusal(RefusalCode.NOT_FOUND, "No {what} with id {id} is known here.",
                               what="rejection", id=rejection_id)
            if row.resolved_at is not None:
                return refusal(RefusalCode.RULE_VIOLATION,
                               "This rejected change was already marked handled.")
            row.resolved_at, row.resolved_by = now, staff_id
            record = rejection_record(row)
        members = [record.member_id] if record.member_id else []
        return Applied(record, Changes.of(members=members))

    def member_rejections(self, member_id: str) -> list[SyncRejection]:
        """Rejections concerning ``member_id`` that they have not been shown yet."""
        require_id(member_id, "member_id")
        with self.store.read() as session:
            stmt = (select(SyncRejectionRow)
                    .where(SyncRejectionRow.member_id == member_id,
                           SyncRejectionRow.seen_at.is_(None))
                    .order_by(SyncRejectionRow.id))
            return [rejection_record(r) for r in session.scalars(stmt)]

    def mark_rejections_seen(self, rejection_ids: Iterable[int]) -> None:
        """Record that the member was shown these rejections (so they are shown once)."""
        ids = list(rejection_ids)
        now = self.now()
        with self.store.write() as session:
            for row in session.scalars(select(SyncRejectionRow)
                                       .where(SyncRejectionRow.id.in_(ids))):
                if row.seen_at is None:
                    row.seen_at = now
