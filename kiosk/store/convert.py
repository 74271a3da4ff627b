"""Rows ↔ core records. The only place that knows both shapes."""

from __future__ import annotations

from kiosk.core.model import (
    Closure,
    Interval,
    Member,
    MemberStatus,
    Reservation,
    ReservationStatus,
    Resource,
    Site,
    WaitlistEntry,
    WaitlistStatus,
)
from kiosk.store.schema import (
    ClosureRow,
    MemberRow,
    ReservationRow,
    ResourceRow,
    SiteRow,
    WaitlistRow,
)


def site(row: SiteRow) -> Site:
    return Site(row.id, row.name, row.timezone, dict(row.settings))


def resource(row: ResourceRow) -> Resource:
    return Resource(row.id, row.site_id, row.name, row.kind, row.required_badge,
                    dict(row.settings), row.active)


def member(row: MemberRow) -> Member:
    return Member(row.id, row.site_id, row.number, row.display_name, row.cohort,
                  MemberStatus(row.status), row.no_show_count, frozenset(row.badges),
                  row.language)


def reservation(row: ReservationRow) -> Reservation:
    return Reservation(
        row.id, row.resource_id, row.member_id, Interval(row.starts_at, row.ends_at),
        ReservationStatus(row.status), row.created_at, row.checked_in_at, row.no_show, row.via,
    )


def waitlist_entry(row: WaitlistRow) -> WaitlistEntry:
    return WaitlistEntry(
        row.id, row.resource_id, row.member_id, Interval(row.starts_at, row.ends_at),
        row.created_at, WaitlistStatus(row.status), row.offered_at, row.offer_expires_at,
    )


def closure(row: ClosureRow) -> Closure:
    return Closure(row.id, row.site_id, Interval(row.starts_at, row.ends_at), row.reason,
                   row.resource_id)


def reservation_values(r: Reservation) -> dict[str, object]:
    """Column values of a reservation row (for inserts and updates)."""
    return {
        "id": r.id, "resource_id": r.resource_id, "member_id": r.member_id,
        "starts_at": r.interval.start, "ends_at": r.interval.end, "status": str(r.status),
        "created_at": r.created_at, "checked_in_at": r.checked_in_at,
        "no_show": r.no_show, "via": r.via,
    }


def apply_reservation(row: ReservationRow, r: Reservation) -> None:
    """Copy a reservation record's mutable fields onto its row."""
    row.starts_at, row.ends_at = r.interval.start, r.interval.end
    row.status, row.checked_in_at, row.no_show = str(r.status), r.checked_in_at, r.no_show


def waitlist_values(e: WaitlistEntry) -> dict[str, object]:
    return {
        "id": e.id, "resource_id": e.resource_id, "member_id": e.member_id,
        "starts_at": e.interval.start, "ends_at": e.interval.end, "created_at": e.created_at,
        "status": str(e.status), "offered_at": e.offered_at,
        "offer_expires_at": e.offer_expires_at,
    }


def apply_waitlist(row: WaitlistRow, e: WaitlistEntry) -> None:
    row.status, row.offered_at, row.offer_expires_at = (
        str(e.status), e.offered_at, e.offer_expires_at)


def overwrite(row: ReservationRow | WaitlistRow, values: dict[str, object]) -> None:
    """Every column from ``values`` (the server's version of the row, as pulled)."""
    for key, value in values.items():
        setattr(row, key, value)
