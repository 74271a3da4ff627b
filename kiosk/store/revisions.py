"""Which cache schema revisions this kiosk knows, answered from the migration files
without importing Alembic: its import is a large share of the kiosk's start, and a cache
already at the head revision (every start but the first after an update) needs nothing
of it. Anything else (an older cache to upgrade, an unknown revision) asks Alembic."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

_REVISION = re.compile(r"""^revision\s*=\s*["']([^"']+)["']""", re.MULTILINE)
_DOWN = re.compile(r"""^down_revision\s*=\s*["']([^"']+)["']""", re.MULTILINE)


@cache
def head_revision() -> str | None:
    """The one revision no migration revises (None if the files do not say one)."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for entry in (files("kiosk.store") / "migrations" / "versions").iterdir():
        if not entry.name.endswith(".py") or entry.name.startswith("__"):
            continue
        source = entry.read_text(encoding="utf-8")
        if (found := _REVISION.search(source)) is not None:
            revisions.add(found[1])
        if (down := _DOWN.search(source)) is not None:
            revised.add(down[1])
    heads = revisions - revised
    return next(iter(heads)) if len(heads) == 1 else None


def known_revision(revision: str) -> bool:
    """Whether this kiosk's migrations include ``revision`` (a newer kiosk's do not)."""
    if revision == head_revision():
        return True
    from alembic.script import ScriptDirectory  # noqa: PLC0415 (costly; see above)
    from alembic.util.exc import CommandError  # noqa: PLC0415

    from kiosk.store.db import alembic_config  # noqa: PLC0415 (db imports this module)

    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    except CommandError:
        return False
    return True
