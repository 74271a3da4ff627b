"""Member PINs and card numbers: how the kiosk stores and checks them.

A PIN of 4–8 digits is protected by throttling, not by hash cost, so the scrypt cost is
modest (a member waits milliseconds; the demo site hashes hundreds of PINs quickly). The
stored form describes itself: ``scrypt$n$r$p$salt_hex$hash_hex``. A card number is
normalised (spaces and dashes dropped) and hashed with the site id, deterministically,
so a scanned card can be looked up by its hash.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from kiosk.core.errors import InvalidInput

_PIN = re.compile(r"[0-9]{4,8}")
_CARD = re.compile(r"[0-9]{6,20}")
_SEPARATORS = re.compile(r"[\s-]+")
_N, _R, _P = 2**10, 8, 1
_MAX_N = 2**16  # refuse stored hashes that would cost too much to check
_SALT_BYTES, _KEY_BYTES = 16, 32


def valid_pin(pin: object) -> bool:
    """4–8 ASCII digits."""
    return isinstance(pin, str) and _PIN.fullmatch(pin) is not None


def valid_card(digits: object) -> bool:
    """6–20 ASCII digits (already normalised)."""
    return isinstance(digits, str) and _CARD.fullmatch(digits) is not None


def normalise_card(raw: object) -> str:
    """The card's digits, without the spaces or dashes a person may type."""
    if not isinstance(raw, str):
        raise InvalidInput(f"a card number must be text, not {type(raw).__name__}")
    digits = _SEPARATORS.sub("", raw)
    if not valid_card(digits):
        raise InvalidInput("a card number is 6 to 20 digits")
    return digits


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r + 2**20, dklen=_KEY_BYTES
    )


def hash_pin(pin: str) -> str:
    """A salted scrypt hash of a PIN, as ``scrypt$n$r$p$salt$hash`` (hex)."""
    if not valid_pin(pin):
        raise InvalidInput("a PIN is 4 to 8 digits")
    salt = secrets.token_bytes(_SALT_BYTES)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${_scrypt(pin, salt, _N, _R, _P).hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches ``stored``; compared in constant time. A malformed stored
    value or PIN never matches."""
    if not valid_pin(pin) or not isinstance(stored, str):
        return False
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return False
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt, expected = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except ValueError:
        return False
    if not (1 < n <= _MAX_N and n & (n - 1) == 0 and 0 < r <= 32 and 0 < p <= 4 and salt):
        return False
    return hmac.compare_digest(_scrypt(pin, salt, n, r, p), expected)


def card_hash(site_id: str, card_digits: str) -> str:
    """Deterministic sha256 hex of the site id and the normalised card number."""
    if not isinstance(site_id, str) or not site_id:
        raise InvalidInput("a card hash needs the site id")
    digits = normalise_card(card_digits)
    return hashlib.sha256(f"kiosk-card-v1\x00{site_id}\x00{digits}".encode()).hexdigest()
