"""Names the server gives kiosks: each site's resource kinds with their display names by
language (``resource_kinds``), and a member's language (``members.language``).

Revision ID: 0005_server_names
Revises: 0004_site_secret
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0005_server_names"
down_revision = "0004_site_secret"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "resource_kinds",
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("names", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"],
                                name=op.f("fk_resource_kinds_site_id_sites")),
        sa.PrimaryKeyConstraint("site_id", "code", name=op.f("pk_resource_kinds")),
    )
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("language", sa.String(length=35)))


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.drop_column("language")
    op.drop_table("resource_kinds")
