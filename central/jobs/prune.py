"""Change-log pruning: old tombstones, expired dedup records, reservations leaving the
kiosks' window.

A tombstone is deleted only after ``tombstone_retention_days``; the site's
``pruned_through`` then rises to the highest pruned version, and an incremental cursor
below it gets 410 (the kiosk does a full sync). Dedup records are kept for
``dedup_retention_days`` (weeks, as long as a kiosk may stay offline). A reservation that
ended more than ``reservation_window_days`` ago leaves the slice as a tombstone. The
report's request counts and push errors are kept for ``stats_retention_days``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from central.db import tables as t
from central.db.engine import write
from central.domain.changes import ChangeSet, publish
from central.settings import Settings


def _leave_window(engine: Engine, cutoff: datetime, now: datetime) -> int:
    r, c = t.reservations, t.changes
    with write(engine) as conn:
        stmt = sa.select(r.c.site_id, r.c.id).join(c, sa.and_(
            c.c.site_id == r.c.site_id, c.c.entity == "reservation", c.c.entity_id == r.c.id,
        )).where(r.c.ends_at < cutoff, c.c.deleted.is_(False)).limit(5000)
        cs = ChangeSet()
        for site_id, res_id in conn.execute(stmt):
            cs.delete(site_id, "reservation", res_id)
        count = len(cs)
        publish(conn, cs, now)
    return count


def _tombstones(engine: Engine, cutoff: datetime) -> int:
    c, sv = t.changes, t.site_versions
    with write(engine) as conn:
        old = sa.and_(c.c.deleted.is_(True), c.c.changed_at < cutoff)
        tops = conn.execute(sa.select(c.c.site_id, sa.func.max(c.c.version))
                            .where(old).group_by(c.c.site_id)).all()
        for site_id, top in tops:
            conn.execute(sa.update(sv).where(sv.c.site_id == site_id, sv.c.pruned_through < top)
                         .values(pruned_through=top))
        return int(conn.execute(sa.delete(c).where(old)).rowcount or 0)


def _request_stats(engine: Engine, cutoff: datetime) -> int:
    re, rs = t.request_errors, t.request_stats
    with write(engine) as conn:
        errors = conn.execute(sa.delete(re).where(re.c.at < cutoff)).rowcount
        hours = conn.execute(sa.delete(rs).where(rs.c.hour < cutoff)).rowcount
    return int(errors or 0) + int(hours or 0)


def prune(engine: Engine, settings: Settings, now: datetime) -> dict[str, int]:
    """Run every pruning; return what each removed."""
    window = _leave_window(engine, now - timedelta(days=settings.reservation_window_days), now)
    tombstones = _tombstones(engine, now - timedelta(days=settings.tombstone_retention_days))
    dm = t.device_mutations
    with write(engine) as conn:
        dedup = conn.execute(sa.delete(dm).where(
            dm.c.received_at < now - timedelta(days=settings.dedup_retention_days))).rowcount
    stats = _request_stats(engine, now - timedelta(days=settings.stats_retention_days))
    return {"left_window": window, "tombstones": tombstones, "dedup_records": int(dedup or 0),
            "request_stats": stats}
