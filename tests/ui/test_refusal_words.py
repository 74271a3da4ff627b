"""Refusal parameters that are codes ({status}, {what}, {kind}, {badge}) are shown in the
kiosk's language, never as English words or raw keys inside a Spanish sentence."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.core import messages
from kiosk.core.refusals import Refusal, RefusalCode
from kiosk.ui import i18n
from kiosk.ui.widgets import refusal_text


def status_refusal(template: str, status: str) -> Refusal:
    return Refusal(RefusalCode.RULE_VIOLATION, template, {"status": status}, None)


def not_found(what: str) -> Refusal:
    return Refusal(RefusalCode.NOT_FOUND, "No {what} with id {id} is known here.",
                   {"what": what, "id": "x1"}, None)


@pytest.fixture
def spanish(qapp, monkeypatch, tmp_path) -> Iterator[None]:
    monkeypatch.setenv("KIOSK_I18N_CACHE", str(tmp_path))
    translator = i18n.install(qapp, "es")
    yield
    i18n.uninstall(qapp, translator)


def test_english_reads_codes_as_words(qapp) -> None:
    assert refusal_text(messages.resource_inactive("Table saw 1", "table_saw")).endswith(
        "Please choose another table saw.")
    assert refusal_text(status_refusal(
        "Only an active booking can be moved; this one is {status}.", "no_show")).endswith(
        "this one is a no-show.")
    assert refusal_text(not_found("waitlist entry")).startswith("No waitlist place with id")
    assert "the woodshop badge" in refusal_text(messages.badge_missing("Saw", "woodshop"))


def test_spanish_refusals_translate_their_codes(spanish) -> None:
    inactive = refusal_text(messages.resource_inactive("Fresadora 1", "cnc_router"))
    assert inactive.endswith("Elija otro recurso de tipo fresadora CNC.")
    moved = refusal_text(status_refusal(
        "Only an active booking can be moved; this one is {status}.", "cancelled"))
    assert moved.endswith("esta está en estado cancelada.")
    over = refusal_text(status_refusal(
        "This booking is over ({status}); it cannot be cancelled.", "checked_in"))
    assert "(con llegada registrada)" in over
    missing = refusal_text(not_found("reservation"))
    assert "(reserva)" in missing
    for text in (inactive, moved, over, missing):
        for english in ("cnc_router", "cancelled", "checked_in", "reservation"):
            assert english not in text
