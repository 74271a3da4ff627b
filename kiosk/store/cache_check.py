"""Checking a cache file before the store opens it, without changing a byte of it: a file
that is not an SQLite database, one cut short, one the kiosk cannot write, and one written
by a newer kiosk are each refused with a message that names the file and says what to do
(instead of a traceback, or a migration that would write to it)."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

from kiosk.core.errors import InvalidInput

_HEADER = b"SQLite format 3\x00"


class CacheUnusable(InvalidInput):
    """The cache file cannot be used as it is (the message says why and what to do)."""


def _size_from_header(header: bytes) -> int | None:
    """The database's size in bytes as its header states it (None when not stated)."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counter_matches = header[24:28] == header[92:96]
    return page_size * pages if pages and counter_matches else None


def schema_revision(path: Path) -> str | None:
    """The cache's schema revision, read without changing a byte (None: no schema yet)."""
    # immutable: SQLite neither writes nor creates a -wal or -shm file for this look
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    finally:
        conn.close()


def check_cache(path: Path, known: Callable[[str], bool]) -> None:
    """Refuse (``CacheUnusable``) a cache file the kiosk cannot open and keep; a missing or
    empty file is fine (it becomes a new cache). ``known``: whether this kiosk's
    migrations include a schema revision (``kiosk.store.revisions.known_revision``)."""
    if not path.exists():
        return
    if not path.is_file():
        raise CacheUnusable(f"{path} is not a file; give --db the path of a cache file")
    size = path.stat().st_size
    if size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(_HEADER):
        raise CacheUnusable(f"{path} is not a kiosk cache (not an SQLite database); check "
                            "--db, or move the file away to start a new cache")
    stated = _size_from_header(header) if len(header) == 100 else None
    if len(header) < 100 or (stated is not None and size < stated):
        raise CacheUnusable(f"{path} is damaged (cut short: {size} of "
                            f"{stated or 100} bytes); restore it from a backup, or move it "
                            "away and let the kiosk sync a new one")
    # a file marked read-only is refused even for root, who could write it anyway: whoever
    # marked it (a backup, an inspection copy) meant it to stay as it is
    marked = not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    if marked or not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise CacheUnusable(f"{path} is read-only (the kiosk writes to its cache and to "
                            "files beside it); fix the permissions, or copy it somewhere "
                            "writable and pass that to --db")
    try:
        revision = schema_revision(path)
    except sqlite3.DatabaseError as exc:
        raise CacheUnusable(f"{path} is damaged ({exc}); restore it from a backup, or move "
                            "it away and let the kiosk sync a new one") from None
    if revision is not None and not known(revision):
        raise CacheUnusable(f"{path} was written by a newer kiosk (schema {revision}); "
                            "update this kiosk, or give --db another file")
