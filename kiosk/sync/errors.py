"""What can go wrong talking to the server, as the sync client tells it apart: whether to
retry (and when), to stop until a person acts, or to start a full sync."""

from __future__ import annotations


class SyncError(Exception):
    """A sync attempt that did not complete; nothing of a failed answer was applied."""

    retry: bool = True

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Offline(SyncError):
    """No answer: the network or the server is down, or the call timed out."""


class ServerBusy(SyncError):
    """429 or 503 (maintenance): try again after ``retry_after`` seconds."""


class ServerFailed(SyncError):
    """A 5xx: the outcome is unknown, so the same ids go again."""


class MalformedAnswer(SyncError):
    """An answer that is not what the contract says (wrong types, missing fields, not
    JSON): refused whole; the cache is untouched."""


class CursorGone(SyncError):
    """410: the cursor is older than the server's log or ahead of it: full sync."""


class NotEnrolled(SyncError):
    """No server or no token: ``kiosk enroll`` first."""

    retry = False


class TokenRejected(SyncError):
    """401: the token was revoked or is wrong; staff must enroll again."""

    retry = False


class TooOld(SyncError):
    """426: this kiosk's version is too old for the server; keep working offline."""

    retry = False


class Refused(SyncError):
    """Another 4xx: the request itself is wrong (a bug of ours): logged with context."""

    retry = False


class NotFound(Refused):
    """404: the server does not offer this (an older server)."""
