"""``push``: apply one device's mutations exactly once, in seq order (invariants 1, 2, 7).

Each mutation runs in its own write transaction that locks the device row, re-reads its
``last_mutation_seq``, applies the handler inside a savepoint, records
``(device, mutation id) → result`` and advances ``last_mutation_seq`` — all or nothing.
A replay returns the stored result; a gap answers ``out_of_order`` for the rest of the
batch; a business rejection is recorded and advances the seq like a success.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from central import metrics
from central.db import tables as t
from central.db.engine import writing
from central.domain import mail
from central.domain.changes import ChangeSet, publish
from central.domain.devices import Device
from central.domain.mutations import HANDLERS, Ctx
from kiosk.core.refusals import RefusalCode, RefusedError

Clock = Callable[[], datetime]
_NO_MAIL = {RefusalCode.NOT_FOUND, RefusalCode.FORBIDDEN, RefusalCode.INVALID}


class OtherSiteError(Exception):
    """A mutation names an id that belongs to another site (answered 403, nothing written)."""


@dataclass(frozen=True, slots=True)
class MutationIn:
    id: str
    seq: int
    name: str
    args: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Result:
    id: str
    outcome: str  # applied | rejected | out_of_order
    replayed: bool = False
    code: str | None = None
    message: str | None = None


def _device_state(conn: Connection, device_id: str, mutation_id: str
                  ) -> tuple[int, Result | None]:
    """Lock the device row; return its ``last_mutation_seq`` and the stored result of
    ``mutation_id`` (a replay), in one round trip."""
    d, dm = t.devices, t.device_mutations
    stmt = (sa.select(d.c.last_mutation_seq, dm.c.mutation_id, dm.c.outcome, dm.c.code,
                      dm.c.message)
            .select_from(d.outerjoin(dm, sa.and_(dm.c.device_id == d.c.id,
                                                 dm.c.mutation_id == mutation_id)))
            .where(d.c.id == device_id))
    if conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update(of=d)
    row = conn.execute(stmt).one()
    stored = None
    if row.mutation_id is not None:
        stored = Result(row.mutation_id, row.outcome, True, row.code, row.message)
    return int(row.last_mutation_seq), stored


def _run(ctx: Ctx, m: MutationIn) -> Result:
    try:
        with ctx.conn.begin_nested():
            HANDLERS[m.name](ctx, m.args)
    except RefusedError as exc:
        ctx.cs.items.clear()
        refusal = exc.refusal
        if m.name == "reservation.create" and refusal.code not in _NO_MAIL:
            _rejection_mail(ctx, m, refusal.message)
        return Result(m.id, "rejected", False, str(refusal.code), refusal.message)
    return Result(m.id, "applied")


def _rejection_mail(ctx: Ctx, m: MutationIn, message: str) -> None:
    mail.queue(ctx.conn, m.args["member_id"], "booking_rejected",
               "Your booking made at the kiosk could not be kept",
               f"A booking you made at the kiosk while it was offline could not be kept: "
               f"{message}", now=ctx.now)


def _record(conn: Connection, device: Device, m: MutationIn, result: Result, *,
            now: datetime, started: float) -> None:
    """Store ``(device, mutation id) → result`` and advance the device's seq."""
    conn.execute(sa.insert(t.device_mutations).values(
        device_id=device.id, mutation_id=m.id, seq=m.seq, name=m.name,
        outcome=result.outcome, code=result.code, message=result.message,
        received_at=now, duration_ms=(time.perf_counter() - started) * 1000))
    conn.execute(sa.update(t.devices).where(t.devices.c.id == device.id)
                 .values(last_mutation_seq=m.seq))


def apply_one(conn: Connection, device: Device, m: MutationIn, clock: Clock) -> Result:
    """Apply (or replay, or refuse to reorder) one mutation in its own transaction on
    ``conn``. The site's version counter is bumped last, just before commit, so the row
    lock that orders the site's writers is held as briefly as possible."""
    started = time.perf_counter()
    with writing(conn):
        last, stored = _device_state(conn, device.id, m.id)
        if stored is not None:
            return stored
        if m.seq <= last:
            return Result(m.id, "rejected", False, "invalid",
                          f"seq {m.seq} was already used by another mutation")
        if m.seq != last + 1:
            return Result(m.id, "out_of_order")
        now = clock()
        ctx = Ctx(conn, device.site_id, device.id, now, ChangeSet())
        result = _run(ctx, m)
        _record(conn, device, m, result, now=now, started=started)
        publish(conn, ctx.cs, now)
    metrics.RESERVATIONS.labels(m.name, result.outcome, result.code or "").inc()
    return result


_ID_TABLES = (t.reservations, t.reservation_waitlist, t.resources, t.members)
_ID_ARGS = ("id", "resource_id", "member_id", "reservation_id")


def check_scope(conn: Connection, device: Device, mutations: Sequence[MutationIn]) -> None:
    """Raise ``OtherSiteError`` when any id a mutation names belongs to another site (one
    query over the four tables that hold such ids)."""
    ids = sorted({str(v) for m in mutations for k, v in m.args.items()
                  if k in _ID_ARGS and v is not None})
    if not ids:
        return
    foreign = sa.union_all(*[
        sa.select(table.c.id).where(table.c.id.in_(ids), table.c.site_id != device.site_id)
        for table in _ID_TABLES]).limit(1)
    if conn.execute(foreign).first() is not None:
        raise OtherSiteError("a mutation refers to another site's data")


def push(conn: Connection, device: Device, mutations: Sequence[MutationIn],
         clock: Clock) -> list[Result]:
    """Apply a batch in order on one connection; after a gap the rest are answered
    ``out_of_order``."""
    check_scope(conn, device, mutations)
    results: list[Result] = []
    for m in mutations:
        if results and results[-1].outcome == "out_of_order":
            results.append(Result(m.id, "out_of_order"))
            continue
        results.append(apply_one(conn, device, m, clock))
    return results
