"""Change records: the ids of everything one write changed, and a write's result.

A write returns ``Applied[T]`` (the new value plus a ``Changes`` record) so that one Qt
adapter can turn it into a signal and widgets refresh only what the record names. Local
taps and changes pulled from the server produce the same record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

T_co = TypeVar("T_co", covariant=True)


@dataclass(frozen=True, slots=True)
class Changes:
    """The ids of everything one write changed."""

    reservation_ids: frozenset[str] = frozenset()
    resource_ids: frozenset[str] = frozenset()
    waitlist_ids: frozenset[str] = frozenset()
    member_ids: frozenset[str] = frozenset()
    flag: bool = False  # the reservation system's flag may read differently now
    kinds: bool = False  # the server renamed, added or removed a resource kind

    @classmethod
    def of(
        cls,
        reservations: Iterable[str] = (),
        resources: Iterable[str] = (),
        waitlist: Iterable[str] = (),
        members: Iterable[str] = (),
    ) -> Changes:
        return cls(frozenset(reservations), frozenset(resources), frozenset(waitlist),
                   frozenset(members))

    @property
    def calendar(self) -> bool:
        """Whether a day calendar may look different: bookings or resources changed."""
        return bool(self.reservation_ids or self.resource_ids)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.reservation_ids | other.reservation_ids,
            self.resource_ids | other.resource_ids,
            self.waitlist_ids | other.waitlist_ids,
            self.member_ids | other.member_ids,
            self.flag or other.flag,
            self.kinds or other.kinds,
        )

    @property
    def empty(self) -> bool:
        return not (self.reservation_ids or self.resource_ids or self.waitlist_ids
                    or self.member_ids or self.flag or self.kinds)


@dataclass(frozen=True, slots=True)
class Applied(Generic[T_co]):
    """A write that happened: its result and what it changed."""

    value: T_co
    changes: Changes
