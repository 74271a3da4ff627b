"""CLI commands that start Qt: ``run`` (the kiosk) and ``screenshots``."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from kiosk.cli.output import EXIT_OK
from kiosk.core import localtime
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
        if not KioskService(store).has_site():
            now = datetime.now(UTC)
            load_demo(store, build_demo(localtime.local_date(catalogue.SITE_TZ, now), now))
    finally:
        store.close()


def cmd_run(db_path: Path, args: argparse.Namespace) -> int:
    from kiosk.ui.app import run

    ensure_site(db_path)
    return run(db_path, windowed=bool(getattr(args, "windowed", False)))


def cmd_screenshots(db_path: Path, args: argparse.Namespace) -> int:
    from kiosk.ui.screenshots import render_all

    ensure_site(db_path)
    render_all(Path(args.out), db_path)
    return EXIT_OK
