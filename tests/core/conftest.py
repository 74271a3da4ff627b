"""Builders for core tests: a site, a resource, a member and a booking context."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from kiosk.core.booking import BookingContext
from kiosk.core.model import Interval, Member, Reservation, Resource, Site
from kiosk.core.policy import BookingPolicy, WeeklyHours

LA = "America/Los_Angeles"
#: A Thursday, well away from DST changes; 16:00 UTC is 08:00 in Los Angeles.
NOW = datetime(2026, 3, 5, 16, 0, tzinfo=UTC)


@pytest.fixture
def site() -> Site:
    return Site("site-1", "Portland Tool Library", LA)


@pytest.fixture
def resource() -> Resource:
    return Resource("res-1", "site-1", "Table saw", "saw")


@pytest.fixture
def member() -> Member:
    return Member("mem-1", "site-1", "1001", "Ann Lee")


@pytest.fixture
def make_ctx(site: Site, resource: Resource, member: Member) -> Callable[..., BookingContext]:
    """``make_ctx(busy=…, policy=…, **policy_overrides)``; 24/7 hours if ``hours="24/7"``."""

    def build(
        *, busy: tuple[Reservation, ...] = (), policy: BookingPolicy | None = None,
        hours: object = None, zone: str | None = None, now: datetime = NOW,
        resource_: Resource | None = None, member_: Member | None = None,
        ctx_args: dict[str, Any] | None = None, **overrides: Any,
    ) -> BookingContext:
        pol = policy or BookingPolicy()
        if hours is not None:
            overrides["opening_hours"] = WeeklyHours.parse(hours)
        pol = replace(pol, **overrides)
        s = replace(site, timezone=zone) if zone else site
        return BookingContext(
            s, resource_ or resource, member_ or member, pol, now, busy, **(ctx_args or {})
        )

    return build


@pytest.fixture
def booking() -> Callable[..., Reservation]:
    """``booking(start, end, id=…, status=…)`` on res-1 for another member."""
    counter = iter(range(10**6))

    def build(start: datetime, end: datetime, **kw: Any) -> Reservation:
        kw.setdefault("id", f"b{next(counter)}")
        rid = kw.pop("id")
        return Reservation(rid, kw.pop("resource_id", "res-1"), kw.pop("member_id", "mem-2"),
                           Interval(start, end), **kw)

    return build
