"""Write a demo data set into a kiosk cache through the store's bulk loader."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from kiosk.demo.dataset import DemoData
from kiosk.store.db import Store
from kiosk.store.loader import (
    MemberCredentials,
    SettingsLayers,
    load_closures,
    load_kinds,
    load_members,
    load_reservations,
    load_resources,
    load_site,
    load_staff_pin,
    load_waitlist,
)
from kiosk.store.site_secret import verifying_secret

T = TypeVar("T")
PROGRESS_EVERY = 50_000


def load_demo(store: Store, data: DemoData,
              progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Load ``data``; ``progress`` hears the running reservation count. Returns counts."""
    load_site(store, data.site, SettingsLayers(cohorts=data.cohort_settings))
    secret = verifying_secret(store.path)
    counts = {
        "kinds": load_kinds(store, data.kinds),
        "resources": load_resources(store, data.resources),
        "members": load_members(store, (MemberCredentials.hashing(m.member, m.card, m.pin,
                                                                  secret)
                                        for m in data.members)),
    }
    counts["reservations"] = load_reservations(store, _counting(data.reservations, progress))
    counts["waitlist entries"] = load_waitlist(store, data.waitlist)
    counts["closures"] = load_closures(store, data.closures)
    load_staff_pin(store, data.staff_pin)
    return counts


def _counting(items: Iterable[T], progress: Callable[[int], None] | None) -> Iterator[T]:
    count = 0
    for count, item in enumerate(items, start=1):
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(count)
        yield item
    if progress is not None:
        progress(count)
