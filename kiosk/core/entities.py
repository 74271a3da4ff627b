"""The ``data`` objects of the sync contract's pull changes ↔ core records, in one place:
the server writes them with the ``*_data`` functions, the kiosk reads them back with
``read_*`` (strictly: a field of the wrong type is ``InvalidInput``, so a malformed answer
is refused before it touches the cache)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kiosk.core.errors import InvalidInput
from kiosk.core.model import (
    Interval,
    Member,
    MemberStatus,
    Reservation,
    ReservationStatus,
    Resource,
    ResourceKind,
    Site,
    WaitlistEntry,
    WaitlistStatus,
)
from kiosk.core.mutations import read_id, read_instant

ENTITIES = ("site", "resource_kind", "resource", "member", "reservation", "waitlist_entry",
            "flag")
#: A BCP-47 language tag as the contract carries it: a 2–3 letter language, then
#: optional subtags ("es", "es-MX", "zh-Hant-TW").
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}")
#: Most languages one kind may be named in (a bound on what a pull may carry).
MAX_NAMES = 32


def read_language(value: object, where: str = "language") -> str:
    """A language tag with its language subtag in lower case (``"ES-MX"`` → ``"es-MX"``),
    so a kiosk matches it against its own codes; ``InvalidInput`` if it is not one."""
    if not isinstance(value, str) or not _LANGUAGE.fullmatch(value):
        raise InvalidInput(f"{where} must be a language code such as \"es\" or "
                           f"\"es-MX\", not {value!r:.40}")
    head, dash, tail = value.partition("-")
    return f"{head.lower()}{dash}{tail}"


def read_names(value: object, where: str = "names") -> dict[str, str]:
    """A kind's display names by language: ``{"en": "Table saw", "es": "Sierra de mesa"}``."""
    if not isinstance(value, Mapping) or len(value) > MAX_NAMES:
        raise InvalidInput(f"{where} must be an object of at most {MAX_NAMES} names by "
                           "language")
    names: dict[str, str] = {}
    for tag, name in value.items():
        language = read_language(tag, f"{where} key")
        if not isinstance(name, str) or not name.strip() or len(name) > 200:
            raise InvalidInput(f"{where}.{language} must be a name of 1–200 characters")
        names[language] = name.strip()
    return names


def iso(instant: datetime | None) -> str | None:
    """RFC 3339 in UTC with a ``Z``, as the contract says."""
    if instant is None:
        return None
    return instant.astimezone(UTC).isoformat().replace("+00:00", "Z")


# -- records → data (the server) ---------------------------------------------------------

def site_data(s: Site) -> dict[str, Any]:
    return {"id": s.id, "name": s.name, "timezone": s.timezone, "settings": dict(s.settings)}


def resource_data(r: Resource) -> dict[str, Any]:
    return {"id": r.id, "site_id": r.site_id, "name": r.name, "kind": r.kind,
            "required_badge": r.required_badge, "settings": dict(r.settings),
            "active": r.active}


def resource_kind_data(k: ResourceKind) -> dict[str, Any]:
    return {"id": k.code, "site_id": k.site_id, "names": dict(sorted(k.names.items()))}


def member_data(m: Member, card_hash: str | None, pin_hash: str | None) -> dict[str, Any]:
    """The member's kiosk identity only: no e-mail address, no plain credentials."""
    return {"id": m.id, "site_id": m.site_id, "number": m.number,
            "display_name": m.display_name, "card_hash": card_hash, "pin_hash": pin_hash,
            "cohort": m.cohort, "status": str(m.status), "no_show_count": m.no_show_count,
            "badges": sorted(m.badges), "language": m.language}


def reservation_data(r: Reservation) -> dict[str, Any]:
    return {"id": r.id, "resource_id": r.resource_id, "member_id": r.member_id,
            "starts_at": iso(r.interval.start), "ends_at": iso(r.interval.end),
            "status": str(r.status), "created_at": iso(r.created_at),
            "checked_in_at": iso(r.checked_in_at), "no_show": r.no_show, "via": r.via}


def waitlist_data(w: WaitlistEntry) -> dict[str, Any]:
    return {"id": w.id, "resource_id": w.resource_id, "member_id": w.member_id,
            "starts_at": iso(w.interval.start), "ends_at": iso(w.interval.end),
            "created_at": iso(w.created_at), "status": str(w.status),
            "offered_at": iso(w.offered_at), "offer_expires_at": iso(w.offer_expires_at)}


# -- data → records (the kiosk) ----------------------------------------------------------

class _Fields:
    """Typed reads of one data object; errors name the entity and the field."""

    def __init__(self, entity: str, data: object) -> None:
        if not isinstance(data, Mapping):
            raise InvalidInput(f"{entity}: data must be an object")
        self.entity, self.data = entity, data

    def _where(self, key: str) -> str:
        return f"{self.entity}.{key}"

    def text(self, key: str, *, optional: bool = False, limit: int = 500) -> Any:
        value = self.data.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str) or len(value) > limit:
            raise InvalidInput(f"{self._where(key)} must be text, not {value!r:.60}")
        return value

    def ident(self, key: str) -> str:
        return read_id(self.data.get(key), self._where(key))

    def instant(self, key: str, *, optional: bool = False) -> Any:
        value = self.data.get(key)
        if value is None and optional:
            return None
        return read_instant(value, self._where(key))

    def flag(self, key: str) -> bool:
        value = self.data.get(key)
        if not isinstance(value, bool):
            raise InvalidInput(f"{self._where(key)} must be true or false, not {value!r:.60}")
        return value

    def count(self, key: str) -> int:
        value = self.data.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**31:
            raise InvalidInput(f"{self._where(key)} must be a whole number, not {value!r:.60}")
        return value

    def mapping(self, key: str) -> dict[str, Any]:
        value = self.data.get(key)
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise InvalidInput(f"{self._where(key)} must be an object")
        return dict(value)

    def choice(self, key: str, kind: type[Any]) -> Any:
        value = self.text(key, limit=32)
        try:
            return kind(value)
        except ValueError:
            raise InvalidInput(f"{self._where(key)}: unknown value {value!r}") from None


def read_site(data: object) -> Site:
    f = _Fields("site", data)
    return Site(f.text("id", limit=64), f.text("name", limit=200), f.text("timezone", limit=64),
                f.mapping("settings"))


def read_resource(data: object) -> Resource:
    f = _Fields("resource", data)
    return Resource(f.ident("id"), f.text("site_id", limit=64), f.text("name", limit=200),
                    f.text("kind", limit=64), f.text("required_badge", optional=True,
                                                     limit=64),
                    f.mapping("settings"), f.flag("active"))


def read_resource_kind(data: object) -> ResourceKind:
    f = _Fields("resource_kind", data)
    return ResourceKind(f.text("id", limit=64), f.text("site_id", limit=64),
                        read_names(f.data.get("names"), "resource_kind.names"))


@dataclass(frozen=True, slots=True)
class MemberIdentity:
    """A member as a kiosk holds them: the record and the hashes it verifies against."""

    member: Member
    card_hash: str | None
    pin_hash: str | None


def read_member(data: object) -> MemberIdentity:
    f = _Fields("member", data)
    badges = f.data.get("badges") or []
    if not isinstance(badges, list) or not all(isinstance(b, str) for b in badges):
        raise InvalidInput("member.badges must be a list of text")
    member = Member(f.ident("id"), f.text("site_id", limit=64), f.text("number", limit=32),
                    f.text("display_name", limit=200), f.text("cohort", optional=True,
                                                              limit=64),
                    f.choice("status", MemberStatus), f.count("no_show_count"),
                    frozenset(badges), _language(f))
    return MemberIdentity(member, f.text("card_hash", optional=True, limit=128),
                          f.text("pin_hash", optional=True, limit=256))


def read_reservation(data: object) -> Reservation:
    f = _Fields("reservation", data)
    return Reservation(f.ident("id"), f.ident("resource_id"), f.ident("member_id"),
                       _span(f), f.choice("status", ReservationStatus),
                       f.instant("created_at", optional=True),
                       f.instant("checked_in_at", optional=True), f.flag("no_show"),
                       f.text("via", limit=16))


def read_waitlist_entry(data: object) -> WaitlistEntry:
    f = _Fields("waitlist_entry", data)
    return WaitlistEntry(f.ident("id"), f.ident("resource_id"), f.ident("member_id"),
                         _span(f), f.instant("created_at"), f.choice("status", WaitlistStatus),
                         f.instant("offered_at", optional=True),
                         f.instant("offer_expires_at", optional=True))


def _language(f: _Fields) -> str | None:
    """The member's language; an old server sends none (the key is absent)."""
    value = f.data.get("language")
    return None if value is None else read_language(value, f"{f.entity}.language")


def _span(f: _Fields) -> Interval:
    start, end = f.instant("starts_at"), f.instant("ends_at")
    if end <= start:
        raise InvalidInput(f"{f.entity}: ends_at must be after starts_at")
    return Interval(start, end)
