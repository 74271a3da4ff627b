"""ASGI middleware: the 1 MiB body limit (413), request timing and error accounting.

The body is read in full (it is at most the limit) before the app sees it, so an oversized
request is answered 413 whether or not it declared its length, and nothing is written.
Every answer is counted for the go/no-go report (``central.api.stats``).
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central import metrics
from central.api.stats import RequestStats

ROUTES = {"/api/v1/sync/push": "push", "/api/v1/sync/pull": "pull",
          "/api/v1/checkin": "checkin"}


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps({"type": "about:blank", "title": "Content too large", "status": 413,
                       "detail": f"The body is larger than {limit} bytes.",
                       "server_time": datetime.now(UTC).isoformat()}).encode()
    await send({"type": "http.response.start", "status": 413, "headers": [
        (b"content-type", b"application/problem+json"),
        (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuse bodies larger than ``limit`` bytes with 413."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _too_large(send, self.limit)
            return
        chunks: list[bytes] = []
        size, more = 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await _too_large(send, self.limit)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body, done = b"".join(chunks), False

        async def replay() -> Message:
            nonlocal done
            if done:
                return await receive()
            done = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


class Accounting:
    """Time each request by route and count its answer (errors by status in the metrics;
    every answer, 5xx apart, in ``stats`` for the report)."""

    def __init__(self, app: ASGIApp, stats: RequestStats) -> None:
        self.app, self.stats = app, stats

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status = time.perf_counter(), 500

        async def watch(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, watch)
        finally:
            route = ROUTES.get(scope["path"], "other")
            metrics.REQUEST_LATENCY.labels(route).observe(time.perf_counter() - started)
            if status >= 400:
                metrics.REQUEST_ERRORS.labels(str(status)).inc()
            self.stats.count(route, status, scope["path"])


def add(app: Any, stats: RequestStats, limit: int) -> None:
    app.add_middleware(BodyLimit, limit=limit)
    app.add_middleware(Accounting, stats=stats)
