"""The ``central`` admin command (also ``python -m central``).

``--db URL`` or ``CENTRAL_DB`` picks the database (a SQLite file by default). Tokens are
printed once, on their own line, and never logged.

Exit codes: 0 done, 2 refused or failed with a one-line message on stderr that names the
database or file and says what to do (no traceback: a database error's message never
carries the statement's values, such as a member's PIN or card hash).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import uvicorn
from sqlalchemy.engine import Engine

from central import admin, failures, maintenance, metrics, report
from central.api import serving
from central.api.app import create_app, engine_for
from central.db.engine import make_engine, write
from central.db.migrate import upgrade
from central.demo import load_demo
from central.domain import devices
from central.jobs.runner import JOBS, run_job
from central.openapi import document
from central.settings import Settings

#: Seconds a stopping server lets requests in flight finish (SIGTERM ends it promptly).
GRACEFUL_STOP_S = 3


def _out(text: str) -> None:
    sys.stdout.write(f"{text}\n")


Handler = Callable[[argparse.Namespace, Engine, Settings], int]


def _now(args: argparse.Namespace) -> datetime:
    raw = getattr(args, "now", None)
    if not raw:
        return datetime.now(UTC)
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise admin.AdminError(f"--now {raw!r} is not a time; give one such as "
                               "2026-03-08T10:00:00Z") from None
    if value.tzinfo is None:
        raise admin.AdminError("--now needs a time zone (e.g. 2026-03-08T10:00:00Z)")
    if not 1970 <= value.year <= 2200:
        raise admin.AdminError(f"--now {raw!r} is out of range (years 1970–2200)")
    return value.astimezone(UTC)


def _json_arg(raw: str | None) -> dict[str, Any]:
    try:
        value = json.loads(raw) if raw else {}
    except ValueError as exc:
        raise admin.AdminError(f"--settings is not valid JSON ({exc})") from None
    if not isinstance(value, dict):
        raise admin.AdminError("--settings must be a JSON object")
    return value


def cmd_init(args: argparse.Namespace, engine: Engine, _s: Settings) -> int:
    upgrade(engine)
    _out("schema is up to date")
    return 0


#: Seconds an idle keep-alive connection stays open: longer than a kiosk's pull interval
#: (``sync_pull_seconds``, 15 s by default), so a kiosk keeps its connection. With
#: uvicorn's 5 s the server closed it between every two pulls and now and then just as
#: the kiosk sent its next request on it ("disconnected without sending a response").
KEEP_ALIVE_S = 75


def cmd_serve(args: argparse.Namespace, engine: Engine, settings: Settings) -> int:
    upgrade(engine)
    workers = args.workers
    if workers is None:
        workers = 1 if engine.dialect.name == "sqlite" else (os.cpu_count() or 1)
    if workers == 1:
        engine.dispose()
        app = create_app(engine_for(settings), settings)
        uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                    access_log=False, http=serving.HTTP, timeout_keep_alive=KEEP_ALIVE_S,
                    timeout_graceful_shutdown=GRACEFUL_STOP_S)
        return 0
    # Each worker process builds its own app and engine from the environment, and keeps
    # its metrics in a fresh directory shared by all of them (``central.metrics``).
    os.environ["CENTRAL_DB"] = settings.db_url
    metrics_dir = tempfile.mkdtemp(prefix="central-metrics-")
    os.environ[metrics.MULTIPROC_ENV] = metrics_dir
    try:
        uvicorn.run("central.api.app:app_from_env", factory=True, workers=workers,
                    host=args.host, port=args.port, log_level=args.log_level,
                    access_log=False, http=serving.HTTP, timeout_keep_alive=KEEP_ALIVE_S,
                    timeout_graceful_shutdown=GRACEFUL_STOP_S)
    finally:
        shutil.rmtree(metrics_dir, ignore_errors=True)
    return 0


def cmd_maintenance(args: argparse.Namespace, engine: Engine, settings: Settings) -> int:
    flag = settings.maintenance_file
    where = "every server on this database"
    if args.state == "on":
        maintenance.turn_on(engine, args.retry_after)
        _out(f"maintenance on ({where}, within {settings.maintenance_check_s:g} s): push, "
             f"pull and check-in answer 503, Retry-After {args.retry_after} s")
    elif args.state == "off":
        maintenance.turn_off(engine)
        removed = maintenance.turn_off_file(flag)
        _out(f"maintenance off ({where}" + (f"; removed {flag}" if removed else "") + ")")
    else:
        with engine.connect() as conn:
            shared = maintenance.shared_retry_after(conn)
        local = maintenance.retry_after(flag)
        _out(f"maintenance {'off' if shared is None else 'on'} ({where})")
        if local is not None:
            _out(f"maintenance on for this host's servers (file {flag})")
    return 0


def cmd_site_add(args: argparse.Namespace, engine: Engine, _s: Settings) -> int:
    with write(engine) as conn:
        site = admin.add_site(conn, args.name, args.tz, _now(args),
                              settings=_json_arg(args.settings))
    _out(site.id)
    return 0


def cmd_site_list(args: argparse.Namespace, engine: Engine, _s: Settings) -> int:
    with engine.connect() as conn:
        sites = admin.list_sites(conn)
    if args.json:
        _out(json.dumps(sites, indent=2))
    else:
        for s in sites:
            _out(f"{s['id']}  {s['name']}  ({s['timezone']})")
    return 0


def cmd_resource_add(args: argparse.Namespace, engine: Engine, _s: Settings) -> int:
    with write(engine) as conn:
        new_kind = admin.find_kind(conn, args.site, args.kind) is None
        res = admin.add_resource(conn, args.site, args.name, args.kind, _now(args),
                                 badge=args.badge, settings=_json_arg(args.settings))
    if new_kind:
        sys.stderr.write(f"central: new kind {args.kind!r} added with no names: kiosks label "
                         "it by its code until `central kind set` names it\n")
    _out(res.id)
    return 0


def _names(pairs: Sequence[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    for pair in pairs:
        language, eq, name = pair.partition("=")
        if not eq:
            raise admin.AdminError(f"--name {pair!r}: give LANGUAGE=NAME, e.g. "
                                   "en='Table saw' (an empty NAME removes that language's)")
        names[language.strip()] = name
    return names


def cmd_kind_set(args: argparse.Namespace, engine: Engine, _s: Settings) -> int:
    with write(engine) as conn:
        kind = admin.set_kind(conn, args.site, args.kind, _names(args.name or []), _now(args))
    _out(f"{kind.code}: " + (", ".join(f"{k}={v}" for k, v in sorted(kind.names.items()))
                             or "(no names)"))
    return 0


def cmd_kind_list(args: argparse.Namespace, engine: Engine, _s: Settings) -> int:
    with engine.connect() as conn:
        kinds = admin.list_kinds(conn, args.site)
    if args.json:
        _out(json.dumps(kinds, indent=2, ensure_ascii=False))
    else:
        for k in kinds:
            names = ", ".join(f"{lang}={name}" for lang, name in k["names"].items())
            _out(f"{k['id']}  {names or '(no names)'}  ({k['resources']} resources)")
    return 0


def cmd_members_import(args: argparse.Namespace, engine: Engine, _s: Settings) -> int:
    with write(engine) as conn:
        count = admin.import_members(conn, args.site, Path(args.file), _now(args))
    _out(f"imported {count} members")
    return 0


def cmd_token_issue(args: argparse.Namespace, engine: Engine, _s: Settings) -> int:
    with write(engine) as conn:
        site = admin.find_site(conn, args.site)
        _, token = devices.issue(conn, site.id, args.name or "kiosk", _now(args))
    _out(token)
    return 0


def cmd_token_revoke(args: argparse.Namespace, engine: Engine, _s: Settings) -> int:
    device_id = args.device.partition(".")[0]
    with write(engine) as conn:
        done = devices.revoke(conn, device_id, _now(args))
    if not done:
        raise admin.AdminError(f"no active device {device_id}")
    _out(f"revoked {device_id}")
    return 0


def cmd_flag_set(args: argparse.Namespace, engine: Engine, _s: Settings) -> int:
    if args.name != "reservation_system_enabled":
        raise admin.AdminError(f"unknown flag {args.name!r}")
    with write(engine) as conn:
        admin.set_flag(conn, args.value == "on", _now(args), site_ref=args.site,
                       cohort=args.cohort)
    _out(f"{args.name} = {args.value}")
    return 0


def cmd_jobs_run(args: argparse.Namespace, engine: Engine, settings: Settings) -> int:
    if args.name not in JOBS:
        raise admin.AdminError(f"unknown job {args.name!r}; known: {', '.join(JOBS)}")
    now = _now(args)
    if now > datetime.now(UTC) and not args.allow_future:
        raise admin.AdminError(
            f"--now {args.now} is later than this machine's clock: the job would act on "
            "bookings that have not happened yet (no-shows, expiries). Preview it with "
            "--dry-run, or add --allow-future if that is really meant")
    summary = run_job(args.name, engine, settings, now, preview=args.dry_run)
    _out(json.dumps({**summary, "dry_run": True} if args.dry_run else summary))
    return 0


def cmd_demo(args: argparse.Namespace, engine: Engine, _s: Settings) -> int:
    upgrade(engine)
    today = date.fromisoformat(args.today) if args.today else _now(args).date()
    with write(engine) as conn:
        summary = load_demo(conn, today, _now(args))
    _out(json.dumps(summary))
    return 0


def cmd_report(args: argparse.Namespace, engine: Engine, _s: Settings) -> int:
    since = _now(args) - timedelta(days=args.days) if args.days else None
    with engine.connect() as conn:
        figs = report.figures(conn, since)
    _out(json.dumps([f.as_dict() for f in figs], indent=2) if args.json
          else report.render(figs))
    return 0


def cmd_openapi(args: argparse.Namespace, engine: Engine, settings: Settings) -> int:
    text = document()
    if args.write:
        Path(args.write).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _sub(parent: Any, name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = parent.add_parser(name, help=help_text)
    p.set_defaults(handler=handler)
    return p


def _with_now(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--now", help="act as if it were this UTC instant (tests, replays)")
    return p


def _resource_commands(cmds: Any) -> None:
    """``resource add``, ``kind set`` and ``kind list``."""
    res = cmds.add_parser("resource", help="resources").add_subparsers(dest="r", required=True)
    p = _with_now(_sub(res, "add", cmd_resource_add, "add a resource"))
    p.add_argument("name")
    p.add_argument("--site", required=True, help="site id or name")
    p.add_argument("--kind", required=True,
                   help="its kind's code; a new one is added to the site with no names")
    p.add_argument("--badge", help="badge (training) required to book it")
    p.add_argument("--settings", help="resource policy layer as JSON")
    kind = cmds.add_parser("kind", help="resource kinds and their names by language"
                           ).add_subparsers(dest="k", required=True)
    p = _with_now(_sub(kind, "set", cmd_kind_set,
                       "add a kind or set its display names (kiosks pull them)"))
    p.add_argument("kind", help="the kind's code, as resources carry it (e.g. table_saw)")
    p.add_argument("--site", required=True, help="site id or name")
    p.add_argument("--name", action="append", metavar="LANG=NAME",
                   help="its name in a language, e.g. en='Table saw' (repeat per language; "
                        "an empty NAME removes that language's)")
    p = _sub(kind, "list", cmd_kind_list, "list a site's kinds and their names")
    p.add_argument("--site", required=True, help="site id or name")
    p.add_argument("--json", action="store_true")


def _report_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true")
    p.add_argument("--days", type=int, default=30,
                   help="the figures of the last N days (0: all of history; each figure "
                        "is read through an index, so a window costs the same however "
                        "much history there is)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="central", description=__doc__)
    parser.add_argument("--db", help="database URL (default: $CENTRAL_DB or a SQLite file)")
    cmds = parser.add_subparsers(dest="command", required=True)
    _sub(cmds, "init", cmd_init, "create or migrate the schema")
    serve = _sub(cmds, "serve", cmd_serve, "run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--log-level", default="warning")
    serve.add_argument("--workers", type=int, help="worker processes (default: 1 on SQLite, "
                       "the number of CPU cores on PostgreSQL)")
    p = _sub(cmds, "maintenance", cmd_maintenance,
             "turn maintenance mode on or off for every server on the database (sync "
             "answers 503 with Retry-After)")
    p.add_argument("state", choices=["on", "off", "status"])
    p.add_argument("--retry-after", type=int, default=maintenance.DEFAULT_RETRY_AFTER,
                   help="seconds kiosks should wait before retrying (default %(default)s)")
    site = cmds.add_parser("site", help="sites").add_subparsers(dest="site_cmd", required=True)
    p = _with_now(_sub(site, "add", cmd_site_add, "add a site"))
    p.add_argument("name")
    p.add_argument("--tz", required=True, help="IANA time zone, e.g. America/Los_Angeles")
    p.add_argument("--settings", help="site policy layer as JSON")
    _sub(site, "list", cmd_site_list, "list sites").add_argument("--json", action="store_true")
    _resource_commands(cmds)
    mem = cmds.add_parser("members", help="members").add_subparsers(dest="m", required=True)
    p = _with_now(_sub(mem, "import", cmd_members_import, "import members from CSV"))
    p.add_argument("file")
    p.add_argument("--site", required=True, help="site id or name")
    tok = cmds.add_parser("token", help="device tokens").add_subparsers(dest="t", required=True)
    p = _with_now(_sub(tok, "issue", cmd_token_issue, "issue a device token (printed once)"))
    p.add_argument("--site", required=True, help="site id or name")
    p.add_argument("--name", help="a label for the kiosk")
    p = _with_now(_sub(tok, "revoke", cmd_token_revoke, "revoke a device's token"))
    p.add_argument("device", help="the device id (or the token itself)")
    flag = cmds.add_parser("flag", help="feature flags").add_subparsers(dest="f", required=True)
    p = _with_now(_sub(flag, "set", cmd_flag_set, "set a flag globally, per site or cohort"))
    p.add_argument("name")
    p.add_argument("value", choices=["on", "off"])
    p.add_argument("--site", help="site id or name")
    p.add_argument("--cohort")
    jobs = cmds.add_parser("jobs", help="server jobs").add_subparsers(dest="j", required=True)
    p = _with_now(_sub(jobs, "run", cmd_jobs_run, "run one job now"))
    p.add_argument("name", help=f"one of: {', '.join(JOBS)}")
    p.add_argument("--dry-run", action="store_true",
                   help="do the work, keep none of it (nothing written, no mail sent) and "
                        "print what a real run would have done")
    p.add_argument("--allow-future", action="store_true",
                   help="accept a --now later than this machine's clock")
    p = _with_now(_sub(cmds, "demo", cmd_demo, "load the kiosk's demo site"))
    p.add_argument("--today", help="the demo's 'today' (YYYY-MM-DD)")
    _report_args(_with_now(_sub(cmds, "report", cmd_report, "the go/no-go table")))
    _sub(cmds, "openapi", cmd_openapi, "print the OpenAPI document").add_argument("--write")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.db is not None and not args.db.strip():
        sys.stderr.write("central: --db is empty; give a database URL such as "
                         "sqlite:///central.sqlite3 (an unset shell variable?)\n")
        return 2
    url = args.db or "(default)"
    try:
        settings = Settings.from_env(args.db)
        url = settings.db_url
        engine = make_engine(settings.db_url)
    except (ValueError, sa.exc.ArgumentError) as exc:
        sys.stderr.write(f"central: {failures.explain(exc, url)}\n")
        return 2
    try:
        if args.command not in ("init", "serve", "demo", "openapi", "maintenance"):
            upgrade(engine)
        code: int = args.handler(args, engine, settings)
        return code
    except admin.AdminError as exc:
        sys.stderr.write(f"central: {exc}\n")
        return 2
    except BrokenPipeError:  # the reader went away (| head): stop quietly, as cat does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except failures.EXPLAINED as exc:
        sys.stderr.write(f"central: {failures.explain(exc, settings.db_url)}\n")
        return 2
    finally:
        engine.dispose()
