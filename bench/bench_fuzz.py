"""Longer stateful fuzzing of the live server than the test suite runs: schemathesis
follows the OpenAPI document's links with valid and invalid requests on SQLite and on
PostgreSQL, and the bench prints, per database, the scenarios (examples) and requests
tried, the answers by status, any answer >= 500 and whether the server logged a traceback.

    .venv/bin/python -m bench.bench_fuzz                       # 500 scenarios per database
    .venv/bin/python -m bench.bench_fuzz --examples 2000 --steps 12 --backend postgres

PostgreSQL: ``--dsn`` (or ``KIOSK_TEST_PG_DSN``) names a server on which a fresh database
is created; without one ``scripts/pg-ensure`` starts or finds the throwaway cluster.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from central.admin import add_resource
from central.db.engine import make_engine, write
from central.db.migrate import upgrade
from central.domain import devices
from tests.central.conftest import ROOT, Server, seed
from tests.helpers.fuzz_api import Tally, Target, run
from tests.helpers.postgres import create_database


def _pg_dsn(arg: str | None) -> str:
    dsn = arg or os.environ.get("KIOSK_TEST_PG_DSN")
    if dsn:
        return dsn
    return subprocess.run([str(ROOT / "scripts" / "pg-ensure")], capture_output=True,
                          text=True, check=True).stdout.strip()


def fuzz(db_url: str, label: str, examples: int, steps: int, workdir: Path) -> bool:
    engine = make_engine(db_url)
    upgrade(engine)
    site_id, members = seed(engine, members=20)
    now = datetime.now(UTC)
    with write(engine) as conn:
        resources = [add_resource(conn, site_id, f"r{i}", "saw", now).id for i in range(5)]
        device_id, token = devices.issue(conn, site_id, "fuzz", now)
    server = Server(db_url, log=workdir / f"{label}.log")
    tally, started, failure = Tally(), time.monotonic(), None
    try:
        run(Target(server.url, token, device_id, tuple(resources), tuple(members)),
            examples=examples, steps=steps, tally=tally)
    except Exception as exc:  # a failed check: report it with the counts
        failure = exc
    finally:
        server.close()
        engine.dispose()
    tracebacks = server.errors().count("Traceback")
    print(f"{tally.summary(label)}; {tracebacks} tracebacks in the server log; "
          f"{time.monotonic() - started:.0f} s")
    for line in tally.server_errors[:10]:
        print("  ", line)
    if failure is not None:
        print(f"  check failed: {str(failure)[:2000]}")
    return failure is None and not tally.server_errors and tracebacks == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=500)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--dsn", help="PostgreSQL server DSN (a database is created on it)")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory(prefix="fuzz-") as scratch:
        workdir = Path(scratch)
        if args.backend in ("sqlite", "both"):
            ok &= fuzz(f"sqlite:///{workdir / 'central.db'}", "sqlite", args.examples,
                       args.steps, workdir)
        if args.backend in ("postgres", "both"):
            db_url = create_database(_pg_dsn(args.dsn))
            ok &= fuzz(db_url, "postgres", args.examples, args.steps, workdir)
    print("result:", "no server error, no traceback" if ok else "FAILURES (see above)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
