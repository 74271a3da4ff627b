"""Fixtures for CLI tests: one demo cache built per session, copied for each test."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.cli.main import main

RunCli = Callable[..., tuple[int, str, str]]


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    assert main(["--db", str(path), "demo-data"]) == 0
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "kiosk.sqlite3"
    shutil.copy(demo_template, target)
    return target


@pytest.fixture
def cli(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> RunCli:
    """Run ``kiosk --db <copy of the demo cache> ARGS``; return (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main(["--db", str(demo_db), *args])
        except SystemExit as exc:  # argparse exits on usage errors
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


def as_json(text: str) -> object:
    return json.loads(text)
