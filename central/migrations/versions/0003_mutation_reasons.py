"""Refusal reasons and parameters on stored mutation results (contract rev. 2), and each
mutation's fingerprint, so an id re-sent with a different body is told apart from a
replay.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("device_mutations") as batch:
        batch.add_column(sa.Column("fingerprint", sa.String(length=64)))
        batch.add_column(sa.Column("reason", sa.String(length=48)))
        batch.add_column(sa.Column("params", sa.JSON().with_variant(JSONB(), "postgresql")))


def downgrade() -> None:
    with op.batch_alter_table("device_mutations") as batch:
        batch.drop_column("params")
        batch.drop_column("reason")
        batch.drop_column("fingerprint")
