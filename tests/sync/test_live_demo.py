"""``kiosk live-demo`` (what ``./scripts/run-kiosk`` runs): the demo server on 127.0.0.1,
the kiosk enrolled with it and synced, the token only in an encrypted keyring file; a
second run keeps the same kiosk (its token and its device)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.central.conftest import ROOT


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=300, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def test_live_demo_enrolls_the_kiosk_with_a_local_demo_server(tmp_path: Path) -> None:
    home = tmp_path / "live"
    first = _run("live-demo", "--dir", str(home), "--no-ui")
    assert first.returncode == 0, first.stderr
    keyring_env = {"KIOSK_KEYRING_FILE": str(home / "keyring.cfg"),
                   "KIOSK_KEYRING_KEY_FILE": str(home / "keyring.key")}
    state = json.loads(_run("--db", str(home / "kiosk.sqlite3"), "status", "--json",
                            env=keyring_env).stdout)
    assert state["enrolled"] and state["ready"] and state["online"]
    assert state["outbox_depth"] == 0 and state["rejections"] == 0
    stored = (home / "keyring.cfg").read_text()
    assert state["device_id"] not in stored  # the token is encrypted at rest
    assert (home / "keyring.key").stat().st_mode & 0o077 == 0

    again = _run("live-demo", "--dir", str(home), "--no-ui")
    assert again.returncode == 0, again.stderr
    later = json.loads(_run("--db", str(home / "kiosk.sqlite3"), "status", "--json",
                            env=keyring_env).stdout)
    assert later["device_id"] == state["device_id"]  # the same kiosk, not a new device
