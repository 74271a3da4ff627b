"""Waitlist writes and reads: join a full slot, leave, claim an offer, queue positions.
Order, offers and claims are decided by ``kiosk.core.waitlist``."""

from __future__ import annotations

import uuid
from dataclasses import replace

from sqlalchemy import select

from kiosk.core import waitlist
from kiosk.core.model import (
    Interval,
    Reservation,
    ReservationStatus,
    WaitlistEntry,
    WaitlistStatus,
)
from kiosk.core.refusals import Refusal, RefusalCode
from kiosk.store import convert, offers, outbox
from kiosk.store.context import judge, load_parties, not_found
from kiosk.store.results import Applied, Changes
from kiosk.store.schema import WaitlistRow
from kiosk.store.service_base import ServiceBase, refusal, require_id, require_span
from kiosk.store.service_bookings import insert_reservation


def _changes(entry: WaitlistEntry, reservation_id: str | None = None) -> Changes:
    return Changes.of([reservation_id] if reservation_id else [], [entry.resource_id],
                      [entry.id], [entry.member_id])


class WaitlistService(ServiceBase):
    def join_waitlist(self, resource_id: str, member_id: str, span: Interval
                      ) -> Applied[WaitlistEntry] | Refusal:
        """Wait for a taken slot. Refused with the booking refusal if anything but a
        conflict stands in the way, or with ``rule_violation`` if the slot is free."""
        require_id(resource_id, "resource_id")
        require_id(member_id, "member_id")
        require_span(span)
        now = self.now()
        with self.store.write() as session:
            parties = load_parties(session, resource_id, member_id)
            if isinstance(parties, Refusal):
                return parties
            refused = judge(session, parties, span, now)
            if refused is None:
                return refusal(RefusalCode.RULE_VIOLATION,
                               "This slot is free: book it instead of waiting.", "waitlist")
            if refused.code != RefusalCode.CONFLICT:
                return refused
            mine = offers.open_rows(session, resource_id, member_id)
            if any(convert.waitlist_entry(r).interval.overlaps(span) for r in mine):
                return refusal(RefusalCode.RULE_VIOLATION,
                               "You are already waiting for this slot.", "waitlist")
            entry = WaitlistEntry(str(uuid.uuid4()), resource_id, member_id, span, now)
            session.add(WaitlistRow(**convert.waitlist_values(entry)))
            outbox.append(session, "waitlist.join", {
                "id": entry.id, "resource_id": resource_id, "member_id": member_id,
                **outbox.span_args(span)}, now)
        return Applied(entry, _changes(entry))

    def leave_waitlist(self, entry_id: str) -> Applied[WaitlistEntry] | Refusal:
        now = self.now()
        with self.store.write() as session:
            row = session.get(WaitlistRow, require_id(entry_id, "entry_id"))
            if row is None:
                return not_found("waitlist entry", entry_id)
            entry = convert.waitlist_entry(row)
            if entry.status not in (WaitlistStatus.WAITING, WaitlistStatus.OFFERED):
                return refusal(RefusalCode.RULE_VIOLATION,
                               "This waitlist entry is {status} already.", "waitlist",
                               status=str(entry.status))
            entry = replace(entry, status=WaitlistStatus.LEFT)
            convert.apply_waitlist(row, entry)
            outbox.append(session, "waitlist.leave", {"id": entry.id}, now)
        return Applied(entry, _changes(entry))

    def claim_offer(self, entry_id: str) -> Applied[Reservation] | Refusal:
        """Claim an offered slot: the entry becomes claimed and the booking is made (it is
        judged like any booking, so a slot taken meanwhile is refused)."""
        now = self.now()
        with self.store.write() as session:
            row = session.get(WaitlistRow, require_id(entry_id, "entry_id"))
            if row is None:
                return not_found("waitlist entry", entry_id)
            claimed = waitlist.claim(convert.waitlist_entry(row), now)
            if isinstance(claimed, Refusal):
                return claimed
            parties = load_parties(session, claimed.resource_id, claimed.member_id)
            if isinstance(parties, Refusal):
                return parties
            refused = judge(session, parties, claimed.interval, now)
            if refused is not None:
                return refused
            record = Reservation(str(uuid.uuid4()), claimed.resource_id, claimed.member_id,
                                 claimed.interval, ReservationStatus.CONFIRMED,
                                 created_at=now, via="waitlist")
            insert_reservation(session, record)
            convert.apply_waitlist(row, claimed)
            outbox.append(session, "waitlist.claim",
                          {"id": claimed.id, "reservation_id": record.id}, now)
        return Applied(record, _changes(claimed, record.id))

    def waitlist(self, resource_id: str | None = None) -> list[WaitlistEntry]:
        """Open entries (waiting or offered) in queue order."""
        with self.store.read() as session:
            rows = offers.open_rows(session, resource_id)
            return waitlist.queue([convert.waitlist_entry(r) for r in rows])

    def waitlist_position(self, entry_id: str) -> int | None:
        with self.store.read() as session:
            row = session.get(WaitlistRow, require_id(entry_id, "entry_id"))
            if row is None:
                return None
            rows = offers.open_rows(session, row.resource_id)
            return waitlist.position([convert.waitlist_entry(r) for r in rows], entry_id)

    def member_waitlist(self, member_id: str) -> list[WaitlistEntry]:
        """The member's entries still open, soonest slot first."""
        with self.store.read() as session:
            stmt = select(WaitlistRow).where(
                WaitlistRow.member_id == require_id(member_id, "member_id"),
                WaitlistRow.status.in_(offers.OPEN_STATES),
            ).order_by(WaitlistRow.starts_at)
            return [convert.waitlist_entry(r) for r in session.scalars(stmt)]
