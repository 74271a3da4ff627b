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


def render(listen: str, servers: list[str], *, balance: str = "roundrobin",
           maxconn: int = 10000, check_interval: str = "2s") -> str:
    """The configuration text: ``listen`` is HAProxy's bind address (``:8080``,
    ``127.0.0.1:8080``), ``servers`` the instances as ``host:port``."""
    if not servers:
        raise ValueError("give at least one server (host:port)")
    lines = "\n".join(f"    server central{i} {address}"
                      for i, address in enumerate(servers, start=1))
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        listen=listen, servers=lines, balance=balance, maxconn=maxconn,
        check_interval=check_interval)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("servers", nargs="+", help="the instances, host:port each")
    parser.add_argument("--listen", default=":8080", help="bind address (default %(default)s)")
    parser.add_argument("--balance", default="roundrobin",
                        choices=["roundrobin", "leastconn"], help="default %(default)s")
    parser.add_argument("--maxconn", type=int, default=10000,
                        help="connections HAProxy accepts in all (default %(default)s)")
    args = parser.parse_args(argv)
    sys.stdout.write(render(args.listen, args.servers, balance=args.balance,
                            maxconn=args.maxconn))
    return 0


if __name__ == "__main__":
    sys.exit(main())
