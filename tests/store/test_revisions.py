"""The cache's head revision, read from the migration files, is Alembic's; a cache at head
opens without importing Alembic, an older one is still upgraded, a newer one refused."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from kiosk.store.cache_check import CacheUnusable, schema_revision
from kiosk.store.db import alembic_config, open_store
from kiosk.store.revisions import head_revision, known_revision


def test_the_head_read_from_the_files_is_alembics() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    assert all(known_revision(r.revision) for r in script.walk_revisions())
    assert not known_revision("9999_from_a_newer_kiosk")


def _opens_without_alembic(path: Path) -> bool:
    code = ("import sys; from kiosk.store.db import open_store; "
            f"open_store({str(path)!r}).close(); print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120)
    return out.stdout.strip() == "False"


def test_a_current_cache_opens_without_alembic_and_an_older_one_is_upgraded(
        tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    open_store(path).close()
    assert _opens_without_alembic(path)
    store = open_store(path)
    store.downgrade("0003")
    store.close()
    assert schema_revision(path) == "0003"
    assert not _opens_without_alembic(path)  # it needed the migrations
    assert schema_revision(path) == head_revision()


def test_a_cache_from_a_newer_kiosk_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_newer'")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(CacheUnusable, match="newer kiosk"):
        open_store(path)
    assert path.read_bytes() == before
