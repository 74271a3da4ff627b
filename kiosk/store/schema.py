"""The cache's tables as SQLAlchemy 2.0 typed declarative models.

Instants are ``UtcInstant`` (INTEGER unix seconds). Indexes serve the plan's five queries:
conflict check and calendar range (by resource and start), a member's reservations,
waitlist queue order and the no-show sweep. ``resources.longest_seconds`` is kept by a
trigger as the longest reservation ever stored for the resource, so that range queries
can bound ``starts_at`` from below and stay index range scans.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    DDL,
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    event,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from kiosk.store.types import UtcInstant

#: The literal predicate of the partial conflict index; queries must repeat it verbatim
#: (SQLite only uses a partial index when the query's WHERE contains the same term).
ACTIVE_SQL = "status IN ('pending', 'confirmed', 'checked_in')"
NOT_CHECKED_IN_SQL = "checked_in_at IS NULL"

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Json = dict[str, Any]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UtcInstant(), Json: JSON(), list[str]: JSON()}  # noqa: RUF012


class SiteRow(Base):
    __tablename__ = "sites"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str]
    timezone: Mapped[str] = mapped_column(String(64))
    settings: Mapped[Json] = mapped_column(default=dict)


class ResourceRow(Base):
    __tablename__ = "resources"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    name: Mapped[str]
    kind: Mapped[str] = mapped_column(String(64), index=True)
    required_badge: Mapped[str | None]
    settings: Mapped[Json] = mapped_column(default=dict)
    active: Mapped[bool] = mapped_column(default=True)
    longest_seconds: Mapped[int] = mapped_column(default=0, server_default=text("0"))


class ResourceKindRow(Base):
    """A kind's display names by language, as the server names it (``id`` is the code
    resources carry in ``kind``)."""

    __tablename__ = "resource_kinds"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    names: Mapped[Json] = mapped_column(default=dict)


class MemberRow(Base):
    __tablename__ = "members"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str]
    card_hash: Mapped[str | None] = mapped_column(String(128), index=True)
    pin_hash: Mapped[str | None] = mapped_column(String(256))
    cohort: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="active")
    no_show_count: Mapped[int] = mapped_column(default=0)
    badges: Mapped[list[str]] = mapped_column(default=list)
    language: Mapped[str | None] = mapped_column(String(35))


class ReservationRow(Base):
    __tablename__ = "reservations"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="span"),
        Index(
            "ix_reservations_conflict", "resource_id", "starts_at", "ends_at",
            sqlite_where=text(ACTIVE_SQL),
        ),
        Index("ix_reservations_calendar", "resource_id", "starts_at"),
        Index("ix_reservations_member", "member_id", "starts_at"),
        Index(
            "ix_reservations_no_show", "status", "starts_at",
            sqlite_where=text(NOT_CHECKED_IN_SQL),
        ),
    )
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    resource_id: Mapped[str] = mapped_column(ForeignKey("resources.id", ondelete="CASCADE"))
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime | None]
    checked_in_at: Mapped[datetime | None]
    no_show: Mapped[bool] = mapped_column(default=False)
    via: Mapped[str] = mapped_column(String(16), default="kiosk")


class WaitlistRow(Base):
    __tablename__ = "reservation_waitlist"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="span"),
        Index("ix_reservation_waitlist_queue", "resource_id", "status", "created_at"),
        Index("ix_reservation_waitlist_member", "member_id"),
    )
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    resource_id: Mapped[str] = mapped_column(ForeignKey("resources.id", ondelete="CASCADE"))
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    created_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16))
    offered_at: Mapped[datetime | None]
    offer_expires_at: Mapped[datetime | None]


class ClosureRow(Base):
    __tablename__ = "closures"
    __table_args__ = (Index("ix_closures_site_id_starts_at", "site_id", "starts_at"),)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    resource_id: Mapped[str | None] = mapped_column(
        ForeignKey("resources.id", ondelete="CASCADE")
    )
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    reason: Mapped[str]


class FlagRow(Base):
    """One explicit value of a feature flag: scope ``global`` (key ''), ``site`` (site id)
    or ``cohort`` (cohort name, or ``"<site_id>:<cohort>"`` for a site's override)."""

    __tablename__ = "flags"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    scope: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    enabled: Mapped[bool]
    updated_at: Mapped[datetime | None]


class SettingsLayerRow(Base):
    """A settings layer without a row of its own: ``global`` (scope '') and ``cohort``
    (scope = cohort name); ``kiosk`` holds the kiosk's own settings (PIN throttle).
    Site and resource layers live in ``sites.settings`` and ``resources.settings``."""

    __tablename__ = "settings_layers"
    layer: Mapped[str] = mapped_column(String(16), primary_key=True)
    scope: Mapped[str] = mapped_column(String(64), primary_key=True)
    values: Mapped[Json] = mapped_column(default=dict)


class StaffCredentialRow(Base):
    __tablename__ = "staff_credentials"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    pin_hash: Mapped[str] = mapped_column(String(256))
    updated_at: Mapped[datetime | None]


class PinThrottleRow(Base):
    """Wrong-PIN count per subject (``member:<number>`` or ``staff``), kept across restarts."""

    __tablename__ = "pin_throttle"
    subject: Mapped[str] = mapped_column(String(96), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]


class OutboxRow(Base):
    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_state_seq", "state", "seq"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(48))
    args: Mapped[Json]
    created_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None]
    #: the rows as they were before this change (``kiosk.core.decisions.undo``)
    undo: Mapped[Json | None]


class SyncStateRow(Base):
    """The single row (id 1) of this device's sync bookkeeping."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    cursor: Mapped[str | None]
    next_seq: Mapped[int] = mapped_column(default=1)
    last_pull_at: Mapped[datetime | None]
    last_push_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    online: Mapped[bool] = mapped_column(default=False)
    server_time_offset: Mapped[float] = mapped_column(default=0.0)
    server_url: Mapped[str | None]  # set by ``kiosk enroll``
    ready: Mapped[bool] = mapped_column(default=False, server_default=false())
    last_error: Mapped[str | None]  # why the last sync attempt failed, for the sync page
    offline_since: Mapped[datetime | None]  # the first failure since the last success
    outage_started_at: Mapped[datetime | None]  # the last outage that ended (its report)
    outage_ended_at: Mapped[datetime | None]


class SyncLogRow(Base):
    """What the server answered to one change made here (kept for the outage report)."""

    __tablename__ = "sync_log"
    __table_args__ = (Index("ix_sync_log_made_at", "made_at"),)
    mutation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(48))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    member_id: Mapped[str | None] = mapped_column(String(64))
    made_at: Mapped[datetime]
    settled_at: Mapped[datetime]
    outcome: Mapped[str] = mapped_column(String(16))
    code: Mapped[str | None] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(String(48))
    params: Mapped[Json] = mapped_column(default=dict)


class SyncRejectionRow(Base):
    __tablename__ = "sync_rejections"
    __table_args__ = (Index("ix_sync_rejections_resolved_at", "resolved_at"),)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    mutation_id: Mapped[str] = mapped_column(String(36))
    code: Mapped[str] = mapped_column(String(32))
    #: the catalogue key and its params: what the kiosk renders (``message`` is English)
    reason: Mapped[str | None] = mapped_column(String(48))
    params: Mapped[Json] = mapped_column(default=dict, server_default=text("'{}'"))
    message: Mapped[str]
    entity: Mapped[str | None] = mapped_column(String(32))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    member_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]
    seen_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[str | None]


#: Keeps ``resources.longest_seconds`` at least the longest stored reservation.
LONGEST_TRIGGERS = (
    """CREATE TRIGGER IF NOT EXISTS trg_reservations_longest_insert
AFTER INSERT ON reservations BEGIN
  UPDATE resources SET longest_seconds = NEW.ends_at - NEW.starts_at
  WHERE id = NEW.resource_id AND longest_seconds < NEW.ends_at - NEW.starts_at;
END""",
    """CREATE TRIGGER IF NOT EXISTS trg_reservations_longest_update
AFTER UPDATE OF starts_at, ends_at ON reservations BEGIN
  UPDATE resources SET longest_seconds = NEW.ends_at - NEW.starts_at
  WHERE id = NEW.resource_id AND longest_seconds < NEW.ends_at - NEW.starts_at;
END""",
)
DROP_TRIGGERS = (
    "DROP TRIGGER IF EXISTS trg_reservations_longest_insert",
    "DROP TRIGGER IF EXISTS trg_reservations_longest_update",
)

for _sql in LONGEST_TRIGGERS:
    event.listen(ReservationRow.__table__, "after_create", DDL(_sql))  # type: ignore[no-untyped-call]
