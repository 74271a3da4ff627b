"""Wire schemas of sync contract v1, one per direction (requests in, responses out).

Mutations are a union discriminated by ``name``, so an unknown name, a wrong type or a
time without a zone is refused (422) before anything is written. Their argument models
are generated from the core's mutation vocabulary (``kiosk.core.mutations``).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, create_model

from kiosk.core.mutations import FIELDS, NAMES, FieldSpec, Kind, Via
from kiosk.core.mutations import TYPES as MUTATION_TYPES

Seq = Annotated[int, Field(ge=1, le=2**53)]
Text = Annotated[str, Field(max_length=200)]


class In(BaseModel):
    """Request bodies: unknown extra fields are ignored (newer kiosks may add fields)."""

    model_config = ConfigDict(extra="ignore")


class Out(BaseModel):
    server_time: datetime


class _Mutation(In):
    id: UUID
    seq: Seq
    at: Annotated[str | None, Field(max_length=64)] = None
    name: str
    args: In


def _arg_type(spec: FieldSpec) -> Any:
    """The wire type of one mutation argument."""
    return {Kind.ID: UUID, Kind.OPTIONAL_ID: UUID | None, Kind.INSTANT: AwareDatetime,
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


class Change(BaseModel):
    entity: Literal["site", "resource", "member", "reservation", "waitlist_entry", "flag"]
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
    app_version: Annotated[str | None, Field(max_length=100)] = None
    cursor: Annotated[str | None, Field(max_length=500)] = None
    outbox_depth: Annotated[int | None, Field(ge=0, le=10**9)] = None
    oldest_pending_at: AwareDatetime | None = None
    metrics: dict[str, Any] | None = None


class FlagView(BaseModel):
    site: bool
    cohorts: dict[str, bool]


class CheckinResponse(Out):
    flags: dict[str, FlagView]
    poll_after_s: int


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
