"""The sync client's bookkeeping: what undoes a pending change (``outbox.undo``), the
server this kiosk is enrolled with and whether its cache is ready (a pull reached
``has_more: false``), the last error, the last outage, and a log of what the server
answered to each change made here (``sync_log``: the outage report reads it).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kiosk.store.types import UtcInstant

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("undo", sa.JSON(), nullable=True))
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("server_url", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("ready", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column("last_error", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("offline_since", UtcInstant(), nullable=True))
        batch_op.add_column(sa.Column("outage_started_at", UtcInstant(), nullable=True))
        batch_op.add_column(sa.Column("outage_ended_at", UtcInstant(), nullable=True))
    op.create_table(
        "sync_log",
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=48), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=True),
        sa.Column("member_id", sa.String(length=64), nullable=True),
        sa.Column("made_at", UtcInstant(), nullable=False),
        sa.Column("settled_at", UtcInstant(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=True),
        sa.Column("reason", sa.String(length=48), nullable=True),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("mutation_id", name=op.f("pk_sync_log")),
    )
    with op.batch_alter_table("sync_log", schema=None) as batch_op:
        batch_op.create_index("ix_sync_log_made_at", ["made_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sync_log", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_log_made_at")
    op.drop_table("sync_log")
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.drop_column("outage_ended_at")
        batch_op.drop_column("outage_started_at")
        batch_op.drop_column("offline_since")
        batch_op.drop_column("last_error")
        batch_op.drop_column("ready")
        batch_op.drop_column("server_url")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("undo")
