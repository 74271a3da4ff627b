"""The operator CLI end to end on a real demo cache: booking, refusals, DST, bad input."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.core import localtime
from kiosk.demo import catalogue
from tests.cli.conftest import RunCli

TZ = catalogue.SITE_TZ


def _count(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as con:
        (reservations,) = con.execute("select count(*) from reservations").fetchone()
        (outbox,) = con.execute("select count(*) from outbox").fetchone()
    return reservations, outbox


def _open_day(after_days: int = 2) -> date:
    """A weekday a few days ahead (Mon–Fri open 09:00–19:00 in the demo)."""
    day = localtime.local_date(TZ, datetime.now(UTC)) + timedelta(days=after_days)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _free_drill_start(cli: RunCli, day: date) -> tuple[str, str]:
    """A drill and a local start on ``day`` that its existing bookings leave free for 60 min."""
    code, out, _ = cli("resources", "--kind", "drill", "--json")
    assert code == 0
    for resource in json.loads(out):
        code, out, _ = cli("reservations", "--date", day.isoformat(), "--resource",
                           resource["id"], "--json")
        taken = [(r["local_start"][11:16], r["local_end"][11:16]) for r in json.loads(out)
                 if r["status"] in ("confirmed", "pending", "checked_in")]
        for hour in range(9, 18):
            start, end = f"{hour:02d}:00", f"{hour + 1:02d}:00"
            if all(end <= a or start >= b for a, b in taken):
                return resource["name"], f"{day.isoformat()} {start}"
    raise AssertionError("no free drill hour in the demo data")


def test_book_prints_utc_span_and_elapsed_minutes(cli: RunCli, demo_db: Path) -> None:
    name, start = _free_drill_start(cli, _open_day())
    before = _count(demo_db)
    code, out, _ = cli("book", "--resource", name, "--member", "1002", "--start", start,
                       "--minutes", "60", "--json")
    assert code == 0, out
    body = json.loads(out)
    assert body["outcome"] == "booked"
    assert body["code"] is None and "booked" in body["message"]
    booked = body["reservation"]
    assert booked["elapsed_minutes"] == 60
    assert booked["starts_at"].endswith("Z") and booked["ends_at"].endswith("Z")
    assert booked["member_number"] == "1002"
    assert _count(demo_db) == (before[0] + 1, before[1] + 1)  # booking and its outbox row

    code, out, _ = cli("book", "--resource", name, "--member", "1003", "--start", start,
                       "--minutes", "60", "--json")
    assert code == 1
    refused = json.loads(out)
    assert refused["code"] == "conflict"
    assert refused["alternatives"], "a conflict offers the next free slots"
    assert _count(demo_db) == (before[0] + 1, before[1] + 1)


def test_nonexistent_time_is_refused_with_nearest_choices(cli: RunCli, demo_db: Path) -> None:
    before = _count(demo_db)
    code, out, _ = cli("book", "--resource", "Garden plot 2", "--member", "1001",
                       "--start", "2027-03-14 02:30", "--minutes", "60", "--staff", "--json")
    assert code == 1
    body = json.loads(out)
    assert body["code"] == "nonexistent_time"
    assert "does not exist" in body["message"]
    # Garden plots book by the hour: the nearest whole hours on either side of the gap.
    assert [a["local_start"][11:16] for a in body["alternatives"]] == ["01:00", "03:00"]
    assert _count(demo_db) == before


def test_ambiguous_time_needs_a_fold_and_counts_real_minutes(cli: RunCli) -> None:
    args = ("book", "--resource", "Garden plot 3", "--member", "1001",
            "--start", "2027-11-07 01:00", "--end", "2027-11-07 03:00", "--staff", "--json")
    code, out, _ = cli(*args)
    assert code == 1
    body = json.loads(out)
    assert body["code"] == "ambiguous_time"
    assert "PDT" in body["message"] and "PST" in body["message"]

    code, out, _ = cli(*args, "--fold", "earlier")
    assert code == 0, out
    assert json.loads(out)["reservation"]["elapsed_minutes"] == 180


@pytest.mark.parametrize(
    ("args", "expected_code"),
    [
        (("--start", "tomorrow 10:00", "--minutes", "60"), 2),
        (("--start", "2026-13-01 10:00", "--minutes", "60"), 2),
        (("--start", "99999-01-01 10:00", "--minutes", "60"), 2),
        (("--start", "2026-12-01 10:00", "--minutes", "0"), 2),
        (("--start", "2026-12-01 10:00", "--minutes", "-30"), 2),
        (("--start", "2026-12-01 10:00", "--minutes", "ten"), 2),
        (("--start", "2026-12-01 10:00", "--end", "2026-12-01 09:00"), 2),
        (("--start", "2026-12-01 10:00"), 2),
        (("--start", "2026-12-01 10:00", "--minutes", "60", "--fold", "middle"), 2),
    ],
)
def test_bad_input_is_a_clear_error_and_changes_nothing(
    cli: RunCli, demo_db: Path, args: tuple[str, ...], expected_code: int
) -> None:
    before = _count(demo_db)
    code, _out, err = cli("book", "--resource", "Cordless drill 1", "--member", "1001", *args)
    assert code == expected_code
    assert err.strip(), "a refusal says why"
    assert "Traceback" not in err
    assert _count(demo_db) == before


@pytest.mark.parametrize(("resource", "member"), [("No such saw", "1001"),
                                                  ("Cordless drill 1", "999999"),
                                                  ("'; drop table reservations; --", "1001")])
def test_unknown_resource_or_member_is_not_found(
    cli: RunCli, demo_db: Path, resource: str, member: str
) -> None:
    before = _count(demo_db)
    code, out, _ = cli("book", "--resource", resource, "--member", member,
                       "--start", "2026-12-01 10:00", "--minutes", "60", "--json")
    assert code == 1
    assert json.loads(out)["code"] == "not_found"
    assert _count(demo_db) == before


def test_cancel_and_check_in(cli: RunCli) -> None:
    name, start = _free_drill_start(cli, _open_day())
    code, out, _ = cli("book", "--resource", name, "--member", "1004", "--start", start,
                       "--minutes", "60", "--json")
    assert code == 0, out
    reservation_id = json.loads(out)["reservation"]["id"]

    code, out, _ = cli("check-in", reservation_id, "--json")
    assert code == 1, "the check-in window is not open days ahead"
    assert json.loads(out)["code"] == "window_closed"

    code, out, _ = cli("cancel", reservation_id, "--json")
    assert code == 0
    assert json.loads(out)["reservation"]["status"] == "cancelled"
    code, out, _ = cli("cancel", "no-such-id", "--json")
    assert code == 1 and json.loads(out)["code"] == "not_found"
