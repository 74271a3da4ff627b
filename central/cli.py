"""The ``central`` entry point: names the missing ``server`` extra instead of failing with
a traceback, then runs the admin command (``central.commands``)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

#: Modules the server needs that only the ``server`` extra installs.
SERVER_MODULES = {"fastapi", "starlette", "uvicorn", "psycopg", "prometheus_client"}


def main(argv: Sequence[str] | None = None) -> int:
    try:
        commands = importlib.import_module("central.commands")
    except ModuleNotFoundError as exc:
        if (exc.name or "").partition(".")[0] not in SERVER_MODULES:
            raise
        sys.stderr.write(f"central: the server needs the 'server' extra (module {exc.name!r} "
                         "is missing); install it with: pip install "
                         "'community-kiosk[server]'\n")
        return 2
    code: int = commands.main(argv)
    return code
