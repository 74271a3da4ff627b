"""The calls the book screen hands to the bridge (run off the GUI thread): book a time
(one booking per intent, however many taps) or move a booking to it, and find the
soonest free times of a kind."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from kiosk.core.changes import Applied
from kiosk.core.model import Interval, Reservation, Resource
from kiosk.core.refusals import Refusal
from kiosk.ui.bridge import Call

if TYPE_CHECKING:
    from kiosk.store.service import KioskService


def book(resource_id: str, member_id: str, span: Interval, staff: bool,  # noqa: PLR0917
         intent: str, svc: KioskService) -> Applied[Reservation] | Refusal:
    return svc.reservations.book(resource_id, member_id, span, staff=staff,
                                 reservation_id=intent)


def move(reservation_id: str, span: Interval, staff: bool,
         svc: KioskService) -> Applied[Reservation] | Refusal:
    return svc.reservations.move(reservation_id, span, staff=staff)


def first_free(kind: str, member_id: str, minutes: int, after: datetime, *,
               limit: int) -> Call[list[tuple[Resource, Interval]]]:
    """The first ``limit`` free times of ``kind`` this long from ``after``, for this member."""
    duration = timedelta(minutes=minutes)
    return lambda svc: svc.reads.first_free(kind, duration, after, member_id=member_id,
                                            limit=limit)
