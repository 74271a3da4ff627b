"""The device token, kept in the OS keyring only (never in the cache, a file, a log or a
command line). One entry per cache file, so two kiosks on one machine keep theirs apart."""

from __future__ import annotations

import hashlib
from pathlib import Path

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

SERVICE = "community-kiosk"


class KeyringUnavailable(Exception):
    """The keyring refused: on a headless kiosk, configure a backend (docs/operator.md)."""


def _user(cache: Path) -> str:
    digest = hashlib.sha256(str(cache.resolve()).encode()).hexdigest()[:16]
    return f"device-token:{digest}"


def store_token(cache: Path, token: str) -> None:
    try:
        keyring.set_password(SERVICE, _user(cache), token)
    except KeyringError as exc:
        raise KeyringUnavailable(f"the keyring refused to store the token: {exc}") from None


def load_token(cache: Path) -> str | None:
    try:
        return keyring.get_password(SERVICE, _user(cache))
    except KeyringError as exc:
        raise KeyringUnavailable(f"the keyring could not be read: {exc}") from None


def forget_token(cache: Path) -> bool:
    """Remove the token; False if there was none."""
    try:
        if keyring.get_password(SERVICE, _user(cache)) is None:
            return False
        keyring.delete_password(SERVICE, _user(cache))
    except PasswordDeleteError:
        return False
    except KeyringError as exc:
        raise KeyringUnavailable(f"the keyring could not be changed: {exc}") from None
    return True
