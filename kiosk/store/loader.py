"""Bulk loading of plain core records into the cache (demo data, benchmarks, first sync).

Sites, resources and members are upserted; reservations, waitlist entries and closures
are inserted in chunks through the driver's ``executemany``, one transaction per chunk,
so a million reservations load in seconds. Nothing here applies a booking rule: the
loader stores what it is given (the data comes from the server or a generator that
already follows the rules). Foreign keys are enforced.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from kiosk.core import credentials
from kiosk.core.flags import FLAG_NAME
from kiosk.core.model import (
    Closure,
    Member,
    Reservation,
    Resource,
    ResourceKind,
    Site,
    WaitlistEntry,
)
from kiosk.core.policy import validate_layer
from kiosk.store.db import Store
from kiosk.store.schema import (
    Base,
    FlagRow,
    MemberRow,
    ResourceKindRow,
    ResourceRow,
    SettingsLayerRow,
    SiteRow,
    StaffCredentialRow,
)

T = TypeVar("T")
CHUNK = 50_000


@dataclass(frozen=True, slots=True)
class SettingsLayers:
    """The layers that have no row of their own: global, per cohort, and the kiosk's."""

    global_layer: Mapping[str, object] = field(default_factory=dict)
    cohorts: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    kiosk: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class MemberCredentials:
    """A member with the hashes of their card and PIN (never the plain values)."""

    member: Member
    card_hash: str | None = None
    pin_hash: str | None = None

    @classmethod
    def hashing(cls, member: Member, card: str | None, pin: str | None, secret: bytes
                ) -> MemberCredentials:
        """Hash plain credentials (as the demo generator has them) with the site secret."""
        return cls(
            member,
            credentials.card_hash(member.site_id, card, secret) if card else None,
            credentials.hash_pin(pin, secret) if pin else None,
        )


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _layer(values: Mapping[str, object], *, cohort: bool = False) -> dict[str, object]:
    """A settings layer checked by ``kiosk.core.policy`` and kept as plain JSON."""
    validate_layer(values, cohort=cohort)
    return dict(values)


def _upsert(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    stmt = insert(model).values(rows)
    keys = [c.name for c in model.__table__.primary_key]
    updates = {k: stmt.excluded[k] for k in rows[0] if k not in keys}
    session.execute(stmt.on_conflict_do_update(index_elements=keys, set_=updates))


def load_site(store: Store, site: Site, settings: SettingsLayers | None = None, *,
              flag_enabled: bool | None = True) -> None:
    """Store the site, its settings layers and (unless None) its flag value."""
    layers = settings or SettingsLayers()
    rows = [{"layer": "global", "scope": "", "values": _layer(layers.global_layer)}]
    rows += [{"layer": "cohort", "scope": name, "values": _layer(v, cohort=True)}
             for name, v in layers.cohorts.items()]
    rows.append({"layer": "kiosk", "scope": "", "values": dict(layers.kiosk)})
    with store.write() as session:
        _upsert(session, SiteRow, [{"id": site.id, "name": site.name,
                                    "timezone": site.timezone, "settings": _layer(site.settings)}])
        _upsert(session, SettingsLayerRow, rows)
        if flag_enabled is not None:
            load_flags(session, [("site", site.id, flag_enabled)])


def load_flags(session: Session, values: Iterable[tuple[str, str, bool]]) -> None:
    """Upsert explicit flag values ``(scope, key, enabled)`` in the caller's session."""
    _upsert(session, FlagRow, [{"name": FLAG_NAME, "scope": scope, "key": key,
                                "enabled": enabled, "updated_at": None}
                               for scope, key, enabled in values])


def load_resources(store: Store, resources: Iterable[Resource]) -> int:
    rows = [{"id": r.id, "site_id": r.site_id, "name": r.name, "kind": r.kind,
             "required_badge": r.required_badge,
             "settings": _layer(r.settings),
             "active": r.active} for r in resources]
    with store.write() as session:
        for chunk in _chunks(rows, 500):
            _upsert(session, ResourceRow, chunk)
    return len(rows)


def load_kinds(store: Store, kinds: Iterable[ResourceKind]) -> int:
    """The site's kinds and their display names by language."""
    rows = [{"id": k.code, "site_id": k.site_id, "names": dict(k.names)} for k in kinds]
    with store.write() as session:
        _upsert(session, ResourceKindRow, rows)
    return len(rows)


def load_members(store: Store, members: Iterable[MemberCredentials]) -> int:
    rows = [{"id": m.member.id, "site_id": m.member.site_id, "number": m.member.number,
             "display_name": m.member.display_name, "card_hash": m.card_hash,
             "pin_hash": m.pin_hash, "cohort": m.member.cohort, "status": str(m.member.status),
             "no_show_count": m.member.no_show_count, "badges": sorted(m.member.badges),
             "language": m.member.language}
            for m in members]
    with store.write() as session:
        for chunk in _chunks(rows, 500):
            _upsert(session, MemberRow, chunk)
    return len(rows)


def _s(value: Any) -> int | None:
    return None if value is None else int(value.timestamp())


_RESERVATION_SQL = (
    "INSERT INTO reservations (id, resource_id, member_id, starts_at, ends_at, status, "
    "created_at, checked_in_at, no_show, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_WAITLIST_SQL = (
    "INSERT INTO reservation_waitlist (id, resource_id, member_id, starts_at, ends_at, "
    "created_at, status, offered_at, offer_expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_CLOSURE_SQL = (
    "INSERT INTO closures (id, site_id, resource_id, starts_at, ends_at, reason) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


def _reservation_tuple(r: Reservation) -> tuple[object, ...]:
    return (r.id, r.resource_id, r.member_id, _s(r.interval.start), _s(r.interval.end),
            str(r.status), _s(r.created_at), _s(r.checked_in_at), int(r.no_show), r.via)


def _insert_many(store: Store, sql: str, rows: Iterable[tuple[object, ...]], chunk: int) -> int:
    count = 0
    for batch in _chunks(rows, chunk):
        with store.write() as session:
            session.connection().exec_driver_sql(sql, batch)
        count += len(batch)
    return count


def load_reservations(store: Store, reservations: Iterable[Reservation],
                      chunk: int = CHUNK) -> int:
    """Insert reservations in transactions of ``chunk`` rows; returns how many."""
    return _insert_many(store, _RESERVATION_SQL, map(_reservation_tuple, reservations), chunk)


def load_waitlist(store: Store, entries: Iterable[WaitlistEntry], chunk: int = CHUNK) -> int:
    rows = ((e.id, e.resource_id, e.member_id, _s(e.interval.start), _s(e.interval.end),
             _s(e.created_at), str(e.status), _s(e.offered_at), _s(e.offer_expires_at))
            for e in entries)
    return _insert_many(store, _WAITLIST_SQL, rows, chunk)


def load_closures(store: Store, closures: Iterable[Closure]) -> int:
    rows = ((c.id, c.site_id, c.resource_id, _s(c.interval.start), _s(c.interval.end),
             c.reason) for c in closures)
    return _insert_many(store, _CLOSURE_SQL, rows, CHUNK)


def load_staff_pin(store: Store, pin: str) -> None:
    """Store the staff PIN's hash."""
    with store.write() as session:
        row = {"id": "staff", "pin_hash": credentials.hash_pin(pin, None), "updated_at": None}
        _upsert(session, StaffCredentialRow, [row])
