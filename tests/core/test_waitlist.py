"""Waitlist order, positions, timed offers that pass on, claims and plain sentences."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.core.errors import InvalidInput
from kiosk.core.model import Interval, WaitlistEntry, WaitlistStatus
from kiosk.core.refusals import Refusal, RefusalCode
from kiosk.core.waitlist import (
    claim,
    expire_offers,
    offer_holds,
    offer_next,
    pass_on,
    position,
    queue,
    what_happens_next,
)

T0 = datetime(2026, 3, 5, 16, 0, tzinfo=UTC)
M = timedelta(minutes=1)
SLOT = Interval(T0 + 120 * M, T0 + 180 * M)
W = WaitlistStatus


def entry(eid: str, minute: int, status: W = W.WAITING, interval: Interval = SLOT,
          **kw: object) -> WaitlistEntry:
    return WaitlistEntry(eid, str(kw.pop("resource_id", "res-1")), f"m-{eid}", interval,
                         T0 + minute * M, status, **kw)  # type: ignore[arg-type]


def test_queue_is_first_come_first_served_and_skips_finished_entries():
    rows = [entry("c", 3), entry("a", 1), entry("b", 1), entry("x", 0, W.LEFT),
            entry("y", 0, W.CLAIMED), entry("o", 2, W.OFFERED)]
    assert [e.id for e in queue(rows)] == ["a", "b", "o", "c"]


def test_position_counts_only_overlapping_entries_of_the_same_resource():
    other_time = Interval(SLOT.end, SLOT.end + 60 * M)
    rows = [entry("a", 1), entry("b", 2, interval=other_time), entry("c", 3),
            entry("d", 0, resource_id="res-2"), entry("e", 4)]
    assert [position(rows, i) for i in "abcde"] == [1, 1, 2, 1, 3]
    assert position(rows, "zzz") is None
    assert position([entry("l", 0, W.LEFT)], "l") is None


def test_offer_goes_to_the_first_waiting_entry_that_fits():
    too_long = Interval(SLOT.start, SLOT.end + 30 * M)
    rows = [entry("a", 1, interval=too_long), entry("b", 2), entry("c", 3)]
    offered = offer_next(rows, SLOT, T0, 30)
    assert offered is not None and offered.id == "b"
    assert offered.status == W.OFFERED
    assert (offered.offered_at, offered.offer_expires_at) == (T0, T0 + 30 * M)


def test_no_second_offer_while_one_is_held():
    held = entry("a", 1, W.OFFERED, offered_at=T0, offer_expires_at=T0 + 30 * M)
    rows = [held, entry("b", 2)]
    assert offer_next(rows, SLOT, T0 + 10 * M, 30) is None
    after = offer_next(rows, SLOT, T0 + 30 * M, 30)  # the hold has lapsed
    assert after is not None and after.id == "b"


def test_nothing_to_offer():
    assert offer_next([], SLOT, T0, 30) is None
    assert offer_next([entry("a", 1, W.LEFT)], SLOT, T0, 30) is None


def test_expired_offers_pass_to_the_next_in_line():
    held = entry("a", 1, W.OFFERED, offered_at=T0, offer_expires_at=T0 + 30 * M)
    rows = [held, entry("b", 2), entry("c", 3)]
    assert expire_offers(rows, T0 + 29 * M) == []
    expired, offered = pass_on(rows, T0 + 30 * M, 30)
    assert [(e.id, e.status) for e in expired] == [("a", W.EXPIRED)]
    assert [(e.id, e.status) for e in offered] == [("b", W.OFFERED)]
    assert offered[0].offer_expires_at == T0 + 60 * M


def test_claim_within_the_hold():
    held = entry("a", 1, W.OFFERED, offered_at=T0, offer_expires_at=T0 + 30 * M)
    claimed = claim(held, T0 + 29 * M)
    assert isinstance(claimed, WaitlistEntry) and claimed.status == W.CLAIMED


@pytest.mark.parametrize(
    ("status", "code"),
    [(W.OFFERED, RefusalCode.WINDOW_CLOSED), (W.EXPIRED, RefusalCode.WINDOW_CLOSED),
     (W.WAITING, RefusalCode.RULE_VIOLATION), (W.LEFT, RefusalCode.RULE_VIOLATION),
     (W.CLAIMED, RefusalCode.RULE_VIOLATION)],
)
def test_claim_refusals(status, code):
    e = entry("a", 1, status, offered_at=T0, offer_expires_at=T0 + 30 * M)
    r = claim(e, T0 + 30 * M)
    assert isinstance(r, Refusal) and r.code == code and "{" not in r.message


def test_held_offers_block_everyone_else():
    held = entry("a", 1, W.OFFERED, offered_at=T0, offer_expires_at=T0 + 30 * M)
    rows = [held, entry("b", 2)]
    (hold,) = offer_holds(rows, T0 + 5 * M)
    assert hold.id == "hold:a" and hold.interval == SLOT and hold.active
    assert offer_holds(rows, T0 + 5 * M, except_member="m-a") == []
    assert offer_holds(rows, T0 + 30 * M) == []


def test_what_happens_next_sentences():
    waiting = entry("a", 1)
    assert "first in line" in what_happens_next(waiting, 1)
    third = what_happens_next(waiting, 3)
    assert "number 3" in third and "2 ahead" in third
    held = replace(waiting, status=W.OFFERED, offer_expires_at=T0 + 30 * M)
    assert "16:30 UTC" in what_happens_next(held, 1)
    assert "08:30" in what_happens_next(held, 1, zone_name="America/Los_Angeles")
    for status in (W.CLAIMED, W.EXPIRED, W.LEFT):
        sentence = what_happens_next(replace(waiting, status=status), None)
        assert sentence.endswith(".") and sentence.count(".") == 1


def test_bad_waitlist_input():
    with pytest.raises(InvalidInput):
        offer_next([entry("a", 1)], SLOT, T0, 0)
    with pytest.raises(InvalidInput):
        offer_next([entry("a", 1)], SLOT, datetime(2026, 3, 5), 30)
    with pytest.raises(InvalidInput):
        claim(entry("a", 1), "soon")
