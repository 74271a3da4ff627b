"""Soak of the sync client's crash safety: ``kill -9`` of ``kiosk sync --once`` at random
moments, ``--trials`` times (500 by default), with new bookings queued before each run,
against a real ``central serve`` on SQLite. Afterwards one clean sync, then it counts: the
bookings made here, the mutations the server applied (each exactly once?), the outbox
left, and whether the cache equals the server row for row. Prints the counts and how many
runs were cut short; exits 1 if anything was lost or duplicated.

    .venv/bin/python -m bench.bench_sync_soak [--trials 500] [--seed 7]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from bench.bench_server import start_server
from bench.bench_sync import SITE, _members, _resources
from central.db import tables as t
from central.db.engine import make_engine, write
from central.db.migrate import upgrade
from central.demo import load_data
from central.domain import devices
from kiosk.core.model import Interval
from kiosk.core.refusals import Refusal
from kiosk.demo.dataset import DemoData, DemoMember
from kiosk.store import outbox
from kiosk.store.db import open_store
from kiosk.store.schema import ReservationRow
from kiosk.store.service import KioskService
from tests.helpers.killer import Killer

ROOT = Path(__file__).resolve().parents[1]


def _kiosk(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", "--db", str(home / "k.sqlite3"),
                           *args], input=stdin, capture_output=True, text=True,
                          env=_env(home), cwd=ROOT, timeout=300, check=False)


def _env(home: Path) -> dict[str, str]:
    key = home / "keyring.key"
    if not key.exists():
        key.write_text("bench-soak-key", encoding="utf-8")
    return {**os.environ, "PYTHONPATH": str(ROOT), "KIOSK_KEYRING_FILE": str(home / "kr.cfg"),
            "KIOSK_KEYRING_KEY_FILE": str(key)}


def _trials(home: Path, trials: int, per_trial: int, rng: random.Random
            ) -> tuple[list[str], int]:
    """Queue bookings and kill a sync ``trials`` times; the ids made and the kills."""
    store = open_store(home / "k.sqlite3")
    svc = KioskService(store)
    resources, members = _resources(), _members(20)
    first = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) + timedelta(days=1)
    made: list[str] = []
    killer = Killer(rng)
    for trial in range(trials):
        for _ in range(per_trial):
            n = len(made)
            at = first + timedelta(hours=n // len(resources))
            got = svc.reservations.book(resources[n % len(resources)].id,
                                        members[n % len(members)].id,
                                        Interval(at, at + timedelta(hours=1)), staff=True)
            assert not isinstance(got, Refusal), got
            made.append(got.value.id)
        killer.run([sys.executable, "-m", "kiosk", "--db", str(home / "k.sqlite3"), "sync",
                    "--once"], _env(home), ROOT)
        if trial % 50 == 49:
            print(f"  {trial + 1} trials, {killer.killed} killed", flush=True)
    store.close()
    return made, killer.killed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_sync_soak", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--trials", type=int, default=500)
    ap.add_argument("--per-trial", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-soak-") as tmp:
        home = Path(tmp)
        db_url = f"sqlite:///{home / 'central.db'}"
        engine = make_engine(db_url)
        upgrade(engine)
        data = DemoData(SITE, _resources(), [DemoMember(m, f"900000{i:04d}", "1357")
                                             for i, m in enumerate(_members(20))], iter(()))
        with write(engine) as conn:
            load_data(conn, data, datetime.now(UTC))
            _device, token = devices.issue(conn, SITE.id, "soak", datetime.now(UTC))
        server = start_server(db_url, 1)
        url = server.url
        try:
            enrolled = _kiosk(home, "enroll", "--server", url, stdin=token + "\n")
            if enrolled.returncode != 0:
                print(enrolled.stderr)
                return 2
            started = time.perf_counter()
            made, killed = _trials(home, args.trials, args.per_trial, random.Random(args.seed))
            with engine.connect() as conn:
                before_final = conn.execute(sa.select(sa.func.count()).select_from(
                    t.device_mutations)).scalar_one()
            final = _kiosk(home, "sync", "--once")
            took = time.perf_counter() - started
            store = open_store(home / "k.sqlite3")
            with store.read() as session:
                left = outbox.depth(session)[0]
                local = set(session.scalars(sa.select(ReservationRow.id)))
            store.close()
            with engine.connect() as conn:
                applied = conn.execute(sa.select(sa.func.count()).select_from(
                    t.device_mutations).where(t.device_mutations.c.outcome == "applied")
                ).scalar_one()
                remote = set(conn.execute(sa.select(t.reservations.c.id)).scalars())
        finally:
            server.close()
            engine.dispose()
    lost = set(made) - remote
    print(f"soak: {args.trials} runs of `kiosk sync --once` in {took:.0f} s, {killed} killed "
          f"at random; {before_final} mutations reached the server before the final sync, "
          f"which exited {final.returncode}")
    print(f"  bookings made here {len(made)}, applied by the server {applied}, outbox left "
          f"{left}, lost {len(lost)}, cache == server: {local == remote}")
    ok = (final.returncode == 0 and applied == len(made) and not lost and left == 0
          and local == remote)
    print("  result:", "nothing lost, nothing duplicated" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
