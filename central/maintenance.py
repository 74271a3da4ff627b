"""Maintenance mode: a flag file the operator writes with ``central maintenance on`` and
every server process reads on each sync request (a ``stat``, no database round trip).

While the file exists, push, pull and check-in answer 503 with ``Retry-After`` (the file's
content, in seconds) and ``/readyz`` answers 503; kiosks keep their outboxes and retry.
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_RETRY_AFTER = 300


def retry_after(flag: Path) -> int | None:
    """None when not in maintenance, else the seconds kiosks should wait."""
    try:
        text = flag.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except OSError:
        return DEFAULT_RETRY_AFTER
    return int(text) if text.isdigit() and int(text) > 0 else DEFAULT_RETRY_AFTER


def turn_on(flag: Path, seconds: int = DEFAULT_RETRY_AFTER) -> None:
    flag.parent.mkdir(parents=True, exist_ok=True)
    tmp = flag.with_name(flag.name + ".tmp")
    tmp.write_text(f"{seconds}\n", encoding="utf-8")
    tmp.replace(flag)


def turn_off(flag: Path) -> bool:
    """Remove the flag; False when maintenance was not on."""
    try:
        flag.unlink()
    except FileNotFoundError:
        return False
    return True
