"""Keep a rejection's catalogue reason and params (rev. 2 of the contract) so the kiosk
renders it in its own language; drop ``sync_state.flag_state`` (flags live in ``flags``).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_rejections", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reason", sa.String(length=48), nullable=True))
        batch_op.add_column(sa.Column("params", sa.JSON(), nullable=False,
                                      server_default=sa.text("'{}'")))
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.drop_column("flag_state")


def downgrade() -> None:
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("flag_state", sa.JSON(), nullable=False,
                                      server_default=sa.text("'{}'")))
    with op.batch_alter_table("sync_rejections", schema=None) as batch_op:
        batch_op.drop_column("params")
        batch_op.drop_column("reason")
