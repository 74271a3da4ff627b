"""Read-only CLI commands: ``resources``, ``members``, ``reservations``."""

from __future__ import annotations

import argparse
from datetime import date

from kiosk.cli.context import CliContext
from kiosk.cli.output import (
    EXIT_OK,
    EXIT_REFUSED,
    emit_json,
    emit_table,
    error,
    reservation_dict,
)
from kiosk.core import localtime
from kiosk.core.errors import InvalidInput


def cmd_resources(ctx: CliContext, args: argparse.Namespace) -> int:
    resources = ctx.service.reads.resources(kind=args.kind)
    if args.json:
        emit_json([_resource_dict(ctx, r.id) for r in resources])
        return EXIT_OK
    emit_table([(r.name, r.kind, r.required_badge or "", r.id) for r in resources],
               ("name", "kind", "badge", "id"))
    return EXIT_OK


def _resource_dict(ctx: CliContext, resource_id: str) -> dict[str, object]:
    r = ctx.resources_by_id()[resource_id]
    effective = ctx.service.reads.effective_policy(r.id)
    policy = {
        key: {"value": _plain(getattr(effective.policy, key)), "source": source}
        for key, source in sorted(effective.sources.items())
    }
    return {"id": r.id, "name": r.name, "kind": r.kind, "required_badge": r.required_badge,
            "active": r.active, "policy": policy}


def _plain(value: object) -> object:
    to_json = getattr(value, "to_json", None)
    return to_json() if callable(to_json) else value


def cmd_members(ctx: CliContext, args: argparse.Namespace) -> int:
    members = (ctx.service.reads.search_members(args.search, limit=args.limit) if args.search
               else ctx.service.reads.members(limit=args.limit))
    if args.json:
        emit_json([{"id": m.id, "number": m.number, "display_name": m.display_name,
                    "cohort": m.cohort, "status": str(m.status),
                    "no_show_count": m.no_show_count, "badges": sorted(m.badges)}
                   for m in members])
        return EXIT_OK
    emit_table([(m.number, m.display_name, m.cohort or "", str(m.status), m.no_show_count,
                 ",".join(sorted(m.badges))) for m in members],
               ("number", "name", "cohort", "status", "no-shows", "badges"))
    return EXIT_OK


def cmd_reservations(ctx: CliContext, args: argparse.Namespace) -> int:
    site = ctx.site()
    day = _parse_date(args.date) if args.date else localtime.local_date(
        site.timezone, ctx.now())
    resource_ids = None
    if args.resource:
        resource = ctx.resource(args.resource)
        if resource is None:
            error(f"no resource named or with id {args.resource!r} (see 'kiosk resources')")
            return EXIT_REFUSED
        resource_ids = [resource.id]
    rows = ctx.service.reads.reservations_between(localtime.day_bounds(site.timezone, day),
                                            resource_ids)
    if args.member:
        member = ctx.member(args.member)
        rows = [r for r in rows if member is not None and r.member_id == member.id]
    resources = ctx.resources_by_id()
    numbers = ctx.member_numbers(r.member_id for r in rows)
    dicts = [reservation_dict(site.timezone, r, resources, numbers) for r in rows]
    if args.json:
        emit_json(dicts)
        return EXIT_OK
    emit_table([(d["local_start"], d["local_end"], d["elapsed_minutes"], d["resource"],
                 d["member_number"], d["status"], d["id"]) for d in dicts],
               ("start", "end", "min", "resource", "member", "status", "id"))
    return EXIT_OK


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise InvalidInput(f"expected a date as YYYY-MM-DD, not {text!r}") from exc
