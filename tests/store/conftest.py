"""Fixtures for store tests: a populated cache file in tmp_path and a service on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.store.db import Store
from kiosk.store.service import KioskService
from tests.store.factory import Clock, make_store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kiosk.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    store = make_store(db_path)
    yield store
    store.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def svc(store: Store, clock: Clock) -> KioskService:
    return KioskService(store, clock)
