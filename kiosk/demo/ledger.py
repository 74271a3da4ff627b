"""The demo's bookings replayed in the order they were made, each one put to the core's
create decision as of that moment: the resource's bookings made before it are busy, the
member's bookings made before it and not yet over count toward their limit.

Every booking is taken as held from the moment it was made until its end, whatever
became of it later (cancelled, no-show): a booking that passes against that history passes
against the real one too, since fewer busy slots and fewer active bookings never turn
an allowed booking into a refused one.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from kiosk.core.booking import BookingContext
from kiosk.core.decisions import Effects, Loaded, decide
from kiosk.core.model import Member, MemberStatus, Reservation
from kiosk.core.mutations import CreateReservation
from kiosk.core.refusals import Refusal
from kiosk.demo.placement import Candidate
from kiosk.demo.world import World, demo_id

#: Members leave room for one more booking: whoever signs in can still book something.
HEADROOM = 1
_DAY = timedelta(days=1)
#: How many members (in turn from a candidate's pick) are asked before a candidate is
#: given up for want of anyone with room.
ASKED = 64


class Ledger:
    """Bookings made so far. ``reserve`` sets aside slots booked out of turn (the hand-placed
    ones), busy to every other booking whenever it was made; ``book`` decides one."""

    def __init__(self, world: World, pool: Iterable[Member]) -> None:
        """``pool``: the members random bookings are made for (the suspended left out)."""
        self.site, self.policies, self.closures = world.site, world.policies, world.closures
        # Per resource and UTC date of the start: what a new booking may clash with.
        self._busy: dict[str, dict[date, list[Reservation]]] = defaultdict(dict)
        self._reserved: dict[str, dict[date, list[Reservation]]] = defaultdict(dict)
        self._ends: dict[str, list[datetime]] = defaultdict(list)
        self._asked_from: dict[str | None, list[Member]] = {}
        self._members = [m for m in pool if m.status is MemberStatus.ACTIVE]

    def reserve(self, row: Reservation) -> None:
        self._reserved[row.resource_id].setdefault(row.interval.start.date(), []).append(row)

    def active(self, member_id: str, at: datetime) -> int:
        """The member's bookings made so far that are not over at ``at`` (calls come in
        the order bookings were made, so ended ones are dropped for good)."""
        ends = self._ends[member_id]
        while ends and ends[0] <= at:
            heapq.heappop(ends)
        return len(ends)

    def book(self, c: Candidate) -> Reservation | Refusal | None:
        """The booking of ``c`` as the core's create decision makes it, or its refusal;
        None when no member with room for it was found."""
        member = c.member or self._member_with_room(c)
        if member is None:
            return None
        ident = c.ident or demo_id("reservation", f"{c.resource.id}:{c.span.start.isoformat()}")
        ctx = BookingContext(
            site=self.site, resource=c.resource, member=member,
            policy=self.policies.of(c.resource, member.cohort), now=c.created_at,
            busy=self._near(c.resource.id, c), closures=self.closures,
            member_active=self.active(member.id, c.created_at))
        m = CreateReservation(ident, c.resource.id, member.id, c.span.start, c.span.end, c.via)
        outcome = decide(m, Loaded(c.created_at, context=ctx))
        if isinstance(outcome, Refusal):
            return outcome
        return self._made(outcome, c)

    def _made(self, outcome: Effects, c: Candidate) -> Reservation:
        (made,) = outcome.inserted
        self._busy[c.resource.id].setdefault(c.span.start.date(), []).append(made)
        heapq.heappush(self._ends[made.member_id], made.interval.end)
        return made

    def _near(self, resource_id: str, c: Candidate) -> list[Reservation]:
        """Bookings of the resource made before it or set aside that may come within its
        buffer: those starting (UTC dates) from as far back as the longest booking and the
        buffer reach, up to the day after the span ends."""
        policy = self.policies.of(c.resource)
        back = timedelta(days=1 + (policy.max_minutes + policy.buffer_minutes) // 1440)
        day, last = c.span.start.date() - back, c.span.end.date() + _DAY
        busy, reserved = self._busy[resource_id], self._reserved.get(resource_id)
        out: list[Reservation] = []
        while day <= last:
            out += busy.get(day, ())
            if reserved:
                out += (r for r in reserved.get(day, ()) if r.id != c.ident)
            day += _DAY
        return out

    def _member_with_room(self, c: Candidate) -> Member | None:
        """A member who may use the resource and holds fewer bookings than their limit
        less ``HEADROOM``, asked in turn from ``c.pick``."""
        badge = c.resource.required_badge
        eligible = self._asked_from.get(badge)
        if eligible is None:
            eligible = self._asked_from[badge] = [
                m for m in self._members if badge is None or badge in m.badges]
        if not eligible:
            return None
        for step in range(min(ASKED, len(eligible))):
            member = eligible[(c.pick + step) % len(eligible)]
            limit = self.policies.of(c.resource, member.cohort).max_active_per_member
            if self.active(member.id, c.created_at) < limit - HEADROOM:
                return member
        return None
