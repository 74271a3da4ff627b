"""Create the kiosk cache schema: every table, the query indexes and the longest-span triggers.

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kiosk.store.types import UtcInstant

# Frozen copies: a later schema change must not alter what this revision creates.
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

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "flags",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UtcInstant(), nullable=True),
        sa.PrimaryKeyConstraint("name", "scope", "key", name=op.f("pk_flags")),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=48), nullable=False),
        sa.Column("args", sa.JSON(), nullable=False),
        sa.Column("created_at", UtcInstant(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("seq", name=op.f("uq_outbox_seq")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_state_seq", ["state", "seq"], unique=False)

    op.create_table(
        "pin_throttle",
        sa.Column("subject", sa.String(length=96), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", UtcInstant(), nullable=True),
        sa.PrimaryKeyConstraint("subject", name=op.f("pk_pin_throttle")),
    )
    op.create_table(
        "settings_layers",
        sa.Column("layer", sa.String(length=16), nullable=False),
        sa.Column("scope", sa.String(length=64), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("layer", "scope", name=op.f("pk_settings_layers")),
    )
    op.create_table(
        "sites",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sites")),
    )
    op.create_table(
        "staff_credentials",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("pin_hash", sa.String(length=256), nullable=False),
        sa.Column("updated_at", UtcInstant(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_credentials")),
    )
    op.create_table(
        "sync_rejections",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("message", sa.String(), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=True),
        sa.Column("entity_id", sa.String(length=64), nullable=True),
        sa.Column("member_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", UtcInstant(), nullable=False),
        sa.Column("seen_at", UtcInstant(), nullable=True),
        sa.Column("resolved_at", UtcInstant(), nullable=True),
        sa.Column("resolved_by", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_rejections")),
    )
    with op.batch_alter_table("sync_rejections", schema=None) as batch_op:
        batch_op.create_index("ix_sync_rejections_resolved_at", ["resolved_at"], unique=False)

    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("cursor", sa.String(), nullable=True),
        sa.Column("next_seq", sa.Integer(), nullable=False),
        sa.Column("last_pull_at", UtcInstant(), nullable=True),
        sa.Column("last_push_at", UtcInstant(), nullable=True),
        sa.Column("last_success_at", UtcInstant(), nullable=True),
        sa.Column("online", sa.Boolean(), nullable=False),
        sa.Column("server_time_offset", sa.Float(), nullable=False),
        sa.Column("flag_state", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "members",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("site_id", sa.String(length=64), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("display_name", sa.String(), nullable=False),
        sa.Column("card_hash", sa.String(length=128), nullable=True),
        sa.Column("pin_hash", sa.String(length=256), nullable=True),
        sa.Column("cohort", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("no_show_count", sa.Integer(), nullable=False),
        sa.Column("badges", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_id"], ["sites.id"], name=op.f("fk_members_site_id_sites"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_members")),
        sa.UniqueConstraint("number", name=op.f("uq_members_number")),
    )
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_members_card_hash"), ["card_hash"], unique=False)

    op.create_table(
        "resources",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("site_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("required_badge", sa.String(), nullable=True),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("longest_seconds", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_id"], ["sites.id"], name=op.f("fk_resources_site_id_sites"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resources")),
    )
    with op.batch_alter_table("resources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resources_kind"), ["kind"], unique=False)

    op.create_table(
        "closures",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("site_id", sa.String(length=64), nullable=False),
        sa.Column("resource_id", sa.String(length=64), nullable=True),
        sa.Column("starts_at", UtcInstant(), nullable=False),
        sa.Column("ends_at", UtcInstant(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["resource_id"],
            ["resources.id"],
            name=op.f("fk_closures_resource_id_resources"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["site_id"], ["sites.id"], name=op.f("fk_closures_site_id_sites"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closures")),
    )
    with op.batch_alter_table("closures", schema=None) as batch_op:
        batch_op.create_index(
            "ix_closures_site_id_starts_at", ["site_id", "starts_at"], unique=False
        )

    op.create_table(
        "reservation_waitlist",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("resource_id", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.String(length=64), nullable=False),
        sa.Column("starts_at", UtcInstant(), nullable=False),
        sa.Column("ends_at", UtcInstant(), nullable=False),
        sa.Column("created_at", UtcInstant(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("offered_at", UtcInstant(), nullable=True),
        sa.Column("offer_expires_at", UtcInstant(), nullable=True),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_reservation_waitlist_span")),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_reservation_waitlist_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resource_id"],
            ["resources.id"],
            name=op.f("fk_reservation_waitlist_resource_id_resources"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reservation_waitlist")),
    )
    with op.batch_alter_table("reservation_waitlist", schema=None) as batch_op:
        batch_op.create_index("ix_reservation_waitlist_member", ["member_id"], unique=False)
        batch_op.create_index(
            "ix_reservation_waitlist_queue", ["resource_id", "status", "created_at"], unique=False
        )

    op.create_table(
        "reservations",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("resource_id", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.String(length=64), nullable=False),
        sa.Column("starts_at", UtcInstant(), nullable=False),
        sa.Column("ends_at", UtcInstant(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", UtcInstant(), nullable=True),
        sa.Column("checked_in_at", UtcInstant(), nullable=True),
        sa.Column("no_show", sa.Boolean(), nullable=False),
        sa.Column("via", sa.String(length=16), nullable=False),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_reservations_span")),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_reservations_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resource_id"],
            ["resources.id"],
            name=op.f("fk_reservations_resource_id_resources"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reservations")),
    )
    with op.batch_alter_table("reservations", schema=None) as batch_op:
        batch_op.create_index(
            "ix_reservations_calendar", ["resource_id", "starts_at"], unique=False
        )
        batch_op.create_index(
            "ix_reservations_conflict",
            ["resource_id", "starts_at", "ends_at"],
            unique=False,
            sqlite_where=sa.text("status IN ('pending', 'confirmed', 'checked_in')"),
        )
        batch_op.create_index("ix_reservations_member", ["member_id", "starts_at"], unique=False)
        batch_op.create_index(
            "ix_reservations_no_show",
            ["status", "starts_at"],
            unique=False,
            sqlite_where=sa.text("checked_in_at IS NULL"),
        )
    for trigger in LONGEST_TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    for statement in DROP_TRIGGERS:
        op.execute(statement)
    with op.batch_alter_table("reservations", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_reservations_no_show", sqlite_where=sa.text("checked_in_at IS NULL")
        )
        batch_op.drop_index("ix_reservations_member")
        batch_op.drop_index(
            "ix_reservations_conflict",
            sqlite_where=sa.text("status IN ('pending', 'confirmed', 'checked_in')"),
        )
        batch_op.drop_index("ix_reservations_calendar")

    op.drop_table("reservations")
    with op.batch_alter_table("reservation_waitlist", schema=None) as batch_op:
        batch_op.drop_index("ix_reservation_waitlist_queue")
        batch_op.drop_index("ix_reservation_waitlist_member")

    op.drop_table("reservation_waitlist")
    with op.batch_alter_table("closures", schema=None) as batch_op:
        batch_op.drop_index("ix_closures_site_id_starts_at")

    op.drop_table("closures")
    with op.batch_alter_table("resources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resources_kind"))

    op.drop_table("resources")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_members_card_hash"))

    op.drop_table("members")
    op.drop_table("sync_state")
    with op.batch_alter_table("sync_rejections", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_rejections_resolved_at")

    op.drop_table("sync_rejections")
    op.drop_table("staff_credentials")
    op.drop_table("sites")
    op.drop_table("settings_layers")
    op.drop_table("pin_throttle")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_state_seq")

    op.drop_table("outbox")
    op.drop_table("flags")
