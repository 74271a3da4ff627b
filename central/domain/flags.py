"""Feature-flag storage (global / site / cohort / site+cohort) and its sync publication.

The decision itself (which layer wins) is ``kiosk.core.flags``; this module only stores
the explicit values and turns them into a ``FlagState``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from central.db import tables as t
from central.domain.changes import ChangeSet
from kiosk.core.flags import FlagState, reservation_system_enabled, site_flags

FLAG = "reservation_system_enabled"


def scope_key(site_id: str | None, cohort: str | None) -> str:
    parts = ([f"site:{site_id}"] if site_id else []) + ([f"cohort:{cohort}"] if cohort else [])
    return ":".join(parts) or "global"


def state(conn: Connection, name: str = FLAG) -> FlagState:
    """Every explicit value of flag ``name`` as the core's ``FlagState``."""
    f = t.flags
    return state_from(conn.execute(sa.select(f.c.site_id, f.c.cohort, f.c.enabled)
                                   .where(f.c.name == name)).all())


def state_from(rows: Iterable[Sequence[Any]]) -> FlagState:
    """A ``FlagState`` from ``(site id, cohort, enabled)`` rows of one flag."""
    glob: bool | None = None
    sites: dict[str, bool] = {}
    cohorts: dict[str, bool] = {}
    for site_id, cohort, enabled in rows:
        if site_id and cohort:
            cohorts[f"{site_id}:{cohort}"] = bool(enabled)
        elif site_id:
            sites[site_id] = bool(enabled)
        elif cohort:
            cohorts[cohort] = bool(enabled)
        else:
            glob = bool(enabled)
    return FlagState(global_enabled=glob, sites=sites, cohorts=cohorts)


def enabled_for(conn: Connection, site_id: str, cohort: str | None) -> bool:
    return reservation_system_enabled(state(conn), site_id, cohort)


def publish_site(conn: Connection, cs: ChangeSet, site_id: str) -> None:
    """Queue the site's view of the flag as a ``flag`` entity change."""
    cs.put(site_id, "flag", FLAG, {"name": FLAG, **site_flags(state(conn), site_id)})


def set_flag(conn: Connection, cs: ChangeSet, enabled: bool, now: datetime, *,
             site_id: str | None = None, cohort: str | None = None) -> None:
    """Store one explicit value and queue the flag change for every site it can affect."""
    key = scope_key(site_id, cohort)
    table = t.flags
    conn.execute(sa.delete(table).where(table.c.name == FLAG, table.c.scope_key == key))
    conn.execute(sa.insert(table).values(name=FLAG, scope_key=key, site_id=site_id,
                                         cohort=cohort, enabled=enabled, updated_at=now))
    targets = [site_id] if site_id else list(conn.execute(sa.select(t.sites.c.id)).scalars())
    for target in targets:
        publish_site(conn, cs, target)
