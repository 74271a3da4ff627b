"""The ``central`` command on broken input: a one-line message that names the database or
file and says what to do, exit code 2, no traceback, no secret, the file unchanged; a job
run cannot act on the future by accident and can always be previewed."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from central import failures
from central.db import tables as t
from central.db.engine import make_engine, write
from central.db.migrate import upgrade
from tests.central.conftest import ROOT, World, book, tomorrow


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "central", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, **(env or {})})


def _refused(done: subprocess.CompletedProcess[str], *named: str) -> str:
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("central: "), done.stderr
    for name in named:
        assert name in lines[0], (name, lines[0])
    return lines[0]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "absent"


def _newer_schema(path: Path) -> None:
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    engine.dispose()


def _broken(kind: str, tmp: Path) -> Path:
    path = tmp / f"{kind}.db"
    if kind == "not-a-database":
        path.write_bytes(b"name,email\nAnn,ann@example.org\n" * 50)
    elif kind == "truncated":
        good = tmp / "good.db"
        _newer_schema(good)  # any real database, cut short
        path.write_bytes(good.read_bytes()[:1500])
    elif kind == "newer-schema":
        _newer_schema(path)
    return path


@pytest.mark.parametrize("kind", ["not-a-database", "truncated", "newer-schema"])
@pytest.mark.parametrize("command", [["report"], ["site", "list"], ["init"],
                                     ["jobs", "run", "prune", "--dry-run"]])
def test_a_broken_database_is_named_and_left_alone(kind: str, command: list[str],
                                                   tmp_path: Path) -> None:
    path = _broken(kind, tmp_path)
    before = _digest(path)
    _refused(run("--db", f"sqlite:///{path}", *command), str(path))
    assert _digest(path) == before


@pytest.mark.parametrize("url", ["garbage://x", "not a url", "sqlite:////no/such/dir/c.db",
                                 "postgresql://nobody:secret@127.0.0.1:1/none"])
def test_a_bad_database_url_is_named(url: str) -> None:
    line = _refused(run("--db", url, "site", "list"))
    assert "secret" not in line and ("--db" in line or "database" in line)


def test_an_empty_db_is_refused_not_defaulted() -> None:
    _refused(run("--db", "", "site", "list"), "--db is empty")


def test_adding_a_site_twice_is_refused(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    assert run("--db", db, "site", "add", "Depot", "--tz", "UTC").returncode == 0
    _refused(run("--db", db, "site", "add", "Depot", "--tz", "UTC"), "'Depot' already exists")


def test_a_failing_import_row_never_shows_credentials(world: World, tmp_path: Path) -> None:
    """A row the database refuses (here: a number longer than its column on PostgreSQL, or
    a NUL) fails before anything is written, and the message carries no PIN or card hash."""
    csv = tmp_path / "m.csv"
    csv.write_text("number,display_name,email,card,pin\n"
                   f"{'9' * 70},Ann,ann@example.org,12345678,4321\n"
                   "B2,Bob\x00by,bob@example.org,87654321,1234\n", encoding="utf-8")
    line = _refused(run("--db", world.db_url, "members", "import", str(csv),
                        "--site", world.site_id), f"{csv} line 2")
    assert "scrypt" not in line and "hash" not in line


@settings(max_examples=40, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(argv=st.lists(st.one_of(
    st.sampled_from(["site", "add", "list", "resource", "members", "import", "token",
                     "issue", "revoke", "flag", "set", "jobs", "run", "report", "--json",
                     "--now", "--site", "--tz", "--settings", "--dry-run", "--allow-future",
                     "no-show-sweep", "email", "prune", "on", "off", "UTC", "{}", "[]",
                     "2200-01-01T00:00:00Z", "9999-12-31T23:59:59-23:59", "x"]),
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
            max_size=12)), min_size=1, max_size=6))
def test_any_arguments_give_a_message_not_a_traceback(argv: list[str],
                                                      tmp_path_factory: pytest.TempPathFactory
                                                      ) -> None:
    db = tmp_path_factory.mktemp("cli") / "c.db"
    done = run("--db", f"sqlite:///{db}", *argv)
    assert "Traceback" not in done.stderr, (argv, done.stderr)
    assert done.returncode in (0, 2), (argv, done.returncode, done.stderr)


def _member_rows(world: World) -> dict[str, tuple[str, int]]:
    with world.engine.connect() as conn:
        return {r.id: (r.status, r.no_show_count) for r in conn.execute(
            sa.select(t.members.c.id, t.members.c.status, t.members.c.no_show_count))}


def _statuses(world: World, ids: list[str]) -> list[str]:
    with world.engine.connect() as conn:
        return list(conn.execute(sa.select(t.reservations.c.status).where(
            t.reservations.c.id.in_(ids))).scalars())


def test_a_future_now_needs_allow_future_and_dry_run_keeps_nothing(world: World) -> None:
    kiosk, resource = world.kiosk(), world.resource()
    batch = [book(kiosk, resource, world.member_ids[i % 5], tomorrow(6) + timedelta(hours=i))
             for i in range(6)]
    assert all(r["outcome"] == "applied" for r in kiosk.push(*batch).json()["results"])
    ids = [m["args"]["id"] for m in batch]
    future = (tomorrow(6) + timedelta(days=3)).isoformat()
    members = _member_rows(world)
    for job in ("no-show-sweep", "waitlist-expiry", "email", "prune"):
        _refused(run("--db", world.db_url, "jobs", "run", job, "--now", future),
                 "--allow-future", "--dry-run")
        preview = run("--db", world.db_url, "jobs", "run", job, "--now", future,
                      "--dry-run", "--allow-future")
        assert preview.returncode == 0, preview.stderr
        summary = json.loads(preview.stdout)
        assert summary["dry_run"] is True
        if job == "no-show-sweep":
            assert summary["marked"] >= 6
    assert set(_statuses(world, ids)) == {"confirmed"} and _member_rows(world) == members
    done = run("--db", world.db_url, "jobs", "run", "no-show-sweep", "--now", future,
               "--allow-future")
    assert json.loads(done.stdout)["marked"] >= 6
    assert set(_statuses(world, ids)) == {"no_show"}


def test_without_the_server_extra_the_extra_is_named(tmp_path: Path) -> None:
    """A Python that cannot import fastapi (as without ``pip install ...[server]``)."""
    blocker = tmp_path / "block"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(
        "import sys\n"
        "class _Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.partition('.')[0] in ('fastapi', 'uvicorn'):\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
        "sys.meta_path.insert(0, _Block())\n")
    env = {"PYTHONPATH": f"{blocker}{os.pathsep}{ROOT}"}
    _refused(run("site", "list", env=env), "'server' extra", "community-kiosk[server]")


def test_database_errors_never_carry_credentials(world: World) -> None:
    """What a refused statement says, as ``central`` prints it, holds none of its values:
    not the bound parameters (the engine hides them) and not PostgreSQL's "failing row"
    detail (only the first line of the database's message is shown)."""
    secret = "scrypt$1024$8$1$SECRETSALT$SECRETHASH"
    row = {"id": str(uuid.uuid4()), "site_id": world.site_id, "number": "N1",
           "display_name": None, "pin_hash": secret, "card_hash": "CARDHASHSECRET",
           "status": "active", "no_show_count": 0, "badges": []}
    with pytest.raises(sa.exc.IntegrityError) as caught, write(world.engine) as conn:
        conn.execute(sa.insert(t.members).values(row))
    assert "SECRET" not in str(caught.value)
    line = failures.explain(caught.value, world.db_url)
    assert "SECRET" not in line and "\n" not in line and "conflicts" in line


@pytest.mark.parametrize(("row", "named"), [
    ("C1,Cat,cat@example.org,12,", "card"), ("C1,Cat,cat@example.org,4000-12ab-34,", "card"),
    ("C1,Cat,cat@example.org,,12a", "PIN"), (",Cat,cat@example.org,,", "number"),
    ("C1," + "x" * 201 + ",cat@example.org,,", "display_name")])
def test_a_bad_import_row_is_named_by_file_and_line(row: str, named: str,
                                                     tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    assert run("--db", db, "site", "add", "Depot", "--tz", "UTC").returncode == 0
    csv = tmp_path / "members.csv"
    csv.write_text("number,display_name,email,card,pin\n"
                   "G1,Good,good@example.org,40001001,1234\n" + row + "\n", encoding="utf-8")
    _refused(run("--db", db, "members", "import", str(csv), "--site", "Depot"),
             f"{csv} line 3", named)
    engine = make_engine(db)
    with engine.connect() as conn:  # the good row before it was not written either
        assert conn.execute(sa.select(sa.func.count()).select_from(t.members)).scalar() == 0
    engine.dispose()
