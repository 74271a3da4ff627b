"""The server's answers, read strictly into typed records: a field missing or of the wrong
type makes the whole answer ``MalformedAnswer``, so nothing of it reaches the cache."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kiosk.core import credentials, entities
from kiosk.core.errors import InvalidInput
from kiosk.core.mutations import read_instant
from kiosk.store.sync_apply import PulledChange, PushOutcome
from kiosk.sync.errors import MalformedAnswer

OUTCOMES = ("applied", "rejected", "out_of_order")
_READERS = {"site": entities.read_site, "resource_kind": entities.read_resource_kind,
            "resource": entities.read_resource,
            "member": entities.read_member, "reservation": entities.read_reservation,
            "waitlist_entry": entities.read_waitlist_entry}


@dataclass(frozen=True, slots=True)
class PullPage:
    changes: list[PulledChange]
    cursor: str
    has_more: bool
    last_mutation_seq: int
    results: list[PushOutcome]
    server_time: datetime


@dataclass(frozen=True, slots=True)
class CheckinReply:
    flags: dict[str, Any]
    server_time: datetime
    poll_after_s: int = 30
    extra: dict[str, Any] = field(default_factory=dict)


def _obj(value: object, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise MalformedAnswer(f"{where} is not a JSON object")
    return value


def _list(body: Mapping[str, Any], key: str, where: str, limit: int) -> list[Any]:
    value = body.get(key)
    if not isinstance(value, list):
        raise MalformedAnswer(f"{where}.{key} is not a list")
    if len(value) > limit:
        raise MalformedAnswer(f"{where}.{key} holds {len(value)} items, more than {limit}")
    return value


def _text(body: Mapping[str, Any], key: str, where: str, *, optional: bool = False,
          limit: int = 2000) -> Any:
    value = body.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise MalformedAnswer(f"{where}.{key} is not text")
    return value


def _bool(body: Mapping[str, Any], key: str, where: str) -> bool:
    value = body.get(key)
    if not isinstance(value, bool):
        raise MalformedAnswer(f"{where}.{key} is not true or false")
    return value


def _int(body: Mapping[str, Any], key: str, where: str) -> int:
    value = body.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise MalformedAnswer(f"{where}.{key} is not a whole number")
    return value


def _time(body: Mapping[str, Any], key: str, where: str) -> datetime:
    try:
        return read_instant(body.get(key), f"{where}.{key}")
    except InvalidInput as exc:
        raise MalformedAnswer(str(exc)) from None


def outcome(value: object, where: str = "result") -> PushOutcome:
    body = _obj(value, where)
    kind = _text(body, "outcome", where, limit=32)
    if kind not in OUTCOMES:
        raise MalformedAnswer(f"{where}.outcome {kind!r} is not one of {', '.join(OUTCOMES)}")
    params = body.get("params") or {}
    if not isinstance(params, Mapping):
        raise MalformedAnswer(f"{where}.params is not an object")
    return PushOutcome(_text(body, "id", where, limit=64), kind,
                       _text(body, "code", where, optional=True, limit=64),
                       _text(body, "reason", where, optional=True, limit=64), dict(params),
                       _text(body, "message", where, optional=True))


def push_results(value: object, sent: int) -> list[PushOutcome]:
    body = _obj(value, "push answer")
    return [outcome(r, "push answer result")
            for r in _list(body, "results", "push answer", sent)]


def change(value: object) -> PulledChange:
    body = _obj(value, "change")
    entity = _text(body, "entity", "change", limit=32)
    ident = _text(body, "id", "change", limit=128)
    deleted = _bool(body, "deleted", "change")
    if deleted:
        return PulledChange(entity, ident, True)
    data = body.get("data")
    try:
        if entity == "flag":
            return PulledChange(entity, ident, False, dict(_obj(data, "flag data")))
        reader = _READERS.get(entity)
        return PulledChange(entity, ident, False, reader(data) if reader else data)
    except InvalidInput as exc:
        raise MalformedAnswer(f"change {entity} {ident}: {exc}") from None


def pull_page(value: object, limit: int) -> PullPage:
    body = _obj(value, "pull answer")
    return PullPage(
        [change(c) for c in _list(body, "changes", "pull answer", limit)],
        _text(body, "cursor", "pull answer", limit=500),
        _bool(body, "has_more", "pull answer"),
        _int(body, "last_mutation_seq", "pull answer"),
        [outcome(r, "pull answer result")
         for r in _list(body, "mutation_results", "pull answer", 10_000)],
        _time(body, "server_time", "pull answer"))


def checkin_reply(value: object) -> CheckinReply:
    body = _obj(value, "check-in answer")
    flags = dict(_obj(body.get("flags"), "check-in answer.flags"))
    poll = body.get("poll_after_s", 30)
    if isinstance(poll, bool) or not isinstance(poll, int) or not 1 <= poll <= 3600:
        raise MalformedAnswer("check-in answer.poll_after_s is not a number of seconds")
    return CheckinReply(flags, _time(body, "server_time", "check-in answer"), poll)


def site_secret(value: object) -> bytes:
    """The site secret answer: ``{"site_id": …, "secret": 64 hex digits}``."""
    body = _obj(value, "site secret answer")
    _text(body, "site_id", "site secret answer", limit=36)
    try:
        return credentials.secret_from_hex(_text(body, "secret", "site secret answer", limit=64))
    except InvalidInput as exc:
        raise MalformedAnswer(f"site secret answer.secret: {exc}") from None
