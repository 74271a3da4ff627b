"""``render_all`` drives the real kiosk on a demo cache and writes every state at every
size: each file exists, has exactly the window's size and is not a blank picture."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.core import localtime
from kiosk.demo import catalogue
from kiosk.demo.dataset import build_demo
from kiosk.demo.load import load_demo
from kiosk.store.db import open_store
from kiosk.ui.screenshots import SIZES, render_all

STATES = ("home", "home-offline", "home-flag-off", "sign-in-number", "sign-in-pin",
          "member-checked-in", "member", "member-flag-off", "book-refused", "book-taken",
          "book-waitlist-joined", "book-booked", "still-there", "book-dst-23h",
          "book-dst-25h", "staff-pin", "staff-sheet", "staff-waitlist", "staff-sync",
          "staff-settings", "staff-leave", "staff-walkin-search", "staff-walkin",
          "staff-pin-lockout")


@pytest.fixture(scope="module", params=["en", "es"])
def shots(tmp_path_factory: pytest.TempPathFactory,
          request: pytest.FixtureRequest) -> tuple[Path, list[Path]]:
    root = tmp_path_factory.mktemp("shots")
    db = root / "demo.sqlite3"
    now = datetime(2026, 3, 2, 18, 20, tzinfo=UTC)  # Monday 10:20 in Portland
    store = open_store(db)
    try:
        load_demo(store, build_demo(localtime.local_date(catalogue.SITE_TZ, now), now))
    finally:
        store.close()
    out = root / "png"
    return db, render_all(out, db, language=request.param)


def _variance(image: QImage) -> float:
    step = 7
    values = [image.pixelColor(x, y).lightness()
              for x in range(0, image.width(), step) for y in range(0, image.height(), step)]
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / len(values)


def test_every_state_is_written_at_every_size(shots: tuple[Path, list[Path]]) -> None:
    _db, written = shots
    expected = {f"{state}-{w}x{h}.png" for state in STATES for w, h in SIZES}
    assert {p.name for p in written} == expected
    assert all(p.exists() for p in written)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_each_picture_fills_the_screen_exactly_and_is_not_blank(
        shots: tuple[Path, list[Path]], width: int, height: int) -> None:
    _db, written = shots
    for path in (p for p in written if p.name.endswith(f"-{width}x{height}.png")):
        image = QImage(str(path))
        assert (image.width(), image.height()) == (width, height), path.name
        assert _variance(image) > 100, f"{path.name} looks blank"


def test_the_cache_it_was_given_is_left_alone(shots: tuple[Path, list[Path]]) -> None:
    db, _written = shots
    from kiosk.store.service import KioskService

    store = open_store(db)
    try:
        status = KioskService(store).sync.status()
    finally:
        store.close()
    assert status.outbox_depth == 0 and not status.rejections
