"""Race-freedom: many writers booking the same slot at the same moment get exactly one
booking. Eight processes (spawned, each with its own engine on one file) meet at a
barrier before every round; then eight threads sharing one service do the same."""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from kiosk.core.changes import Applied
from kiosk.core.model import Interval
from kiosk.core.refusals import Refusal
from kiosk.store.db import Store
from kiosk.store.service import KioskService
from tests.store.factory import ALICE, BOB, MONDAY_8AM, PLOT, Clock, service

WORKERS = 8
ROUNDS = 200


def slot(round_no: int) -> Interval:
    start = MONDAY_8AM + timedelta(hours=1 + round_no)
    return Interval(start, start + timedelta(hours=1))


def outcome(result: Applied[Any] | Refusal) -> str:
    return "won" if isinstance(result, Applied) else str(result.code)


def book_rounds(path: str, worker: int, rounds: int, barrier: Any, out: Any) -> None:
    """One racer: every round, wait for the others, then book that round's slot."""
    svc = service(Path(path), Clock())
    member = (ALICE, BOB)[worker % 2].id
    try:
        for round_no in range(rounds):
            barrier.wait(timeout=60)
            result = svc.reservations.book(PLOT.id, member, slot(round_no), staff=True)
            out.put((round_no, outcome(result)))
    except Exception as exc:  # reported to the parent, which fails the test
        out.put((-1, repr(exc)))
    finally:
        svc.store.close()


def collect(out: Any, expected: int) -> dict[int, list[str]]:
    by_round: dict[int, list[str]] = {}
    for _ in range(expected):
        round_no, result = out.get(timeout=120)
        assert round_no >= 0, result
        by_round.setdefault(round_no, []).append(result)
    return by_round


def assert_one_winner_each(by_round: dict[int, list[str]], rounds: int) -> None:
    assert sorted(by_round) == list(range(rounds))
    for round_no, results in by_round.items():
        assert sorted(results) == ["conflict"] * (WORKERS - 1) + ["won"], round_no


def assert_no_overlap(store: Store, rounds: int) -> None:
    with store.read() as session:
        overlapping = session.execute(text(
            "SELECT count(*) FROM reservations a JOIN reservations b "
            "ON a.resource_id = b.resource_id AND a.id < b.id "
            "AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at")).scalar_one()
        total = session.execute(text("SELECT count(*) FROM reservations")).scalar_one()
        created = session.execute(text(
            "SELECT count(*) FROM outbox WHERE name = 'reservation.create'")).scalar_one()
    assert (overlapping, total, created) == (0, rounds, rounds)


def test_processes_race_for_one_slot(db_path: Path, store: Store) -> None:
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(WORKERS)
    out = ctx.Queue()
    procs = [ctx.Process(target=book_rounds, args=(str(db_path), w, ROUNDS, barrier, out))
             for w in range(WORKERS)]
    for p in procs:
        p.start()
    try:
        by_round = collect(out, WORKERS * ROUNDS)
    finally:
        for p in procs:
            p.join(timeout=30)
            if p.is_alive():
                p.kill()
    assert all(p.exitcode == 0 for p in procs)
    assert_one_winner_each(by_round, ROUNDS)
    assert_no_overlap(store, ROUNDS)


def test_threads_race_for_one_slot(svc: KioskService, store: Store) -> None:
    rounds = 50
    barrier = threading.Barrier(WORKERS)
    out: queue.Queue[tuple[int, str]] = queue.Queue()

    def racer(worker: int) -> None:
        member = (ALICE, BOB)[worker % 2].id
        for round_no in range(rounds):
            barrier.wait(timeout=60)
            result = svc.reservations.book(PLOT.id, member, slot(round_no), staff=True)
            out.put((round_no, outcome(result)))

    threads = [threading.Thread(target=racer, args=(w,)) for w in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert_one_winner_each(collect(out, WORKERS * rounds), rounds)
    assert_no_overlap(store, rounds)
