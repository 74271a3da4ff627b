"""The scheduled check-in (heartbeat): record the kiosk's health, hand back flag state.

Nothing here trusts the kiosk's clock: its reported times are stored for display only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from central.db import tables as t
from central.db.engine import writing
from central.domain import flags
from central.domain.devices import Device
from kiosk.core.flags import site_flags

_D = t.devices
#: Built once: a statement made per request spends a good share of the check-in's CPU on
#: its SQL cache key (the JSON column's type is inspected anew for each new statement;
#: py-spy on a loaded worker, bench/LOAD.md). This one's key is computed once.
_REPORT = sa.update(_D).where(_D.c.id == sa.bindparam("device_id")).values(
    {c: sa.bindparam(c.name, type_=c.type) for c in (
        _D.c.last_seen_at, _D.c.app_version, _D.c.outbox_depth, _D.c.oldest_pending_at,
        _D.c.metrics)})


def checkin(conn: Connection, device: Device, now: datetime, *, app_version: str | None,
            outbox_depth: int | None, oldest_pending_at: datetime | None,
            metrics: dict[str, Any] | None) -> dict[str, Any]:
    """Store the kiosk's report; return ``{flag name: {"site": …, "cohorts": {…}}}``."""
    with writing(conn):
        conn.execute(_REPORT, {"device_id": device.id, "last_seen_at": now,
                               "app_version": app_version, "outbox_depth": outbox_depth,
                               "oldest_pending_at": oldest_pending_at, "metrics": metrics})
        state = flags.state(conn)
    return {flags.FLAG: site_flags(state, device.site_id)}
