"""``pull``: a site's changes after a cursor, paged, read in one snapshot with the
device's ``last_mutation_seq`` and its recent mutation results (invariants 4, 6, 7).

The cursor is opaque to the kiosk: ``base64("v1:<site>:<version>:<full>")``. ``full`` marks
the pages of a full sync (started without a cursor): those skip tombstones, since the
kiosk starts from nothing, and never expire. When a page is the last (``has_more`` false)
the cursor becomes the site counter read in the same snapshot, so every later change gets
a higher version (the counter's row lock makes commit order equal version order).
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from central.db import tables as t
from central.db.engine import reading
from central.domain.devices import Device
from central.domain.push import STORED, Result, stored_result

RESULTS_LIMIT = 500
#: What a cursor decodes to: ASCII digits without leading zeros, nothing else, so that one
#: cursor has one spelling (``int`` would also read " 7", "+7", "0_7" or Arabic digits).
_RAW = re.compile(r"v1:([^:\s]{1,64}):(0|[1-9][0-9]*):([01])")


class BadCursorError(ValueError):
    """The cursor is not one this server made."""


class CursorForeignError(Exception):
    """The cursor belongs to another site."""


class CursorExpiredError(Exception):
    """The cursor is older than the retained change log, or ahead of the site's counter
    (however far: this server never issued it): do a full sync (410)."""


@dataclass(frozen=True, slots=True)
class Cursor:
    site_id: str
    version: int
    full: bool

    def encode(self) -> str:
        raw = f"v1:{self.site_id}:{self.version}:{int(self.full)}".encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> Cursor:
        try:
            raw = base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_",
                                   validate=True).decode("ascii")
        except (ValueError, binascii.Error) as exc:
            raise BadCursorError("the cursor is not valid") from exc
        match = _RAW.fullmatch(raw)
        if match is None:
            raise BadCursorError("the cursor is not valid")
        cur = cls(match[1], int(match[2]), match[3] == "1")
        if cur.encode() != text:  # padding, or bits base64 ignores: not a cursor we made
            raise BadCursorError("the cursor is not valid")
        return cur


@dataclass(frozen=True, slots=True)
class Page:
    changes: list[dict[str, Any]]
    cursor: str
    has_more: bool
    last_mutation_seq: int
    mutation_results: list[Result]


def _start(conn: Connection, device: Device, cursor: str | None) -> Cursor:
    if cursor is None:
        return Cursor(device.site_id, 0, True)
    cur = Cursor.decode(cursor)
    if cur.site_id != device.site_id:
        raise CursorForeignError("this cursor belongs to another site")
    sv = t.site_versions
    current, pruned = conn.execute(sa.select(sv.c.version, sv.c.pruned_through).where(
        sv.c.site_id == device.site_id)).one()
    if cur.version > current:
        # Never issued by this server as it is now (a restore from backup rewound it, or
        # the cursor was forged): the kiosk's rows may be ones the server no longer has.
        raise CursorExpiredError("the cursor is ahead of this server's change log")
    if not cur.full and cur.version < pruned:
        raise CursorExpiredError("the cursor is older than the retained change log")
    return cur


def _changes(conn: Connection, cur: Cursor, limit: int) -> list[Any]:
    c = t.changes
    stmt = sa.select(c).where(c.c.site_id == cur.site_id, c.c.version > cur.version)
    if cur.full:
        stmt = stmt.where(c.c.deleted.is_(False))
    return list(conn.execute(stmt.order_by(c.c.version).limit(limit + 1)).mappings())


def _results(conn: Connection, device_id: str, since: int | None) -> list[Result]:
    dm = t.device_mutations
    stmt = sa.select(*STORED).where(dm.c.device_id == device_id)
    if since is not None:
        stmt = stmt.where(dm.c.seq > since)
    rows = conn.execute(stmt.order_by(dm.c.seq.desc()).limit(RESULTS_LIMIT)).all()
    return [stored_result(r) for r in reversed(rows)]


def pull(conn: Connection, device: Device, cursor: str | None, limit: int,
         results_since: int | None = None) -> Page:
    """One page of changes after ``cursor`` (None: full sync), at most ``limit`` long,
    read in one snapshot on ``conn``."""
    with reading(conn):
        cur = _start(conn, device, cursor)
        rows = _changes(conn, cur, limit)
        has_more = len(rows) > limit
        rows = rows[:limit]
        last_seq = conn.execute(sa.select(t.devices.c.last_mutation_seq).where(
            t.devices.c.id == device.id)).scalar_one()
        results = _results(conn, device.id, results_since)
        if has_more:
            nxt = Cursor(cur.site_id, int(rows[-1]["version"]), cur.full)
        else:
            top = conn.execute(sa.select(t.site_versions.c.version).where(
                t.site_versions.c.site_id == cur.site_id)).scalar_one()
            nxt = Cursor(cur.site_id, int(top), False)
    changes = [{"entity": r["entity"], "id": r["entity_id"], "version": int(r["version"]),
                "deleted": bool(r["deleted"]), "data": None if r["deleted"] else r["data"]}
               for r in rows]
    return Page(changes, nxt.encode(), has_more, int(last_seq), results)
