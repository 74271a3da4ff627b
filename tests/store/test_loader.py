"""Bulk loading: records round-trip, chunks are transactions, foreign keys hold, and the
longest-reservation bound follows what was loaded."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from kiosk.core.errors import InvalidInput
from kiosk.core.model import Closure, Interval, Reservation, ReservationStatus, Resource
from kiosk.core.refusals import Refusal
from kiosk.store import loader
from kiosk.store.db import Store
from kiosk.store.schema import ResourceRow
from kiosk.store.service import KioskService
from tests.store.factory import ALICE, BOB, PLOT, SAW, SITE, span


def make(i: int, resource: str = SAW.id, hours: int = 1) -> Reservation:
    start = span(9, 10, day=3).start + timedelta(hours=2 * i)
    return Reservation(f"r-{i}", resource, (ALICE, BOB)[i % 2].id,
                       Interval(start, start + timedelta(hours=hours)),
                       ReservationStatus.CONFIRMED, created_at=start - timedelta(days=1))


def test_reservations_round_trip_in_chunks(store: Store, svc: KioskService) -> None:
    records = [make(i) for i in range(25)]
    assert loader.load_reservations(store, iter(records), chunk=7) == 25
    assert [svc.reads.reservation(r.id) for r in records] == records


def test_a_bad_chunk_rolls_back_alone(store: Store, svc: KioskService) -> None:
    records = [make(i) for i in range(6)]
    bad = Reservation("r-bad", "no-such-resource", ALICE.id, records[0].interval)
    with pytest.raises(IntegrityError):
        loader.load_reservations(store, [*records[:3], *records[3:5], bad], chunk=3)
    assert [svc.reads.reservation(r.id) is not None for r in records] == [True] * 3 + [False] * 3


def test_longest_bound_follows_loaded_reservations(store: Store, svc: KioskService) -> None:
    loader.load_reservations(store, [make(0, PLOT.id, hours=20), make(1, SAW.id)])
    with store.read() as session:
        longest = dict(session.execute(select(ResourceRow.id, ResourceRow.longest_seconds)).all())
    assert (longest[PLOT.id], longest[SAW.id]) == (20 * 3600, 3600)
    # a 20-hour booking that began the day before still shows on the calendar
    late = svc.reads.reservations_between(span(20, 21, day=3, m2=30), [PLOT.id])
    assert [r.id for r in late] == ["r-0"]


def test_sites_resources_and_members_are_upserted(store: Store, svc: KioskService) -> None:
    renamed = Resource(SAW.id, SITE.id, "Saw (renamed)", "table_saw", "saw")
    loader.load_resources(store, [renamed])
    assert svc.reads.resource(SAW.id) == renamed
    loader.load_closures(store, [Closure("c-1", SITE.id, span(0, 23, day=4), "Holiday")])
    refusal = svc.reservations.book(SAW.id, ALICE.id, span(10, 11, day=4))
    assert isinstance(refusal, Refusal) and refusal.rule == "closure"


def test_invalid_settings_are_refused_before_writing(store: Store, svc: KioskService) -> None:
    with pytest.raises(InvalidInput):
        loader.load_resources(store, [Resource("x", SITE.id, "X", "room",
                                               settings={"slot_minutez": 5})])
    assert svc.reads.resource("x") is None
