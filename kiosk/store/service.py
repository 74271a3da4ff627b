"""``KioskService``: the one object through which the CLI and the UI read and change the
local cache (contract: docs/dev/service-api.md).

Every call opens its own session and transaction, so the service may be shared between
threads; writes begin IMMEDIATE and append their sync mutation to the outbox in the same
transaction. Rules are decided by ``kiosk.core`` only. The clock is injected.
"""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.store.db import Store
from kiosk.store.service_access import Access
from kiosk.store.service_base import Clock
from kiosk.store.service_bookings import BookingWrites
from kiosk.store.service_checkin import CheckInWrites
from kiosk.store.service_reads import Reads
from kiosk.store.service_rejections import Rejections
from kiosk.store.service_waitlist import WaitlistService


def system_clock() -> datetime:
    return datetime.now(UTC)


class KioskService(Reads, BookingWrites, CheckInWrites, WaitlistService, Access, Rejections):
    """Reads return core records; writes return ``Applied[T]`` or a ``Refusal``; input that
    cannot be a request at all (wrong types, naive times) raises ``InvalidInput`` before
    anything is read or written."""

    def __init__(self, store: Store, clock: Clock = system_clock) -> None:
        super().__init__(store, clock)
