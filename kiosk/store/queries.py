"""The hot read queries, written once as SQL so the benchmark can run the very same text
through the stdlib ``sqlite3`` module as a floor.

Both bound ``starts_at`` from below by (window start − the longest reservation the
resource has ever held, kept in ``resources.longest_seconds`` by a trigger): with that
bound SQLite does an index range scan on (resource_id, starts_at), never a full scan.
The conflict query repeats the partial index's predicate verbatim so the planner may use
``ix_reservations_conflict``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy.orm import Session

from kiosk.core.model import Interval, Reservation, ReservationStatus
from kiosk.store.schema import ACTIVE_SQL
from kiosk.store.types import from_seconds, to_seconds

COLUMNS = (
    "id, resource_id, member_id, starts_at, ends_at, status, created_at, checked_in_at, "
    "no_show, via"
)

CONFLICT_SQL = (
    f"SELECT {COLUMNS} FROM reservations "  # noqa: S608 (constants only, values are bound)
    f"WHERE resource_id = :rid AND {ACTIVE_SQL} "
    "AND starts_at >= :lo AND starts_at < :hi AND ends_at > :after AND id != :exclude "
    "ORDER BY starts_at"
)

_new = object.__new__
_set = object.__setattr__
_STATUS = {str(s): s for s in ReservationStatus}


def to_reservations(rows: Iterable[Sequence[Any]]) -> list[Reservation]:
    """Reservations from rows of ``COLUMNS`` (instants as unix seconds).

    Intervals are built without re-validation (the store only holds UTC seconds with
    ``ends_at > starts_at``, a CHECK constraint) and equal instants share one datetime:
    this keeps a 300-row day calendar within a small factor of a raw sqlite3 fetch."""
    instants: dict[int | None, datetime | None] = {None: None}

    def instant(value: int | None) -> Any:
        found = instants.get(value)
        if found is None and value is not None:
            found = instants[value] = from_seconds(value)
        return found

    out = []
    for rid, res, mem, start, end, status, created, checked, no_show, via in rows:
        span = _new(Interval)
        _set(span, "start", instant(start))
        _set(span, "end", instant(end))
        out.append(Reservation(rid, res, mem, span, _STATUS[status], instant(created),
                               instant(checked), bool(no_show), via))
    return out


def to_reservation(row: Sequence[Any]) -> Reservation:
    return to_reservations([row])[0]


def conflict_params(
    resource_id: str, span: Interval, margin: timedelta, longest_seconds: int,
    exclude_id: str = "",
) -> dict[str, object]:
    """Parameters of ``CONFLICT_SQL``: active reservations within ``margin`` of ``span``."""
    after = to_seconds(span.start - margin)
    return {
        "rid": resource_id, "lo": after - longest_seconds,
        "hi": to_seconds(span.end + margin), "after": after, "exclude": exclude_id,
    }


def _driver(session: Session) -> Any:
    """The session's own sqlite3 connection, inside its current transaction.

    The two hot queries run their fixed SQL on it directly: SQLAlchemy's statement and
    result layers cost more than the query itself here (40 µs on a 14 µs conflict check).
    """
    return session.connection().connection.driver_connection


def busy_near(
    session: Session, resource_id: str, span: Interval, *, margin: timedelta,
    longest_seconds: int, exclude_id: str = "",
) -> list[Reservation]:
    """Active reservations of one resource overlapping ``span`` widened by ``margin``."""
    params = conflict_params(resource_id, span, margin, longest_seconds, exclude_id)
    return to_reservations(_driver(session).execute(CONFLICT_SQL, params))


@lru_cache(maxsize=64)
def calendar_sql(count: int) -> str:
    """Reservations of ``count`` resources (params ``r0``…) overlapping a window.

    The lower bound on ``starts_at`` subtracts the longest booking those resources ever
    held, read in the same statement so the calendar costs one round trip."""
    names = ", ".join(f":r{i}" for i in range(count))
    return (
        f"SELECT {COLUMNS} FROM reservations "  # noqa: S608 (constants only, values are bound)
        f"WHERE resource_id IN ({names}) "
        "AND starts_at >= :after - (SELECT COALESCE(MAX(longest_seconds), 0) FROM resources "
        f"WHERE id IN ({names})) "
        "AND starts_at < :hi AND ends_at > :after "
        "ORDER BY resource_id, starts_at"
    )


def calendar_params(resource_ids: Sequence[str], span: Interval) -> dict[str, object]:
    params: dict[str, object] = {f"r{i}": rid for i, rid in enumerate(resource_ids)}
    params.update(hi=to_seconds(span.end), after=to_seconds(span.start))
    return params


def reservations_in(
    session: Session, resource_ids: Sequence[str], span: Interval
) -> list[Reservation]:
    """Every reservation (any status) of the resources overlapping ``span``."""
    if not resource_ids:
        return []
    params = calendar_params(resource_ids, span)
    return to_reservations(_driver(session).execute(calendar_sql(len(resource_ids)), params))


MEMBER_UPCOMING_SQL = (
    f"SELECT {COLUMNS} FROM reservations "  # noqa: S608 (constants only, values are bound)
    f"WHERE member_id = :mid AND {ACTIVE_SQL} AND starts_at >= :after AND starts_at < :until "
    "ORDER BY starts_at, id LIMIT :limit OFFSET :offset"
)
MEMBER_UPCOMING_COUNT_SQL = (
    "SELECT count(*) FROM reservations "  # noqa: S608 (constants only, values are bound)
    f"WHERE member_id = :mid AND {ACTIVE_SQL} AND starts_at >= :after"
)
#: An instant later than any booking (year 9999), for an open-ended ``until``.
FOREVER = 253_402_300_799


def member_upcoming(
    session: Session, member_id: str, after: datetime, *, limit: int, offset: int = 0,
    until: datetime | None = None,
) -> tuple[list[Reservation], int]:
    """The member's active reservations starting at or after ``after`` (and before
    ``until``), soonest first: at most ``limit`` of them from ``offset``, and how many
    start at or after ``after`` in all. An index range scan on (member_id, starts_at)."""
    driver = _driver(session)
    lo = to_seconds(after)
    params = {"mid": member_id, "after": lo, "limit": limit, "offset": offset,
              "until": FOREVER if until is None else to_seconds(until)}
    found = to_reservations(driver.execute(MEMBER_UPCOMING_SQL, params))
    total = driver.execute(MEMBER_UPCOMING_COUNT_SQL, {"mid": member_id, "after": lo})
    return found, int(total.fetchone()[0])


BUSY_AT_SQL = (
    "SELECT DISTINCT resource_id FROM reservations "  # noqa: S608 (constants only)
    f"WHERE resource_id IN (SELECT id FROM resources) AND {ACTIVE_SQL} "
    "AND starts_at >= :at - (SELECT COALESCE(MAX(longest_seconds), 0) FROM resources) "
    "AND starts_at <= :at AND ends_at > :at"
)


def busy_at(session: Session, at: datetime) -> set[str]:
    """Ids of the resources with an active reservation at ``at``: a short range scan of
    the conflict index per resource."""
    return {rid for (rid,) in _driver(session).execute(BUSY_AT_SQL, {"at": to_seconds(at)})}


RESOURCE_COLUMNS = "id, site_id, name, kind, required_badge, settings, active"


def resource_rows(
    session: Session, *, kind: str | None = None, ids: Sequence[str] | None = None,
) -> list[tuple[Any, ...]]:
    """Active resources as rows of ``RESOURCE_COLUMNS`` (settings as JSON text), by kind
    and name, optionally only of ``kind`` and among ``ids``."""
    where, params = ["active"], {}
    if kind is not None:
        where.append("kind = :kind")
        params["kind"] = kind
    if ids is not None:
        names = [f"r{i}" for i in range(len(ids))]
        where.append(f"id IN ({', '.join(':' + n for n in names) or 'NULL'})")
        params.update(zip(names, ids, strict=True))
    sql = (f"SELECT {RESOURCE_COLUMNS} FROM resources "  # noqa: S608 (constants, bound values)
           f"WHERE {' AND '.join(where)} ORDER BY kind, name")
    return list(_driver(session).execute(sql, params))


#: Check-in windows open at most this long before a start (generous bound for the query).
EARLIEST_OPEN = timedelta(days=1)
MEMBER_NEAR_SQL = (
    f"SELECT {COLUMNS} FROM reservations "  # noqa: S608 (constants only, values are bound)
    f"WHERE member_id = :mid AND starts_at >= :lo AND starts_at <= :hi AND {ACTIVE_SQL} "
    "AND checked_in_at IS NULL ORDER BY starts_at"
)


def member_near(session: Session, member_id: str, now: datetime) -> list[Reservation]:
    """The member's active, not checked-in reservations starting within a day of now
    (those a scan may check in to)."""
    params = {"mid": member_id, "lo": to_seconds(now - EARLIEST_OPEN),
              "hi": to_seconds(now + EARLIEST_OPEN)}
    return to_reservations(_driver(session).execute(MEMBER_NEAR_SQL, params))
