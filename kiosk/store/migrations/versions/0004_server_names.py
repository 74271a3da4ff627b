"""Names the server gives: each resource kind's display names by language
(``resource_kinds``), and a member's language from their record (``members.language``).

Revision ID: 0004_server_names
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_server_names"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "resource_kinds",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("site_id", sa.String(length=64), nullable=False),
        sa.Column("names", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"],
                                name=op.f("fk_resource_kinds_site_id_sites"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resource_kinds")),
    )
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(length=35), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_column("language")
    op.drop_table("resource_kinds")
