"""``kiosk demo-data``: fill the cache with the demo tool library (or a benchmark-sized one)."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from kiosk.cli.output import EXIT_OK, EXIT_REFUSED, error
from kiosk.core import localtime
from kiosk.demo import catalogue
from kiosk.demo.dataset import build_demo
from kiosk.demo.load import load_demo
from kiosk.store.cache_check import check_cache
from kiosk.store.db import open_store
from kiosk.store.revisions import known_revision
from kiosk.store.service import KioskService


def cmd_demo_data(db_path: Path, args: argparse.Namespace) -> int:
    # --force replaces a cache, never a file that is not one this kiosk can use (an unset
    # variable in --db could point anywhere): that is refused, and the file left as it is
    check_cache(db_path, known_revision)
    if db_path.exists() and not args.force and _has_site(db_path):
        error(f"{db_path} already holds a site; add --force to replace it with the demo site "
              "(its local changes and outbox are deleted)")
        return EXIT_REFUSED
    if db_path.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    now = datetime.now(UTC)
    today = localtime.local_date(catalogue.SITE_TZ, now)
    data = build_demo(today, now, scale=args.scale, resource_count=args.resources)
    store = open_store(db_path)
    try:
        counts = load_demo(store, data, progress=_progress if args.scale else None)
    finally:
        store.close()
    sys.stderr.write("\n" if args.scale else "")
    print(f"demo site {data.site.name!r} in {db_path}: "  # noqa: T201
          + ", ".join(f"{n} {what}" for what, n in counts.items()))
    print(f"members 1001–1200 sign in with their number as PIN; cards are 40000<number>; "  # noqa: T201
          f"staff PIN {data.staff_pin}")
    return EXIT_OK


def _has_site(db_path: Path) -> bool:
    store = open_store(db_path)
    try:
        return KioskService(store).reads.has_site()
    finally:
        store.close()


def _progress(done: int) -> None:
    sys.stderr.write(f"\r  {done:,} reservations written")
    sys.stderr.flush()
