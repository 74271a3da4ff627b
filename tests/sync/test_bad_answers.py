"""Answers that are not what the contract says — not JSON, wrong types, fields missing, a
page larger than asked for — are refused whole: the cache and its cursor stay as they
were, and the sync page says what went wrong."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from kiosk.store.schema import SyncStateRow
from kiosk.sync.client import SyncClient
from kiosk.sync.engine import SyncEngine
from kiosk.sync.errors import MalformedAnswer
from tests.sync.conftest import Central, Kiosk

GOOD_CHANGE = {"entity": "member", "id": "x", "version": 9, "deleted": True, "data": None}
PAGE = {"changes": [], "cursor": "abc", "has_more": False, "last_mutation_seq": 0,
        "mutation_results": [], "server_time": "2026-12-01T10:00:00Z"}
BAD_PAGES: dict[str, tuple[str, bytes]] = {
    "html": ("text/html", b"<html><body>Bad gateway</body></html>"),
    "truncated": ("application/json", json.dumps(PAGE).encode()[:40]),
    "changes not a list": ("application/json", json.dumps({**PAGE, "changes": "x"}).encode()),
    "cursor missing": ("application/json", json.dumps(
        {k: v for k, v in PAGE.items() if k != "cursor"}).encode()),
    "has_more as text": ("application/json", json.dumps({**PAGE, "has_more": "no"}).encode()),
    "seq as text": ("application/json", json.dumps({**PAGE, "last_mutation_seq": "3"}).encode()),
    "time without zone": ("application/json", json.dumps(
        {**PAGE, "server_time": "2026-12-01T10:00:00"}).encode()),
    "reservation with a number for a time": ("application/json", json.dumps({**PAGE, "changes": [
        {"entity": "reservation", "id": "r", "version": 1, "deleted": False,
         "data": {"id": "6f2a0e4e-2b2c-4d53-9a0e-0c55f1f0a001",
                  "resource_id": "6f2a0e4e-2b2c-4d53-9a0e-0c55f1f0a002",
                  "member_id": "6f2a0e4e-2b2c-4d53-9a0e-0c55f1f0a003",
                  "starts_at": 1764583200, "ends_at": "2026-12-01T11:00:00Z",
                  "status": "confirmed", "created_at": None, "checked_in_at": None,
                  "no_show": False, "via": "kiosk"}}]}).encode()),
    "unknown status": ("application/json", json.dumps({**PAGE, "changes": [
        {"entity": "member", "id": "m", "version": 1, "deleted": False,
         "data": {"id": "6f2a0e4e-2b2c-4d53-9a0e-0c55f1f0a004", "site_id": "s",
                  "number": "1", "display_name": "X", "card_hash": None, "pin_hash": None,
                  "cohort": None, "status": "emperor", "no_show_count": 0,
                  "badges": []}}]}).encode()),
    "site settings the rules cannot read": ("application/json", json.dumps({**PAGE, "changes": [
        {"entity": "site", "id": "site-sync", "version": 1, "deleted": False,
         "data": {"id": "site-sync", "name": "S", "timezone": "America/Los_Angeles",
                  "settings": {"slot_minutes": "thirty"}}}]}).encode()),
    "a page larger than asked": ("application/json", json.dumps(
        {**PAGE, "changes": [GOOD_CHANGE] * 11}).encode()),
}


class _Bad(BaseHTTPRequestHandler):
    answer: tuple[str, bytes] = ("text/plain", b"")

    def do_GET(self) -> None:
        kind, body = type(self).answer
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: Any) -> None:
        return


@pytest.fixture
def bad_server() -> Iterator[tuple[str, type[_Bad]]]:
    handler = type("Bad", (_Bad,), {})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", handler
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("case", sorted(BAD_PAGES))
def test_a_malformed_pull_is_refused_whole(case: str, kiosk: Kiosk, central: Central,
                                           bad_server: tuple[str, type[_Bad]]) -> None:
    url, handler = bad_server
    handler.answer = BAD_PAGES[case]
    before = kiosk.rows()
    with kiosk.store.read() as session:
        state = session.get(SyncStateRow, 1)
        assert state is not None
        cursor = state.cursor
    engine = SyncEngine(kiosk.store, SyncClient(url, central.token("probe")), page=10)
    with pytest.raises(MalformedAnswer):
        engine.run_once()
    engine.client.close()
    assert kiosk.rows() == before
    status = kiosk.service.sync.status()
    with kiosk.store.read() as session:
        state = session.get(SyncStateRow, 1)
        assert state is not None and state.cursor == cursor
    assert not status.online and status.last_error
