"""Building the core's ``BookingContext`` for one request, inside the write transaction
that will store the booking. Loads only what the rules read: the resource's active
reservations near the request, closures, the member's active count, the flag."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from kiosk.core import slots
from kiosk.core.booking import BookingContext, check_booking
from kiosk.core.model import Interval
from kiosk.core.policy import EffectivePolicy
from kiosk.core.refusals import Refusal, RefusalCode
from kiosk.store import convert, offers, queries, repo
from kiosk.store.schema import MemberRow, ResourceRow, SiteRow


@dataclass(frozen=True, slots=True)
class Parties:
    """The rows one booking request is about."""

    site: SiteRow
    resource: ResourceRow
    member: MemberRow


def not_found(what: str, ident: object) -> Refusal:
    return Refusal(RefusalCode.NOT_FOUND, "No {what} with id {id} is known here.",
                   {"what": what, "id": ident}, None)


def load_parties(session: Session, resource_id: str, member_id: str) -> Parties | Refusal:
    resource = session.get(ResourceRow, resource_id)
    if resource is None:
        return not_found("resource", resource_id)
    member = session.get(MemberRow, member_id)
    if member is None:
        return not_found("member", member_id)
    return Parties(repo.site_row(session), resource, member)


def policy_for(session: Session, parties: Parties) -> EffectivePolicy:
    return repo.effective_policy(session, parties.site, parties.resource, parties.member.cohort)


def booking_context(
    session: Session, parties: Parties, span: Interval, now: datetime, *,
    exclude_id: str = "", margin: timedelta | None = None,
) -> BookingContext:
    """The context for judging ``span``; ``busy`` covers ``margin`` (default: the buffer)
    around it, excluding ``exclude_id`` (a reservation being moved)."""
    policy = policy_for(session, parties).policy
    buffer = timedelta(minutes=policy.buffer_minutes)
    busy = queries.busy_near(
        session, parties.resource.id, span, margin=buffer if margin is None else margin,
        longest_seconds=parties.resource.longest_seconds, exclude_id=exclude_id,
    )
    busy += offers.holds(session, parties.resource.id, now, parties.member.id)
    site = parties.site
    return BookingContext(
        site=convert.site(site), resource=convert.resource(parties.resource),
        member=convert.member(parties.member), policy=policy, now=now, busy=busy,
        closures=repo.closures_near(session, site.id, parties.resource.id, span),
        member_active=repo.member_active(session, parties.member.id, now, exclude_id),
        flag_enabled=repo.flag_enabled(session, site.id, parties.member.cohort),
    )


def judge(
    session: Session, parties: Parties, span: Interval, now: datetime, *,
    staff: bool = False, exclude_id: str = "",
) -> Refusal | None:
    """``check_booking`` on a tight context; a conflict is judged again on the wider
    ``slots.search_window`` so that its alternatives are reliable."""
    ctx = booking_context(session, parties, span, now, exclude_id=exclude_id)
    refusal = check_booking(ctx, span, staff=staff)
    if refusal is None or refusal.code != RefusalCode.CONFLICT:
        return refusal
    window = slots.search_window(span, ctx.policy.buffer_minutes)
    wide = queries.busy_near(
        session, parties.resource.id, window, margin=timedelta(minutes=ctx.policy.buffer_minutes),
        longest_seconds=parties.resource.longest_seconds, exclude_id=exclude_id,
    )
    wide += offers.holds(session, parties.resource.id, now, parties.member.id)
    ctx = replace(ctx, busy=wide, closures=repo.closures_near(
        session, parties.site.id, parties.resource.id, window))
    return check_booking(ctx, span, staff=staff) or refusal
