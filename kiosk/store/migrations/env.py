"""Alembic environment: migrate the connection handed in by ``open_store`` (or, when run
by hand, the file named by ``-x db=PATH``)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from kiosk.store.schema import Base

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    path = context.get_x_argument(as_dictionary=True).get("db")
    if not path:
        raise SystemExit("give the cache file with -x db=PATH")
    with create_engine(f"sqlite:///{path}").begin() as conn:
        _run(conn)


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) mode is not supported for the kiosk cache")
run_migrations_online()
