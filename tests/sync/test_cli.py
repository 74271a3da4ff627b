"""The sync commands as an operator or a script runs them: ``kiosk enroll`` reads the token
from stdin, ``status --json`` tells the state, ``sync --once`` exits 0 / 1 / 3 / 4 as
documented, ``unenroll`` says what stays."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from kiosk.core.model import Interval
from kiosk.store.db import open_store
from kiosk.store.service import KioskService
from tests.central.conftest import ROOT
from tests.sync.conftest import (
    SLOT,
    Central,
    base_time,
    enrolled_kiosk,
    kiosk_argv,
    kiosk_env,
    sync,
)


def kiosk(db: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(kiosk_argv(db, *args), input=stdin, capture_output=True, text=True,
                          env=kiosk_env(db), cwd=ROOT, timeout=120, check=False)


def status(db: Path) -> dict[str, object]:
    done = kiosk(db, "status", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_enroll_status_sync_unenroll(central: Central, tmp_path: Path) -> None:
    db = tmp_path / "kiosk.sqlite3"
    before = status(db)
    assert (before["enrolled"], before["online"], before["outbox_depth"]) == (False, False, 0)
    assert kiosk(db, "sync", "--once").returncode == 4  # not enrolled: a person must act

    token = central.token()
    wrong = kiosk(db, "enroll", "--server", central.server.url, stdin="not-a-token\n")
    assert wrong.returncode == 2 and "not a device token" in wrong.stderr
    done = kiosk(db, "enroll", "--server", central.server.url, stdin=token + "\n")
    assert done.returncode == 0, done.stderr
    assert token not in done.stdout + done.stderr  # never echoed
    assert token.encode() not in db.read_bytes()  # never in the cache
    keyring_file = db.with_suffix(".keyring.json")
    secrets = [v for k, v in json.loads(keyring_file.read_text()).items()
               if k.split("\x00")[1].startswith("site-secret:")]
    assert len(secrets) == 1 and secrets[0].encode() not in db.read_bytes()
    after = status(db)
    assert after["enrolled"] and after["online"] and after["ready"]
    assert after["server"] == central.server.url and after["rejections"] == 0

    # A change made here, and one the server will turn down (another kiosk took the slot).
    s, b = central.site, base_time()
    store = open_store(db)
    svc = KioskService(store)
    slot = Interval(b + 40 * SLOT, b + 42 * SLOT)
    svc.reservations.book(s.plot.id, s.members[1].id, slot)
    store.close()
    other = enrolled_kiosk(central, tmp_path / "other.sqlite3", "other")
    other.service.reservations.book(s.plot.id, s.members[0].id, slot)
    assert kiosk(tmp_path / "other.sqlite3", "status", "--json").returncode == 0
    sync(other)
    other.store.close()
    assert status(db)["outbox_depth"] == 1
    rejected = kiosk(db, "sync", "--once")
    assert rejected.returncode == 1, rejected.stderr  # converged, with a rejection recorded
    assert (status(db)["outbox_depth"], status(db)["rejections"]) == (0, 1)
    assert kiosk(db, "sync", "--once").returncode == 0

    central.server.close()  # the server goes away: exit 3, nothing lost
    offline = kiosk(db, "sync", "--once")
    assert offline.returncode == 3 and "nothing is lost" in offline.stderr
    assert status(db)["online"] is False

    gone = kiosk(db, "unenroll")
    assert gone.returncode == 0 and "token removed" in gone.stdout
    assert secrets[0] not in keyring_file.read_text()  # the site secret went with it
    assert status(db)["enrolled"] is False
