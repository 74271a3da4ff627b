"""Build the translation catalogues with Qt's own tools (shipped with PySide6).

``python -m kiosk.ui.i18n_build update`` re-extracts every string from ``kiosk/ui`` into
``resources/i18n/kiosk_<lang>.ts`` (keeping existing translations); ``compile`` (also what
the app does on start when a ``.qm`` is missing or older than its ``.ts``) runs
``pyside6-lrelease`` into a cache directory, since installed packages may be read-only.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from platformdirs import user_cache_dir

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "i18n"
UI_DIR = ROOT / "kiosk" / "ui"
SHIPPED = ("en", "es")


def _tool(name: str) -> str | None:
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


def cache_dir() -> Path:
    base = os.environ.get("KIOSK_I18N_CACHE")
    if base:
        return Path(base)
    return Path(user_cache_dir("community-kiosk")) / "i18n"


def ts_path(language: str) -> Path:
    return TS_DIR / f"kiosk_{language}.ts"


def ensure_compiled(language: str) -> Path | None:
    """The ``.qm`` for ``language``, compiled now if missing or stale; None if no .ts."""
    ts = ts_path(language)
    if not ts.exists():
        return None
    qm = cache_dir() / f"kiosk_{language}.qm"
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    tool = _tool("pyside6-lrelease")
    if tool is None:
        log.warning("pyside6-lrelease not found; cannot compile %s", ts)
        return None
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)  # noqa: S603 (Qt's own tool, fixed args)
    return qm


def update() -> None:
    """Re-extract strings from the UI sources into every shipped .ts file."""
    tool = _tool("pyside6-lupdate")
    if tool is None:
        raise SystemExit("pyside6-lupdate not found")
    sources = sorted(str(p) for p in UI_DIR.rglob("*.py"))
    for language in SHIPPED:
        subprocess.run([tool, "-silent", "-no-obsolete",  # noqa: S603
                        "-source-language", "en",
                        "-target-language", language, *sources, "-ts",
                        str(ts_path(language))], check=True)


def main(argv: list[str] | None = None) -> int:
    command = (argv or sys.argv[1:] or ["compile"])[0]
    if command == "update":
        update()
    for language in SHIPPED:
        ensure_compiled(language)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
