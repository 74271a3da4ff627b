"""A small, deliberately bad HTTP proxy on 127.0.0.1 for sync tests: each request it
relays gets the next behaviour of a script — pass it on, drop the connection before or
after the server handled it, cut the answer short, answer 500 / 429 / 503 itself (after
the server applied the request, or instead of sending it), or hold it past the client's
timeout. Every client connection serves one request and is closed."""

from __future__ import annotations

import itertools
import socket
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

BEHAVIOURS = ("pass", "drop_before", "drop_after", "truncate", "500_after", "429", "503",
              "slow", "hang_after")


def _read_message(sock: socket.socket) -> bytes:
    """One HTTP/1.1 message (head and a Content-Length body) from ``sock``."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def _closing(message: bytes) -> bytes:
    """The answer with ``Connection: close`` (the proxy serves one request per link)."""
    head, _, body = message.partition(b"\r\n\r\n")
    lines = [line for line in head.split(b"\r\n") if not line.lower().startswith(b"connection:")]
    return b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n\r\n" + body


def _answer(status: str, extra: str = "") -> bytes:
    body = b'{"title": "from the proxy"}'
    return (f"HTTP/1.1 {status}\r\nContent-Type: application/problem+json\r\n{extra}"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body


@dataclass
class FlakyProxy:
    upstream_port: int
    script: Iterable[str]
    hang_s: float = 3.0
    seen: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._script = itertools.cycle(list(self.script))
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        self._listener.settimeout(0.2)
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _relay(self, request: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", self.upstream_port), timeout=30) as up:
            up.sendall(request)
            return _read_message(up)

    def _handle(self, client: socket.socket) -> None:
        with client:
            request = _read_message(client)
            if not request:
                return
            behaviour = next(self._script)
            self.seen.append(behaviour)
            before = {"429": _answer("429 Too Many Requests", "Retry-After: 0\r\n"),
                      "503": _answer("503 Service Unavailable", "Retry-After: 0\r\n")}
            if behaviour == "drop_before" or behaviour in before:
                client.sendall(before.get(behaviour, b""))
                return
            if behaviour == "slow":
                time.sleep(0.3)
            answer = _closing(self._relay(request))  # the server has done the work now
            if behaviour == "hang_after":
                time.sleep(self.hang_s)  # past the client's timeout
            after = {"drop_after": b"", "hang_after": b"",
                     "truncate": answer[: max(20, len(answer) // 2)],
                     "500_after": _answer("500 Internal Server Error")}
            client.sendall(after.get(behaviour, answer))

    def close(self) -> None:
        self._stop.set()
        self._listener.close()
        self._thread.join(timeout=2)
