"""Readable names for test rows turned into the UUIDs the sync contract's ids are."""

from __future__ import annotations

import uuid


def uid(name: str) -> str:
    """A stable UUID for a readable test name."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"kiosk-test:{name}"))
