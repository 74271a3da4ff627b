"""Opening the cache: one SQLite file, WAL, foreign keys, migrations applied on open.

pysqlite's own transaction handling is switched off (``isolation_level = None``) and the
store emits ``BEGIN`` itself (the SQLAlchemy recipe for SQLite), so that ``Store.write()``
starts with ``BEGIN IMMEDIATE``: the write lock is taken before the first read, which
makes "check for an overlap, then insert" atomic across threads and processes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from kiosk.core import text
from kiosk.store.cache_check import check_cache, schema_revision
from kiosk.store.outbox import ensure_sync_state
from kiosk.store.revisions import head_revision, known_revision

if TYPE_CHECKING:
    from alembic.config import Config

BUSY_TIMEOUT_MS = 10_000
#: Page cache per connection (KiB): index pages of a 1M-row cache stay hot while loading.
CACHE_KIB = 65_536
#: What the touchscreen app gives each connection instead: it keeps several connections
#: (three readers, the writer) for days, and each fills its cache in time, so 64 MiB each
#: would take the app past its memory budget. The OS file cache still serves the rest.
UI_CACHE_KIB = 16_384
_BEGIN_OPTION = "kiosk_begin"
T = TypeVar("T")


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object, *,
                cache_kib: int = CACHE_KIB) -> None:
    dbapi_connection.isolation_level = None
    for pragma in (
        f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
        "PRAGMA foreign_keys = ON",
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = NORMAL",
        f"PRAGMA cache_size = -{int(cache_kib)}",
    ):
        dbapi_connection.execute(pragma)
    # searches compare names without case or accents (``fold``), in SQL
    dbapi_connection.create_function("kiosk_fold", 1, text.fold, deterministic=True)


def _on_begin(connection: Any) -> None:
    mode = connection.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def make_engine(path: Path | str, *, cache_kib: int = CACHE_KIB) -> Engine:
    """An engine on one cache file with the store's pragmas and explicit BEGIN;
    ``cache_kib`` is each connection's SQLite page cache."""
    # hide_parameters: a failing statement's message never shows its values (PIN hashes)
    engine = create_engine(f"sqlite:///{Path(path)}", pool_size=8, max_overflow=16,
                           hide_parameters=True)
    event.listen(engine, "connect", partial(_on_connect, cache_kib=cache_kib))
    event.listen(engine, "begin", _on_begin)
    return engine


def alembic_config() -> Config:
    """The Alembic configuration of the migrations shipped inside the package (Alembic is
    imported only here and in ``migrate``: a current cache opens without it)."""
    from alembic.config import Config  # noqa: PLC0415

    location = files("kiosk.store") / "migrations"
    config = Config(str(location / "alembic.ini"))
    config.set_main_option("script_location", str(location))
    return config


class Store:
    """An open cache file. ``read()`` and ``write()`` yield a Session in one transaction;
    ``write()`` begins IMMEDIATE, commits on success and rolls back on any exception.
    Inside ``snapshot()`` every ``read()`` of the same thread shares one transaction, so
    a screen built from several reads sees the cache as of one moment (WAL keeps that
    moment while writers go on)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.write_engine = engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})
        self._reader = sessionmaker(engine, expire_on_commit=False, autoflush=False)
        self._writer = sessionmaker(self.write_engine, expire_on_commit=False)
        # ContextVar, not an attribute: each thread (and task) has its own snapshot
        self._snapshot: ContextVar[Session | None] = ContextVar(
            f"kiosk_snapshot_{id(self)}", default=None)

    @property
    def path(self) -> Path:
        return Path(str(self.engine.url.database))

    @contextmanager
    def read(self) -> Iterator[Session]:
        shared = self._snapshot.get()
        if shared is not None:
            yield shared
            return
        with self._reader() as session, session.begin():
            yield session

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Make the reads inside (on this thread) one read transaction; nests."""
        if self._snapshot.get() is not None:
            yield
            return
        with self._reader() as session, session.begin():
            token = self._snapshot.set(session)
            try:
                yield
            finally:
                self._snapshot.reset(token)

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._writer() as session, session.begin():
            yield session

    def migrate(self, revision: str = "head") -> None:
        """Upgrade to ``revision`` inside one IMMEDIATE transaction (concurrent openers
        wait for each other, then find nothing left to do)."""
        from alembic import command  # noqa: PLC0415 (see alembic_config)

        config = alembic_config()
        with self.write_engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)

    def downgrade(self, revision: str) -> None:
        from alembic import command  # noqa: PLC0415 (see alembic_config)

        config = alembic_config()
        with self.write_engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, revision)

    def close(self) -> None:
        self.engine.dispose()


def open_store(path: Path | str, *, migrate: bool = True, cache_kib: int = CACHE_KIB) -> Store:
    """Open the cache at ``path`` (created if missing) and bring its schema to head;
    ``CacheUnusable`` (file untouched) for a file that is not a cache this kiosk can use."""
    check_cache(Path(path), known_revision)
    current = Path(path).is_file() and schema_revision(Path(path)) == head_revision()
    store = Store(make_engine(path, cache_kib=cache_kib))
    if migrate:
        if not current:  # a cache at head needs no Alembic (a slow import) to open
            store.migrate()
        with store.write() as session:
            ensure_sync_state(session)
    return store
