"""What the service hands back: change records, sync status and the day sheet's rows.

A write returns ``Applied[T]`` (the new value plus a ``Changes`` record naming what
changed) so that one Qt adapter can turn it into a signal and widgets refresh only what
the record names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Generic, TypeVar

from kiosk.core.model import Reservation

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Changes:
    """The ids of everything one write changed."""

    reservation_ids: frozenset[str] = frozenset()
    resource_ids: frozenset[str] = frozenset()
    waitlist_ids: frozenset[str] = frozenset()
    member_ids: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        reservations: Iterable[str] = (),
        resources: Iterable[str] = (),
        waitlist: Iterable[str] = (),
        members: Iterable[str] = (),
    ) -> Changes:
        return cls(frozenset(reservations), frozenset(resources), frozenset(waitlist),
                   frozenset(members))

    @property
    def calendar(self) -> bool:
        """Whether a day calendar may look different: bookings or resources changed."""
        return bool(self.reservation_ids or self.resource_ids)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.reservation_ids | other.reservation_ids,
            self.resource_ids | other.resource_ids,
            self.waitlist_ids | other.waitlist_ids,
            self.member_ids | other.member_ids,
        )

    @property
    def empty(self) -> bool:
        return not (self.reservation_ids or self.resource_ids or self.waitlist_ids
                    or self.member_ids)


@dataclass(frozen=True, slots=True)
class Applied(Generic[T]):
    """A write that happened: its result and what it changed."""

    value: T
    changes: Changes


@dataclass(frozen=True, slots=True)
class SyncRejection:
    """A mutation the server rejected, kept until staff resolve it."""

    id: int
    mutation_id: str
    code: str
    message: str
    entity: str | None
    entity_id: str | None
    member_id: str | None
    created_at: datetime
    seen_at: datetime | None = None  # when the member was shown it at the kiosk
    resolved_at: datetime | None = None  # when staff marked it handled
    resolved_by: str | None = None


@dataclass(frozen=True, slots=True)
class SyncStatus:
    online: bool
    last_sync_at: datetime | None
    outbox_depth: int
    oldest_pending_at: datetime | None
    rejections: tuple[SyncRejection, ...]


class SheetState(StrEnum):
    DUE = "due"
    CHECKED_IN = "checked_in"
    LATE = "late"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One line of the day sheet staff read at the desk."""

    reservation: Reservation
    resource_name: str
    member_name: str
    member_number: str
    state: SheetState
