"""Column types: instants as INTEGER unix seconds (UTC) and JSON documents.

Integer seconds keep range queries on a million rows cheap and compare exactly; the
``UtcInstant`` decorator turns them back into aware UTC datetimes, so nothing above the
store ever sees a naive time or a raw number.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Dialect, Integer
from sqlalchemy.types import TypeDecorator

from kiosk.core.model import require_utc


def to_seconds(value: datetime) -> int:
    """Whole unix seconds (floored) for an aware datetime; naive values are refused."""
    return int(require_utc(value, "instant").timestamp() // 1)


def from_seconds(value: int) -> datetime:
    return datetime.fromtimestamp(value, UTC)


class UtcInstant(TypeDecorator[datetime]):
    """An aware UTC ``datetime`` stored as INTEGER unix seconds."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> int | None:
        return None if value is None else to_seconds(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else from_seconds(int(value))
