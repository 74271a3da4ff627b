"""Suite-wide test set-up: headless Qt, an in-memory keyring, no silent skips in CI, and
the figures tests measured (fuzzing counts, stop times), printed at the end of the run."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import keyring
import pytest

# pytest-qt aborts without a display; this must be set before Qt is imported anywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.helpers.memory_keyring import MemoryKeyring

FIGURES: list[str] = []


@pytest.fixture
def figure() -> Callable[[str], None]:
    """Report one measured figure (a line) in the run's summary."""
    return FIGURES.append


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.section("measured figures")
        for line in FIGURES:
            terminalreporter.write_line(line)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets a fresh keyring that really stores secrets, in memory."""
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI a skipped test is a failed run: tests that need PostgreSQL or Qt must run."""
    if not os.environ.get("CI"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter is not None else []
    if skipped and exitstatus == 0:
        reporter.write_line(f"CI: {len(skipped)} test(s) were skipped; failing the run.")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
