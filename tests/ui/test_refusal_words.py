"""Refusal parameters that are codes ({status}, {what}, {kind}, {badge}) are shown in the
kiosk's language, never as English words or raw keys inside a Spanish sentence."""

from __future__ import annotations

from kiosk.core import messages
from kiosk.core.model import ReservationStatus, WaitlistStatus
from kiosk.ui.widgets import refusal_text
from kiosk.ui.words import entity_label, status_label
from tests.ui.ts_file import translations

#: Every ``what`` the rules pass: the parties the core and the server load (resource,
#: member), the records a change names (booking, waitlist place) and the staff desk's
#: rejected changes.
WHATS = ("booking", "resource", "member", "waitlist place", "rejected change")


def test_english_reads_codes_as_words(qapp) -> None:
    assert refusal_text(messages.resource_inactive("Table saw 1", "table_saw")).endswith(
        "Please choose another table saw.")
    assert refusal_text(messages.refuse("not_active", status="no_show")).startswith(
        "This booking is a no-show,")
    assert refusal_text(messages.not_found("waitlist place", "x1")).startswith(
        "No waitlist place with id")
    assert "the woodshop badge" in refusal_text(messages.badge_missing("Saw", "woodshop"))


def test_spanish_refusals_translate_their_codes(spanish) -> None:
    inactive = refusal_text(messages.resource_inactive("Fresadora 1", "cnc_router"))
    assert inactive.endswith("Elija otro recurso de tipo fresadora CNC.")
    not_active = refusal_text(messages.refuse("not_active", status="cancelled"))
    assert "en estado cancelada," in not_active
    closed = refusal_text(messages.refuse("waitlist_closed", status="expired"))
    assert "en estado caducado." in closed
    missing = refusal_text(messages.not_found("booking", "x1"))
    assert "(reserva)" in missing
    for text in (inactive, not_active, closed, missing):
        for english in ("cnc_router", "cancelled", "expired", "booking"):
            assert english not in text


def test_every_status_and_what_has_a_spanish_word(spanish) -> None:
    words = set(translations("es", "Words").values())
    statuses = [str(s) for s in (*ReservationStatus, *WaitlistStatus)]
    untranslated = ([s for s in statuses if status_label(s) not in words]
                    + [w for w in WHATS if entity_label(w) not in words])
    assert not untranslated, f"shown as English inside a Spanish refusal: {untranslated}"
