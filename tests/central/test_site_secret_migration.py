"""Migration 0004_site_secret on both databases: every site gets its own secret, and the
PIN and card hashes stored the old, unkeyed way are keyed with it — no PIN or card needed,
no member re-enrols — and published again, so kiosks pull the keyed forms."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from central.db import tables as t
from central.db.engine import make_engine
from central.db.migrate import upgrade
from central.domain import queries
from kiosk.core import credentials
from tests.central.conftest import BACKENDS, make_db

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
SITES = ("site-a", "site-b")


def _old_pin(pin: str) -> str:
    """A PIN as the server stored it before site secrets."""
    salt = hashlib.sha256(pin.encode()).digest()[:16]
    inner = hashlib.scrypt(pin.encode(), salt=salt, n=1024, r=8, p=1, dklen=32)
    return f"scrypt$1024$8$1${salt.hex()}${inner.hex()}"


def _old_card(site_id: str, digits: str) -> str:
    return hashlib.sha256(f"kiosk-card-v1\x00{site_id}\x00{digits}".encode()).hexdigest()


def _seed_old_schema(conn: sa.Connection) -> None:
    """Two sites at revision 0003, each with a member (old hashes, published once) and
    one member without credentials."""
    sites = sa.table("sites", *(sa.column(c, t.sites.c[c].type) for c in
                                ("id", "name", "timezone", "settings", "created_at")))
    for n, site_id in enumerate(SITES):
        conn.execute(sa.insert(sites).values(id=site_id, name=site_id, timezone="UTC",
                                             settings={}, created_at=NOW))
        conn.execute(sa.insert(t.site_versions).values(site_id=site_id, version=7,
                                                       pruned_through=0))
        for number, pin, card in ((f"1{n}", "4821", "12345678"), (f"2{n}", None, None)):
            member = {"id": f"{site_id}-m{number}", "site_id": site_id, "number": number,
                      "display_name": "M", "email": None, "cohort": None,
                      "status": "active", "no_show_count": 0, "badges": [],
                      "pin_hash": _old_pin(pin) if pin else None,
                      "card_hash": _old_card(site_id, card) if card else None}
            conn.execute(sa.insert(t.members).values(member))
            data = {k: member[k] for k in ("id", "site_id", "number", "display_name",
                                           "pin_hash", "card_hash")}
            conn.execute(sa.insert(t.changes).values(
                site_id=site_id, entity="member", entity_id=member["id"],
                version=3 + int(number[0]), deleted=False, data=data, changed_at=NOW))


@pytest.mark.parametrize("backend", BACKENDS)
def test_migration_keys_every_sites_hashes_and_republishes_them(
        backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    engine = make_engine(make_db(backend, tmp_path, request))
    upgrade(engine, "0003")
    with engine.begin() as conn:
        _seed_old_schema(conn)
    upgrade(engine)
    with engine.connect() as conn:
        keys = {s: queries.site_secret(conn, s) for s in SITES}
        members = {r.id: r for r in conn.execute(sa.select(t.members))}
        changes = {r.entity_id: r for r in conn.execute(sa.select(t.changes))}
        versions = dict(conn.execute(sa.select(t.site_versions.c.site_id,
                                               t.site_versions.c.version)).all())
    engine.dispose()
    assert len(set(keys.values())) == 2 and all(len(k) == 32 for k in keys.values())
    for n, site_id in enumerate(SITES):
        secret = keys[site_id]
        keyed, bare = members[f"{site_id}-m1{n}"], members[f"{site_id}-m2{n}"]
        assert keyed.pin_hash == credentials.upgrade_pin_hash(_old_pin("4821"), secret)
        assert credentials.verify_pin("4821", keyed.pin_hash, secret)
        assert not credentials.verify_pin("4821", keyed.pin_hash)
        assert keyed.card_hash == credentials.card_hash(site_id, "12345678", secret)
        assert (bare.pin_hash, bare.card_hash) == (None, None)
        # republished above the site's counter: the next pull carries the keyed forms
        published = changes[keyed.id]
        assert published.version == versions[site_id] == 8
        assert (published.data["pin_hash"], published.data["card_hash"]) == (
            keyed.pin_hash, keyed.card_hash)
        assert changes[bare.id].version == 5  # unchanged, not republished
