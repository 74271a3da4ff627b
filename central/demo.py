"""``central demo``: load the kiosk's demo site (``kiosk.demo``) so a kiosk can enroll."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from central import admin
from central.db import tables as t
from central.domain import flags
from central.domain.changes import ChangeSet, publish
from kiosk.core import entities
from kiosk.demo.dataset import DemoData, build_demo


def load_demo(conn: Connection, today: date, now: datetime) -> dict[str, object]:
    """Insert the demo site with its resources, members, reservations, waitlist and
    holidays, and switch the reservation system on for it. Refuses when the site already
    exists."""
    return load_data(conn, build_demo(today, now), now)


def load_data(conn: Connection, data: DemoData, now: datetime) -> dict[str, object]:
    """Insert a site given as the demo's data (the kiosk loads the same with
    ``kiosk.demo.load``), with the reservation system on. Refuses an existing site."""
    if conn.execute(sa.select(t.sites.c.id).where(t.sites.c.id == data.site.id)).first():
        raise admin.AdminError(f"the demo site {data.site.name!r} is already loaded")
    site = admin.add_site(conn, data.site.name, data.site.timezone, now,
                          settings=dict(data.site.settings), site_id=data.site.id)
    cs = ChangeSet()
    admin.load_kinds(conn, cs, data.kinds)
    for r in data.resources:
        conn.execute(sa.insert(t.resources).values(
            id=r.id, site_id=site.id, name=r.name, kind=r.kind,
            required_badge=r.required_badge, settings=dict(r.settings), active=r.active))
        cs.put(site.id, "resource", r.id, entities.resource_data(r))
    # Every member of the everyday demo has a PIN (only the benchmark's extra ones lack it).
    admin.load_members(conn, cs, ((m.member, m.card, m.pin) for m in data.members
                                  if m.pin is not None))
    count = admin.load_reservations(conn, cs, site, data.reservations, now)
    admin.load_waitlist(conn, cs, site, data.waitlist)
    for c in data.closures:  # judged here as at the kiosk (the contract does not carry them)
        conn.execute(sa.insert(t.closures).values(
            id=c.id, site_id=site.id, resource_id=c.resource_id, starts_at=c.interval.start,
            ends_at=c.interval.end, reason=c.reason))
    flags.set_flag(conn, cs, True, now, site_id=site.id)
    publish(conn, cs, now)
    return {"site_id": site.id, "site": site.name, "kinds": len(data.kinds),
            "resources": len(data.resources),
            "members": len(data.members), "reservations": count,
            "waitlist": len(data.waitlist), "closures": len(data.closures)}
