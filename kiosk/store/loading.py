"""Loading what a decision reads, inside the write transaction that will save it.

What to load comes from the core (``decisions.lookup_of`` and ``scope_of``); this module
only reads rows and turns them into core records.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.core.decisions import Loaded, lookup_of, scope_of
from kiosk.core.model import Reservation, ReservationStatus, WaitlistEntry
from kiosk.core.mutations import Mutation
from kiosk.core.policy import BookingPolicy
from kiosk.core.slots import search_window
from kiosk.store import context, convert, repo
from kiosk.store.schema import ReservationRow, ResourceRow, WaitlistRow

_ROWS: dict[str, type[ReservationRow] | type[WaitlistRow]] = {
    "reservation": ReservationRow, "waitlist_entry": WaitlistRow}


def load(session: Session, m: Mutation, now: datetime, *, wide: bool = False) -> Loaded:
    """Everything ``decide(m, …)`` reads. ``wide`` loads busy time over the span's
    ``slots.search_window`` (for suggesting other times after a refusal)."""
    look = lookup_of(m)
    reservation = look.reservation_id and session.get(ReservationRow, look.reservation_id)
    entry = look.entry_id and session.get(WaitlistRow, look.entry_id)
    taken = bool(look.new_id and look.new_in
                 and session.get(_ROWS[look.new_in], look.new_id) is not None)
    res = convert.reservation(reservation) if reservation else None
    ent = convert.waitlist_entry(entry) if entry else None
    scope = scope_of(m, res, ent)
    if scope is None:
        return Loaded(now, res, ent, taken=taken)
    parties = context.load_parties(session, scope.resource_id, scope.member_id)
    if isinstance(parties, tuple):
        return Loaded(now, res, ent, taken=taken, missing=parties)
    span = scope.span
    if wide:
        buffer = context.policy_for(session, parties).policy.buffer_minutes
        span = search_window(span, buffer)
    ctx = context.booking_context(session, parties, span, now, exclude_id=scope.exclude_id)
    return Loaded(now, res, ent, ctx, context.open_entries(session, scope.resource_id), taken)


def policies(session: Session) -> Callable[[str], BookingPolicy]:
    """``policy_for(resource_id)`` resolving (and remembering) each resource's policy
    (no cohort: the check-in, no-show and hold settings are the resource's)."""
    site = repo.site_row(session)
    cache: dict[str, BookingPolicy] = {}

    def policy_for(resource_id: str) -> BookingPolicy:
        if resource_id not in cache:
            resource = session.get(ResourceRow, resource_id)
            cache[resource_id] = repo.effective_policy(session, site, resource, None).policy
        return cache[resource_id]

    return policy_for


def sweep_candidates(session: Session, now: datetime) -> list[Reservation]:
    """Pending/confirmed, not checked-in reservations that started within a week
    (the no-show index on (status, starts_at) where checked_in_at is null)."""
    statuses = (str(ReservationStatus.PENDING), str(ReservationStatus.CONFIRMED))
    stmt = select(ReservationRow).where(
        ReservationRow.status.in_(statuses), ReservationRow.checked_in_at.is_(None),
        ReservationRow.starts_at >= now - timedelta(days=7), ReservationRow.starts_at <= now,
    )
    return [convert.reservation(row) for row in session.scalars(stmt)]


def waitlists(session: Session, resource_ids: set[str]) -> dict[str, list[WaitlistEntry]]:
    """The open places of each resource."""
    return {rid: list(context.open_entries(session, rid)) for rid in sorted(resource_ids)}


def lapsed_offers(session: Session, now: datetime) -> list[WaitlistEntry]:
    """The open places of every resource with an offer whose hold has run out."""
    stmt = select(WaitlistRow.resource_id).where(
        WaitlistRow.status == "offered", WaitlistRow.offer_expires_at <= now).distinct()
    ids = set(session.scalars(stmt))
    return [e for rid in sorted(ids) for e in context.open_entries(session, rid)]
