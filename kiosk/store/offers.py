"""Offering a freed slot to the waitlist, inside the write that freed it.

The kiosk shows the same state offline as the server will decide: ``kiosk.core.waitlist``
picks the entry and the hold time; this module only loads and saves. Offers are not sync
mutations (the server makes its own), so no outbox row is written here.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.core import waitlist
from kiosk.core.model import Interval, Reservation, WaitlistEntry, WaitlistStatus
from kiosk.store import convert, repo
from kiosk.store.results import Changes
from kiosk.store.schema import ResourceRow, WaitlistRow

OPEN_STATES = (str(WaitlistStatus.WAITING), str(WaitlistStatus.OFFERED))


def open_rows(session: Session, resource_id: str | None = None,
              member_id: str | None = None) -> list[WaitlistRow]:
    """Waiting and offered entries in queue order (index on resource, status, created)."""
    stmt = select(WaitlistRow).where(WaitlistRow.status.in_(OPEN_STATES))
    if resource_id is not None:
        stmt = stmt.where(WaitlistRow.resource_id == resource_id)
    if member_id is not None:
        stmt = stmt.where(WaitlistRow.member_id == member_id)
    return list(session.scalars(stmt.order_by(WaitlistRow.created_at, WaitlistRow.id)))


def save(session: Session, entry: WaitlistEntry) -> None:
    row = session.get(WaitlistRow, entry.id)
    if row is not None:
        convert.apply_waitlist(row, entry)


def holds(session: Session, resource_id: str, now: datetime, member_id: str) -> list[Reservation]:
    """Slots held for other members' open offers, as busy intervals for a booking."""
    entries = [convert.waitlist_entry(r) for r in open_rows(session, resource_id)]
    return waitlist.offer_holds(entries, now, except_member=member_id)


def offer_freed(session: Session, resource_id: str, freed: Interval | None,
                now: datetime) -> Changes:
    """Pass lapsed offers on, then offer ``freed`` to the first entry that fits in it."""
    rows = open_rows(session, resource_id)
    if not rows:
        return Changes()
    resource = session.get(ResourceRow, resource_id)
    hold = repo.effective_policy(session, repo.site_row(session), resource, None
                                 ).policy.waitlist_hold_minutes
    current = {r.id: convert.waitlist_entry(r) for r in rows}
    expired, offered = waitlist.pass_on(current.values(), now, hold)
    changed = [*expired, *offered]
    current.update((e.id, e) for e in changed)
    offer = waitlist.offer_next(current.values(), freed, now, hold) if freed else None
    if offer is not None:
        changed.append(offer)
    for entry in changed:
        save(session, entry)
    return Changes.of(waitlist=[e.id for e in changed], members=[e.member_id for e in changed])


def freed_parts(old: Interval, new: Interval) -> list[Interval]:
    """The parts of ``old`` that ``new`` no longer covers."""
    if not old.overlaps(new):
        return [old]
    parts = []
    if old.start < new.start:
        parts.append(Interval(old.start, new.start))
    if new.end < old.end:
        parts.append(Interval(new.end, old.end))
    return parts


def offer_freed_outside(session: Session, old: Reservation, new: Interval,
                        now: datetime) -> Changes:
    changes = Changes()
    for part in freed_parts(old.interval, new):
        changes = changes | offer_freed(session, old.resource_id, part, now)
    return changes
