"""Request dependencies as ``Annotated`` aliases: engine, settings, clock, schema version,
maintenance mode, the bearer token; and ``authenticated``, which opens the request's one
database connection and finds the device."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from central import SCHEMA_VERSION, maintenance
from central.api.limits import RateLimiter
from central.api.problems import ProblemError
from central.db.engine import autocommit
from central.domain import devices
from central.settings import Settings

_VERSION = re.compile(r"[0-9]{1,9}")
_bearer = HTTPBearer(auto_error=False, description="The kiosk's device token")


def get_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_clock(request: Request) -> Callable[[], datetime]:
    clock: Callable[[], datetime] = request.app.state.clock
    return clock


EngineDep = Annotated[Engine, Depends(get_engine)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
ClockDep = Annotated[Callable[[], datetime], Depends(get_clock)]


def schema_version(
    settings: SettingsDep,
    x_schema_version: Annotated[str | None, Header(
        description=f"The kiosk's sync schema version (this server speaks {SCHEMA_VERSION})",
        max_length=10)] = None,
) -> int:
    """Refuse a missing or malformed version (400) and one too old for us (426). Only ASCII
    digits count (``str.isdigit`` also says yes to digits ``int`` cannot read)."""
    if x_schema_version is None or not _VERSION.fullmatch(x_schema_version.strip()):
        raise ProblemError(400, "X-Schema-Version must be given as a whole number.")
    version = int(x_schema_version)
    if version < settings.min_schema_version:
        raise ProblemError(426, f"This kiosk speaks sync schema {version}; the server needs "
                                f"{settings.min_schema_version} or newer. Update the kiosk; "
                                "it keeps its outbox and works offline meanwhile.",
                           {"Upgrade": f"kiosk-sync/{settings.min_schema_version}"})
    return version


def get_maintenance(request: Request) -> maintenance.Switch:
    switch: maintenance.Switch = request.app.state.maintenance
    return switch


MaintenanceDep = Annotated[maintenance.Switch, Depends(get_maintenance)]


def not_in_maintenance(switch: MaintenanceDep) -> None:
    """503 with ``Retry-After`` while the operator's maintenance switch is on."""
    retry_after = switch.retry_after()
    if retry_after is not None:
        raise ProblemError(503, "The server is in maintenance; the kiosk keeps its outbox "
                                "and retries later.", {"Retry-After": str(retry_after)})


def bearer_token(
    _version: Annotated[int, Depends(schema_version)],
    _open: Annotated[None, Depends(not_in_maintenance)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    """The bearer token as given (checked against the database by ``authenticated``)."""
    if credentials is None or len(credentials.credentials) > 200:
        raise _denied()
    return credentials.credentials


def _denied() -> ProblemError:
    return ProblemError(401, "A valid device token is required.",
                        {"WWW-Authenticate": "Bearer"})


TokenDep = Annotated[str, Depends(bearer_token)]


def _connect_and_authenticate(engine: Engine, token: str, scope_ids: Sequence[str]
                              ) -> tuple[Connection, devices.Device | None]:
    """A pooled connection and the token's device. The server's pool does not ping a
    connection before handing it out (a round trip per request): a connection that died
    meanwhile (a database restart) fails this first, read-only statement, which
    invalidates the pool, and the statement is tried once more on a new connection."""
    for attempt in (1, 2):
        conn = engine.connect()
        try:
            return conn, devices.authenticate(autocommit(conn), token, scope_ids=scope_ids)
        except DBAPIError as exc:
            conn.close()
            if attempt == 2 or not exc.connection_invalidated:
                raise
    raise AssertionError("unreachable")


@contextmanager
def authenticated(request: Request, token: str, *, scope_ids: Sequence[str] = ()
                  ) -> Iterator[tuple[Connection, devices.Device]]:
    """One pooled connection for the whole request and the device its token belongs to
    (401 for an unknown, bad or revoked token; 429 past the device's rate limit).
    ``scope_ids``: ids the request names, checked against the device's site in the same
    query (``Device.foreign_ids``)."""
    engine: Engine = request.app.state.engine
    limiter: RateLimiter = request.app.state.limiter
    conn, device = _connect_and_authenticate(engine, token, scope_ids)
    with conn:
        if device is None:
            raise _denied()
        request.state.device_id = device.id  # the answer counts for the report
        wait = limiter.take(device.id)
        if wait is not None:
            raise ProblemError(429, "Too many requests from this kiosk; retry later.",
                               {"Retry-After": str(wait)})
        yield conn, device


def now(clock: Callable[[], datetime]) -> datetime:
    return clock().astimezone(UTC)
