"""Indexes that keep each request's cost independent of history: a member's active
bookings (the per-member quota every booking counts), a site's bookings still waiting for
a check-in (the no-show sweep), the report's recent mutation results and bookings by
start.

Revision ID: 0006_scale_history
Revises: 0005_server_names
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_scale_history"
down_revision = "0005_server_names"
branch_labels = None
depends_on = None

ACTIVE = "status IN ('pending', 'confirmed', 'checked_in')"
WAITING = "status IN ('pending', 'confirmed')"


def upgrade() -> None:
    op.create_index("idx_reservations_member_active", "reservations", ["member_id", "ends_at"],
                    postgresql_where=sa.text(ACTIVE), sqlite_where=sa.text(ACTIVE))
    op.create_index("idx_reservations_due", "reservations", ["site_id", "starts_at"],
                    postgresql_where=sa.text(WAITING), sqlite_where=sa.text(WAITING))
    op.create_index("idx_reservations_starts", "reservations", ["starts_at"])
    op.create_index("idx_device_mutations_received", "device_mutations", ["received_at"])


def downgrade() -> None:
    op.drop_index("idx_device_mutations_received", table_name="device_mutations")
    op.drop_index("idx_reservations_starts", table_name="reservations")
    op.drop_index("idx_reservations_due", table_name="reservations")
    op.drop_index("idx_reservations_member_active", table_name="reservations")
