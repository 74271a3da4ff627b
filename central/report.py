"""The go/no-go report: the deployment plan's figures computed from what the server
recorded (mutation results and timings, 5xx answers, mails, reservations).

Given ``since``, every figure covers only what happened from then on, each read through
an index on its time column, so the report costs the same after years of data
(``central report --days N``); without it, all of history. The conflict check reads the
active bookings only, which are bounded by what is booked ahead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from central.db import tables as t


@dataclass(frozen=True, slots=True)
class Figure:
    name: str
    value: float | None
    target: str
    ok: bool | None
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "value": self.value, "target": self.target,
                "ok": self.ok, "note": self.note}


def _ratio(num: int, den: int) -> float | None:
    return None if den == 0 else num / den


def _p95(values: list[float]) -> float | None:
    if not values:
        return None
    values.sort()
    return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def conflict_pairs(conn: Connection) -> int:
    """Active reservations closer to their predecessor than its buffer (should be 0)."""
    r = t.reservations
    part, order = r.c.resource_id, r.c.starts_at
    inner = sa.select(
        r.c.starts_at,
        sa.func.lag(r.c.ends_at).over(partition_by=part, order_by=order).label("prev_end"),
        sa.func.lag(r.c.buffer_minutes).over(partition_by=part, order_by=order)
        .label("prev_buffer"),
    ).where(r.c.status.in_(["pending", "confirmed", "checked_in"])).subquery()
    rows = conn.execute(sa.select(inner).where(inner.c.prev_end.is_not(None)))
    count = 0
    for raw_start, raw_prev_end, buffer in rows:
        if _utc(raw_start) < _utc(raw_prev_end) + timedelta(minutes=int(buffer or 0)):
            count += 1
    return count


def _utc(value: Any) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _counts(rows: Any) -> dict[str, int]:
    return {str(key): int(value) for key, value in rows}


def _from(column: Any, since: datetime | None) -> Any:
    return sa.true() if since is None else column >= since


def figures(conn: Connection, since: datetime | None = None) -> list[Figure]:
    """The figures over what happened from ``since`` on (None: all of history)."""
    dm, e, r = t.device_mutations, t.emails, t.reservations
    count = sa.func.count()
    recent = _from(dm.c.received_at, since)
    creates = _counts(conn.execute(sa.select(dm.c.outcome, count).where(
        dm.c.name == "reservation.create", recent).group_by(dm.c.outcome)))
    applied, total_creates = creates.get("applied", 0), sum(creates.values())
    mutations = int(conn.execute(sa.select(count).select_from(dm).where(recent)).scalar_one())
    errors = int(conn.execute(sa.select(count).select_from(t.request_errors).where(
        _from(t.request_errors.c.at, since))).scalar_one())
    rs = t.request_stats
    requests, errors_5xx = (int(v or 0) for v in conn.execute(
        sa.select(sa.func.sum(rs.c.requests), sa.func.sum(rs.c.errors_5xx))
        .where(_from(rs.c.hour, since))).one())
    durations = [float(v) for v in conn.execute(sa.select(dm.c.duration_ms).where(recent)
                                                .order_by(dm.c.received_at.desc())
                                                .limit(20000)).scalars()]
    # One index range per status (idx_emails_status is (status, created_at)).
    mails = {status: int(conn.execute(sa.select(count).select_from(e).where(
        e.c.status == status, _from(e.c.created_at, since))).scalar_one())
        for status in ("pending", "sending", "sent", "failed")}
    ended = _counts(conn.execute(sa.select(r.c.status, count).where(
        r.c.status.in_(["checked_in", "completed", "no_show"]),
        _from(r.c.starts_at, since)).group_by(r.c.status)))
    success = _ratio(applied, total_creates)
    conflicts = conflict_pairs(conn)
    error_rate = _ratio(errors, mutations + errors)
    request_rate = _ratio(errors_5xx, requests)
    p95 = _p95(durations)
    delivered = _ratio(mails.get("sent", 0), mails.get("sent", 0) + mails.get("failed", 0))
    no_show = _ratio(ended.get("no_show", 0), sum(ended.values()))
    return [
        Figure("reservation success rate", success, "> 90 %",
               None if success is None else success > 0.9,
               f"{applied} of {total_creates} bookings applied (refusals say why)"),
        Figure("conflict detection errors", float(conflicts), "0", conflicts == 0,
               "active reservations overlapping or inside a buffer"),
        Figure("error rate per request", request_rate, "< 0.5 %",
               None if request_rate is None else request_rate < 0.005,
               f"{errors_5xx} answers with 5xx of {requests} requests"),
        Figure("error rate per mutation", error_rate, "< 0.5 %",
               None if error_rate is None else error_rate < 0.005,
               f"{errors} server errors over {mutations} mutations"),
        Figure("push p95 latency (ms)", p95, "< 20 ms", None if p95 is None else p95 < 20,
               "time to apply one mutation, transaction included"),
        Figure("email delivery", delivered, "> 98 %",
               None if delivered is None else delivered > 0.98,
               f"{mails.get('sent', 0)} sent, {mails.get('failed', 0)} failed after retries, "
               f"{mails.get('pending', 0)} pending, {mails.get('sending', 0)} sending "
               "(stuck if it stays above 0)"),
        Figure("no-show rate", no_show, "(watch)", None,
               f"{ended.get('no_show', 0)} of {sum(ended.values())} ended bookings"),
    ]


def render(figs: list[Figure]) -> str:
    lines = [f"{'figure':<28} {'value':>10}  {'target':<10} {'go?':<5} note"]
    for f in figs:
        value = "n/a" if f.value is None else (
            f"{f.value:.1%}" if (f.value <= 1 and "rate" in f.name) or "delivery" in f.name
            else f"{f.value:.2f}")
        verdict = {True: "go", False: "NO", None: "-"}[f.ok]
        lines.append(f"{f.name:<28} {value:>10}  {f.target:<10} {verdict:<5} {f.note}")
    failing = [f.name for f in figs if f.ok is False]
    lines.append("verdict: " + ("NO-GO (" + ", ".join(failing) + ")" if failing else "GO"))
    return "\n".join(lines)
