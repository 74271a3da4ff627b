"""Read jobs the screens run on the bridge's pool: service calls plus the plain-Python
work of shaping them for a screen, all off the GUI thread. Each returns a plain record."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from itertools import groupby
from typing import Any

from kiosk.core import checkin, hours, localtime
from kiosk.core import waitlist as wl
from kiosk.core.model import (
    Member,
    Reservation,
    Resource,
    WaitlistEntry,
    WaitlistStatus,
)
from kiosk.core.policy import WeeklyHours
from kiosk.ui.calendar_model import DayModel
from kiosk.ui.fmt import resource_name

Service = Any  # KioskService; typed loosely so tests may drive the UI with a stand-in


#: The home calendar shows at most this many resources at once (a page).
HOME_PAGE_SIZE = 50


def load_day(svc: Service, zone: str, day: date, *, viewer_id: str | None = None,
             kind: str | None = None, cohort: str | None = None,
             resource_ids: Sequence[str] | None = None) -> DayModel:
    """The calendar of ``day`` for the active resources (of ``kind``, or among
    ``resource_ids``), reservations loaded: one store read for all of them."""
    bounds = localtime.day_bounds(zone, day)
    data = svc.reads.calendar_day(bounds, kind=kind, resource_ids=resource_ids, cohort=cohort)
    spans, slot = {}, 60
    for r in data.resources:
        policy = data.policies[r.id].policy
        spans[r.id] = hours.open_spans_on(zone, policy.opening_hours, day)
        slot = min(slot, policy.slot_minutes)
    columns = [replace(r, name=resource_name(r.name)) for r in data.resources]
    model = DayModel(zone, day, columns, slot_minutes=slot, viewer_id=viewer_id,
                     open_spans=spans)
    model.set_reservations(data.reservations)
    return model


@dataclass(frozen=True, slots=True)
class HomePage:
    """One page of the home calendar: whole kinds together while they fit, a kind
    bigger than a page split into pages of its own."""

    resource_ids: tuple[str, ...]
    kinds: tuple[str, ...]


def plan_pages(resources: Sequence[Resource], size: int = HOME_PAGE_SIZE) -> list[HomePage]:
    """Split resources (in display order, grouped by kind) into pages of at most ``size``."""
    pages: list[HomePage] = []
    ids: list[str] = []
    kinds: list[str] = []

    def flush() -> None:
        if ids:
            pages.append(HomePage(tuple(ids), tuple(kinds)))
            ids.clear()
            kinds.clear()

    for kind, group in groupby(resources, key=lambda r: r.kind):
        members = [r.id for r in group]
        if len(ids) + len(members) > size:
            flush()
        while len(members) > size:
            pages.append(HomePage(tuple(members[:size]), (kind,)))
            members = members[size:]
        ids.extend(members)
        kinds.append(kind)
    flush()
    return pages


@dataclass(frozen=True, slots=True)
class HomeData:
    day: DayModel | None  # None when the reservation system is off
    free_now: list[Resource]  # across the whole site, not only the page shown
    page: int = 0
    pages: tuple[HomePage, ...] = ()


def load_home(svc: Service, zone: str, now: datetime, page: int = 0,
              page_size: int = HOME_PAGE_SIZE) -> HomeData:
    """The home calendar's ``page`` (clamped) and what is free right now site-wide."""
    if not svc.access.flag_enabled(None):
        return HomeData(None, [])
    today = localtime.local_date(zone, now)
    site = svc.reads.resources_now(now)
    pages = plan_pages(site.resources, page_size)
    page = max(0, min(page, len(pages) - 1))
    ids = pages[page].resource_ids if pages else ()
    model = load_day(svc, zone, today, resource_ids=ids)
    is_open: dict[WeeklyHours, bool] = {}  # most resources share their hours
    for policy in site.policies.values():
        hours_ = policy.policy.opening_hours
        if hours_ not in is_open:
            is_open[hours_] = any(s.contains(now) for s in hours.open_spans_on(zone, hours_, today))
    free = [replace(r, name=resource_name(r.name)) for r in site.resources
            if r.id not in site.busy and is_open[site.policies[r.id].policy.opening_hours]]
    return HomeData(model, free, page, tuple(pages))


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


#: The member home lists upcoming bookings of the next two weeks, at most this many;
#: "Show more" adds ``UPCOMING_PAGE`` at a time, so every booking can still be reached.
UPCOMING_HORIZON = timedelta(days=14)
UPCOMING_PAGE = 20


@dataclass(slots=True)
class MemberData:
    member: Member
    flag_enabled: bool
    today: list[TodayRow] = field(default_factory=list)
    upcoming: list[tuple[Reservation, str]] = field(default_factory=list)
    offers: list[WaitRow] = field(default_factory=list)
    waiting: list[WaitRow] = field(default_factory=list)
    upcoming_after: datetime | None = None  # upcoming bookings start at or after this
    upcoming_more: int = 0  # how many more upcoming bookings than ``upcoming`` holds


@dataclass(frozen=True, slots=True)
class UpcomingPage:
    rows: list[tuple[Reservation, str]]
    more: int  # how many come after these


def load_member(svc: Service, zone: str, member: Member, now: datetime, *,
                upcoming: int = UPCOMING_PAGE) -> MemberData:
    """Today's bookings, the next ``upcoming`` bookings (within ``UPCOMING_HORIZON``
    unless the member asked to see more than a page) and how many more there are,
    waitlist offers and places: every list bounded in SQL."""
    data = MemberData(member, svc.access.flag_enabled(member.cohort))
    day = localtime.day_bounds(zone, localtime.local_date(zone, now))
    todays = [r for r in svc.reads.member_reservations(member.id, day.start, day.end)
              if r.interval.start >= day.start and (r.active or r.checked_in_at is not None)]
    horizon = day.end + UPCOMING_HORIZON if upcoming <= UPCOMING_PAGE else None
    page = svc.reads.member_upcoming(member.id, day.end, limit=upcoming, until=horizon)
    entries = svc.waitlist.of_member(member.id)
    names = local_names(svc.reads.resource_names(
        sorted({r.resource_id for r in [*todays, *page.items]} | {e.resource_id for e in entries})))
    policies = svc.reads.effective_policies(sorted({r.resource_id for r in todays}), member.cohort)
    for res in todays:
        status = checkin.checkin_status(res, policies[res.resource_id].policy, now)
        data.today.append(TodayRow(res, names.get(res.resource_id, "?"), status))
    data.upcoming = [(r, names.get(r.resource_id, "?")) for r in page.items]
    data.upcoming_after, data.upcoming_more = day.end, page.more
    for entry in entries:
        position = svc.waitlist.position(entry.id)
        row = WaitRow(entry, names.get(entry.resource_id, "?"), position,
                      wl.what_happens_next(entry, position, zone_name=zone))
        if entry.status == WaitlistStatus.OFFERED:
            data.offers.append(row)
        elif entry.status == WaitlistStatus.WAITING:
            data.waiting.append(row)
    return data


def load_more_upcoming(svc: Service, member_id: str, after: datetime, offset: int,
                       limit: int = UPCOMING_PAGE) -> UpcomingPage:
    """The member's next ``limit`` upcoming bookings after the first ``offset``."""
    page = svc.reads.member_upcoming(member_id, after, limit=limit, offset=offset)
    names = local_names(svc.reads.resource_names(sorted({r.resource_id for r in page.items})))
    return UpcomingPage([(r, names.get(r.resource_id, "?")) for r in page.items], page.more)


def local_names(names: dict[str, str]) -> dict[str, str]:
    """Resource names by id, in the current language where the kiosk knows them."""
    return {rid: resource_name(name) for rid, name in names.items()}


def offer_time_left(entry: WaitlistEntry, now: datetime) -> timedelta:
    if entry.offer_expires_at is None:
        return timedelta(0)
    return max(timedelta(0), entry.offer_expires_at - now)
