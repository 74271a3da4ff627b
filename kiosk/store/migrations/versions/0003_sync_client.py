"""The sync client's bookkeeping: what undoes a pending change (``outbox.undo``), the
server this kiosk is enrolled with and whether its cache is ready (a pull reached
``has_more: false``), and where a full sync got to.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

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


def downgrade() -> None:
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.drop_column("last_error")
        batch_op.drop_column("ready")
        batch_op.drop_column("server_url")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("undo")
