"""Build the translation catalogues with Qt's own tools (shipped with PySide6).

``python -m kiosk.ui.i18n_build update`` re-extracts every string from ``kiosk/ui`` into
``resources/i18n/kiosk_<lang>.ts`` (keeping existing translations, dropping strings no
longer in the sources), together with every refusal template of
``kiosk.core.messages.CATALOGUE`` (context ``Refusal``: the UI translates a refusal's
template, then fills in its parameters; each carries its key and parameters as a note to
the translator). ``compile`` (also what
the app does on start when a ``.qm`` is missing or older than its ``.ts``) runs
``pyside6-lrelease`` into a cache directory, since installed packages may be read-only.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from platformdirs import user_cache_dir

from kiosk.core import messages

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "i18n"
UI_DIR = ROOT / "kiosk" / "ui"
CATALOGUE_FILE = Path(messages.__file__).resolve()
REFUSAL_CONTEXT = "Refusal"
SHIPPED = ("en", "es")


def _tool(name: str) -> str | None:
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


def cache_dir() -> Path:
    base = os.environ.get("KIOSK_I18N_CACHE")
    if base:
        return Path(base)
    return Path(user_cache_dir("community-kiosk")) / "i18n"


def ts_path(language: str, ts_dir: Path = TS_DIR) -> Path:
    return ts_dir / f"kiosk_{language}.ts"


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


# -- refusal templates ---------------------------------------------------------------
def refusal_templates() -> dict[str, str]:
    """Every refusal template, by its catalogue key (``kiosk.core.messages.CATALOGUE``)."""
    return {key: entry.text for key, entry in messages.CATALOGUE.items()}


def _refusal_source(templates: dict[str, str], folder: Path) -> Path:
    """A throwaway Python file lupdate can read: one marked string per line, each after a
    translator comment naming its key and the parameters to keep."""
    lines = []
    for key, text in templates.items():
        names = ", ".join(f"{{{name}}}" for name in sorted(messages.placeholders(text)))
        lines.append(f"#: {key}" + (f"; keep {names} as written" if names else ""))
        lines.append(f"QT_TRANSLATE_NOOP({REFUSAL_CONTEXT!r}, {text!r})")
    path = folder / "refusal_templates.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _catalogue_lines(templates: dict[str, str]) -> list[int]:
    """The line in ``messages.py`` where each template's catalogue entry starts."""
    entry = re.compile(r'^\s+"(\w+)": Template\(')
    found: dict[str, int] = {}
    for number, line in enumerate(CATALOGUE_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if match := entry.match(line):
            found.setdefault(match.group(1), number)
    return [found.get(key, 1) for key in templates]


def _point_at_origin(ts: Path, fake: Path, templates: dict[str, str]) -> None:
    """Rewrite the throwaway file's locations in ``ts`` to the catalogue's lines."""
    pattern = re.compile(r'<location filename="[^"]*' + re.escape(fake.name)
                         + r'" line="(\d+)"/>')
    lines = _catalogue_lines(templates)
    name = os.path.relpath(CATALOGUE_FILE, ts.parent).replace(os.sep, "/")

    def real(match: re.Match[str]) -> str:
        # Each template's marked string is on the fake file's even lines (after its comment).
        return f'<location filename="{name}" line="{lines[int(match.group(1)) // 2 - 1]}"/>'
    ts.write_text(pattern.sub(real, ts.read_text(encoding="utf-8")), encoding="utf-8")


def update(ts_dir: Path = TS_DIR) -> None:
    """Re-extract strings from the UI sources and the refusal templates into every
    shipped .ts file in ``ts_dir`` (a test points it at a copy to check for drift)."""
    tool = _tool("pyside6-lupdate")
    if tool is None:
        raise SystemExit("pyside6-lupdate not found")
    ts_dir.mkdir(parents=True, exist_ok=True)
    sources = sorted(str(p) for p in UI_DIR.rglob("*.py"))
    templates = refusal_templates()
    with tempfile.TemporaryDirectory() as tmp:
        fake = _refusal_source(templates, Path(tmp))
        for language in SHIPPED:
            ts = ts_path(language, ts_dir)
            subprocess.run([tool, "-silent", "-no-obsolete", "-locations", "absolute",  # noqa: S603
                            "-source-language", "en", "-target-language", language,
                            *sources, str(fake), "-ts", str(ts)], check=True)
            _point_at_origin(ts, fake, templates)


def main(argv: list[str] | None = None) -> int:
    command = (argv or sys.argv[1:] or ["compile"])[0]
    if command == "update":
        update()
    for language in SHIPPED:
        ensure_compiled(language)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
