"""CLI commands that start Qt: ``run`` (the kiosk) and ``screenshots``."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.cli.output import EXIT_OK
from kiosk.core import localtime
from kiosk.core.errors import InvalidInput
from kiosk.demo import catalogue


def ensure_site(db_path: Path) -> None:
    """The embedded default: a cache with no site gets the demo tool library, so a fresh
    kiosk starts with something to show and needs no network."""
    from kiosk.demo.dataset import build_demo
    from kiosk.demo.load import load_demo
    from kiosk.store.db import open_store
    from kiosk.store.service import KioskService

    store = open_store(db_path)
    try:
        if not KioskService(store).reads.has_site():
            now = datetime.now(UTC)
            load_demo(store, build_demo(localtime.local_date(catalogue.SITE_TZ, now), now))
    finally:
        store.close()


def require_display() -> None:
    """Refuse to start Qt without a display (it would abort the process) and say what to
    do instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise InvalidInput("no display to show the kiosk on (neither DISPLAY nor "
                           "WAYLAND_DISPLAY is set): start it in the kiosk's graphical "
                           "session, or set QT_QPA_PLATFORM=offscreen for a headless try; "
                           "'kiosk --help' lists the commands that need no display")


def cmd_run(db_path: Path, args: argparse.Namespace) -> int:
    require_display()
    from kiosk.store.first_look import first_look
    from kiosk.ui.app import run

    look = first_look(db_path)
    if look is None:  # not a ready cache with a site: make it one first
        ensure_site(db_path)
    return run(db_path, windowed=bool(getattr(args, "windowed", False)), look=look)


def showcase_now(now: datetime) -> datetime:
    """10:10 on the next weekday: the demo's busiest, most complete moment (member 1001's
    booking is starting, a waitlist offer is held), whatever the time of the real run."""
    day = localtime.local_date(catalogue.SITE_TZ, now) + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return localtime.wall_clock_at(catalogue.SITE_TZ, day, 10 * 60 + 10)


def cmd_screenshots(db_path: Path, args: argparse.Namespace) -> int:
    """Render the demo site, staged in a scratch cache at ``showcase_now``; the kiosk's own
    cache (``db_path``) is neither read nor changed, so every state is always present."""
    from kiosk.demo.dataset import build_demo
    from kiosk.demo.load import load_demo
    from kiosk.store.db import open_store
    from kiosk.ui.app import choose_language
    from kiosk.ui.screenshots import render_all

    del db_path
    now = showcase_now(datetime.now(UTC))
    with tempfile.TemporaryDirectory(prefix="kiosk-demo-") as scratch:
        stage = Path(scratch) / "demo.sqlite3"
        store = open_store(stage)
        try:
            load_demo(store, build_demo(localtime.local_date(catalogue.SITE_TZ, now), now))
        finally:
            store.close()
        written = render_all(Path(args.out), stage,
                             language=getattr(args, "lang", None) or choose_language())
    print(f"{len(written)} screenshots in {args.out}")  # noqa: T201
    return EXIT_OK
