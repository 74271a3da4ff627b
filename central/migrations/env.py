"""Alembic environment: runs against the engine passed in ``config.attributes``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from central.db.engine import normalise_url
from central.db.tables import metadata

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # plain `alembic` invocation: take the URL from the ini/CLI
    engine = create_engine(normalise_url(config.get_main_option("sqlalchemy.url") or ""))

with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=metadata,
                      transaction_per_migration=False)
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
