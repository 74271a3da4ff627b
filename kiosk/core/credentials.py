"""Member PINs and card numbers: how the kiosk stores and checks them.

Both are keyed with the site's secret (32 random bytes the server keeps per site; a kiosk
gets it at enrollment and keeps it in its keyring, never in the cache), so a stolen
cache or everything a kiosk token can pull is useless for guessing PINs or card numbers
without it.

- A PIN: ``kscrypt$n$r$p$salt$mac`` (hex) — the salted scrypt of the PIN, then an HMAC of
  that with the site secret. Each guess costs one scrypt *and* needs the secret.
- A card: ``hmac1$mac`` — an HMAC with the site secret of the site-bound SHA-256 of the
  normalised digits; deterministic, so a scanned card is looked up by its hash.

The HMAC is the outer layer on purpose: the earlier forms (``scrypt$n$r$p$salt$hash``
and the bare SHA-256 hex of a card) are exactly the inner values, so ``upgrade_pin_hash``
and ``upgrade_card_hash`` turn a stored old form into the new one without the PIN or the
card — the server's migration rewrites every member that way and a kiosk its cache when
the secret arrives. Old forms still verify until then. The staff PIN is the kiosk's own
(never on the wire) and stays in the unkeyed ``scrypt`` form.

A PIN of 4–8 digits is protected by throttling and the secret, not by hash cost, so the
scrypt cost is modest (a member waits milliseconds; docs/operator.md has the figures).
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
_HEX64 = re.compile(r"[0-9a-f]{64}")
_N, _R, _P = 2**10, 8, 1
_MAX_N = 2**16  # refuse stored hashes that would cost too much to check
_SALT_BYTES, _KEY_BYTES = 16, 32
SECRET_BYTES = 32
PIN_SCHEME, LEGACY_PIN_SCHEME, CARD_SCHEME = "kscrypt", "scrypt", "hmac1"
_PIN_LABEL, _CARD_LABEL = b"kiosk-pin-v2\x00", b"kiosk-card-v2\x00"

#: The secret of the offline demo's sites (no server hands one out). Public on purpose:
#: the demo's members and PINs are made up and printed in the docs, so there is nothing
#: for it to protect; a real site's hashes never verify with it.
DEMO_SECRET = hashlib.sha256(b"community-kiosk demo site secret").digest()


def new_secret() -> bytes:
    """A fresh site secret."""
    return secrets.token_bytes(SECRET_BYTES)


def secret_from_hex(text: object) -> bytes:
    """A site secret from its hex form (64 lowercase hex digits); ``InvalidInput`` else."""
    if not isinstance(text, str) or _HEX64.fullmatch(text) is None:
        raise InvalidInput("a site secret is 64 lowercase hex digits")
    return bytes.fromhex(text)


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


def _mac(secret: bytes, label: bytes, inner: bytes) -> bytes:
    if not isinstance(secret, bytes) or len(secret) != SECRET_BYTES:
        raise InvalidInput(f"a site secret is {SECRET_BYTES} bytes")
    return hmac.new(secret, label + inner, hashlib.sha256).digest()


def hash_pin(pin: str, secret: bytes | None) -> str:
    """A PIN's stored form: ``kscrypt$…`` keyed with the site ``secret``; with ``None``
    (the staff PIN only) the unkeyed ``scrypt$n$r$p$salt$hash``."""
    if not valid_pin(pin):
        raise InvalidInput("a PIN is 4 to 8 digits")
    salt = secrets.token_bytes(_SALT_BYTES)
    inner = _scrypt(pin, salt, _N, _R, _P)
    if secret is None:
        return f"{LEGACY_PIN_SCHEME}${_N}${_R}${_P}${salt.hex()}${inner.hex()}"
    return f"{PIN_SCHEME}${_N}${_R}${_P}${salt.hex()}${_mac(secret, _PIN_LABEL, inner).hex()}"


def _pin_parts(stored: object) -> tuple[str, int, int, int, bytes, bytes] | None:
    """The scheme, scrypt parameters, salt and digest of a stored PIN; None if malformed
    or too costly to check."""
    if not isinstance(stored, str):
        return None
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] not in (PIN_SCHEME, LEGACY_PIN_SCHEME):
        return None
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt, digest = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except ValueError:
        return None
    if not (1 < n <= _MAX_N and n & (n - 1) == 0 and 0 < r <= 32 and 0 < p <= 4 and salt):
        return None
    return parts[0], n, r, p, salt, digest


def verify_pin(pin: str, stored: str, secret: bytes | None = None) -> bool:
    """Whether ``pin`` matches ``stored``; compared in constant time. A ``kscrypt`` form
    needs the site secret it was made with; a malformed stored value or PIN never
    matches."""
    parsed = _pin_parts(stored)
    if not valid_pin(pin) or parsed is None:
        return False
    scheme, n, r, p, salt, expected = parsed
    if scheme == PIN_SCHEME and (secret is None or len(secret) != SECRET_BYTES):
        return False
    inner = _scrypt(pin, salt, n, r, p)
    got = inner if scheme == LEGACY_PIN_SCHEME else _mac(secret or b"", _PIN_LABEL, inner)
    return hmac.compare_digest(got, expected)


def is_keyed(stored: str | None) -> bool:
    """Whether a stored PIN or card hash is of a keyed form (needs the site secret)."""
    return isinstance(stored, str) and stored.startswith((PIN_SCHEME + "$", CARD_SCHEME + "$"))


def upgrade_pin_hash(stored: str, secret: bytes) -> str:
    """The keyed form of an unkeyed stored PIN (same salt and parameters, no PIN needed);
    anything else is returned as it is."""
    parsed = _pin_parts(stored)
    if parsed is None or parsed[0] != LEGACY_PIN_SCHEME:
        return stored
    _, n, r, p, salt, inner = parsed
    return f"{PIN_SCHEME}${n}${r}${p}${salt.hex()}${_mac(secret, _PIN_LABEL, inner).hex()}"


def _card_inner(site_id: str, card_digits: str) -> bytes:
    if not isinstance(site_id, str) or not site_id:
        raise InvalidInput("a card hash needs the site id")
    digits = normalise_card(card_digits)
    return hashlib.sha256(f"kiosk-card-v1\x00{site_id}\x00{digits}".encode()).digest()


def card_hash(site_id: str, card_digits: str, secret: bytes) -> str:
    """The keyed, deterministic hash of a card: ``hmac1$`` and 64 hex digits."""
    return f"{CARD_SCHEME}${_mac(secret, _CARD_LABEL, _card_inner(site_id, card_digits)).hex()}"


def card_lookup_hashes(site_id: str, card_digits: str, secret: bytes | None) -> list[str]:
    """Every stored form a scanned card may have: the keyed one (with a secret) and the
    unkeyed one of a cache that has not been upgraded yet."""
    inner = _card_inner(site_id, card_digits)
    keyed = [] if secret is None else [f"{CARD_SCHEME}${_mac(secret, _CARD_LABEL, inner).hex()}"]
    return [*keyed, inner.hex()]


def upgrade_card_hash(stored: str, secret: bytes) -> str:
    """The keyed form of an unkeyed stored card hash (64 hex digits; no card needed);
    anything else is returned as it is."""
    if not isinstance(stored, str) or _HEX64.fullmatch(stored) is None:
        return stored
    return f"{CARD_SCHEME}${_mac(secret, _CARD_LABEL, bytes.fromhex(stored)).hex()}"
