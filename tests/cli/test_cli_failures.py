"""The ``kiosk`` command on a cache it cannot use: a one-line message naming the file and
what to do, exit code 2, no traceback, and the file byte for byte unchanged; an empty or
misplaced ``--db`` is refused instead of quietly meaning another cache; no display is
said, not a Qt abort; and no arguments at all (hypothesis) give a traceback."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
BASE_ENV = {k: v for k, v in os.environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "KIOSK_DB")}


def kiosk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False,
                          env={**BASE_ENV, "PYTHONPATH": str(ROOT), **(env or {})})


def _refused(done: subprocess.CompletedProcess[str], *named: str) -> str:
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr and "hash" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    for name in named:
        assert name in lines[0], (name, lines[0])
    return lines[0]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def shared_dir(tmp_path: Path) -> Path:
    path = tmp_path / "caches"
    path.mkdir()
    return path


def _cache(kind: str, folder: Path, template: Path) -> Path:
    path = folder / f"{kind}.sqlite3"
    if kind == "not-a-database":
        path.write_bytes(b"number,display_name\n1001,Ada\n" * 100)
    elif kind == "truncated":
        path.write_bytes(template.read_bytes()[: 64 * 1024])
    elif kind == "newer-schema":
        shutil.copy(template, path)
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        conn.close()
    elif kind == "read-only":
        shutil.copy(template, path)
        path.chmod(0o444)
    return path


COMMANDS = [["resources"], ["reservations"], ["demo-data", "--force"], ["run"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("kind", ["not-a-database", "truncated", "newer-schema", "read-only"])
def test_a_cache_it_cannot_use_is_named_and_left_alone(kind: str, command: list[str],
                                                        demo_template: Path,
                                                        shared_dir: Path) -> None:
    path = _cache(kind, shared_dir, demo_template)
    before = _digest(path)
    line = _refused(kiosk("--db", str(path), *command, env={"QT_QPA_PLATFORM": "offscreen"}),
                    str(path))
    assert {"not-a-database": "not a kiosk cache", "truncated": "damaged",
            "newer-schema": "newer kiosk", "read-only": "read-only"}[kind] in line
    assert _digest(path) == before
    assert sorted(p.name for p in shared_dir.iterdir()) == [path.name]


def test_an_empty_db_is_refused_and_the_default_cache_untouched(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = kiosk("--db", "", "demo-data", "--force",
                 env={"HOME": str(home), "XDG_DATA_HOME": str(home / "data")})
    _refused(done, "--db is empty")
    assert not home.exists()


@pytest.mark.parametrize("source", ["--db", "KIOSK_DB"])
def test_a_cache_in_a_missing_directory_is_refused_not_created(source: str,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "dir" / "kiosk.sqlite3"
    args, env = (["--db", str(path)], {}) if source == "--db" else ([], {"KIOSK_DB": str(path)})
    _refused(kiosk(*args, "resources", env=env), str(path.parent), "does not exist")
    assert not (tmp_path / "no").exists()


def test_without_a_display_the_kiosk_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    _refused(kiosk("--db", str(path)), "no display", "QT_QPA_PLATFORM=offscreen")
    _refused(kiosk("--db", str(path), "run", "--windowed"), "no display")
    assert not path.exists()


ARGS = st.lists(st.one_of(
    st.sampled_from(["resources", "members", "book", "reservations", "cancel", "check-in",
                     "demo-data", "--json", "--kind", "--search", "--limit", "--resource",
                     "--member", "--start", "--end", "--minutes", "--fold", "--staff",
                     "--date", "--scale", "--resources", "earlier", "later", "0", "-1",
                     "1001", "2026-03-08 02:30", "9999-12-31 23:59", "0001-01-01 00:00",
                     "2200-12-31 23:00", "Table saw", "x" * 300]),
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
            max_size=12)), max_size=7)


@settings(max_examples=150, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(argv=ARGS)
def test_any_arguments_give_an_answer_not_a_traceback(argv: list[str], demo_template: Path,
                                                      tmp_path_factory: pytest.TempPathFactory,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    if "demo-data" in argv and ("--scale" in argv):
        argv = [a for a in argv if a != "demo-data"]  # a big --scale is a benchmark
    db = tmp_path_factory.mktemp("k") / "kiosk.sqlite3"
    shutil.copy(demo_template, db)
    try:
        code = main(["--db", str(db), *(argv or ["resources"])])
    except SystemExit as exc:  # argparse: usage errors and --help
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in err and "Traceback" not in out


@settings(max_examples=40, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(year=st.integers(1960, 2210), month=st.integers(1, 12), day=st.integers(1, 28))
def test_book_and_reservations_take_the_same_years(year: int, month: int, day: int,
                                                   demo_template: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    date = f"{year:04d}-{month:02d}-{day:02d}"
    answers = []
    for argv in (["reservations", "--date", date],
                 ["book", "--resource", "Circular saw 1", "--member", "1001", "--start",
                  f"{date} 10:00", "--minutes", "60"]):
        code = main(["--db", str(demo_template), *argv])
        answers.append((code, "out of range" in capsys.readouterr().err))
    (listed, listed_out), (booked, booked_out) = answers
    assert listed_out == booked_out == (not 1970 <= year <= 2199), (date, answers)
    assert (listed == 2) == listed_out and (booked == 2) == booked_out
