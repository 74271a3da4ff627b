"""A lockout across members: one common PIN sprayed over everyone at a kiosk locks member
PIN sign-in there (right PINs included, so the lock is no oracle) until it cools down or
staff clear it; below the limit nobody is locked, and right PINs in between do not reset
the count. Kept in the cache, so a restart does not reset it either."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.refusals import Refusal
from kiosk.store import loader
from kiosk.store.service import KioskService
from kiosk.store.service_access import BURST_WINDOW
from tests.store.factory import ALICE, SITE, Clock, make_store, service

LIMIT, LOCK_MINUTES = 6, 7


def _kiosk(path: Path, clock: Clock) -> KioskService:
    store = make_store(path)
    loader.load_site(store, SITE, loader.SettingsLayers(kiosk={
        "pin_burst_attempts": LIMIT, "pin_burst_lock_minutes": LOCK_MINUTES,
        "pin_max_attempts": 20}))
    return KioskService(store, clock)


def _locked(svc: KioskService) -> bool:
    reply = svc.access.verify_pin("1001", "1111")
    if isinstance(reply, Refusal):
        assert reply.key == "pin_locked", reply
        return True
    assert reply == ALICE
    return False


NUMBERS = st.one_of(st.sampled_from(["1001", "1002", "1003"]),
                    st.integers(2000, 99999).map(str))


@settings(max_examples=15, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(tries=st.lists(NUMBERS, min_size=1, max_size=2 * LIMIT),
       right_every=st.integers(1, 5))
def test_a_burst_of_wrong_pins_locks_sign_in_for_everyone(
        tries: list[str], right_every: int, tmp_path_factory: pytest.TempPathFactory) -> None:
    clock = Clock()
    clock.now = clock.now.replace(minute=0)  # all tries fall in one counting window
    svc = _kiosk(tmp_path_factory.mktemp("burst") / "k.sqlite3", clock)
    wrong = 0
    for i, number in enumerate(tries[:LIMIT - 1]):
        svc.access.verify_pin(number, "0000")
        wrong += 1
        if i % right_every == 0:  # a right PIN in between resets nothing
            assert not _locked(svc)
    assert not _locked(svc)
    for number in tries[LIMIT - 1:]:
        svc.access.verify_pin(number, "0000")
        wrong += 1
    assert _locked(svc) == (wrong >= LIMIT)
    svc.store.close()


def test_the_lock_cools_down_survives_a_restart_and_staff_can_clear_it(tmp_path: Path) -> None:
    clock = Clock()
    clock.now = clock.now.replace(minute=0)
    path = tmp_path / "k.sqlite3"
    svc = _kiosk(path, clock)
    for n in range(LIMIT):
        assert isinstance(svc.access.verify_pin(str(3000 + n), "1234"), Refusal)
    assert svc.access.pin_lockout_minutes() == LOCK_MINUTES
    restarted = service(path, clock)
    assert _locked(restarted) and _locked(svc)
    clock.advance(minutes=LOCK_MINUTES)
    assert not _locked(restarted)
    for n in range(LIMIT):
        restarted.access.verify_pin(str(4000 + n), "1234")
    assert _locked(restarted)
    restarted.access.clear_pin_lockout()
    assert restarted.access.pin_lockout_minutes() == 0 and not _locked(restarted)
    restarted.store.close()
    svc.store.close()


def test_wrong_pins_in_separate_windows_do_not_add_up(tmp_path: Path) -> None:
    clock = Clock()
    clock.now = clock.now.replace(minute=0)
    svc = _kiosk(tmp_path / "k.sqlite3", clock)
    for _ in range(3):
        for n in range(LIMIT - 1):
            svc.access.verify_pin(str(5000 + n), "1234")
        assert not _locked(svc)
        clock.advance(seconds=BURST_WINDOW.total_seconds())
    svc.store.close()
