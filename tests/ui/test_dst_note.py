"""The DST note names the day it is about, whichever day is on screen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale

from kiosk.ui import i18n
from kiosk.ui.calendar_model import DayModel
from kiosk.ui.fmt import Formatter
from kiosk.ui.screens.dst_note import dst_note

LA = "America/Los_Angeles"


def note(day: date, zone: str = LA, locale: str = "en_US") -> str:
    return dst_note(DayModel(zone, day, []), Formatter(zone, QLocale(locale)))


def test_spring_forward_names_the_day_and_its_length(qapp) -> None:
    text = note(date(2026, 3, 8))
    assert text.startswith("On Sunday 8 March the clocks go forward 1\u00a0h")
    assert "This day has 23 hours." in text
    assert "tonight" not in text and "Today" not in text


def test_fall_back_names_the_day_and_its_length(qapp) -> None:
    text = note(date(2026, 11, 1))
    assert text.startswith("On Sunday 1 November the clocks go back 1\u00a0h")
    assert "PDT and PST" in text and "This day has 25 hours." in text


def test_half_hour_shift_and_ordinary_days(qapp) -> None:
    assert "This day has 23.5 hours." in note(date(2026, 10, 4), "Australia/Lord_Howe")
    assert note(date(2026, 6, 1)) == ""


def test_spanish_note(qapp, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("KIOSK_I18N_CACHE", str(tmp_path))
    translator = i18n.install(qapp, "es")
    try:
        text = note(date(2026, 3, 8), locale="es_US")
    finally:
        i18n.uninstall(qapp, translator)
    assert text.startswith("El domingo 8 de marzo los relojes se adelantan 1\u00a0h")
    assert "Este día tiene 23 horas." in text

