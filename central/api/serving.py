"""The HTTP protocol the server runs under uvicorn: uvicorn's own (httptools when
installed, else h11) with ``TCP_NODELAY`` set on every connection.

With ``--workers N`` uvicorn binds the listening socket itself and hands it to the worker
processes; connections accepted on it do not get ``TCP_NODELAY`` from asyncio, so small
answers wait for the client's delayed ACK (about 40 ms each). Setting it here makes one
worker and N workers answer alike.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket

from uvicorn.protocols.http.auto import AutoHTTPProtocol


class NoDelayHTTPProtocol(AutoHTTPProtocol):  # type: ignore[misc,valid-type]
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


HTTP = "central.api.serving:NoDelayHTTPProtocol"
