"""The reads: the site, resources, members, calendars, free slots and the day sheet.
Each call runs in one ``store.read()`` transaction (a consistent snapshot)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import String, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from kiosk.core import checkin, credentials, localtime, slots
from kiosk.core.booking import BookingContext
from kiosk.core.decisions.freeing import with_holds
from kiosk.core.errors import InvalidInput
from kiosk.core.model import Interval, Member, Reservation, Resource, Site, require_utc
from kiosk.core.model import ReservationStatus as S
from kiosk.core.policy import BookingPolicy, EffectivePolicy
from kiosk.core.text import fold
from kiosk.store import convert, queries, repo
from kiosk.store.context import Parties, booking_context, open_entries
from kiosk.store.results import SheetRow, SheetState
from kiosk.store.schema import (
    MemberRow,
    ReservationRow,
    ResourceKindRow,
    ResourceRow,
    SiteRow,
)
from kiosk.store.service_base import ServiceBase, require_id, require_span
from kiosk.store.site_secret import verifying_secret


@dataclass(frozen=True, slots=True)
class DayCalendarData:
    """What one day's calendar needs, read in one transaction: the active resources in
    order, each one's effective policy, and every reservation overlapping the span."""

    resources: list[Resource]
    policies: dict[str, EffectivePolicy]
    reservations: list[Reservation]


@dataclass(frozen=True, slots=True)
class ReservationPage:
    """``items`` are the reservations ``offset`` … ``offset + len(items) - 1`` of ``total``."""

    items: list[Reservation]
    total: int
    offset: int = 0

    @property
    def more(self) -> int:
        """How many come after this page."""
        return max(0, self.total - self.offset - len(self.items))


@dataclass(frozen=True, slots=True)
class ResourcesNow:
    """The active resources in display order, their policies, and the ids of those with
    an active reservation at the instant asked about."""

    resources: list[Resource]
    policies: dict[str, EffectivePolicy]
    busy: frozenset[str]


def _active_resources(session: Session, kind: str | None, ids: Sequence[str] | None,
                      cohort: str | None) -> tuple[list[Resource], dict[str, EffectivePolicy]]:
    """Active resources (of ``kind``, among ``ids``) by kind and name, and their policies.
    Plain rows with settings decoded once per distinct text: for 500 resources the ORM
    and per-row JSON decoding cost several times the query."""
    rows = queries.resource_rows(session, kind=kind, ids=ids)
    decoded: dict[str, dict[str, object]] = {}
    resources = []
    for rid, site_id, name, rkind, badge, text, active in rows:
        own = decoded.get(text)
        if own is None:
            own = decoded[text] = json.loads(text) if text else {}
        resources.append(Resource(rid, site_id, name, rkind, badge, dict(own), bool(active)))
    settings = {row[0]: row[5] for row in rows}
    return resources, repo.effective_policies(session, repo.site_row(session), settings, cohort)


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

    def effective_policies(self, resource_ids: Sequence[str], cohort: str | None = None
                           ) -> dict[str, EffectivePolicy]:
        """``effective_policy`` of each resource in one read (unknown ids are left out)."""
        ids = [require_id(rid, "resource_id") for rid in resource_ids]
        with self.store.read() as session:
            stmt = select(ResourceRow.id, type_coerce(ResourceRow.settings, String)).where(
                ResourceRow.id.in_(ids))
            own = dict(session.execute(stmt).tuples().all())
            return repo.effective_policies(session, repo.site_row(session), own, cohort)

    def kind_names(self) -> dict[str, dict[str, str]]:
        """Kind code → its display names by language, as the server names them (empty
        for a cache that holds none: an old server, or none named yet)."""
        with self.store.read() as session:
            rows = session.execute(select(ResourceKindRow.id, ResourceKindRow.names))
            return {code: dict(names or {}) for code, names in rows.tuples()}

    def resource_names(self, resource_ids: Sequence[str] | None = None) -> dict[str, str]:
        """Resource id → name, for the given ids (all resources when None)."""
        with self.store.read() as session:
            stmt = select(ResourceRow.id, ResourceRow.name)
            if resource_ids is not None:
                stmt = stmt.where(ResourceRow.id.in_(list(resource_ids)))
            return dict(session.execute(stmt).tuples().all())

    def calendar_day(self, span: Interval, *, kind: str | None = None,
                     resource_ids: Sequence[str] | None = None,
                     cohort: str | None = None) -> DayCalendarData:
        """The active resources (of ``kind``, or among ``resource_ids``, in the order of
        ``resources()``), their policies and their reservations over ``span``: one
        transaction, where a resource at a time would take one each."""
        require_span(span)
        with self.store.read() as session:
            resources, policies = _active_resources(session, kind, resource_ids, cohort)
            found = queries.reservations_in(session, list(policies), span)
            return DayCalendarData(resources, policies, found)

    def resources_now(self, at: datetime) -> ResourcesNow:
        """Every active resource with its policy, and which are booked at ``at``: what
        "free right now" needs, in one transaction."""
        at = require_utc(at, "at")
        with self.store.read() as session:
            resources, policies = _active_resources(session, None, None, None)
            return ResourcesNow(resources, policies, frozenset(queries.busy_at(session, at)))

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
        secret = verifying_secret(self.store.path)  # keyring I/O outside the transaction
        with self.store.read() as session:
            hashed = credentials.card_lookup_hashes(repo.site_row(session).id, digits, secret)
            stmt = select(MemberRow).where(MemberRow.card_hash.in_(hashed))
            row = session.scalars(stmt).first()
            return None if row is None else convert.member(row)

    def members(self, limit: int = 1000) -> list[Member]:
        """Every member of the site by number, at most ``limit`` (the operator's listing)."""
        with self.store.read() as session:
            stmt = select(MemberRow).order_by(MemberRow.number).limit(max(1, limit))
            return [convert.member(r) for r in session.scalars(stmt)]

    def search_members(self, text: str, limit: int = 20) -> list[Member]:
        """Members whose number starts with, or name contains, ``text`` (without regard
        to case or accents: "fernandez" finds "Fernández")."""
        needle = text.strip()
        if not needle:
            return []
        folded = fold(needle)
        pattern = "%" + folded.replace("%", r"\%").replace("_", r"\_") + "%"
        with self.store.read() as session:
            stmt = select(MemberRow).where(or_(
                MemberRow.number.startswith(needle, autoescape=True),
                func.kiosk_fold(MemberRow.display_name).like(pattern, escape="\\"),
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

    def member_reservations(self, member_id: str, since: datetime,
                            until: datetime | None = None) -> list[Reservation]:
        """The member's reservations ending after ``since`` (and starting before
        ``until``), soonest first."""
        since = require_utc(since, "since")
        with self.store.read() as session:
            stmt = select(ReservationRow).where(
                ReservationRow.member_id == require_id(member_id, "member_id"),
                ReservationRow.starts_at >= since - timedelta(
                    seconds=repo.longest_overall(session)),
                ReservationRow.ends_at > since,
            ).order_by(ReservationRow.starts_at)
            if until is not None:
                stmt = stmt.where(ReservationRow.starts_at < require_utc(until, "until"))
            return [convert.reservation(r) for r in session.scalars(stmt)]

    def member_upcoming(self, member_id: str, after: datetime, *, limit: int = 20,
                        offset: int = 0, until: datetime | None = None) -> ReservationPage:
        """The member's active reservations starting at or after ``after``, soonest first:
        at most ``limit`` from ``offset`` (only those starting before ``until``, if given),
        with the count of all of them from ``after`` on, so a screen can say "N more"."""
        after = require_utc(after, "after")
        if until is not None:
            until = require_utc(until, "until")
        if limit < 0 or offset < 0:
            raise InvalidInput("limit and offset must not be negative")
        with self.store.read() as session:
            found, total = queries.member_upcoming(
                session, require_id(member_id, "member_id"), after, limit=limit,
                offset=offset, until=until)
            return ReservationPage(found, total, offset)

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
        ctx = booking_context(session, Parties(site, resource, member), window, self.now(),
                              margin=timedelta(days=1))
        return with_holds(ctx, open_entries(session, resource.id), member.id)

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
