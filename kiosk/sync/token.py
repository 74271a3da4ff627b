"""The device token, kept in the OS keyring only (never in the cache, a file, a log or a
command line). One entry per cache file, so two kiosks on one machine keep theirs apart.

A desktop session has a Secret Service; an unattended kiosk that boots without a person
has none. There, ``KIOSK_KEYRING_FILE`` names an encrypted keyring file
(``keyrings.cryptfile``, Argon2 + AES-GCM) and ``KIOSK_KEYRING_KEY_FILE`` a file holding its
key — on systemd, a credential (``LoadCredentialEncrypted=``, sealed to the machine's TPM
or host key), so neither the token nor its key lies on disk in clear (docs/operator.md).
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

import keyring
from keyring.errors import KeyringError, PasswordDeleteError
from keyrings.cryptfile.cryptfile import CryptFileKeyring

SERVICE = "community-kiosk"


class KeyringUnavailable(Exception):
    """The keyring refused: on a headless kiosk, configure a backend (docs/operator.md)."""


@functools.cache
def _configure() -> None:
    """Use the encrypted file keyring when the environment names one (once a process)."""
    path, key_file = os.environ.get("KIOSK_KEYRING_FILE"), os.environ.get(
        "KIOSK_KEYRING_KEY_FILE")
    if not path:
        return
    if not key_file or not Path(key_file).is_file():
        raise KeyringUnavailable("KIOSK_KEYRING_FILE is set but KIOSK_KEYRING_KEY_FILE does "
                                 "not name a readable key file")
    backend = CryptFileKeyring()
    backend.file_path = path
    backend.keyring_key = Path(key_file).read_text(encoding="utf-8").strip()
    keyring.set_keyring(backend)


def _user(cache: Path) -> str:
    digest = hashlib.sha256(str(cache.resolve()).encode()).hexdigest()[:16]
    return f"device-token:{digest}"


def store_token(cache: Path, token: str) -> None:
    _configure()
    try:
        keyring.set_password(SERVICE, _user(cache), token)
    except KeyringError as exc:
        raise KeyringUnavailable(f"the keyring refused to store the token: {exc}") from None


def load_token(cache: Path) -> str | None:
    _configure()
    try:
        return keyring.get_password(SERVICE, _user(cache))
    except KeyringError as exc:
        raise KeyringUnavailable(f"the keyring could not be read: {exc}") from None


def forget_token(cache: Path) -> bool:
    """Remove the token; False if there was none."""
    _configure()
    try:
        if keyring.get_password(SERVICE, _user(cache)) is None:
            return False
        keyring.delete_password(SERVICE, _user(cache))
    except PasswordDeleteError:
        return False
    except KeyringError as exc:
        raise KeyringUnavailable(f"the keyring could not be changed: {exc}") from None
    return True
