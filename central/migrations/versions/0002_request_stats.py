"""Request counts per hour and route, for the report's per-request error rate.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "request_stats",
        sa.Column("hour", sa.DateTime(timezone=True), nullable=False),
        sa.Column("route", sa.String(length=20), nullable=False),
        sa.Column("requests", sa.BigInteger(), nullable=False),
        sa.Column("errors_5xx", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("hour", "route", name=op.f("pk_request_stats")),
    )


def downgrade() -> None:
    op.drop_table("request_stats")
