"""The demo obeys its own rules, whenever it is built: on each day of a week (Christmas
included) and on both DST change days of the site's zone, at different times of day.

Each build is loaded into a real SQLite cache. Policies come from the kiosk's store;
bookings are judged by the core's ``judge`` with the state as of the moment they were
made, and "can a member book right now" is asked of the kiosk's own service.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.core import checkin
from kiosk.core.booking import BookingContext, conflicts, judge
from kiosk.core.decisions import Loaded, decide
from kiosk.core.model import (
    Member,
    MemberStatus,
    Reservation,
    ReservationStatus,
    WaitlistEntry,
    WaitlistStatus,
)
from kiosk.core.mutations import ClaimOffer, JoinWaitlist
from kiosk.core.policy import BookingPolicy
from kiosk.core.refusals import Refusal
from kiosk.demo import catalogue
from kiosk.demo.dataset import DemoData, build_demo
from kiosk.demo.load import load_demo
from kiosk.store.db import open_store
from kiosk.store.service import KioskService

ZONE = ZoneInfo(catalogue.SITE_TZ)
S = ReservationStatus


def _dst_change_days(year: int) -> tuple[date, date]:
    """(spring forward, fall back) in the site's zone: the days whose midnight offset
    differs from the next day's."""
    changes = {}
    day = date(year, 1, 1)
    while day.year == year:
        before = datetime.combine(day, time(), ZONE).utcoffset()
        after = datetime.combine(day + timedelta(days=1), time(), ZONE).utcoffset()
        if before is not None and after is not None and before != after:
            changes["spring" if after > before else "fall"] = day
        day += timedelta(days=1)
    return changes["spring"], changes["fall"]


DST_DAYS = _dst_change_days(2026)
#: Local (day, hour, minute) the demo is built at: Monday to Sunday of Christmas week,
#: morning to night, then just after the clocks jump and during the repeated hour.
MOMENTS = [
    (date(2026, 12, 21), 7, 30), (date(2026, 12, 22), 10, 10), (date(2026, 12, 23), 12, 45),
    (date(2026, 12, 24), 15, 20), (date(2026, 12, 25), 18, 55), (date(2026, 12, 26), 21, 40),
    (date(2026, 12, 27), 9, 5), (DST_DAYS[0], 3, 30), (DST_DAYS[1], 1, 30),
]


def test_the_moments_cover_a_week_and_both_dst_days() -> None:
    assert sorted(day.weekday() for day, _, _ in MOMENTS[:7]) == list(range(7))
    assert [d.isoformat() for d in DST_DAYS] == ["2026-03-08", "2026-11-01"]


@dataclasses.dataclass
class Built:
    data: DemoData
    rows: list[Reservation]
    now: datetime
    svc: KioskService
    policy: Callable[[str, str | None], BookingPolicy]


def _local(day: date, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute), ZONE).astimezone(UTC)  # fold 0


def _moment_id(moment: tuple[date, int, int]) -> str:
    day, hour, minute = moment
    return f"{day:%a-%Y-%m-%d}-{hour:02d}{minute:02d}"


@pytest.fixture(scope="module", params=MOMENTS, ids=_moment_id)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[Built]:
    day, hour, minute = request.param
    now = _local(day, hour, minute)
    data = build_demo(day, now)
    rows = list(data.reservations)
    store = open_store(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    load_demo(store, dataclasses.replace(data, reservations=iter(rows)))
    svc = KioskService(store, clock=lambda: now)
    yield Built(data, rows, now, svc, _store_policies(svc))
    store.close()


def _store_policies(svc: KioskService) -> Callable[[str, str | None], BookingPolicy]:
    """The effective policy of a resource for a cohort, as the kiosk's store resolves it."""
    cache: dict[tuple[str, str | None], BookingPolicy] = {}

    def policy(resource_id: str, cohort: str | None) -> BookingPolicy:
        if (resource_id, cohort) not in cache:
            cache[(resource_id, cohort)] = svc.reads.effective_policy(resource_id, cohort).policy
        return cache[(resource_id, cohort)]

    return policy


def _held(r: Reservation) -> Reservation:
    """``r`` as it stood when later bookings were made: holding its slot (it may have been
    cancelled or missed since, which only frees time)."""
    return dataclasses.replace(r, status=S.CONFIRMED)


def _context(b: Built, resource_id: str, member: Member, at: datetime, *,
             busy: list[Reservation], active: int) -> BookingContext:
    """The context the kiosk would judge a booking by at ``at``, given what was busy then
    and how many bookings the member held."""
    resource = next(x for x in b.data.resources if x.id == resource_id)
    return BookingContext(b.data.site, resource, member, b.policy(resource_id, member.cohort),
                          at, busy, b.data.closures, active)


def _members(b: Built) -> dict[str, Member]:
    return {m.member.id: m.member for m in b.data.members}


def test_every_reservation_passes_the_rules_as_of_when_it_was_made(built: Built) -> None:
    _assert_judged_as_made(built)


def _assert_judged_as_made(built: Built) -> None:
    """Re-judged in the order they were made, with every booking made before counted as
    holding its slot and, until its end, toward its member's limit."""
    rows = sorted(built.rows, key=lambda r: r.created_at or datetime.min.replace(tzinfo=UTC))
    made = [r.created_at for r in rows]
    assert all(m is not None for m in made)
    assert len(set(made)) == len(made), "one booking per instant: 'before' is never a tie"
    members = _members(built)
    by_resource: dict[str, list[Reservation]] = defaultdict(list)
    by_member: dict[str, list[Reservation]] = defaultdict(list)
    for r in rows:
        at = r.created_at
        assert at is not None and at <= built.now and at < r.interval.start
        active = sum(1 for x in by_member[r.member_id] if x.interval.end > at)
        ctx = _context(built, r.resource_id, members[r.member_id], at,
                       busy=by_resource[r.resource_id], active=active)
        refusal = judge(ctx, r.interval, staff=r.via == "staff")
        assert refusal is None, (r, refusal.message)
        by_resource[r.resource_id].append(_held(r))
        by_member[r.member_id].append(r)
    assert {r.via for r in rows} >= {"web", "kiosk"}


def test_statuses_follow_the_timeline(built: Built) -> None:
    _assert_statuses_follow_the_timeline(built)


def _assert_statuses_follow_the_timeline(built: Built) -> None:
    now, members = built.now, _members(built)
    no_shows: Counter[str] = Counter()
    for r in built.rows:
        policy = built.policy(r.resource_id, None)
        window = checkin.checkin_window(r.interval, policy)
        if r.status in (S.CHECKED_IN, S.COMPLETED):
            assert r.checked_in_at is not None and window.contains(r.checked_in_at), r
            assert r.checked_in_at <= now and not r.no_show
            assert (r.interval.end <= now) == (r.status is S.COMPLETED), r
        elif r.status is S.NO_SHOW:
            assert r.no_show and r.checked_in_at is None and window.end <= now, r
            no_shows[r.member_id] += 1
        elif r.status is S.CONFIRMED:
            assert r.checked_in_at is None and not r.no_show
            assert checkin.checkin_status(r, policy, now).state != checkin.CheckInState.CLOSED, r
        else:
            assert r.status is S.CANCELLED and r.checked_in_at is None and not r.no_show
    for member_id, count in no_shows.items():
        assert count <= members[member_id].no_show_count
    past = [r.status for r in built.rows if r.interval.end <= now]
    assert {S.COMPLETED, S.NO_SHOW, S.CANCELLED} <= set(past)


def test_members_hold_no_more_than_their_limit(built: Built) -> None:
    _assert_within_limits(built)


def _assert_within_limits(built: Built) -> None:
    upcoming = Counter(r.member_id for r in built.rows if r.active and r.interval.end > built.now)
    any_resource = built.data.resources[0].id
    for m in built.data.members:
        limit = built.policy(any_resource, m.member.cohort).max_active_per_member
        assert upcoming[m.member.id] <= limit, m.member.number


def test_nine_in_ten_active_members_can_book_right_now(built: Built) -> None:
    """Each active member in turn asks the kiosk for the soonest free slot of the shortest
    length, trying kinds of resource in the catalogue's order, and books it as a member."""
    svc, now = built.svc, built.now
    kinds = [k.kind for k in catalogue.KINDS]
    shortest = {kind: built.policy(svc.reads.resources(kind)[0].id, None).min_minutes
                for kind in kinds}
    active = [m.member for m in built.data.members if m.member.status is MemberStatus.ACTIVE]
    booked = 0
    for member in active:
        for kind in kinds:
            found = svc.reads.first_free(kind, timedelta(minutes=shortest[kind]), now,
                                         member_id=member.id, limit=1)
            if found:
                resource, span = found[0]
                outcome = svc.reservations.book(resource.id, member.id, span)
                booked += not isinstance(outcome, Refusal)
                break
    assert booked >= 0.9 * len(active), f"{booked} of {len(active)} active members could book"


def _entries_before(entries: list[WaitlistEntry], at: datetime) -> tuple[WaitlistEntry, ...]:
    return tuple(dataclasses.replace(e, status=WaitlistStatus.WAITING, offered_at=None,
                                     offer_expires_at=None)
                 for e in entries if e.created_at < at)


def test_waitlist_places_were_joined_while_taken_and_the_offer_can_be_claimed(
        built: Built) -> None:
    entries = sorted(built.data.waitlist, key=lambda e: e.created_at)
    assert [e.status for e in entries] == [WaitlistStatus.OFFERED, WaitlistStatus.WAITING,
                                           WaitlistStatus.WAITING]
    members = _members(built)
    for e in entries:
        before = [_held(r) for r in built.rows if r.resource_id == e.resource_id
                  and r.created_at is not None and r.created_at < e.created_at]
        active = sum(1 for r in built.rows if r.member_id == e.member_id
                     and r.created_at is not None and r.created_at < e.created_at
                     and r.interval.end > e.created_at)
        ctx = _context(built, e.resource_id, members[e.member_id], e.created_at, busy=before,
                       active=active)
        join = JoinWaitlist(e.id, e.resource_id, e.member_id, e.interval.start, e.interval.end)
        outcome = decide(join, Loaded(e.created_at, context=ctx,
                                      waitlist=_entries_before(entries, e.created_at)))
        assert not isinstance(outcome, Refusal), outcome.message

    offer = entries[0]
    hold = built.policy(offer.resource_id, None).waitlist_hold_minutes
    assert offer.offered_at == built.now
    assert offer.offer_expires_at == built.now + timedelta(minutes=hold)
    now_busy = [r for r in built.rows if r.resource_id == offer.resource_id and r.active]
    buffer = built.policy(offer.resource_id, None).buffer_minutes
    assert not conflicts(offer.interval, now_busy, buffer), "the offered slot is free"
    assert conflicts(entries[1].interval, now_busy, buffer), "the awaited slot is taken"
    member = members[offer.member_id]
    mine = sum(1 for r in built.rows if r.member_id == member.id and r.active
               and r.interval.end > built.now)
    ctx = _context(built, offer.resource_id, member, built.now, busy=now_busy, active=mine)
    claim = decide(ClaimOffer(offer.id), Loaded(built.now, entry=offer, context=ctx,
                                                waitlist=tuple(entries)))
    assert not isinstance(claim, Refusal), claim.message


def test_scaled_data_passes_the_rules_as_of_when_it_was_made(tmp_path: Path) -> None:
    now = _local(date(2026, 11, 25), 12, 0)
    data = build_demo(now.date(), now, scale=4000, resource_count=20)
    rows = list(data.reservations)
    assert len(rows) == 4000
    assert min(r.interval.start for r in rows) < now - timedelta(days=42), "older blocks too"
    store = open_store(tmp_path / "scaled.sqlite3")
    try:
        load_demo(store, dataclasses.replace(data, reservations=iter(rows)))
        svc = KioskService(store, clock=lambda: now)
        scaled = Built(data, rows, now, svc, _store_policies(svc))
        _assert_judged_as_made(scaled)
        _assert_statuses_follow_the_timeline(scaled)
        _assert_within_limits(scaled)
    finally:
        store.close()
