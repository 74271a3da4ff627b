"""Applying a mutation at the kiosk: load what the core reads, ``decide``, save what it
says changes and queue the mutation in the outbox — one write transaction, so a local
change and its outbox row commit (or vanish) together."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from kiosk.core import mutations
from kiosk.core.changes import Applied
from kiosk.core.decisions import Effects, Loaded, decide
from kiosk.core.decisions.suggest import with_suggestions
from kiosk.core.decisions.undo import undo_of
from kiosk.core.model import Reservation, WaitlistEntry
from kiosk.core.mutations import Mutation
from kiosk.core.refusals import Refusal
from kiosk.store import outbox
from kiosk.store.loading import load
from kiosk.store.saving import save
from kiosk.store.service_base import ServiceBase


@dataclass(frozen=True, slots=True)
class Decided:
    """A mutation applied here: what the core said changes and what it read."""

    effects: Effects
    loaded: Loaded

    def reservation(self, ident: str) -> Reservation:
        """The reservation ``ident`` as it is now (changed, or as loaded if unchanged);
        ``ident`` in any spelling of its UUID, as the caller gave it."""
        ident = mutations.read_id(ident)
        found = next((r for r in self.effects.reservations if r.id == ident), None)
        found = found or self.loaded.reservation
        assert found is not None and found.id == ident
        return found

    def entry(self, ident: str) -> WaitlistEntry:
        ident = mutations.read_id(ident)
        found = next((e for e in self.effects.entries if e.id == ident), None)
        found = found or self.loaded.entry
        assert found is not None and found.id == ident
        return found


class Writer(ServiceBase):
    def apply(self, m: Mutation, *, suggest: bool = False) -> Applied[Decided] | Refusal:
        """Apply ``m`` now. ``InvalidInput`` (nothing read or written) when it is not
        something the server could read; ``suggest`` attaches free alternatives to a
        refusal for a person to pick."""
        m = mutations.validate(m)
        now = self.now()
        with self.store.write() as session:
            outcome = apply_in(session, m, now)
        if isinstance(outcome, Refusal) and suggest:
            with self.store.read() as session:
                return with_suggestions(m, load(session, m, now, wide=True), outcome)
        return outcome


def apply_in(session: Session, m: Mutation, now: datetime) -> Applied[Decided] | Refusal:
    """Load, decide and save ``m`` inside the caller's write transaction."""
    loaded = load(session, m, now)
    effects = decide(m, loaded)
    if isinstance(effects, Refusal):
        return effects
    save(session, effects)
    outbox.append(session, m, now, undo_of(loaded, effects))
    return Applied(Decided(effects, loaded), effects.changes())
