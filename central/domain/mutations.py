"""Applying one sync mutation on the server, inside the push's transaction: load what the
core reads (``central.domain.loading``), let it decide (``kiosk.core.decisions``), save
what it says changes (``central.domain.saving``). No rule is decided here.

``apply`` returns the refusal or the effects; a refusal found only while writing (two
kiosks racing for one slot: the exclusion constraint) is raised as ``RefusedError``.
"""

from __future__ import annotations

from collections.abc import Callable

from central.domain import queries, saving
from central.domain.loading import Ctx, load
from kiosk.core.decisions import Effects, Loaded, decide
from kiosk.core.model import Resource, Site
from kiosk.core.mutations import CheckIn, ClaimOffer, Mutation, claim_reservation_id
from kiosk.core.refusals import Refusal

__all__ = ["Ctx", "apply"]


def apply(ctx: Ctx, m: Mutation) -> Refusal | Effects:
    loaded = load(ctx, m)
    if isinstance(loaded, Refusal):
        return loaded
    effects = decide(m, loaded)
    if isinstance(effects, Refusal) or effects.empty:
        return effects
    site, resource_of, buffer = _where(ctx, loaded)
    entry_extra = ({m.id: {"reservation_id": claim_reservation_id(m)}}
                   if isinstance(m, ClaimOffer) else None)
    saving.save(ctx.conn, ctx.cs, site, effects, ctx.now, resource_of=resource_of,
                buffer_minutes=buffer, inserted_extra={"device_id": ctx.device_id},
                updated_extra={"checkin_received_at": ctx.now} if isinstance(m, CheckIn)
                else None, entry_extra=entry_extra)
    return effects


def _where(ctx: Ctx, loaded: Loaded) -> tuple[Site, Callable[[str], Resource], int]:
    """The site, the resources by id and the buffer new bookings are stored with."""
    known = loaded.context
    others = saving.resources_by_id(ctx.conn)
    if known is None:
        site = queries.site(ctx.conn, ctx.site_id)
        assert site is not None
        return site, others, 0

    def resource_of(resource_id: str) -> Resource:
        return known.resource if resource_id == known.resource.id else others(resource_id)

    return known.site, resource_of, known.policy.buffer_minutes
