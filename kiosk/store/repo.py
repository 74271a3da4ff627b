"""Loading what the core needs, inside the caller's session: the site, settings layers,
the effective policy, flag state, closures and counts. No rule is decided here."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from kiosk.core.errors import InvalidInput
from kiosk.core.flags import FlagState, reservation_system_enabled
from kiosk.core.model import Closure, Interval
from kiosk.core.policy import EffectivePolicy, resolve_policy
from kiosk.store import convert
from kiosk.store.kiosk_settings import KIOSK_DEFAULTS, KIOSK_RANGES
from kiosk.store.schema import (
    ACTIVE_SQL,
    ClosureRow,
    FlagRow,
    ResourceRow,
    SettingsLayerRow,
    SiteRow,
)
from kiosk.store.types import to_seconds

FLAG = "reservation_system_enabled"


def site_row(session: Session) -> SiteRow:
    """The cache's one site; InvalidInput if the cache holds none yet."""
    row = session.scalars(select(SiteRow).limit(1)).first()
    if row is None:
        raise InvalidInput("the cache holds no site yet: load one or sync first")
    return row


def layer(session: Session, name: str, scope: str = "") -> dict[str, Any]:
    row = session.get(SettingsLayerRow, (name, scope))
    return dict(row.values) if row is not None else {}


def kiosk_setting(session: Session, key: str) -> int:
    value = layer(session, "kiosk").get(key, KIOSK_DEFAULTS[key])
    return int(value)


def set_kiosk_setting(session: Session, key: str, value: object) -> int:
    """Store one kiosk setting after checking its name and range; returns the value."""
    if key not in KIOSK_DEFAULTS:
        raise InvalidInput(f"unknown kiosk setting {key!r}")
    low, high = KIOSK_RANGES[key]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(f"{key} must be a whole number from {low} to {high}")
    values = layer(session, "kiosk") | {key: value}
    row = session.get(SettingsLayerRow, ("kiosk", ""))
    if row is None:
        session.add(SettingsLayerRow(layer="kiosk", scope="", values=values))
    else:
        row.values = values
    return value


def effective_policy(
    session: Session, site: SiteRow, resource: ResourceRow | None, cohort: str | None
) -> EffectivePolicy:
    """Resolve global → site → resource → cohort through ``kiosk.core.policy``."""
    layers: list[tuple[str, dict[str, Any]]] = [
        ("global", layer(session, "global")), ("site", dict(site.settings))]
    if resource is not None:
        layers.append(("resource", dict(resource.settings)))
    if cohort:
        layers.append(("cohort", layer(session, "cohort", cohort)))
    return resolve_policy(layers)


def effective_policies(
    session: Session, site: SiteRow, settings_json: Mapping[str, str], cohort: str | None,
) -> dict[str, EffectivePolicy]:
    """``effective_policy`` for many resources (``settings_json``: resource id → its own
    layer as stored, JSON text), reading the shared layers once and resolving each
    distinct resource layer once: most resources share their settings."""
    base: list[tuple[str, dict[str, Any]]] = [
        ("global", layer(session, "global")), ("site", dict(site.settings))]
    tail = [("cohort", layer(session, "cohort", cohort))] if cohort else []
    resolved: dict[str, EffectivePolicy] = {}
    out: dict[str, EffectivePolicy] = {}
    for resource_id, raw in settings_json.items():
        found = resolved.get(raw)
        if found is None:
            own = json.loads(raw) if raw else {}
            found = resolved[raw] = resolve_policy([*base, ("resource", own), *tail])
        out[resource_id] = found
    return out


def flag_state(session: Session) -> FlagState:
    rows = session.scalars(select(FlagRow).where(FlagRow.name == FLAG)).all()
    global_enabled = next((r.enabled for r in rows if r.scope == "global"), None)
    sites = {r.key: r.enabled for r in rows if r.scope == "site"}
    cohorts = {r.key: r.enabled for r in rows if r.scope == "cohort"}
    return FlagState(global_enabled, sites, cohorts)


def flag_enabled(session: Session, site_id: str, cohort: str | None) -> bool:
    return reservation_system_enabled(flag_state(session), site_id, cohort)


def closures_near(
    session: Session, site_id: str, resource_id: str, span: Interval
) -> list[Closure]:
    """Site-wide and resource closures overlapping ``span``."""
    stmt = select(ClosureRow).where(
        ClosureRow.site_id == site_id,
        (ClosureRow.resource_id.is_(None)) | (ClosureRow.resource_id == resource_id),
        ClosureRow.starts_at < span.end, ClosureRow.ends_at > span.start,
    )
    return [convert.closure(row) for row in session.scalars(stmt)]


def longest_overall(session: Session) -> int:
    """The longest reservation (seconds) any resource has held."""
    return int(session.scalar(select(func.max(ResourceRow.longest_seconds))) or 0)


def member_active(session: Session, member_id: str, now: datetime, exclude_id: str = "") -> int:
    """The member's active reservations still ending after ``now``."""
    after = to_seconds(now)
    sql = text(
        f"SELECT count(*) FROM reservations WHERE member_id = :mid AND {ACTIVE_SQL} "  # noqa: S608
        "AND starts_at >= :lo AND ends_at > :after AND id != :exclude"
    )
    params = {"mid": member_id, "lo": after - longest_overall(session), "after": after,
              "exclude": exclude_id}
    return int(session.execute(sql, params).scalar_one())
