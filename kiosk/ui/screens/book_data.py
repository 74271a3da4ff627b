"""The book screen's read job: kinds, the day's calendar for one kind, the duration rules,
and why some resources are unavailable to this member."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kiosk.core.model import Member, MemberStatus
from kiosk.ui.calendar_model import DayModel
from kiosk.ui.fmt import kind_label
from kiosk.ui.i18n import translate
from kiosk.ui.loaders import Service, load_day
from kiosk.ui.words import badge_label

__all__ = ["BookData", "kind_label", "load_book", "staff_paused_text"]


@dataclass(slots=True)
class BookData:
    kinds: list[str]
    kind: str
    day: DayModel
    slot_minutes: int = 30
    min_minutes: int = 30
    max_minutes: int = 240
    flag_enabled: bool = True
    suspended: bool = False
    unavailable: dict[str, str] = field(default_factory=dict)  # resource name → why
    max_days_ahead: int | None = None  # members book this far ahead at most (staff: None)


def staff_paused_text() -> str:
    """What staff read while the flag is off (members read a calmer, shorter line)."""
    return translate(
        "Book", "Booking is switched off for now (the reservation system is paused), so "
        "new bookings and moves are not possible. Existing bookings are kept: you can "
        "still cancel them, check members in and clear no-shows.")


def load_book(svc: Service, zone: str, day: date, kind: str | None, member: Member,
              *, staff: bool = False) -> BookData:
    kinds = list(svc.reads.resource_kinds())
    chosen: str = kind if kind is not None and kind in kinds else (kinds[0] if kinds else "")
    model = load_day(svc, zone, day, viewer_id=member.id, kind=chosen or None,
                     cohort=member.cohort)
    data = BookData(kinds, chosen, model, flag_enabled=svc.access.flag_enabled(member.cohort),
                    suspended=member.status == MemberStatus.SUSPENDED and not staff)
    if model.columns:
        policy = svc.reads.effective_policy(model.columns[0].id, member.cohort).policy
        data.slot_minutes, data.min_minutes = policy.slot_minutes, policy.min_minutes
        data.max_minutes = policy.max_minutes
        data.max_days_ahead = None if staff else policy.max_days_ahead
    for r in model.columns:
        if r.required_badge and r.required_badge not in member.badges:
            data.unavailable[r.name] = translate(
                "Book", "needs the {0} badge: ask staff about training").format(
                    badge_label(r.required_badge))
    return data
