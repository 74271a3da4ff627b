"""Build the translation catalogues with Qt's own tools (shipped with PySide6).

``python -m kiosk.ui.i18n_build update`` re-extracts every string from ``kiosk/ui`` into
``resources/i18n/kiosk_<lang>.ts`` (keeping existing translations), together with the
refusal templates of ``kiosk.core`` and ``kiosk.store`` (context ``Refusal``: the UI
translates a refusal's template, then fills in its parameters). ``compile`` (also what
the app does on start when a ``.qm`` is missing or older than its ``.ts``) runs
``pyside6-lrelease`` into a cache directory, since installed packages may be read-only.
"""

from __future__ import annotations

import ast
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from platformdirs import user_cache_dir

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "i18n"
UI_DIR = ROOT / "kiosk" / "ui"
REFUSAL_DIRS = (ROOT / "kiosk" / "core", ROOT / "kiosk" / "store")
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
def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"`` assignments (templates kept in a constant)."""
    out: dict[str, str] = {}
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
            out[node.targets[0].id] = node.value.value
    return out


def _template_of(call: ast.Call, constants: dict[str, str]) -> str | None:
    """The template argument of ``Refusal(code, template, ...)``/``refusal(code, ...)``."""
    name = call.func.id if isinstance(call.func, ast.Name) else None
    if name not in ("Refusal", "refusal") or len(call.args) < 2:
        return None
    arg = call.args[1]
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    return constants.get(arg.id) if isinstance(arg, ast.Name) else None


def refusal_templates() -> list[tuple[str, Path, int]]:
    """Every literal refusal template in the core and the store: (text, file, line)."""
    found: dict[str, tuple[str, Path, int]] = {}
    for folder in REFUSAL_DIRS:
        for path in sorted(folder.rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            constants = _constants(tree)
            for node in ast.walk(tree):
                if isinstance(node, ast.Call):
                    text = _template_of(node, constants)
                    if text and text not in found:
                        found[text] = (text, path, node.lineno)
    return list(found.values())


def _refusal_source(templates: list[tuple[str, Path, int]], folder: Path) -> Path:
    """A throwaway Python file lupdate can read: one marked string per line."""
    lines = [f"QT_TRANSLATE_NOOP({REFUSAL_CONTEXT!r}, {text!r})" for text, _, _ in templates]
    path = folder / "refusal_templates.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _point_at_origin(ts: Path, fake: Path, templates: list[tuple[str, Path, int]]) -> None:
    """Rewrite the throwaway file's locations in ``ts`` to the templates' real lines."""
    pattern = re.compile(r'<location filename="[^"]*' + re.escape(fake.name)
                         + r'" line="(\d+)"/>')

    def real(match: re.Match[str]) -> str:
        _, path, line = templates[int(match.group(1)) - 1]
        name = os.path.relpath(path, ts.parent).replace(os.sep, "/")
        return f'<location filename="{name}" line="{line}"/>'
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
