"""Queueing member e-mails in the same transaction as the change that causes them."""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from central.db import tables as t


def queue(conn: Connection, member_id: str, kind: str, subject: str, body: str, *,
          now: datetime) -> bool:
    """Queue a mail to the member; False (nothing queued) when they have no address."""
    address = conn.execute(
        sa.select(t.members.c.email).where(t.members.c.id == member_id)).scalar_one_or_none()
    if not address:
        return False
    conn.execute(sa.insert(t.emails).values(
        id=str(uuid.uuid4()), kind=kind, member_id=member_id, to_addr=address,
        subject=subject, body=body, status="pending", attempts=0, created_at=now))
    return True
