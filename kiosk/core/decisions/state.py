"""What a decision reads (``Loaded``) and what it says changes (``Effects``).

The kiosk's store and the server each load a ``Loaded`` inside the transaction that will
save the outcome — what to load is ``scope_of`` the mutation, so neither edge encodes a
rule — then call ``decide`` and write exactly the rows an ``Effects`` names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from kiosk.core.booking import BookingContext
from kiosk.core.changes import Changes
from kiosk.core.model import Interval, Reservation, WaitlistEntry
from kiosk.core.mutations import (
    ClaimOffer,
    CreateReservation,
    JoinWaitlist,
    LeaveWaitlist,
    MoveReservation,
    Mutation,
    claim_reservation_id,
)


@dataclass(frozen=True, slots=True)
class Lookup:
    """The rows a mutation names, to load (and lock) first: a reservation, a waitlist
    place, and the id of what it would create (``new_id`` in ``new_in``: "reservation" or
    "waitlist_entry"), whose existence the loader reports as ``Loaded.taken``."""

    reservation_id: str | None = None
    entry_id: str | None = None
    new_id: str | None = None
    new_in: str | None = None


@dataclass(frozen=True, slots=True)
class Scope:
    """The booking context to load next: the resource, the member, the span to judge and
    the reservation to leave out of ``busy`` and the member's count (one being moved)."""

    resource_id: str
    member_id: str
    span: Interval
    exclude_id: str = ""


def lookup_of(m: Mutation) -> Lookup:
    """What to load before the context (see ``Lookup``)."""
    if isinstance(m, CreateReservation):
        return Lookup(new_id=m.id, new_in="reservation")
    if isinstance(m, JoinWaitlist):
        return Lookup(new_id=m.id, new_in="waitlist_entry")
    if isinstance(m, ClaimOffer):
        return Lookup(entry_id=m.id, new_id=claim_reservation_id(m), new_in="reservation")
    if isinstance(m, LeaveWaitlist):
        return Lookup(entry_id=m.id)
    return Lookup(reservation_id=m.id)


def scope_of(m: Mutation, reservation: Reservation | None,
             entry: WaitlistEntry | None) -> Scope | None:
    """The context to load once the named rows are in hand; None when a named row is
    missing (the decision then refuses ``not_found`` without more reads)."""
    if isinstance(m, CreateReservation | JoinWaitlist):
        return Scope(m.resource_id, m.member_id, m.span)
    if entry is not None:
        return Scope(entry.resource_id, entry.member_id, entry.interval)
    if reservation is None:
        return None
    span = m.span if isinstance(m, MoveReservation) else reservation.interval
    return Scope(reservation.resource_id, reservation.member_id, span, reservation.id)


@dataclass(frozen=True, slots=True)
class Loaded:
    """Everything one decision reads, as of ``now`` (the deciding side's clock).

    ``context`` is the booking context of the ``Scope`` (its ``busy`` holds active
    reservations near the span, the scope's ``exclude_id`` left out, and no offer holds:
    decisions add those from ``waitlist``); None when the resource or member is missing,
    then ``missing`` says which (``("resource", id)``). ``waitlist`` holds the open
    (waiting and offered) places of the scope's resource."""

    now: datetime
    reservation: Reservation | None = None
    entry: WaitlistEntry | None = None
    context: BookingContext | None = None
    waitlist: tuple[WaitlistEntry, ...] = ()
    taken: bool = False
    missing: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Freed:
    """Time a change gave back on a resource (never in the past)."""

    resource_id: str
    interval: Interval


@dataclass(frozen=True, slots=True)
class Effects:
    """What a decision changes: rows to insert and to update (whole records, written as
    they are), time freed, offers made (also among ``waitlist_updated``) and changes of
    members' no-show counts (``(member id, delta)``, applied as ``max(0, count + delta)``).
    Empty effects mean the mutation is applied and changes nothing (already so)."""

    inserted: tuple[Reservation, ...] = ()
    updated: tuple[Reservation, ...] = ()
    waitlist_inserted: tuple[WaitlistEntry, ...] = ()
    waitlist_updated: tuple[WaitlistEntry, ...] = ()
    freed: tuple[Freed, ...] = ()
    offers: tuple[WaitlistEntry, ...] = ()
    no_shows: tuple[tuple[str, int], ...] = ()

    def __or__(self, other: Effects) -> Effects:
        return Effects(
            self.inserted + other.inserted, self.updated + other.updated,
            self.waitlist_inserted + other.waitlist_inserted,
            self.waitlist_updated + other.waitlist_updated, self.freed + other.freed,
            self.offers + other.offers, self.no_shows + other.no_shows)

    @property
    def empty(self) -> bool:
        return not (self.inserted or self.updated or self.waitlist_inserted
                    or self.waitlist_updated or self.no_shows)

    @property
    def reservations(self) -> tuple[Reservation, ...]:
        return self.inserted + self.updated

    @property
    def entries(self) -> tuple[WaitlistEntry, ...]:
        return self.waitlist_inserted + self.waitlist_updated

    def no_show_deltas(self) -> Mapping[str, int]:
        """The summed change of each member's no-show count."""
        total: dict[str, int] = {}
        for member_id, delta in self.no_shows:
            total[member_id] = total.get(member_id, 0) + delta
        return total

    def changes(self) -> Changes:
        """The ids the effects touch, for refreshing screens."""
        rows: Iterable[Reservation | WaitlistEntry] = (*self.reservations, *self.entries)
        return Changes.of(
            [r.id for r in self.reservations],
            {r.resource_id for r in rows} | {f.resource_id for f in self.freed},
            [e.id for e in self.entries],
            {r.member_id for r in rows} | {m for m, _ in self.no_shows})
