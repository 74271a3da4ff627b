"""The kiosk's own sync records: the status (online, last sync, outbox depth) and the
changes the server rejected — staff mark one handled (who and when, so it leaves "needs
attention"), and the member it concerns is told at the kiosk once, at their next sign-in.
None of this is a sync mutation: it is the kiosk's own bookkeeping, so no outbox row."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from kiosk.core import messages
from kiosk.core.changes import Applied, Changes
from kiosk.core.refusals import Refusal
from kiosk.store import convert, outbox
from kiosk.store.results import OutageEntry, OutageReport, SyncRejection, SyncStatus
from kiosk.store.schema import MemberRow, SyncLogRow, SyncRejectionRow, SyncStateRow
from kiosk.store.service_base import ServiceBase, require_id


def rejection_record(row: SyncRejectionRow) -> SyncRejection:
    return SyncRejection(row.id, row.mutation_id, row.code, row.message, row.entity,
                         row.entity_id, row.member_id, row.created_at, row.seen_at,
                         row.resolved_at, row.resolved_by, row.reason, dict(row.params or {}))


class SyncRecords(ServiceBase):
    def status(self) -> SyncStatus:
        with self.store.read() as session:
            state = session.get(SyncStateRow, 1)
            count, oldest = outbox.depth(session)
            stmt = (select(SyncRejectionRow).where(SyncRejectionRow.resolved_at.is_(None))
                    .order_by(SyncRejectionRow.id))
            rejections = tuple(rejection_record(r) for r in session.scalars(stmt))
            online = bool(state and state.online)
            last = state.last_success_at if state else None
            return SyncStatus(online, last, count, oldest, rejections,
                              state.last_error if state else None,
                              bool(state and state.server_url))

    def server_clock_offset(self) -> float:
        """Seconds the server's clock is ahead of this kiosk's (from the last check-in)."""
        with self.store.read() as session:
            state = session.get(SyncStateRow, 1)
            return float(state.server_time_offset) if state is not None else 0.0

    def outage_report(self) -> OutageReport | None:
        """What was done here during the last outage and what the server made of it
        (None before the first outage ends)."""
        with self.store.read() as session:
            state = session.get(SyncStateRow, 1)
            if state is None or state.outage_started_at is None or state.outage_ended_at is None:
                return None
            start, end = state.outage_started_at, state.outage_ended_at
            rows = session.scalars(select(SyncLogRow).where(
                SyncLogRow.made_at >= start, SyncLogRow.made_at <= end)
                .order_by(SyncLogRow.made_at, SyncLogRow.mutation_id))
            entries = []
            for r in rows:
                member = session.get(MemberRow, r.member_id) if r.member_id else None
                name = convert.member(member).short_name if member is not None else None
                entries.append(OutageEntry(r.name, r.entity_id, r.member_id, name, r.made_at,
                                           r.outcome, r.code, r.reason, dict(r.params or {})))
            return OutageReport(start, end, tuple(entries))

    def resolve_rejection(self, rejection_id: int, staff_id: str
                          ) -> Applied[SyncRejection] | Refusal:
        """Staff mark a rejected change handled; it leaves ``sync_status().rejections``."""
        require_id(staff_id, "staff_id")
        now = self.now()
        with self.store.write() as session:
            row = session.get(SyncRejectionRow, rejection_id)
            if row is None:
                return messages.not_found("rejected change", str(rejection_id))
            if row.resolved_at is not None:
                return messages.refuse("already_handled")
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
