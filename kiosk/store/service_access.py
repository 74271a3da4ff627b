"""The members-and-access aggregate: member PINs (throttled in the store, so a restart
does not reset the count), the staff PIN (kept only as a hash), the kiosk's own settings
and the feature flag's last known state.

Two throttles guard member PINs. Per member: ``pin_max_attempts`` wrong PINs lock that
member for ``pin_lock_minutes``. Across members (one common PIN tried on everyone): the
wrong member PINs at this kiosk are counted per ``BURST_WINDOW`` (fixed windows, so a
burst across a boundary may reach twice the limit before it locks); ``pin_burst_attempts``
in one window lock member PIN sign-in at this kiosk for ``pin_burst_lock_minutes``, until
it cools down or staff clear it (``clear_pin_lockout``). While locked no PIN is checked,
so the lock is no oracle. Both live in ``pin_throttle`` rows: ``member:<number>``,
``burst:<window start>`` and ``kiosk``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from kiosk.core import credentials, messages
from kiosk.core.model import Member
from kiosk.core.refusals import Refusal
from kiosk.store import convert, repo
from kiosk.store.schema import (
    FlagRow,
    MemberRow,
    PinThrottleRow,
    StaffCredentialRow,
)
from kiosk.store.service_base import ServiceBase
from kiosk.store.site_secret import verifying_secret

STAFF = "staff"
KIOSK = "kiosk"
BURST_PREFIX = "burst:"
BURST_WINDOW = timedelta(minutes=10)


def _throttle(session: Session, subject: str) -> PinThrottleRow:
    row = session.get(PinThrottleRow, subject)
    if row is None:
        row = PinThrottleRow(subject=subject, failures=0, locked_until=None)
        session.add(row)
    return row


def locked_minutes(row: PinThrottleRow, now: datetime) -> int:
    """Whole minutes left on a lock (0 when not locked)."""
    if row.locked_until is None or row.locked_until <= now:
        return 0
    return max(1, -(-int((row.locked_until - now).total_seconds()) // 60))


def record_attempt(session: Session, row: PinThrottleRow, ok: bool, now: datetime) -> int:
    """Count a wrong PIN (locking after ``pin_max_attempts``); a right one resets.
    Returns the wrong tries left before the lock: 0 when this very try locked it."""
    limit = repo.kiosk_setting(session, "pin_max_attempts")
    if ok:
        row.failures, row.locked_until = 0, None
        return limit
    row.failures += 1
    if row.failures >= limit:
        lock = repo.kiosk_setting(session, "pin_lock_minutes")
        row.failures, row.locked_until = 0, now + timedelta(minutes=lock)
        return 0
    return limit - row.failures


def _window_start(now: datetime) -> datetime:
    step = int(BURST_WINDOW.total_seconds())
    return datetime.fromtimestamp(int(now.timestamp()) // step * step, tz=now.tzinfo)


def record_burst(session: Session, now: datetime) -> None:
    """Count one wrong member PIN at this kiosk; lock member sign-in here when the window
    holds ``pin_burst_attempts`` of them. Earlier windows' counts are dropped."""
    subject = BURST_PREFIX + _window_start(now).strftime("%Y-%m-%dT%H:%M")
    session.execute(delete(PinThrottleRow).where(
        PinThrottleRow.subject.startswith(BURST_PREFIX), PinThrottleRow.subject != subject))
    window = _throttle(session, subject)
    window.failures += 1
    if window.failures >= repo.kiosk_setting(session, "pin_burst_attempts"):
        lock = repo.kiosk_setting(session, "pin_burst_lock_minutes")
        window.failures = 0
        _throttle(session, KIOSK).locked_until = now + timedelta(minutes=lock)


class Access(ServiceBase):
    def verify_pin(self, member_number: str, pin: str) -> Member | Refusal:
        """The member if the PIN matches; ``forbidden`` otherwise, saying how many tries
        are left, or (from the wrong try that locks it on) for how many minutes signing
        in with that number is locked (``pin_max_attempts``, ``pin_lock_minutes``); and
        for everyone at this kiosk after a burst of wrong PINs (see the module's note)."""
        number = member_number.strip() if isinstance(member_number, str) else ""
        now = self.now()
        secret = verifying_secret(self.store.path)  # keyring I/O outside the transaction
        with self.store.write() as session:
            minutes = locked_minutes(_throttle(session, KIOSK), now)
            row = _throttle(session, f"member:{number[:64]}")
            minutes = minutes or locked_minutes(row, now)
            if minutes:
                return messages.refuse("pin_locked", minutes=minutes)
            member = session.scalars(select(MemberRow).where(MemberRow.number == number)).first()
            ok = (member is not None and member.pin_hash is not None and isinstance(pin, str)
                  and credentials.verify_pin(pin, member.pin_hash, secret))
            left = record_attempt(session, row, ok, now)
            if not ok or member is None:
                record_burst(session, now)
                if left == 0:
                    return messages.refuse("pin_locked", minutes=locked_minutes(row, now))
                return messages.refuse("pin_wrong", tries=left)
            return convert.member(member)

    def pin_lockout_minutes(self) -> int:
        """Minutes left on the kiosk-wide lock of member PIN sign-in (0: not locked)."""
        with self.store.read() as session:
            row = session.get(PinThrottleRow, KIOSK)
            return 0 if row is None else locked_minutes(row, self.now())

    def clear_pin_lockout(self) -> None:
        """Staff lift the kiosk-wide lock (and start the burst count afresh); locks of
        single members stay until they cool down."""
        with self.store.write() as session:
            session.execute(delete(PinThrottleRow).where(or_(
                PinThrottleRow.subject == KIOSK, PinThrottleRow.subject.startswith(BURST_PREFIX))))

    def kiosk_setting(self, key: str) -> int:
        """One of the kiosk's own settings (``idle_seconds``, ``pin_max_attempts``,
        ``pin_lock_minutes``), or its default."""
        with self.store.read() as session:
            return repo.kiosk_setting(session, key)

    def set_kiosk_setting(self, key: str, value: int) -> int:
        """Change a kiosk setting (range-checked; ``InvalidInput`` otherwise)."""
        with self.store.write() as session:
            return repo.set_kiosk_setting(session, key, value)

    def set_staff_pin(self, pin: str) -> None:
        """Store the staff PIN (as a hash only)."""
        hashed = credentials.hash_pin(pin, None)  # the kiosk's own: see credentials
        now = self.now()
        with self.store.write() as session:
            row = session.get(StaffCredentialRow, STAFF)
            if row is None:
                session.add(StaffCredentialRow(id=STAFF, pin_hash=hashed, updated_at=now))
            else:
                row.pin_hash, row.updated_at = hashed, now

    def verify_staff_pin(self, pin: str) -> bool:
        """True if ``pin`` is the staff PIN and staff mode is not locked out."""
        return self.check_staff_pin(pin) is True

    def check_staff_pin(self, pin: str) -> bool | Refusal:
        """True if ``pin`` is the staff PIN; otherwise why not: the tries left, or for
        how many minutes staff mode is locked (from the wrong try that locks it on)."""
        now = self.now()
        with self.store.write() as session:
            row = _throttle(session, STAFF)
            if minutes := locked_minutes(row, now):
                return messages.refuse("staff_pin_locked", minutes=minutes)
            cred = session.get(StaffCredentialRow, STAFF)
            ok = (cred is not None and isinstance(pin, str)
                  and credentials.verify_pin(pin, cred.pin_hash))
            left = record_attempt(session, row, ok, now)
            if ok:
                return True
            if left == 0:
                return messages.refuse("staff_pin_locked", minutes=locked_minutes(row, now))
            return messages.refuse("staff_pin_wrong", tries=left)

    def staff_locked_minutes(self) -> int:
        with self.store.read() as session:
            row = session.get(PinThrottleRow, STAFF)
            return 0 if row is None else locked_minutes(row, self.now())

    def flag_enabled(self, cohort: str | None = None) -> bool:
        """``reservation_system_enabled`` for this site (and cohort), last known state."""
        with self.store.read() as session:
            return repo.flag_enabled(session, repo.site_row(session).id, cohort)

    def set_flag(self, scope: str, key: str, enabled: bool) -> None:
        """Record one explicit flag value (scope ``global``/``site``/``cohort``)."""
        if scope not in {"global", "site", "cohort"}:
            raise ValueError(f"unknown flag scope {scope!r}")
        now = self.now()
        with self.store.write() as session:
            row = session.get(FlagRow, (repo.FLAG, scope, key))
            if row is None:
                session.add(FlagRow(name=repo.FLAG, scope=scope, key=key, enabled=enabled,
                                    updated_at=now))
            else:
                row.enabled, row.updated_at = enabled, now
