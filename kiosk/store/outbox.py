"""The outbox of sync mutations and this device's sync bookkeeping.

``append`` runs inside the caller's write transaction, so a local change and its
mutation commit (or vanish) together. ``seq`` comes from ``sync_state.next_seq``, bumped
in the same transaction: it increases by one per mutation with no gaps, even after acked
rows are deleted.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.core.mutations import Mutation, encode
from kiosk.store.schema import OutboxRow, SyncStateRow

PENDING = "pending"


def ensure_sync_state(session: Session) -> SyncStateRow:
    """The single sync_state row, created with a fresh device id on first use."""
    state = session.get(SyncStateRow, 1)
    if state is None:
        state = SyncStateRow(id=1, device_id=str(uuid.uuid4()), next_seq=1, online=False,
                             server_time_offset=0.0)
        session.add(state)
        session.flush()
    return state


def append(session: Session, m: Mutation, now: datetime,
           undo: dict[str, Any] | None = None) -> OutboxRow:
    """Queue one mutation in the current transaction, written by the contract's codec,
    with what undoes it if the server rejects it; returns the new row."""
    state = ensure_sync_state(session)
    name, args = encode(m)
    row = OutboxRow(id=str(uuid.uuid4()), seq=state.next_seq, name=name, args=args,
                    created_at=now, state=PENDING, attempts=0, undo=undo)
    state.next_seq += 1
    session.add(row)
    session.flush()
    return row


def depth(session: Session) -> tuple[int, datetime | None]:
    """How many mutations wait to be pushed, and when the oldest was queued."""
    count, oldest = session.execute(
        select(func.count(), func.min(OutboxRow.created_at)).where(OutboxRow.state == PENDING)
    ).one()
    return int(count), oldest


def results_since(session: Session) -> int:
    """The pull's ``results_since``: the seq after which this kiosk still needs the
    server's outcomes — one before its oldest pending mutation, else the last seq it gave
    out (all settled). Without it every pull repeats the device's last 500 outcomes."""
    oldest = session.scalar(select(func.min(OutboxRow.seq)).where(OutboxRow.state == PENDING))
    if oldest is not None:
        return max(0, int(oldest) - 1)
    state = session.get(SyncStateRow, 1)  # read only: no row yet means no seq given out
    return 0 if state is None else max(0, state.next_seq - 1)


def pending(session: Session, limit: int = 500) -> list[OutboxRow]:
    """Mutations to push, in seq order (at most ``limit``, the push batch size)."""
    stmt = (select(OutboxRow).where(OutboxRow.state == PENDING)
            .order_by(OutboxRow.seq).limit(limit))
    return list(session.scalars(stmt))
