"""Initial schema: domain tables, sync tables and, on PostgreSQL, the no-overlap constraint.

Revision ID: 0001
Revises: (none)

On PostgreSQL every reservation carries a stored ``blocked`` range
``[starts_at, ends_at + buffer_minutes)``. Two reservations A (earlier) and B are closer
than the buffer exactly when ``B.start < A.end + buffer``, i.e. exactly when their blocked
ranges overlap, so the exclusion constraint over active reservations of one resource says
precisely "no overlap and no gap shorter than the buffer" (the same test as
``kiosk.core.model.Interval.overlaps``). Adding minutes to a timestamptz does not depend
on the session time zone, so the helper function is honestly IMMUTABLE.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

TS = sa.DateTime(timezone=True)
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
ACTIVE = "status IN ('pending', 'confirmed', 'checked_in')"

PG_UP = (
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    """CREATE FUNCTION central_plus_minutes(ts timestamptz, mins integer)
       RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE
       AS $$ SELECT ts + make_interval(mins => mins) $$""",
    """ALTER TABLE reservations ADD COLUMN blocked tstzrange
       GENERATED ALWAYS AS
       (tstzrange(starts_at, central_plus_minutes(ends_at, buffer_minutes), '[)')) STORED""",
    f"""ALTER TABLE reservations ADD CONSTRAINT reservations_no_overlap
       EXCLUDE USING gist (resource_id WITH =, blocked WITH &&) WHERE ({ACTIVE})""",
)

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "emails",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=True),
        sa.Column("to_addr", sa.String(length=320), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("sent_at", TS, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_emails")),
    )
    op.create_index("idx_emails_status", "emails", ["status", "created_at"], unique=False)
    op.create_table(
        "request_errors",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("path", sa.String(length=200), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_errors")),
    )
    op.create_table(
        "sites",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("settings", JSON, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sites")),
        sa.UniqueConstraint("name", name=op.f("uq_sites_name")),
    )
    op.create_table(
        "changes",
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("entity_id", sa.String(length=200), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("data", JSON, nullable=True),
        sa.Column("changed_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["site_id"], ["sites.id"], name=op.f("fk_changes_site_id_sites"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("site_id", "entity", "entity_id", name=op.f("pk_changes")),
    )
    op.create_index("idx_changes_site_version", "changes", ["site_id", "version"], unique=True)
    op.create_table(
        "devices",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("token_hash", sa.String(length=128), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("revoked_at", TS, nullable=True),
        sa.Column("last_mutation_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_seen_at", TS, nullable=True),
        sa.Column("app_version", sa.String(length=100), nullable=True),
        sa.Column("outbox_depth", sa.Integer(), nullable=True),
        sa.Column("oldest_pending_at", TS, nullable=True),
        sa.Column("metrics", JSON, nullable=True),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_devices_site_id_sites")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
    )
    op.create_index(op.f("ix_devices_site_id"), "devices", ["site_id"], unique=False)
    op.create_table(
        "flags",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("scope_key", sa.String(length=300), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=True),
        sa.Column("cohort", sa.String(length=100), nullable=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_flags_site_id_sites")),
        sa.PrimaryKeyConstraint("name", "scope_key", name=op.f("pk_flags")),
    )
    op.create_table(
        "members",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("card_hash", sa.String(length=128), nullable=True),
        sa.Column("pin_hash", sa.String(length=256), nullable=True),
        sa.Column("cohort", sa.String(length=100), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("no_show_count", sa.Integer(), nullable=False),
        sa.Column("badges", JSON, nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_members_site_id_sites")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_members")),
        sa.UniqueConstraint("site_id", "number", name="uq_members_site_number"),
    )
    op.create_table(
        "resources",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=100), nullable=False),
        sa.Column("required_badge", sa.String(length=100), nullable=True),
        sa.Column("settings", JSON, nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_resources_site_id_sites")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resources")),
    )
    op.create_index(op.f("ix_resources_site_id"), "resources", ["site_id"], unique=False)
    op.create_table(
        "site_versions",
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("pruned_through", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
            name=op.f("fk_site_versions_site_id_sites"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("site_id", name=op.f("pk_site_versions")),
    )
    op.create_table(
        "closures",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("resource_id", sa.String(length=36), nullable=True),
        sa.Column("starts_at", TS, nullable=False),
        sa.Column("ends_at", TS, nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["resource_id"], ["resources.id"], name=op.f("fk_closures_resource_id_resources")
        ),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_closures_site_id_sites")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closures")),
    )
    op.create_index(op.f("ix_closures_site_id"), "closures", ["site_id"], unique=False)
    op.create_table(
        "device_mutations",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("received_at", TS, nullable=False),
        sa.Column("duration_ms", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_device_mutations_device_id_devices")
        ),
        sa.PrimaryKeyConstraint("device_id", "mutation_id", name=op.f("pk_device_mutations")),
    )
    op.create_index(
        "idx_device_mutations_seq", "device_mutations", ["device_id", "seq"], unique=True
    )
    op.create_table(
        "reservation_waitlist",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("resource_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("starts_at", TS, nullable=False),
        sa.Column("ends_at", TS, nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("offered_at", TS, nullable=True),
        sa.Column("offer_expires_at", TS, nullable=True),
        sa.Column("reservation_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_reservation_waitlist_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["resource_id"],
            ["resources.id"],
            name=op.f("fk_reservation_waitlist_resource_id_resources"),
        ),
        sa.ForeignKeyConstraint(
            ["site_id"], ["sites.id"], name=op.f("fk_reservation_waitlist_site_id_sites")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reservation_waitlist")),
    )
    op.create_index(
        "idx_waitlist_queue",
        "reservation_waitlist",
        ["resource_id", "status", "created_at"],
        unique=False,
    )
    op.create_table(
        "reservations",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("resource_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("starts_at", TS, nullable=False),
        sa.Column("ends_at", TS, nullable=False),
        sa.Column("buffer_minutes", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("no_show", sa.Boolean(), nullable=False),
        sa.Column("via", sa.String(length=20), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("checked_in_at", TS, nullable=True),
        sa.Column("checkin_received_at", TS, nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.CheckConstraint("buffer_minutes >= 0", name=op.f("ck_reservations_buffer")),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_reservations_interval")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_reservations_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["resource_id"], ["resources.id"], name=op.f("fk_reservations_resource_id_resources")
        ),
        sa.ForeignKeyConstraint(
            ["site_id"], ["sites.id"], name=op.f("fk_reservations_site_id_sites")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reservations")),
    )
    op.create_index(
        "idx_reservations_calendar",
        "reservations",
        ["site_id", "starts_at", "ends_at"],
        unique=False,
    )
    op.create_index(
        "idx_reservations_conflict",
        "reservations",
        ["resource_id", "starts_at", "ends_at"],
        unique=False,
        postgresql_where=sa.text("status IN ('pending', 'confirmed', 'checked_in')"),
        sqlite_where=sa.text("status IN ('pending', 'confirmed', 'checked_in')"),
    )
    op.create_index(
        "idx_reservations_no_show",
        "reservations",
        ["status", "starts_at"],
        unique=False,
        postgresql_where=sa.text("status IN ('pending', 'confirmed')"),
        sqlite_where=sa.text("status IN ('pending', 'confirmed')"),
    )
    op.create_index(
        "idx_reservations_user", "reservations", ["member_id", "starts_at"], unique=False
    )
    if op.get_bind().dialect.name == "postgresql":
        for statement in PG_UP:
            op.execute(statement)


def downgrade() -> None:
    op.drop_index("idx_reservations_user", table_name="reservations")
    op.drop_index(
        "idx_reservations_no_show",
        table_name="reservations",
        postgresql_where=sa.text("status IN ('pending', 'confirmed')"),
        sqlite_where=sa.text("status IN ('pending', 'confirmed')"),
    )
    op.drop_index(
        "idx_reservations_conflict",
        table_name="reservations",
        postgresql_where=sa.text("status IN ('pending', 'confirmed', 'checked_in')"),
        sqlite_where=sa.text("status IN ('pending', 'confirmed', 'checked_in')"),
    )
    op.drop_index("idx_reservations_calendar", table_name="reservations")
    op.drop_table("reservations")
    op.drop_index("idx_waitlist_queue", table_name="reservation_waitlist")
    op.drop_table("reservation_waitlist")
    op.drop_index("idx_device_mutations_seq", table_name="device_mutations")
    op.drop_table("device_mutations")
    op.drop_index(op.f("ix_closures_site_id"), table_name="closures")
    op.drop_table("closures")
    op.drop_table("site_versions")
    op.drop_index(op.f("ix_resources_site_id"), table_name="resources")
    op.drop_table("resources")
    op.drop_table("members")
    op.drop_table("flags")
    op.drop_index(op.f("ix_devices_site_id"), table_name="devices")
    op.drop_table("devices")
    op.drop_index("idx_changes_site_version", table_name="changes")
    op.drop_table("changes")
    op.drop_table("sites")
    op.drop_table("request_errors")
    op.drop_index("idx_emails_status", table_name="emails")
    op.drop_table("emails")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS central_plus_minutes(timestamptz, integer)")
