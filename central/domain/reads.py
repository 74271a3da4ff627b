"""Everything judging one booking reads, loaded together: on PostgreSQL in one round trip.

``booking_reads`` returns the resource with its site, the member, whether the new
reservation's id is taken, the resource's waitlist, its active reservations near the
requested span (the conflict query), the closures over the span, the member's active
booking count and the flag's explicit values — all as core records. The rules that use
them stay in ``kiosk.core``; this module only reads.

The conflict query's window needs the policy's buffer, which comes from the settings read
by the same statement. It is queried with the buffer this process last saw for the
resource and filtered to the exact buffer afterwards; when the settings now ask for a
larger one (an edit since), the conflict query runs again with it. Parsed settings,
resolved policies and flag states are cached by their stored text, so an edit is seen at
once (there is nothing to invalidate) and an unchanged site costs no parsing.

Row locks are not taken here: under READ COMMITTED a statement's snapshot is taken before
it waits for a lock, so the member's row is locked by an earlier statement (see
``central.domain.push``) and this read, a later statement, sees what the lock holder
committed.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from central import metrics
from central.domain import flags, queries, records
from kiosk.core.flags import FlagState
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
from kiosk.core.policy import BookingPolicy


@dataclass(frozen=True, slots=True)
class BookingReads:
    """What ``kiosk.core.booking.check_booking`` needs about one requested span.

    ``site`` and ``resource`` are None when the resource does not exist; ``member`` when
    the member does not. ``busy`` holds the active reservations within the policy's buffer
    of the span (``exclude_id`` left out); ``closures`` those over the span itself."""

    site: Site | None
    resource: Resource | None
    member: Member | None
    taken: bool
    policy: BookingPolicy | None
    waitlist: list[WaitlistEntry]
    busy: list[Reservation]
    closures: list[Closure]
    member_active: int
    flags: FlagState


_ACTIVE_SQL = ", ".join(f"'{s}'" for s in sorted(queries.ACTIVE))
_QUEUED_SQL = ", ".join(f"'{s}'" for s in (WaitlistStatus.WAITING, WaitlistStatus.OFFERED))

# Literal status lists (not parameters) so that the planner can use the partial indexes.
_PG_READS_SQL = """
SELECT r.site_id, r.name, r.kind, r.required_badge, r.settings::text AS r_settings, r.active,
       s.name AS s_name, s.timezone AS s_timezone, s.settings::text AS s_settings,
       m.site_id AS m_site_id, m.number AS m_number, m.display_name AS m_display_name,
       m.cohort AS m_cohort, m.status AS m_status, m.no_show_count AS m_no_show_count,
       m.badges::text AS m_badges,
       EXISTS (SELECT 1 FROM reservations x WHERE x.id = CAST(:new_id AS varchar)) AS taken,
       (SELECT count(*) FROM reservations x
         WHERE x.member_id = :member_id AND x.status IN (:active_statuses) AND x.ends_at > :now
           AND x.id IS DISTINCT FROM CAST(:exclude_id AS varchar)) AS member_active,
       (SELECT json_agg(json_build_array(b.id, b.member_id, b.starts_at, b.ends_at, b.status,
                                         b.created_at, b.checked_in_at, b.no_show, b.via))
          FROM reservations b
         WHERE b.resource_id = :resource_id AND b.status IN (:active_statuses)
           AND b.starts_at < :busy_end AND b.ends_at > :busy_start
           AND b.id IS DISTINCT FROM CAST(:exclude_id AS varchar))::text AS busy,
       (SELECT json_agg(json_build_array(c.id, c.resource_id, c.starts_at, c.ends_at, c.reason))
          FROM closures c
         WHERE c.site_id = r.site_id AND (c.resource_id IS NULL OR c.resource_id = r.id)
           AND c.starts_at < :span_end AND c.ends_at > :span_start)::text AS closures,
       (SELECT json_agg(json_build_array(w.id, w.member_id, w.starts_at, w.ends_at,
                                         w.created_at, w.status, w.offered_at,
                                         w.offer_expires_at))
          FROM reservation_waitlist w
         WHERE w.resource_id = r.id AND w.status IN (:queued_statuses))::text AS waitlist,
       (SELECT json_agg(json_build_array(f.site_id, f.cohort, f.enabled))
          FROM flags f WHERE f.name = :flag)::text AS flags
FROM resources r JOIN sites s ON s.id = r.site_id
LEFT JOIN members m ON m.id = :member_id
WHERE r.id = :resource_id
"""
_PG_READS = sa.text(_PG_READS_SQL.replace(":active_statuses", _ACTIVE_SQL)
                    .replace(":queued_statuses", _QUEUED_SQL))

#: resource id → the buffer (minutes) its policy had when this process last judged it.
_PAD: dict[str, int] = {}


def booking_reads(conn: Connection, *, resource_id: str, member_id: str, span: Interval,
                  now: datetime, exclude_id: str | None = None,
                  new_id: str | None = None) -> BookingReads:
    """Load what judging ``span`` on the resource for the member reads (see the module)."""
    if conn.dialect.name == "postgresql":
        return _pg_reads(conn, resource_id=resource_id, member_id=member_id, span=span,
                         now=now, exclude_id=exclude_id, new_id=new_id)
    return _generic_reads(conn, resource_id=resource_id, member_id=member_id, span=span,
                          now=now, exclude_id=exclude_id, new_id=new_id)


def _pg_reads(conn: Connection, *, resource_id: str, member_id: str, span: Interval,
              now: datetime, exclude_id: str | None, new_id: str | None) -> BookingReads:
    pad = _PAD.get(resource_id, 0)
    wide = timedelta(minutes=pad)
    started = time.perf_counter()
    row = conn.execute(_PG_READS, {
        "new_id": new_id, "member_id": member_id, "resource_id": resource_id, "now": now,
        "exclude_id": exclude_id, "busy_start": span.start - wide, "busy_end": span.end + wide,
        "span_start": span.start, "span_end": span.end, "flag": flags.FLAG,
    }).one_or_none()
    metrics.CONFLICT_QUERY.observe(time.perf_counter() - started)
    if row is None:
        return BookingReads(None, None, None, False, None, [], [], [], 0, FlagState())
    site = _site(row.site_id, row.s_name, row.s_timezone, row.s_settings)
    resource = _resource((resource_id, row.site_id, row.name, row.kind, row.required_badge,
                          row.r_settings, bool(row.active)))
    member = None
    if row.m_site_id is not None:
        member = Member(member_id, row.m_site_id, row.m_number, row.m_display_name,
                        row.m_cohort, MemberStatus(row.m_status), int(row.m_no_show_count),
                        _badges(row.m_badges))
    policy = _policy(row.s_settings, row.r_settings, member.cohort if member else None)
    busy = [_reservation(resource_id, item) for item in json.loads(row.busy or "[]")]
    if policy.buffer_minutes > pad:  # the settings changed since: query the wider window
        busy = queries.busy(conn, resource_id, span, policy.buffer_minutes, exclude_id)
    elif policy.buffer_minutes < pad:
        busy = _within(busy, span, policy.buffer_minutes)
    _PAD[resource_id] = policy.buffer_minutes
    if len(_PAD) > 100_000:
        _PAD.clear()
    return BookingReads(
        site=site, resource=resource, member=member, taken=bool(row.taken), policy=policy,
        waitlist=[_waitlist(resource_id, item) for item in json.loads(row.waitlist or "[]")],
        busy=busy,
        closures=[_closure(row.site_id, item) for item in json.loads(row.closures or "[]")],
        member_active=int(row.member_active), flags=_flags(row.flags))


def _generic_reads(conn: Connection, *, resource_id: str, member_id: str, span: Interval,
                   now: datetime, exclude_id: str | None, new_id: str | None
                   ) -> BookingReads:
    """The same reads as separate queries (SQLite: in-process, no round trips to save)."""
    row = queries.resource_with_site(conn, resource_id, new_id)
    if row is None:
        return BookingReads(None, None, None, False, None, [], [], [], 0, FlagState())
    site, resource = records.site_of(row), records.resource(row)
    member = queries.member(conn, member_id)
    policy = queries.policy(site, resource, member)
    return BookingReads(
        site=site, resource=resource, member=member, taken=bool(row["taken"]),
        policy=policy, waitlist=queries.waitlist_for(conn, resource_id),
        busy=queries.busy(conn, resource_id, span, policy.buffer_minutes, exclude_id),
        closures=queries.closures(conn, site.id, resource_id, span),
        member_active=queries.member_active(conn, member_id, now, exclude_id),
        flags=flags.state(conn))


def _within(busy: list[Reservation], span: Interval, buffer_minutes: int) -> list[Reservation]:
    """The reservations the conflict query with ``buffer_minutes`` would have returned."""
    pad = timedelta(minutes=buffer_minutes)
    low, high = span.start - pad, span.end + pad
    return [r for r in busy if r.interval.start < high and r.interval.end > low]


def _instant(text: str | None) -> datetime | None:
    if text is None:
        return None
    return datetime.fromisoformat(text).astimezone(UTC)


def _reservation(resource_id: str, item: list[Any]) -> Reservation:
    rid, member_id, start, end, status, created, checked_in, no_show, via = item
    return Reservation(rid, resource_id, member_id,
                       Interval(_instant(start), _instant(end)),  # type: ignore[arg-type]
                       ReservationStatus(status), _instant(created), _instant(checked_in),
                       bool(no_show), via)


def _waitlist(resource_id: str, item: list[Any]) -> WaitlistEntry:
    wid, member_id, start, end, created, status, offered, expires = item
    return WaitlistEntry(wid, resource_id, member_id,
                         Interval(_instant(start), _instant(end)),  # type: ignore[arg-type]
                         _instant(created), WaitlistStatus(status),  # type: ignore[arg-type]
                         _instant(offered), _instant(expires))


def _closure(site_id: str, item: list[Any]) -> Closure:
    cid, resource_id, start, end, reason = item
    return Closure(cid, site_id, Interval(_instant(start), _instant(end)),  # type: ignore[arg-type]
                   reason, resource_id)


# Caches keyed by the stored text: a changed row is a new key, so nothing goes stale.

@lru_cache(maxsize=4096)
def _settings(text: str | None) -> dict[str, Any]:
    value = json.loads(text) if text else None
    return dict(value or {})


@lru_cache(maxsize=4096)
def _site(site_id: str, name: str, timezone: str, settings: str | None) -> Site:
    return Site(site_id, name, timezone, _settings(settings))


@lru_cache(maxsize=16384)
def _resource(row: tuple[str, str, str, str, str | None, str | None, bool]) -> Resource:
    resource_id, site_id, name, kind, badge, settings, active = row
    return Resource(resource_id, site_id, name, kind, badge, _settings(settings), active)


@lru_cache(maxsize=16384)
def _policy(site_settings: str | None, resource_settings: str | None,
            cohort: str | None) -> BookingPolicy:
    return queries.policy_of(_settings(site_settings), _settings(resource_settings), cohort)


@lru_cache(maxsize=4096)
def _badges(text: str | None) -> frozenset[str]:
    return frozenset(json.loads(text) if text else ())


@lru_cache(maxsize=256)
def _flags(text: str | None) -> FlagState:
    return flags.state_from(json.loads(text) if text else [])
