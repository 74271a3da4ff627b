"""ASGI middleware: the 1 MiB body limit (413), request timing, error accounting and the
last-resort 500.

The body is read in full (it is at most the limit) before the app sees it, so an oversized
request is answered 413 whether or not it declared its length, and nothing is written.
Every answer is counted for the go/no-go report (``central.api.stats``). An exception no
handler took is logged with its traceback and answered here with a 500 problem document,
so the connection stays open for the kiosk's next request (Starlette's own last resort
re-raises, and the server then drops the keep-alive connection).
"""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central import metrics
from central.api.stats import RequestStats

log = logging.getLogger("central.api")
ROUTES = {"/api/v1/sync/push": "push", "/api/v1/sync/pull": "pull",
          "/api/v1/checkin": "checkin"}


async def _problem(send: Send, status: int, title: str, detail: str, *,
                   close: bool) -> None:
    body = json.dumps({"type": "about:blank", "title": title, "status": status,
                       "detail": detail, "server_time": datetime.now(UTC).isoformat()}).encode()
    headers = [(b"content-type", b"application/problem+json"),
               (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status,
                "headers": headers + ([(b"connection", b"close")] if close else [])})
    await send({"type": "http.response.body", "body": body})


async def _too_large(send: Send, limit: int) -> None:
    # the unread rest of the body is still on the connection: close it
    await _problem(send, 413, "Content too large", f"The body is larger than {limit} bytes.",
                   close=True)


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
    every answer in ``stats`` for the report), and answer an unhandled exception with a
    500 problem document."""

    def __init__(self, app: ASGIApp, stats: RequestStats) -> None:
        self.app, self.stats = app, stats

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status, answered = time.perf_counter(), 500, False

        async def watch(message: Message) -> None:
            nonlocal status, answered
            if message["type"] == "http.response.start":
                status, answered = int(message["status"]), True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            log.error("unhandled error on %s", scope["path"], exc_info=exc)
            if answered:
                raise
            status = 500
            await _problem(send, 500, "Internal server error", "The server failed; the "
                           "request may be retried with the same ids.", close=False)
        finally:
            route = ROUTES.get(scope["path"], "other")
            metrics.REQUEST_LATENCY.labels(route).observe(time.perf_counter() - started)
            if status >= 400:
                metrics.REQUEST_ERRORS.labels(str(status)).inc()
            device = scope.get("state", {}).get("device_id")
            self.stats.count(route, status, scope["path"], device_id=device)


def add(app: Any, stats: RequestStats, limit: int) -> None:
    app.add_middleware(BodyLimit, limit=limit)
    app.add_middleware(Accounting, stats=stats)
