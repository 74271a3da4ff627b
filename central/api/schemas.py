"""Wire schemas of sync contract v1, one per direction (requests in, responses out).

Mutations are a union discriminated by ``name``, so an unknown name, a wrong type or a
time without a zone is refused (422) before anything is written.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

Seq = Annotated[int, Field(ge=1, le=2**53)]
Text = Annotated[str, Field(max_length=200)]


class In(BaseModel):
    """Request bodies: unknown extra fields are ignored (newer kiosks may add fields)."""

    model_config = ConfigDict(extra="ignore")


class Out(BaseModel):
    server_time: datetime


class CreateArgs(In):
    id: UUID
    resource_id: UUID
    member_id: UUID
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    via: Literal["kiosk", "staff", "web"] = "kiosk"


class IdArgs(In):
    id: UUID


class MoveArgs(In):
    id: UUID
    starts_at: AwareDatetime
    ends_at: AwareDatetime


class CheckInArgs(In):
    id: UUID
    at: AwareDatetime


class ClearNoShowArgs(In):
    id: UUID
    staff_id: Text


class JoinArgs(In):
    id: UUID
    resource_id: UUID
    member_id: UUID
    starts_at: AwareDatetime
    ends_at: AwareDatetime


class _Mutation(In):
    id: UUID
    seq: Seq
    at: Annotated[str | None, Field(max_length=64)] = None


class CreateMutation(_Mutation):
    name: Literal["reservation.create"]
    args: CreateArgs


class CancelMutation(_Mutation):
    name: Literal["reservation.cancel"]
    args: IdArgs


class MoveMutation(_Mutation):
    name: Literal["reservation.move"]
    args: MoveArgs


class CheckInMutation(_Mutation):
    name: Literal["reservation.check_in"]
    args: CheckInArgs


class ClearNoShowMutation(_Mutation):
    name: Literal["reservation.clear_no_show"]
    args: ClearNoShowArgs


class JoinMutation(_Mutation):
    name: Literal["waitlist.join"]
    args: JoinArgs


class LeaveMutation(_Mutation):
    name: Literal["waitlist.leave"]
    args: IdArgs


class ClaimArgs(In):
    id: UUID
    reservation_id: UUID | None = None  # the kiosk's id for the booking the claim makes


class ClaimMutation(_Mutation):
    name: Literal["waitlist.claim"]
    args: ClaimArgs


Mutation = Annotated[
    CreateMutation | CancelMutation | MoveMutation | CheckInMutation | ClearNoShowMutation
    | JoinMutation | LeaveMutation | ClaimMutation,
    Field(discriminator="name"),
]


class PushRequest(In):
    device_id: UUID
    mutations: Annotated[list[Mutation], Field(max_length=500)]


class MutationResult(BaseModel):
    id: str
    outcome: Literal["applied", "rejected", "out_of_order"]
    replayed: bool
    code: str | None
    message: str | None


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
