"""The batched reads the UI uses: many policies in one read, a day's calendar in one
transaction, "free right now", and a member's upcoming bookings a page at a time with
the count of the rest."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.core.errors import InvalidInput
from kiosk.core.model import Interval, Reservation, ReservationStatus
from kiosk.store import loader, queries
from kiosk.store.db import Store, open_store
from kiosk.store.service import KioskService
from tests.store.factory import ALICE, BOB, PLOT, ROOM, SAW, SAW2, local, span
from tests.store.test_query_plans import plan


def booking(rid: str, resource: str, member: str, h1: int, h2: int, *, day: int = 2,
            status: ReservationStatus = ReservationStatus.CONFIRMED) -> Reservation:
    return Reservation(rid, resource, member, span(h1, h2, day), status,
                       created_at=local(7, day=2))


def test_effective_policies_match_one_at_a_time(svc: KioskService) -> None:
    ids = [SAW.id, SAW2.id, ROOM.id, PLOT.id]
    for cohort in (None, "pilot", "general"):
        batched = svc.reads.effective_policies([*ids, "no-such-resource"], cohort)
        assert batched == {rid: svc.reads.effective_policy(rid, cohort) for rid in ids}
    assert svc.reads.effective_policies([]) == {}


def test_calendar_day_reads_resources_policies_and_bookings_at_once(
        store: Store, svc: KioskService) -> None:
    loader.load_reservations(store, [
        booking("a", SAW.id, ALICE.id, 9, 10), booking("b", ROOM.id, BOB.id, 11, 12),
        booking("c", SAW2.id, BOB.id, 9, 10, day=3)])
    day = Interval(local(0), local(0, day=3))
    data = svc.reads.calendar_day(day)
    assert data.resources == [r for r in svc.reads.resources() if r.active]
    assert data.policies == {r.id: svc.reads.effective_policy(r.id) for r in data.resources}
    assert sorted(r.id for r in data.reservations) == ["a", "b"]
    saws = svc.reads.calendar_day(day, kind="table_saw", cohort="pilot")
    assert [r.id for r in saws.resources] == [SAW.id, SAW2.id]
    assert saws.policies[SAW.id] == svc.reads.effective_policy(SAW.id, "pilot")
    assert [r.id for r in saws.reservations] == ["a"]
    some = svc.reads.calendar_day(day, resource_ids=[ROOM.id, SAW2.id])
    assert [r.id for r in some.resources] == [ROOM.id, SAW2.id]  # display order, not asked
    assert [r.id for r in some.reservations] == ["b"]
    assert svc.reads.calendar_day(day, resource_ids=[]).resources == []


def test_resources_now_names_the_booked_ones(store: Store, svc: KioskService) -> None:
    loader.load_reservations(store, [
        booking("a", SAW.id, ALICE.id, 9, 10), booking("b", ROOM.id, BOB.id, 9, 11),
        booking("x", SAW2.id, BOB.id, 9, 10, status=ReservationStatus.CANCELLED)])
    now = svc.reads.resources_now(local(9, 30))
    assert now.busy == {SAW.id, ROOM.id}
    assert [r.id for r in now.resources] == [r.id for r in svc.reads.resources() if r.active]
    assert set(now.policies) == {r.id for r in now.resources}
    assert svc.reads.resources_now(local(10)).busy == {ROOM.id}  # half-open: a's end is free
    assert svc.reads.resources_now(local(11)).busy == set()


def test_member_upcoming_pages_with_the_count_of_the_rest(
        store: Store, svc: KioskService) -> None:
    mine = [booking(f"r{d:02}", PLOT.id, ALICE.id, 9, 10, day=d) for d in range(3, 28)]
    loader.load_reservations(store, [
        *mine, booking("gone", SAW.id, ALICE.id, 9, 10, day=4, status=ReservationStatus.CANCELLED),
        booking("bob", SAW.id, BOB.id, 9, 10, day=5)])
    after = local(0, day=3)
    first = svc.reads.member_upcoming(ALICE.id, after, limit=10)
    assert [r.id for r in first.items] == [r.id for r in mine[:10]]
    assert (first.total, first.offset, first.more) == (25, 0, 15)
    second = svc.reads.member_upcoming(ALICE.id, after, limit=10, offset=10)
    assert [r.id for r in second.items] == [r.id for r in mine[10:20]]
    assert second.more == 5
    near = svc.reads.member_upcoming(ALICE.id, after, limit=10, until=local(0, day=6))
    assert [r.id for r in near.items] == ["r03", "r04", "r05"]
    assert near.more == 22  # the rest lie past the horizon: still counted
    assert svc.reads.member_upcoming(ALICE.id, local(0, day=28)).items == []
    with pytest.raises(InvalidInput):
        svc.reads.member_upcoming(ALICE.id, after, limit=-1)


def test_member_reservations_until_bounds_the_start(store: Store, svc: KioskService) -> None:
    loader.load_reservations(store, [booking("a", SAW.id, ALICE.id, 9, 10),
                                     booking("b", SAW.id, ALICE.id, 9, 10, day=3)])
    assert [r.id for r in svc.reads.member_reservations(ALICE.id, local(0))] == ["a", "b"]
    until_3rd = svc.reads.member_reservations(ALICE.id, local(0), local(0, day=3))
    assert [r.id for r in until_3rd] == ["a"]


def test_resource_names(svc: KioskService) -> None:
    assert svc.reads.resource_names([SAW.id, "nope"]) == {SAW.id: SAW.name}
    assert set(svc.reads.resource_names()) == {SAW.id, SAW2.id, ROOM.id, PLOT.id}


def test_member_and_busy_queries_use_indexes(store: Store) -> None:
    upcoming = plan(store, queries.MEMBER_UPCOMING_SQL, {
        "mid": "m", "after": 0, "until": 1, "limit": 5, "offset": 0})
    assert "ix_reservations_member" in upcoming, upcoming
    assert "SCAN reservations" not in upcoming
    busy = plan(store, queries.BUSY_AT_SQL, {"at": 0})
    assert "ix_reservations_conflict" in busy, busy
    assert "SCAN reservations" not in busy
    assert timedelta(seconds=queries.FOREVER) > timedelta(days=365 * 7000)


def test_the_page_cache_per_connection_is_chosen_on_open(tmp_path) -> None:
    from kiosk.store.db import CACHE_KIB, UI_CACHE_KIB, open_store

    for asked, expected in ((None, CACHE_KIB), (UI_CACHE_KIB, UI_CACHE_KIB)):
        store = (open_store(tmp_path / "a.sqlite3") if asked is None
                 else open_store(tmp_path / "a.sqlite3", cache_kib=asked))
        with store.read() as session:
            size = session.connection().exec_driver_sql("PRAGMA cache_size").scalar()
        store.close()
        assert size == -expected


def test_kiosk_settings_persist_and_are_range_checked(tmp_path: Path) -> None:
    path = tmp_path / "settings.sqlite3"
    store = open_store(path)
    svc = KioskService(store)
    assert svc.access.kiosk_setting("idle_seconds") == 60
    assert svc.access.set_kiosk_setting("idle_seconds", 120) == 120
    for bad in (5, 601, "90", True):
        with pytest.raises(InvalidInput):
            svc.access.set_kiosk_setting("idle_seconds", bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        svc.access.set_kiosk_setting("no_such_setting", 1)
    assert svc.access.kiosk_setting("pin_max_attempts") == 5, "other settings keep their defaults"
    store.close()
    reopened = open_store(path)
    assert KioskService(reopened).access.kiosk_setting("idle_seconds") == 120
    reopened.close()
