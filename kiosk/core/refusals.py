"""Why a request was refused: a stable code, the rule behind it and a plain-words message.

Codes are the rejection codes of the sync contract (``shared/docs/sync-protocol.md``) plus
two that only arise while turning local wall-clock input into instants. Messages are
English templates with named parameters so that a UI can translate the template and
format it with the same parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from kiosk.core.model import Interval


class RefusalCode(StrEnum):
    CONFLICT = "conflict"
    OUTSIDE_HOURS = "outside_hours"
    RULE_VIOLATION = "rule_violation"
    MEMBER_SUSPENDED = "member_suspended"
    TRAINING_REQUIRED = "training_required"
    FLAG_DISABLED = "flag_disabled"
    WINDOW_CLOSED = "window_closed"
    NOT_FOUND = "not_found"
    CANCELLED = "cancelled"
    FORBIDDEN = "forbidden"
    INVALID = "invalid"
    # Local-input codes: never sent over sync (the kiosk sends UTC instants).
    NONEXISTENT_TIME = "nonexistent_time"
    AMBIGUOUS_TIME = "ambiguous_time"


@dataclass(frozen=True, slots=True)
class Refusal:
    """A business refusal. ``rule`` names the setting or check that refused (or None).

    ``alternatives`` holds suggested free intervals where that makes sense (a taken slot,
    hours closed); the UI offers them as one-tap choices. ``key`` names the template in
    ``kiosk.core.messages.CATALOGUE`` (sent over sync as ``reason``).
    """

    code: RefusalCode
    template: str
    params: Mapping[str, object] = field(default_factory=dict)
    rule: str | None = None
    alternatives: tuple[Interval, ...] = ()
    key: str = ""

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

    def with_alternatives(self, alternatives: tuple[Interval, ...]) -> Refusal:
        return replace(self, alternatives=alternatives)

    def to_dict(self) -> dict[str, object]:
        return {
            "code": str(self.code),
            "reason": self.key or None,
            "params": dict(self.params),
            "rule": self.rule,
            "message": self.message,
            "alternatives": [
                {"starts_at": a.start.isoformat(), "ends_at": a.end.isoformat()}
                for a in self.alternatives
            ],
        }


class RefusedError(Exception):
    """Raised by I/O layers (store, server) to carry a refusal out of a transaction."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.message)
        self.refusal = refusal
