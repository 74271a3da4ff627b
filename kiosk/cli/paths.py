"""Where the kiosk keeps its local cache: ``--db``, else ``$KIOSK_DB``, else the platform's
per-user data directory. Only that last one is created when missing: a path someone gave
must be right as given (an empty ``--db`` is an unset shell variable, not a request for
the default; a missing directory is a typo, not a place to start a new cache)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from kiosk.core.errors import InvalidInput

APP_NAME = "community-kiosk"
DB_ENV = "KIOSK_DB"


def default_db_path() -> Path:
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "kiosk.sqlite3"


def resolve_db_path(arg: str | None) -> Path:
    """The cache file to use; ``InvalidInput`` for an empty ``--db`` or one whose directory
    does not exist."""
    if arg is not None and not arg.strip():
        raise InvalidInput("--db is empty (an unset shell variable?); give the cache file's "
                           "path, or leave --db out to use the default cache")
    if arg is None and not os.environ.get(DB_ENV):
        path = default_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return path
    path = Path(arg) if arg is not None else default_db_path()
    if not path.parent.is_dir():
        source = "--db" if arg is not None else f"${DB_ENV}"
        raise InvalidInput(f"{source} {path}: the directory {path.parent} does not exist; "
                           "create it first, or give another path")
    return path
