"""The reservations aggregate: book, cancel, move, end early, check in (one booking or
every open window of a member at once), clear a no-show, and the kiosk's own offline
no-show sweep. Each write is one mutation applied by the ``Writer``: the core decides."""

from __future__ import annotations

import uuid
from datetime import datetime

from kiosk.core.changes import Applied, Changes
from kiosk.core.checkin import open_for_checkin
from kiosk.core.decisions import no_show_sweep
from kiosk.core.model import Interval, Reservation
from kiosk.core.mutations import (
    CancelReservation,
    CheckIn,
    ClearNoShow,
    CreateReservation,
    EndEarly,
    MoveReservation,
    Mutation,
    Via,
)
from kiosk.core.refusals import Refusal
from kiosk.store import loading, queries
from kiosk.store.db import Store
from kiosk.store.saving import save
from kiosk.store.service_base import Clock, ServiceBase, require_id, require_span
from kiosk.store.writer import Writer, apply_in


class Reservations(ServiceBase):
    """Writes return ``Applied[Reservation]`` or the core's ``Refusal``."""

    def __init__(self, store: Store, clock: Clock, writer: Writer) -> None:
        super().__init__(store, clock)
        self._writer = writer

    def _one(self, m: Mutation, ident: str, *, suggest: bool = False
             ) -> Applied[Reservation] | Refusal:
        done = self._writer.apply(m, suggest=suggest)
        if isinstance(done, Refusal):
            return done
        return Applied(done.value.reservation(ident), done.changes)

    def book(self, resource_id: str, member_id: str, span: Interval, *, staff: bool = False,
             reservation_id: str | None = None) -> Applied[Reservation] | Refusal:
        """Book ``span`` if every rule allows it (``staff``: for a member at the desk);
        the check and the insert are one transaction. A refusal carries free times."""
        new_id = reservation_id or str(uuid.uuid4())
        span = require_span(span)
        via = Via.STAFF if staff else Via.KIOSK
        m = CreateReservation(new_id, resource_id, member_id, span.start, span.end, via)
        return self._one(m, new_id, suggest=True)

    def cancel(self, reservation_id: str) -> Applied[Reservation] | Refusal:
        """Cancel an active booking; its time is offered to the first one waiting."""
        return self._one(CancelReservation(reservation_id), reservation_id)

    def move(self, reservation_id: str, span: Interval, *, staff: bool = False
             ) -> Applied[Reservation] | Refusal:
        """Move an active booking to ``span``, judged as a new booking minus itself."""
        span = require_span(span)
        via = Via.STAFF if staff else Via.KIOSK
        m = MoveReservation(reservation_id, span.start, span.end, via)
        return self._one(m, reservation_id, suggest=True)

    def end_early(self, reservation_id: str) -> Applied[Reservation] | Refusal:
        """End a running booking now; the rest of its time becomes free."""
        return self._one(EndEarly(reservation_id, self.now()), reservation_id)

    def check_in(self, reservation_id: str, at: datetime | None = None
                 ) -> Applied[Reservation] | Refusal:
        """Check in to one booking at ``at`` (default now)."""
        return self._one(CheckIn(reservation_id, at or self.now()), reservation_id)

    def clear_no_show(self, reservation_id: str, staff_id: str
                      ) -> Applied[Reservation] | Refusal:
        """Staff clear a late arrival's no-show flag; the member's count goes down."""
        return self._one(ClearNoShow(reservation_id, staff_id), reservation_id)

    def check_in_member(self, member_id: str) -> Applied[list[Reservation]]:
        """One scan: check in to every booking of the member whose window is open now."""
        require_id(member_id, "member_id")
        now = self.now()
        done: list[Reservation] = []
        changes = Changes()
        with self.store.write() as session:
            policy_for = loading.policies(session)
            near = queries.member_near(session, member_id, now)
            for record in open_for_checkin(near, policy_for, now):
                applied = apply_in(session, CheckIn(record.id, now), now)
                if not isinstance(applied, Refusal):
                    done.append(applied.value.reservation(record.id))
                    changes = changes | applied.changes
        return Applied(done, changes)

    def no_show_sweep(self) -> Applied[list[Reservation]]:
        """Mark unchecked bookings whose grace has passed as no-shows: the offline view
        of the server's job (which is authoritative), so nothing is queued for sync."""
        now = self.now()
        with self.store.write() as session:
            candidates = loading.sweep_candidates(session, now)
            policy_for = loading.policies(session)
            waitlists = loading.waitlists(session, {r.resource_id for r in candidates})
            effects = no_show_sweep(candidates, policy_for, waitlists, now)
            save(session, effects)
        return Applied(list(effects.updated), effects.changes())
