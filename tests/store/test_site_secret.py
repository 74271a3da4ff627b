"""The site secret on the kiosk side: which secret PINs and cards are checked with, that
what the keyring said is remembered (an encrypted file keyring costs an Argon2 derivation
per read), and keying a cache's unkeyed hashes in place."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from kiosk.core import credentials
from kiosk.core.model import Member
from kiosk.store.db import Store
from kiosk.store.schema import MemberRow
from kiosk.store.service import KioskService
from kiosk.store.site_secret import (
    forget_site_secret,
    load_site_secret,
    store_site_secret,
    upgrade_cached_hashes,
    verifying_secret,
)
from tests.helpers.memory_keyring import MemoryKeyring
from tests.store.factory import ALICE, BOB, CARDS, PINS, SITE

SECRET = bytes(range(32))


def test_the_secret_checked_with_and_the_keyring_read_once(
        tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch) -> None:
    cache = tmp_path / "kiosk.sqlite3"
    reads: list[str] = []
    real_get = memory_keyring.get_password

    def counting_get(service: str, username: str) -> str | None:
        reads.append(username)
        return real_get(service, username)

    monkeypatch.setattr(memory_keyring, "get_password", counting_get)
    assert verifying_secret(cache) == credentials.DEMO_SECRET  # no secret: the demo's
    assert verifying_secret(cache) == credentials.DEMO_SECRET
    assert len(reads) == 1
    store_site_secret(cache, SECRET)
    assert [verifying_secret(cache), load_site_secret(cache)] == [SECRET, SECRET]
    assert len(reads) == 1  # remembered, not read again
    assert SECRET.hex() in memory_keyring._secrets.values()
    assert forget_site_secret(cache)
    assert verifying_secret(cache) == credentials.DEMO_SECRET
    assert SECRET.hex() not in memory_keyring._secrets.values()


def test_a_cache_is_keyed_in_place_and_still_signs_in(store: Store, svc: KioskService) -> None:
    with store.write() as session:  # Alice as an old cache had her: unkeyed
        alice = session.scalars(sa.select(MemberRow).where(MemberRow.number == ALICE.number)
                                ).one()
        alice.pin_hash = credentials.hash_pin(PINS[ALICE.number], None)
        alice.card_hash = credentials.card_lookup_hashes(SITE.id, CARDS[ALICE.number], None)[-1]
        old_pin = alice.pin_hash
    assert isinstance(svc.access.verify_pin(ALICE.number, PINS[ALICE.number]), Member)
    assert svc.reads.member_by_card(CARDS[ALICE.number]) is not None

    with store.write() as session:
        assert upgrade_cached_hashes(session, credentials.DEMO_SECRET) == 1  # only Alice
    with store.write() as session:
        assert upgrade_cached_hashes(session, credentials.DEMO_SECRET) == 0  # once only
    with store.read() as session:
        rows = {r.number: r for r in session.scalars(sa.select(MemberRow))}
    assert rows[ALICE.number].pin_hash == credentials.upgrade_pin_hash(
        old_pin, credentials.DEMO_SECRET)
    assert rows[ALICE.number].card_hash == credentials.card_hash(
        SITE.id, CARDS[ALICE.number], credentials.DEMO_SECRET)
    assert all(credentials.is_keyed(r.pin_hash) and credentials.is_keyed(r.card_hash)
               for r in rows.values())
    for member in (ALICE, BOB):
        assert isinstance(svc.access.verify_pin(member.number, PINS[member.number]), Member)
        assert svc.reads.member_by_card(CARDS[member.number]) is not None
