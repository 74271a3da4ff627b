"""The load harness's floor: an HTTP handler that does no work. It answers the kiosk's three
calls at once with the smallest answers the kiosk accepts (a pull with nothing new, a
check-in with no flags, every pushed mutation applied), so a run against it measures the
load generator and the HTTP stack, not the server.

    .venv/bin/python -m bench.load_floor --port 8099
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from typing import Any

import uvicorn

from central.commands import KEEP_ALIVE_S

Scope = dict[str, Any]


async def app(scope: Scope, receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    body = b""
    more = True
    while more:
        message = await receive()
        body += message.get("body", b"")
        more = message.get("more_body", False)
    now = datetime.now(UTC).isoformat()
    path = scope["path"]
    answer: dict[str, Any]
    if path.endswith("/sync/pull"):
        query = dict(p.split("=", 1) for p in scope["query_string"].decode().split("&") if "=" in p)
        answer = {"changes": [], "cursor": query.get("cursor", "floor"), "has_more": False,
                  "last_mutation_seq": 0, "mutation_results": [], "server_time": now}
    elif path.endswith("/checkin"):
        answer = {"flags": {}, "server_time": now, "poll_after_s": 30}
    elif path.endswith("/sync/push"):
        sent = json.loads(body)["mutations"]
        answer = {"results": [{"id": m["id"], "outcome": "applied", "replayed": False}
                              for m in sent], "server_time": now}
    else:
        answer = {"status": "ok", "server_time": now}
    raw = json.dumps(answer).encode()
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(raw)).encode())]})
    await send({"type": "http.response.body", "body": raw})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--port", type=int, required=True)
    args = ap.parse_args()
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning",
                access_log=False, timeout_keep_alive=KEEP_ALIVE_S)


if __name__ == "__main__":
    main()
