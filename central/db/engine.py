"""Engines and transactions: one connection per unit of work.

``write(engine)`` opens a write transaction: on SQLite ``BEGIN IMMEDIATE`` takes the
database's single write lock up front, so a transaction's checks and its writes see the
same data even across server processes; on PostgreSQL it is READ COMMITTED and the
exclusion constraint and row locks do the rest. ``read(engine)`` is one consistent
snapshot (REPEATABLE READ on PostgreSQL, a deferred transaction on SQLite in WAL mode).

Inside ``dry_run()`` every write transaction is rolled back instead of committed: a job
run as a preview (``central jobs run --dry-run``) does all its work and keeps none of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

#: Seconds to wait for PostgreSQL to accept a connection (an unreachable host fails fast).
CONNECT_TIMEOUT_S = 10
_DRY_RUN: ContextVar[bool] = ContextVar("central_dry_run", default=False)


@contextmanager
def dry_run() -> Iterator[None]:
    """Roll back every write transaction opened (in this thread) until the block ends."""
    token = _DRY_RUN.set(True)
    try:
        yield
    finally:
        _DRY_RUN.reset(token)


def is_dry_run() -> bool:
    """Whether writes are being rolled back (code with effects outside the database, such
    as sending mail, asks this and only counts what it would do)."""
    return _DRY_RUN.get()


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and ``postgres://`` and use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str, *, pool_size: int = 10, pre_ping: bool = True) -> Engine:
    """Create an engine for ``url`` with the per-dialect set-up this server relies on.

    ``pool_size`` should be at least the number of threads that use the engine at once
    (the server's request threads plus its job threads), so no request waits for a
    connection while a thread sits idle. ``pre_ping=False`` saves a round trip per
    checkout; the caller then retries a first statement that fails on a dead connection
    (as ``central.api.deps`` does).
    """
    url = normalise_url(url)
    # hide_parameters: a failing statement's message never carries its values (a member's
    # PIN or card hash, a token hash) into a traceback or a log
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False},
                                  hide_parameters=True)
        _setup_sqlite(engine)
        return engine
    engine = sa.create_engine(url, pool_size=pool_size, max_overflow=4, pool_pre_ping=pre_ping,
                              hide_parameters=True,
                              connect_args={"connect_timeout": CONNECT_TIMEOUT_S})
    event.listen(engine, "handle_error", _without_failing_row)
    return engine


def _without_failing_row(context: sa.engine.ExceptionContext) -> None:
    """Drop PostgreSQL's "Failing row contains (…)" detail from an error's message: it
    lists every value of the row (a member's PIN and card hashes) and would reach
    tracebacks and logs."""
    for error in (context.original_exception, context.sqlalchemy_exception):
        if error is not None and error.args and isinstance(error.args[0], str):
            kept = [line for line in error.args[0].splitlines()
                    if not line.lstrip().startswith("DETAIL:  Failing row contains")]
            error.args = ("\n".join(kept), *error.args[1:])


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


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """A write transaction, committed on success and rolled back on any exception."""
    with engine.connect() as raw, writing(raw) as conn:
        yield conn


@contextmanager
def read(engine: Engine) -> Iterator[Connection]:
    """A read-only transaction that sees one consistent snapshot."""
    with engine.connect() as raw, reading(raw) as conn:
        yield conn


def autocommit(conn: Connection) -> Connection:
    """Put an idle connection in autocommit mode for single-statement reads (no BEGIN or
    ROLLBACK round trips on PostgreSQL). ``writing`` and ``reading`` switch it back."""
    if conn.dialect.name == "postgresql":
        conn.execution_options(isolation_level="AUTOCOMMIT")
    return conn


def _idle(conn: Connection) -> None:
    if conn.in_transaction():  # an autobegun read (SQLite) ends before a new transaction
        conn.commit()


@contextmanager
def writing(conn: Connection) -> Iterator[Connection]:
    """A write transaction on an open connection (BEGIN IMMEDIATE on SQLite)."""
    _idle(conn)
    if conn.dialect.name == "sqlite":
        conn.execution_options(sqlite_begin="IMMEDIATE")
    else:
        conn.execution_options(isolation_level="READ COMMITTED")
    try:
        with conn.begin() as transaction:
            yield conn
            if _DRY_RUN.get():
                transaction.rollback()
    finally:
        if conn.dialect.name == "sqlite":
            conn.execution_options(sqlite_begin="DEFERRED")


@contextmanager
def reading(conn: Connection) -> Iterator[Connection]:
    """A consistent-snapshot read transaction on an open connection."""
    _idle(conn)
    if conn.dialect.name == "postgresql":
        conn.execution_options(isolation_level="REPEATABLE READ")
    with conn.begin():
        yield conn
