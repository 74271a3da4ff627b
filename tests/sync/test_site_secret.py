"""The site secret against a real server process: enrollment puts it in the keyring and
nowhere in the cache; PINs and cards sign in with it; a copied cache or the hashes a
token pulls verify nothing without it; unenrolling removes it; a kiosk enrolled before
site secrets gets it on its next sync and keys the hashes it had."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from central.domain import queries
from kiosk.core import credentials
from kiosk.core.model import Member
from kiosk.core.refusals import Refusal
from kiosk.store.db import open_store
from kiosk.store.schema import MemberRow
from kiosk.store.service import KioskService
from kiosk.store.site_secret import forget_site_secret, load_site_secret
from kiosk.sync import wire
from kiosk.sync.enrollment import unenroll
from kiosk.sync.errors import MalformedAnswer
from kiosk.sync.token import load_token
from tests.sync.conftest import Central, Kiosk, sync

PIN, CARD = "2468", "7000000000"  # the small site's: every member's PIN, Ada's card


def server_secret(central: Central) -> bytes:
    with central.engine.connect() as conn:
        return queries.site_secret(conn, central.site.site.id)


def cache_bytes(path: Path) -> bytes:
    """The cache file with its WAL and shared-memory files: everything on disk."""
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def ada(kiosk: Kiosk) -> MemberRow:
    with kiosk.store.read() as session:
        row = session.scalars(sa.select(MemberRow).where(MemberRow.number == "200")).one()
        session.expunge(row)
        return row


def test_enrollment_keeps_the_secret_in_the_keyring_not_the_cache_and_signs_in(
        kiosk: Kiosk, central: Central) -> None:
    secret = server_secret(central)
    assert load_site_secret(kiosk.path) == secret
    on_disk = cache_bytes(kiosk.path)
    for form in (secret, secret.hex().encode(), secret.hex().upper().encode()):
        assert form not in on_disk
    row = ada(kiosk)
    assert row.pin_hash is not None and row.pin_hash.startswith("kscrypt$")
    assert row.card_hash is not None and row.card_hash.startswith("hmac1$")

    # and with it, PINs and cards sign in
    member = kiosk.service.access.verify_pin("200", PIN)
    assert isinstance(member, Member) and member.display_name == "Ada Lovelace"
    assert isinstance(kiosk.service.access.verify_pin("201", "2469"), Refusal)
    by_card = kiosk.service.reads.member_by_card("7000 0000 00")
    assert by_card is not None and by_card.id == member.id
    assert kiosk.service.reads.member_by_card("7000000009") is None


def test_a_copied_cache_or_pulled_hashes_verify_nothing_without_the_secret(
        kiosk: Kiosk, central: Central, tmp_path: Path) -> None:
    kiosk.store.close()
    stolen = tmp_path / "stolen" / "cache.sqlite3"
    stolen.parent.mkdir()
    for part in kiosk.path.parent.glob(kiosk.path.name + "*"):
        shutil.copy(part, stolen.parent / part.name.replace(kiosk.path.name, stolen.name))
    thief = open_store(stolen)
    try:
        svc = KioskService(thief)  # no secret in the keyring for this file
        assert isinstance(svc.access.verify_pin("200", PIN), Refusal)
        assert svc.reads.member_by_card(CARD) is None
    finally:
        thief.close()

    # What a kiosk token pulls: the right PIN itself (the one guess that could match)
    # matches neither through the verifier nor through the old, unkeyed derivation.
    token = load_token(kiosk.path)
    assert token is not None
    page = httpx.get(f"{central.server.url}/api/v1/sync/pull", timeout=10, headers={
        "Authorization": f"Bearer {token}", "X-Schema-Version": "1"}).json()
    pulled = [c["data"] for c in page["changes"] if c["entity"] == "member" and c["data"]]
    assert len(pulled) == len(central.site.members)
    for data in pulled:
        pin_hash = data["pin_hash"]
        assert not credentials.verify_pin(PIN, pin_hash)
        assert not credentials.verify_pin(PIN, pin_hash, credentials.DEMO_SECRET)
        scheme, n, r, p, salt, digest = pin_hash.split("$")
        unkeyed = hashlib.scrypt(PIN.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r),
                                 p=int(p), dklen=32)
        assert scheme == "kscrypt" and unkeyed.hex() != digest
        assert credentials.verify_pin(PIN, pin_hash, server_secret(central))
    assert credentials.card_lookup_hashes(central.site.site.id, CARD, None)[0] not in {
        d["card_hash"] for d in pulled}


def test_unenroll_removes_the_secret(kiosk: Kiosk) -> None:
    assert load_site_secret(kiosk.path) is not None
    unenroll(kiosk.store, kiosk.path)
    assert load_site_secret(kiosk.path) is None and load_token(kiosk.path) is None
    assert isinstance(kiosk.service.access.verify_pin("200", PIN), Refusal)


def test_a_kiosk_enrolled_before_site_secrets_keys_its_cache_on_next_sync(
        kiosk: Kiosk, central: Central) -> None:
    # As a cache of an older kiosk had it: unkeyed hashes, no secret in the keyring.
    old_pin = credentials.hash_pin(PIN, None)
    old_card = credentials.card_lookup_hashes(central.site.site.id, CARD, None)[-1]
    with kiosk.store.write() as session:
        row = session.scalars(sa.select(MemberRow).where(MemberRow.number == "200")).one()
        row.pin_hash, row.card_hash = old_pin, old_card
    forget_site_secret(kiosk.path)
    assert isinstance(kiosk.service.access.verify_pin("200", PIN), Member)  # old forms work
    assert kiosk.service.reads.member_by_card(CARD) is not None

    sync(kiosk)
    secret = server_secret(central)
    assert load_site_secret(kiosk.path) == secret
    row = ada(kiosk)
    assert row.pin_hash == credentials.upgrade_pin_hash(old_pin, secret)
    assert row.card_hash == credentials.card_hash(central.site.site.id, CARD, secret)
    assert isinstance(kiosk.service.access.verify_pin("200", PIN), Member)
    assert kiosk.service.reads.member_by_card(CARD) is not None


@pytest.mark.parametrize("answer", [
    None, [], "00" * 32, {}, {"site_id": "s"}, {"secret": "00" * 32},
    {"site_id": "s", "secret": "00" * 31}, {"site_id": "s", "secret": "AB" * 32},
    {"site_id": "s", "secret": "zz" * 32}, {"site_id": "s", "secret": 7},
    {"site_id": 1, "secret": "00" * 32}, {"site_id": "s", "secret": "00" * 32 + "\n"},
])
def test_a_malformed_secret_answer_is_refused_whole(answer: object) -> None:
    with pytest.raises(MalformedAnswer):
        wire.site_secret(answer)
    assert wire.site_secret({"site_id": "s", "secret": "0a" * 32}) == bytes([10] * 32)
