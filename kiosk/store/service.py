"""``KioskService``: the one typed entry point through which the CLI and the UI read and
change the local cache (contract: docs/dev/service-api.md).

It is composed of one part per aggregate — ``reservations``, ``waitlist``, ``access``
(members' and staff's PINs, kiosk settings, the flag), ``sync`` (status, rejections) and
``reads`` — sharing the store, the injected clock and one ``Writer`` that applies every
mutation (load → the core decides → save and queue). Every call opens its own session and
transaction, so the service may be shared between threads.
"""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.store.db import Store
from kiosk.store.service_access import Access
from kiosk.store.service_base import Clock
from kiosk.store.service_reads import Reads
from kiosk.store.service_reservations import Reservations
from kiosk.store.service_sync import SyncRecords
from kiosk.store.service_waitlist import Waitlist
from kiosk.store.writer import Writer


def system_clock() -> datetime:
    return datetime.now(UTC)


class KioskService:
    """Reads return core records; writes return ``Applied[T]`` or a ``Refusal``; input that
    cannot be a request at all (wrong types, naive times, ids that are not UUIDs) raises
    ``InvalidInput`` before anything is read or written."""

    def __init__(self, store: Store, clock: Clock = system_clock) -> None:
        self.store = store
        self.clock = clock
        self.writer = Writer(store, clock)
        self.reservations = Reservations(store, clock, self.writer)
        self.waitlist = Waitlist(store, clock, self.writer)
        self.access = Access(store, clock)
        self.sync = SyncRecords(store, clock)
        self.reads = Reads(store, clock)
