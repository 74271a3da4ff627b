"""Writing what a decision said changes, in the caller's transaction: exactly the rows
an ``Effects`` names, nothing decided here."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kiosk.core.decisions import Effects
from kiosk.store import convert
from kiosk.store.schema import MemberRow, ReservationRow, WaitlistRow


def save(session: Session, effects: Effects) -> None:
    for r in effects.inserted:
        session.add(ReservationRow(**convert.reservation_values(r)))
    for r in effects.updated:
        row = session.get(ReservationRow, r.id)
        if row is not None:
            convert.apply_reservation(row, r)
    for e in effects.waitlist_inserted:
        session.add(WaitlistRow(**convert.waitlist_values(e)))
    for e in effects.waitlist_updated:
        entry = session.get(WaitlistRow, e.id)
        if entry is not None:
            convert.apply_waitlist(entry, e)
    for member_id, delta in sorted(effects.no_show_deltas().items()):
        member = session.get(MemberRow, member_id)
        if member is not None:
            member.no_show_count = max(0, member.no_show_count + delta)
    session.flush()
