"""One sync round, and its parts: push the outbox in seq order and in batches (retried with
the same ids), pull pages until ``has_more: false`` (410: a full sync, the outbox kept),
then the scheduled check-in (flags and the server's clock). Every write is one short
transaction on the cache, run by the store's ``WriteQueue`` (in the app: the one serial
writer the taps use), so a tap waits behind at most one page, never a whole sync; what
changed is announced through ``on_changes`` like any local change."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial

from sqlalchemy.orm import Session

from kiosk.core.changes import Changes
from kiosk.core.errors import InvalidInput
from kiosk.store import outbox
from kiosk.store.db import Store
from kiosk.store.keyring_entries import KeyringUnavailable
from kiosk.store.outbox import ensure_sync_state
from kiosk.store.schema import SyncStateRow
from kiosk.store.site_secret import load_site_secret, store_site_secret, upgrade_cached_hashes
from kiosk.store.sync_apply import (
    Seen,
    Settled,
    apply_page,
    finish_full_sync,
    note_attempt,
    outbox_batch,
    record_attempt,
    settle,
    store_flags,
)
from kiosk.store.write_queue import DirectWrites, WriteQueue
from kiosk.sync import wire
from kiosk.sync.client import SyncClient
from kiosk.sync.errors import CursorGone, MalformedAnswer, NotFound, SyncError

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class Report:
    """What one round did."""

    pushed: int = 0
    applied: int = 0
    rejected: int = 0
    pulled: int = 0
    full_sync: bool = False
    ready: bool = False
    flag_changed: bool = False
    changes: Changes = field(default_factory=Changes)


class SyncEngine:
    def __init__(self, store: Store, client: SyncClient, *, clock: Clock = system_clock,
                 batch: int = 200, page: int = 1000,
                 on_changes: Callable[[Changes], None] | None = None,
                 writes: WriteQueue | None = None) -> None:
        self.store, self.client, self.clock = store, client, clock
        self.writes: WriteQueue = writes or DirectWrites(store)
        self.batch, self.page = batch, page
        self.on_changes = on_changes
        self._secret_checked = False

    def _now(self) -> datetime:
        return self.clock().astimezone(UTC).replace(microsecond=0)

    def _announce(self, report: Report, changes: Changes) -> None:
        report.changes = report.changes | changes
        if self.on_changes is not None and not changes.empty:
            self.on_changes(changes)

    # -- push ---------------------------------------------------------------------------
    def push(self, report: Report) -> None:
        """Send every pending mutation; stops early only on an error (raised) or when the
        server answers ``out_of_order`` (a gap: the next round sends from the first)."""
        while True:
            with self.store.read() as session:
                batch = outbox_batch(session, self.batch)
            if not batch:
                return
            try:
                outcomes = self.client.push(batch)
            except SyncError as exc:
                self.writes.run(partial(record_attempt, ids=[m["id"] for m in batch],
                                        error=str(exc)))
                raise
            settled = self.writes.run(partial(settle, outcomes=outcomes, now=self._now()))
            report.pushed += len(batch)
            report.applied += settled.applied
            report.rejected += settled.rejected
            self._announce(report, settled.changes)
            if settled.applied + settled.rejected < len(batch):
                log.warning("push: %d of %d mutations not settled (out of order); "
                            "they go again next round", len(batch) - settled.applied
                            - settled.rejected, len(batch))
                return

    # -- pull ---------------------------------------------------------------------------
    def pull(self, report: Report) -> None:
        """Pull until the server has nothing more; a full sync when there is no cursor,
        when the last full sync was cut short, or when the server answers 410."""
        with self.store.read() as session:
            state = session.get(SyncStateRow, 1)
            cursor, ready = (state.cursor, state.ready) if state else (None, False)
        if not ready:
            cursor = None  # an interrupted full sync starts again: its pruning needs all
        try:
            self._pull_from(cursor, report)
        except CursorGone:
            log.warning("pull: the server no longer knows this kiosk's cursor; full sync")
            self.writes.run(_not_ready)
            self._pull_from(None, report)

    def _pull_from(self, cursor: str | None, report: Report) -> None:
        seen = Seen() if cursor is None else None
        report.full_sync = report.full_sync or seen is not None
        while True:
            with self.store.read() as session:
                since = outbox.results_since(session)
            page = self.client.pull(cursor, self.page, since)
            now = self._now()

            def apply(session: Session, page: wire.PullPage = page,
                      now: datetime = now) -> tuple[Changes, Settled]:
                changes = apply_page(session, page.changes, page.cursor, seen=seen)
                settled = settle(session, page.results, now)
                if not page.has_more:
                    if seen is not None:
                        changes = changes | finish_full_sync(session, seen)
                    ensure_sync_state(session).ready = True
                return changes, settled

            try:  # all of the page, or none of it
                changes, settled = self.writes.run(apply)
            except InvalidInput as exc:  # e.g. settings the kiosk's rules cannot read
                raise MalformedAnswer(f"a pulled page was refused: {exc}") from None
            report.pulled += len(page.changes)
            report.rejected += settled.rejected
            self._announce(report, changes | settled.changes)
            cursor = page.cursor
            if not page.has_more:
                report.ready = True
                return

    # -- check-in -----------------------------------------------------------------------
    def checkin(self, report: Report) -> None:
        with self.store.read() as session:
            depth, oldest = outbox.depth(session)
            state = session.get(SyncStateRow, 1)
            cursor = state.cursor if state else None
        reply = self.client.checkin(cursor, depth, oldest)
        now = self._now()

        def record(session: Session) -> bool:
            changed = store_flags(session, reply.flags)
            note_attempt(session, now, error=None, server_time=reply.server_time)
            return changed

        report.flag_changed = self.writes.run(record)
        if report.flag_changed:
            self._announce(report, Changes(flag=True))

    def fetch_site_secret(self) -> bool:
        """Get the site secret from the server, keep it in the keyring and key the
        cache's unkeyed PIN and card hashes with it. False from a server that has none to
        give (older than site secrets: its hashes are unkeyed too)."""
        try:
            secret = self.client.site_secret()
        except NotFound:
            log.warning("the server gives no site secret (an older server); PIN and card "
                        "hashes stay unkeyed until it is upgraded")
            return False
        store_site_secret(self.store.path, secret)
        upgraded = self.writes.run(partial(upgrade_cached_hashes, secret=secret))
        if upgraded:
            log.info("keyed the PIN and card hashes of %d cached members", upgraded)
        return True

    def ensure_site_secret(self) -> None:
        """Fetch the site secret if the keyring has none (a kiosk enrolled before the
        server had site secrets): once an engine, unless the call failed."""
        if self._secret_checked:
            return
        try:
            if load_site_secret(self.store.path) is None:
                self.fetch_site_secret()
            self._secret_checked = True
        except KeyringUnavailable as exc:  # sync goes on; sign-in says what is wrong
            log.warning("cannot keep the site secret: %s", exc)

    def note_failure(self, error: str) -> None:
        now = self._now()
        self.writes.run(lambda session: note_attempt(session, now, error=error))

    def note_success(self) -> None:
        now = self._now()
        self.writes.run(lambda session: note_attempt(session, now, error=None))

    def run_once(self) -> Report:
        """Push, pull, check in. Raises the ``SyncError`` that stopped it (recorded for
        the status strip first)."""
        report = Report()
        try:
            self.ensure_site_secret()
            self.push(report)
            self.pull(report)
            self.push(report)  # what a tap queued meanwhile
            self.checkin(report)
        except SyncError as exc:
            self.note_failure(str(exc))
            raise
        return report


def _not_ready(session: Session) -> None:
    ensure_sync_state(session).ready = False
