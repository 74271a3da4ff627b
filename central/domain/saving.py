"""Writing what a decision said changes, on the server: exactly the rows an ``Effects``
names, each queued as a change for pulls, plus what only the server does — the offer
mail, the metrics, and the exclusion constraint's last word under races."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from central import metrics
from central.db import tables as t
from central.domain import booking, queries, records
from central.domain.changes import ChangeSet
from kiosk.core import entities
from kiosk.core.decisions import Effects
from kiosk.core.model import Resource, Site


def publish_member(conn: Connection, cs: ChangeSet, member_id: str) -> None:
    """Queue the member's kiosk identity as a change."""
    row = queries.one(conn, t.members, member_id)
    data = entities.member_data(records.member(row), row["card_hash"], row["pin_hash"])
    cs.put(row["site_id"], "member", member_id, data)


def adjust_no_shows(conn: Connection, cs: ChangeSet, member_id: str, delta: int) -> None:
    """Change the member's no-show count by ``delta`` (never below zero), atomically."""
    m = t.members
    conn.execute(sa.update(m).where(m.c.id == member_id).values(
        no_show_count=sa.case((m.c.no_show_count + delta < 0, 0),
                              else_=m.c.no_show_count + delta)))
    publish_member(conn, cs, member_id)


def save(conn: Connection, cs: ChangeSet, site: Site, effects: Effects, now: datetime, *,
         resource_of: Callable[[str], Resource], buffer_minutes: int = 0,
         inserted_extra: Mapping[str, Any] | None = None,
         updated_extra: Mapping[str, Any] | None = None,
         entry_extra: Mapping[str, Mapping[str, Any]] | None = None) -> None:
    """Write ``effects``. New reservations are inserted with ``buffer_minutes`` (their
    resource's, for the exclusion constraint) and the ``inserted_extra`` columns, changed
    ones with ``updated_extra``; ``entry_extra`` adds columns to named waitlist places."""
    for r in effects.inserted:
        booking.write_reservation(conn, cs, site.id, r, now, buffer_minutes=buffer_minutes,
                                  resource_name=resource_of(r.resource_id).name,
                                  **(inserted_extra or {}))
    for r in effects.updated:
        booking.write_reservation(conn, cs, site.id, r, now,
                                  resource_name=resource_of(r.resource_id).name,
                                  **(updated_extra or {}))
    for e in effects.waitlist_inserted:
        booking.write_waitlist(conn, cs, site.id, e, insert=True)
        metrics.WAITLIST_JOINS.inc()
    for e in effects.waitlist_updated:
        booking.write_waitlist(conn, cs, site.id, e, **(entry_extra or {}).get(e.id, {}))
    for offer in effects.offers:
        booking.offer_mail(conn, offer, site, resource_of(offer.resource_id).name, now)
    metrics.WAITLIST_OFFERS.inc(len(effects.offers))
    for member_id, delta in sorted(effects.no_show_deltas().items()):
        adjust_no_shows(conn, cs, member_id, delta)


def resources_by_id(conn: Connection) -> Callable[[str], Resource]:
    """``resource_of(id)``, reading each resource once."""
    cache: dict[str, Resource] = {}

    def resource_of(resource_id: str) -> Resource:
        if resource_id not in cache:
            found = queries.resource(conn, resource_id)
            assert found is not None, resource_id
            cache[resource_id] = found
        return cache[resource_id]

    return resource_of
