"""The shipped operations files are valid for the tools that read them: the Prometheus
scrape config and alert rules (``promtool check``, and the rule cases with ``promtool
test rules``), and the HAProxy configuration the renderer writes (``haproxy -c``). A
missing tool skips locally and fails in CI (``scripts/ops-ensure`` installs them)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers import tools
from tests.helpers.haproxy import haproxy_binary, renderer

PROMETHEUS = Path(__file__).resolve().parents[2] / "packaging" / "prometheus"


@pytest.mark.parametrize("args", [("check", "config", "prometheus.yml"),
                                  ("check", "rules", "alerts.yml"),
                                  ("test", "rules", "alerts_test.yml")])
def test_prometheus_files_pass_promtool(args: tuple[str, ...]) -> None:
    promtool = tools.require("promtool", "prometheus")
    done = subprocess.run([promtool, *args], cwd=PROMETHEUS, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("limit", [0, 30])
def test_the_rendered_haproxy_config_is_valid(tmp_path: Path, limit: int) -> None:
    config = tmp_path / "haproxy.cfg"
    config.write_text(renderer().render(":8080", ["10.0.0.11:8080", "10.0.0.12:8080"],
                                        maxconn=1000, limit_per_10s=limit))
    done = subprocess.run([haproxy_binary(), "-c", "-f", str(config)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "server central2 10.0.0.12:8080" in config.read_text()
