"""The waitlist aggregate: join, leave, claim an offer, the queue and a member's places,
and the kiosk's offline view of offer expiry. Writes are mutations the core decides."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from kiosk.core import waitlist
from kiosk.core.changes import Applied
from kiosk.core.decisions import offer_expiry
from kiosk.core.model import Interval, Reservation, WaitlistEntry
from kiosk.core.mutations import ClaimOffer, JoinWaitlist, LeaveWaitlist, claim_reservation_id
from kiosk.core.refusals import Refusal
from kiosk.store import convert, loading, offers
from kiosk.store.db import Store
from kiosk.store.saving import save
from kiosk.store.schema import WaitlistRow
from kiosk.store.service_base import Clock, ServiceBase, require_id, require_span
from kiosk.store.writer import Writer


class Waitlist(ServiceBase):
    def __init__(self, store: Store, clock: Clock, writer: Writer) -> None:
        super().__init__(store, clock)
        self._writer = writer

    def join(self, resource_id: str, member_id: str, span: Interval
             ) -> Applied[WaitlistEntry] | Refusal:
        """Wait for a taken slot. Refused with the booking refusal if anything but a
        conflict stands in the way, or ``rule_violation`` if the slot is free."""
        span = require_span(span)
        new_id = str(uuid.uuid4())
        done = self._writer.apply(JoinWaitlist(new_id, resource_id, member_id, span.start,
                                               span.end))
        if isinstance(done, Refusal):
            return done
        return Applied(done.value.entry(new_id), done.changes)

    def leave(self, entry_id: str) -> Applied[WaitlistEntry] | Refusal:
        """Leave the line; a slot held for this place passes to the next one waiting."""
        done = self._writer.apply(LeaveWaitlist(entry_id))
        if isinstance(done, Refusal):
            return done
        return Applied(done.value.entry(entry_id), done.changes)

    def claim(self, entry_id: str) -> Applied[Reservation] | Refusal:
        """Claim an offered slot: the place is claimed and the booking made (judged like
        any booking, so a slot taken meanwhile is refused)."""
        m = ClaimOffer(entry_id, str(uuid.uuid4()))
        done = self._writer.apply(m)
        if isinstance(done, Refusal):
            return done
        return Applied(done.value.reservation(claim_reservation_id(m)), done.changes)

    def expire_offers(self) -> Applied[list[WaitlistEntry]]:
        """Let offers whose hold ran out pass to the next in line: the offline view of the
        server's job (authoritative), so nothing is queued for sync."""
        now = self.now()
        with self.store.write() as session:
            entries = loading.lapsed_offers(session, now)
            policy_for = loading.policies(session)
            effects = offer_expiry(entries, lambda r: policy_for(r).waitlist_hold_minutes, now)
            save(session, effects)
        return Applied(list(effects.waitlist_updated), effects.changes())

    def queue(self, resource_id: str | None = None) -> list[WaitlistEntry]:
        """Open places (waiting or offered) in queue order."""
        with self.store.read() as session:
            rows = offers.open_rows(session, resource_id)
            return waitlist.queue([convert.waitlist_entry(r) for r in rows])

    def position(self, entry_id: str) -> int | None:
        with self.store.read() as session:
            row = session.get(WaitlistRow, require_id(entry_id, "entry_id"))
            if row is None:
                return None
            rows = offers.open_rows(session, row.resource_id)
            return waitlist.position([convert.waitlist_entry(r) for r in rows], entry_id)

    def of_member(self, member_id: str) -> list[WaitlistEntry]:
        """The member's places still open, soonest slot first."""
        with self.store.read() as session:
            stmt = select(WaitlistRow).where(
                WaitlistRow.member_id == require_id(member_id, "member_id"),
                WaitlistRow.status.in_(offers.OPEN_STATES),
            ).order_by(WaitlistRow.starts_at)
            return [convert.waitlist_entry(r) for r in session.scalars(stmt)]
