"""Engines and transactions: one connection per unit of work.

``write(engine)`` opens a write transaction: on SQLite ``BEGIN IMMEDIATE`` takes the
database's single write lock up front, so a transaction's checks and its writes see the
same data even across server processes; on PostgreSQL it is READ COMMITTED and the
exclusion constraint and row locks do the rest. ``read(engine)`` is one consistent
snapshot (REPEATABLE READ on PostgreSQL, a deferred transaction on SQLite in WAL mode).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and ``postgres://`` and use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str, *, pool_size: int = 10) -> Engine:
    """Create an engine for ``url`` with the per-dialect set-up this server relies on."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        _setup_sqlite(engine)
        return engine
    return sa.create_engine(url, pool_size=pool_size, max_overflow=20, pool_pre_ping=True)


def _setup_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def is_postgres(conn: Connection | Engine) -> bool:
    return conn.dialect.name == "postgresql"


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """A write transaction, committed on success and rolled back on any exception."""
    with engine.connect() as raw:
        conn = raw
        if engine.dialect.name == "sqlite":
            conn = raw.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            yield conn


@contextmanager
def read(engine: Engine) -> Iterator[Connection]:
    """A read-only transaction that sees one consistent snapshot."""
    with engine.connect() as raw:
        conn = raw
        if engine.dialect.name == "postgresql":
            conn = raw.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn
