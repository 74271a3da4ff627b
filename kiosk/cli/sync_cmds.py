"""``kiosk enroll``, ``unenroll``, ``sync --once`` and ``status --json``: the sync client
from the command line (headless kiosks, scripts, the first set-up).

Exit codes besides those of ``kiosk.cli.output``: ``sync --once`` exits 0 when the kiosk
converged, 1 when it did but the server rejected changes (recorded for staff), 3 when the
server could not be reached or answered wrongly (nothing lost; it retries later), 4 when
the kiosk is not enrolled or its token was refused (a person must act)."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from kiosk.cli.output import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, emit_json, error, utc_text
from kiosk.store import outbox
from kiosk.store.db import Store, open_store
from kiosk.store.repo import flag_state
from kiosk.store.schema import SyncRejectionRow, SyncStateRow
from kiosk.sync.enrollment import enroll, open_engine, unenroll
from kiosk.sync.errors import NotEnrolled, SyncError, TokenRejected
from kiosk.sync.token import KeyringUnavailable, load_token

EXIT_OFFLINE = 3
EXIT_NOT_ENROLLED = 4


def say(text: str) -> None:
    sys.stdout.write(text + "\n")


def _read_token() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Device token (from `central token issue`): ")
    return sys.stdin.readline()


def cmd_enroll(db_path: Path, args: argparse.Namespace) -> int:
    token = _read_token().strip()
    if not token:
        error("no token given: pipe it in, or type it at the prompt")
        return EXIT_USAGE
    store = open_store(db_path)
    try:
        def progress(count: int) -> None:
            sys.stderr.write(f"\rfirst sync: {count} bookings so far…")

        report = enroll(store, db_path, args.server, token, progress=progress)
    except ValueError as exc:
        error(str(exc))
        return EXIT_USAGE
    except KeyringUnavailable as exc:
        error(f"{exc} (see docs/operator.md, 'A keyring on a headless kiosk')")
        return EXIT_NOT_ENROLLED
    except TokenRejected as exc:
        error(str(exc))
        return EXIT_NOT_ENROLLED
    except SyncError as exc:
        error(f"enrolment did not finish: {exc}")
        return EXIT_OFFLINE
    finally:
        store.close()
    sys.stderr.write("\n")
    say(f"enrolled with {args.server}: {report.pulled} changes pulled, "
          f"{report.pushed} queued changes sent ({report.rejected} rejected)")
    return EXIT_OK


def cmd_unenroll(db_path: Path, _args: argparse.Namespace) -> int:
    store = open_store(db_path)
    try:
        done = unenroll(store, db_path)
    except KeyringUnavailable as exc:
        error(str(exc))
        return EXIT_NOT_ENROLLED
    finally:
        store.close()
    where = done.server_url or "no server"
    say(f"unenrolled from {where}; token {'removed' if done.had_token else 'was not stored'}, "
        "site secret removed. The cache stays as it is and keeps working offline, but "
        "members' PINs and cards sign in again only once this kiosk is enrolled again; "
        f"{done.pending} change(s) wait in its outbox and go to the server then.")
    return EXIT_OK


def cmd_sync(db_path: Path, _args: argparse.Namespace) -> int:
    store = open_store(db_path)
    try:
        engine = open_engine(store, db_path)
        try:
            report = engine.run_once()
        finally:
            engine.client.close()
    except (NotEnrolled, TokenRejected, KeyringUnavailable) as exc:
        error(str(exc))
        return EXIT_NOT_ENROLLED
    except SyncError as exc:
        error(f"sync did not finish: {exc} (nothing is lost; queued changes stay queued)")
        return EXIT_OFFLINE
    finally:
        store.close()
    say(f"synced: {report.pushed} sent ({report.applied} applied, {report.rejected} "
          f"rejected), {report.pulled} changes pulled")
    return EXIT_REFUSED if report.rejected else EXIT_OK


def status(store: Store, db_path: Path) -> dict[str, object]:
    with store.read() as session:
        state = session.get(SyncStateRow, 1)
        depth, oldest = outbox.depth(session)
        open_rejections = session.scalar(select(func.count()).select_from(SyncRejectionRow)
                                         .where(SyncRejectionRow.resolved_at.is_(None)))
        flags = flag_state(session)
    try:
        enrolled = bool(state and state.server_url and load_token(db_path))
    except KeyringUnavailable:
        enrolled = False
    return {
        "enrolled": enrolled,
        "server": state.server_url if state else None,
        "device_id": state.device_id if state and state.server_url else None,
        "online": bool(state and state.online),
        "ready": bool(state and state.ready),
        "last_sync": utc_text(state.last_success_at) if state else None,
        "last_error": state.last_error if state else None,
        "cursor": state.cursor if state else None,
        "outbox_depth": depth,
        "oldest_pending": utc_text(oldest),
        "rejections": int(open_rejections or 0),
        "flag": {"global": flags.global_enabled, "sites": dict(flags.sites),
                 "cohorts": dict(flags.cohorts)},
        "checked_at": utc_text(datetime.now(UTC)),
    }


def cmd_status(db_path: Path, args: argparse.Namespace) -> int:
    store = open_store(db_path)
    try:
        found = status(store, db_path)
    finally:
        store.close()
    if args.json:
        emit_json(found)
        return EXIT_OK
    for key, value in found.items():
        say(f"{key.replace('_', ' ')}: {value}")
    return EXIT_OK
