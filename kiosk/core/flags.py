"""The ``reservation_system_enabled`` feature flag: global, per site, per member cohort.

The most specific explicit value wins: site+cohort, cohort, site, global; with no value
anywhere the system is off. Off means no new reservations and no calendar; existing
reservations are kept. The server sends one site's view (``site_flags``) in every
scheduled check-in reply; the kiosk turns it back into a state (``state_from_site_flags``)
and keeps the last one it got while offline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from kiosk.core.errors import InvalidInput

FLAG_NAME = "reservation_system_enabled"


@dataclass(frozen=True, slots=True)
class FlagState:
    """Explicit flag values. ``cohorts`` holds global cohort values keyed by cohort name
    and one site's cohort overrides keyed ``"<site_id>:<cohort>"``."""

    global_enabled: bool | None = None
    sites: Mapping[str, bool] = field(default_factory=dict)
    cohorts: Mapping[str, bool] = field(default_factory=dict)


def reservation_system_enabled(state: FlagState, site_id: str, cohort: str | None) -> bool:
    """The effective flag for a member of ``cohort`` (None: no cohort) at ``site_id``."""
    if cohort:
        for key in (f"{site_id}:{cohort}", cohort):
            if key in state.cohorts:
                return bool(state.cohorts[key])
    if site_id in state.sites:
        return bool(state.sites[site_id])
    return bool(state.global_enabled)


def _cohort_names(state: FlagState, site_id: str) -> set[str]:
    names = set()
    for key in state.cohorts:
        owner, sep, name = key.partition(":")
        if not sep:
            names.add(key)
        elif owner == site_id:
            names.add(name)
    return names


def site_flags(state: FlagState, site_id: str) -> dict[str, object]:
    """One site's view, as in the check-in reply: ``{"site": bool, "cohorts": {…}}``."""
    return {
        "site": reservation_system_enabled(state, site_id, None),
        "cohorts": {
            name: reservation_system_enabled(state, site_id, name)
            for name in sorted(_cohort_names(state, site_id))
        },
    }


def state_from_site_flags(site_id: str, body: Mapping[str, object]) -> FlagState:
    """Rebuild a state from one site's view; evaluating it gives the same answers."""
    enabled, cohorts = body.get("site"), body.get("cohorts", {})
    if not isinstance(enabled, bool) or not isinstance(cohorts, Mapping):
        raise InvalidInput("flag body must be {'site': bool, 'cohorts': {name: bool}}")
    for name, value in cohorts.items():
        if not isinstance(name, str) or not isinstance(value, bool):
            raise InvalidInput(f"cohort flag {name!r} must be true or false")
    return FlagState(
        None, {site_id: enabled}, {f"{site_id}:{name}": value for name, value in cohorts.items()}
    )
