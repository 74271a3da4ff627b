"""The FastAPI application factory: one composition root for engine, settings, clock and
the job scheduler."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from sqlalchemy.engine import Engine

from central import SCHEMA_VERSION
from central.api import middleware, problems, routes
from central.jobs.runner import start_scheduler
from central.settings import Settings


def utc_now() -> datetime:
    return datetime.now(UTC)


def create_app(engine: Engine, settings: Settings,
               clock: Callable[[], datetime] = utc_now) -> FastAPI:
    """Build the app; when ``settings.jobs_enabled`` the server runs its own jobs."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        scheduler = None
        if settings.jobs_enabled:
            scheduler = start_scheduler(engine, settings, clock)
        yield
        if scheduler is not None:
            scheduler.shutdown(wait=True)

    app = FastAPI(
        title="Community kiosk central server", version=f"{SCHEMA_VERSION}.0",
        description="Sync contract v1 between front-desk kiosks and the central "
                    "reservation server.", lifespan=lifespan,
    )
    app.state.engine, app.state.settings, app.state.clock = engine, settings, clock
    problems.install(app)
    middleware.add(app, engine, settings.max_body_bytes)
    app.include_router(routes.api)
    app.include_router(routes.ops)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document, with error answers declared as ``application/problem+json``."""
    if app.openapi_schema is None:
        doc = get_openapi(title=app.title, version=app.version, description=app.description,
                          routes=app.routes)
        for path in doc["paths"].values():
            for operation in path.values():
                for status, answer in operation.get("responses", {}).items():
                    content = answer.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        content["application/problem+json"] = content.pop("application/json")
        app.openapi_schema = doc
    return app.openapi_schema
