"""The operator CLI's listings and demo-data command on a real cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli.main import main
from tests.cli.conftest import RunCli


def test_resources_json_shows_effective_settings_and_sources(cli: RunCli) -> None:
    code, out, _ = cli("resources", "--json")
    assert code == 0
    resources = json.loads(out)
    assert len(resources) == 30
    kinds = {r["kind"] for r in resources}
    assert {"drill", "table_saw", "room", "garden_plot"} <= kinds
    plot = next(r for r in resources if r["kind"] == "garden_plot")
    assert plot["policy"]["max_minutes"] == {"value": 1440, "source": "resource"}
    assert plot["policy"]["opening_hours"]["source"] == "resource"
    drill = next(r for r in resources if r["kind"] == "drill")
    assert drill["policy"]["checkin_grace_minutes"]["source"] == "site"
    assert drill["policy"]["waitlist_hold_minutes"]["source"] == "global"
    saw = next(r for r in resources if r["kind"] == "table_saw")
    assert saw["required_badge"] == "woodshop"


def test_members_json_never_shows_credentials(cli: RunCli) -> None:
    code, out, _ = cli("members", "--json")
    assert code == 0
    members = json.loads(out)
    assert len(members) == 200
    assert {m["number"] for m in members} >= {"1001", "1200"}
    assert not any(k for m in members for k in m if "pin" in k or "card" in k)
    code, out, _ = cli("members", "--search", "1001", "--json")
    assert [m["number"] for m in json.loads(out)] == ["1001"]


def test_demo_data_refuses_to_overwrite_without_force(demo_db: Path) -> None:
    assert main(["--db", str(demo_db), "demo-data"]) == 1
    assert main(["--db", str(demo_db), "demo-data", "--force"]) == 0


def test_console_script_uses_kiosk_db_from_the_environment(demo_db: Path) -> None:
    env = {**os.environ, "KIOSK_DB": str(demo_db)}
    done = subprocess.run([sys.executable, "-m", "kiosk", "reservations", "--json"],
                          env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert isinstance(json.loads(done.stdout), list)
    garbage = subprocess.run([sys.executable, "-m", "kiosk", "frobnicate"], env=env,
                             capture_output=True, text=True, timeout=60, check=False)
    assert garbage.returncode == 2
    assert "invalid choice" in garbage.stderr


def test_scaled_demo_data_reports_progress_and_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "scaled.sqlite3"
    assert main(["--db", str(db), "demo-data", "--scale", "3000", "--resources", "40"]) == 0
    out, err = capsys.readouterr()
    assert "3000 reservations" in out and "40 resources" in out
    assert "3,000 reservations written" in err
    assert main(["--db", str(db), "resources", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 40


def test_an_empty_cache_says_how_to_load_a_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(tmp_path / "empty.sqlite3"), "reservations"]) == 2
    assert "demo-data" in capsys.readouterr().err


def test_screenshots_are_staged_on_a_weekday_morning() -> None:
    from datetime import UTC, datetime

    from kiosk.cli.app_cmds import showcase_now
    from kiosk.core import localtime
    from kiosk.demo import catalogue

    for friday_night in (datetime(2026, 11, 28, 7, 30, tzinfo=UTC),   # Fri 23:30 PST
                         datetime(2026, 11, 29, 23, 59, tzinfo=UTC)):  # Sun 15:59 PST
        local = localtime.to_local(catalogue.SITE_TZ, showcase_now(friday_night))
        assert local.weekday() < 5 and (local.hour, local.minute) == (10, 10)
        assert local.date() > localtime.local_date(catalogue.SITE_TZ, friday_night)
