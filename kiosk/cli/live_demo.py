"""``kiosk live-demo``: the whole product on one machine, for a newcomer — the reference
server on 127.0.0.1 with the demo site, the kiosk enrolled with it, both running; closing
the kiosk stops the server. State lives in one directory (``--dir``), so a second run
picks up where the first stopped (the same server data, the same kiosk and its token).

The device token goes to an encrypted file keyring in that directory, whose key is a
random file beside it: good enough for a demo on one's own machine, and the same route
an unattended kiosk takes with its key sealed as a systemd credential (docs/operator.md).
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from platformdirs import user_data_dir

from kiosk.cli.output import EXIT_OK, error
from kiosk.demo import catalogue
from kiosk.store.db import open_store
from kiosk.store.outbox import ensure_sync_state
from kiosk.store.service import KioskService
from kiosk.sync.enrollment import enroll
from kiosk.sync.errors import SyncError
from kiosk.sync.token import load_token

EXIT_NO_SERVER = 3


def default_dir() -> Path:
    return Path(user_data_dir("community-kiosk")) / "live-demo"


def _keyring_in(home: Path) -> None:
    key = home / "keyring.key"
    if not key.exists():
        key.write_text(secrets.token_urlsafe(32), encoding="utf-8")
        key.chmod(0o600)
    os.environ.setdefault("KIOSK_KEYRING_FILE", str(home / "keyring.cfg"))
    os.environ.setdefault("KIOSK_KEYRING_KEY_FILE", str(key))


def _central(db_url: str, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "central", "--db", db_url, *args],  # noqa: S603 (our own interpreter, fixed args)
                          capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"central {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout.strip()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_server(db_url: str, port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(  # noqa: S603 (our own interpreter, fixed args)
        [sys.executable, "-m", "central", "--db", db_url, "serve", "--host", "127.0.0.1",
         "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        if server.poll() is not None:
            raise RuntimeError("the demo server stopped: "
                               + (server.stderr.read().decode() if server.stderr else ""))
        try:
            if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.1)
    server.terminate()
    raise RuntimeError("the demo server did not come up in 30 s")


def cmd_live_demo(args: argparse.Namespace) -> int:
    home = Path(args.dir) if args.dir else default_dir()
    home.mkdir(parents=True, exist_ok=True)
    _keyring_in(home)
    db_url, cache = f"sqlite:///{home / 'central.sqlite3'}", home / "kiosk.sqlite3"
    if not (home / "central.sqlite3").exists():
        sys.stderr.write("loading the demo site into the demo server…\n")
        _central(db_url, "demo")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    try:
        server = _start_server(db_url, port)
    except RuntimeError as exc:
        error(str(exc))
        return EXIT_NO_SERVER
    try:
        store = open_store(cache)
        try:
            if load_token(cache):  # enrolled on an earlier run: the server moved port
                with store.write() as session:
                    ensure_sync_state(session).server_url = url
            else:
                token = _central(db_url, "token", "issue", "--site", catalogue.SITE_NAME,
                                 "--name", "live demo kiosk")
                sys.stderr.write("enrolling the kiosk and syncing the demo site…\n")
                enroll(store, cache, url, token)
                KioskService(store).access.set_staff_pin(catalogue.STAFF_PIN)
        except (SyncError, RuntimeError) as exc:
            error(f"the kiosk could not join the demo server: {exc}")
            return EXIT_NO_SERVER
        finally:
            store.close()
        sys.stderr.write(f"demo server at {url}; kiosk cache {cache}\n")
        if args.no_ui:
            return EXIT_OK
        from kiosk.ui.app import run  # Qt only when there is a screen to show

        return run(cache, windowed=True)
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
