"""The hot queries use their indexes: EXPLAIN QUERY PLAN shows index range scans on
(resource_id, starts_at), never a full scan of reservations."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import text

from kiosk.store import queries
from kiosk.store.db import Store
from tests.store.factory import PLOT, ROOM, SAW, span


def plan(store: Store, sql: str, params: dict[str, object]) -> str:
    with store.read() as session:
        rows = session.execute(text(f"EXPLAIN QUERY PLAN {sql}"), params).all()
    return "\n".join(str(row[-1]) for row in rows)


def test_conflict_query_uses_the_partial_conflict_index(store: Store) -> None:
    params = queries.conflict_params(SAW.id, span(10, 11), timedelta(minutes=15), 3600)
    detail = plan(store, queries.CONFLICT_SQL, params)
    assert "USING COVERING INDEX ix_reservations_conflict" in detail or (
        "USING INDEX ix_reservations_conflict" in detail), detail
    assert "resource_id=? AND starts_at>? AND starts_at<?" in detail.replace(">=", ">"), detail
    assert "SCAN reservations" not in detail


def test_calendar_query_uses_the_calendar_index(store: Store) -> None:
    ids = [SAW.id, ROOM.id, PLOT.id]
    detail = plan(store, queries.calendar_sql(len(ids)),
                  queries.calendar_params(ids, span(0, 23)))
    assert "ix_reservations_calendar" in detail, detail
    assert "resource_id=? AND starts_at>? AND starts_at<?" in detail.replace(">=", ">"), detail
    assert "SCAN reservations" not in detail


def test_member_and_no_show_queries_use_their_indexes(store: Store) -> None:
    member = plan(store, "SELECT id FROM reservations WHERE member_id = :m AND starts_at > :s",
                  {"m": "x", "s": 0})
    assert "ix_reservations_member" in member, member
    sweep = plan(store, "SELECT id FROM reservations WHERE status IN ('pending', 'confirmed') "
                 "AND checked_in_at IS NULL AND starts_at >= :a AND starts_at <= :b",
                 {"a": 0, "b": 1})
    assert "ix_reservations_no_show" in sweep, sweep
    queue = plan(store, "SELECT id FROM reservation_waitlist WHERE resource_id = :r "
                 "AND status = 'waiting' ORDER BY created_at", {"r": "x"})
    assert "ix_reservation_waitlist_queue" in queue and "TEMP B-TREE" not in queue, queue
