"""``push``: apply one device's mutations exactly once, in seq order (invariants 1, 2, 7).

Each mutation runs in its own write transaction that locks the device row, re-reads its
``last_mutation_seq``, applies the handler inside a savepoint, records
``(device, mutation id) → result`` and advances ``last_mutation_seq`` — all or nothing.
A replay returns the stored result; a gap answers ``out_of_order`` for the rest of the
batch; a business rejection is recorded and advances the seq like a success. An id sent
again with a different name, seq or args (another fingerprint) is not a replay: it is
rejected ``invalid`` and changes nothing.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
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
from central.domain.mutations import Ctx, apply
from kiosk.core import messages, mutations
from kiosk.core.errors import InvalidInput
from kiosk.core.refusals import Refusal, RefusalCode, RefusedError

Clock = Callable[[], datetime]
_NO_MAIL = {RefusalCode.NOT_FOUND, RefusalCode.FORBIDDEN, RefusalCode.INVALID}


class OtherSiteError(Exception):
    """A mutation names an id that belongs to another site (answered 403, nothing written)."""


@dataclass(frozen=True, slots=True)
class MutationIn:
    """A mutation as it arrived: ``args`` in the wire's JSON form (the core's codec reads
    them, so a mutation the core cannot read is a recorded ``invalid`` rejection)."""

    id: str
    seq: int
    name: str
    args: dict[str, Any]

    @property
    def fingerprint(self) -> str | None:
        try:
            return mutations.fingerprint(self.name, self.seq, self.args)
        except InvalidInput:
            return None


@dataclass(frozen=True, slots=True)
class Result:
    id: str
    outcome: str  # applied | rejected | out_of_order
    replayed: bool = False
    code: str | None = None
    message: str | None = None
    reason: str | None = None
    params: dict[str, Any] | None = None
    fingerprint: str | None = None  # of the mutation this is the result of

    @classmethod
    def refused(cls, mutation_id: str, refusal: Refusal) -> Result:
        return cls(mutation_id, "rejected", False, str(refusal.code), refusal.message,
                   refusal.key or None, dict(refusal.params))


_DM = t.device_mutations
STORED = (_DM.c.mutation_id, _DM.c.outcome, _DM.c.code, _DM.c.message, _DM.c.reason,
           _DM.c.params, _DM.c.fingerprint)
_STATE = (sa.select(t.devices.c.last_mutation_seq, *STORED)
          .select_from(t.devices.outerjoin(t.device_mutations, sa.and_(
              t.device_mutations.c.device_id == t.devices.c.id,
              t.device_mutations.c.mutation_id == sa.bindparam("mutation_id"))))
          .where(t.devices.c.id == sa.bindparam("device_id")))

# PostgreSQL: lock the device row, then the member row the mutation books for (device
# first, always, so two transactions never wait on each other in opposite orders), and
# read the device's seq and the stored result — one round trip.
_PG_STATE = sa.text("""
WITH d AS (SELECT id, last_mutation_seq FROM devices WHERE id = :device_id FOR UPDATE),
     m AS (SELECT id FROM members
           WHERE id = CAST(:member_id AS varchar) AND EXISTS (SELECT 1 FROM d) FOR UPDATE)
SELECT d.last_mutation_seq, dm.mutation_id, dm.outcome, dm.code, dm.message, dm.reason,
       dm.params, dm.fingerprint, (SELECT count(*) FROM m) AS members_locked
FROM d LEFT JOIN device_mutations dm ON dm.device_id = d.id AND dm.mutation_id = :mutation_id
""")

#: Mutations whose member row the push locks together with the device row.
_MEMBER_LOCKS = {"reservation.create": "member_id"}


def _device_state(conn: Connection, device_id: str, mutation_id: str,
                  member_id: str | None = None) -> tuple[int, Result | None]:
    """Lock the device row (and, on PostgreSQL, ``member_id``'s row); return the device's
    ``last_mutation_seq`` and the stored result of ``mutation_id`` (a replay)."""
    params = {"device_id": device_id, "mutation_id": mutation_id, "member_id": member_id}
    if conn.dialect.name == "postgresql":
        row = conn.execute(_PG_STATE, params).one()
    else:
        row = conn.execute(_STATE, params).one()
    stored = None if row.mutation_id is None else stored_result(row)
    return int(row.last_mutation_seq), stored


def stored_result(row: Any) -> Result:
    """A stored result (from a row of ``_STORED``), as a replay answers it."""
    return Result(row.mutation_id, row.outcome, True, row.code, row.message, row.reason,
                  row.params, row.fingerprint)


def _stored(conn: Connection, device_id: str, mutation_id: str) -> Result | None:
    """The stored result of ``mutation_id``, read by a fresh statement: a statement that
    waited for the device lock read the results table before the lock holder committed."""
    row = conn.execute(sa.select(*STORED).where(
        _DM.c.device_id == device_id, _DM.c.mutation_id == mutation_id)).first()
    return None if row is None else stored_result(row)


#: Handlers that refuse only before their first write and whose write cannot fail with
#: a recoverable error on PostgreSQL (``ON CONFLICT DO NOTHING``): no savepoint needed.
_NO_SAVEPOINT = {"reservation.create"}


def _run(ctx: Ctx, m: MutationIn) -> Result:
    try:
        record = mutations.decode(m.name, m.args)
    except InvalidInput as exc:
        return Result.refused(m.id, messages.refuse("unreadable", detail=str(exc)))
    savepoint: AbstractContextManager[Any] = (
        nullcontext() if m.name in _NO_SAVEPOINT and ctx.conn.dialect.name == "postgresql"
        else ctx.conn.begin_nested())
    try:
        with savepoint:
            outcome = apply(ctx, record)
            if isinstance(outcome, Refusal):
                raise RefusedError(outcome)
    except RefusedError as exc:
        ctx.cs.items.clear()
        refusal = exc.refusal
        if m.name == "reservation.create" and refusal.code not in _NO_MAIL:
            _rejection_mail(ctx, m, refusal.message)
        return Result.refused(m.id, refusal)
    return Result(m.id, "applied")


def _rejection_mail(ctx: Ctx, m: MutationIn, message: str) -> None:
    mail.queue(ctx.conn, m.args["member_id"], "booking_rejected",
               "Your booking made at the kiosk could not be kept",
               f"A booking you made at the kiosk while it was offline could not be kept: "
               f"{message}", now=ctx.now)


# Stores ``(device, mutation id) → result`` and advances the device's seq: data-modifying
# CTEs that ``changes.publish`` runs in the statement that bumps the site's counter.
_PG_RECORD = """
rec AS (INSERT INTO device_mutations (device_id, mutation_id, seq, name, outcome, code,
                                      message, received_at, duration_ms, fingerprint,
                                      reason, params)
        VALUES (:rec_device, :rec_mutation, :rec_seq, :rec_name, :rec_outcome, :rec_code,
                :rec_message, :rec_at, :rec_ms, :rec_fingerprint, :rec_reason,
                CAST(:rec_params AS jsonb))),
adv AS (UPDATE devices SET last_mutation_seq = :rec_seq WHERE id = :rec_device)
"""


def _record(conn: Connection, device: Device, m: MutationIn, result: Result, cs: ChangeSet,
            *, now: datetime, started: float) -> None:
    """Store ``(device, mutation id) → result``, advance the device's seq and publish the
    changes (bumping the site's counter) — one statement on PostgreSQL."""
    values = {"device_id": device.id, "mutation_id": m.id, "seq": m.seq, "name": m.name,
              "outcome": result.outcome, "code": result.code, "message": result.message,
              "received_at": now, "duration_ms": (time.perf_counter() - started) * 1000,
              "fingerprint": m.fingerprint, "reason": result.reason,
              "params": result.params}
    if conn.dialect.name == "postgresql" and len({key[0] for key in cs.items}) <= 1:
        params = {"rec_device": device.id, "rec_mutation": m.id, "rec_seq": m.seq,
                  "rec_name": m.name, "rec_outcome": result.outcome, "rec_code": result.code,
                  "rec_message": result.message, "rec_at": now,
                  "rec_ms": values["duration_ms"], "rec_fingerprint": m.fingerprint,
                  "rec_reason": result.reason,
                  "rec_params": None if result.params is None else json.dumps(result.params)}
        publish(conn, cs, now, also=(_PG_RECORD, params))
        return
    conn.execute(sa.insert(t.device_mutations).values(**values))
    conn.execute(sa.update(t.devices).where(t.devices.c.id == device.id)
                 .values(last_mutation_seq=m.seq))
    publish(conn, cs, now)


def apply_one(conn: Connection, device: Device, m: MutationIn, clock: Clock) -> Result:
    """Apply (or replay, or refuse to reorder) one mutation in its own transaction on
    ``conn``. The site's version counter is bumped last, just before commit, so the row
    lock that orders the site's writers is held as briefly as possible."""
    started = time.perf_counter()
    with writing(conn):
        lock = _MEMBER_LOCKS.get(m.name)
        member_id = str(m.args[lock]) if lock and m.args.get(lock) else None
        last, stored = _device_state(conn, device.id, m.id, member_id)
        if stored is None and m.seq <= last:
            stored = _stored(conn, device.id, m.id)
        if stored is not None:
            return _replay(conn, device, m, stored, last)
        if m.seq <= last:
            return Result.refused(m.id, messages.refuse("seq_used", seq=m.seq))
        if m.seq != last + 1:
            return Result(m.id, "out_of_order")
        # Whole seconds, as the kiosk's cache keeps instants: both sides then write the
        # same created_at, offered_at, … for the same decision.
        now = clock().replace(microsecond=0)
        ctx = Ctx(conn, device.site_id, device.id, now, ChangeSet(), member_id)
        result = _run(ctx, m)
        _record(conn, device, m, result, ctx.cs, now=now, started=started)
    metrics.RESERVATIONS.labels(m.name, result.outcome, result.code or "").inc()
    return result


def _replay(conn: Connection, device: Device, m: MutationIn, stored: Result,
            last: int) -> Result:
    """The stored result of an identical resend; ``invalid`` for an id reused with another
    body (nothing changes, but a new seq is used up so the queue behind it moves on)."""
    if stored.fingerprint is None or stored.fingerprint == m.fingerprint:
        return stored
    if m.seq == last + 1:
        conn.execute(sa.update(t.devices).where(t.devices.c.id == device.id)
                     .values(last_mutation_seq=m.seq))
    return Result.refused(m.id, messages.refuse("id_reused", id=m.id))


_ID_ARGS = ("id", "resource_id", "member_id", "reservation_id")


def scope_ids(mutations: Sequence[MutationIn]) -> list[str]:
    """Every id the mutations name (checked against the device's site at authentication:
    ``devices.authenticate(…, scope_ids=…)``)."""
    return sorted({str(v) for m in mutations for k, v in m.args.items()
                   if k in _ID_ARGS and v is not None})


def push(conn: Connection, device: Device, mutations: Sequence[MutationIn],
         clock: Clock) -> list[Result]:
    """Apply a batch in order on one connection; after a gap the rest are answered
    ``out_of_order``. Raises ``OtherSiteError`` (nothing written) when ``device`` was
    authenticated with ``scope_ids`` of which some belong to another site."""
    if device.foreign_ids:
        raise OtherSiteError("a mutation refers to another site's data")
    results: list[Result] = []
    for m in mutations:
        if results and results[-1].outcome == "out_of_order":
            results.append(Result(m.id, "out_of_order"))
            continue
        results.append(apply_one(conn, device, m, clock))
    return results
