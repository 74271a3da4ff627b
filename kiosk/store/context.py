"""Loading the core's ``BookingContext`` inside the caller's transaction: the resource's
active reservations near a span, closures, the member's active count and the flag. Held
waitlist offers are not added here: the core adds them (``decisions.freeing.with_holds``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from kiosk.core.booking import BookingContext
from kiosk.core.model import Interval, WaitlistEntry
from kiosk.core.policy import EffectivePolicy
from kiosk.store import convert, offers, queries, repo
from kiosk.store.schema import MemberRow, ResourceRow, SiteRow


@dataclass(frozen=True, slots=True)
class Parties:
    """The rows one booking request is about."""

    site: SiteRow
    resource: ResourceRow
    member: MemberRow


def load_parties(session: Session, resource_id: str,
                 member_id: str) -> Parties | tuple[str, str]:
    """The site, resource and member, or ``(what, id)`` of the one that is missing."""
    resource = session.get(ResourceRow, resource_id)
    if resource is None:
        return ("resource", resource_id)
    member = session.get(MemberRow, member_id)
    if member is None:
        return ("member", member_id)
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
    site = parties.site
    return BookingContext(
        site=convert.site(site), resource=convert.resource(parties.resource),
        member=convert.member(parties.member), policy=policy, now=now, busy=busy,
        closures=repo.closures_near(session, site.id, parties.resource.id, span),
        member_active=repo.member_active(session, parties.member.id, now, exclude_id),
        flag_enabled=repo.flag_enabled(session, site.id, parties.member.cohort),
    )


def open_entries(session: Session, resource_id: str) -> tuple[WaitlistEntry, ...]:
    """The resource's waiting and offered places, in queue order."""
    return tuple(convert.waitlist_entry(r) for r in offers.open_rows(session, resource_id))
