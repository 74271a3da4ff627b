"""The screenshot run's own stage: a scratch copy of the cache (the operator's cache is never
touched), a clock stopped at the demo's "now", and the sync bookkeeping the sync layer
will write once it exists (online state, last success, a change the server rejected).

The sync state is written with the store's own rows and helpers because the service has
no call for it yet: nothing else in the UI writes these tables.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.core import localtime
from kiosk.core.model import Interval, Member
from kiosk.store.db import Store
from kiosk.store.outbox import ensure_sync_state
from kiosk.store.schema import SyncRejectionRow
from kiosk.store.service import KioskService


class StoppedClock:
    """A wall clock that stands still until the screenshot run moves it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def scratch_copy(source: Path, directory: Path) -> Path:
    """Copy the cache file (and its write-ahead log) into ``directory``."""
    target = directory / "screenshots.sqlite3"
    for suffix in ("", "-wal"):
        src = Path(f"{source}{suffix}")
        if src.exists():
            shutil.copyfile(src, Path(f"{target}{suffix}"))
    return target


def demo_now(svc: KioskService, member: Member | None) -> datetime:
    """A few minutes into ``member``'s booking that started just before the demo was
    built (so its check-in window is open), else the moment the demo was built (when its
    waitlist offer was made), else the real time."""
    built = _built_at(svc)
    if member is not None and built is not None:
        since = built - timedelta(hours=1)
        for res in svc.reads.member_reservations(member.id, since):
            if res.active and res.interval.start <= built < res.interval.end:
                return res.interval.start + timedelta(minutes=5)
    return built or datetime.now(UTC).replace(microsecond=0)


def _built_at(svc: KioskService) -> datetime | None:
    offered = [e.offered_at for e in svc.waitlist.queue(None) if e.offered_at is not None]
    return max(offered) if offered else None


def ensure_booking_now(svc: KioskService, member: Member, now: datetime) -> None:
    """Give ``member`` an hour's booking that started five minutes ago if they hold none
    (a demo built at night has none), on the first drill free then."""
    mine = svc.reads.member_reservations(member.id, now)
    if any(r.active and r.interval.contains(now) for r in mine):
        return
    span = Interval(now - timedelta(minutes=5), now + timedelta(minutes=55))
    for resource in svc.reads.resources("drill"):
        if not hasattr(svc.reservations.book(resource.id, member.id, span, staff=True), "code"):
            return


#: The server the pictures' kiosk is enrolled with (nothing is sent there: the renderer
#: starts no sync).
SHOWN_SERVER = "https://booking.example.org"


def set_sync_state(store: Store, *, online: bool, last_success: datetime | None) -> None:
    """The kiosk as the pictures show it: enrolled, online or not, last synced then."""
    with store.write() as session:
        state = ensure_sync_state(session)
        state.online, state.last_success_at = online, last_success
        state.server_url = SHOWN_SERVER


def add_rejection(store: Store, svc: KioskService, member: Member, now: datetime) -> None:
    """One booking the server refused after an outage: the slot was taken on the web."""
    zone = svc.reads.site().timezone
    resource = svc.reads.resources("room")[0]
    day = localtime.local_date(zone, now) + timedelta(days=1)
    start = localtime.wall_clock_at(zone, day, 11 * 60)
    when = f"{day:%a %d %b} {localtime.to_local(zone, start):%H:%M}"
    message = (f"{resource.name} on {when} for {member.short_name} "
               f"({member.number}) was booked on the web before this kiosk's booking "
               "reached the server. The member has been emailed.")
    with store.write() as session:
        session.add(SyncRejectionRow(
            mutation_id="5f0c8a52-2f7e-4b8e-9a51-3c8d2d7e0001", code="conflict",
            message=message, entity="reservation", entity_id="offline-booking-1",
            member_id=member.id, created_at=now - timedelta(minutes=20)))
