"""Booking writes: book, cancel, move, end early. Each runs in one ``store.write()``
(BEGIN IMMEDIATE): load, ask ``kiosk.core``, write the change and its outbox mutation."""

from __future__ import annotations

import uuid
from dataclasses import replace

from sqlalchemy.orm import Session

from kiosk.core import slots
from kiosk.core.model import Interval, Reservation, ReservationStatus
from kiosk.core.refusals import Refusal, RefusalCode
from kiosk.store import convert, offers, outbox
from kiosk.store.context import judge, load_parties, not_found
from kiosk.store.results import Applied, Changes
from kiosk.store.schema import ReservationRow
from kiosk.store.service_base import ServiceBase, refusal, require_id, require_span

VIA = frozenset({"kiosk", "staff", "waitlist", "web"})


def _changes(r: Reservation, extra: Changes | None = None) -> Changes:
    base = Changes.of([r.id], [r.resource_id], (), [r.member_id])
    return base if extra is None else base | extra


def load_reservation(session: Session, reservation_id: str) -> ReservationRow | Refusal:
    row = session.get(ReservationRow, require_id(reservation_id, "reservation_id"))
    return not_found("reservation", reservation_id) if row is None else row


def insert_reservation(session: Session, record: Reservation) -> None:
    session.add(ReservationRow(**convert.reservation_values(record)))
    session.flush()


class BookingWrites(ServiceBase):
    def book(
        self, resource_id: str, member_id: str, span: Interval, *, via: str = "kiosk",
        staff: bool = False, reservation_id: str | None = None,
    ) -> Applied[Reservation] | Refusal:
        """Book ``span`` if every rule allows it; the check and insert are atomic."""
        require_id(resource_id, "resource_id")
        require_id(member_id, "member_id")
        require_span(span)
        new_id = require_id(reservation_id or str(uuid.uuid4()), "reservation_id")
        if via not in VIA:
            return refusal(RefusalCode.INVALID, "Unknown booking channel {via}.", via=via)
        now = self.now()
        with self.store.write() as session:
            parties = load_parties(session, resource_id, member_id)
            if isinstance(parties, Refusal):
                return parties
            if session.get(ReservationRow, new_id) is not None:
                return refusal(RefusalCode.INVALID, "A booking with id {id} exists already.",
                               id=new_id)
            refused = judge(session, parties, span, now, staff=staff)
            if refused is not None:
                return refused
            record = Reservation(new_id, resource_id, member_id, span,
                                 ReservationStatus.CONFIRMED, created_at=now, via=via)
            insert_reservation(session, record)
            outbox.append(session, "reservation.create", {
                "id": new_id, "resource_id": resource_id, "member_id": member_id,
                **outbox.span_args(span), "via": via}, now)
        return Applied(record, _changes(record))

    def cancel(self, reservation_id: str) -> Applied[Reservation] | Refusal:
        """Cancel an active booking; its slot is offered to the first one waiting."""
        now = self.now()
        with self.store.write() as session:
            row = load_reservation(session, reservation_id)
            if isinstance(row, Refusal):
                return row
            record = convert.reservation(row)
            if record.status == ReservationStatus.CANCELLED:
                return refusal(RefusalCode.CANCELLED, "This booking was cancelled already.")
            if not record.active:
                return refusal(RefusalCode.RULE_VIOLATION,
                               "This booking is over ({status}); it cannot be cancelled.",
                               status=str(record.status))
            record = replace(record, status=ReservationStatus.CANCELLED)
            convert.apply_reservation(row, record)
            outbox.append(session, "reservation.cancel", {"id": record.id}, now)
            offered = offers.offer_freed(session, record.resource_id, record.interval, now)
        return Applied(record, _changes(record, offered))

    def move(self, reservation_id: str, span: Interval, *, staff: bool = True
             ) -> Applied[Reservation] | Refusal:
        """Move an active booking to ``span`` (judged as a new booking, minus itself)."""
        require_span(span)
        now = self.now()
        with self.store.write() as session:
            row = load_reservation(session, reservation_id)
            if isinstance(row, Refusal):
                return row
            old = convert.reservation(row)
            if not old.active:
                return refusal(RefusalCode.RULE_VIOLATION,
                               "Only an active booking can be moved; this one is {status}.",
                               status=str(old.status))
            parties = load_parties(session, old.resource_id, old.member_id)
            if isinstance(parties, Refusal):
                return parties
            refused = judge(session, parties, span, now, staff=staff, exclude_id=old.id)
            if refused is not None:
                return refused
            record = replace(old, interval=span)
            convert.apply_reservation(row, record)
            outbox.append(session, "reservation.move",
                          {"id": record.id, **outbox.span_args(span)}, now)
            offered = offers.offer_freed_outside(session, old, span, now)
        return Applied(record, _changes(record, offered))

    def end_early(self, reservation_id: str) -> Applied[Reservation] | Refusal:
        """End a running booking now; the rest of its slot becomes free (sent as a move)."""
        now = self.now()
        with self.store.write() as session:
            row = load_reservation(session, reservation_id)
            if isinstance(row, Refusal):
                return row
            old = convert.reservation(row)
            shortened = slots.end_early(old, now)
            if isinstance(shortened, Refusal):
                return shortened
            record = replace(old, interval=shortened)
            convert.apply_reservation(row, record)
            outbox.append(session, "reservation.move",
                          {"id": record.id, **outbox.span_args(shortened)}, now)
            offered = offers.offer_freed_outside(session, old, shortened, now)
        return Applied(record, _changes(record, offered))
