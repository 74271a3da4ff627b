"""The HTTP routes of sync contract v1: thin wrappers over ``central.domain``."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import sqlalchemy as sa
from fastapi import APIRouter, Query, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST

from central import metrics
from central.api import schemas as s
from central.api.deps import (
    ClockDep,
    EngineDep,
    MaintenanceDep,
    SettingsDep,
    TokenDep,
    authenticated,
)
from central.api.problems import ProblemError
from central.db import tables as t
from central.domain import heartbeat, pull, push, queries
from central.domain.devices import Device

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": s.Problem, "description": desc}
    for code, desc in ((400, "Malformed request"), (401, "Missing, bad or revoked token"),
                       (403, "Another site's data"), (413, "Body too large"),
                       (422, "Body does not match the schema"),
                       (426, "Kiosk schema too old"),
                       (429, "Too many requests from this kiosk (see Retry-After)"),
                       (503, "Maintenance or temporarily unavailable (see Retry-After)"))
}

api = APIRouter(prefix="/api/v1", responses=ERRORS)
ops = APIRouter()


def _own(device: Device, device_id: UUID) -> None:
    if str(device_id) != device.id:
        raise ProblemError(403, "device_id is not the device this token belongs to.")


def _result(r: push.Result) -> s.MutationResult:
    return s.MutationResult.model_validate(
        {"id": r.id, "outcome": r.outcome, "replayed": r.replayed, "code": r.code,
         "message": r.message, "reason": r.reason, "params": r.params})


def _args(m: Any) -> dict[str, Any]:
    """The validated arguments in the wire's JSON form, for the core's codec."""
    return dict(m.args.model_dump(mode="json"))


@api.post("/sync/push", response_model=s.PushResponse)
def sync_push(request: Request, body: s.PushRequest, token: TokenDep,
              clock: ClockDep) -> s.PushResponse:
    """Apply the device's mutations exactly once, in seq order."""
    batch = [push.MutationIn(str(m.id), m.seq, m.name, _args(m)) for m in body.mutations]
    with authenticated(request, token, scope_ids=push.scope_ids(batch)) as (conn, device):
        _own(device, body.device_id)
        try:
            results = push.push(conn, device, batch, clock)
        except push.OtherSiteError as exc:
            raise ProblemError(403, str(exc)) from exc
    return s.PushResponse(results=[_result(r) for r in results], server_time=clock())


@api.get("/sync/pull", response_model=s.PullResponse)
def sync_pull(request: Request, token: TokenDep, clock: ClockDep, *, settings: SettingsDep,
              cursor: Annotated[str | None, Query(max_length=500)] = None,
              limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
              results_since: Annotated[int | None, Query(ge=0, le=2**53)] = None,
              ) -> s.PullResponse:
    """The site's changes after ``cursor`` (none: full sync), in version order."""
    with authenticated(request, token) as (conn, device):
        try:
            page = pull.pull(conn, device, cursor, min(limit, settings.max_pull),
                             results_since)
        except pull.BadCursorError as exc:
            raise ProblemError(400, str(exc)) from exc
        except pull.CursorForeignError as exc:
            raise ProblemError(403, str(exc)) from exc
        except pull.CursorExpiredError as exc:
            raise ProblemError(410, f"{exc}; do a full sync (keep the outbox).") from exc
    return s.PullResponse(
        changes=[s.Change(**c) for c in page.changes], cursor=page.cursor,
        has_more=page.has_more, last_mutation_seq=page.last_mutation_seq,
        mutation_results=[_result(r) for r in page.mutation_results],
        server_time=clock())


@api.post("/checkin", response_model=s.CheckinResponse)
def checkin(request: Request, body: s.CheckinRequest, token: TokenDep, clock: ClockDep,
            settings: SettingsDep) -> s.CheckinResponse:
    """The scheduled check-in: record kiosk health, return flag state and the clock."""
    now = clock()
    with authenticated(request, token) as (conn, device):
        _own(device, body.device_id)
        flags = heartbeat.checkin(conn, device, now, app_version=body.app_version,
                                  outbox_depth=body.outbox_depth,
                                  oldest_pending_at=body.oldest_pending_at,
                                  metrics=body.metrics)
    return s.CheckinResponse(flags={k: s.FlagView(**v) for k, v in flags.items()},
                             server_time=now, poll_after_s=settings.poll_after_s)


@api.get("/device/site-secret", response_model=s.SiteSecret)
def site_secret(request: Request, response: Response, token: TokenDep) -> s.SiteSecret:
    """The secret of the token's site that keys its members' PIN and card hashes (kept
    in the kiosk's keyring at enrollment, never in its cache). Never cached."""
    with authenticated(request, token) as (conn, device):
        secret = queries.site_secret(conn, device.site_id)
    response.headers["Cache-Control"] = "no-store"
    return s.SiteSecret(site_id=device.site_id, secret=secret.hex())


@ops.get("/healthz", response_model=s.Health)
def healthz(clock: ClockDep, switch: MaintenanceDep) -> s.Health:
    """The process is up (``status`` says ``maintenance`` while the switch is on)."""
    on = switch.retry_after() is not None
    return s.Health(status="maintenance" if on else "ok", maintenance=on,
                    server_time=clock())


@ops.get("/readyz", response_model=s.Health, responses={503: {"model": s.Problem}})
def readyz(engine: EngineDep, clock: ClockDep, switch: MaintenanceDep) -> s.Health:
    """The database answers, the schema is in place and maintenance mode is off."""
    wait = switch.retry_after()
    if wait is not None:
        raise ProblemError(503, "The server is in maintenance.", {"Retry-After": str(wait)})
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()
    except sa.exc.SQLAlchemyError as exc:
        raise ProblemError(503, "The database is not ready.", {"Retry-After": "5"}) from exc
    return s.Health(status="ready", server_time=clock())


@ops.get("/metrics", response_class=Response,
         responses={200: {"content": {"text/plain": {}}}})
def prometheus(engine: EngineDep) -> Response:
    """Prometheus exposition of the server's figures (all worker processes together), with
    the mail queue by status (``sending`` that stays above 0 means stuck mail)."""
    e = t.emails
    try:
        with engine.connect() as conn:
            queued = {str(k): int(v) for k, v in conn.execute(
                sa.select(e.c.status, sa.func.count()).where(
                    e.c.status.in_(["pending", "sending", "failed"]))
                .group_by(e.c.status))}
    except sa.exc.SQLAlchemyError:  # the figures still show while the database is away
        queued = None
    return Response(metrics.exposition(queued), media_type=CONTENT_TYPE_LATEST)
