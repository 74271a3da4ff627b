"""Decisions on a booking's life: create, cancel, move and end early.

Each takes the mutation and what was loaded for it and returns a ``Refusal`` or the
``Effects`` to save. Who acts is the mutation's ``via``: ``staff`` books and moves
without the how-far-ahead and per-member limits.
"""

from __future__ import annotations

from dataclasses import replace

from kiosk.core import messages, slots
from kiosk.core.booking import BookingContext, judge
from kiosk.core.checkin import effective_at
from kiosk.core.decisions.freeing import free, uncovered, with_holds
from kiosk.core.decisions.state import Effects, Loaded
from kiosk.core.model import Interval, Reservation, ReservationStatus
from kiosk.core.mutations import (
    CancelReservation,
    CreateReservation,
    EndEarly,
    MoveReservation,
    Via,
)
from kiosk.core.refusals import Refusal


def context(s: Loaded) -> BookingContext | Refusal:
    """The loaded booking context, or ``not_found`` for what is missing."""
    if s.context is None:
        what, ident = s.missing or ("resource", "?")
        return messages.not_found(what, ident)
    return s.context


def named(s: Loaded, ident: str) -> Reservation | Refusal:
    """The reservation the mutation names, or ``not_found``."""
    return s.reservation if s.reservation is not None else messages.not_found("booking", ident)


def changeable(r: Reservation) -> Refusal | None:
    """Only an active booking can be changed."""
    if r.status == ReservationStatus.CANCELLED:
        return messages.refuse("was_cancelled")
    if not r.active:
        return messages.refuse("not_active", status=str(r.status))
    return None


def _freeing(s: Loaded, ctx: BookingContext, old: Reservation,
             parts: list[Interval]) -> Effects:
    return free(old.resource_id, parts, s.waitlist, s.now, ctx.policy.waitlist_hold_minutes)


def create(m: CreateReservation, s: Loaded) -> Refusal | Effects:
    if s.taken:
        return messages.id_taken("booking", m.id)
    ctx = context(s)
    if isinstance(ctx, Refusal):
        return ctx
    refusal = judge(with_holds(ctx, s.waitlist, m.member_id), m.span, staff=m.via is Via.STAFF)
    if refusal is not None:
        return refusal
    record = Reservation(m.id, m.resource_id, m.member_id, m.span,
                         ReservationStatus.CONFIRMED, created_at=s.now, via=str(m.via))
    return Effects(inserted=(record,))


def cancel(m: CancelReservation, s: Loaded) -> Refusal | Effects:
    """Cancel an active booking; what is left of its time goes to the waitlist. A booking
    cancelled already stays so (applied, nothing changes)."""
    old = named(s, m.id)
    if isinstance(old, Refusal):
        return old
    if old.status == ReservationStatus.CANCELLED:
        return Effects()
    ctx = changeable(old) or context(s)
    if isinstance(ctx, Refusal):
        return ctx
    done = replace(old, status=ReservationStatus.CANCELLED)
    return Effects(updated=(done,)) | _freeing(s, ctx, old, [old.interval])


def move(m: MoveReservation, s: Loaded) -> Refusal | Effects:
    """Move an active booking to a new span, judged like a new booking of the same
    member (itself left out). The flag does not stop it: a move is not a new booking.
    The parts of the old span the new one leaves go to the waitlist."""
    old = named(s, m.id)
    if isinstance(old, Refusal):
        return old
    ctx = changeable(old) or context(s)
    if isinstance(ctx, Refusal):
        return ctx
    ctx = replace(with_holds(ctx, s.waitlist, old.member_id), flag_enabled=True)
    refusal = judge(ctx, m.span, staff=m.via is Via.STAFF)
    if refusal is not None:
        return refusal
    moved = replace(old, interval=m.span)
    return Effects(updated=(moved,)) | _freeing(s, ctx, old, uncovered(old.interval, m.span))


def end_early(m: EndEarly, s: Loaded) -> Refusal | Effects:
    """End a running booking at ``at`` (bounded like a check-in's: not after the change
    reached this side, not before the booking was made). It is over (completed); the rest
    of its time goes to the waitlist."""
    old = named(s, m.id)
    if isinstance(old, Refusal):
        return old
    ctx = context(s)
    if isinstance(ctx, Refusal):
        return ctx
    at = effective_at(old, m.at, s.now)
    shortened = slots.end_early(old, at)
    if isinstance(shortened, Refusal):
        return shortened
    done = replace(old, interval=shortened, status=ReservationStatus.COMPLETED)
    return Effects(updated=(done,)) | _freeing(s, ctx, old, uncovered(old.interval, shortened))
