"""Reading the waitlist's open places (waiting and offered), in queue order."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.core.model import WaitlistStatus
from kiosk.store.schema import WaitlistRow

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
