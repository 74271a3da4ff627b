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
from sqlalchemy.engine import Connection, Engine

from central import metrics
from central.db import tables as t
from central.db.engine import write
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


def _stored(conn: Connection, device_id: str, mutation_id: str) -> Result | None:
    dm = t.device_mutations
    row = conn.execute(sa.select(dm).where(dm.c.device_id == device_id,
                                           dm.c.mutation_id == mutation_id)).mappings().first()
    if row is None:
        return None
    return Result(row["mutation_id"], row["outcome"], True, row["code"], row["message"])


def _last_seq(conn: Connection, device_id: str) -> int:
    stmt = sa.select(t.devices.c.last_mutation_seq).where(t.devices.c.id == device_id)
    if conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    return int(conn.execute(stmt).scalar_one())


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


def apply_one(engine: Engine, device: Device, m: MutationIn, clock: Clock) -> Result:
    """Apply (or replay, or refuse to reorder) one mutation in its own transaction."""
    started = time.perf_counter()
    with write(engine) as conn:
        last = _last_seq(conn, device.id)
        stored = _stored(conn, device.id, m.id)
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
        publish(conn, ctx.cs, now)
        conn.execute(sa.insert(t.device_mutations).values(
            device_id=device.id, mutation_id=m.id, seq=m.seq, name=m.name,
            outcome=result.outcome, code=result.code, message=result.message,
            received_at=now, duration_ms=(time.perf_counter() - started) * 1000))
        conn.execute(sa.update(t.devices).where(t.devices.c.id == device.id)
                     .values(last_mutation_seq=m.seq))
    metrics.RESERVATIONS.labels(m.name, result.outcome, result.code or "").inc()
    return result


_ID_TABLES = (t.reservations, t.reservation_waitlist, t.resources, t.members)


def check_scope(engine: Engine, device: Device, mutations: Sequence[MutationIn]) -> None:
    """Raise ``OtherSiteError`` when any id a mutation names belongs to another site."""
    ids = {str(v) for m in mutations for k, v in m.args.items()
           if k in ("id", "resource_id", "member_id") and v is not None}
    if not ids:
        return
    with engine.connect() as conn:
        for table in _ID_TABLES:
            stmt = sa.select(table.c.id).where(table.c.id.in_(ids),
                                               table.c.site_id != device.site_id).limit(1)
            if conn.execute(stmt).first() is not None:
                raise OtherSiteError("a mutation refers to another site's data")


def push(engine: Engine, device: Device, mutations: Sequence[MutationIn],
         clock: Clock) -> list[Result]:
    """Apply a batch in order; after a gap the rest are answered ``out_of_order``."""
    check_scope(engine, device, mutations)
    results: list[Result] = []
    for m in mutations:
        if results and results[-1].outcome == "out_of_order":
            results.append(Result(m.id, "out_of_order"))
            continue
        results.append(apply_one(engine, device, m, clock))
    return results
