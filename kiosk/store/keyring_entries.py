"""The kiosk's secrets in the OS keyring (never in the cache, a file, a log or a command
line), one entry of each kind per cache file so two kiosks on one machine keep theirs
apart: the device token (``kiosk.sync.token``) and the site secret that keys PIN and card
hashes (``kiosk.store.site_secret``).

A desktop session has a Secret Service; an unattended kiosk that boots without a person
has none. There, ``KIOSK_KEYRING_FILE`` names an encrypted keyring file
(``keyrings.cryptfile``, Argon2 + AES-GCM) and ``KIOSK_KEYRING_KEY_FILE`` a file holding its
key — on systemd, a credential (``LoadCredentialEncrypted=``, sealed to the machine's TPM
or host key), so neither secret nor its key lies on disk in clear (docs/operator.md).
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
TOKEN, SITE_SECRET = "device-token", "site-secret"


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


def _user(cache: Path, kind: str) -> str:
    digest = hashlib.sha256(str(cache.resolve()).encode()).hexdigest()[:16]
    return f"{kind}:{digest}"


def put(cache: Path, kind: str, value: str) -> None:
    _configure()
    try:
        keyring.set_password(SERVICE, _user(cache, kind), value)
    except KeyringError as exc:
        raise KeyringUnavailable(f"the keyring refused to store the {kind}: {exc}") from None


def get(cache: Path, kind: str) -> str | None:
    _configure()
    try:
        return keyring.get_password(SERVICE, _user(cache, kind))
    except KeyringError as exc:
        raise KeyringUnavailable(f"the keyring could not be read: {exc}") from None


def remove(cache: Path, kind: str) -> bool:
    """Remove one entry; False if there was none."""
    _configure()
    try:
        if keyring.get_password(SERVICE, _user(cache, kind)) is None:
            return False
        keyring.delete_password(SERVICE, _user(cache, kind))
    except PasswordDeleteError:
        return False
    except KeyringError as exc:
        raise KeyringUnavailable(f"the keyring could not be changed: {exc}") from None
    return True
