"""Kiosk devices and their bearer tokens.

A token is ``<device id>.<secret>``; only the SHA-256 of the secret is stored. Checking a
token looks the device up by id and compares hashes in constant time, and a revoked or
unknown token is indistinguishable to the caller. Tokens never reach a log line.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from central.db import tables as t

_DUMMY = hashlib.sha256(b"no such device").hexdigest()


@dataclass(frozen=True, slots=True)
class Device:
    """An authenticated kiosk: its id and the one site it may see and change."""

    id: str
    site_id: str
    #: whether any id given to ``authenticate`` as ``scope_ids`` belongs to another site
    foreign_ids: bool = False


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue(conn: Connection, site_id: str, name: str, now: datetime) -> tuple[str, str]:
    """Create a device for the site; return ``(device id, token)`` — the only time the
    token exists in clear."""
    device_id = str(uuid.uuid4())
    secret = secrets.token_urlsafe(32)
    conn.execute(sa.insert(t.devices).values(
        id=device_id, site_id=site_id, name=name, token_hash=_hash(secret), created_at=now,
        last_mutation_seq=0))
    return device_id, f"{device_id}.{secret}"


def revoke(conn: Connection, device_id: str, now: datetime) -> bool:
    """Revoke a device's token; False when there is no such (unrevoked) device."""
    d = t.devices
    done = conn.execute(sa.update(d).where(d.c.id == device_id, d.c.revoked_at.is_(None))
                        .values(revoked_at=now))
    return done.rowcount == 1


_ID_TABLES = (t.reservations, t.reservation_waitlist, t.resources, t.members)
_IDS: sa.BindParameter[str] = sa.bindparam("ids", expanding=True)
_AUTH = (sa.select(t.devices.c.id, t.devices.c.site_id, t.devices.c.token_hash,
                   t.devices.c.revoked_at)
         .where(t.devices.c.id == sa.bindparam("device_id")))
# The same, with whether any of ``ids`` belongs to another site (one query, no extra trip).
_AUTH_SCOPED = _AUTH.add_columns(sa.or_(*[
    sa.exists().where(table.c.id.in_(_IDS), table.c.site_id != t.devices.c.site_id)
    for table in _ID_TABLES]).label("foreign_ids"))


def authenticate(conn: Connection, token: str, *,
                 scope_ids: Sequence[str] = ()) -> Device | None:
    """The device a bearer token belongs to, or None (unknown, malformed or revoked).

    ``scope_ids``: ids a request names; the device's ``foreign_ids`` says whether any of
    them belongs to another site."""
    device_id, _, secret = token.partition(".")
    row = None
    if secret and len(device_id) == 36:
        if scope_ids:
            row = conn.execute(_AUTH_SCOPED, {"device_id": device_id,
                                              "ids": list(scope_ids)}).first()
        else:
            row = conn.execute(_AUTH, {"device_id": device_id}).first()
    expected = row.token_hash if row is not None else _DUMMY
    matches = hmac.compare_digest(expected, _hash(secret))
    if row is None or not matches or row.revoked_at is not None:
        return None
    return Device(row.id, row.site_id, bool(scope_ids) and bool(row.foreign_ids))
