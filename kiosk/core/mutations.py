"""The sync contract's mutations as typed records, and the one codec between them and
the wire's ``name`` + ``args`` JSON. The kiosk's outbox writes with ``encode``; the
server reads with ``decode`` (its request schemas are generated from ``FIELDS``).

Decoding is strict: ids are UUID strings, instants RFC 3339 text with an offset, ``via``
one of its names, text bounded; nothing is coerced (``"1"`` is not a number, ``1`` is not
a time). Unknown extra arguments are ignored, so a newer kiosk may send more.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, fields
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, ClassVar

from kiosk.core.errors import InvalidInput
from kiosk.core.model import Interval, require_utc


class Via(StrEnum):
    """Who makes a booking or a move: a member at the kiosk, staff at the desk (no
    how-far-ahead or per-member limit), or a member on the web (judged as a member)."""

    KIOSK = "kiosk"
    STAFF = "staff"
    WEB = "web"


class Kind(StrEnum):
    """How one argument is written on the wire."""

    ID = "id"  # a UUID string
    OPTIONAL_ID = "optional_id"
    INSTANT = "instant"  # RFC 3339 with an offset; UTC "…Z" when written
    TEXT = "text"  # at most TEXT_MAX characters
    VIA = "via"


TEXT_MAX = 200


@dataclass(frozen=True, slots=True)
class CreateReservation:
    NAME: ClassVar[str] = "reservation.create"
    id: str
    resource_id: str
    member_id: str
    starts_at: datetime
    ends_at: datetime
    via: Via = Via.KIOSK

    @property
    def span(self) -> Interval:
        return Interval(self.starts_at, self.ends_at)


@dataclass(frozen=True, slots=True)
class CancelReservation:
    NAME: ClassVar[str] = "reservation.cancel"
    id: str


@dataclass(frozen=True, slots=True)
class MoveReservation:
    NAME: ClassVar[str] = "reservation.move"
    id: str
    starts_at: datetime
    ends_at: datetime
    via: Via = Via.KIOSK

    @property
    def span(self) -> Interval:
        return Interval(self.starts_at, self.ends_at)


@dataclass(frozen=True, slots=True)
class EndEarly:
    NAME: ClassVar[str] = "reservation.end_early"
    id: str
    at: datetime


@dataclass(frozen=True, slots=True)
class CheckIn:
    NAME: ClassVar[str] = "reservation.check_in"
    id: str
    at: datetime


@dataclass(frozen=True, slots=True)
class ClearNoShow:
    NAME: ClassVar[str] = "reservation.clear_no_show"
    id: str
    staff_id: str


@dataclass(frozen=True, slots=True)
class JoinWaitlist:
    NAME: ClassVar[str] = "waitlist.join"
    id: str
    resource_id: str
    member_id: str
    starts_at: datetime
    ends_at: datetime

    @property
    def span(self) -> Interval:
        return Interval(self.starts_at, self.ends_at)


@dataclass(frozen=True, slots=True)
class LeaveWaitlist:
    NAME: ClassVar[str] = "waitlist.leave"
    id: str


@dataclass(frozen=True, slots=True)
class ClaimOffer:
    """Claim a held offer; ``reservation_id`` is the kiosk's id for the booking it makes
    (an older kiosk sent none: ``claim_reservation_id`` derives one)."""

    NAME: ClassVar[str] = "waitlist.claim"
    id: str
    reservation_id: str | None = None


Mutation = (CreateReservation | CancelReservation | MoveReservation | EndEarly | CheckIn
            | ClearNoShow | JoinWaitlist | LeaveWaitlist | ClaimOffer)
TYPES: dict[str, type[Mutation]] = {t.NAME: t for t in (
    CreateReservation, CancelReservation, MoveReservation, EndEarly, CheckIn, ClearNoShow,
    JoinWaitlist, LeaveWaitlist, ClaimOffer)}
NAMES = tuple(TYPES)

_KINDS = {"id": Kind.ID, "resource_id": Kind.ID, "member_id": Kind.ID,
          "reservation_id": Kind.OPTIONAL_ID, "starts_at": Kind.INSTANT,
          "ends_at": Kind.INSTANT, "at": Kind.INSTANT, "staff_id": Kind.TEXT, "via": Kind.VIA}


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One argument of a mutation: its name, how it is written and whether it may be left
    out (then ``default`` applies)."""

    name: str
    kind: Kind
    required: bool
    default: object = None


def _specs(t: type[Mutation]) -> tuple[FieldSpec, ...]:
    out = []
    for f in fields(t):
        required = f.default is MISSING
        default = None if required else f.default
        out.append(FieldSpec(f.name, _KINDS[f.name], required,
                             str(default) if isinstance(default, Via) else default))
    return tuple(out)


#: The arguments of every mutation, by name: the server's schemas are built from these.
FIELDS: dict[str, tuple[FieldSpec, ...]] = {name: _specs(t) for name, t in TYPES.items()}


def stamp(instant: datetime) -> str:
    """An instant as the wire's RFC 3339 UTC text (``…Z``; fractions only when present)."""
    text = require_utc(instant, "instant").replace(tzinfo=None).isoformat()
    return f"{text}Z"


def encode(m: Mutation) -> tuple[str, dict[str, object]]:
    """``(name, args)`` as the contract writes them."""
    args: dict[str, object] = {}
    for spec in FIELDS[m.NAME]:
        value = getattr(m, spec.name)
        if spec.kind is Kind.INSTANT:
            value = stamp(value)
        elif spec.kind is Kind.VIA:
            value = str(value)
        args[spec.name] = value
    return m.NAME, args


def decode(name: object, args: object) -> Mutation:
    """The typed record of a wire mutation; ``InvalidInput`` saying what is wrong."""
    if not isinstance(name, str) or name not in TYPES:
        raise InvalidInput(f"unknown mutation {name!r}; known: {', '.join(NAMES)}")
    if not isinstance(args, Mapping):
        raise InvalidInput(f"{name}: args must be an object")
    values: dict[str, Any] = {}
    for spec in FIELDS[name]:
        if spec.name not in args or args[spec.name] is None:
            if spec.required:
                raise InvalidInput(f"{name}: {spec.name} is missing")
            continue
        values[spec.name] = _read(name, spec, args[spec.name])
    record = TYPES[name](**values)
    if isinstance(record, CreateReservation | MoveReservation | JoinWaitlist):
        record.span  # noqa: B018 (an end not after the start is refused here)
    return record


def validate(m: Mutation) -> Mutation:
    """``m`` as the wire would carry it, or ``InvalidInput``: what a kiosk queues must be
    something the server can read, or it would block the outbox."""
    return decode(*encode(m))


def _read(name: str, spec: FieldSpec, value: object) -> object:
    where = f"{name}: {spec.name}"
    if spec.kind in (Kind.ID, Kind.OPTIONAL_ID):
        return read_id(value, where)
    if spec.kind is Kind.INSTANT:
        return read_instant(value, where)
    if spec.kind is Kind.VIA:
        if not isinstance(value, str) or value not in Via.__members__.values():
            raise InvalidInput(f"{where} must be one of {', '.join(Via)}, not {value!r}")
        return Via(value)
    if not isinstance(value, str) or not value.strip() or len(value) > TEXT_MAX:
        raise InvalidInput(f"{where} must be text of 1 to {TEXT_MAX} characters")
    return value


def read_id(value: object, where: str = "id") -> str:
    """A UUID given as text, returned in its canonical (lower-case, hyphenated) form."""
    if not isinstance(value, str) or len(value) > 64:
        raise InvalidInput(f"{where} must be a UUID string, not {value!r}")
    try:
        return str(uuid.UUID(value))
    except ValueError as exc:
        raise InvalidInput(f"{where} must be a UUID string, not {value!r}") from exc


def read_instant(value: object, where: str = "instant") -> datetime:
    """An RFC 3339 time with an offset (``Z`` or ``±hh:mm``), as UTC."""
    if not isinstance(value, str) or not 19 <= len(value) <= 40 or "T" not in value.upper():
        raise InvalidInput(f"{where} must be an RFC 3339 time such as "
                           f"2026-12-01T17:30:00Z, not {value!r}")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise InvalidInput(f"{where} is not an RFC 3339 time: {value!r}") from exc
    if parsed.tzinfo is None:
        raise InvalidInput(f"{where} has no offset; give it in UTC (…Z)")
    return require_utc(parsed.astimezone(UTC), where)


def fingerprint(name: str, seq: int, args: Mapping[str, object]) -> str:
    """What makes a mutation the same request: a resent id with another fingerprint is
    not a replay. Computed over the canonical encoding, so spelling does not matter."""
    canonical = json.dumps([name, seq, encode(decode(name, args))[1]], sort_keys=True,
                           separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


CLAIM_NAMESPACE = uuid.UUID("0b4f3c1e-6a57-4c9e-9d2a-7f1e5b8c2d40")


def claim_reservation_id(claim: ClaimOffer) -> str:
    """The id of the booking a claim makes: the kiosk's own, or one derived from the
    waitlist place's id for an older kiosk that sent none."""
    return claim.reservation_id or str(uuid.uuid5(CLAIM_NAMESPACE, claim.id))
