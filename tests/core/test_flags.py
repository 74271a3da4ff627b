"""The reservation_system_enabled flag: precedence and the per-site check-in body."""

from __future__ import annotations

import pytest

from kiosk.core.errors import InvalidInput
from kiosk.core.flags import (
    FlagState,
    reservation_system_enabled,
    site_flags,
    state_from_site_flags,
)

STATE = FlagState(
    global_enabled=False,
    sites={"pdx": True, "sea": False},
    cohorts={"pilot": True, "sea:pilot": False, "pdx:staff": False, "beta": False},
)


@pytest.mark.parametrize(
    ("site", "cohort", "expected"),
    [
        ("pdx", None, True),          # site beats global
        ("sea", None, False),
        ("aus", None, False),         # global
        ("aus", "pilot", True),       # cohort beats global
        ("sea", "pilot", False),      # site+cohort beats cohort
        ("pdx", "staff", False),      # site+cohort beats site
        ("pdx", "beta", False),       # cohort beats site
        ("pdx", "unknown", True),     # no cohort value: site
    ],
)
def test_most_specific_value_wins(site, cohort, expected):
    assert reservation_system_enabled(STATE, site, cohort) is expected


def test_default_is_off_and_global_applies_everywhere():
    assert reservation_system_enabled(FlagState(), "pdx", None) is False
    assert reservation_system_enabled(FlagState(True), "any", "pilot") is True


def test_site_flags_body():
    assert site_flags(STATE, "pdx") == {
        "site": True, "cohorts": {"beta": False, "pilot": True, "staff": False}}
    assert site_flags(STATE, "sea") == {
        "site": False, "cohorts": {"beta": False, "pilot": False}}


@pytest.mark.parametrize("site", ["pdx", "sea", "aus"])
def test_kiosk_view_round_trips(site):
    kiosk_state = state_from_site_flags(site, site_flags(STATE, site))
    for cohort in (None, "pilot", "staff", "beta", "unknown"):
        assert reservation_system_enabled(kiosk_state, site, cohort) == \
            reservation_system_enabled(STATE, site, cohort)


@pytest.mark.parametrize(
    "body", [{}, {"site": "yes"}, {"site": True, "cohorts": []},
             {"site": True, "cohorts": {"pilot": 1}}],
)
def test_malformed_flag_body(body):
    with pytest.raises(InvalidInput):
        state_from_site_flags("pdx", body)
