"""HAProxy in front of server instances, configured by the shipped template
(packaging/haproxy), for the tests and the benches. When HAProxy is not installed a test
is skipped locally and FAILS in CI (``scripts/ops-ensure`` installs it)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import httpx

from tests.helpers import tools
from tests.helpers.postgres import free_port

ROOT = Path(__file__).resolve().parents[2]
RENDERER = ROOT / "packaging" / "haproxy" / "render_cfg.py"


def renderer() -> ModuleType:
    """packaging/haproxy/render_cfg.py (a script, not a package module)."""
    spec = importlib.util.spec_from_file_location("render_cfg", RENDERER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def haproxy_binary() -> str:
    return tools.require("haproxy", "haproxy")


class Balancer:
    """``haproxy`` in the foreground on a free loopback port, over ``backends`` (base URLs
    such as ``http://127.0.0.1:8081``); ``close`` stops it."""

    def __init__(self, backends: Sequence[str], check_interval: str = "500ms",
                 maxconn: int = 1000, limit_per_10s: int = 0,
                 binary: str | None = None) -> None:
        """``maxconn``: HAProxy needs two file descriptors per connection; a container's
        limit may be lower than the template's production default. ``binary``: HAProxy's
        path (default: found, or the test skipped)."""
        binary = binary or haproxy_binary()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.dir = Path(tempfile.mkdtemp(prefix="central-haproxy-"))
        self.config = self.dir / "haproxy.cfg"
        servers = [b.removeprefix("http://") for b in backends]
        self.config.write_text(renderer().render(f"127.0.0.1:{self.port}", servers,
                                                 check_interval=check_interval,
                                                 maxconn=maxconn,
                                                 limit_per_10s=limit_per_10s))
        self.log = (self.dir / "haproxy.log").open("wb")
        self.proc = subprocess.Popen([binary, "-db", "-f", str(self.config)],
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self._wait()

    def _wait(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError((self.dir / "haproxy.log").read_text())
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError("HAProxy did not come up")

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)
