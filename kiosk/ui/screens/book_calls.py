"""The writes the book screen hands to the bridge (run off the GUI thread): book a time
(one booking per intent, however many taps) or move a booking to it."""

from __future__ import annotations

from kiosk.core.changes import Applied
from kiosk.core.model import Interval, Reservation
from kiosk.core.refusals import Refusal
from kiosk.store.service import KioskService


def book(resource_id: str, member_id: str, span: Interval, staff: bool,  # noqa: PLR0917
         intent: str, svc: KioskService) -> Applied[Reservation] | Refusal:
    return svc.reservations.book(resource_id, member_id, span, staff=staff,
                                 reservation_id=intent)


def move(reservation_id: str, span: Interval, staff: bool,
         svc: KioskService) -> Applied[Reservation] | Refusal:
    return svc.reservations.move(reservation_id, span, staff=staff)
