"""Request dependencies as ``Annotated`` aliases: engine, settings, clock, schema version,
the authenticated device."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Engine

from central import SCHEMA_VERSION
from central.api.problems import ProblemError
from central.domain import devices
from central.settings import Settings

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
    """Refuse a missing or malformed version (400) and one too old for us (426)."""
    if x_schema_version is None or not x_schema_version.strip().isdigit():
        raise ProblemError(400, "X-Schema-Version must be given as a whole number.")
    version = int(x_schema_version)
    if version < settings.min_schema_version:
        raise ProblemError(426, f"This kiosk speaks sync schema {version}; the server needs "
                                f"{settings.min_schema_version} or newer. Update the kiosk; "
                                "it keeps its outbox and works offline meanwhile.",
                           {"Upgrade": f"kiosk-sync/{settings.min_schema_version}"})
    return version


def current_device(
    engine: EngineDep,
    _version: Annotated[int, Depends(schema_version)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> devices.Device:
    """The device the bearer token belongs to; 401 for none, a bad or a revoked one."""
    denied = ProblemError(401, "A valid device token is required.",
                          {"WWW-Authenticate": "Bearer"})
    if credentials is None or len(credentials.credentials) > 200:
        raise denied
    with engine.connect() as conn:
        device = devices.authenticate(conn, credentials.credentials)
    if device is None:
        raise denied
    return device


DeviceDep = Annotated[devices.Device, Depends(current_device)]


def now(clock: Callable[[], datetime]) -> datetime:
    return clock().astimezone(UTC)
