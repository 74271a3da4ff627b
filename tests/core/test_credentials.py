"""PIN hashing and card-number hashing, keyed with the site secret (and the unkeyed forms
that stored hashes had before: still verified, and upgraded without the PIN or card)."""

from __future__ import annotations

import hashlib

import pytest

from kiosk.core.credentials import (
    DEMO_SECRET,
    card_hash,
    card_lookup_hashes,
    hash_pin,
    new_secret,
    normalise_card,
    secret_from_hex,
    upgrade_card_hash,
    upgrade_pin_hash,
    valid_card,
    valid_pin,
    verify_pin,
)
from kiosk.core.errors import InvalidInput

SECRET = bytes(range(32))


def test_pin_round_trip_and_salt():
    first, second = hash_pin("2468", None), hash_pin("2468", None)
    assert first != second  # salted
    assert verify_pin("2468", first) and verify_pin("2468", second)
    assert not verify_pin("2469", first)
    scheme, n, r, p, salt, digest = first.split("$")
    assert scheme == "scrypt" and int(n) > 1 and int(r) > 0 and int(p) > 0
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 32
    assert "2468" not in first


@pytest.mark.parametrize(
    "stored",
    ["", "plain-text", "scrypt$1024$8$1$zz$00", "md5$1$1$1$00$00", "scrypt$1000$8$1$00$00",
     "scrypt$1073741824$8$1$0011$00", None],
)
def test_malformed_stored_hashes_never_match(stored):
    assert verify_pin("1234", stored) is False


def test_pin_hash_cost_is_bounded_and_salted():
    # A 4-8 digit PIN is protected by the kiosk's throttle, not by hash cost: keep scrypt's
    # work small enough that 200 demo members hash in well under a second (bench figures
    # come from bench/, never from timed assertions here).
    first, second = hash_pin("1234", SECRET), hash_pin("1234", SECRET)
    scheme, n, r, p, salt, digest = first.split("$")
    assert scheme == "kscrypt"
    assert int(n) * int(r) * int(p) * 128 <= 1 << 20, "at most 1 MiB of scrypt work"
    assert len(bytes.fromhex(salt)) >= 16 and len(bytes.fromhex(digest)) == 32
    assert first != second, "a fresh salt each time"


@pytest.mark.parametrize(
    ("pin", "ok"),
    [("1234", True), ("12345678", True), ("123", False), ("123456789", False),
     ("12a4", False), (" 1234", False), ("١٢٣٤", False), (1234, False), (None, False)],
)
def test_pin_format(pin, ok):
    assert valid_pin(pin) is ok
    if ok:
        assert verify_pin(pin, hash_pin(pin, SECRET), SECRET)
    else:
        with pytest.raises(InvalidInput):
            hash_pin(pin, SECRET)
        assert verify_pin(pin, hash_pin("1234", SECRET), SECRET) is False


@pytest.mark.parametrize(
    ("digits", "ok"),
    [("123456", True), ("1" * 20, True), ("12345", False), ("1" * 21, False),
     ("12345a", False), ("123 456", False), (123456, False)],
)
def test_card_format(digits, ok):
    assert valid_card(digits) is ok


def test_card_hash_is_deterministic_normalised_per_site_and_keyed():
    h = card_hash("pdx", "0012345678", SECRET)
    assert h == card_hash("pdx", "0012 3456-78", SECRET)
    assert h == card_hash("pdx", " 0012345678\n", SECRET)
    scheme, digest = h.split("$")
    assert scheme == "hmac1" and len(digest) == 64 and int(digest, 16) >= 0
    assert h != card_hash("sea", "0012345678", SECRET)
    assert h != card_hash("pdx", "12345678", SECRET)  # leading zeros are part of the number
    assert h != card_hash("pdx", "0012345678", DEMO_SECRET)  # another site secret
    assert normalise_card("0012-3456 78") == "0012345678"


@pytest.mark.parametrize(("site", "card"), [("pdx", "12"), ("pdx", "abc123456"), ("", "123456"),
                                            ("pdx", None)])
def test_bad_cards(site, card):
    with pytest.raises(InvalidInput):
        card_hash(site, card, SECRET)


def _unkeyed_pin(pin: str, salt: bytes, n: int = 1024) -> str:
    """The stored form hashes had before site secrets (scrypt$n$r$p$salt$hash)."""
    inner = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=8, p=1, dklen=32)
    return f"scrypt${n}$8$1${salt.hex()}${inner.hex()}"


def _unkeyed_card(site: str, digits: str) -> str:
    return hashlib.sha256(f"kiosk-card-v1\x00{site}\x00{digits}".encode()).hexdigest()


def test_a_keyed_pin_needs_its_secret():
    stored = hash_pin("4821", SECRET)
    assert verify_pin("4821", stored, SECRET)
    assert not verify_pin("4821", stored)  # no secret: nothing verifies
    assert not verify_pin("4821", stored, DEMO_SECRET)
    assert not verify_pin("4821", stored, SECRET[:16])  # not a secret at all


def test_old_forms_verify_and_upgrade_without_the_pin_or_card():
    old = _unkeyed_pin("7305", bytes(16))
    assert verify_pin("7305", old)  # caches not upgraded yet keep working
    keyed = upgrade_pin_hash(old, SECRET)
    assert keyed.startswith("kscrypt$1024$8$1$" + bytes(16).hex() + "$")
    assert verify_pin("7305", keyed, SECRET) and not verify_pin("7306", keyed, SECRET)
    assert not verify_pin("7305", keyed)
    assert upgrade_pin_hash(keyed, SECRET) == keyed  # once only
    assert upgrade_pin_hash("garbage", SECRET) == "garbage"

    old_card = _unkeyed_card("pdx", "0012345678")
    assert upgrade_card_hash(old_card, SECRET) == card_hash("pdx", "0012345678", SECRET)
    new_card = card_hash("pdx", "0012345678", SECRET)
    assert upgrade_card_hash(new_card, SECRET) == new_card
    assert card_lookup_hashes("pdx", "0012 3456 78", SECRET) == [new_card, old_card]
    assert card_lookup_hashes("pdx", "0012345678", None) == [old_card]


def test_every_4_digit_pin_fails_offline_without_the_secret():
    """The attack of issue 9 item 7 — every 4-digit PIN through the derivation a pulled
    hash used to have — finds nothing once the hash is keyed; with the secret, exactly
    the member's PIN matches. (The scrypt cost is lowered for this test only, n=16, so
    the 10,000 tries take about a second; the derivation is the same.)"""
    salt = bytes.fromhex("00112233445566778899aabbccddeeff")
    pulled = upgrade_pin_hash(_unkeyed_pin("0417", salt, n=16), SECRET)
    _, n, r, p, salt_hex, digest = pulled.split("$")
    found = []
    for guess in (f"{i:04d}" for i in range(10_000)):
        inner = hashlib.scrypt(guess.encode(), salt=bytes.fromhex(salt_hex), n=int(n),
                               r=int(r), p=int(p), dklen=32)
        if inner.hex() == digest or verify_pin(guess, pulled):
            found.append(guess)
    assert found == []
    assert [g for g in ("0416", "0417", "0418") if verify_pin(g, pulled, SECRET)] == ["0417"]


def test_secrets_are_32_random_bytes_in_hex():
    first, second = new_secret(), new_secret()
    assert len(first) == 32 and first != second
    assert secret_from_hex(first.hex()) == first
    for bad in (None, "", "00" * 31, "zz" * 32, first.hex().upper(), "00" * 33):
        with pytest.raises(InvalidInput):
            secret_from_hex(bad)
