"""The site secret on a kiosk: the key of its members' PIN and card hashes
(``kiosk.core.credentials``). It arrives at enrollment, lives in the keyring next to the
device token (never in the cache) and is read whenever a PIN or card is checked.

A cache with no secret in the keyring — the offline demo, or a keyring that cannot be
read — checks with the demo's published secret (``credentials.DEMO_SECRET``): hashes the
demo made verify, a real site's never do, so falling back opens nothing.

What the keyring said is remembered for the process (this module's writes keep it
current): the encrypted file keyring of an unattended kiosk derives its key with Argon2
on every read, seconds on a busy kiosk, and a member must not wait for that at each PIN.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.core import credentials
from kiosk.core.errors import InvalidInput
from kiosk.store import keyring_entries
from kiosk.store.keyring_entries import SITE_SECRET, KeyringUnavailable
from kiosk.store.schema import MemberRow

log = logging.getLogger(__name__)


_known: dict[Path, bytes | None] = {}  # by resolved cache path


def store_site_secret(cache: Path, secret: bytes) -> None:
    keyring_entries.put(cache, SITE_SECRET, secret.hex())
    _known[cache.resolve()] = secret


def load_site_secret(cache: Path) -> bytes | None:
    """The enrolled site's secret, or None (none kept, or not a secret)."""
    key = cache.resolve()
    if key not in _known:
        try:
            _known[key] = credentials.secret_from_hex(keyring_entries.get(cache, SITE_SECRET))
        except InvalidInput:
            _known[key] = None
    return _known[key]


def forget_site_secret(cache: Path) -> bool:
    """Remove the secret; False if there was none."""
    _known.pop(cache.resolve(), None)
    return keyring_entries.remove(cache, SITE_SECRET)


def verifying_secret(cache: Path) -> bytes:
    """The secret to check PINs and cards with: the keyring's, else the demo's."""
    try:
        secret = load_site_secret(cache)
    except KeyringUnavailable as exc:
        log.warning("site secret unavailable, PINs and cards of a real site will not "
                    "verify: %s", exc)
        secret = None
    return credentials.DEMO_SECRET if secret is None else secret


def upgrade_cached_hashes(session: Session, secret: bytes) -> int:
    """Key every unkeyed member PIN and card hash in the cache with ``secret`` (what the
    server's migration did to its rows; no PIN or card needed). Returns how many members
    changed."""
    changed = 0
    for row in session.scalars(select(MemberRow)):
        pin = credentials.upgrade_pin_hash(row.pin_hash, secret) if row.pin_hash else None
        card = credentials.upgrade_card_hash(row.card_hash, secret) if row.card_hash else None
        if (pin, card) != (row.pin_hash, row.card_hash):
            row.pin_hash, row.card_hash = pin, card
            changed += 1
    return changed
