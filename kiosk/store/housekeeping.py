"""Nightly upkeep of the cache: drop what no screen shows any more (bookings and closed
waitlist places long over, rejections staff handled long ago) unless a pending change
still needs it, then let SQLite refresh its statistics and give back free pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, text

from kiosk.store.db import Store
from kiosk.store.outbox import PENDING
from kiosk.store.schema import OutboxRow, ReservationRow, SyncRejectionRow, WaitlistRow

KEEP_PAST = timedelta(days=30)
KEEP_HANDLED = timedelta(days=90)
OPEN_PLACES = ("waiting", "offered")


@dataclass(frozen=True, slots=True)
class Tidied:
    reservations: int
    waitlist: int
    rejections: int
    vacuumed: bool


def tidy(store: Store, now: datetime) -> Tidied:
    before = now - KEEP_PAST
    with store.write() as session:
        pending: set[str] = set()
        for undo in session.scalars(select(OutboxRow.undo).where(OutboxRow.state == PENDING)):
            for table in ("reservations", "waitlist"):
                pending.update(((undo or {}).get(table) or {}).keys())
        old = [i for i in session.scalars(select(ReservationRow.id)
                                          .where(ReservationRow.ends_at < before))
               if i not in pending]
        for start in range(0, len(old), 500):
            session.execute(delete(ReservationRow)
                            .where(ReservationRow.id.in_(old[start:start + 500])))
        places = [i for i in session.scalars(select(WaitlistRow.id).where(
            WaitlistRow.ends_at < before, WaitlistRow.status.not_in(OPEN_PLACES)))
            if i not in pending]
        for start in range(0, len(places), 500):
            session.execute(delete(WaitlistRow)
                            .where(WaitlistRow.id.in_(places[start:start + 500])))
        handled = list(session.scalars(select(SyncRejectionRow.id).where(
            SyncRejectionRow.resolved_at < now - KEEP_HANDLED)))
        session.execute(delete(SyncRejectionRow).where(SyncRejectionRow.id.in_(handled)))
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA optimize")
        free = conn.execute(text("PRAGMA freelist_count")).scalar_one()
        pages = conn.execute(text("PRAGMA page_count")).scalar_one()
        vacuum = pages > 0 and free / pages > 0.25
        if vacuum:  # only when a quarter of the file is free: it rewrites the whole file
            conn.exec_driver_sql("VACUUM")
        conn.commit()
    return Tidied(len(old), len(places), len(handled), vacuum)
