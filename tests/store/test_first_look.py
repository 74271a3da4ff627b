"""The app's first look at its cache (plain sqlite3, before the store is imported) agrees
with the store's own reads, and answers None for every cache that is not ready, so the
app opens those the usual way (which migrates, loads the demo, or says what is wrong)."""

from __future__ import annotations

from pathlib import Path

from kiosk.store.db import open_store
from kiosk.store.first_look import first_look
from kiosk.store.kiosk_settings import KIOSK_DEFAULTS
from kiosk.store.service import KioskService
from tests.store.factory import make_store


def test_a_ready_cache_gives_the_stores_own_site_and_settings(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    store = make_store(path)
    svc = KioskService(store)
    try:
        look = first_look(path)
        assert look is not None
        assert look.site == svc.reads.site()
        assert {k: look.kiosk_setting(k) for k in KIOSK_DEFAULTS} == \
            {k: svc.access.kiosk_setting(k) for k in KIOSK_DEFAULTS}
        # a change still in the write-ahead log (the store holds its connection open)
        svc.access.set_kiosk_setting("idle_seconds", 90)
        changed = first_look(path)
        assert changed is not None and changed.kiosk_setting("idle_seconds") == 90
        assert changed.kiosk_setting("pin_max_attempts") == KIOSK_DEFAULTS["pin_max_attempts"]
    finally:
        store.close()


def test_no_file_an_empty_one_and_a_foreign_one_are_not_ready(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite3"
    assert first_look(missing) is None
    assert not missing.exists()  # the look creates nothing
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert first_look(empty) is None
    foreign = tmp_path / "notes.sqlite3"
    foreign.write_text("not a database")
    assert first_look(foreign) is None
    assert foreign.read_text() == "not a database"


def test_a_cache_without_a_site_or_at_an_older_revision_is_not_ready(tmp_path: Path) -> None:
    bare = tmp_path / "bare.sqlite3"
    open_store(bare).close()  # at head, but nothing loaded: the demo goes in first
    assert first_look(bare) is None
    older = tmp_path / "older.sqlite3"
    store = make_store(older)
    store.downgrade("0003")
    store.close()
    assert first_look(older) is None  # opening it migrates, which the store does first
    open_store(older).close()
    assert first_look(older) is not None
