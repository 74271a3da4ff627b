"""The HTTP side of sync: one ``httpx`` client per server, every call with a timeout, TLS
verified, answers read by ``kiosk.sync.wire``; failures become ``kiosk.sync.errors``."""

from __future__ import annotations

import email.utils
import json
import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import httpx

from kiosk import __version__
from kiosk.store.sync_apply import PushOutcome
from kiosk.sync import wire
from kiosk.sync.errors import (
    CursorGone,
    MalformedAnswer,
    NotFound,
    Offline,
    Refused,
    ServerBusy,
    ServerFailed,
    SyncError,
    TokenRejected,
    TooOld,
)

log = logging.getLogger(__name__)
SCHEMA_VERSION = "1"
#: Larger answers are refused unread (a page of 5,000 changes is about 3 MB).
MAX_ANSWER_BYTES = 32 * 2**20


def device_of(token: str) -> str:
    """The device id a token was issued for (the part before the dot)."""
    device, dot, secret = token.partition(".")
    if not dot or not device or not secret:
        raise ValueError("that is not a device token (expected <device id>.<secret>)")
    return device


class SyncClient:
    """Talks to one server for one device. ``transport`` is for tests' proxies only."""

    def __init__(self, base_url: str, token: str, *, timeout: float = 15.0,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.device_id = device_of(token)
        self._http = httpx.Client(
            base_url=f"{self.base_url}/api/v1", timeout=httpx.Timeout(timeout),
            verify=True, transport=transport, follow_redirects=False,
            headers={"Authorization": f"Bearer {token}", "X-Schema-Version": SCHEMA_VERSION,
                     "User-Agent": f"community-kiosk/{__version__}",
                     "Accept-Encoding": "gzip"})

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- calls ------------------------------------------------------------------------
    def push(self, mutations: Sequence[dict[str, Any]]) -> list[PushOutcome]:
        body = self._call("POST", "/sync/push", json={"device_id": self.device_id,
                                                       "mutations": list(mutations)})
        return wire.push_results(body, len(mutations))

    def pull(self, cursor: str | None, limit: int,
             results_since: int | None = None) -> wire.PullPage:
        """One page; ``results_since``: only the outcomes of this device's mutations with
        a higher seq (None: the server's most recent ones)."""
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        if results_since is not None:
            params["results_since"] = results_since
        return wire.pull_page(self._call("GET", "/sync/pull", params=params), limit)

    def checkin(self, cursor: str | None, outbox_depth: int,
                oldest_pending_at: datetime | None) -> wire.CheckinReply:
        oldest = oldest_pending_at.astimezone(UTC).isoformat() if oldest_pending_at else None
        body = self._call("POST", "/checkin", json={
            "device_id": self.device_id, "app_version": __version__, "cursor": cursor,
            "outbox_depth": outbox_depth, "oldest_pending_at": oldest, "metrics": {}})
        return wire.checkin_reply(body)

    def site_secret(self) -> bytes:
        """The secret that keys the site's PIN and card hashes (``NotFound`` from a
        server older than it)."""
        return wire.site_secret(self._call("GET", "/device/site-secret"))

    # -- transport ----------------------------------------------------------------------
    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            with self._http.stream(method, path, **kwargs) as answer:
                raw = _read_capped(answer)
        except httpx.TimeoutException as exc:
            raise Offline(f"{self.base_url} did not answer in time ({exc.__class__.__name__})"
                          ) from None
        except httpx.TransportError as exc:
            raise Offline(f"cannot reach {self.base_url}: {exc}") from None
        _check_status(answer, raw, f"{method} {path}")
        try:
            return json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            kind = answer.headers.get("content-type", "?")
            raise MalformedAnswer(f"{method} {path}: the answer is not JSON ({kind})") from None


def _read_capped(answer: httpx.Response) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in answer.iter_bytes():
        size += len(chunk)
        if size > MAX_ANSWER_BYTES:
            raise MalformedAnswer(f"the answer is larger than {MAX_ANSWER_BYTES} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _retry_after(answer: httpx.Response) -> float | None:
    value = answer.headers.get("retry-after")
    if not value:
        return None
    if value.strip().isdecimal() and value.strip().isascii():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _detail(raw: bytes) -> str:
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return raw[:200].decode("utf-8", "replace")
    if isinstance(body, dict):
        return str(body.get("detail") or body.get("title") or "")[:300]
    return ""


def _check_status(answer: httpx.Response, raw: bytes, what: str) -> None:
    status = answer.status_code
    if status == 200:
        return
    detail = _detail(raw)
    text = f"{what}: {status} {detail}".strip()
    error: SyncError
    if status in (429, 503):
        error = ServerBusy(text, retry_after=_retry_after(answer))
    elif status >= 500:
        error = ServerFailed(text)
    elif status == 401:
        error = TokenRejected(f"the server refused this kiosk's token ({detail}); "
                              "enroll again with a new token")
    elif status == 410:
        error = CursorGone(text)
    elif status == 404:
        error = NotFound(text)
    elif status == 426:
        error = TooOld(f"the server needs a newer kiosk: {detail}")
    else:
        error = Refused(text)
    raise error
