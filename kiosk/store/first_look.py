"""The few facts the kiosk's first frame needs (the site's name and time zone, the kiosk's
own settings), read from a ready cache with the standard library's ``sqlite3``.

Importing SQLAlchemy and the store's mappings is most of the app's start-up; with these
facts the welcome screen is on the glass first and the store opens behind it. "Ready"
means a cache at this kiosk's head schema revision that holds a site. Anything else (no
file yet, an older schema to migrate, a file the store would refuse) gives ``None``, and
the caller opens the store the usual way, which migrates, loads the demo or says what is
wrong. ``tests/store/test_first_look.py`` holds these reads to the store's own.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.core.errors import InvalidInput
from kiosk.core.model import Site
from kiosk.store.cache_check import check_cache
from kiosk.store.kiosk_settings import KIOSK_DEFAULTS
from kiosk.store.revisions import head_revision


@dataclass(frozen=True, slots=True)
class FirstLook:
    site: Site
    #: the ``kiosk`` settings layer over its defaults
    kiosk_settings: Mapping[str, int] = field(default_factory=dict)

    def kiosk_setting(self, key: str) -> int:
        return self.kiosk_settings.get(key, KIOSK_DEFAULTS[key])


def first_look(path: Path) -> FirstLook | None:
    """The site and kiosk settings of a ready cache at ``path``, else ``None``."""
    head = head_revision()
    if head is None or not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        check_cache(path, lambda revision: revision == head)
    except InvalidInput:
        return None  # the store's own open says what is wrong with it
    try:
        # read-write mode (never creating), so a WAL file's newer pages are seen
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)
    except sqlite3.Error:
        return None
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        site = conn.execute("SELECT id, name, timezone, settings FROM sites LIMIT 1").fetchone()
        layer = conn.execute("SELECT \"values\" FROM settings_layers "
                             "WHERE layer = 'kiosk' AND scope = ''").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    if revision is None or revision[0] != head or site is None:
        return None
    settings = {key: int(value) for key, value in _json(layer[0] if layer else None).items()
                if key in KIOSK_DEFAULTS}
    return FirstLook(Site(site[0], site[1], site[2], _json(site[3])), settings)


def _json(text: str | None) -> dict[str, Any]:
    value = json.loads(text) if text else {}
    return value if isinstance(value, dict) else {}
