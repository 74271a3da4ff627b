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


def authenticate(conn: Connection, token: str) -> Device | None:
    """The device a bearer token belongs to, or None (unknown, malformed or revoked)."""
    device_id, _, secret = token.partition(".")
    row = None
    if secret and len(device_id) == 36:
        row = conn.execute(sa.select(t.devices).where(t.devices.c.id == device_id)
                           ).mappings().first()
    expected = row["token_hash"] if row is not None else _DUMMY
    matches = hmac.compare_digest(expected, _hash(secret))
    if row is None or not matches or row["revoked_at"] is not None:
        return None
    return Device(row["id"], row["site_id"])
