"""Other times to offer a person whose booking or move was refused: the next free slots
of the same length, for refusals another time may cure (``slots.SUGGEST_FOR``). Only a
person at a screen needs them; a change pushed over sync never does."""

from __future__ import annotations

from dataclasses import replace

from kiosk.core.decisions.freeing import with_holds
from kiosk.core.decisions.state import Loaded
from kiosk.core.mutations import CreateReservation, MoveReservation, Mutation, Via
from kiosk.core.refusals import Refusal
from kiosk.core.slots import SUGGEST_FOR, next_free_slots


def with_suggestions(m: Mutation, loaded: Loaded, refusal: Refusal) -> Refusal:
    """``refusal`` with free alternatives attached. ``loaded`` should be loaded over the
    span's ``slots.search_window`` so the alternatives are really free."""
    ctx = loaded.context
    if (refusal.code not in SUGGEST_FOR or ctx is None
            or not isinstance(m, CreateReservation | MoveReservation)):
        return refusal
    ctx = with_holds(ctx, loaded.waitlist, ctx.member.id)
    if isinstance(m, MoveReservation):
        ctx = replace(ctx, flag_enabled=True)
    found = next_free_slots(ctx, m.span, staff=m.via is Via.STAFF)
    return refusal.with_alternatives(found)
