"""The two implementations the differential test compares, behind one small interface:
the kiosk's service on its SQLite cache, and the server's mutation handling
(``push.apply_one`` and its jobs) on SQLite or PostgreSQL. Each side starts from the same
site data and is driven with the same typed mutations at the same clock."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from central.db import tables as t
from central.db.engine import write
from central.demo import load_data
from central.domain import devices, push
from central.jobs import sweeps
from kiosk.core import mutations
from kiosk.core.mutations import Mutation
from kiosk.core.refusals import Refusal
from kiosk.demo.dataset import DemoData
from kiosk.demo.load import load_demo
from kiosk.store.db import open_store
from kiosk.store.schema import MemberRow, ReservationRow, WaitlistRow
from kiosk.store.service import KioskService

Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a side answered: applied, or rejected with the catalogue's code, key, params."""

    outcome: str
    code: str | None = None
    reason: str | None = None
    params: tuple[tuple[str, str], ...] = ()

    @classmethod
    def rejected(cls, code: str | None, reason: str | None,
                 params: Mapping[str, Any] | None) -> Outcome:
        return cls("rejected", code, reason,
                   tuple(sorted((k, str(v)) for k, v in (params or {}).items())))


@dataclass(frozen=True, slots=True)
class Rows:
    """The rows the rules decide, comparable across the two schemas."""

    reservations: frozenset[tuple[Any, ...]]
    waitlist: frozenset[tuple[Any, ...]]
    members: frozenset[tuple[Any, ...]]


class Side(Protocol):
    name: str

    def apply(self, mutation_id: str, m: Mutation) -> Outcome: ...
    def sweep(self) -> None: ...
    def expire(self) -> None: ...
    def rows(self) -> Rows: ...


def utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def reservation_key(r: Any) -> tuple[Any, ...]:
    return (r.id, r.resource_id, r.member_id, utc(r.starts_at), utc(r.ends_at), r.status,
            utc(r.checked_in_at), bool(r.no_show), r.via)


def entry_key(w: Any) -> tuple[Any, ...]:
    return (w.id, w.resource_id, w.member_id, utc(w.starts_at), utc(w.ends_at), w.status,
            utc(w.created_at), utc(w.offered_at), utc(w.offer_expires_at))


def member_key(m: Any) -> tuple[Any, ...]:
    return (m.id, m.status, m.no_show_count)


class KioskSide:
    """The kiosk's store: ``Writer.apply`` (load → decide → save + outbox) and its jobs."""

    name = "kiosk"

    def __init__(self, path: Path, data: DemoData, clock: Clock) -> None:
        store = open_store(path)
        load_demo(store, data)
        self.svc = KioskService(store, clock)

    def apply(self, mutation_id: str, m: Mutation) -> Outcome:
        got = self.svc.writer.apply(m)
        if isinstance(got, Refusal):
            return Outcome.rejected(str(got.code), got.key, got.params)
        return Outcome("applied")

    def sweep(self) -> None:
        self.svc.reservations.no_show_sweep()

    def expire(self) -> None:
        self.svc.waitlist.expire_offers()

    def rows(self) -> Rows:
        with self.svc.store.read() as s:
            return Rows(frozenset(reservation_key(r) for r in s.scalars(sa.select(ReservationRow))),
                        frozenset(entry_key(w) for w in s.scalars(sa.select(WaitlistRow))),
                        frozenset(member_key(m) for m in s.scalars(sa.select(MemberRow))))

    def close(self) -> None:
        self.svc.store.close()


class ServerSide:
    """The reference server's push handling and jobs on one database, one site of it."""

    def __init__(self, name: str, engine: Engine, data: DemoData, clock: Clock) -> None:
        self.name, self.engine, self.clock = name, engine, clock
        self.site_id = data.site.id
        with write(engine) as conn:
            load_data(conn, data, clock())
            device_id, _token = devices.issue(conn, self.site_id, "differential", clock())
        self.device = devices.Device(device_id, self.site_id)
        self.seq = 0

    def apply(self, mutation_id: str, m: Mutation) -> Outcome:
        self.seq += 1
        name, args = mutations.encode(m)
        with self.engine.connect() as conn:
            got = push.apply_one(conn, self.device,
                                 push.MutationIn(mutation_id, self.seq, name, args), self.clock)
        if got.outcome == "applied":
            return Outcome("applied")
        assert got.outcome == "rejected", got
        return Outcome.rejected(got.code, got.reason, got.params)

    def sweep(self) -> None:
        sweeps.no_show_sweep(self.engine, self.clock())

    def expire(self) -> None:
        sweeps.waitlist_expiry(self.engine, self.clock())

    def rows(self) -> Rows:
        site = self.site_id
        with self.engine.connect() as conn:
            res = conn.execute(sa.select(t.reservations).where(t.reservations.c.site_id == site))
            wait = conn.execute(sa.select(t.reservation_waitlist)
                                .where(t.reservation_waitlist.c.site_id == site))
            mem = conn.execute(sa.select(t.members).where(t.members.c.site_id == site))
            return Rows(frozenset(reservation_key(r) for r in res),
                        frozenset(entry_key(w) for w in wait),
                        frozenset(member_key(m) for m in mem))


def new_id() -> str:
    return str(uuid.uuid4())
