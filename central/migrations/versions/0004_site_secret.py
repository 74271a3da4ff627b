"""A secret per site (32 random bytes, hex) that keys members' PIN and card hashes, and
every stored hash keyed with it — no PIN or card needed (``kiosk.core.credentials``:
the keyed forms wrap the unkeyed ones). Each member whose hashes changed is published
again, so kiosks pull the keyed forms with their next sync.

The upgrade functions are imported, not copied: kiosks key their caches with the very
same functions, and both sides must produce identical values.

Revision ID: 0004_site_secret
Revises: 0003
"""

import secrets

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

from kiosk.core.credentials import SECRET_BYTES, upgrade_card_hash, upgrade_pin_hash

revision = "0004_site_secret"
down_revision = "0003"
branch_labels = None
depends_on = None

_sites = sa.table("sites", sa.column("id", sa.String), sa.column("secret", sa.String))
_members = sa.table("members", sa.column("id", sa.String), sa.column("site_id", sa.String),
                    sa.column("card_hash", sa.String), sa.column("pin_hash", sa.String))
_changes = sa.table("changes", sa.column("site_id", sa.String), sa.column("entity", sa.String),
                    sa.column("entity_id", sa.String), sa.column("version", sa.BigInteger),
                    sa.column("data", sa.JSON().with_variant(JSONB(), "postgresql")))
_versions = sa.table("site_versions", sa.column("site_id", sa.String),
                     sa.column("version", sa.BigInteger))


def _key_site(conn: sa.Connection, site_id: str) -> None:
    secret = secrets.token_bytes(SECRET_BYTES)
    conn.execute(sa.update(_sites).where(_sites.c.id == site_id).values(secret=secret.hex()))
    keyed: dict[str, tuple[str | None, str | None]] = {}
    for row in conn.execute(sa.select(_members).where(_members.c.site_id == site_id)):
        pin = upgrade_pin_hash(row.pin_hash, secret) if row.pin_hash else None
        card = upgrade_card_hash(row.card_hash, secret) if row.card_hash else None
        if (pin, card) != (row.pin_hash, row.card_hash):
            keyed[row.id] = (pin, card)
    if not keyed:
        return
    for member_id, (pin, card) in keyed.items():
        conn.execute(sa.update(_members).where(_members.c.id == member_id)
                     .values(pin_hash=pin, card_hash=card))
    version = conn.execute(sa.select(_versions.c.version)
                           .where(_versions.c.site_id == site_id)).scalar_one()
    published = conn.execute(sa.select(_changes.c.entity_id, _changes.c.data).where(
        _changes.c.site_id == site_id, _changes.c.entity == "member",
        _changes.c.entity_id.in_(list(keyed)))).all()
    for member_id, data in published:
        if data is None:  # a tombstone carries no hashes
            continue
        version += 1
        pin, card = keyed[member_id]
        conn.execute(sa.update(_changes).where(
            _changes.c.site_id == site_id, _changes.c.entity == "member",
            _changes.c.entity_id == member_id).values(
                version=version, data={**data, "pin_hash": pin, "card_hash": card}))
    conn.execute(sa.update(_versions).where(_versions.c.site_id == site_id)
                 .values(version=version))


def upgrade() -> None:
    # NOT NULL with an empty default: SQLite adds such a column in place (making it NOT
    # NULL afterwards would rebuild ``sites``, which its foreign keys forbid). No site
    # keeps the empty value: each gets its secret here, new ones at creation.
    with op.batch_alter_table("sites") as batch:
        batch.add_column(sa.Column("secret", sa.String(length=64), nullable=False,
                                   server_default=""))
    conn = op.get_bind()
    for site_id in conn.execute(sa.select(_sites.c.id).order_by(_sites.c.id)).scalars():
        _key_site(conn, site_id)


def downgrade() -> None:
    # Keyed hashes cannot be unkeyed: members imported or keyed since need their PINs
    # imported again after a downgrade (docs/server.md).
    with op.batch_alter_table("sites") as batch:
        batch.drop_column("secret")
