"""The ``kiosk`` command: argument parsing and dispatch to the command modules."""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import __version__
from kiosk.cli.output import EXIT_USAGE, error
from kiosk.cli.paths import DB_ENV, resolve_db_path
from kiosk.core.errors import InvalidInput

if TYPE_CHECKING:
    from kiosk.cli.context import CliContext

log = logging.getLogger("kiosk")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk", description="Reservation kiosk for community sharing sites.")
    parser.add_argument("--db", metavar="PATH",
                        help=f"local cache file (default: ${DB_ENV}, else the platform data dir)")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="start the touchscreen kiosk (the default command)")
    run.add_argument("--windowed", action="store_true", help="a window instead of kiosk mode")

    demo = sub.add_parser("demo-data", help="fill the cache with the demo tool library")
    demo.add_argument("--scale", type=_positive, metavar="N",
                      help="instead, N reservations over many resources (benchmarks)")
    demo.add_argument("--resources", type=_positive, metavar="N",
                      help="number of resources (default 30, or 500 with --scale)")
    demo.add_argument("--force", action="store_true", help="replace a cache that holds a site")

    res = sub.add_parser("resources", help="list the site's resources")
    res.add_argument("--kind", help="only this kind")
    res.add_argument("--json", action="store_true", help="JSON with effective settings")

    mem = sub.add_parser("members", help="list or search members")
    mem.add_argument("--search", help="name or number to look for")
    mem.add_argument("--limit", type=_positive, default=1000)
    mem.add_argument("--json", action="store_true")

    book = sub.add_parser("book", help="book a resource for a member (local site time)")
    book.add_argument("--resource", required=True, help="resource id or name")
    book.add_argument("--member", required=True, help="member number")
    book.add_argument("--start", required=True, metavar='"YYYY-MM-DD HH:MM"')
    length = book.add_mutually_exclusive_group(required=True)
    length.add_argument("--end", metavar='"YYYY-MM-DD HH:MM"')
    length.add_argument("--minutes", type=_positive, metavar="N", help="real elapsed minutes")
    book.add_argument("--fold", choices=("earlier", "later"),
                      help="which reading of a time that happens twice (clocks going back)")
    book.add_argument("--staff", action="store_true",
                      help="book as staff: no how-far-ahead or per-member limit")
    book.add_argument("--json", action="store_true")

    lst = sub.add_parser("reservations", help="list one local day's reservations")
    lst.add_argument("--date", metavar="YYYY-MM-DD", help="local date (default today)")
    lst.add_argument("--resource", help="resource id or name")
    lst.add_argument("--member", help="member number")
    lst.add_argument("--json", action="store_true")

    for name, text in (("cancel", "cancel a reservation"), ("check-in", "check a member in")):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("id", help="reservation id")
        cmd.add_argument("--json", action="store_true")

    shots = sub.add_parser("screenshots", help="render every screen to PNG files")
    shots.add_argument("--out", required=True, metavar="DIR")
    shots.add_argument("--lang", choices=("en", "es"),
                       help="language of the pictures (default: KIOSK_LANG, else the system's)")

    e = sub.add_parser("enroll", help="join this kiosk to a reservation server "
                       "(the device token is read from stdin or a hidden prompt)")
    e.add_argument("--server", required=True, metavar="URL",
                   help="the server's address, e.g. https://booking.example.org")
    sub.add_parser("unenroll", help="forget the server and remove the token from the keyring")
    s = sub.add_parser("sync", help="push queued changes and pull the server's (headless)")
    s.add_argument("--once", action="store_true", required=True,
                   help="one round, then exit: 0 converged, 1 rejections recorded, "
                        "3 unreachable, 4 not enrolled")
    st = sub.add_parser("status", help="sync status: online, last sync, outbox, rejections")
    st.add_argument("--json", action="store_true", help="as JSON for scripts")
    live = sub.add_parser("live-demo", help="run the demo server on 127.0.0.1 and this "
                          "kiosk enrolled with it (what ./scripts/run-kiosk does)")
    live.add_argument("--dir", metavar="DIR", help="where both keep their data "
                      "(default: the platform data dir's live-demo)")
    live.add_argument("--no-ui", action="store_true",
                      help="set up, enroll and sync, then exit (for scripts and tests)")
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a number above zero, not {value}")
    return value


def _service_command(name: str) -> Callable[[CliContext, argparse.Namespace], int]:
    from kiosk.cli import booking_cmds, listing_cmds

    return {
        "resources": listing_cmds.cmd_resources,
        "members": listing_cmds.cmd_members,
        "reservations": listing_cmds.cmd_reservations,
        "book": booking_cmds.cmd_book,
        "cancel": booking_cmds.cmd_cancel,
        "check-in": booking_cmds.cmd_check_in,
    }[name]


def _file_command(name: str) -> Callable[[Path, argparse.Namespace], int] | None:
    """Commands that open the cache themselves (or none at all), by name."""
    if name in ("enroll", "unenroll", "sync", "status"):
        from kiosk.cli import sync_cmds

        return {"enroll": sync_cmds.cmd_enroll, "unenroll": sync_cmds.cmd_unenroll,
                "sync": sync_cmds.cmd_sync, "status": sync_cmds.cmd_status}[name]
    if name == "live-demo":
        from kiosk.cli.live_demo import cmd_live_demo

        return lambda _db, args: cmd_live_demo(args)
    if name == "demo-data":
        from kiosk.cli.demo_cmd import cmd_demo_data

        return cmd_demo_data
    if name in ("run", "screenshots"):
        from kiosk.cli.app_cmds import cmd_run, cmd_screenshots

        return cmd_run if name == "run" else cmd_screenshots
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    db_path = None
    try:
        db_path = resolve_db_path(args.db)
        return _dispatch(args.command or "run", db_path, args)
    except InvalidInput as exc:
        error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        error("interrupted")
        return 130
    except BrokenPipeError:  # the reader went away (| head): stop quietly, as cat does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:
        if not _database_error(exc):
            raise
        reason = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or ["?"])[0]
        error(f"the cache {db_path} failed ({reason}); check the file, or move it away and "
              "let the kiosk sync a new one")
        return EXIT_USAGE


def _dispatch(command: str, db_path: Path, args: argparse.Namespace) -> int:
    run_file_command = _file_command(command)
    if run_file_command is not None:
        return run_file_command(db_path, args)
    # the store's machinery is imported only by commands that use it: 'run' opens the
    # cache behind its first frame (kiosk.ui.app)
    from kiosk.cli.context import cli_context

    with cli_context(db_path) as ctx:
        return _service_command(command)(ctx, args)


def _database_error(exc: Exception) -> bool:
    """A failure of the cache file itself (the store's checks catch the usual ones first)."""
    from sqlalchemy.exc import DBAPIError

    return isinstance(exc, DBAPIError | sqlite3.Error)


if __name__ == "__main__":
    sys.exit(main())
