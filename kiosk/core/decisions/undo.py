"""What undoes a decision's effects: the rows as they were before it (``None`` for a row it
inserted) and the inverse of its no-show count changes. The kiosk keeps this beside a
pending mutation, so a change the server rejects is taken back exactly; it is JSON in the
contract's own ``data`` form (``kiosk.core.entities``)."""

from __future__ import annotations

from typing import Any

from kiosk.core import entities
from kiosk.core.decisions.state import Effects, Loaded
from kiosk.core.model import Reservation, WaitlistEntry


def undo_of(loaded: Loaded, effects: Effects) -> dict[str, Any]:
    """The before-images of every row ``effects`` writes, read from ``loaded``."""
    before_res: dict[str, Reservation] = {}
    if loaded.reservation is not None:
        before_res[loaded.reservation.id] = loaded.reservation
    if loaded.context is not None:
        before_res.update({r.id: r for r in loaded.context.busy})
    before_wait: dict[str, WaitlistEntry] = {e.id: e for e in loaded.waitlist}
    if loaded.entry is not None:
        before_wait[loaded.entry.id] = loaded.entry
    reservations: dict[str, Any] = {r.id: None for r in effects.inserted}
    for r in effects.updated:  # a row it updates was loaded (so never taken for new)
        if (old := before_res.get(r.id)) is not None:
            reservations[r.id] = entities.reservation_data(old)
    waitlist: dict[str, Any] = {e.id: None for e in effects.waitlist_inserted}
    for e in effects.waitlist_updated:
        if (was := before_wait.get(e.id)) is not None:
            waitlist[e.id] = entities.waitlist_data(was)
    return {"reservations": reservations, "waitlist": waitlist,
            "no_shows": {m: -d for m, d in effects.no_show_deltas().items() if d}}
