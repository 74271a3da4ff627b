"""Wire schemas of sync contract v1, one per direction (requests in, responses out).

Mutations are a union discriminated by ``name``, so an unknown name, a wrong type or a
time without a zone is refused (422) before anything is written. Their argument models
are generated from the core's mutation vocabulary (``kiosk.core.mutations``).

Types on the wire are strict: a number is a JSON number (not ``"1"``), text is a JSON
string (not ``true``), a time is an RFC 3339 string with a zone inside the core's year
range (not a Unix timestamp). Nothing a database cannot store gets past the schema: no NUL
character in any string and no NaN or infinity in any number (``json.loads`` accepts
them; PostgreSQL refuses them).
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union
from uuid import UUID

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    create_model,
    field_validator,
    model_validator,
)

from kiosk.core.entities import ENTITIES
from kiosk.core.model import require_utc
from kiosk.core.mutations import FIELDS, NAMES, FieldSpec, Kind, Via
from kiosk.core.mutations import TYPES as MUTATION_TYPES

#: How deep a free-form JSON value (``metrics``) may nest.
MAX_DEPTH = 8


def _rfc3339_text(value: object) -> object:
    """A time arrives as text: a number (a Unix timestamp) is not a time on this wire."""
    if not isinstance(value, str | datetime):
        raise ValueError("a time must be an RFC 3339 string such as 2026-03-08T10:00:00Z")
    return value


def _json_number(value: object) -> object:
    """A number arrives as a JSON number: not text, not ``true`` (``1.0`` is the integer 1,
    as JSON Schema says; ``1.5`` is not an integer)."""
    if isinstance(value, str | bool):
        raise ValueError("a number must be a JSON number, not text or true/false")
    return value


#: Years the core accepts (``kiosk.core.model.require_utc``), as a pattern for the schema.
YEARS = r"^(19[7-9][0-9]|20[0-9][0-9]|21[0-9][0-9]|2200)-"
Seq = Annotated[int, Field(ge=1, le=2**53)]
Text = Annotated[str, Strict(), Field(max_length=200)]
#: An instant on the wire: RFC 3339 text with a zone, in the core's year range, as UTC.
Instant = Annotated[AwareDatetime, BeforeValidator(_rfc3339_text),
                    AfterValidator(lambda v: require_utc(v, "time")),
                    Field(json_schema_extra={"pattern": YEARS})]


def storable(value: object, depth: int = 0) -> None:
    """Refuse (``ValueError``) what a database cannot store: NUL in a string or a key,
    NaN or infinity, nesting deeper than ``MAX_DEPTH``."""
    if depth > MAX_DEPTH:
        raise ValueError(f"values may nest at most {MAX_DEPTH} deep")
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("text must not contain a NUL character")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("numbers must be finite (no NaN or Infinity)")
    elif isinstance(value, dict):
        for key, item in value.items():
            storable(key, depth + 1)
            storable(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            storable(item, depth + 1)


class In(BaseModel):
    """Request bodies: unknown extra fields are ignored (newer kiosks may add fields)."""

    model_config = ConfigDict(extra="ignore")

    @model_validator(mode="before")
    @classmethod
    def _storable(cls, data: Any) -> Any:
        storable(data)
        return data


class Out(BaseModel):
    server_time: datetime


class _Mutation(In):
    id: UUID
    seq: Seq
    at: Annotated[str | None, Strict(), Field(max_length=64)] = None
    name: str
    args: In

    _seq_is_a_number = field_validator("seq", mode="before")(_json_number)


def _arg_type(spec: FieldSpec) -> Any:
    """The wire type of one mutation argument."""
    return {Kind.ID: UUID, Kind.OPTIONAL_ID: UUID | None, Kind.INSTANT: Instant,
            Kind.TEXT: Text, Kind.VIA: Literal[tuple(str(v) for v in Via)]}[spec.kind]


def _camel(name: str) -> str:
    return MUTATION_TYPES[name].__name__


def _args_model(name: str) -> type[In]:
    """The arguments of mutation ``name``, built from the core's one vocabulary
    (``kiosk.core.mutations.FIELDS``) so that the server's schema cannot drift from it."""
    fields: dict[str, Any] = {
        spec.name: (_arg_type(spec), ... if spec.required else spec.default)
        for spec in FIELDS[name]}
    return create_model(f"{_camel(name)}Args", __base__=In, **fields)


def _mutation_model(name: str) -> type[_Mutation]:
    named: Any = Literal[name]
    return create_model(f"{_camel(name)}Mutation", __base__=_Mutation,
                        name=(named, ...), args=(ARGS[name], ...))


#: The argument model of each mutation name, and the mutation models built on them.
ARGS: dict[str, type[In]] = {name: _args_model(name) for name in NAMES}
MUTATIONS: dict[str, type[_Mutation]] = {name: _mutation_model(name) for name in NAMES}
if TYPE_CHECKING:
    Mutation = _Mutation
else:  # one union discriminated by ``name``
    Mutation = Annotated[Union[tuple(MUTATIONS.values())], Field(discriminator="name")]  # noqa: UP007


class PushRequest(In):
    device_id: UUID
    mutations: Annotated[list[Mutation], Field(max_length=500)]


class MutationResult(BaseModel):
    """One mutation's outcome. A rejection carries ``code``, ``reason`` (the refusal's key
    in the shared catalogue) and ``params``, from which a kiosk renders the text in its own
    language; ``message`` is the English text, for logs and mail."""

    id: str
    outcome: Literal["applied", "rejected", "out_of_order"]
    replayed: bool
    code: str | None
    message: str | None
    reason: str | None = None
    params: dict[str, str | int] | None = None


class PushResponse(Out):
    results: list[MutationResult]


if TYPE_CHECKING:
    EntityName = str
else:  # the contract's entity types, from the one codec (``kiosk.core.entities``)
    EntityName = Literal[ENTITIES]


class Change(BaseModel):
    entity: EntityName
    id: str
    version: int
    deleted: bool
    data: dict[str, Any] | None


class PullResponse(Out):
    changes: list[Change]
    cursor: str
    has_more: bool
    last_mutation_seq: int
    mutation_results: list[MutationResult]


class CheckinRequest(In):
    device_id: UUID
    app_version: Annotated[str | None, Strict(), Field(max_length=100)] = None
    cursor: Annotated[str | None, Strict(), Field(max_length=500)] = None
    outbox_depth: Annotated[int | None, Field(ge=0, le=10**9)] = None
    oldest_pending_at: Instant | None = None
    metrics: Annotated[dict[str, Any] | None, Field(max_length=200)] = None

    _depth_is_a_number = field_validator("outbox_depth", mode="before")(_json_number)


class FlagView(BaseModel):
    site: bool
    cohorts: dict[str, bool]


class CheckinResponse(Out):
    flags: dict[str, FlagView]
    poll_after_s: int


class SiteSecret(BaseModel):
    """The secret that keys the device's site's PIN and card hashes: a kiosk keeps it in
    its keyring (never in its cache) and checks PINs and cards with it."""

    site_id: str
    secret: str = Field(description="32 bytes as 64 lowercase hex digits",
                        pattern="^[0-9a-f]{64}$")


class Health(Out):
    status: str
    maintenance: bool = False


class Problem(BaseModel):
    """An RFC 9457 problem document (``application/problem+json``)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    server_time: datetime | None = None
    errors: list[dict[str, Any]] | None = None
