"""The device token, kept in the OS keyring only (never in the cache, a file, a log or a
command line); ``kiosk.store.keyring_entries`` says which keyring and how."""

from __future__ import annotations

from pathlib import Path

from kiosk.store import keyring_entries
from kiosk.store.keyring_entries import TOKEN, KeyringUnavailable

__all__ = ["KeyringUnavailable", "forget_token", "load_token", "store_token"]


def store_token(cache: Path, token: str) -> None:
    keyring_entries.put(cache, TOKEN, token)


def load_token(cache: Path) -> str | None:
    return keyring_entries.get(cache, TOKEN)


def forget_token(cache: Path) -> bool:
    """Remove the token; False if there was none."""
    return keyring_entries.remove(cache, TOKEN)
