"""Reads: the site, resources, members, calendars, free slots and the day sheet.
Each call runs in one ``store.read()`` transaction (a consistent snapshot)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kiosk.core import checkin, credentials, localtime, slots
from kiosk.core.booking import BookingContext
from kiosk.core.errors import InvalidInput
from kiosk.core.model import Interval, Member, Reservation, Resource, Site, require_utc
from kiosk.core.model import ReservationStatus as S
from kiosk.core.policy import BookingPolicy, EffectivePolicy
from kiosk.store import convert, queries, repo
from kiosk.store.context import Parties, booking_context
from kiosk.store.results import SheetRow, SheetState
from kiosk.store.schema import MemberRow, ReservationRow, ResourceRow, SiteRow
from kiosk.store.service_base import ServiceBase, require_id, require_span


class Reads(ServiceBase):
    def has_site(self) -> bool:
        """Whether the cache holds a site yet (a new kiosk's cache does not)."""
        with self.store.read() as session:
            return session.scalar(select(SiteRow.id).limit(1)) is not None

    def site(self) -> Site:
        """The kiosk's site; ``InvalidInput`` if the cache holds none yet."""
        with self.store.read() as session:
            return convert.site(repo.site_row(session))

    def resources(self, kind: str | None = None) -> list[Resource]:
        with self.store.read() as session:
            stmt = select(ResourceRow).order_by(ResourceRow.kind, ResourceRow.name)
            if kind is not None:
                stmt = stmt.where(ResourceRow.kind == kind)
            return [convert.resource(r) for r in session.scalars(stmt)]

    def resource(self, resource_id: str) -> Resource | None:
        with self.store.read() as session:
            row = session.get(ResourceRow, require_id(resource_id, "resource_id"))
            return None if row is None else convert.resource(row)

    def resource_kinds(self) -> list[str]:
        with self.store.read() as session:
            stmt = select(ResourceRow.kind).distinct().order_by(ResourceRow.kind)
            return list(session.scalars(stmt))

    def effective_policy(self, resource_id: str, cohort: str | None = None) -> EffectivePolicy:
        with self.store.read() as session:
            row = session.get(ResourceRow, require_id(resource_id, "resource_id"))
            if row is None:
                raise InvalidInput(f"no resource with id {resource_id}")
            return repo.effective_policy(session, repo.site_row(session), row, cohort)

    def member(self, member_id: str) -> Member | None:
        with self.store.read() as session:
            row = session.get(MemberRow, require_id(member_id, "member_id"))
            return None if row is None else convert.member(row)

    def member_by_number(self, number: str) -> Member | None:
        with self.store.read() as session:
            row = session.scalars(select(MemberRow).where(MemberRow.number == number)).first()
            return None if row is None else convert.member(row)

    def member_by_card(self, card_digits: str) -> Member | None:
        """The member whose card this is (cards are stored only as hashes)."""
        try:
            digits = credentials.normalise_card(card_digits)
        except InvalidInput:
            return None
        with self.store.read() as session:
            hashed = credentials.card_hash(repo.site_row(session).id, digits)
            stmt = select(MemberRow).where(MemberRow.card_hash == hashed)
            row = session.scalars(stmt).first()
            return None if row is None else convert.member(row)

    def members(self, limit: int = 1000) -> list[Member]:
        """Every member of the site by number, at most ``limit`` (the operator's listing)."""
        with self.store.read() as session:
            stmt = select(MemberRow).order_by(MemberRow.number).limit(max(1, limit))
            return [convert.member(r) for r in session.scalars(stmt)]

    def search_members(self, text: str, limit: int = 20) -> list[Member]:
        """Members whose number starts with, or name contains, ``text``."""
        needle = text.strip()
        if not needle:
            return []
        pattern = "%" + needle.replace("%", r"\%").replace("_", r"\_") + "%"
        with self.store.read() as session:
            stmt = select(MemberRow).where(or_(
                MemberRow.number.startswith(needle, autoescape=True),
                MemberRow.display_name.ilike(pattern, escape="\\"),
            )).order_by(MemberRow.display_name).limit(max(1, min(limit, 500)))
            return [convert.member(r) for r in session.scalars(stmt)]

    def reservations_between(self, span: Interval, resource_ids: list[str] | None = None
                             ) -> list[Reservation]:
        """Every reservation (any status) overlapping ``span``: the calendar's query."""
        require_span(span)
        with self.store.read() as session:
            if resource_ids is None:
                resource_ids = list(session.scalars(select(ResourceRow.id)))
            return queries.reservations_in(session, resource_ids, span)

    def member_reservations(self, member_id: str, since: datetime) -> list[Reservation]:
        """The member's reservations ending after ``since``, soonest first."""
        since = require_utc(since, "since")
        with self.store.read() as session:
            stmt = select(ReservationRow).where(
                ReservationRow.member_id == require_id(member_id, "member_id"),
                ReservationRow.starts_at >= since - timedelta(
                    seconds=repo.longest_overall(session)),
                ReservationRow.ends_at > since,
            ).order_by(ReservationRow.starts_at)
            return [convert.reservation(r) for r in session.scalars(stmt)]

    def reservation(self, reservation_id: str) -> Reservation | None:
        with self.store.read() as session:
            row = session.get(ReservationRow, require_id(reservation_id, "reservation_id"))
            return None if row is None else convert.reservation(row)

    def free_slots(self, resource_id: str, day: date, duration: timedelta,
                   member_id: str | None = None) -> list[Interval]:
        """Free slots of ``duration`` starting on the local ``day`` (soonest first)."""
        with self.store.read() as session:
            ctx = self._context(session, resource_id, member_id, day=day)
            window = localtime.day_bounds(ctx.site.timezone, day)
            return slots.free_slots(ctx, window, duration, limit=200)

    def first_free(self, kind: str, duration: timedelta, after: datetime,
                   member_id: str | None = None, limit: int = 5) -> list[tuple[Resource, Interval]]:
        """"Any free <kind> for <duration>?": the soonest slots across that kind."""
        after = require_utc(after, "after")
        with self.store.read() as session:
            ids = list(session.scalars(select(ResourceRow.id).where(ResourceRow.kind == kind)))
            contexts = [self._context(session, rid, member_id, after=after) for rid in ids]
            found = slots.first_free_among(contexts, duration, after, limit=limit)
            by_id = {c.resource.id: c.resource for c in contexts}
            return [(by_id[rid], span) for rid, span in found]

    def _context(self, session: Session, resource_id: str, member_id: str | None, *,
                 day: date | None = None, after: datetime | None = None) -> BookingContext:
        """A context for slot searches; without a member, a neutral placeholder one."""
        resource = session.get(ResourceRow, require_id(resource_id, "resource_id"))
        if resource is None:
            raise InvalidInput(f"no resource with id {resource_id}")
        site = repo.site_row(session)
        member = session.get(MemberRow, member_id) if member_id else None
        if member_id and member is None:
            raise InvalidInput(f"no member with id {member_id}")
        start = localtime.day_bounds(site.timezone, day).start if day else after or self.now()
        window = Interval(start, start + slots.ALTERNATIVES_HORIZON + timedelta(days=1))
        member = member or MemberRow(id="", site_id=site.id, number="", display_name="",
                                     status="active", no_show_count=0, badges=[])
        return booking_context(session, Parties(site, resource, member), window, self.now(),
                               margin=timedelta(days=1))

    def today_sheet(self, day: date) -> list[SheetRow]:
        """The day's bookings with who, what and where each stands: due, checked in,
        late, no-show (from ``kiosk.core.checkin``)."""
        now = self.now()
        with self.store.read() as session:
            site = repo.site_row(session)
            span = localtime.day_bounds(site.timezone, day)
            ids = list(session.scalars(select(ResourceRow.id)))
            found = queries.reservations_in(session, ids, span)
            rows = []
            for r in sorted(found, key=lambda x: (x.interval.start, x.resource_id)):
                resource = session.get(ResourceRow, r.resource_id)
                member = session.get(MemberRow, r.member_id)
                assert resource is not None and member is not None
                policy = repo.effective_policy(session, site, resource, None).policy
                rows.append(SheetRow(r, resource.name, convert.member(member).short_name,
                                     member.number, sheet_state(r, policy, now)))
            return rows


def sheet_state(r: Reservation, policy: BookingPolicy, now: datetime) -> SheetState:
    """Where one booking of the day stands at ``now``."""
    if r.status == S.CANCELLED:
        return SheetState.CANCELLED
    if r.status == S.NO_SHOW or r.no_show:
        return SheetState.NO_SHOW
    if r.status == S.CHECKED_IN or r.checked_in_at is not None:
        return SheetState.CHECKED_IN
    if r.status == S.COMPLETED:
        return SheetState.DONE
    state = checkin.checkin_status(r, policy, now).state
    if state == checkin.CheckInState.CLOSED:
        return SheetState.NO_SHOW
    return SheetState.LATE if now >= r.interval.start else SheetState.DUE
