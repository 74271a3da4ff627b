#!/usr/bin/env python3
"""Render the HAProxy configuration for N ``central serve`` instances.

    python3 packaging/haproxy/render_cfg.py --listen :8080 10.0.0.11:8080 10.0.0.12:8080 \
        > /etc/haproxy/haproxy.cfg && haproxy -c -f /etc/haproxy/haproxy.cfg

Only the standard library: it runs on the load balancer's host without the project.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from string import Template

TEMPLATE = Path(__file__).with_name("central.cfg.in")


#: One request limit per device token over every instance: HAProxy counts each token's
#: requests (by the SHA-1 of its Authorization header) in a 10 s window and answers 429
#: past the limit (a problem document with ``Retry-After``, as the server's own 429),
#: before any instance sees the request.
EDGE_LIMIT = """\
    stick-table type binary len 20 size 200k expire 1m store http_req_rate(10s)
    http-request track-sc0 req.hdr(authorization),sha1 if { req.hdr(authorization) -m found }
    http-request deny deny_status 429 content-type application/problem+json \
string '{"type":"about:blank","title":"Too many requests","status":429}' \
hdr Retry-After 10 if { sc_http_req_rate(0) gt LIMIT }
"""


def render(listen: str, servers: list[str], *, balance: str = "roundrobin",
           maxconn: int = 10000, check_interval: str = "2s",
           limit_per_10s: int = 0) -> str:
    """The configuration text: ``listen`` is HAProxy's bind address (``:8080``,
    ``127.0.0.1:8080``), ``servers`` the instances as ``host:port``; ``limit_per_10s``
    above 0 adds the per-token request limit at the balancer."""
    if not servers:
        raise ValueError("give at least one server (host:port)")
    edge = EDGE_LIMIT.replace("LIMIT", str(limit_per_10s)) if limit_per_10s > 0 else ""
    lines = "\n".join(f"    server central{i} {address}"
                      for i, address in enumerate(servers, start=1))
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        listen=listen, servers=lines, balance=balance, maxconn=maxconn,
        check_interval=check_interval, edge_limit=edge)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("servers", nargs="+", help="the instances, host:port each")
    parser.add_argument("--listen", default=":8080", help="bind address (default %(default)s)")
    parser.add_argument("--balance", default="roundrobin",
                        choices=["roundrobin", "leastconn"], help="default %(default)s")
    parser.add_argument("--maxconn", type=int, default=10000,
                        help="connections HAProxy accepts in all (default %(default)s)")
    parser.add_argument("--limit-per-10s", type=int, default=0,
                        help="requests per device token per 10 s over all instances, "
                             "answered 429 beyond (default: no limit at the balancer)")
    args = parser.parse_args(argv)
    sys.stdout.write(render(args.listen, args.servers, balance=args.balance,
                            maxconn=args.maxconn, limit_per_10s=args.limit_per_10s))
    return 0


if __name__ == "__main__":
    sys.exit(main())
