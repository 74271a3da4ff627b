"""What the go/no-go report's error rates count: only kiosks' authenticated sync answers,
server errors without the retry-later 503, bounded in memory and pruned; and an unhandled
exception is logged with its traceback and answered 500 without breaking the connection."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from central.api import stats as stats_module
from central.api.app import create_app
from central.api.stats import RequestStats, server_error
from central.db import tables as t
from central.db.engine import make_engine, write
from central.db.migrate import upgrade
from central.jobs.prune import prune
from central.settings import Settings


@pytest.fixture
def engine(tmp_path: Path) -> sa.Engine:
    engine = make_engine(f"sqlite:///{tmp_path / 'c.db'}")
    upgrade(engine)
    return engine


def _rows(engine: sa.Engine) -> tuple[int, int, int]:
    with engine.connect() as conn:
        rs = t.request_stats
        errors = conn.execute(sa.select(sa.func.count()).select_from(t.request_errors))
        n, e = conn.execute(sa.select(sa.func.sum(rs.c.requests),
                                      sa.func.sum(rs.c.errors_5xx))).one()
        return int(errors.scalar_one()), int(n or 0), int(e or 0)


ROUTES = st.sampled_from(["push", "pull", "checkin", "other"])


@settings(max_examples=80, deadline=None, database=None)
@given(answers=st.lists(st.tuples(ROUTES, st.integers(100, 599),
                                  st.one_of(st.none(), st.just("device"))), max_size=30))
def test_only_authenticated_sync_server_errors_count(answers: list[tuple[str, int, str | None]],
                                                      tmp_path_factory: pytest.TempPathFactory
                                                      ) -> None:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('s') / 'c.db'}")
    upgrade(engine)
    stats = RequestStats()
    for route, status, device in answers:
        stats.count(route, status, f"/{route}", device_id=device)
    stats.flush(engine)
    counted = [(r, s) for r, s, d in answers if d is not None and r != "other"]
    assert _rows(engine) == (
        sum(1 for r, s in counted if r == "push" and server_error(s)),
        len(counted), sum(1 for _, s in counted if server_error(s)))
    engine.dispose()


def test_anonymous_flood_leaves_the_figures_alone(engine: sa.Engine) -> None:
    stats = RequestStats()
    for status in (500, 502, 504, 413, 401):
        for route in ("push", "pull", "checkin", "other"):
            stats.count(route, status, "/x", device_id=None)
    stats.count("push", 503, "/api/v1/sync/push", device_id="d")
    stats.flush(engine)
    assert _rows(engine) == (0, 1, 0)


def test_pending_errors_are_bounded_while_the_database_is_away(
        engine: sa.Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stats_module, "MAX_PENDING", 5)
    stats = RequestStats()
    for _ in range(12):
        stats.count("push", 500, "/api/v1/sync/push", device_id="d")
    gone = make_engine("sqlite:////nonexistent-dir/for/sure/c.db")
    stats.flush(gone)  # fails: kept for later, still bounded
    stats.flush(engine)
    assert _rows(engine) == (5, 12, 12)


def test_prune_removes_old_counts(engine: sa.Engine) -> None:
    now = datetime.now(UTC)
    old, recent = now - timedelta(days=200), now - timedelta(days=1)
    with write(engine) as conn:
        conn.execute(sa.insert(t.request_errors), [
            {"at": old, "path": "/p", "status": 500}, {"at": recent, "path": "/p", "status": 500}])
        conn.execute(sa.insert(t.request_stats), [
            {"hour": old, "route": "push", "requests": 5, "errors_5xx": 1},
            {"hour": recent, "route": "push", "requests": 7, "errors_5xx": 1}])
    summary = prune(engine, Settings(), now)
    assert summary["request_stats"] == 2
    assert _rows(engine) == (1, 7, 1)


def test_unhandled_error_is_logged_and_answered_without_raising(
        engine: sa.Engine, caplog: pytest.LogCaptureFixture) -> None:
    app = create_app(engine, Settings(jobs_enabled=False))

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("the planted fault")

    # raise_app_exceptions: an exception leaving the app would fail the request here (and
    # make uvicorn drop the kiosk's keep-alive connection)
    async def calls() -> tuple[httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=True)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            return await client.get("/boom"), await client.get("/healthz")

    with caplog.at_level(logging.ERROR, logger="central.api"):
        reply, again = asyncio.run(calls())
    assert reply.status_code == 500
    assert reply.headers["content-type"] == "application/problem+json"
    assert reply.json()["status"] == 500 and again.status_code == 200
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert "RuntimeError: the planted fault" in caplog.text
    assert "NoneType: None" not in logged
