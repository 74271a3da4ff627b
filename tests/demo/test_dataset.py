"""The demo data set: deterministic, rule-abiding, and covering both DST change days."""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

from kiosk.core import localtime
from kiosk.core.model import Reservation
from kiosk.core.policy import resolve_policy
from kiosk.demo import catalogue
from kiosk.demo.dataset import DemoData, build_demo

TODAY = date(2026, 11, 29)
NOW = datetime(2026, 11, 29, 19, 10, tzinfo=UTC)  # 11:10 in Los Angeles


def _build() -> tuple[list[Reservation], DemoData]:
    data = build_demo(TODAY, NOW)
    return list(data.reservations), data


def test_same_inputs_give_the_same_records() -> None:
    first, one = _build()
    second, two = _build()
    assert first == second
    assert (one.waitlist, one.closures, one.members, one.resources) == (
        two.waitlist, two.closures, two.members, two.resources)
    assert len(first) > 2000
    assert len({r.id for r in first}) == len(first)


def test_same_inputs_give_the_same_scaled_records() -> None:
    def scaled() -> list[Reservation]:
        return list(build_demo(TODAY, NOW, scale=3000, resource_count=30).reservations)

    assert scaled() == scaled()


def test_active_reservations_never_overlap_within_buffers() -> None:
    reservations, data = _build()
    by_resource: dict[str, list[Reservation]] = defaultdict(list)
    for r in reservations:
        if r.active:
            by_resource[r.resource_id].append(r)
    resources = {r.id: r for r in data.resources}
    for resource_id, rows in by_resource.items():
        policy = resolve_policy([("site", data.site.settings),
                                 ("resource", resources[resource_id].settings)]).policy
        buffer = timedelta(minutes=policy.buffer_minutes)
        rows.sort(key=lambda r: r.interval.start)
        for a, b in itertools.pairwise(rows):
            assert not a.interval.overlaps(b.interval, buffer), (a, b)


def test_reservations_cover_both_dst_days_with_real_durations() -> None:
    reservations, _ = _build()
    tz = catalogue.SITE_TZ
    days = {localtime.local_date(tz, r.interval.start) for r in reservations}
    assert {date(2026, 3, 8), date(2026, 11, 1)} <= days
    assert TODAY - timedelta(days=21) in days and TODAY + timedelta(days=21) in days
    night = [r for r in reservations
             if localtime.local_date(tz, r.interval.start) == date(2026, 11, 1)
             and r.interval.minutes == 180]
    assert night, "01:00–03:00 on fall-back night lasts 180 minutes"
    spring = [r for r in reservations
              if localtime.local_date(tz, r.interval.start) == date(2026, 3, 8)
              and localtime.to_local(tz, r.interval.start).hour == 1
              and r.interval.minutes == 60]
    assert spring, "01:00–03:00 on spring-forward night lasts 60 minutes"


def test_member_1001_has_a_booking_starting_about_now_and_1002_an_offer() -> None:
    reservations, data = _build()
    members = {m.member.number: m.member for m in data.members}
    mine = [r for r in reservations if r.member_id == members["1001"].id
            and r.interval.start <= NOW < r.interval.end + timedelta(minutes=15)]
    assert mine
    offers = [w for w in data.waitlist
              if w.member_id == members["1002"].id and w.offer_expires_at]
    assert offers
    expires = offers[0].offer_expires_at
    assert expires is not None and expires > NOW


def test_documented_credentials() -> None:
    _, data = _build()
    first = data.members[0]
    assert (first.member.number, first.pin, first.card) == ("1001", "1001", "400001001")
    assert data.staff_pin == catalogue.STAFF_PIN == "2468"


def test_scale_streams_the_requested_count_over_many_resources() -> None:
    data = build_demo(TODAY, scale=5000, resource_count=50)
    rows = list(data.reservations)
    assert len(rows) == 5000
    assert len({r.resource_id for r in rows}) == 50


def test_the_demo_offer_can_be_claimed_whatever_the_minute(tmp_path) -> None:
    """The offer's slot lies on the 30-minute grid even when "now" does not (12:10)."""
    from kiosk.core.refusals import Refusal
    from kiosk.demo.load import load_demo
    from kiosk.store.db import open_store
    from kiosk.store.service import KioskService

    now = datetime(2026, 11, 30, 20, 10, tzinfo=UTC)  # Monday 12:10 in Los Angeles
    data = build_demo(localtime.local_date(catalogue.SITE_TZ, now), now)
    store = open_store(tmp_path / "demo.sqlite3")
    try:
        load_demo(store, data)
        offer = next(w for w in data.waitlist if w.offer_expires_at is not None)
        result = KioskService(store, lambda: now).waitlist.claim(offer.id)
        assert not isinstance(result, Refusal), result
        assert result.value.interval == offer.interval
    finally:
        store.close()
