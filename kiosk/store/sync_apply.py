"""The cache side of sync, inside the caller's write transaction: settle pushed mutations
(applied: the outbox row goes; rejected: its change is undone from the before-images kept
with it and the rejection is recorded for staff and the member), and apply pulled pages
(rows written as the server has them, tombstones deleted, the cursor stored with them).

A row that a still-pending local change touched keeps the local version: the server's
version becomes that change's before-image instead, so the change stays visible until the
server answers, and a rejection restores exactly what the server holds."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from kiosk.core import entities
from kiosk.core.changes import Changes
from kiosk.core.flags import state_from_site_flags
from kiosk.core.model import Reservation, Resource, ResourceKind, Site, WaitlistEntry
from kiosk.core.policy import validate_layer
from kiosk.store import convert
from kiosk.store.outbox import PENDING, ensure_sync_state
from kiosk.store.schema import (
    Base,
    FlagRow,
    MemberRow,
    OutboxRow,
    ReservationRow,
    ResourceKindRow,
    SiteRow,
    SyncLogRow,
    SyncRejectionRow,
    WaitlistRow,
)

log = logging.getLogger(__name__)
FLAG_NAME = "reservation_system_enabled"


@dataclass(frozen=True, slots=True)
class PushOutcome:
    """The server's answer to one pushed mutation."""

    id: str
    outcome: str  # applied | rejected | out_of_order
    code: str | None = None
    reason: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    message: str | None = None


@dataclass(frozen=True, slots=True)
class PulledChange:
    """One change of a pull page; ``data`` already read by ``kiosk.core.entities``."""

    entity: str
    id: str
    deleted: bool
    data: Any = None


@dataclass(slots=True)
class Settled:
    applied: int = 0
    rejected: int = 0
    changes: Changes = field(default_factory=Changes)


@dataclass(slots=True)
class Seen:
    """Ids a full sync has delivered so far, by table: what it did not deliver goes."""

    ids: dict[str, set[str]] = field(default_factory=dict)

    def add(self, entity: str, ident: str) -> None:
        self.ids.setdefault(entity, set()).add(ident)


# -- push -------------------------------------------------------------------------------

def settle(session: Session, outcomes: Sequence[PushOutcome], now: datetime) -> Settled:
    """Record the server's answers: applied and rejected rows leave the outbox (a
    rejected one undone first); ``out_of_order`` ones stay for the next push."""
    done = Settled()
    for answer in outcomes:
        row = session.get(OutboxRow, answer.id)
        if row is None or row.state != PENDING:
            continue  # settled already (a repeated answer)
        if answer.outcome == "applied":
            done.applied += 1
        elif answer.outcome == "rejected":
            done.rejected += 1
            done.changes = done.changes | _undo(session, row)
            session.add(_rejection(session, row, answer, now))
        else:
            continue
        session.merge(_logged(session, row, answer, now))
        session.delete(row)
    session.flush()
    return done


def record_attempt(session: Session, ids: Iterable[str], error: str) -> None:
    """A push that got no answer: count it on each row (the same ids go again)."""
    for row in session.scalars(select(OutboxRow).where(OutboxRow.id.in_(list(ids)))):
        row.attempts += 1
        row.last_error = error[:500]


def _undo(session: Session, row: OutboxRow) -> Changes:
    undo = row.undo or {}
    res_ids, wait_ids, member_ids = [], [], []
    for ident, data in (undo.get("reservations") or {}).items():
        res_ids.append(ident)
        _put_reservation(session, ident,
                         None if data is None else entities.read_reservation(data))
    for ident, data in (undo.get("waitlist") or {}).items():
        wait_ids.append(ident)
        _put_entry(session, ident, None if data is None else entities.read_waitlist_entry(data))
    for member_id, delta in (undo.get("no_shows") or {}).items():
        member = session.get(MemberRow, member_id)
        if member is not None:
            member.no_show_count = max(0, member.no_show_count + int(delta))
            member_ids.append(member_id)
    session.flush()
    return Changes.of(res_ids, (), wait_ids, member_ids)


def _put_reservation(session: Session, ident: str, record: Reservation | None) -> None:
    row = session.get(ReservationRow, ident)
    if record is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(ReservationRow(**convert.reservation_values(record)))
    else:
        convert.overwrite(row, convert.reservation_values(record))


def _put_entry(session: Session, ident: str, record: WaitlistEntry | None) -> None:
    row = session.get(WaitlistRow, ident)
    if record is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(WaitlistRow(**convert.waitlist_values(record)))
    else:
        convert.overwrite(row, convert.waitlist_values(record))


def _rejection(session: Session, row: OutboxRow, answer: PushOutcome,
               now: datetime) -> SyncRejectionRow:
    args = row.args or {}
    entity = "waitlist_entry" if row.name.startswith("waitlist.") else "reservation"
    member_id = args.get("member_id") or _member_of(session, row, entity)
    return SyncRejectionRow(
        mutation_id=row.id, code=answer.code or "invalid", reason=answer.reason,
        params=dict(answer.params), message=answer.message or answer.code or "rejected",
        entity=entity, entity_id=str(args.get("id", ""))[:64] or None,
        member_id=member_id, created_at=now)


def _logged(session: Session, row: OutboxRow, answer: PushOutcome,
            now: datetime) -> SyncLogRow:
    entity = "waitlist_entry" if row.name.startswith("waitlist.") else "reservation"
    args = row.args or {}
    return SyncLogRow(
        mutation_id=row.id, name=row.name, entity_id=str(args.get("id", ""))[:64] or None,
        member_id=args.get("member_id") or _member_of(session, row, entity),
        made_at=row.created_at, settled_at=now, outcome=answer.outcome, code=answer.code,
        reason=answer.reason, params=dict(answer.params))


def _member_of(session: Session, row: OutboxRow, entity: str) -> str | None:
    ident = (row.args or {}).get("id")
    found: ReservationRow | WaitlistRow | None = None
    if ident:
        found = (session.get(WaitlistRow, ident) if entity == "waitlist_entry"
                 else session.get(ReservationRow, ident))
    if found is not None:
        return found.member_id
    before = (row.undo or {}).get("reservations" if entity == "reservation" else "waitlist")
    data = (before or {}).get(ident) if ident else None
    return str(data["member_id"]) if isinstance(data, dict) and "member_id" in data else None


# -- pull -------------------------------------------------------------------------------

def _pending_images(session: Session) -> tuple[dict[str, list[OutboxRow]],
                                                dict[str, list[OutboxRow]]]:
    """Pending rows by the reservation and waitlist ids their change touched."""
    by_res: dict[str, list[OutboxRow]] = {}
    by_wait: dict[str, list[OutboxRow]] = {}
    for row in session.scalars(select(OutboxRow).where(OutboxRow.state == PENDING)
                               .order_by(OutboxRow.seq)):
        undo = row.undo or {}
        for ident in undo.get("reservations") or {}:
            by_res.setdefault(ident, []).append(row)
        for ident in undo.get("waitlist") or {}:
            by_wait.setdefault(ident, []).append(row)
    return by_res, by_wait


def _rebase(rows: list[OutboxRow], table: str, ident: str, data: Any) -> None:
    """The server's version becomes the first pending change's before-image."""
    first = rows[0]
    undo = dict(first.undo or {})
    images = dict(undo.get(table) or {})
    images[ident] = data
    undo[table] = images
    first.undo = undo  # reassigned so the JSON column sees the change


#: Tables a page writes, parents first (inserts in this order, deletes in reverse).
_ORDER = ("site", "resource_kind", "resource", "member", "reservation", "waitlist_entry")
_TABLES = {"site": "sites", "resource_kind": "resource_kinds", "resource": "resources",
           "member": "members", "reservation": "reservations",
           "waitlist_entry": "reservation_waitlist"}


@dataclass(slots=True)
class _Page:
    """One page being written: rows gathered per table (the last version of each id
    wins) and written in bulk; rows of pending local changes become before-images."""

    session: Session
    by_res: dict[str, list[OutboxRow]]
    by_wait: dict[str, list[OutboxRow]]
    rows: dict[str, dict[str, dict[str, Any] | None]] = field(default_factory=dict)

    def put(self, change: PulledChange) -> None:
        data = None if change.deleted else change.data
        entity, ident = change.entity, change.id
        if entity == "reservation" and ident in self.by_res:
            _rebase(self.by_res[ident], "reservations", ident,
                    None if data is None else entities.reservation_data(data))
        elif entity == "waitlist_entry" and ident in self.by_wait:
            _rebase(self.by_wait[ident], "waitlist", ident,
                    None if data is None else entities.waitlist_data(data))
        elif entity in _VALUES:
            self.rows.setdefault(entity, {})[ident] = (
                None if data is None else _VALUES[entity](data))
        elif entity == "flag" and data is not None:
            _put_flag(self.session, data)
        else:
            log.info("pull: ignoring %s %s (not kept at the kiosk)", entity, ident)

    def write(self) -> None:
        tables = Base.metadata.tables
        for entity in reversed(_ORDER):
            gone = [i for i, v in self.rows.get(entity, {}).items() if v is None]
            table = tables[_TABLES[entity]]
            for chunk in _chunks(gone, 500):
                self.session.execute(delete(table).where(table.c.id.in_(chunk)))
        for entity in _ORDER:
            values = [v for v in self.rows.get(entity, {}).values() if v is not None]
            if values:
                table = tables[_TABLES[entity]]
                stmt = insert(table)
                stmt = stmt.on_conflict_do_update(index_elements=["id"], set_={
                    k: stmt.excluded[k] for k in values[0] if k != "id"})
                self.session.execute(stmt, values)

    def changes(self) -> Changes:
        """What screens refresh (rows kept as a pending change's before-image look the
        same as before, so they are not named)."""
        t = self.rows
        changed = Changes.of(t.get("reservation", {}), t.get("resource", {}),
                             t.get("waitlist_entry", {}), t.get("member", {}))
        return replace(changed, kinds=True) if t.get("resource_kind") else changed


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def apply_page(session: Session, page: Sequence[PulledChange], cursor: str, *,
               seen: Seen | None = None) -> Changes:
    """Write one pull page and its cursor (one transaction: the caller's)."""
    writing = _Page(session, *_pending_images(session))
    for change in page:
        if seen is not None and not change.deleted:
            seen.add(change.entity, change.id)
        writing.put(change)
    writing.write()
    state = ensure_sync_state(session)
    state.cursor = cursor
    session.flush()
    return writing.changes()


def _resource_values(r: Resource) -> dict[str, Any]:
    return {"id": r.id, "site_id": r.site_id, "name": r.name, "kind": r.kind,
            "required_badge": r.required_badge, "settings": _layer(r.settings),
            "active": r.active}


def _site_values(s: Site) -> dict[str, Any]:
    return {"id": s.id, "name": s.name, "timezone": s.timezone,
            "settings": _layer(s.settings)}


def _kind_values(k: ResourceKind) -> dict[str, Any]:
    return {"id": k.code, "site_id": k.site_id, "names": dict(k.names)}


def _member_values(who: entities.MemberIdentity) -> dict[str, Any]:
    m = who.member
    return {"id": m.id, "site_id": m.site_id, "number": m.number,
            "display_name": m.display_name, "card_hash": who.card_hash,
            "pin_hash": who.pin_hash, "cohort": m.cohort, "status": str(m.status),
            "no_show_count": m.no_show_count, "badges": sorted(m.badges),
            "language": m.language}


_VALUES: dict[str, Callable[[Any], dict[str, Any]]] = {
    "site": _site_values, "resource_kind": _kind_values, "resource": _resource_values,
    "member": _member_values,
    "reservation": convert.reservation_values, "waitlist_entry": convert.waitlist_values}


def _layer(values: Mapping[str, object]) -> dict[str, object]:
    validate_layer(values)
    return dict(values)


def _put_flag(session: Session, data: Mapping[str, Any]) -> None:
    """The site's view of the flag (``{"name", "site", "cohorts"}``) replaces what the
    kiosk held, as the explicit values that evaluate the same."""
    site = session.scalars(select(SiteRow.id)).first()
    if site is None or data.get("name") != FLAG_NAME:
        return
    state = state_from_site_flags(site, data)
    session.execute(delete(FlagRow).where(FlagRow.name == FLAG_NAME))
    rows = [("site", key, value) for key, value in state.sites.items()]
    rows += [("cohort", key, value) for key, value in state.cohorts.items()]
    if state.global_enabled is not None:
        rows.append(("global", "", state.global_enabled))
    for scope, key, enabled in rows:
        session.add(FlagRow(name=FLAG_NAME, scope=scope, key=key, enabled=enabled,
                            updated_at=None))


def finish_full_sync(session: Session, seen: Seen) -> Changes:
    """After the last page of a full sync: rows it did not deliver are not the server's
    (any more) and go — except those a pending local change created or touched."""
    by_res, by_wait = _pending_images(session)
    gone_res = [i for i in session.scalars(select(ReservationRow.id))
                if i not in seen.ids.get("reservation", set()) and i not in by_res]
    gone_wait = [i for i in session.scalars(select(WaitlistRow.id))
                 if i not in seen.ids.get("waitlist_entry", set()) and i not in by_wait]
    for ident in gone_res:
        session.execute(delete(ReservationRow).where(ReservationRow.id == ident))
    for ident in gone_wait:
        session.execute(delete(WaitlistRow).where(WaitlistRow.id == ident))
    gone_kinds = [i for i in session.scalars(select(ResourceKindRow.id))
                  if i not in seen.ids.get("resource_kind", set())]
    if gone_kinds:
        session.execute(delete(ResourceKindRow).where(ResourceKindRow.id.in_(gone_kinds)))
    changed = Changes.of(gone_res, (), gone_wait, ())
    return replace(changed, kinds=True) if gone_kinds else changed


# -- bookkeeping ------------------------------------------------------------------------

def outbox_batch(session: Session, limit: int) -> list[dict[str, Any]]:
    """The next pending mutations in seq order, as the push sends them."""
    rows = session.scalars(select(OutboxRow).where(OutboxRow.state == PENDING)
                           .order_by(OutboxRow.seq).limit(limit))
    return [{"id": r.id, "seq": r.seq, "name": r.name, "args": r.args,
             "at": entities.iso(r.created_at)} for r in rows]


def store_flags(session: Session, flags: Mapping[str, Any]) -> bool:
    """The check-in's flag view; True if the kiosk's answer changed."""
    view = flags.get(FLAG_NAME)
    if not isinstance(view, Mapping):
        return False
    before = {(r.scope, r.key, r.enabled) for r in session.scalars(select(FlagRow))}
    _put_flag(session, {"name": FLAG_NAME, **view})
    session.flush()
    return before != {(r.scope, r.key, r.enabled) for r in session.scalars(select(FlagRow))}


def note_attempt(session: Session, now: datetime, *, error: str | None,
                 server_time: datetime | None = None, ready: bool | None = None) -> None:
    """What the status strip and ``kiosk status`` show: online, last success, last error."""
    state = ensure_sync_state(session)
    state.online = error is None
    state.last_error = error[:500] if error else None
    if error is not None and state.offline_since is None:
        # the outage counts from the last success: what was made after it waited too
        state.offline_since = state.last_success_at or now
    if error is None:
        if state.offline_since is not None:  # an outage ended: its report can be read
            state.outage_started_at, state.outage_ended_at = state.offline_since, now
            state.offline_since = None
        state.last_success_at = now
    if server_time is not None:
        state.server_time_offset = (server_time - now).total_seconds()
    if ready is not None:
        state.ready = ready
