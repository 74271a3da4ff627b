"""One rulebook, checked by running it twice: random sequences of every mutation of the
contract and both jobs, by members and staff, with the clock stepping across a DST change,
applied through the kiosk's service on a SQLite cache and through the server's mutation
handling on SQLite and on PostgreSQL, from the same starting data. Every step must get the
same outcome, code, reason and params on every side, and leave the same rows.

``test_a_planted_disagreement_is_caught`` shows the comparison can fail: it bends one rule
on the server side only (an old disagreement of the two) and expects the machine to find a
sequence that shows it."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy.engine import Engine

from central.db.engine import make_engine
from central.db.migrate import upgrade
from central.domain import mutations as central_mutations
from kiosk.core import mutations as mu
from kiosk.core.decisions import Effects
from kiosk.core.mutations import Mutation, Via
from kiosk.store.db import open_store
from tests.differential.sides import KioskSide, Outcome, ServerSide, Side
from tests.differential.world import STARTS, Ids, World, make_world
from tests.helpers.postgres import create_database

SLOT = timedelta(minutes=30)
STAFF_ID = "staff-desk"
#: Clock steps: small ones reach check-in windows and grace ends, large ones cross the
#: night of the clock change and let holds lapse.
STEPS = st.sampled_from([5, 10, 15, 20, 30, 45, 60, 120, 240, 480])
LENGTHS = st.integers(1, 6).map(lambda n: n * SLOT)
#: Starts relative to the current half hour, mostly on the grid, sometimes off it.
STARTS_AHEAD = st.tuples(st.integers(-2, 60), st.sampled_from([0, 0, 0, 0, 10]))


class Backends:
    """A migrated empty kiosk cache to copy per example, and one server database per
    backend (each example adds its own site to it)."""

    def __init__(self, tmp: Path, engines: dict[str, Engine]) -> None:
        self.tmp = tmp
        self.template = tmp / "template.sqlite3"
        open_store(self.template).close()
        self.engines = engines
        self.count = 0

    def kiosk_path(self) -> Path:
        self.count += 1
        path = self.tmp / f"kiosk-{self.count}.sqlite3"
        shutil.copyfile(self.template, path)
        return path


@pytest.fixture(scope="module")
def backends(tmp_path_factory: pytest.TempPathFactory, pg_server: str) -> Iterator[Backends]:
    tmp = tmp_path_factory.mktemp("differential")
    engines = {"server-sqlite": make_engine(f"sqlite:///{tmp / 'central.db'}"),
               "server-postgres": make_engine(create_database(pg_server))}
    for engine in engines.values():
        upgrade(engine)
    yield Backends(tmp, engines)
    for engine in engines.values():
        engine.dispose()


def machine(backends: Backends) -> type[RuleBasedStateMachine]:
    """The state machine class over ``backends``."""

    class Rulebook(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.sides: list[Side] = []
            self.world: World | None = None
            self.now = STARTS[0]
            self.ids = Ids()
            self.reservations: list[str] = []
            self.unknown = ""
            self.spans: dict[str, tuple[str, datetime, datetime]] = {}  # as booked
            self.entries: list[str] = []
            self.log: list[str] = []

        def clock(self) -> datetime:
            return self.now

        @initialize(start=st.sampled_from(STARTS))
        def start(self, start: datetime) -> None:
            self.now = start
            self.ids = Ids()
            self.world = world = make_world(start, self.ids)
            kiosk = KioskSide(backends.kiosk_path(), world.data(), self.clock)
            self.kiosk = kiosk
            self.sides = [kiosk, *(ServerSide(name, engine, world.data(), self.clock)
                                   for name, engine in backends.engines.items())]
            self.reservations = [r.id for r in world.reservations]
            self.unknown = self.ids()
            self.spans = {r.id: (r.resource_id, r.interval.start, r.interval.end)
                          for r in world.reservations}
            self.entries = [e.id for e in world.waitlist]

        def teardown(self) -> None:
            if self.sides:
                self.kiosk.close()

        # -- what the sides are asked -------------------------------------------------
        def send(self, m: Mutation) -> Outcome:
            mutation_id = str(uuid.uuid4())  # the wire's id, not a row's
            answers = {}
            for side in self.sides:
                answers[side.name] = side.apply(mutation_id, m)
            self.log.append(f"{self.now:%m-%d %H:%M}Z {m} -> {answers}")
            first = answers[self.sides[0].name]
            assert all(a == first for a in answers.values()), self._story()
            return first

        def job(self, run: Callable[[Side], None], what: str) -> None:
            for side in self.sides:
                run(side)
            self.log.append(f"{self.now:%m-%d %H:%M}Z {what}")

        def _story(self) -> str:
            return "steps so far:\n" + "\n".join(self.log[-25:])

        def start_at(self, ahead: tuple[int, int]) -> datetime:
            slots, off_grid = ahead
            floor = self.now - timedelta(minutes=self.now.minute % 30, seconds=self.now.second,
                                         microseconds=self.now.microsecond)
            return floor + slots * SLOT + timedelta(minutes=off_grid)

        def _members(self) -> list[str]:
            assert self.world is not None
            return [m.member.id for m in self.world.members]

        def _resources(self) -> list[str]:
            assert self.world is not None
            return [r.id for r in self.world.resources]

        # -- rules ----------------------------------------------------------------------
        @rule(data=st.data(), ahead=STARTS_AHEAD, length=LENGTHS, staff=st.booleans())
        def book(self, data: st.DataObject, ahead: tuple[int, int], length: timedelta,
                 staff: bool) -> None:
            self._book(data, self.start_at(ahead), length, staff)

        @rule(data=st.data(), ahead=st.integers(-1, 3), length=LENGTHS, staff=st.booleans())
        def book_soon(self, data: st.DataObject, ahead: int, length: timedelta,
                      staff: bool) -> None:
            """Starting about now: what check-in, end early and the sweep act on."""
            self._book(data, self.start_at((ahead, 0)), length, staff)

        def _book(self, data: st.DataObject, start: datetime, length: timedelta,
                  staff: bool) -> None:
            new, resource = self.ids(), data.draw(st.sampled_from(self._resources()))
            m = mu.CreateReservation(new, resource, data.draw(st.sampled_from(self._members())),
                                     start, start + length, Via.STAFF if staff else Via.KIOSK)
            if self.send(m).outcome == "applied":
                self.reservations.append(new)
                self.spans[new] = (resource, start, start + length)

        @rule(data=st.data())
        def cancel(self, data: st.DataObject) -> None:
            """Cancel a booking, now and then one neither side has heard of."""
            known = [*self.reservations, self.unknown]
            self.send(mu.CancelReservation(data.draw(st.sampled_from(known))))

        @rule(data=st.data(), ahead=STARTS_AHEAD, length=LENGTHS, staff=st.booleans())
        def move(self, data: st.DataObject, ahead: tuple[int, int], length: timedelta,
                 staff: bool) -> None:
            start = self.start_at(ahead)
            self.send(mu.MoveReservation(data.draw(st.sampled_from(self.reservations)), start,
                                         start + length, Via.STAFF if staff else Via.KIOSK))

        @rule(data=st.data())
        def end_early(self, data: st.DataObject) -> None:
            self.send(mu.EndEarly(data.draw(st.sampled_from(self.reservations)), self.now))

        @rule(data=st.data())
        def check_in(self, data: st.DataObject) -> None:
            self.send(mu.CheckIn(data.draw(st.sampled_from(self.reservations)), self.now))

        @rule(data=st.data())
        def clear_no_show(self, data: st.DataObject) -> None:
            self.send(mu.ClearNoShow(data.draw(st.sampled_from(self.reservations)), STAFF_ID))

        @rule(data=st.data(), ahead=STARTS_AHEAD, length=LENGTHS, taken=st.booleans())
        def join(self, data: st.DataObject, ahead: tuple[int, int], length: timedelta,
                 taken: bool) -> None:
            """Wait for a booked time (``taken``) or for any time."""
            if taken:
                coming = [s for s in self.spans.values() if s[1] > self.now] or [
                    (self._resources()[0], self.start_at((4, 0)), self.start_at((6, 0)))]
                resource, start, end = data.draw(st.sampled_from(coming))
            else:
                resource = data.draw(st.sampled_from(self._resources()))
                start = self.start_at(ahead)
                end = start + length
            new = self.ids()
            m = mu.JoinWaitlist(new, resource, data.draw(st.sampled_from(self._members())),
                                start, end)
            if self.send(m).outcome == "applied":
                self.entries.append(new)

        @precondition(lambda self: bool(self.entries))
        @rule(data=st.data())
        def leave(self, data: st.DataObject) -> None:
            self.send(mu.LeaveWaitlist(data.draw(st.sampled_from(self.entries))))

        @precondition(lambda self: bool(self.entries))
        @rule(data=st.data())
        def claim(self, data: st.DataObject) -> None:
            new = self.ids()
            m = mu.ClaimOffer(data.draw(st.sampled_from(self.entries)), new)
            if self.send(m).outcome == "applied":
                self.reservations.append(new)

        @rule(data=st.data())
        def wait_free_claim(self, data: st.DataObject) -> None:
            """A member waits for a booked time, the booking is cancelled, they claim the
            offer: the waitlist's whole path in one step (random steps rarely line up)."""
            coming = [i for i, s in self.spans.items() if s[1] > self.now] or list(self.spans)
            booking = data.draw(st.sampled_from(coming))
            resource, start, end = self.spans[booking]
            entry = self.ids()
            joined = self.send(mu.JoinWaitlist(entry, resource,
                                               data.draw(st.sampled_from(self._members())),
                                               start, end))
            if joined.outcome == "applied":
                self.entries.append(entry)
            self.send(mu.CancelReservation(booking))
            if joined.outcome == "applied":
                new = self.ids()
                if self.send(mu.ClaimOffer(entry, new)).outcome == "applied":
                    self.reservations.append(new)
                    self.spans[new] = (resource, start, end)

        @rule()
        def no_show_sweep(self) -> None:
            self.job(lambda side: side.sweep(), "no-show sweep")

        @rule()
        def offer_expiry(self) -> None:
            self.job(lambda side: side.expire(), "offer expiry")

        @rule(minutes=STEPS)
        def time_passes(self, minutes: int) -> None:
            self.now += timedelta(minutes=minutes)
            self.log.append(f"{self.now:%m-%d %H:%M}Z (+{minutes} min)")

        @invariant()
        def same_rows(self) -> None:
            if not self.sides:
                return
            kiosk, *servers = (side.rows() for side in self.sides)
            for side, rows in zip(self.sides[1:], servers, strict=True):
                for table in ("reservations", "waitlist", "members"):
                    mine, theirs = getattr(kiosk, table), getattr(rows, table)
                    assert mine == theirs, (
                        f"{table} differ between kiosk and {side.name}:\n"
                        f"  kiosk only: {sorted(mine - theirs, key=str)}\n"
                        f"  {side.name} only: {sorted(theirs - mine, key=str)}\n"
                        + self._story())

    return Rulebook


# No "explain" phase: its line tracing slows a failing run past the test timeout.
SETTINGS = settings(max_examples=30, stateful_step_count=40, deadline=None,
                    suppress_health_check=list(HealthCheck), derandomize=True,
                    phases=(Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink))


@pytest.mark.postgres
@pytest.mark.slow
def test_kiosk_and_server_decide_every_step_alike(backends: Backends) -> None:
    run_state_machine_as_test(machine(backends), settings=SETTINGS)


def _forget_the_no_show_count(decide: Callable[..., object]) -> Callable[..., object]:
    """The server's old bug, planted back: clearing a no-show leaves the count alone."""

    def bent(m: Mutation, loaded: object) -> object:
        effects = decide(m, loaded)
        if isinstance(m, mu.ClearNoShow) and isinstance(effects, Effects):
            return replace(effects, no_shows=())
        return effects

    return bent


@pytest.mark.postgres
@pytest.mark.slow
def test_a_planted_disagreement_is_caught(backends: Backends,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Bend one rule on the server only; the machine must find a sequence that shows it
    (the sweep flags a no-show, staff clear it, the member's count differs)."""
    monkeypatch.setattr(central_mutations, "decide",
                        _forget_the_no_show_count(central_mutations.decide))
    with pytest.raises(AssertionError, match="members differ between kiosk"):
        run_state_machine_as_test(machine(backends), settings=settings(
            SETTINGS, max_examples=100, phases=(Phase.explicit, Phase.generate)))
