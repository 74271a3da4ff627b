"""What every CLI command needs: the opened store, the service, the site, and lookups of
resources by id or name and members by number."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kiosk.core.errors import InvalidInput
from kiosk.core.model import Member, Resource, Site
from kiosk.store.db import Store, open_store
from kiosk.store.service import KioskService


class NoSite(InvalidInput):
    """The cache holds no site yet: nothing to show or book."""


@dataclass(slots=True)
class CliContext:
    store: Store
    service: KioskService

    def site(self) -> Site:
        if not self.service.reads.has_site():
            raise NoSite("this cache holds no site yet; run 'kiosk demo-data' to load the demo")
        return self.service.reads.site()

    def resources_by_id(self) -> dict[str, Resource]:
        return {r.id: r for r in self.service.reads.resources()}

    def resource(self, key: str) -> Resource | None:
        """A resource by id, or by name ignoring case."""
        resources = self.service.reads.resources()
        for r in resources:
            if r.id == key:
                return r
        folded = key.casefold().strip()
        return next((r for r in resources if r.name.casefold() == folded), None)

    def now(self) -> datetime:
        return datetime.now(UTC)

    def member_numbers(self, member_ids: Iterable[str]) -> dict[str, str]:
        """Member id → member number, for printing reservations."""
        found = (self.service.reads.member(i) for i in set(member_ids))
        return {m.id: m.number for m in found if m is not None}

    def member(self, number: str) -> Member | None:
        return self.service.reads.member_by_number(number.strip())


@contextmanager
def cli_context(db_path: Path) -> Iterator[CliContext]:
    store = open_store(db_path)
    try:
        yield CliContext(store, KioskService(store, clock=lambda: datetime.now(UTC)))
    finally:
        store.close()
