"""The FastAPI application factory: one composition root for engine, settings, clock and
the job scheduler."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from anyio import to_thread
from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi
from sqlalchemy.engine import Engine

from central import SCHEMA_VERSION, maintenance, metrics
from central.api import middleware, problems, routes
from central.api.limits import RateLimiter
from central.api.stats import RequestStats
from central.db.engine import make_engine
from central.jobs.runner import start_scheduler
from central.settings import Settings

#: Answers at least this long are gzip-compressed when the client accepts it (pull pages;
#: a kiosk's ``SyncClient`` sends ``Accept-Encoding: gzip``). Level 6: most of level 9's
#: saving on JSON at a fraction of its CPU.
GZIP_MIN_BYTES = 1024
GZIP_LEVEL = 6


def utc_now() -> datetime:
    return datetime.now(UTC)


def create_app(engine: Engine, settings: Settings,
               clock: Callable[[], datetime] = utc_now) -> FastAPI:
    """Build the app; when ``settings.jobs_enabled`` the server runs its own jobs."""

    stats = RequestStats()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Sync routes run in anyio's thread pool: as many threads as the engine has
        # pooled connections for requests (see ``engine_for``), so none waits for one.
        to_thread.current_default_thread_limiter().total_tokens = settings.threads
        scheduler = None
        if settings.jobs_enabled:
            scheduler = start_scheduler(engine, settings, clock)
        stats.start(engine, settings.stats_flush_s)
        yield
        if scheduler is not None:
            scheduler.shutdown()
        stats.stop(engine)
        metrics.process_exited()

    app = FastAPI(
        title="Community kiosk central server", version=f"{SCHEMA_VERSION}.0",
        description="Sync contract v1 between front-desk kiosks and the central "
                    "reservation server.", lifespan=lifespan,
    )
    app.state.engine, app.state.settings, app.state.clock = engine, settings, clock
    app.state.limiter = RateLimiter(settings.rate_per_s, settings.rate_burst)
    app.state.maintenance = maintenance.Switch(engine, settings.maintenance_file,
                                               settings.maintenance_check_s)
    problems.install(app)
    middleware.add(app, stats, settings.max_body_bytes)
    # Outermost, so that the accounting times the answer the app made, not its
    # compression. Answers below GZIP_MIN_BYTES (an idle pull, a check-in) go as they are:
    # compressing them costs CPU on every call and saves a few dozen bytes.
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MIN_BYTES,
                       compresslevel=GZIP_LEVEL)
    app.include_router(routes.api)
    app.include_router(routes.ops)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def engine_for(settings: Settings) -> Engine:
    """The server's engine: a pool of request threads plus the job and stats threads. No
    ping before each checkout: requests retry their first statement on a dead connection
    (``central.api.deps``)."""
    return make_engine(settings.db_url, pool_size=settings.threads + 4, pre_ping=False)


def app_from_env() -> FastAPI:
    """The app of one ``central serve --workers N`` worker, configured from ``CENTRAL_*``
    (the command sets ``CENTRAL_DB`` for its workers)."""
    settings = Settings.from_env()
    return create_app(engine_for(settings), settings)


PULL = "sync_pull_api_v1_sync_pull_get"
#: OpenAPI links: what a kiosk does after each answer (the next page with the returned
#: cursor; a pull after a push or a check-in). They document the sync loop and let
#: stateful fuzzing (schemathesis) follow it.
LINKS: dict[str, dict[str, dict[str, Any]]] = {
    "/api/v1/sync/pull": {"NextPage": {
        "operationId": PULL, "parameters": {"cursor": "$response.body#/cursor"},
        "description": "The next page, or later changes, after the returned cursor"}},
    "/api/v1/sync/push": {"PullResults": {
        "operationId": PULL, "parameters": {"results_since": 0},
        "description": "A pull repeats the outcomes of the device's mutations"}},
    "/api/v1/checkin": {"PullAfterCheckin": {
        "operationId": PULL, "parameters": {"limit": 1000},
        "description": "After a check-in, the kiosk pulls"}},
}


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document, with error answers declared as ``application/problem+json`` and
    the sync loop's links."""
    if app.openapi_schema is None:
        doc = get_openapi(title=app.title, version=app.version, description=app.description,
                          routes=app.routes)
        for name, path in doc["paths"].items():
            for operation in path.values():
                for status, answer in operation.get("responses", {}).items():
                    content = answer.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        content["application/problem+json"] = content.pop("application/json")
                    if status == "200" and name in LINKS:
                        answer["links"] = LINKS[name]
        app.openapi_schema = doc
    return app.openapi_schema
