"""How the CLI prints: JSON for scripts, aligned plain text for people, errors to stderr.

Exit codes (documented in docs/operator.md): 0 done, 1 refused (a rule, a taken slot, an
unknown id), 2 the command line itself is wrong.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from datetime import datetime

from kiosk.core import localtime
from kiosk.core.model import Reservation, Resource
from kiosk.core.refusals import Refusal

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2


def utc_text(instant: datetime | None) -> str | None:
    """RFC 3339 in UTC with a ``Z``, as the sync contract writes instants."""
    if instant is None:
        return None
    return instant.strftime("%Y-%m-%dT%H:%M:%SZ")


def local_text(zone_name: str, instant: datetime) -> str:
    return localtime.to_local(zone_name, instant).strftime("%Y-%m-%d %H:%M %Z")


def emit_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def emit_table(rows: Sequence[Sequence[object]], headers: Sequence[str]) -> None:
    cells = [[str(h) for h in headers], *[["" if c is None else str(c) for c in r] for r in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for row in cells:
        sys.stdout.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        sys.stdout.write("\n")


def error(message: str) -> None:
    sys.stderr.write(f"kiosk: {message}\n")


def reservation_dict(zone_name: str, r: Reservation,
                     resources: Mapping[str, Resource], member_numbers: Mapping[str, str]
                     ) -> dict[str, object]:
    resource = resources.get(r.resource_id)
    return {
        "id": r.id,
        "resource_id": r.resource_id,
        "resource": resource.name if resource else None,
        "member_id": r.member_id,
        "member_number": member_numbers.get(r.member_id),
        "status": str(r.status),
        "starts_at": utc_text(r.interval.start),
        "ends_at": utc_text(r.interval.end),
        "local_start": local_text(zone_name, r.interval.start),
        "local_end": local_text(zone_name, r.interval.end),
        "elapsed_minutes": r.interval.minutes,
        "checked_in_at": utc_text(r.checked_in_at),
        "no_show": r.no_show,
        "via": r.via,
    }


def refusal_dict(zone_name: str, refusal: Refusal) -> dict[str, object]:
    return {
        "outcome": "refused",
        "code": str(refusal.code),
        "rule": refusal.rule,
        "message": refusal.message,
        "alternatives": [
            {"starts_at": utc_text(a.start), "ends_at": utc_text(a.end),
             "local_start": local_text(zone_name, a.start),
             "local_end": local_text(zone_name, a.end)}
            for a in refusal.alternatives
        ],
    }


def report_refusal(zone_name: str, refusal: Refusal, as_json: bool) -> int:
    if as_json:
        emit_json(refusal_dict(zone_name, refusal))
    else:
        error(f"refused ({refusal.code}): {refusal.message}")
        for alt in refusal.alternatives:
            sys.stderr.write(f"  free: {local_text(zone_name, alt.start)} – "
                             f"{local_text(zone_name, alt.end)}\n")
    return EXIT_REFUSED
