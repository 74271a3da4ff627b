"""Joining a kiosk to a server and leaving it: the token is checked against the server
before anything is stored, kept in the keyring with the site secret (the key of PIN and
card hashes), and the server's URL and the device id in the cache; the first full sync
follows. Leaving removes both from the keyring and says what stays."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.store import outbox
from kiosk.store.db import Store
from kiosk.store.outbox import ensure_sync_state
from kiosk.store.schema import OutboxRow, SyncStateRow
from kiosk.store.site_secret import forget_site_secret
from kiosk.sync.client import SyncClient, device_of
from kiosk.sync.engine import Clock, Report, SyncEngine, system_clock
from kiosk.sync.errors import NotEnrolled
from kiosk.sync.token import forget_token, load_token, store_token

ClientFactory = Callable[[str, str], SyncClient]


def check_url(url: str) -> str:
    """An http(s) URL with a host; plain http only on loopback (a token crosses it)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{url!r} is not a server address such as https://booking.example.org")
    loopback = parts.hostname in ("127.0.0.1", "::1", "localhost")
    if parts.scheme == "http" and not loopback:
        raise ValueError("use https:// for a server that is not on this machine "
                         "(the device token would cross the network in clear)")
    return url.strip().rstrip("/")


def enroll(store: Store, cache: Path, url: str, token: str, *,
           client_factory: ClientFactory = SyncClient, clock: Clock = system_clock,
           progress: Callable[[int], None] | None = None) -> Report:
    """Check ``token`` with the server, keep it, and do the first full sync."""
    url = check_url(url)
    device = device_of(token.strip())
    client = client_factory(url, token.strip())
    try:
        client.checkin(None, 0, None)  # a wrong token or URL fails here, nothing stored
        store_token(cache, token.strip())
        with store.write() as session:
            state = ensure_sync_state(session)
            if state.device_id != device:
                _renumber(session, state)
            state.device_id, state.server_url = device, url
            state.cursor, state.ready = None, False
        engine = SyncEngine(store, client, clock=clock)
        engine.fetch_site_secret()  # this site's, even if another site's was kept
        if progress is not None:
            engine.on_changes = lambda changes: progress(len(changes.reservation_ids))
        return engine.run_once()
    finally:
        client.close()


def _renumber(session: Session, state: SyncStateRow) -> None:
    """A new device starts its seqs at 1: renumber what waits in the outbox."""
    rows = list(session.scalars(select(OutboxRow).where(OutboxRow.state == outbox.PENDING)
                                .order_by(OutboxRow.seq)))
    for row in rows:  # two passes: seq is unique
        row.seq = -row.seq
    session.flush()
    for n, row in enumerate(rows, start=1):
        row.seq = n
    state.next_seq = len(rows) + 1


@dataclass(frozen=True, slots=True)
class Unenrolled:
    had_token: bool
    server_url: str | None
    pending: int


def unenroll(store: Store, cache: Path) -> Unenrolled:
    """Forget the token, the site secret and the server; the cache and its outbox stay as
    they are (its members' keyed PINs and cards no longer verify until it is enrolled
    again)."""
    had = forget_token(cache)
    forget_site_secret(cache)
    with store.write() as session:
        state = ensure_sync_state(session)
        url, state.server_url, state.online = state.server_url, None, False
        pending, _ = outbox.depth(session)
    return Unenrolled(had, url, pending)


def open_engine(store: Store, cache: Path, *, client_factory: ClientFactory = SyncClient,
                clock: Clock = system_clock) -> SyncEngine:
    """The engine for an enrolled cache; ``NotEnrolled`` saying what to do otherwise."""
    with store.read() as session:
        state = session.get(SyncStateRow, 1)
        url = state.server_url if state is not None else None
    token = load_token(cache) if url else None  # no server: no keyring to ask
    if not url or not token:
        raise NotEnrolled("this kiosk is not enrolled with a server: run "
                          "`kiosk enroll --server URL` (the token is read from stdin)")
    return SyncEngine(store, client_factory(url, token), clock=clock)
