"""The per-site change log and version counter (sync invariant 6).

Every writing transaction collects what it changed in a ``ChangeSet`` and, just before
commit, calls ``publish``: it bumps each touched site's counter row (``UPDATE … RETURNING``
takes the row lock until commit, so a later transaction of the same site cannot even get
its version numbers before this one commits — commit order equals version order) and
upserts one ``changes`` row per entity with its new version. A site's ``changes`` table is
therefore the latest state of every entity it can see, tombstones included; a pull reads
``version > cursor`` in version order. Sites are locked in id order to rule out deadlocks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from central.db.tables import changes, site_versions

Key = tuple[str, str, str]  # site id, entity, entity id


@dataclass
class ChangeSet:
    """Entities changed by one transaction, last write wins (``None`` data = tombstone)."""

    items: dict[Key, dict[str, Any] | None] = field(default_factory=dict)

    def put(self, site_id: str, entity: str, entity_id: str, data: dict[str, Any]) -> None:
        self.items.pop((site_id, entity, entity_id), None)
        self.items[(site_id, entity, entity_id)] = data

    def delete(self, site_id: str, entity: str, entity_id: str) -> None:
        self.items.pop((site_id, entity, entity_id), None)
        self.items[(site_id, entity, entity_id)] = None

    def __len__(self) -> int:
        return len(self.items)


def bump(conn: Connection, site_id: str, count: int) -> int:
    """Advance the site's counter by ``count`` and return its new (highest) value."""
    stmt = (
        sa.update(site_versions)
        .where(site_versions.c.site_id == site_id)
        .values(version=site_versions.c.version + count)
        .returning(site_versions.c.version)
    )
    version = conn.execute(stmt).scalar_one_or_none()
    if version is None:
        raise LookupError(f"no version row for site {site_id}")
    return int(version)


def _upsert(conn: Connection, rows: list[dict[str, Any]]) -> None:
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(changes).values(rows)
    stmt = stmt.on_conflict_do_update(
        index_elements=["site_id", "entity", "entity_id"],
        set_={c: stmt.excluded[c] for c in ("version", "deleted", "data", "changed_at")},
    )
    conn.execute(stmt)


# PostgreSQL: bump the counter and upsert the site's changes in one round trip, so the
# counter's row lock is taken by the transaction's last statement before COMMIT. ``{also}``
# takes the caller's own data-modifying CTEs (``name AS (…), …``) into the same statement.
_PG_PUBLISH = """
WITH {also} v AS (UPDATE site_versions SET version = version + :n WHERE site_id = :site
           RETURNING version)
INSERT INTO changes (site_id, entity, entity_id, version, deleted, data, changed_at)
SELECT :site, x.entity, x.entity_id, v.version - :n + x.ord, x.deleted, x.data, :now
FROM v, jsonb_to_recordset(CAST(:items AS jsonb))
     AS x(ord int, entity text, entity_id text, deleted boolean, data jsonb)
ON CONFLICT (site_id, entity, entity_id) DO UPDATE
SET version = excluded.version, deleted = excluded.deleted, data = excluded.data,
    changed_at = excluded.changed_at
"""

Also = tuple[str, dict[str, Any]]


@lru_cache(maxsize=64)
def _pg_statement(also: str, publishing: bool) -> sa.TextClause:
    if not publishing:  # nothing to publish: just the caller's CTEs
        return sa.text(f"WITH {also.strip().rstrip(',')} SELECT 1")
    return sa.text(_PG_PUBLISH.replace("{also}", f"{also.strip()}," if also else ""))


def _publish_pg(conn: Connection, site_id: str,
                items: list[tuple[str, str, dict[str, Any] | None]], now: datetime,
                also: Also | None = None) -> None:
    rows = [{"ord": i + 1, "entity": entity, "entity_id": entity_id,
             "deleted": data is None, "data": data}
            for i, (entity, entity_id, data) in enumerate(items)]
    extra_sql, extra = also or ("", {})
    done = conn.execute(_pg_statement(extra_sql, True),
                        {**extra, "n": len(items), "site": site_id, "now": now,
                         "items": json.dumps(rows)})
    if done.rowcount != len(items):
        raise LookupError(f"no version row for site {site_id}")


def publish(conn: Connection, change_set: ChangeSet, now: datetime, *,
            also: Also | None = None) -> bool:
    """Give every collected change its version and write it to the change log.

    ``also`` (PostgreSQL only): ``(CTE text, parameters)`` of the caller's own writes, run
    in the same statement when the changes touch at most one site. Returns whether they
    ran; when False the caller writes them itself."""
    by_site: dict[str, list[tuple[str, str, dict[str, Any] | None]]] = {}
    for (site_id, entity, entity_id), data in change_set.items.items():
        by_site.setdefault(site_id, []).append((entity, entity_id, data))
    pg = conn.dialect.name == "postgresql"
    folded = also is not None and pg and len(by_site) <= 1
    if folded and not by_site:
        assert also is not None
        conn.execute(_pg_statement(also[0], False), also[1])
    for site_id in sorted(by_site):
        items = by_site[site_id]
        if pg:
            _publish_pg(conn, site_id, items, now, also if folded else None)
            continue
        top = bump(conn, site_id, len(items))
        first = top - len(items) + 1
        _upsert(conn, [
            {"site_id": site_id, "entity": entity, "entity_id": entity_id,
             "version": first + i, "deleted": data is None, "data": data,
             "changed_at": now}
            for i, (entity, entity_id, data) in enumerate(items)
        ])
    change_set.items.clear()
    return folded
