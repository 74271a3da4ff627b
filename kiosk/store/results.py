"""What the service's reads hand back besides core records: sync status, rejections and
the day sheet's rows. (Writes return ``kiosk.core.changes.Applied``.)"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from kiosk.core import messages
from kiosk.core.model import Reservation
from kiosk.core.refusals import Refusal


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
    reason: str | None = None  # the catalogue key the server sent (rev. 2)
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def refusal(self) -> Refusal:
        """The rejection as a refusal to render in the kiosk's language (the server's
        English ``message`` only for a reason this kiosk does not know)."""
        return messages.from_wire(self.code, self.reason, self.params, self.message)


@dataclass(frozen=True, slots=True)
class SyncStatus:
    online: bool
    last_sync_at: datetime | None
    outbox_depth: int
    oldest_pending_at: datetime | None
    rejections: tuple[SyncRejection, ...]
    last_error: str | None = None  # why the last sync attempt failed (None: it worked)
    enrolled: bool = False  # whether a server is set (sync runs); False: offline only


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


@dataclass(frozen=True, slots=True)
class OutageEntry:
    """One change made here during an outage, and what the server said of it."""

    name: str  # the mutation, e.g. "reservation.create"
    entity_id: str | None
    member_id: str | None
    member_name: str | None  # short form, as the kiosk may show it
    made_at: datetime
    outcome: str  # applied | rejected
    code: str | None = None
    reason: str | None = None
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def refusal(self) -> Refusal | None:
        if self.outcome != "rejected":
            return None
        return messages.from_wire(self.code or "invalid", self.reason, self.params)


@dataclass(frozen=True, slots=True)
class OutageReport:
    """The last time the kiosk was cut off: from its last sync before, to the sync that
    drained what was made meanwhile."""

    started_at: datetime
    ended_at: datetime
    entries: tuple[OutageEntry, ...]

    @property
    def accepted(self) -> int:
        return sum(1 for e in self.entries if e.outcome == "applied")

    @property
    def rejected(self) -> tuple[OutageEntry, ...]:
        return tuple(e for e in self.entries if e.outcome == "rejected")
