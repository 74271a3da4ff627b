"""What every part of ``KioskService`` shares: the store, the injected clock and input
checks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from kiosk.core.errors import InvalidInput
from kiosk.core.model import Interval, require_utc
from kiosk.store.db import Store

Clock = Callable[[], datetime]


def require_id(value: object, name: str) -> str:
    """A non-empty id string, else InvalidInput (nothing is read or written)."""
    if not isinstance(value, str) or not value.strip() or len(value) > 64:
        raise InvalidInput(f"{name} must be a non-empty id, not {value!r}")
    return value


def require_span(value: object, name: str = "span") -> Interval:
    if not isinstance(value, Interval):
        raise InvalidInput(f"{name} must be an Interval, not {type(value).__name__}")
    return value


class ServiceBase:
    """Holds the store and the clock; parts of the service derive from it."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    def now(self) -> datetime:
        """The injected clock's time in UTC, to the whole second (as the store keeps it)."""
        return require_utc(self.clock(), "clock").replace(microsecond=0)
