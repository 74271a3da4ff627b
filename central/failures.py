"""One-line explanations of what goes wrong when a command meets its database or files:
which database or file, what is wrong with it and what to do. Never the statement's values
(the engines hide them) and never a traceback."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from alembic.util.exc import CommandError

#: What ``explain`` turns into a message (anything else is a bug and keeps its traceback).
EXPLAINED = (sa.exc.SQLAlchemyError, CommandError, OSError, ValueError)


def shown(url: str) -> str:
    """The URL with its password hidden."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except (sa.exc.ArgumentError, ValueError):
        return url


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _migration(db: str, reason: str) -> str:
    if "locate revision" in reason:
        return (f"the database {db} has a schema newer than this server knows ({reason}); "
                "run the newer central it was made with, or a backup made for this version")
    return f"cannot migrate the database {db} ({reason})"


def _unusable(db: str, reason: str) -> str:
    if db.startswith("sqlite"):
        return (f"cannot open or write the database {db} ({reason}); check that its "
                "directory exists and that the file is a writable database")
    return (f"cannot use the database {db} ({reason}); check that PostgreSQL is running "
            "and that the URL is right")


#: Most specific first: each failure and how to say it (the database, why, what to do).
_MESSAGES: list[tuple[type[BaseException], Callable[[str, str], str]]] = [
    (sa.exc.ArgumentError, lambda db, why: (
        f"--db {db!r} is not a database URL this server can use ({why}); give "
        "sqlite:///PATH or postgresql://USER@HOST/NAME")),
    (CommandError, _migration),
    (sa.exc.IntegrityError, lambda db, why: (
        f"the change conflicts with what the database {db} holds ({why}); nothing was "
        "written")),
    (sa.exc.OperationalError, _unusable),
    (sa.exc.DatabaseError, lambda db, why: (
        f"{db} is not a database this server can use ({why}); check --db or CENTRAL_DB")),
    (sa.exc.SQLAlchemyError, lambda db, why: f"the database {db} failed ({why})"),
]


def explain(exc: BaseException, url: str) -> str:
    """One line saying what failed, where, and what to do."""
    db, reason = shown(url), _first_line(exc)
    for kind, message in _MESSAGES:
        if isinstance(exc, kind):
            return message(db, reason)
    if isinstance(exc, OSError):
        return f"{exc.filename or db}: {exc.strerror or reason}"
    return reason
