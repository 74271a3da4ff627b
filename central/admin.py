"""Administrative writes behind the ``central`` command: sites, resource kinds, resources,
members, tokens, flags and the demo site. Each publishes its changes so kiosks pull them."""

from __future__ import annotations

import csv
import uuid
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from central.db import tables as t
from central.domain import flags, mail, queries, records
from central.domain.changes import ChangeSet, publish
from central.domain.saving import publish_member
from kiosk.core import credentials, entities, localtime
from kiosk.core.errors import InvalidInput
from kiosk.core.model import Member, Reservation, Resource, ResourceKind, Site, WaitlistEntry
from kiosk.core.policy import validate_layer


class AdminError(Exception):
    """A command that cannot be carried out (unknown site, bad value…)."""


def find_site(conn: Connection, ref: str) -> Site:
    """A site by id or by name."""
    s = t.sites
    row = conn.execute(sa.select(s).where(sa.or_(s.c.id == ref, s.c.name == ref))
                       ).mappings().first()
    if row is None:
        raise AdminError(f"no site with id or name {ref!r}")
    return records.site(row)


def add_site(conn: Connection, name: str, tz: str, now: datetime, *,
             settings: dict[str, Any] | None = None, site_id: str | None = None) -> Site:
    try:
        localtime.zone(tz)
        validate_layer({k: v for k, v in (settings or {}).items() if k != "cohorts"})
    except InvalidInput as exc:
        raise AdminError(str(exc)) from exc
    taken = conn.execute(sa.select(t.sites.c.id).where(t.sites.c.name == name)).first()
    if taken is not None:
        raise AdminError(f"a site named {name!r} already exists ({taken[0]}); pick another "
                         "name, or use that site")
    site = Site(site_id or str(uuid.uuid4()), name, tz, settings or {})
    conn.execute(sa.insert(t.sites).values(id=site.id, name=name, timezone=tz,
                                           settings=dict(site.settings), created_at=now,
                                           secret=credentials.new_secret().hex()))
    conn.execute(sa.insert(t.site_versions).values(site_id=site.id, version=0,
                                                   pruned_through=0))
    cs = ChangeSet()
    cs.put(site.id, "site", site.id, entities.site_data(site))
    flags.publish_site(conn, cs, site.id)
    publish(conn, cs, now)
    return site


def list_sites(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute(sa.select(t.sites).order_by(t.sites.c.name)).mappings()
    return [entities.site_data(records.site(r)) for r in rows]


#: The longest kind code (what a kiosk reads in a resource's ``kind``).
KIND_CODE_LENGTH = 64


def find_kind(conn: Connection, site_ref: str, code: str) -> ResourceKind | None:
    """The site's kind ``code``, or None when the site has no such kind."""
    return _kind(conn, find_site(conn, site_ref).id, code)


def _kind(conn: Connection, site_id: str, code: str) -> ResourceKind | None:
    k = t.resource_kinds
    row = conn.execute(sa.select(k).where(k.c.site_id == site_id, k.c.code == code)
                       ).mappings().first()
    return records.resource_kind(row) if row else None


def _check_kind_code(code: str) -> None:
    if not code.strip() or code != code.strip() or len(code) > KIND_CODE_LENGTH:
        raise AdminError(f"the kind {code!r} must be 1–{KIND_CODE_LENGTH} characters with "
                         "no space at either end (e.g. table_saw)")


def set_kind(conn: Connection, site_ref: str, code: str, names: dict[str, str],
             now: datetime) -> ResourceKind:
    """Create the site's kind ``code`` or change its names: ``names`` (language → name)
    are merged into those it has; an empty name removes that language's."""
    site = find_site(conn, site_ref)
    _check_kind_code(code)
    old = _kind(conn, site.id, code)
    try:
        given = {entities.read_language(lang, "--name"): name for lang, name in names.items()}
        merged = {**(old.names if old else {}), **given}
        merged = entities.read_names({k: v for k, v in merged.items() if v.strip()}, "--name")
    except InvalidInput as exc:
        raise AdminError(str(exc)) from None
    kind = ResourceKind(code, site.id, merged)
    k = t.resource_kinds
    if old is None:
        conn.execute(sa.insert(k).values(site_id=site.id, code=code, names=merged))
    else:
        conn.execute(sa.update(k).where(k.c.site_id == site.id, k.c.code == code)
                     .values(names=merged))
    cs = ChangeSet()
    cs.put(site.id, "resource_kind", code, entities.resource_kind_data(kind))
    publish(conn, cs, now)
    return kind


def list_kinds(conn: Connection, site_ref: str) -> list[dict[str, Any]]:
    """The site's kinds (as pulls carry them) with how many resources each has."""
    site = find_site(conn, site_ref)
    k, r = t.resource_kinds, t.resources
    counts = dict(conn.execute(
        sa.select(r.c.kind, sa.func.count()).where(r.c.site_id == site.id)
        .group_by(r.c.kind)).tuples().all())
    rows = conn.execute(sa.select(k).where(k.c.site_id == site.id).order_by(k.c.code))
    return [{**entities.resource_kind_data(records.resource_kind(row)),
             "resources": int(counts.get(row["code"], 0))} for row in rows.mappings()]


def add_resource(conn: Connection, site_ref: str, name: str, kind: str, now: datetime, *,
                 badge: str | None = None, settings: dict[str, Any] | None = None,
                 resource_id: str | None = None) -> Resource:
    """Add a resource; a kind the site does not have yet is created without names
    (kiosks label it from their own table, else by its code) until ``set_kind`` names
    it."""
    site = find_site(conn, site_ref)
    _check_kind_code(kind)
    try:
        validate_layer(settings or {})
    except InvalidInput as exc:
        raise AdminError(str(exc)) from exc
    res = Resource(resource_id or str(uuid.uuid4()), site.id, name, kind, badge,
                   settings or {})
    new_kind = _kind(conn, site.id, kind) is None
    cs = ChangeSet()
    if new_kind:
        conn.execute(sa.insert(t.resource_kinds).values(site_id=site.id, code=kind, names={}))
        cs.put(site.id, "resource_kind", kind,
               entities.resource_kind_data(ResourceKind(kind, site.id)))
    conn.execute(sa.insert(t.resources).values(
        id=res.id, site_id=site.id, name=name, kind=kind, required_badge=badge,
        settings=dict(res.settings), active=True))
    cs.put(site.id, "resource", res.id, entities.resource_data(res))
    publish(conn, cs, now)
    return res


def load_kinds(conn: Connection, cs: ChangeSet, kinds: Iterable[ResourceKind]) -> None:
    """Insert kinds with their names (the demo's)."""
    for k in kinds:
        conn.execute(sa.insert(t.resource_kinds).values(site_id=k.site_id, code=k.code,
                                                        names=dict(k.names)))
        cs.put(k.site_id, "resource_kind", k.code, entities.resource_kind_data(k))


#: Optional CSV columns and the member columns they fill: a file without one of them
#: leaves what members already have there (a list of names must not wipe their PINs).
_OPTIONAL_COLUMNS = {"email": "email", "card": "card_hash", "pin": "pin_hash",
                     "cohort": "cohort", "badges": "badges", "language": "language"}


def _upsert_member(conn: Connection, values: dict[str, Any],
                   untouched: frozenset[str] = frozenset()) -> None:
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(t.members).values(values)
    keep = {"id", "site_id", "number", "no_show_count", "status", *untouched}
    stmt = stmt.on_conflict_do_update(
        index_elements=["site_id", "number"],
        set_={k: stmt.excluded[k] for k in values if k not in keep})
    conn.execute(stmt)


#: The longest value each CSV column may hold (the columns' sizes).
_CSV_LENGTHS = {"number": 64, "display_name": 200, "cohort": 100, "badges": 2000,
                "language": 35}


def _csv_rows(path: Path) -> list[dict[str, str | None]]:
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))
    except UnicodeDecodeError as exc:
        raise AdminError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); "
                         "save the file as UTF-8 CSV") from None
    except csv.Error as exc:
        raise AdminError(f"{path}: not a CSV file this command can read ({exc})") from None


def _member_values(site: Site, secret: bytes, path: Path, line: int,
                   row: dict[str, str | None]) -> dict[str, Any]:
    """One CSV row as a member's columns; ``AdminError`` naming the file, line and field."""
    def field(name: str) -> str:
        value = (row.get(name) or "").strip()
        if "\x00" in value:
            raise AdminError(f"{path} line {line}: {name} contains a NUL character")
        if len(value) > _CSV_LENGTHS.get(name, 1000):
            raise AdminError(f"{path} line {line}: {name} is longer than "
                             f"{_CSV_LENGTHS[name]} characters")
        return value

    number, name = field("number"), field("display_name")
    if not number or not name:
        raise AdminError(f"{path} line {line}: number and display_name are required")
    pin, card, email = field("pin"), field("card"), field("email")
    if pin and not credentials.valid_pin(pin):
        raise AdminError(f"{path} line {line}: the PIN must be 4-8 digits")
    try:
        digits = credentials.normalise_card(card) if card else None
    except InvalidInput as exc:
        raise AdminError(f"{path} line {line}: card: {exc}") from None
    try:
        to_addr = mail.address(email) if email else None
    except ValueError as exc:
        raise AdminError(f"{path} line {line}: the e-mail {email!r} {exc}") from None
    return {
        "id": str(uuid.uuid4()), "site_id": site.id, "number": number, "display_name": name,
        "email": to_addr,
        "card_hash": credentials.card_hash(site.id, digits, secret) if digits else None,
        "pin_hash": credentials.hash_pin(pin, secret) if pin else None,
        "cohort": field("cohort") or None, "status": "active", "no_show_count": 0,
        "badges": sorted(b for b in field("badges").split(";") if b.strip()),
        "language": _language(path, line, field("language")),
    }


def _language(path: Path, line: int, value: str) -> str | None:
    try:
        return entities.read_language(value) if value else None
    except InvalidInput as exc:
        raise AdminError(f"{path} line {line}: {exc}") from None


def import_members(conn: Connection, site_ref: str, path: Path, now: datetime) -> int:
    """Load members from CSV (number, display_name, email, card, pin, cohort, badges with
    ``;`` between, and optionally language, e.g. ``es``); existing numbers are updated.
    Credentials are stored only hashed. Every row is checked before anything is written:
    a bad one names its line and field, and nothing is imported."""
    site = find_site(conn, site_ref)
    secret = queries.site_secret(conn, site.id)
    rows = _csv_rows(path)
    untouched = frozenset(column for name, column in _OPTIONAL_COLUMNS.items()
                          if rows and name not in rows[0])
    members = [_member_values(site, secret, path, line, row)
               for line, row in enumerate(rows, start=2)]
    for values in members:
        _upsert_member(conn, values, untouched)
    cs = ChangeSet()
    numbers = [m["number"] for m in members]
    ids = conn.execute(sa.select(t.members.c.id).where(
        t.members.c.site_id == site.id, t.members.c.number.in_(numbers))).scalars()
    for member_id in ids:
        publish_member(conn, cs, member_id)
    publish(conn, cs, now)
    return len(rows)


def set_flag(conn: Connection, on: bool, now: datetime, *, site_ref: str | None = None,
             cohort: str | None = None) -> None:
    site_id = find_site(conn, site_ref).id if site_ref else None
    cs = ChangeSet()
    flags.set_flag(conn, cs, on, now, site_id=site_id, cohort=cohort)
    publish(conn, cs, now)


def load_members(conn: Connection, cs: ChangeSet, members: Iterable[tuple[Member, str, str]],
                 email_domain: str = "example.org") -> None:
    """Insert members given as (member, card digits, PIN)."""
    keys: dict[str, bytes] = {}
    for m, card, pin in members:
        if m.site_id not in keys:
            keys[m.site_id] = queries.site_secret(conn, m.site_id)
        secret = keys[m.site_id]
        conn.execute(sa.insert(t.members).values(
            id=m.id, site_id=m.site_id, number=m.number, display_name=m.display_name,
            email=f"member{m.number}@{email_domain}",
            card_hash=credentials.card_hash(m.site_id, credentials.normalise_card(card), secret),
            pin_hash=credentials.hash_pin(pin, secret), cohort=m.cohort, status=str(m.status),
            no_show_count=m.no_show_count, badges=sorted(m.badges), language=m.language))
        publish_member(conn, cs, m.id)


def load_reservations(conn: Connection, cs: ChangeSet, site: Site,
                      reservations: Iterable[Reservation], now: datetime) -> int:
    buffers: dict[str, int] = {}
    count = 0
    for r in reservations:
        if r.resource_id not in buffers:
            resource = queries.resource(conn, r.resource_id)
            assert resource is not None
            buffers[r.resource_id] = queries.policy(site, resource, None).buffer_minutes
        conn.execute(sa.insert(t.reservations).values(
            **records.reservation_row(r), site_id=site.id, created_at=r.created_at or now,
            updated_at=now, buffer_minutes=buffers[r.resource_id]))
        cs.put(site.id, "reservation", r.id, entities.reservation_data(r))
        count += 1
    return count


def load_waitlist(conn: Connection, cs: ChangeSet, site: Site,
                  entries: Iterable[WaitlistEntry]) -> None:
    for w in entries:
        conn.execute(sa.insert(t.reservation_waitlist).values(
            **records.waitlist_row(w), site_id=site.id))
        cs.put(site.id, "waitlist_entry", w.id, entities.waitlist_data(w))
