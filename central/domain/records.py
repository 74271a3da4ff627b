"""Rows ↔ core records, and core records → the ``data`` objects sent in pulls."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kiosk.core.model import (
    Closure,
    Interval,
    Member,
    MemberStatus,
    Reservation,
    ReservationStatus,
    Resource,
    ResourceKind,
    Site,
    WaitlistEntry,
    WaitlistStatus,
)


def site(row: Mapping[Any, Any]) -> Site:
    return Site(row["id"], row["name"], row["timezone"], dict(row["settings"] or {}))


def site_of(row: Mapping[Any, Any]) -> Site:
    """The site of a ``queries.resource_with_site`` row."""
    return Site(row["site_id"], row["site_name"], row["site_timezone"],
                dict(row["site_settings"] or {}))


def resource(row: Mapping[Any, Any]) -> Resource:
    return Resource(
        id=row["id"], site_id=row["site_id"], name=row["name"], kind=row["kind"],
        required_badge=row["required_badge"], settings=dict(row["settings"] or {}),
        active=bool(row["active"]),
    )


def resource_kind(row: Mapping[Any, Any]) -> ResourceKind:
    return ResourceKind(row["code"], row["site_id"], dict(row["names"] or {}))


def member(row: Mapping[Any, Any]) -> Member:
    return Member(
        id=row["id"], site_id=row["site_id"], number=row["number"],
        display_name=row["display_name"], cohort=row["cohort"],
        status=MemberStatus(row["status"]), no_show_count=int(row["no_show_count"]),
        badges=frozenset(row["badges"] or ()), language=row.get("language"),
    )


def reservation(row: Mapping[Any, Any]) -> Reservation:
    return Reservation(
        id=row["id"], resource_id=row["resource_id"], member_id=row["member_id"],
        interval=Interval(row["starts_at"], row["ends_at"]),
        status=ReservationStatus(row["status"]), created_at=row["created_at"],
        checked_in_at=row["checked_in_at"], no_show=bool(row["no_show"]), via=row["via"],
    )


def waitlist_entry(row: Mapping[Any, Any]) -> WaitlistEntry:
    return WaitlistEntry(
        id=row["id"], resource_id=row["resource_id"], member_id=row["member_id"],
        interval=Interval(row["starts_at"], row["ends_at"]), created_at=row["created_at"],
        status=WaitlistStatus(row["status"]), offered_at=row["offered_at"],
        offer_expires_at=row["offer_expires_at"],
    )


def closure(row: Mapping[Any, Any]) -> Closure:
    return Closure(row["id"], row["site_id"], Interval(row["starts_at"], row["ends_at"]),
                   row["reason"], row["resource_id"])


def reservation_row(r: Reservation) -> dict[str, Any]:
    """Column values for the fields a core record owns (site and buffer are the caller's)."""
    return {"id": r.id, "resource_id": r.resource_id, "member_id": r.member_id,
            "starts_at": r.interval.start, "ends_at": r.interval.end,
            "status": str(r.status), "checked_in_at": r.checked_in_at,
            "no_show": r.no_show, "via": r.via}


def waitlist_row(w: WaitlistEntry) -> dict[str, Any]:
    return {"id": w.id, "resource_id": w.resource_id, "member_id": w.member_id,
            "starts_at": w.interval.start, "ends_at": w.interval.end,
            "created_at": w.created_at, "status": str(w.status),
            "offered_at": w.offered_at, "offer_expires_at": w.offer_expires_at}
