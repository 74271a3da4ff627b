"""Member e-mail: addresses checked where they enter (``address``), and mails queued in the
same transaction as the change that causes them."""

from __future__ import annotations

import uuid
from datetime import datetime
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.utils import parseaddr

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from central.db import tables as t

MAX_LENGTH = 254  # the longest path SMTP carries (RFC 5321)


def address(text: str) -> str:
    """``text`` as one plain mailbox address (``name@domain``), or ``ValueError`` saying why
    not. Parsed by the standard library's header parser, which is what builds the mail:
    what passes here can be sent; CR, LF and other control characters never pass."""
    if len(text) > MAX_LENGTH:
        raise ValueError(f"is longer than {MAX_LENGTH} characters")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise ValueError("contains a control character (line break, tab…)")
    try:
        parsed = Address(addr_spec=text)
    except (HeaderParseError, ValueError, IndexError, TypeError) as exc:
        raise ValueError(f"is not an e-mail address ({exc})") from exc
    if not parsed.username or not parsed.domain or parsed.addr_spec != text:
        raise ValueError("is not a plain e-mail address (name@domain)")
    if parseaddr(text)[1] != text:
        raise ValueError("is not a plain e-mail address (name@domain)")
    return text


def queue(conn: Connection, member_id: str, kind: str, subject: str, body: str, *,
          now: datetime) -> bool:
    """Queue a mail to the member; False (nothing queued) when they have no address."""
    to_addr = conn.execute(
        sa.select(t.members.c.email).where(t.members.c.id == member_id)).scalar_one_or_none()
    if not to_addr:
        return False
    conn.execute(sa.insert(t.emails).values(
        id=str(uuid.uuid4()), kind=kind, member_id=member_id, to_addr=to_addr,
        subject=subject, body=body, status="pending", attempts=0, created_at=now))
    return True
