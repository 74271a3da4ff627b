"""Check-in writes: one reservation, every open window of a member at once, clearing a
no-show flag, and the kiosk's own offline no-show sweep. Windows and no-show decisions
come from ``kiosk.core.checkin``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from kiosk.core import checkin
from kiosk.core.model import MemberStatus, Reservation, ReservationStatus
from kiosk.core.policy import BookingPolicy
from kiosk.core.refusals import Refusal, RefusalCode
from kiosk.store import convert, offers, outbox, queries, repo
from kiosk.store.results import Applied, Changes
from kiosk.store.schema import ACTIVE_SQL, MemberRow, ReservationRow, ResourceRow
from kiosk.store.service_base import ServiceBase, refusal, require_id
from kiosk.store.service_bookings import load_reservation
from kiosk.store.types import to_seconds

#: Check-in windows open at most this long before a start (generous bound for the query).
_EARLIEST_OPEN = timedelta(days=1)


def policies(session: Session) -> Callable[[str], BookingPolicy]:
    """``policy_for(resource_id)`` resolving (and remembering) each resource's policy."""
    site = repo.site_row(session)
    cache: dict[str, BookingPolicy] = {}

    def policy_for(resource_id: str) -> BookingPolicy:
        if resource_id not in cache:
            resource = session.get(ResourceRow, resource_id)
            cache[resource_id] = repo.effective_policy(session, site, resource, None).policy
        return cache[resource_id]

    return policy_for


def member_near(session: Session, member_id: str, now: datetime) -> list[Reservation]:
    """The member's active, not checked-in reservations starting within a day of now."""
    sql = text(f"SELECT {queries.COLUMNS} FROM reservations WHERE member_id = :mid "  # noqa: S608
               "AND starts_at >= :lo AND starts_at <= :hi "
               f"AND {ACTIVE_SQL} AND checked_in_at IS NULL ORDER BY starts_at")
    params = {"mid": member_id, "lo": to_seconds(now - _EARLIEST_OPEN),
              "hi": to_seconds(now + _EARLIEST_OPEN)}
    return [queries.to_reservation(r) for r in session.execute(sql, params)]


def save_check_in(session: Session, row: ReservationRow, done: Reservation, now: datetime) -> None:
    convert.apply_reservation(row, done)
    at = done.checked_in_at or now
    outbox.append(session, "reservation.check_in", {"id": done.id, "at": outbox.stamp(at)}, now)


class CheckInWrites(ServiceBase):
    def check_in(self, reservation_id: str, at: datetime | None = None
                 ) -> Applied[Reservation] | Refusal:
        """Check in to one booking at ``at`` (default now)."""
        now = self.now()
        with self.store.write() as session:
            row = load_reservation(session, reservation_id)
            if isinstance(row, Refusal):
                return row
            record = convert.reservation(row)
            policy = policies(session)(record.resource_id)
            done = checkin.check_in(record, policy, at or now, received_at=now)
            if isinstance(done, Refusal):
                return done
            if done != record:
                save_check_in(session, row, done, now)
        return Applied(done, Changes.of([done.id], [done.resource_id], (), [done.member_id]))

    def check_in_member(self, member_id: str) -> Applied[list[Reservation]]:
        """One scan: check in to every booking of the member whose window is open now."""
        require_id(member_id, "member_id")
        now = self.now()
        with self.store.write() as session:
            policy_for = policies(session)
            due = checkin.open_for_checkin(member_near(session, member_id, now), policy_for, now)
            done: list[Reservation] = []
            for record in due:
                result = checkin.check_in(record, policy_for(record.resource_id), now)
                row = session.get(ReservationRow, record.id)
                if isinstance(result, Reservation) and row is not None:
                    save_check_in(session, row, result, now)
                    done.append(result)
        changes = Changes.of([r.id for r in done], [r.resource_id for r in done], (),
                             [member_id] if done else [])
        return Applied(done, changes)

    def clear_no_show(self, reservation_id: str, staff_id: str) -> Applied[Reservation] | Refusal:
        """Staff clear a late arrival's no-show flag; the member's count goes down by one."""
        require_id(staff_id, "staff_id")
        now = self.now()
        with self.store.write() as session:
            row = load_reservation(session, reservation_id)
            if isinstance(row, Refusal):
                return row
            record = convert.reservation(row)
            if not record.no_show and record.status != ReservationStatus.NO_SHOW:
                return refusal(RefusalCode.RULE_VIOLATION, "This booking has no no-show flag.",
                               "no_show")
            status = (ReservationStatus.COMPLETED if record.status == ReservationStatus.NO_SHOW
                      else record.status)
            record = replace(record, status=status, no_show=False)
            convert.apply_reservation(row, record)
            member = session.get(MemberRow, record.member_id)
            if member is not None:
                member.no_show_count = max(0, member.no_show_count - 1)
            outbox.append(session, "reservation.clear_no_show",
                          {"id": record.id, "staff_id": staff_id}, now)
        return Applied(record, Changes.of([record.id], [record.resource_id], (),
                                          [record.member_id]))

    def no_show_sweep(self) -> Applied[list[Reservation]]:
        """Mark unchecked bookings whose grace has passed as no-shows (the offline view;
        the server's job is authoritative, so nothing is queued for sync)."""
        now = self.now()
        with self.store.write() as session:
            policy_for = policies(session)
            marked = checkin.no_show_sweep(unchecked_started(session, now), policy_for, now)
            changes = Changes()
            for record in marked:
                changes = changes | self._mark(session, record, policy_for, now)
        return Applied(marked, changes)

    def _mark(self, session: Session, record: Reservation,
              policy_for: Callable[[str], BookingPolicy], now: datetime) -> Changes:
        row = session.get(ReservationRow, record.id)
        member = session.get(MemberRow, record.member_id)
        if row is None or member is None:
            return Changes()
        convert.apply_reservation(row, record)
        member.no_show_count += 1
        if checkin.should_suspend(member.no_show_count, policy_for(record.resource_id)):
            member.status = str(MemberStatus.SUSPENDED)
        offered = offers.offer_freed(session, record.resource_id, record.interval, now)
        return Changes.of([record.id], [record.resource_id], (), [member.id]) | offered


def unchecked_started(session: Session, now: datetime) -> list[Reservation]:
    """Pending/confirmed, not checked-in reservations that started within a week
    (the no-show index on (status, starts_at) where checked_in_at is null)."""
    statuses = (str(ReservationStatus.PENDING), str(ReservationStatus.CONFIRMED))
    stmt = select(ReservationRow).where(
        ReservationRow.status.in_(statuses), ReservationRow.checked_in_at.is_(None),
        ReservationRow.starts_at >= now - timedelta(days=7), ReservationRow.starts_at <= now,
    )
    return [convert.reservation(row) for row in session.scalars(stmt)]
