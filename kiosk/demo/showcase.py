"""The hand-placed part of the demo that the guides and screenshots talk about, each
booking placed where the rules allow it:

- member 1001's drill booking whose check-in window is open at ``now``;
- 01:00–03:00 on a garden plot on each DST change night (60 and 180 real minutes);
- the waitlist story on a table saw: member 1005's booking that 1002 waited for was
  cancelled at ``now``, so 1002 holds an offer on it; 1003 and 1004 wait (first and
  second in line) for another of 1005's bookings, from tomorrow 10:00 on.

The bookings are candidates like any other (``ledger`` decides them as of when they were
made); the waitlist places are joined while their slot is taken, as ``waitlist.join``
requires.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from kiosk.core import checkin, localtime, slots
from kiosk.core.booking import BookingContext, judge
from kiosk.core.model import (
    Interval,
    Member,
    Reservation,
    Resource,
    WaitlistEntry,
    WaitlistStatus,
)
from kiosk.core.mutations import Via
from kiosk.demo.placement import Candidate, wall_span
from kiosk.demo.world import World, demo_id

#: Rolls for bookings whose fate is fixed (see ``fate.settle``).
KEPT, CANCELLED = 0.5, 0.0
#: Searched for a free hour for the waitlist story.
_SEARCH = timedelta(days=7)
_HOUR = timedelta(hours=1)


@dataclass(slots=True)
class Showcase:
    bookings: list[Candidate] = field(default_factory=list)
    waitlist: list[WaitlistEntry] = field(default_factory=list)


def build(world: World, days: list[date]) -> Showcase:
    out = Showcase()
    now_booking = _member_1001_now(world)
    if now_booking is not None:
        out.bookings.append(now_booking)
    out.bookings += _dst_nights(world, days)
    _waitlist_story(world, out)
    return out


def _context(world: World, resource: Resource, member: Member, now: datetime,
             busy: list[Reservation] | None = None) -> BookingContext:
    return BookingContext(world.site, resource, member,
                          world.policies.of(resource, member.cohort), now, busy or [],
                          world.closures)


def _member_1001_now(world: World) -> Candidate | None:
    """An hour on the first drill on the slot whose check-in window is open at ``now``,
    booked at the kiosk a day before; none when the drill is closed then."""
    drill, member, now = world.resources[0], world.members[0], world.now
    policy = world.policies.of(drill, member.cohort)
    local = localtime.to_local(world.site.timezone, now)
    minute = local.hour * 60 + local.minute
    slot = policy.slot_minutes
    start = (minute - policy.checkin_grace_minutes) // slot * slot + slot
    span = wall_span(world.site.timezone, local.date(), start, 60)
    made = now - timedelta(days=1)
    if span is None or not checkin.checkin_window(span, policy).contains(now):
        return None
    if judge(_context(world, drill, member, made), span) is not None:
        return None
    return Candidate(made, -1, drill, span, Via.KIOSK, KEPT, None, member=member,
                     ident=demo_id("reservation", "member-1001-now"))


def _dst_nights(world: World, days: list[date]) -> list[Candidate]:
    """01:00–03:00 on the first garden plot on each day that is not 24 hours long, booked
    on the web three days ahead by member 1002, or by staff (who may book beyond the
    horizon) a day or more before ``now`` when it is further ahead than that."""
    zone, now = world.site.timezone, world.now
    plot = next(r for r in world.resources if r.kind == "garden_plot")
    member = world.members[1]
    horizon = timedelta(days=world.policies.of(plot, member.cohort).max_days_ahead)
    out = []
    for n, day in enumerate(d for d in days if localtime.day_length(zone, d) != timedelta(days=1)):
        night = Interval(localtime.to_utc(zone, _at(day, 1), fold=0),
                         localtime.to_utc(zone, _at(day, 3), fold=0))
        made = min(night.start - timedelta(days=3), now - timedelta(days=1, hours=n + 1))
        via = Via.WEB if night.start - made <= horizon else Via.STAFF
        out.append(Candidate(made, -1, plot, night, via, KEPT, 2, member=member,
                             ident=demo_id("reservation", f"dst-night-{day.isoformat()}")))
    return out


def _at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour)  # noqa: DTZ001 (local wall clock)


def _first_free(world: World, resource: Resource, member: Member, after: datetime,
                busy: list[Reservation]) -> Interval | None:
    ctx = _context(world, resource, member, world.now, busy)
    found = slots.free_slots(ctx, Interval(after, after + _SEARCH), _HOUR, limit=1)
    return found[0] if found else None


def _waitlist_story(world: World, out: Showcase) -> None:
    saw = next(r for r in world.resources if r.kind == "table_saw")
    offered_to, first, second, holder = world.members[1:5]
    now, zone = world.now, world.site.timezone
    offered = _first_free(world, saw, holder, now + 2 * _HOUR, [])
    if offered is None:
        return
    cancelled = Candidate(now - timedelta(hours=26), -1, saw, offered, Via.WEB, CANCELLED, None,
                          member=holder, ident=demo_id("reservation", "cancelled-for-1002"))
    tomorrow = localtime.local_date(zone, now) + timedelta(days=1)
    after = max(localtime.wall_clock_at(zone, tomorrow, 10 * 60), now)
    busy = [Reservation(cancelled.ident or "", saw.id, holder.id, offered)]
    waited = _first_free(world, saw, holder, after, busy)
    if waited is None:
        return
    taken = Candidate(now - timedelta(days=3), -1, saw, waited, Via.WEB, KEPT, 2,
                      member=holder, ident=demo_id("reservation", "waited-for-by-1003"))
    out.bookings += [cancelled, taken]
    hold = timedelta(minutes=world.policies.of(saw, offered_to.cohort).waitlist_hold_minutes)
    out.waitlist += [
        WaitlistEntry(demo_id("waitlist", "offer-1002"), saw.id, offered_to.id, offered,
                      created_at=now - _HOUR, status=WaitlistStatus.OFFERED,
                      offered_at=now, offer_expires_at=now + hold),
        WaitlistEntry(demo_id("waitlist", "wait-1003"), saw.id, first.id, waited,
                      created_at=now - timedelta(minutes=30)),
        WaitlistEntry(demo_id("waitlist", "wait-1004"), saw.id, second.id, waited,
                      created_at=now - timedelta(minutes=10)),
    ]
