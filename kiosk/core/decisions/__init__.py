"""The one rulebook: every state change of the contract decided once, for the kiosk and
the server alike.

``decide(mutation, loaded)`` is a pure function of the mutation (whose ``via`` says who
acts), what was loaded for it (``lookup_of`` → ``scope_of`` say what) and the deciding
side's clock (``loaded.now``). It returns a ``Refusal`` (code + params) or the
``Effects`` to save. The jobs — ``no_show_sweep`` and ``offer_expiry`` — are pure
functions of what they read in the same way. The edges (``kiosk.store``,
``central.domain``) only load, decide and save.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.core.decisions import attendance, bookings, queue
from kiosk.core.decisions.attendance import no_show_sweep
from kiosk.core.decisions.queue import offer_expiry
from kiosk.core.decisions.state import (
    Effects,
    Freed,
    Loaded,
    Lookup,
    Scope,
    lookup_of,
    scope_of,
)
from kiosk.core.mutations import (
    CancelReservation,
    CheckIn,
    ClaimOffer,
    ClearNoShow,
    CreateReservation,
    EndEarly,
    JoinWaitlist,
    LeaveWaitlist,
    MoveReservation,
    Mutation,
)
from kiosk.core.refusals import Refusal

__all__ = ["Effects", "Freed", "Loaded", "Lookup", "Scope", "decide", "lookup_of",
           "no_show_sweep", "offer_expiry", "scope_of"]

_DECIDERS: dict[type[Any], Callable[[Any, Loaded], Refusal | Effects]] = {
    CreateReservation: bookings.create,
    CancelReservation: bookings.cancel,
    MoveReservation: bookings.move,
    EndEarly: bookings.end_early,
    CheckIn: attendance.check_in,
    ClearNoShow: attendance.clear_no_show,
    JoinWaitlist: queue.join,
    LeaveWaitlist: queue.leave,
    ClaimOffer: queue.claim,
}


def decide(m: Mutation, loaded: Loaded) -> Refusal | Effects:
    """The outcome of ``m`` on ``loaded`` (see the module)."""
    return _DECIDERS[type(m)](m, loaded)
