"""System tools the tests drive (HAProxy, promtool): found on PATH or in /usr/sbin, else
the test is skipped locally and FAILS in CI (``scripts/ops-ensure`` installs them)."""

from __future__ import annotations

import os
import shutil

import pytest


def find(name: str) -> str | None:
    return shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")


def require(name: str, package: str) -> str:
    """The tool's path; skip (fail in CI) when it is missing."""
    found = find(name)
    if found is None:
        reason = f"{name} is not installed (Debian's {package}; scripts/ops-ensure)"
        if os.environ.get("CI"):
            pytest.fail(f"{name} is required in CI: {reason}")
        pytest.skip(reason)
    return found
