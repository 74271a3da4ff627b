"""Alembic upgrade and downgrade (the rollback) on both databases, and the admin CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from central.db.engine import make_engine
from central.db.migrate import downgrade, upgrade
from central.db.tables import metadata
from tests.central.conftest import BACKENDS, ROOT, Server, make_db


@pytest.mark.parametrize("backend", BACKENDS)
def test_upgrade_downgrade_upgrade(backend: str, tmp_path: Path,
                                   request: pytest.FixtureRequest) -> None:
    engine = make_engine(make_db(backend, tmp_path, request))
    upgrade(engine)
    names = set(sa.inspect(engine).get_table_names())
    assert set(metadata.tables) <= names
    indexes = {i["name"] for i in sa.inspect(engine).get_indexes("reservations")}
    assert {"idx_reservations_conflict", "idx_reservations_user", "idx_reservations_no_show",
            "idx_reservations_calendar"} <= indexes
    assert "idx_waitlist_queue" in {i["name"] for i in
                                    sa.inspect(engine).get_indexes("reservation_waitlist")}
    downgrade(engine)
    assert set(sa.inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    assert set(metadata.tables) <= set(sa.inspect(engine).get_table_names())
    engine.dispose()


def run(db: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "central", "--db", db, *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=check)


def test_cli_sets_up_a_site_a_kiosk_can_use(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    assert run(db, "init").returncode == 0
    site_id = run(db, "site", "add", "Seattle Makerspace", "--tz", "America/Los_Angeles",
                  "--settings", '{"opening_hours": "24/7"}').stdout.strip()
    sites = json.loads(run(db, "site", "list", "--json").stdout)
    assert sites == [{"id": site_id, "name": "Seattle Makerspace",
                      "timezone": "America/Los_Angeles", "settings": {"opening_hours": "24/7"}}]
    run(db, "resource", "add", "Laser", "--site", "Seattle Makerspace", "--kind", "laser",
        "--badge", "laser")
    csv = tmp_path / "m.csv"
    csv.write_text("number,display_name,email,card,pin,cohort,badges\n"
                   "1001,Ada Lovelace,ada@example.org,1234-5678,4321,pilot,laser\n")
    assert "imported 1" in run(db, "members", "import", str(csv), "--site", site_id).stdout
    token = run(db, "token", "issue", "--site", site_id).stdout
    assert token.count("\n") == 1 and "." in token
    token = token.strip()
    run(db, "flag", "set", "reservation_system_enabled", "off")
    run(db, "flag", "set", "reservation_system_enabled", "on", "--site", site_id)
    run(db, "flag", "set", "reservation_system_enabled", "off", "--cohort", "pilot")
    assert run(db, "site", "add", "X", "--tz", "Mars/Olympus", check=False).returncode == 2
    assert "reservation success rate" in run(db, "report").stdout
    server = Server(db)
    try:
        import httpx

        headers = {"Authorization": f"Bearer {token}", "X-Schema-Version": "1"}
        body = httpx.get(f"{server.url}/api/v1/sync/pull", headers=headers).json()
        member = next(c["data"] for c in body["changes"] if c["entity"] == "member")
        assert member["pin_hash"] and member["card_hash"] and "email" not in member
        assert "4321" not in json.dumps(body)
        flag = next(c["data"] for c in body["changes"] if c["entity"] == "flag")
        assert flag["site"] is True and flag["cohorts"].get("pilot") is False
        run(db, "token", "revoke", token.split(".")[0])
        assert httpx.get(f"{server.url}/api/v1/sync/pull", headers=headers).status_code == 401
    finally:
        server.close()


def test_demo_loads_the_kiosk_demo_site(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'd.db'}"
    summary = json.loads(run(db, "demo", "--today", "2026-03-09").stdout)
    assert summary["resources"] > 0 and summary["members"] > 0 and summary["closures"] > 0
    assert run(db, "demo", "--today", "2026-03-09", check=False).returncode == 2
    assert run(db, "token", "issue", "--site", summary["site"]).returncode == 0
