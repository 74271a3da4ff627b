"""CLI commands that change reservations: ``book``, ``cancel``, ``check-in``."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from kiosk.cli.context import CliContext
from kiosk.cli.output import (
    EXIT_OK,
    emit_json,
    error,
    report_refusal,
    reservation_dict,
)
from kiosk.core.changes import Applied
from kiosk.core.local_input import parse_fold, parse_local, resolve_span
from kiosk.core.model import Reservation
from kiosk.core.refusals import Refusal, RefusalCode


def _not_found(what: str) -> Refusal:
    return Refusal(RefusalCode.NOT_FOUND, "{what}", {"what": what})


def cmd_book(ctx: CliContext, args: argparse.Namespace) -> int:
    site = ctx.site()
    resource = ctx.resource(args.resource)
    if resource is None:
        return report_refusal(site.timezone, _not_found(
            f"No resource named or with id {args.resource!r}; 'kiosk resources' lists them."),
            args.json)
    member = ctx.member(args.member)
    if member is None:
        return report_refusal(site.timezone, _not_found(
            f"No member with number {args.member!r}; 'kiosk members' lists them."), args.json)
    step = ctx.service.reads.effective_policy(resource.id).policy.slot_minutes
    span = resolve_span(
        site.timezone, parse_local(args.start),
        end=parse_local(args.end) if args.end else None, minutes=args.minutes,
        fold=parse_fold(args.fold), step_minutes=step)
    if isinstance(span, Refusal):
        if span.code is RefusalCode.AMBIGUOUS_TIME and not args.json:
            error("add --fold earlier or --fold later to say which one")
        return report_refusal(site.timezone, span, args.json)
    result = ctx.service.reservations.book(resource.id, member.id, span, staff=args.staff)
    return _report(ctx, result, "booked", args.json)


def cmd_cancel(ctx: CliContext, args: argparse.Namespace) -> int:
    return _change(ctx, args, ctx.service.reservations.cancel, "cancelled")


def cmd_check_in(ctx: CliContext, args: argparse.Namespace) -> int:
    return _change(ctx, args, ctx.service.reservations.check_in, "checked_in")


def _change(ctx: CliContext, args: argparse.Namespace,
            action: Callable[[str], Applied[Reservation] | Refusal], outcome: str) -> int:
    site = ctx.site()
    if ctx.service.reads.reservation(args.id) is None:
        return report_refusal(site.timezone, _not_found(
            f"No reservation with id {args.id!r}; 'kiosk reservations' lists them."), args.json)
    return _report(ctx, action(args.id), outcome, args.json)


def _report(ctx: CliContext, result: Applied[Reservation] | Refusal, outcome: str,
            as_json: bool) -> int:
    site = ctx.site()
    if isinstance(result, Refusal):
        return report_refusal(site.timezone, result, as_json)
    data = reservation_dict(site.timezone, result.value, ctx.resources_by_id(),
                            ctx.member_numbers([result.value.member_id]))
    message = (f"{outcome.replace('_', ' ')}: {data['resource']} {data['local_start']} – "
               f"{data['local_end']} ({data['elapsed_minutes']} min) "
               f"for member {data['member_number']}, id {data['id']}")
    if as_json:
        emit_json({"outcome": outcome, "code": None, "message": message, "reservation": data})
    else:
        print(message)  # noqa: T201
    return EXIT_OK

