"""The Locust file of the load harness: one Locust user per enrolled kiosk, talking to the
server through the kiosk's own ``SyncClient`` (its headers, gzip, timeouts and strict
answer reading) with mutations written by the core's codec (``kiosk.core.mutations``).

Each kiosk, as ``kiosk.sync.jobs`` schedules a real one: a pull every
``sync_pull_seconds`` (paging while ``has_more``), the check-in every
``sync_checkin_seconds``, and local actions at random (Poisson) times, each pushed as the
next mutation of the kiosk's own seq — retried with the same id and seq after a failed
call, as the outbox does. The mix: walk-ins (a booking from the next slot), member
bookings up to two weeks ahead, check-ins and cancels of the kiosk's own bookings, waitlist
joins on a slot it knows is taken, and deliberate conflicts (a second booking on such a
slot). Phases start at random offsets so the fleet does not pull in step.

Run by ``bench.load_kiosks`` (it writes the job file named by ``LOAD_JOB``); each Locust
process writes its kiosks' records (applied mutations, latencies, idle-pull bytes) to
``<job dir>/kiosks-<pid>.jsonl`` every few seconds and when the test stops.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import ssl
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import gevent
import httpx
from locust import User, events, task

from kiosk.core import mutations as mu
from kiosk.store.kiosk_settings import KIOSK_DEFAULTS
from kiosk.sync.client import SyncClient
from kiosk.sync.errors import SyncError

JOB = json.loads(Path(os.environ["LOAD_JOB"]).read_text())
PULL_S = float(JOB.get("pull_s", KIOSK_DEFAULTS["sync_pull_seconds"]))
CHECKIN_S = float(JOB.get("checkin_s", KIOSK_DEFAULTS["sync_checkin_seconds"]))
ACTION_S = float(JOB["action_s"])  # mean seconds between local actions at one kiosk
MIX = JOB["mix"]  # action → weight
STOP_AT = float(JOB.get("stop_at", float("inf")))  # epoch seconds: the kiosks stop then
SLOT = timedelta(minutes=30)

#: This process's records, written out at the end: latencies (ms) by request type, wire
#: bytes of pulls that brought nothing, and each mutation's last outcome.
RECORD: dict[str, Any] = {"latency": {"pull": [], "checkin": [], "push": []},
                          "idle_pull_bytes": [], "mutations": [], "errors": []}
_SLOTS = itertools.count()  # this process's users, in start order


#: One TLS context for every kiosk of the process: building one loads the CA bundle
#: (about 40 ms of CPU), which for a thousand kiosks would stall the event loop for long.
_TLS = ssl.create_default_context()


class CountingTransport(httpx.BaseTransport):
    """The default transport, counting the bytes that came over the wire (before gzip is
    undone) of the last answer."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport(retries=0, verify=_TLS)
        self.received = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        answer = self.inner.handle_request(request)
        counter, raw = self, answer.stream

        class Counted(httpx.SyncByteStream):
            def __iter__(self) -> Any:
                for chunk in raw:  # type: ignore[union-attr]
                    counter.received += len(chunk)
                    yield chunk

            def close(self) -> None:
                raw.close()  # type: ignore[union-attr]

        return httpx.Response(answer.status_code, headers=answer.headers, stream=Counted(),
                              extensions=answer.extensions)

    def close(self) -> None:
        self.inner.close()


def _slot(at: datetime) -> datetime:
    """The next slot boundary after ``at``."""
    floor = at.replace(second=0, microsecond=0, minute=at.minute - at.minute % 30)
    return floor + SLOT


class Kiosk(User):
    """One enrolled kiosk (its token, seq and cursor are its own)."""

    def on_start(self) -> None:
        runner = self.environment.runner
        index = getattr(runner, "worker_index", 0) or 0
        procs = max(1, int(JOB["procs"]))
        slot = index + procs * next(_SLOTS)
        if slot >= len(JOB["kiosks"]):
            raise RuntimeError(f"no kiosk left for user {slot}")
        k = JOB["kiosks"][slot]
        self.device_id, self.site_id = k["device_id"], k["site_id"]
        self.resources, self.members = JOB["sites"][self.site_id]
        self.cursor: str | None = k["cursor"]
        self.seq = int(k["seq"])
        self.rng = random.Random()  # not seeded by slot: each run books other slots
        self.transport = CountingTransport()
        self.client = SyncClient(JOB["url"], k["token"], timeout=JOB.get("timeout_s", 15),
                                 transport=self.transport)
        self.outbox: list[dict[str, Any]] = []
        self.own: list[tuple[str, str, datetime, datetime]] = []  # applied bookings

    def on_stop(self) -> None:
        self.client.close()

    # -- timing -----------------------------------------------------------------------
    def _call(self, kind: str, work: Any) -> Any:
        self.transport.received = 0
        started = time.perf_counter()
        error: Exception | None = None
        result = None
        try:
            result = work()
        except (SyncError, httpx.HTTPError) as exc:
            error = exc
        ms = (time.perf_counter() - started) * 1000
        RECORD["latency"][kind].append((round(time.time(), 2), round(ms, 3)))
        if error is not None:
            RECORD["errors"].append(f"{kind}: {error.__class__.__name__}: {error}"[:300])
        events.request.fire(request_type="SYNC", name=kind, response_time=ms,
                            response_length=self.transport.received, exception=error,
                            context={})
        return result

    # -- the kiosk's jobs ---------------------------------------------------------------
    def pull(self) -> None:
        while True:
            # as kiosk.store.outbox.results_since: outcomes still awaited, none repeated
            since = self.outbox[0]["seq"] - 1 if self.outbox else self.seq
            page = self._call("pull", lambda s=since: self.client.pull(self.cursor, 1000, s))
            if page is None:
                return
            waiting = {m["id"]: m for m in self.outbox}
            answered = [r for r in page.results if r.id in waiting]
            if answered:  # a push whose answer was lost: the pull repeats its outcome
                self._settle([waiting[r.id] for r in answered], answered)
            if not page.changes and not page.results and not page.has_more:
                RECORD["idle_pull_bytes"].append(self.transport.received)
            self.cursor = page.cursor
            if not page.has_more:
                return

    def checkin(self) -> None:
        self._call("checkin", lambda: self.client.checkin(self.cursor, len(self.outbox),
                                                          None))

    def act(self) -> None:
        if not self.outbox:
            self.outbox.append(self._next_mutation())
        batch = list(self.outbox)
        outcomes = self._call("push", lambda: self.client.push(batch))
        if outcomes is None:
            return  # kept: the next action sends it again, same id and seq
        self._settle(batch, outcomes)

    def _settle(self, batch: list[dict[str, Any]], outcomes: list[Any]) -> None:
        for sent, got in zip(batch, outcomes, strict=False):
            if got.outcome == "out_of_order":
                return
            self.outbox.remove(sent)
            RECORD["mutations"].append([self.device_id, sent["id"], sent["name"],
                                        got.outcome, got.reason, sent["args"]["id"]])
            if got.outcome == "applied":
                self._note_applied(sent)

    def _note_applied(self, sent: dict[str, Any]) -> None:
        args = sent["args"]
        if sent["name"] == mu.CreateReservation.NAME:
            self.own.append((args["id"], args["resource_id"],
                             mu.read_instant(args["starts_at"]), mu.read_instant(args["ends_at"])))
        elif sent["name"] == mu.CancelReservation.NAME:
            self.own = [b for b in self.own if b[0] != args["id"]]

    # -- the mix --------------------------------------------------------------------------
    def _next_mutation(self) -> dict[str, Any]:
        now = datetime.now(UTC)
        kind = self.rng.choices(list(MIX), weights=list(MIX.values()))[0]
        m = getattr(self, f"_{kind}")(now) or self._booking(now)
        self.seq += 1
        name, args = mu.encode(m)
        return {"id": str(uuid.uuid4()), "seq": self.seq, "name": name, "args": args,
                "at": mu.stamp(now.replace(microsecond=0))}

    def _create(self, start: datetime, hours: int, resource: str | None = None,
                member: str | None = None) -> mu.Mutation:
        return mu.CreateReservation(str(uuid.uuid4()), resource or self.rng.choice(self.resources),
                                    member or self.rng.choice(self.members), start,
                                    start + timedelta(hours=hours))

    def _walk_in(self, now: datetime) -> mu.Mutation:
        return self._create(_slot(now), 1)

    def _booking(self, now: datetime) -> mu.Mutation:
        day = _slot(now) + timedelta(days=self.rng.randint(1, 14))
        return self._create(day.replace(hour=self.rng.randrange(24), minute=0),
                            self.rng.choice((1, 2)))

    def _future_own(self, now: datetime) -> tuple[str, str, datetime, datetime] | None:
        ahead = [b for b in self.own if b[2] > now]
        return self.rng.choice(ahead) if ahead else None

    def _check_in(self, now: datetime) -> mu.Mutation | None:
        due = [b for b in self.own if abs((b[2] - now).total_seconds()) < 14 * 60]
        if not due:
            return None
        return mu.CheckIn(self.rng.choice(due)[0], now.replace(microsecond=0))

    def _cancel(self, now: datetime) -> mu.Mutation | None:
        own = self._future_own(now)
        return None if own is None else mu.CancelReservation(own[0])

    def _waitlist(self, now: datetime) -> mu.Mutation | None:
        own = self._future_own(now)
        if own is None:
            return None
        return mu.JoinWaitlist(str(uuid.uuid4()), own[1], self.rng.choice(self.members),
                               own[2], own[3])

    def _conflict(self, now: datetime) -> mu.Mutation | None:
        own = self._future_own(now)
        if own is None:
            return None
        return mu.CreateReservation(str(uuid.uuid4()), own[1], self.rng.choice(self.members),
                                    own[2], own[3])

    @task
    def kiosk_day(self) -> None:
        """The kiosk's schedule until the test stops."""
        now = time.monotonic()
        due = {"pull": now + self.rng.uniform(0, PULL_S),
               "checkin": now + self.rng.uniform(0, CHECKIN_S),
               "act": now + self.rng.expovariate(1 / ACTION_S)}
        while time.time() < STOP_AT:
            job = min(due, key=due.__getitem__)
            gevent.sleep(max(0.0, due[job] - time.monotonic()))
            getattr(self, job)()
            step = {"pull": PULL_S, "checkin": CHECKIN_S}.get(job)
            due[job] += step if step else self.rng.expovariate(1 / ACTION_S)
            due[job] = max(due[job], time.monotonic())
        # Stopped by itself a few seconds before Locust stops the run, so that the last
        # flush holds every answer it got (Locust ends its forked workers abruptly).
        gevent.sleep(3600)


_written = {"pull": 0, "checkin": 0, "push": 0, "idle_pull_bytes": 0, "mutations": 0,
            "errors": 0}


def _flush(**_: Any) -> None:
    """Append what this process recorded since the last flush to its JSON-lines file."""
    part: dict[str, Any] = {"latency": {}}
    for kind, values in RECORD["latency"].items():
        part["latency"][kind] = values[_written[kind]:]
        _written[kind] = len(values)
    for key in ("idle_pull_bytes", "mutations", "errors"):
        part[key] = RECORD[key][_written[key]:]
        _written[key] = len(RECORD[key])
    out = Path(os.environ["LOAD_JOB"]).parent / f"kiosks-{os.getpid()}.jsonl"
    with out.open("a") as f:
        f.write(json.dumps(part) + "\n")


def _flusher() -> None:
    while True:
        gevent.sleep(5)
        _flush()


@events.init.add_listener
def _start_flushing(environment: Any, **_: Any) -> None:
    # Forked worker processes may be stopped without a last event: flush as we go.
    if type(environment.runner).__name__ != "MasterRunner":
        gevent.spawn(_flusher)


events.test_stop.add_listener(_flush)
events.quitting.add_listener(_flush)
