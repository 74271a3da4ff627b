"""Where the kiosk keeps its local cache: ``--db``, else ``$KIOSK_DB``, else the platform's
per-user data directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "community-kiosk"
DB_ENV = "KIOSK_DB"


def default_db_path() -> Path:
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "kiosk.sqlite3"


def resolve_db_path(arg: str | None) -> Path:
    path = Path(arg) if arg else default_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path
