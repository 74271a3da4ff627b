"""The fixed records of the demo site that every demo booking is judged against, the
site's effective booking policies, and the demo's stable ids."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from kiosk.core.model import Closure, Member, Resource, Site
from kiosk.core.policy import BookingPolicy, resolve_policy

_NAMESPACE = uuid.UUID("6c1b9d2e-93c4-4b8a-8f0e-1d2c3b4a5f60")


def demo_id(kind: str, key: object) -> str:
    """A stable id for a demo record, the same on every machine."""
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{key}"))


@dataclass(slots=True)
class Policies:
    """Effective policies of the demo's resources, resolved like the store does (global
    defaults → site → resource → cohort) once per kind of resource and cohort: resources
    of one kind share their settings."""

    site: Site
    cohorts: dict[str, dict[str, object]]
    _cache: dict[tuple[str, str | None], BookingPolicy] = field(default_factory=dict)

    def of(self, resource: Resource, cohort: str | None = None) -> BookingPolicy:
        key = (resource.kind, cohort)
        found = self._cache.get(key)
        if found is None:
            layers: list[tuple[str, dict[str, object]]] = [
                ("site", dict(self.site.settings)), ("resource", dict(resource.settings))]
            if cohort and cohort in self.cohorts:
                layers.append(("cohort", self.cohorts[cohort]))
            found = self._cache[key] = resolve_policy(layers).policy
        return found


@dataclass(frozen=True, slots=True)
class World:
    """The site as it stands at ``now``: what the bookings are made on and by."""

    site: Site
    resources: list[Resource]
    members: list[Member]
    closures: list[Closure]
    cohorts: dict[str, dict[str, object]]
    now: datetime
    policies: Policies = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "policies", Policies(self.site, self.cohorts))
