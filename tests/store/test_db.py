"""open_store: pragmas, explicit transactions, sync state, and atomic writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from kiosk.store.db import Store, open_store
from kiosk.store.schema import SyncStateRow


def test_pragmas_are_set_on_every_connection(store: Store) -> None:
    with store.read() as session:
        pragma = {name: session.execute(text(f"PRAGMA {name}")).scalar_one()
                  for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")}
    assert pragma == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 10_000,
                      "synchronous": 1}


def test_write_rolls_back_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError), store.write() as session:
        session.execute(text("UPDATE sites SET name = 'changed'"))
        raise RuntimeError("boom")
    with store.read() as session:
        assert session.execute(text("SELECT name FROM sites")).scalar_one() != "changed"


def test_write_begins_immediate_so_a_second_writer_waits(db_path: Path, store: Store) -> None:
    import sqlite3

    with store.write() as session:
        session.execute(text("SELECT 1"))  # no write yet, but the lock is already held
        other = sqlite3.connect(db_path, timeout=0.1, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_reopening_keeps_the_device_id_and_migrates_nothing(db_path: Path, store: Store) -> None:
    with store.read() as session:
        first = session.get(SyncStateRow, 1)
        assert first is not None
    again = open_store(db_path)
    with again.read() as session:
        second = session.get(SyncStateRow, 1)
        assert second is not None and second.device_id == first.device_id
    again.close()


def test_foreign_keys_are_enforced(store: Store) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), store.write() as session:
        session.execute(text(
            "INSERT INTO reservations (id, resource_id, member_id, starts_at, ends_at, status,"
            " no_show, via) VALUES ('r', 'nope', 'nope', 1, 2, 'confirmed', 0, 'kiosk')"))
