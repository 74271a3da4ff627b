"""The shipped Alembic revision: upgrade, downgrade, upgrade again, and no drift from the
models (alembic's compare_metadata finds nothing)."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from kiosk.store.db import Store, open_store
from kiosk.store.schema import Base


def _tables(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        return set(inspect(conn).get_table_names()) - {"alembic_version"}


def _triggers(store: Store) -> set[str]:
    with store.read() as session:
        rows = session.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        return {r[0] for r in rows}


def _drift(store: Store) -> list[object]:
    with store.engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn), Base.metadata))


def test_upgrade_downgrade_upgrade(tmp_path: Path) -> None:
    store = open_store(tmp_path / "m.sqlite3")
    assert _tables(store) == set(Base.metadata.tables)
    assert len(_triggers(store)) == 2
    store.downgrade("base")
    assert _tables(store) == set()
    assert _triggers(store) == set()
    store.migrate()
    assert _tables(store) == set(Base.metadata.tables)
    assert _drift(store) == []
    store.close()


def test_schema_matches_the_models(tmp_path: Path) -> None:
    store = open_store(tmp_path / "m.sqlite3")
    assert _drift(store) == []
    with store.read() as session:
        version = session.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    assert version == "0004_server_names"
    store.close()


def test_migrations_ship_inside_the_package() -> None:
    from importlib.resources import files

    root = files("kiosk.store") / "migrations"
    assert (root / "env.py").is_file()
    assert (root / "alembic.ini").is_file()
    assert any(p.name.startswith("0001") for p in (root / "versions").iterdir())
