"""Read jobs the screens run on the bridge's pool: service calls plus the plain-Python
work of shaping them for a screen, all off the GUI thread. Each returns a plain record."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from kiosk.core import checkin, hours, localtime
from kiosk.core import waitlist as wl
from kiosk.core.model import Member, Reservation, Resource, WaitlistEntry, WaitlistStatus
from kiosk.ui.calendar_model import DayModel

Service = Any  # KioskService; typed loosely so tests may drive the UI with a stand-in


def load_day(svc: Service, zone: str, day: date, *, viewer_id: str | None = None,
             kind: str | None = None, cohort: str | None = None) -> DayModel:
    """The calendar of ``day`` for every resource (of ``kind``), reservations loaded."""
    resources: list[Resource] = [r for r in svc.resources(kind) if r.active]
    spans, slot = {}, 60
    for r in resources:
        policy = svc.effective_policy(r.id, cohort).policy
        spans[r.id] = hours.open_spans_on(zone, policy.opening_hours, day)
        slot = min(slot, policy.slot_minutes)
    model = DayModel(zone, day, resources, slot_minutes=slot, viewer_id=viewer_id,
                     open_spans=spans)
    model.set_reservations(svc.reservations_between(model.bounds, [r.id for r in resources]))
    return model


@dataclass(frozen=True, slots=True)
class HomeData:
    day: DayModel | None  # None when the reservation system is off
    free_now: list[Resource]


def load_home(svc: Service, zone: str, now: datetime) -> HomeData:
    if not svc.flag_enabled(None):
        return HomeData(None, [])
    model = load_day(svc, zone, localtime.local_date(zone, now))
    return HomeData(model, model.free_now(now))


@dataclass(frozen=True, slots=True)
class TodayRow:
    reservation: Reservation
    resource: str
    status: checkin.CheckInStatus


@dataclass(frozen=True, slots=True)
class WaitRow:
    entry: WaitlistEntry
    resource: str
    position: int | None
    next_step: str


@dataclass(slots=True)
class MemberData:
    member: Member
    flag_enabled: bool
    today: list[TodayRow] = field(default_factory=list)
    upcoming: list[tuple[Reservation, str]] = field(default_factory=list)
    offers: list[WaitRow] = field(default_factory=list)
    waiting: list[WaitRow] = field(default_factory=list)


def load_member(svc: Service, zone: str, member: Member, now: datetime) -> MemberData:
    names = {r.id: r.name for r in svc.resources(None)}
    data = MemberData(member, svc.flag_enabled(member.cohort))
    today = localtime.local_date(zone, now)
    since = localtime.day_bounds(zone, today).start
    for res in svc.member_reservations(member.id, since):
        name = names.get(res.resource_id, "?")
        if localtime.local_date(zone, res.interval.start) == today and (
                res.active or res.checked_in_at is not None):
            policy = svc.effective_policy(res.resource_id, member.cohort).policy
            data.today.append(TodayRow(res, name, checkin.checkin_status(res, policy, now)))
        elif res.active and res.interval.start > now:
            data.upcoming.append((res, name))
    for entry in svc.member_waitlist(member.id):
        position = svc.waitlist_position(entry.id)
        row = WaitRow(entry, names.get(entry.resource_id, "?"), position,
                      wl.what_happens_next(entry, position, zone_name=zone))
        if entry.status == WaitlistStatus.OFFERED:
            data.offers.append(row)
        elif entry.status == WaitlistStatus.WAITING:
            data.waiting.append(row)
    return data


def offer_time_left(entry: WaitlistEntry, now: datetime) -> timedelta:
    if entry.offer_expires_at is None:
        return timedelta(0)
    return max(timedelta(0), entry.offer_expires_at - now)
