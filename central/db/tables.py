"""The server's tables (SQLAlchemy Core). The Alembic migrations create exactly these.

Besides the domain tables (sites, resource_kinds, resources, members, closures, reservations,
reservation_waitlist, flags) there are the sync tables: ``site_versions`` (one counter row
per site, bumped inside every writing transaction so that commit order equals version
order), ``changes`` (the latest version of every entity a site can see, tombstones
included), ``devices`` (hashed tokens, last processed mutation seq) and
``device_mutations`` (exactly-once records). ``emails`` is the outgoing mail queue and
``request_errors`` records server errors answered to kiosks' pushes and ``request_stats``
counts kiosks' sync answers per hour and route, for the go/no-go report's error rates
(``central.api.stats`` says what counts).
"""

from __future__ import annotations

import sqlalchemy as sa

from central.db.types import JSONType, UTCDateTime

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

ID = sa.String(36)
ACTIVE = "status IN ('pending', 'confirmed', 'checked_in')"

sites = sa.Table(
    "sites", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("timezone", sa.String(64), nullable=False),
    sa.Column("settings", JSONType, nullable=False),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    # 32 random bytes (hex) keying members' PIN and card hashes; only to kiosks' tokens.
    # Set at creation (migration 0004 for older sites); the empty default is never kept.
    sa.Column("secret", sa.String(64), nullable=False, server_default=""),
)

site_versions = sa.Table(
    "site_versions", metadata,
    sa.Column("site_id", ID, sa.ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("version", sa.BigInteger, nullable=False),
    sa.Column("pruned_through", sa.BigInteger, nullable=False),
)

resources = sa.Table(
    "resources", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("site_id", ID, sa.ForeignKey("sites.id"), nullable=False, index=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(100), nullable=False),
    sa.Column("required_badge", sa.String(100)),
    sa.Column("settings", JSONType, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
)

#: Each site's kinds of resource (``code`` as resources carry it in ``kind``) and their
#: display names by language (``{"en": "Table saw", "es": "Sierra de mesa"}``).
resource_kinds = sa.Table(
    "resource_kinds", metadata,
    sa.Column("site_id", ID, sa.ForeignKey("sites.id"), primary_key=True),
    sa.Column("code", sa.String(100), primary_key=True),
    sa.Column("names", JSONType, nullable=False),
)

members = sa.Table(
    "members", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("site_id", ID, sa.ForeignKey("sites.id"), nullable=False),
    sa.Column("number", sa.String(64), nullable=False),
    sa.Column("display_name", sa.String(200), nullable=False),
    sa.Column("email", sa.String(320)),
    sa.Column("card_hash", sa.String(128)),
    sa.Column("pin_hash", sa.String(256)),
    sa.Column("cohort", sa.String(100)),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("no_show_count", sa.Integer, nullable=False),
    sa.Column("badges", JSONType, nullable=False),
    sa.Column("language", sa.String(35)),
    sa.UniqueConstraint("site_id", "number", name="uq_members_site_number"),
)

closures = sa.Table(
    "closures", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("site_id", ID, sa.ForeignKey("sites.id"), nullable=False, index=True),
    sa.Column("resource_id", ID, sa.ForeignKey("resources.id")),
    sa.Column("starts_at", UTCDateTime(), nullable=False),
    sa.Column("ends_at", UTCDateTime(), nullable=False),
    sa.Column("reason", sa.String(200), nullable=False),
)

reservations = sa.Table(
    "reservations", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("site_id", ID, sa.ForeignKey("sites.id"), nullable=False),
    sa.Column("resource_id", ID, sa.ForeignKey("resources.id"), nullable=False),
    sa.Column("member_id", ID, sa.ForeignKey("members.id"), nullable=False),
    sa.Column("starts_at", UTCDateTime(), nullable=False),
    sa.Column("ends_at", UTCDateTime(), nullable=False),
    sa.Column("buffer_minutes", sa.Integer, nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("no_show", sa.Boolean, nullable=False),
    sa.Column("via", sa.String(20), nullable=False),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.Column("updated_at", UTCDateTime(), nullable=False),
    sa.Column("checked_in_at", UTCDateTime()),
    sa.Column("checkin_received_at", UTCDateTime()),
    sa.Column("device_id", ID),
    sa.CheckConstraint("ends_at > starts_at", name="interval"),
    sa.CheckConstraint("buffer_minutes >= 0", name="buffer"),
    sa.Index(
        "idx_reservations_conflict", "resource_id", "starts_at", "ends_at",
        postgresql_where=sa.text(ACTIVE), sqlite_where=sa.text(ACTIVE),
    ),
    sa.Index("idx_reservations_user", "member_id", "starts_at"),
    # The per-member quota counts active bookings that have not ended: bounded to what
    # is active, however many past bookings the member has (migration 0004).
    sa.Index(
        "idx_reservations_member_active", "member_id", "ends_at",
        postgresql_where=sa.text(ACTIVE), sqlite_where=sa.text(ACTIVE),
    ),
    # The no-show sweep's candidates of one site: only bookings still waiting.
    sa.Index(
        "idx_reservations_due", "site_id", "starts_at",
        postgresql_where=sa.text("status IN ('pending', 'confirmed')"),
        sqlite_where=sa.text("status IN ('pending', 'confirmed')"),
    ),
    sa.Index("idx_reservations_starts", "starts_at"),  # the report's recent bookings
    sa.Index(
        "idx_reservations_no_show", "status", "starts_at",
        postgresql_where=sa.text("status IN ('pending', 'confirmed')"),
        sqlite_where=sa.text("status IN ('pending', 'confirmed')"),
    ),
    sa.Index("idx_reservations_calendar", "site_id", "starts_at", "ends_at"),
)

reservation_waitlist = sa.Table(
    "reservation_waitlist", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("site_id", ID, sa.ForeignKey("sites.id"), nullable=False),
    sa.Column("resource_id", ID, sa.ForeignKey("resources.id"), nullable=False),
    sa.Column("member_id", ID, sa.ForeignKey("members.id"), nullable=False),
    sa.Column("starts_at", UTCDateTime(), nullable=False),
    sa.Column("ends_at", UTCDateTime(), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.Column("offered_at", UTCDateTime()),
    sa.Column("offer_expires_at", UTCDateTime()),
    sa.Column("reservation_id", ID),
    sa.Index("idx_waitlist_queue", "resource_id", "status", "created_at"),
)

flags = sa.Table(
    "flags", metadata,
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("scope_key", sa.String(300), primary_key=True),
    sa.Column("site_id", ID, sa.ForeignKey("sites.id")),
    sa.Column("cohort", sa.String(100)),
    sa.Column("enabled", sa.Boolean, nullable=False),
    sa.Column("updated_at", UTCDateTime(), nullable=False),
)

changes = sa.Table(
    "changes", metadata,
    sa.Column("site_id", ID, sa.ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("entity", sa.String(30), primary_key=True),
    sa.Column("entity_id", sa.String(200), primary_key=True),
    sa.Column("version", sa.BigInteger, nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False),
    sa.Column("data", JSONType),
    sa.Column("changed_at", UTCDateTime(), nullable=False),
    sa.Index("idx_changes_site_version", "site_id", "version", unique=True),
)

devices = sa.Table(
    "devices", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("site_id", ID, sa.ForeignKey("sites.id"), nullable=False, index=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("token_hash", sa.String(128), nullable=False),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.Column("revoked_at", UTCDateTime()),
    sa.Column("last_mutation_seq", sa.BigInteger, nullable=False),
    sa.Column("last_seen_at", UTCDateTime()),
    sa.Column("app_version", sa.String(100)),
    sa.Column("outbox_depth", sa.Integer),
    sa.Column("oldest_pending_at", UTCDateTime()),
    sa.Column("metrics", JSONType),
)

device_mutations = sa.Table(
    "device_mutations", metadata,
    sa.Column("device_id", ID, sa.ForeignKey("devices.id"), primary_key=True),
    sa.Column("mutation_id", ID, primary_key=True),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("name", sa.String(50), nullable=False),
    sa.Column("outcome", sa.String(20), nullable=False),
    sa.Column("code", sa.String(30)),
    sa.Column("message", sa.Text),
    sa.Column("received_at", UTCDateTime(), nullable=False),
    sa.Column("duration_ms", sa.Float, nullable=False),
    sa.Column("fingerprint", sa.String(64)),  # kiosk.core.mutations.fingerprint
    sa.Column("reason", sa.String(48)),  # the refusal's catalogue key
    sa.Column("params", JSONType),  # the refusal's parameters
    sa.Index("idx_device_mutations_seq", "device_id", "seq", unique=True),
    sa.Index("idx_device_mutations_received", "received_at"),  # the report's window
)

emails = sa.Table(
    "emails", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("member_id", ID),
    sa.Column("to_addr", sa.String(320), nullable=False),
    sa.Column("subject", sa.String(300), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("last_error", sa.Text),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.Column("sent_at", UTCDateTime()),
    sa.Index("idx_emails_status", "status", "created_at"),
)

request_errors = sa.Table(
    "request_errors", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", UTCDateTime(), nullable=False),
    sa.Column("path", sa.String(200), nullable=False),
    sa.Column("status", sa.Integer, nullable=False),
)

request_stats = sa.Table(
    "request_stats", metadata,
    sa.Column("hour", UTCDateTime(), primary_key=True),
    sa.Column("route", sa.String(20), primary_key=True),
    sa.Column("requests", sa.BigInteger, nullable=False),
    sa.Column("errors_5xx", sa.BigInteger, nullable=False),
)
