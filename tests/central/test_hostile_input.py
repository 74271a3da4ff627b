"""Hostile input never gets a 5xx: every class of bad value the server was once broken by
(dates that overflow, NUL and NaN PostgreSQL cannot store, digits ``int`` cannot read,
cursor numbers out of range, loosely typed JSON) is tried with many generated inputs
against the real server on SQLite and PostgreSQL, and answered with a 4xx problem."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.central.conftest import Kiosk, World, book, tomorrow

FUZZ = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))
OFFSETS = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(
    lambda m: timezone(timedelta(minutes=m)))
ANY_TIME = st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30),
                        timezones=OFFSETS)


@pytest.fixture
def kiosk(world: World) -> Kiosk:
    return world.kiosk()


def _refused(reply: httpx.Response, *statuses: int) -> None:
    assert reply.status_code in statuses, (reply.status_code, reply.text)
    assert reply.headers["content-type"].startswith("application/problem+json")


def _checkin(kiosk: Kiosk, content: bytes) -> httpx.Response:
    return kiosk.client.post(f"{kiosk.base}/api/v1/checkin", content=content,
                             headers={**kiosk.headers, "Content-Type": "application/json"})


def _checkin_body(kiosk: Kiosk, **fields: Any) -> bytes:
    # json.dumps writes NaN and Infinity by default, as a kiosk's Python might
    return json.dumps({"device_id": kiosk.device_id, **fields}).encode()


def test_checkin_times_of_any_year_and_offset_never_fail(world: World, kiosk: Kiosk) -> None:
    @FUZZ
    @given(when=ANY_TIME)
    def run(when: datetime) -> None:
        reply = _checkin(kiosk, _checkin_body(kiosk, oldest_pending_at=when.isoformat()))
        if 1970 <= when.year <= 2200:
            assert reply.status_code == 200, reply.text
        else:
            _refused(reply, 422)

    run()


def test_push_times_of_any_year_and_offset_never_fail(world: World, kiosk: Kiosk) -> None:
    resource, seq = world.resource(), [1]

    @FUZZ
    @given(start=ANY_TIME)
    def run(start: datetime) -> None:
        mutation = book(kiosk, resource, world.member_ids[0], tomorrow(), seq=seq[0])
        mutation["args"]["starts_at"] = start.isoformat()
        reply = kiosk.push(mutation)
        if 1970 <= start.year <= 2200:  # then the core decides
            assert reply.status_code == 200, reply.text
            assert reply.json()["results"][0]["outcome"] in ("applied", "rejected")
            seq[0] += 1
        else:
            _refused(reply, 422)

    run()


def _with_nul(text: str, at: int) -> str:
    at %= len(text) + 1
    return text[:at] + "\x00" + text[at:]


def test_nul_in_any_text_is_refused(world: World, kiosk: Kiosk) -> None:
    @FUZZ
    @given(text=st.text(max_size=20), at=st.integers(0, 20),
           where=st.sampled_from(["app_version", "metric key", "metric value", "cursor"]))
    def run(text: str, at: int, where: str) -> None:
        bad = _with_nul(text, at)
        fields: dict[str, Any] = {
            "app_version": {"app_version": bad}, "cursor": {"cursor": bad},
            "metric key": {"metrics": {bad: 1}},
            "metric value": {"metrics": {"nested": [{"v": bad}]}}}[where]
        _refused(_checkin(kiosk, _checkin_body(kiosk, **fields)), 422)

    run()


def test_nan_and_infinity_in_metrics_are_refused(world: World, kiosk: Kiosk) -> None:
    @FUZZ
    @given(value=st.sampled_from([float("nan"), float("inf"), float("-inf")]),
           key=st.text(alphabet=st.characters(exclude_characters="\x00"), max_size=10),
           depth=st.integers(0, 4))
    def run(value: float, key: str, depth: int) -> None:
        metrics: Any = value
        for _ in range(depth):
            metrics = {key: metrics}
        _refused(_checkin(kiosk, _checkin_body(kiosk, metrics={"m": metrics})), 422)

    run()
    ok = _checkin(kiosk, _checkin_body(kiosk, metrics={"queue": 1.5, "ok": [1, "a", None]}))
    assert ok.status_code == 200, ok.text


def test_schema_version_of_any_spelling_never_fails(world: World, kiosk: Kiosk) -> None:
    """Headers arrive as Latin-1: ``"²"`` and ``"¹"`` pass ``str.isdigit`` but not ``int``."""
    url = f"{kiosk.base}/api/v1/sync/pull"
    latin1 = st.characters(codec="latin-1", exclude_categories=["Cc"])

    @FUZZ
    @given(version=st.one_of(st.text(st.sampled_from("0123456789²³¹"), min_size=1,
                                     max_size=10),
                             st.text(latin1, min_size=1, max_size=12)))
    def run(version: str) -> None:
        sent = version.strip(" \t\xa0") or "x"
        headers = {"Authorization": f"Bearer {kiosk.token}".encode(),
                   "X-Schema-Version": sent.encode("latin-1")}
        reply = httpx.get(url, headers=headers, timeout=30)
        if sent.strip().isascii() and sent.strip().isdigit() and len(sent) <= 9 \
                and int(sent) >= 1:
            assert reply.status_code == 200, reply.text
        else:
            _refused(reply, 400, 422, 426)

    run()


def _cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def test_cursor_numbers_out_of_range_get_410(world: World, kiosk: Kiosk) -> None:
    @FUZZ
    @given(version=st.integers(min_value=2**31, max_value=10**30))
    def run(version: int) -> None:
        _refused(kiosk.pull(_cursor(f"v1:{world.site_id}:{version}:0")), 410)

    run()


def test_odd_cursor_spellings_get_400(world: World, kiosk: Kiosk) -> None:
    _, good = kiosk.pull_all()
    raw = base64.urlsafe_b64decode(good + "=" * (-len(good) % 4)).decode()
    version = raw.split(":")[2]
    spellings = [f" {version}", f"+{version}", f"0{version}", f"{version} ",
                 "".join(chr(0x0660 + int(d)) for d in version), f"{version}_0"]
    for spelling in spellings:
        _refused(kiosk.pull(_cursor(f"v1:{world.site_id}:{spelling}:0")), 400)
    _refused(kiosk.pull(good + "=="), 400)

    @FUZZ
    @given(text=st.text(max_size=60))
    def run(text: str) -> None:
        reply = kiosk.pull(text or "x")
        if text != good:
            _refused(reply, 400, 403, 410)

    run()


NUMBERS = st.floats(allow_nan=False, allow_infinity=False)
WRONG_TYPES: dict[str, Any] = {  # 1.0 is the integer 1 in JSON: only fractions are wrong
    "int": st.one_of(st.text(max_size=5), st.booleans(),
                     NUMBERS.filter(lambda f: not f.is_integer())),
    "text": st.one_of(st.integers(), st.booleans(), NUMBERS,
                      st.lists(st.integers(), max_size=2)),
    "time": st.one_of(st.integers(-(2**40), 2**40), NUMBERS, st.booleans()),
}


def test_loosely_typed_json_is_refused(world: World, kiosk: Kiosk) -> None:
    """No coercion on the wire: ``"1"`` is not a number, ``true`` not text, a Unix
    timestamp not a time."""
    resource = world.resource()

    @FUZZ
    @given(data=st.data(), where=st.sampled_from(
        ["seq", "at", "starts_at", "via", "outbox_depth", "app_version", "oldest_pending_at"]))
    def run(data: st.DataObject, where: str) -> None:
        kind = {"seq": "int", "outbox_depth": "int", "starts_at": "time",
                "oldest_pending_at": "time"}.get(where, "text")
        value = data.draw(WRONG_TYPES[kind])
        if where in ("outbox_depth", "app_version", "oldest_pending_at"):
            reply = _checkin(kiosk, _checkin_body(kiosk, **{where: value}))
        else:
            mutation = book(kiosk, resource, world.member_ids[0], tomorrow())
            target = mutation if where in ("seq", "at") else mutation["args"]
            target[where] = value
            reply = kiosk.client.post(
                f"{kiosk.base}/api/v1/sync/push", headers=kiosk.headers,
                json={"device_id": kiosk.device_id, "mutations": [mutation]})
        _refused(reply, 422)

    run()
    assert kiosk.pull().json()["last_mutation_seq"] == 0


def test_well_typed_requests_still_pass(world: World, kiosk: Kiosk) -> None:
    reply = _checkin(kiosk, _checkin_body(
        kiosk, app_version="1.0", outbox_depth=0, cursor=None,
        oldest_pending_at=datetime.now(UTC).isoformat(), metrics={"a": {"b": [1.0, "x"]}}))
    assert reply.status_code == 200, reply.text
    other = Kiosk(kiosk.base, world.kiosk().token, str(uuid.uuid4()))
    _refused(_checkin(other, _checkin_body(other)), 403)
