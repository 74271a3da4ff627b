"""Every error as ``application/problem+json`` (RFC 9457), with the contract's statuses."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException

log = logging.getLogger("central.api")

TITLES = {400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found",
          405: "Method not allowed", 410: "Gone", 413: "Content too large",
          422: "Unprocessable content", 426: "Upgrade required", 429: "Too many requests",
          500: "Internal server error", 503: "Service unavailable"}


class ProblemError(Exception):
    """Raise from a route or dependency to answer with a problem document."""

    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.status, self.detail, self.headers = status, detail, headers or {}


def problem(status: int, detail: str | None, headers: dict[str, str] | None = None,
            **extra: Any) -> JSONResponse:
    body = {"type": "about:blank", "title": TITLES.get(status, "Error"), "status": status,
            "detail": detail, "server_time": datetime.now(UTC).isoformat(), **extra}
    return JSONResponse(body, status_code=status, headers=headers,
                        media_type="application/problem+json")


def _validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")}
              for e in exc.errors()]
    if any(e["type"] == "json_invalid" for e in errors):
        return problem(400, "The body is not valid JSON.")
    return problem(422, "The request does not match the schema.", errors=errors)


def _http(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    return problem(exc.status_code, str(exc.detail), dict(exc.headers or {}))


def _problem(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ProblemError)
    return problem(exc.status, exc.detail, exc.headers)


def _unavailable(_: Request, exc: Exception) -> JSONResponse:
    log.warning("database unavailable: %s", type(exc).__name__)
    return problem(503, "The database is busy or unavailable; retry later.",
                   {"Retry-After": "5"})


def _crash(request: Request, exc: Exception) -> JSONResponse:
    # called outside an ``except`` block: name the exception, or the log reads "None"
    log.error("unhandled error on %s", request.url.path, exc_info=exc)
    return problem(500, "The server failed; the request may be retried with the same ids.")


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(ProblemError, _problem)
    app.add_exception_handler(OperationalError, _unavailable)
    app.add_exception_handler(Exception, _crash)
